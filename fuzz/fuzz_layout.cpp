// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as a layout definition (<layout>), with
// `extends` finding the layouts of layouts/ and tests/layouts, then the font
// names checked against the default fonts/fonts.xml. Bad input must give an
// error diagnostic, never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "fonts/config.hpp"
#include "model/font_config.hpp"
#include "model/layout_spec.hpp"

namespace {

// A parent named by `extends`: <name>.xml of layouts/, then tests/layouts.
bool find_layout(const std::string& name, std::string& text, std::string& source) {
  const std::filesystem::path root(HONGTOU_SOURCE_DIR);
  source = (root / "layouts").string() + ", " + (root / "tests" / "layouts").string();
  if (name.empty() || name.find_first_of("/\\.") != std::string::npos) return false;
  for (const auto& dir : {root / "layouts", root / "tests" / "layouts"}) {
    const std::filesystem::path path = dir / (name + ".xml");
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
    source = path.string();
    return true;
  }
  return false;
}

const hongtou::fonts::font_config& font_config() {
  static const hongtou::fonts::font_config config = [] {
    hongtou::fonts::font_config c;
    hongtou::diagnostics diags;
    if (!hongtou::model::load_font_config(std::string(HONGTOU_SOURCE_DIR) + "/fonts/fonts.xml", c,
                                          diags))
      std::abort();
    return c;
  }();
  return config;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  hongtou::model::layout_spec spec;
  hongtou::diagnostics diags;
  const bool ok = hongtou::model::parse_layout(xml, "fuzz.xml", spec, diags, find_layout);
  // The contract of parse_layout: a failure always says why.
  if (!ok && !diags.has_errors()) std::abort();
  if (ok) {
    hongtou::model::check_font_names(spec, font_config(), diags);
    (void)spec.font_roles();
    (void)spec.optional_font_roles();
  }
  for (const auto& d : diags.items()) (void)hongtou::format(d);
  return 0;
}
