// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as fonts.xml (<fonts>: roles, candidates,
// aliases). Bad input must give an error diagnostic, never a crash, a hang or
// an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fonts/config.hpp"
#include "model/font_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  hongtou::fonts::font_config config;
  hongtou::diagnostics diags;
  const bool ok = hongtou::model::parse_font_config(xml, "fonts.xml", config, diags);
  // The contract of parse_font_config: a failure always says why.
  if (!ok && !diags.has_errors()) std::abort();
  for (const auto& d : diags.items()) (void)hongtou::format(d);
  return 0;
}
