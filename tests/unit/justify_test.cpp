// SPDX-License-Identifier: Apache-2.0
// How a line is set once broken (docs/typography.md, "Justification"): push-in takes the excess
// off isolated marks, evenly; an opening mark's glyph follows its narrowed cell; digits take
// half a cell and a full line spreads its slack; a hanging mark ends past the edge; the counts
// of frames::layout_stats. Sentences from the corpus.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "layout/inline/inline.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

layout::prepared_text prepared(const std::string& text) {
  const auto& env = test::environment::get();
  layout::text_piece piece;
  piece.text = text;
  piece.font = env.fonts->get(env.spec.body.style.role);
  piece.size = env.spec.body.style.size;
  layout::break_finder breaks({env.spec.line_breaking.units, env.spec.line_breaking.roman_units,
                               env.spec.line_breaking.squeeze_punctuation});
  return layout::prepare({piece}, env.spec.cell(), breaks);
}

// The glyph that starts the cluster `text` (the first of them).
const positioned_glyph& glyph(const layout::set_line_result& line, const std::string& text) {
  for (const auto& run : line.runs)
    for (const auto& g : run.glyphs)
      if (g.text == text) return g;
  FAIL("no " << text);
  static positioned_glyph none;
  return none;
}

// x in cells from the line's start.
double cells(double x) {
  return x / test::environment::get().spec.cell();
}

}  // namespace

TEST_CASE("push-in takes the excess off the line's isolated marks evenly, none past half a cell") {
  // 01-tongzhi-youeryuan: 25 cells in 24; ， and 、 give half a cell each.
  const layout::prepared_text p =
      prepared("办成公办园的，当地政府及有关部门要做好机构编制、教师配备等方面的工作；");
  const double cell = test::environment::get().spec.cell();
  const layout::set_line_result line = layout::set_line(p, 0, 25, 0, 24 * cell, true, false);
  CHECK(line.pushed_in == Approx(cell).margin(1e-6));
  CHECK(glyph(line, "，").advance == Approx(cell / 2).margin(1e-6));
  CHECK(glyph(line, "、").advance == Approx(cell / 2).margin(1e-6));
  CHECK(line.right == Approx(24 * cell).margin(1e-6));
  // Half a cell too many: a quarter off each.
  const layout::set_line_result half = layout::set_line(p, 0, 25, 0, 24.5 * cell, true, false);
  CHECK(glyph(half, "，").advance == Approx(0.75 * cell).margin(1e-6));
  CHECK(glyph(half, "、").advance == Approx(0.75 * cell).margin(1e-6));
  // A line's last mark keeps its cell (its advance box ends at the edge): 24 in 23 cannot give.
  const layout::set_line_result end = layout::set_line(p, 0, 24, 0, 23 * cell, true, false);
  CHECK(glyph(end, "、").advance == Approx(cell).margin(1e-6));
  CHECK(end.pushed_in == Approx(cell / 2).margin(1e-6));  // only ， gives
}

TEST_CASE("a pushed-in opening mark's glyph ends where its narrowed cell ends") {
  // 12-tongbao-dadu-biaoyang: （ gives the half before its ink; ） ends the line, keeps its cell.
  const layout::prepared_text p = prepared("典型经验做法（共130项）");
  const double cell = test::environment::get().spec.cell();
  const layout::set_line_result line =
      layout::set_line(p, 0, p.clusters.size(), 0, 11 * cell, true, true);  // 11.5 cells in 11
  const positioned_glyph& open = glyph(line, "（");
  const positioned_glyph& close = glyph(line, "）");
  // （'s cell, from 法's end to 共, is half a cell; ）'s advance is whole.
  CHECK(cells(glyph(line, "共").x) - 6 == Approx(0.5).margin(1e-6));
  CHECK(cells(close.advance) == Approx(1).margin(1e-6));
  const double natural = test::environment::get().spec.body.style.size;  // a full-width glyph
  CHECK(open.x + natural == Approx(glyph(line, "共").x).margin(0.3));    // ink against 共
}

TEST_CASE("digits take half a cell; a full line with a Latin run spreads its slack, ends flush") {
  const double cell = test::environment::get().spec.cell();
  // Half-width digits take half a cell each, on every line alike: 2019 is 2 cells, 年 on its
  // cell; after the single 4 the text is half a cell off the grid (no padding).
  const layout::prepared_text d = prepared("于2019年4月底前完成");
  const layout::set_line_result dl =
      layout::set_line(d, 0, d.clusters.size(), 0, 28 * cell, true, true);
  CHECK(cells(glyph(dl, "年").x) == Approx(3).margin(1e-6));
  CHECK(cells(glyph(dl, "月").x) == Approx(4.5).margin(1e-6));
  // 01-tongzhi-youeryuan: "GB 50180" is not a whole number of cells; as a full line of 16
  // cells its slack is spread and the line ends flush; the CJK before the run stays on its
  // cells as a last line.
  const layout::prepared_text p = prepared("设计标准》（GB 50180），老城区");
  const layout::set_line_result last =
      layout::set_line(p, 0, p.clusters.size(), 0, 28 * cell, true, true);
  CHECK(cells(glyph(last, "（").x) == Approx(5).margin(1e-6));
  CHECK(last.right < 16 * cell);
  const layout::set_line_result full =
      layout::set_line(p, 0, p.clusters.size(), 0, 16 * cell, true, false);
  CHECK(full.right == Approx(16 * cell).margin(1e-6));
  CHECK(full.pushed_in == 0);
}

TEST_CASE("hanging punctuation: a line-end mark hangs one cell past the edge (layout option)") {
  const auto& env = test::environment::get();
  model::layout_spec hang;
  diagnostics diags;
  REQUIRE(model::parse_layout(
      "<layout name=\"hang\" extends=\"gbt9704\"><line-breaking hanging-punctuation=\"yes\"/>"
      "</layout>",
      "hang.xml", hang, diags, test::source_layouts()));
  CHECK(hang.line_breaking.hanging_punctuation);
  CHECK_FALSE(env.spec.line_breaking.hanging_punctuation);  // gbt9704 keeps the type area
  const layout::prepared_text p =
      prepared("办成公办园的，当地政府及有关部门要做好机构编制、教师配备等方面的工作；");
  const double cell = env.spec.cell();
  layout::paragraph_params params;
  params.width = 23 * cell;
  params.hanging = true;
  const std::vector<layout::set_line_result> lines = layout::set_lines(p, params);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].hangs);
  CHECK(glyph(lines[0], "、").x == Approx(23 * cell).margin(1e-6));
  CHECK(glyph(lines[0], "，").advance == Approx(cell).margin(1e-6));  // nothing pushed in
}

TEST_CASE("the trace counts what line breaking did (stats line)") {
  // 01-tongzhi-youeryuan's first paragraphs: push-in holds 、 and ， on full lines.
  const frames f = test::compose_ok(
      "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2019〕3号"
      "</doc-number></header><title>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知</title>"
      "<body><p>以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中全会"
      "精神，落实全国教育大会部署，坚持以人民为中心的发展思想，认真履行政府责任。</p></body>"
      "</gongwen>");
  CHECK(f.stats.lines == 3);  // the body's lines
  CHECK(f.stats.push_in >= 1);
  CHECK(f.stats.one_char_last == 0);
  CHECK(f.stats.fallback == 0);
}
