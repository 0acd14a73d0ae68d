// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as a bare CFF table, through the validating
// reader and the name-keyed -> CID-keyed converter; what the converter makes
// must parse again as a CID-keyed font of the same glyph count. Bad input must
// give an error, never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fonts/cff.hpp"

namespace cff = hongtou::fonts::cff;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // A copy of exactly `size` bytes, so ASan sees every read past the end.
  const std::vector<uint8_t> bytes(data, data + size);
  cff::cff_info info;
  std::string error;
  const bool parsed = cff::parse(bytes.data(), bytes.size(), info, error);
  if (!parsed && error.empty()) std::abort();
  if (parsed && info.glyph_count == 0) std::abort();

  std::vector<uint8_t> cid;
  error.clear();
  const bool converted = cff::to_cid_keyed(bytes.data(), bytes.size(), cid, error);
  if (!converted && error.empty()) std::abort();
  if (converted && parsed && info.cid_keyed) std::abort();  // refused by contract
  if (converted) {
    // The converter's output is embedded in PDFs: it must be a valid CID-keyed CFF.
    cff::cff_info out;
    error.clear();
    if (!cff::parse(cid.data(), cid.size(), out, error) || !out.cid_keyed ||
        (parsed && out.glyph_count != info.glyph_count))
      std::abort();
  }
  return 0;
}
