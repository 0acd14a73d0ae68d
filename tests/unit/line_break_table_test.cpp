// SPDX-License-Identifier: Apache-2.0
// Line breaks a typesetter accepts, case by case from tests/data/line-breaks.tsv: real sentences
// of the corpus set at a width in grid cells, with the line breaking of layouts/gbt9704.xml
// (<line-breaking>, GB/T 15835-2011; 避头尾 of GB/T 15834-2011 5.1 and clreq 3.1.7).
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "layout/cjk/kinsoku.hpp"
#include "layout/inline/inline.hpp"
#include "model/layout_spec.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

struct break_case {
  int line = 0;  // in the table
  std::string rule, source, text, expected;
  int cells = 0;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) out.push_back(part);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::vector<break_case> read_table() {
  std::vector<break_case> cases;
  std::istringstream in(test::read_source("tests/data/line-breaks.tsv"));
  std::string row;
  for (int line = 1; std::getline(in, row); ++line) {
    if (row.empty() || row[0] == '#') continue;
    const std::vector<std::string> f = split(row, '\t');
    INFO("line-breaks.tsv:" << line << ": " << row);
    REQUIRE(f.size() == 5);
    cases.push_back({line, f[0], f[1], f[3], f[4], std::stoi(f[2])});
  }
  return cases;
}

layout::line_rules rules_of(const model::layout_spec& spec) {
  return {spec.line_breaking.units, spec.line_breaking.roman_units,
          spec.line_breaking.squeeze_punctuation};
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

struct set_text {
  std::vector<layout::set_line_result> lines;
  std::vector<char32_t> missing;  // characters the test fonts lack
};

// The text in the body style, `cells` grid cells wide, broken by `spec`'s rules
// (widow control, push-in and hanging marks only where the case's rule asks for them: the
// other cases show one rule each).
set_text set_in_cells(const std::string& text, double cells, const model::layout_spec& spec,
                      const std::string& rule = "") {
  const auto& env = test::environment::get();
  REQUIRE(env.fonts);
  layout::text_piece piece;
  piece.text = text;
  piece.font = env.fonts->get(env.spec.body.style.role);
  piece.fallbacks = {env.fonts->get(env.spec.fallback_role)};  // ― (U+2015) is not in FandolFang
  piece.size = env.spec.body.style.size;
  layout::break_finder breaks(rules_of(spec));
  layout::prepared_text p = layout::prepare({piece}, env.spec.cell(), breaks);
  layout::paragraph_params params;
  params.width = cells * env.spec.cell();
  params.widow_control = starts_with(rule, "widow") && spec.line_breaking.widow_control;
  params.push_in =
      (starts_with(rule, "widow") || starts_with(rule, "push-in")) && spec.line_breaking.push_in;
  params.hanging = starts_with(rule, "hanging");
  return {layout::set_lines(p, params), p.missing};
}

std::string joined(const std::vector<layout::set_line_result>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? "|" : "") + lines[i].text;
  return out;
}

}  // namespace

TEST_CASE("every case of tests/data/line-breaks.tsv breaks as the table says") {
  const auto& env = test::environment::get();
  const std::vector<break_case> cases = read_table();
  for (const char* rule :
       {"number-unit", "number-decimal", "roman-unit", "overflow", "dash", "doc-number", "latin",
        "no-start", "no-end", "widow", "push-in", "hanging"}) {
    INFO("a case of the rule " << rule);
    CHECK(std::any_of(cases.begin(), cases.end(),
                      [&](const break_case& c) { return starts_with(c.rule, rule); }));
  }
  for (const break_case& c : cases) {
    INFO("line-breaks.tsv:" << c.line << " (" << c.rule << ", " << c.source << ", " << c.cells
                            << " cells)");
    const set_text set = set_in_cells(c.text, c.cells, env.spec, c.rule);
    CHECK(set.missing.empty());
    CHECK(joined(set.lines) == c.expected);
    // Every line but the last is flush with the right edge and keeps 避头尾.
    for (size_t i = 0; i < set.lines.size(); ++i) {
      const std::u32string u = utf8_decode(set.lines[i].text);
      INFO("line " << i + 1 << ": " << set.lines[i].text);
      REQUIRE_FALSE(u.empty());
      if (i > 0) CHECK_FALSE(layout::cjk::is_gb_no_line_start(u.front()));
      if (set.lines[i].last) continue;
      CHECK_FALSE(layout::cjk::is_gb_no_line_end(u.back()));
      // A hanging mark ends one cell past the edge.
      const double edge = (c.cells + (set.lines[i].hangs ? 1 : 0)) * env.spec.cell();
      CHECK(test::mm(set.lines[i].runs.back().right()) == Approx(test::mm(edge)).margin(0.01));
      CHECK(set.lines[i].hangs == starts_with(c.rule, "hanging"));
      if (starts_with(c.rule, "push-in") && i == 0)
        CHECK((set.lines[i].pushed_in > 0) == (c.rule != "push-in none"));
    }
  }
}

TEST_CASE("the marks the corpus lacks are in the 避头尾 tables") {
  // GB/T 15834-2011 5.1: closing marks, 问号 and 叹号 never start a line, opening marks never end
  // one.
  for (char32_t c : std::u32string(U"？！」』’…—")) CHECK(layout::cjk::is_gb_no_line_start(c));
  for (char32_t c : std::u32string(U"「『‘")) CHECK(layout::cjk::is_gb_no_line_end(c));
}

TEST_CASE("a layout that extends gbt9704 adds a measure word to the units") {
  const auto& env = test::environment::get();
  const std::string text =
      "湖北省地震局于2003年3月5日在马鬃山村水坪5组设立了现场监测组，";  // 04-fuhan
  CHECK(joined(set_in_cells(text, 11, env.spec).lines) ==
        "湖北省地震局于2003年|3月5日在马鬃山村水坪5|组设立了现场监测组，");
  // The child restates the list with 组 added (a layout's attributes replace its parent's).
  const std::string xml = "<layout name=\"units\" extends=\"gbt9704\"><line-breaking units=\"" +
                          env.spec.line_breaking.units + " 组\"/></layout>";
  model::layout_spec child;
  diagnostics diags;
  REQUIRE(model::parse_layout(xml, "units.xml", child, diags, test::source_layouts()));
  CHECK(child.line_breaking.roman_units == env.spec.line_breaking.roman_units);
  CHECK(joined(set_in_cells(text, 11, child).lines) ==
        "湖北省地震局于2003年|3月5日在马鬃山村水坪|5组设立了现场监测组，");
}

TEST_CASE("a line with no break allowed in it is still set, cluster by cluster at worst") {
  const auto& env = test::environment::get();
  // 09-zhuanfa-qingshi-xizangban; "2000人" is wider than 2 cells.
  const std::string text = "1998年达到2000人的规模。";
  for (double cells : {0.5, 1.0, 2.0, 3.0}) {
    INFO(cells << " cells");
    const set_text set = set_in_cells(text, cells, env.spec);
    std::string all;
    for (const auto& line : set.lines) {
      CHECK_FALSE(line.text.empty());
      all += line.text;
    }
    CHECK(all == text);
  }
  // "2000" takes 2 cells (a half-width digit takes half a cell), so it fills a line alone.
  CHECK(joined(set_in_cells(text, 2, env.spec).lines) == "1998|年达|到|2000|人的|规|模。");
}

// clreq 3.1.6.2 (标点挤压), <line-breaking squeeze-punctuation="yes">: 01-tongzhi-youeryuan.
TEST_CASE("adjacent marks take 1.5 cells where the line needs it, else their cells") {
  const auto& env = test::environment::get();
  const double cell = env.spec.cell();
  const std::string text =
      "按照“一事一议”、“一园一案”的要求逐一进行整改。";  // 25 cells on the grid
  auto x_of = [](const layout::set_line_result& line, const std::string& ch) {
    for (const auto& run : line.runs)
      for (const auto& g : run.glyphs)
        if (g.text == ch) return g.x + g.advance;  // the end of its cell
    FAIL("no " << ch);
    return 0.0;
  };
  // 24 cells: ”、 and 、“ are squeezed, the line holds it all and ends flush.
  const set_text tight = set_in_cells(text, 24, env.spec);
  REQUIRE(tight.lines.size() == 1);
  CHECK(x_of(tight.lines[0], "、") - x_of(tight.lines[0], "”") == Approx(cell / 2).margin(1e-6));
  CHECK(x_of(tight.lines[0], "。") == Approx(24 * cell).margin(1e-6));
  // 25 cells: no squeeze is needed; every character ends on its cell.
  const set_text roomy = set_in_cells(text, 25, env.spec);
  REQUIRE(roomy.lines.size() == 1);
  CHECK(x_of(roomy.lines[0], "、") - x_of(roomy.lines[0], "”") == Approx(cell).margin(1e-6));
  CHECK(x_of(roomy.lines[0], "。") == Approx(25 * cell).margin(1e-6));
  // A full line holds one character more for the squeeze, and stays flush.
  const set_text full = set_in_cells(text, 12, env.spec);
  CHECK(joined(full.lines) == "按照“一事一议”、“一园一|案”的要求逐一进行整改。");
  CHECK(test::mm(full.lines[0].runs.back().right()) == Approx(test::mm(12 * cell)).margin(0.01));
  // squeeze-punctuation="no": pure grid, the 24 cells hold less.
  model::layout_spec grid;
  diagnostics diags;
  REQUIRE(
      model::parse_layout("<layout name=\"grid\" extends=\"gbt9704\"><line-breaking "
                          "squeeze-punctuation=\"no\"/></layout>",
                          "grid.xml", grid, diags, test::source_layouts()));
  CHECK(set_in_cells(text, 24, grid).lines.size() == 2);
  CHECK(joined(set_in_cells(text, 12, grid).lines) ==
        "按照“一事一议”、“一园|一案”的要求逐一进行整|改。");
}
