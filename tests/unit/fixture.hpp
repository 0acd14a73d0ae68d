#pragma once
// Shared set-up for layout tests: the gbt9704 layout, fonts.xml and the
// faces of every role, loaded once per test run.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "core/units.hpp"
#include "fonts/font_set.hpp"
#include "frames/frames.hpp"
#include "layout/compose.hpp"
#include "model/document.hpp"
#include "model/font_config.hpp"
#include "model/layout_spec.hpp"

namespace hongtou::test {

inline std::string source_path(const std::string& rel) {
  return std::string(HONGTOU_SOURCE_DIR) + "/" + rel;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct environment {
  model::layout_spec spec;
  model::font_config config;
  std::unique_ptr<fonts::font_set> fonts;
  diagnostics diags;

  static const environment& get() {
    static environment env = [] {
      environment e;
      model::load_layout(source_path("layouts/gbt9704.xml"), e.spec, e.diags);
      model::load_font_config(source_path("fonts/fonts.xml"), e.config, e.diags);
      e.fonts = fonts::font_set::load(e.config, layout::required_roles(e.spec), {}, e.diags,
                                      "fonts.xml", layout::optional_roles());
      return e;
    }();
    return env;
  }
};

/// Lays out a document given as XML text; REQUIREs success in the caller.
inline bool compose_xml(const std::string& xml, frames& out, diagnostics& diags) {
  const environment& env = environment::get();
  if (!env.fonts) return false;
  model::document doc;
  if (!model::parse_document(xml, "test.xml", doc, diags)) return false;
  return layout::compose(doc, env.spec, *env.fonts, out, diags);
}

/// Millimetres of a point value.
inline double mm(double pt) {
  return pt_to_mm(pt);
}

}  // namespace hongtou::test
