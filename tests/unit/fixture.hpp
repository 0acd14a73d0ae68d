// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared set-up for layout tests: the gbt9704 layout, and the committed test
// fonts of tests/fonts (never the system's), loaded once per test run.
#include <algorithm>
#include <cmath>
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

/// A notice of one paragraph (国办发〔2019〕3号, samples/notice-kindergarten.xml),
/// for tests of what a layout does to the parts every document has.
inline const std::string kindergarten_notice =
    "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2019〕3号"
    "</doc-number></header><title>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知</title>"
    "<body><p>各地要高度重视。</p></body></gongwen>";

/// Lays out a document given as XML text with a layout of the test's own,
/// REQUIREing success; the diagnostics are shown when it fails.
inline frames compose_in(const model::layout_spec& spec, const std::string& xml) {
  model::document doc;
  diagnostics diags;
  frames f;
  const bool ok = model::parse_document(xml, "test.xml", doc, diags) &&
                  layout::compose(doc, spec, *environment::get().fonts, f, diags);
  for (const auto& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  return f;
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

/// The frames with each line's runs of one element merged into one run: a
/// line of 仿宋 text with digits is one run per face (the Latin font's and the
/// CJK font's, spec §10), and what a test measures is the line. Runs merge
/// when they follow each other in a page's list, share element, level and
/// baseline (0.01 pt), and are less than a cell apart (a Latin run may be
/// padded to whole cells, docs/typography.md); the merged run takes the first
/// run's fields, its face that of the first run not in the Latin face, and
/// the union of their ink.
inline frames merge_lines(frames f) {
  const fonts::face* latin = environment::get().fonts->get("latin");
  const uint32_t latin_id = latin ? latin->id() : 0;
  for (auto& pg : f.pages) {
    std::vector<glyph_run> out;
    for (auto& r : pg.runs) {
      glyph_run* prev = out.empty() ? nullptr : &out.back();
      const bool joins = prev && prev->role == r.role && prev->level == r.level &&
                         std::abs(prev->baseline - r.baseline) < 0.01 &&
                         r.left() - prev->right() > -0.5 && r.left() - prev->right() < 15 &&
                         !r.glyphs.empty();
      if (!joins) {
        out.push_back(std::move(r));
        continue;
      }
      if (prev->font.id == latin_id) prev->font = r.font;
      if (r.ink_measured && prev->ink_measured) {
        prev->ink_top = std::min(prev->ink_top, r.ink_top);
        prev->ink_bottom = std::max(prev->ink_bottom, r.ink_bottom);
      }
      for (auto& g : r.glyphs) prev->glyphs.push_back(std::move(g));
    }
    pg.runs = std::move(out);
  }
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
