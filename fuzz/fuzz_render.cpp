// libFuzzer target: any bytes as a document, through the model, the layout
// and the trace backend. Bad input must give diagnostics, never a crash or a
// hang. Build with -DHONGTOU_BUILD_FUZZ=ON and clang; run
//   build-fuzz/bin/hongtou_fuzz_render -max_total_time=60 build-fuzz/corpus fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fonts/font_set.hpp"
#include "layout/compose.hpp"
#include "model/document.hpp"
#include "model/font_config.hpp"
#include "model/layout_spec.hpp"
#include "render/trace/trace.hpp"

namespace {

struct environment {
  hongtou::model::layout_spec spec;
  std::unique_ptr<hongtou::fonts::font_set> fonts;
  environment() {
    hongtou::diagnostics d;
    hongtou::model::font_config config;
    hongtou::model::load_layout(std::string(HONGTOU_SOURCE_DIR) + "/layouts/gbt9704.xml", spec, d);
    hongtou::model::load_font_config(std::string(HONGTOU_SOURCE_DIR) + "/fonts/fonts.xml", config,
                                     d);
    fonts = hongtou::fonts::font_set::load(config, hongtou::layout::required_roles(spec), {}, d,
                                           "fonts.xml", hongtou::layout::optional_roles());
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static environment env;
  if (!env.fonts || size > 20000) return 0;
  hongtou::model::document doc;
  hongtou::diagnostics diags;
  std::string xml(reinterpret_cast<const char*>(data), size);
  if (!hongtou::model::parse_document(xml, "fuzz.xml", doc, diags)) return 0;
  hongtou::frames f;
  if (hongtou::layout::compose(doc, env.spec, *env.fonts, f, diags)) hongtou::render::trace(f);
  return 0;
}
