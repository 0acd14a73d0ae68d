// SPDX-License-Identifier: Apache-2.0
// Positions of every element of the work report, in millimetres on the
// display list (GB/T 9704-2012 5.2.3, 7.2, 7.3.1, 7.3.5, 7.5). Tolerance 0.2 mm or tighter.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3: 28 characters in 156 mm
constexpr double pitch = cell * 15 / 8;  // 10.446 mm
constexpr double gap = cell * 7 / 8;     // 4.875 mm

const frames& report() {
  static frames f = [] {
    frames out;
    diagnostics diags;
    bool ok =
        test::compose_xml(test::read_file(test::source_path("samples/report.xml")), out, diags);
    REQUIRE(ok);
    return test::merge_lines(std::move(out));  // a line's Latin and CJK runs as one
  }();
  return f;
}

const glyph_run& find_run(const page& p, element role) {
  for (const auto& r : p.runs)
    if (r.role == role) return r;
  FAIL("no run of element " << element_name(role));
  return p.runs.front();
}

double centre(const glyph_run& r) {
  return test::mm((r.left() + r.right()) / 2);
}

bool is_red(const rgb& c) {
  return c.r == 1 && c.g == 0 && c.b == 0;
}

// Distinct em tops of body/heading runs on a page, in mm.
std::vector<double> body_rows(const page& p) {
  std::set<long> keys;
  std::vector<double> rows;
  for (const auto& r : p.runs) {
    if (r.role != element::body && r.role != element::heading && r.role != element::signature &&
        r.role != element::date)
      continue;
    long key = std::lround(test::mm(r.em_top) * 100);
    if (keys.insert(key).second) rows.push_back(test::mm(r.em_top));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace

TEST_CASE("the page is A4 and the grid is 28 cells of 15.793 pt by rows of 29.61 pt") {
  const auto& spec = test::environment::get().spec;
  CHECK(test::mm(report().page_width) == Approx(210).margin(0.01));
  CHECK(test::mm(report().page_height) == Approx(297).margin(0.01));
  CHECK(spec.cell() == Approx(15.793).margin(0.001));
  CHECK(spec.pitch() == Approx(29.612).margin(0.001));
}

TEST_CASE("the issuer mark is red, centred, its ink top 35 mm below the type area") {
  const glyph_run& mark = find_run(report().pages[0], element::issuer);
  CHECK(is_red(mark.color));
  CHECK(test::mm(mark.ink_top) == Approx(37 + 35).margin(0.05));
  CHECK(centre(mark) == Approx(106).margin(0.05));
  CHECK(test::mm(mark.right() - mark.left()) <= 156.0 + 0.01);
  // "中共某某区委员会文件" at 52 pt is wider than 156 mm: fitted by horizontal scaling.
  CHECK(mark.h_scale < 1);
  CHECK(test::mm(mark.right() - mark.left()) == Approx(156).margin(0.05));
}

TEST_CASE("the document number sits two empty rows below the mark, centred, 16 pt") {
  const page& p1 = report().pages[0];
  const glyph_run& mark = find_run(p1, element::issuer);
  const glyph_run& num = find_run(p1, element::doc_number);
  CHECK(num.size == 16);
  CHECK(test::mm(num.em_top) == Approx(test::mm(mark.ink_bottom) + gap + 2 * pitch).margin(0.05));
  CHECK(centre(num) == Approx(106).margin(0.05));
}

TEST_CASE("the red separator is 156 mm wide, 4 mm below the document number") {
  const page& p1 = report().pages[0];
  REQUIRE(p1.rules.size() == 1);
  const rule& r = p1.rules[0];
  const glyph_run& num = find_run(p1, element::doc_number);
  CHECK(is_red(r.color));
  CHECK(test::mm(r.x) == Approx(28).margin(0.01));
  CHECK(test::mm(r.width) == Approx(156).margin(0.01));
  CHECK(test::mm(r.y) == Approx(test::mm(num.em_bottom) + 4).margin(0.05));
}

TEST_CASE("the title is 22 pt, centred, two empty rows below the separator") {
  const page& p1 = report().pages[0];
  const glyph_run& title = find_run(p1, element::title);
  CHECK(title.size == 22);
  CHECK(centre(title) == Approx(106).margin(0.05));
  CHECK(test::mm(title.em_top) == Approx(test::mm(p1.rules[0].y) + gap + 2 * pitch).margin(0.05));
}

TEST_CASE("body rows lie on the grid of every page; full pages hold 22 rows") {
  const frames& f = report();
  REQUIRE(f.pages.size() >= 3);
  for (const auto& pg : f.pages) {
    INFO("page " << pg.number);
    auto rows = body_rows(pg);
    REQUIRE_FALSE(rows.empty());
    for (double y : rows) {
      double n = (y - 37) / pitch;
      CHECK(n == Approx(std::round(n)).margin(0.002));
    }
    for (size_t i = 1; i < rows.size(); ++i) CHECK(rows[i] - rows[i - 1] >= pitch - 0.01);
  }
  for (size_t i = 1; i + 1 < f.pages.size(); ++i) {
    auto rows = body_rows(f.pages[i]);
    CHECK(rows.size() == 22);
    CHECK(rows.front() == Approx(37).margin(0.01));
    CHECK(rows.back() == Approx(37 + 21 * pitch).margin(0.01));
  }
  // Page 1: the body continues to the 22nd row (em bottom ≈ 262 mm).
  auto first = body_rows(f.pages[0]);
  CHECK(first.back() == Approx(37 + 21 * pitch).margin(0.01));
}

TEST_CASE("paragraphs are indented two cells and full lines end at 184 mm") {
  int indented = 0, full = 0;
  for (const auto& pg : report().pages) {
    for (const auto& r : pg.runs) {
      if (r.role != element::body && r.role != element::heading) continue;
      double left = test::mm(r.left());
      if (left < 28 + 2 * cell + 0.01 && left > 28 + 0.01) {
        CHECK(left == Approx(28 + 2 * cell).margin(0.001));
        ++indented;
      }
      if (test::mm(r.right()) > 180) {
        CHECK(test::mm(r.right()) == Approx(184).margin(0.01));
        ++full;
      }
    }
  }
  CHECK(indented == 7);  // the seven paragraphs of the report
  CHECK(full > 60);
}

TEST_CASE("run-in headings are set in 黑体 and the rest of the paragraph in 仿宋") {
  const auto& env = test::environment::get();
  int headings = 0;
  for (const auto& pg : report().pages)
    for (const auto& r : pg.runs) {
      if (r.role == element::heading) {
        CHECK(r.font.id == env.fonts->get("hei")->id());
        CHECK(r.level == 1);
        ++headings;
      } else if (r.role == element::body) {
        CHECK(r.font.id == env.fonts->get("fangsong")->id());
      }
    }
  CHECK(headings == 6);
  CHECK(report().outline.size() == 6);
}

TEST_CASE("page numbers: 14 pt, dash 7 mm below the type area, odd right and even left") {
  for (const auto& pg : report().pages) {
    INFO("page " << pg.number);
    const glyph_run& num = find_run(pg, element::page_number);
    CHECK(num.size == 14);
    const auto dash = test::face_of(num).ink(num.glyphs.front().id);
    double dash_centre = test::mm(num.baseline - (dash.y_min + dash.y_max) / 2 * num.size);
    CHECK(dash_centre == Approx(262 + 7).margin(0.05));
    double one_char = test::mm(14);
    if (pg.number % 2 == 1)
      CHECK(test::mm(num.right()) == Approx(184 - one_char).margin(0.01));
    else
      CHECK(test::mm(num.left()) == Approx(28 + one_char).margin(0.01));
  }
}

TEST_CASE("signature without seal: name 右空二字 region, date two cells right of the name") {
  const page& last = report().pages.back();
  const glyph_run& name = find_run(last, element::signature);
  const glyph_run& date = find_run(last, element::date);
  auto rows = body_rows(last);
  // One empty row between the body and the name; the date on the next row.
  double body_last = 0;
  for (const auto& r : last.runs)
    if (r.role == element::body) body_last = std::max(body_last, test::mm(r.em_top));
  CHECK(test::mm(name.em_top) == Approx(body_last + 2 * pitch).margin(0.01));
  CHECK(test::mm(date.em_top) == Approx(test::mm(name.em_top) + pitch).margin(0.01));
  CHECK(test::mm(date.left()) == Approx(test::mm(name.left()) + 2 * cell).margin(0.01));
  double limit = 184 - 2 * cell;
  CHECK(test::mm(name.right()) <= limit + 0.01);
  CHECK(test::mm(date.right()) <= limit + 0.01);
  CHECK(std::max(test::mm(name.right()), test::mm(date.right())) == Approx(limit).margin(0.01));
}
