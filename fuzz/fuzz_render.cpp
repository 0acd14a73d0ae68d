// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as a document, through the model, the layout
// and the trace backend. Bad input must give diagnostics, never a crash or a
// hang. Build with -DHONGTOU_BUILD_FUZZ=ON and clang; run
//   build-fuzz/bin/hongtou_fuzz_render -max_total_time=60 build-fuzz/corpus fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "layout/page/compose.hpp"
#include "model/document.hpp"
#include "render/trace/trace.hpp"
#include "support/environment.hpp"

namespace {

// gbt9704 with the committed test fonts.
hongtou::test::font_environment& env() {
  static hongtou::test::font_environment e(
      std::string(HONGTOU_SOURCE_DIR) + "/layouts/gbt9704.xml",
      std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts/fonts.xml",
      std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts",
      /*system_fonts=*/false);
  return e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!env().fonts || size > 20000) return 0;
  hongtou::model::document doc;
  hongtou::diagnostics diags;
  std::string xml(reinterpret_cast<const char*>(data), size);
  if (!hongtou::model::parse_document(xml, "fuzz.xml", doc, diags)) return 0;
  hongtou::frames f;
  if (hongtou::layout::compose(doc, env().spec, *env().fonts, f, diags))
    hongtou::render::trace(f, env().cache);
  return 0;
}
