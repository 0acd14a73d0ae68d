// SPDX-License-Identifier: Apache-2.0
// Grid profiles (GB/T 9704-2012 5.2.3 and 3.2; spec §2.3) in millimetres on
// the display list: word-compat (Word's rows of 28.95 pt) and fixed (the
// layout's pitch) put rows from the type-area top with the body size's em
// box centred in each, and every element placed by rows follows them (the
// 发文字号 and the title at measured distances, the body, the signature, the
// 版记 on the bottom rows). Texts from the notice 国办发〔2019〕3号 (tests/data/corpus).
#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <sstream>

#include "support/source.hpp"
#include "unit/fixture.hpp"
#include "unit/layout_spec_fixture.hpp"

using namespace hongtou;
using test::runs_of;

namespace {

constexpr double cell = 156.0 / 28;  // mm, 5.2.3: 28 characters in 156 mm
constexpr double em = 16;            // pt: the body size (3号), whose em box is centred

// The notice's body paragraphs (tests/data/corpus), all of them: three pages.
std::string paragraphs() {
  return test::corpus_paragraphs("tests/data/corpus/01-tongzhi-youeryuan.txt", 3);
}

const std::string notice =
    "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2019〕3号"
    "</doc-number></header><title>国务院办公厅关于开展<br/>城镇小区配套幼儿园治理工作的通知"
    "</title><addressee>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</"
    "addressee><body>" +
    paragraphs() +
    "</body><signature><organ>国务院办公厅</organ><date>2019年1月9日</date></signature>"
    "<imprint><printer>国务院办公厅</printer><print-date>2019年1月9日</print-date></imprint>"
    "</gongwen>";

// gbt9704 with the given <grid> (a layout of the source tree's layouts/ extended).
model::layout_spec with_grid(const std::string& grid) {
  return test::parse_ok("<layout name=\"g\" extends=\"gbt9704\">" + grid + "</layout>",
                        test::source_layouts());
}

frames compose_with(const model::layout_spec& spec, const std::string& xml) {
  model::document doc;
  diagnostics diags;
  REQUIRE(model::parse_document(xml, "n.xml", doc, diags));
  frames f;
  const bool ok = layout::compose(doc, spec, *test::environment::get().fonts, f, diags);
  for (const auto& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  return test::merge_lines(std::move(f));
}

// Distinct em tops (mm) of the lines set on body rows of a page.
std::vector<double> grid_rows(const page& p) {
  std::set<long> keys;
  std::vector<double> rows;
  for (const auto& r : p.runs) {
    if (r.role != element::body && r.role != element::heading && r.role != element::addressee &&
        r.role != element::signature && r.role != element::date)
      continue;
    if (keys.insert(std::lround(test::mm(r.em_top) * 100)).second)
      rows.push_back(test::mm(r.em_top));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

const glyph_run& only(const page& p, element e) {
  const auto runs = runs_of(p, e);
  REQUIRE(runs.size() == 1);
  return *runs.front();
}

// Every check of one profile whose rows are `pitch_pt` apart.
void check_profile(const model::layout_spec& spec, double pitch_pt) {
  const double pitch = test::mm(pitch_pt);
  const double first = 37 + test::mm((pitch_pt - em) / 2);  // row 1's em top
  const double gap = pitch - cell;                          // between two glyph rows
  const frames f = compose_with(spec, notice);
  REQUIRE(f.pages.size() >= 3);

  // Body row r's em top: type top + (pitch − em)/2 + (r − 1)·pitch, on every page.
  for (const auto& pg : f.pages) {
    INFO("page " << pg.number);
    for (double y : grid_rows(pg)) {
      const double r = std::round((y - first) / pitch);
      CHECK(r >= 0);
      CHECK(r <= 21);
      CHECK(y == Approx(first + r * pitch).margin(0.05));
    }
  }
  // A full page: 22 rows, the last inside the type area (its em box and its cell).
  const auto rows = grid_rows(f.pages[1]);
  REQUIRE(rows.size() == 22);
  CHECK(rows.front() == Approx(first).margin(0.05));
  CHECK(rows.back() == Approx(first + 21 * pitch).margin(0.05));
  CHECK(rows.back() + test::mm(em) <= 262 + 1e-6);
  CHECK(rows.back() + cell <= 262 + 1e-6);

  // Page 1: the 发文字号 two empty rows below the mark, the title two below
  // the separator (7.2.5, 7.3.1), measured with this grid's gap and pitch.
  const page& p1 = f.pages[0];
  const glyph_run& mark = only(p1, element::issuer);
  const glyph_run& number = only(p1, element::doc_number);
  CHECK(test::mm(mark.ink_top) == Approx(37 + 35).margin(0.05));
  CHECK(test::mm(number.em_top - mark.ink_bottom) == Approx(gap + 2 * pitch).margin(0.05));
  REQUIRE(p1.rules.size() == 1);
  const auto title = runs_of(p1, element::title);
  REQUIRE_FALSE(title.empty());
  CHECK(test::mm(title.front()->em_top - p1.rules[0].y) == Approx(gap + 2 * pitch).margin(0.05));
  // The addressee on the grid row nearest one empty row below the title.
  const glyph_run& to = *runs_of(p1, element::addressee).front();
  CHECK(test::mm(to.em_top - title.back()->em_bottom) == Approx(gap + pitch).margin(pitch / 2));

  // The signature one empty row below the body, the date on the next row (7.3.5.2).
  const page* signed_page = nullptr;
  for (const auto& pg : f.pages)
    if (!runs_of(pg, element::signature).empty()) signed_page = &pg;
  REQUIRE(signed_page);
  const glyph_run& organ = only(*signed_page, element::signature);
  const glyph_run& date = only(*signed_page, element::date);
  double body_last = 0;
  for (const auto& r : signed_page->runs)
    if (r.role == element::body) body_last = std::max(body_last, test::mm(r.em_top));
  if (body_last > 0) CHECK(test::mm(organ.em_top) == Approx(body_last + 2 * pitch).margin(0.05));
  CHECK(test::mm(date.em_top - organ.em_top) == Approx(pitch).margin(0.05));

  // The 版记 on the bottom row of its page: the last rule on the type-area
  // bottom, the 印发 row's 14 pt em box centred in the row above it (7.4).
  const page& last = f.pages.back();
  const auto printer = runs_of(last, element::imprint);
  REQUIRE_FALSE(printer.empty());
  CHECK(test::mm((printer.front()->em_top + printer.front()->em_bottom) / 2) ==
        Approx(262 - pitch / 2).margin(0.05));
  double lowest = 0;
  for (const auto& r : last.rules) lowest = std::max(lowest, test::mm(r.y));
  CHECK(lowest == Approx(262).margin(0.01));
}

}  // namespace

TEST_CASE("word-compat: rows of 28.95 pt from the type-area top, the em box centred in each") {
  const model::layout_spec spec = with_grid("<grid profile=\"word-compat\"/>");
  CHECK(spec.grid.profile == model::grid_profile::word_compat);
  CHECK(spec.grid.pitch == Approx(28.95));
  CHECK(spec.grid.lines_per_page == 22);
  check_profile(spec, 28.95);
}

TEST_CASE("fixed: rows of the layout's pitch (28 pt), the em box centred in each") {
  const model::layout_spec spec = with_grid("<grid profile=\"fixed\" pitch=\"28pt\"/>");
  CHECK(spec.grid.profile == model::grid_profile::fixed);
  CHECK(spec.grid.pitch == 28);
  check_profile(spec, 28);
}

TEST_CASE("gb-exact keeps its pitch of a cell and 7/8 (no pitch attribute)") {
  const model::layout_spec spec = test::gbt9704();
  CHECK(spec.grid.profile == model::grid_profile::gb_exact);
  CHECK(spec.grid.pitch == 0);
  CHECK(spec.pitch() == Approx(29.612).margin(0.001));
}

// ---- errors: at the attribute (or the element), saying what is allowed ----

namespace {

std::string child_error(const std::string& grid) {
  const std::string xml = "<layout name=\"child\" extends=\"gbt9704\">\n  " + grid + "\n</layout>";
  return test::first_layout_error(
      xml, test::memory_finder({{"gbt9704", test::read_source("layouts/gbt9704.xml")}}));
}

// "l.xml:2:<column of needle in the grid line>: "
std::string at(const std::string& grid, const std::string& needle) {
  return "l.xml:2:" + std::to_string(3 + grid.find(needle)) + ": ";
}

}  // namespace

TEST_CASE("profile fixed needs a pitch; the other profiles take none") {
  const std::string fixed = "<grid profile=\"fixed\"/>";
  CHECK(child_error(fixed) == at(fixed, "<grid") +
                                  "missing attribute pitch on <grid> in layout 'child' or the "
                                  "layouts it extends; profile=\"fixed\" needs it: the row pitch, "
                                  "e.g. pitch=\"28pt\"");
  const std::string word = "<grid profile=\"word-compat\" pitch=\"28pt\"/>";
  CHECK(child_error(word) ==
        at(word, "pitch=") +
            "pitch on <grid> is allowed only with profile=\"fixed\", not "
            "with profile=\"word-compat\"; remove it or set profile=\"fixed\"");
  // gbt9704's own profile (gb-exact), a pitch in the child.
  const std::string exact = "<grid pitch=\"28pt\"/>";
  CHECK(child_error(exact) == at(exact, "pitch=") +
                                  "pitch on <grid> is allowed only with profile=\"fixed\", not "
                                  "with profile=\"gb-exact\"; remove it or set profile=\"fixed\"");
  const std::string unitless = "<grid profile=\"fixed\" pitch=\"28\"/>";
  CHECK(child_error(unitless) == at(unitless, "pitch=") +
                                     "bad length \"28\" in pitch on <grid>; expected a number and "
                                     "a unit: \"37mm\" or \"16pt\"");
  CHECK(child_error("<grid profile=\"word\"/>") ==
        at("<grid profile=\"word\"/>", "profile=") +
            "bad choice \"word\" in profile on <grid>; expected gb-exact, word-compat or fixed");
}

TEST_CASE("a fixed pitch must hold the body size and its rows must fit in the type area") {
  const std::string tall = "<grid profile=\"fixed\" pitch=\"30pt\"/>";
  CHECK(child_error(tall) == at(tall, "pitch=") +
                                 "22 rows of 30pt (660pt) do not fit in the type area's height of "
                                 "637.8pt; expected a pitch of at most 28.99pt for "
                                 "lines-per-page=\"22\"");
  const std::string mm = "<grid profile=\"fixed\" pitch=\"10.5mm\"/>";
  CHECK(child_error(mm).find(at(mm, "pitch=") + "22 rows of 29.764pt") == 0);
  const std::string small = "<grid profile=\"fixed\" pitch=\"12pt\"/>";
  CHECK(child_error(small) == at(small, "pitch=") +
                                  "bad length \"12pt\" in pitch on <grid>; expected at least the "
                                  "body size (16pt), or the rows overlap");
  // Fewer lines make room for a larger pitch: 21 rows of 30 pt fit.
  CHECK(with_grid("<grid profile=\"fixed\" pitch=\"30pt\" lines-per-page=\"21\"/>").grid.pitch ==
        30);
  CHECK(with_grid("<grid profile=\"fixed\" pitch=\"28.99pt\"/>").grid.pitch == Approx(28.99));
}

TEST_CASE("word-compat rows must fit in the type area: at most 22 on the GB/T 9704 type area") {
  const std::string many = "<grid profile=\"word-compat\" lines-per-page=\"23\"/>";
  CHECK(child_error(many) == at(many, "lines-per-page=") +
                                 "23 rows of 28.95pt (665.85pt) do not fit in the type area's "
                                 "height of 637.8pt; expected lines-per-page of at most 22 with "
                                 "profile=\"word-compat\", or profile=\"fixed\" with a smaller "
                                 "pitch");
}

TEST_CASE("a farther layout's pitch is dropped when a nearer one changes the profile") {
  const std::string parent =
      "<layout name=\"p\" extends=\"gbt9704\"><grid profile=\"fixed\" pitch=\"28pt\"/></layout>";
  const model::layout_finder find =
      test::memory_finder({{"gbt9704", test::read_source("layouts/gbt9704.xml")}, {"p", parent}});
  const model::layout_spec fixed = test::parse_ok(
      "<layout name=\"c\" extends=\"p\"><grid lines-per-page=\"20\"/></layout>", find);
  CHECK(fixed.grid.profile == model::grid_profile::fixed);
  CHECK(fixed.grid.pitch == 28);
  const model::layout_spec word = test::parse_ok(
      "<layout name=\"c\" extends=\"p\"><grid profile=\"word-compat\"/></layout>", find);
  CHECK(word.grid.profile == model::grid_profile::word_compat);
  CHECK(word.grid.pitch == Approx(28.95));
  const model::layout_spec exact = test::parse_ok(
      "<layout name=\"c\" extends=\"p\"><grid profile=\"gb-exact\"/></layout>", find);
  CHECK(exact.grid.pitch == 0);
}
