#pragma once
// Shared set-up for layout tests: the gbt9704 layout, and the committed test
// fonts of tests/fonts (never the system's), loaded once per test run.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/units.hpp"
#include "frames/frames.hpp"
#include "layout/page/compose.hpp"
#include "model/document.hpp"
#include "support/environment.hpp"
#include "support/source.hpp"

namespace hongtou::test {

struct environment {
  /// gbt9704 with the committed test fonts (tests/fonts/fonts.xml), never the system's.
  static const font_environment& get() {
    static font_environment env(source_path("layouts/gbt9704.xml"),
                                source_path("tests/fonts/fonts.xml"), source_path("tests/fonts"),
                                /*system_fonts=*/false);
    return env;
  }
};

/// Lays out a document given as XML text; REQUIREs success in the caller.
inline bool compose_xml(const std::string& xml, frames& out, diagnostics& diags) {
  const font_environment& env = environment::get();
  if (!env.fonts) return false;
  model::document doc;
  if (!model::parse_document(xml, "test.xml", doc, diags)) return false;
  return layout::compose(doc, env.spec, *env.fonts, out, diags);
}

/// Lays out a document given as XML text, REQUIREing success; the
/// diagnostics are shown when it fails.
inline frames compose_ok(const std::string& xml) {
  frames f;
  diagnostics diags;
  const bool ok = compose_xml(xml, f, diags);
  for (const auto& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  return f;
}

/// The runs of an element on a page, in order.
inline std::vector<const glyph_run*> runs_of(const page& p, element e) {
  std::vector<const glyph_run*> out;
  for (const auto& r : p.runs)
    if (r.role == e) out.push_back(&r);
  return out;
}

/// The text of a run.
inline std::string text_of(const glyph_run& r) {
  std::string t;
  for (const auto& g : r.glyphs) t += g.text;
  return t;
}

/// The text of a page's lines of one element, top to bottom (runs whose em
/// tops lie within 1 pt make one line), e.g. a title's lines as set.
inline std::vector<std::string> lines_of(const page& p, element e) {
  std::vector<std::string> lines;
  double top = 0;
  for (const glyph_run* r : runs_of(p, e)) {
    if (lines.empty() || r->em_top > top + 1) lines.emplace_back();
    top = r->em_top;
    lines.back() += text_of(*r);
  }
  return lines;
}

/// Finds the layouts of the source tree's layouts/ (for layouts that extend gbt9704).
inline model::layout_finder source_layouts() {
  return [](const std::string& name, std::string& text, std::string& source) {
    source = source_path("layouts/" + name + ".xml");
    text = read_file(source);
    return !text.empty();
  };
}

/// The face a run is set in.
inline const fonts::face& face_of(const glyph_run& run) {
  return *environment::get().cache.find(run.font.id);
}

/// Millimetres of a point value.
inline double mm(double pt) {
  return pt_to_mm(pt);
}

}  // namespace hongtou::test
