// SPDX-License-Identifier: Apache-2.0
// 信函格式 (GB/T 9704-2012 10.1), layouts/letter.xml, in millimetres on the display list: the
// mark's top 30 mm below the paper's top edge, the red double rules of 170 mm (thick over thin
// 4 mm under the mark, thin over thick with its lower edge 20 mm above the paper's bottom),
// 份号/密级/紧急程度 left and the 发文字号 right 7/8 of a 3号 character under the first rule,
// the title 2 rows below, no page number on page 1. Text: 国办函〔2004〕80号 (corpus 04).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

constexpr double cell = 156.0 / 28;               // 5.2.3
constexpr double gap = cell * 7 / 8;              // 3.2
constexpr double pitch = cell + gap;              // one row
constexpr double seven_eighths = 14 * 25.4 / 72;  // 7/8 of a 3号 (16 pt) character

frames letter(const std::string& head, int paragraphs, const std::string& end = "",
              diagnostics* out = nullptr) {
  model::layout_spec spec;
  diagnostics diags;
  const std::string file = test::source_path("layouts/letter.xml");
  REQUIRE(model::parse_layout(test::read_file(file), file, spec, diags, test::source_layouts()));
  std::string body;
  for (int i = 0; i < paragraphs; ++i)
    body +=
        "<p>根据国务院领导同志批示，2004年4月和9月，国土资源部两次组成专家组赴你省巴东县"
        "官渡口镇马鬃山村地质险情现场进行了调查。</p>";
  model::document doc;
  REQUIRE(model::parse_document(
      "<gongwen layout=\"letter\"><header>" + head +
          "</header><title>国务院办公厅关于湖北省巴东县<br/>地质灾害险情有关问题的复函</title>"
          "<addressee>湖北省人民政府：</addressee><body>" +
          body + "</body>" + end + "</gongwen>",
      "letter.xml", doc, diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *test::environment::get().fonts, f, diags));
  if (out) out->append(diags);
  return test::merge_lines(std::move(f));
}

}  // namespace

TEST_CASE("GB/T 9704-2012 10.1: the letter's mark 30 mm from the paper's top, its double rules") {
  const frames f =
      letter("<issuer>国务院办公厅</issuer><doc-number>国办函〔2004〕80号</doc-number>", 1);
  const page& p1 = f.pages[0];
  const auto mark = test::runs_of(p1, element::issuer);
  REQUIRE(mark.size() == 1);
  CHECK(test::mm(mark[0]->ink_top) == Approx(30).margin(0.05));
  CHECK(test::mm((mark[0]->left() + mark[0]->right()) / 2) == Approx(106).margin(0.05));
  // Four strokes: thick over thin under the mark, thin over thick at the foot; 170 mm, centred,
  // red.
  REQUIRE(p1.rules.size() == 4);
  for (const rule& r : p1.rules) {
    CHECK(test::mm(r.width) == Approx(170).margin(0.01));
    CHECK(test::mm(r.x) == Approx(28 - 7).margin(0.01));  // 7 mm past each side of the type area
    CHECK(r.color == rgb{1, 0, 0});
  }
  const rule &a = p1.rules[0], &b = p1.rules[1], &c = p1.rules[2], &d = p1.rules[3];
  CHECK(a.thickness > b.thickness);  // 武文线: thick above thin
  CHECK(c.thickness < d.thickness);  // 文武线: thin above thick
  CHECK(test::mm(a.y - a.thickness / 2 - mark[0]->ink_bottom) == Approx(4).margin(0.05));
  CHECK(test::mm(d.y + d.thickness / 2) == Approx(297 - 20).margin(0.05));
  // The 发文字号 顶格 at the right, 7/8 of a 3号 character under the first rule.
  const auto number = test::runs_of(p1, element::doc_number);
  REQUIRE(number.size() == 1);
  CHECK(test::mm(number[0]->right()) == Approx(184).margin(0.05));
  CHECK(test::mm(number[0]->em_top - (b.y + b.thickness / 2)) ==
        Approx(seven_eighths).margin(0.05));
  // The title 2 rows below it (as below the separator, 7.3.1), page 1 without its number.
  const auto title = test::runs_of(p1, element::title);
  REQUIRE_FALSE(title.empty());
  CHECK(test::mm(title.front()->em_top - number[0]->em_bottom) ==
        Approx(gap + 2 * pitch).margin(0.05));
  CHECK(test::runs_of(p1, element::page_number).empty());
}

TEST_CASE("GB/T 9704-2012 10.1: 份号, 密级, 紧急程度 顶格 at the left under the first rule") {
  const frames f = letter(
      "<copy-number>000001</copy-number><classification>秘密★1年</classification>"
      "<urgency>特急</urgency><issuer>国务院办公厅</issuer>"
      "<doc-number>国办函〔2004〕80号</doc-number>",
      12);
  const page& p1 = f.pages[0];
  const double rule_bottom = test::mm(p1.rules[1].y + p1.rules[1].thickness / 2);
  const auto copy = test::runs_of(p1, element::copy_number);
  const auto secret = test::runs_of(p1, element::classification);
  const auto urgent = test::runs_of(p1, element::urgency);
  const auto number = test::runs_of(p1, element::doc_number);
  REQUIRE(copy.size() == 1);
  REQUIRE(secret.size() == 1);
  REQUIRE(urgent.size() == 1);
  CHECK(test::mm(copy[0]->em_top) == Approx(rule_bottom + seven_eighths).margin(0.05));
  CHECK(test::mm(secret[0]->em_top - copy[0]->em_top) == Approx(pitch).margin(0.05));
  CHECK(test::mm(urgent[0]->em_top - secret[0]->em_top) == Approx(pitch).margin(0.05));
  for (const auto* r : {copy[0], secret[0], urgent[0]}) CHECK(test::mm(r->left()) == Approx(28));
  CHECK(number[0]->em_top == Approx(copy[0]->em_top));  // the first row, at the right
  // Later pages: a page number, no rules.
  REQUIRE(f.pages.size() >= 2);
  CHECK(test::runs_of(f.pages[1], element::page_number).size() == 1);
  CHECK(f.pages[1].rules.empty());
}

TEST_CASE(
    "GB/T 9704-2012 10.1: a letter's 版记 has no rules and no 印发 row, at the type area's foot") {
  diagnostics diags;
  const frames f =
      letter("<issuer>国务院办公厅</issuer><doc-number>国办函〔2004〕80号</doc-number>", 1,
             "<signature><organ>国务院办公厅</organ><date>2004年11月4日</date></signature>"
             "<imprint><cc>国土资源部，水利部。</cc><printer>国务院办公厅秘书局</printer>"
             "<print-date>2004年11月5日</print-date></imprint>",
             &diags);
  const page& last = f.pages.back();
  // Only the letterhead's four strokes (a one-page letter): no 版记 rules.
  CHECK(last.rules.size() == (f.pages.size() == 1 ? 4u : 0u));
  const auto rows = test::runs_of(last, element::imprint);
  REQUIRE(rows.size() == 1);  // 抄送 only
  CHECK(test::text_of(*rows[0]).rfind("抄送：", 0) == 0);
  CHECK(test::mm(rows[0]->em_bottom) <= 262 + 0.05);
  CHECK(test::mm(rows[0]->em_bottom) > 262 - pitch);
  bool warned = false;
  for (const auto& d : diags.items())
    warned = warned || d.message.find("印发机关") != std::string::npos;
  CHECK(warned);  // the 印发 row given is reported, not silently dropped
}

TEST_CASE("a 版记 without 印发 row: a letter's as it should be; the general format's an error") {
  const std::string cc_only = "<imprint><cc>国土资源部，水利部。</cc></imprint>";
  diagnostics diags;
  const frames f =
      letter("<issuer>国务院办公厅</issuer><doc-number>国办函〔2004〕80号</doc-number>", 1, cc_only,
             &diags);
  CHECK(test::runs_of(f.pages.back(), element::imprint).size() == 1);
  CHECK_FALSE(diags.has_errors());
  // gbt9704 sets the 印发 row (7.4.3): its absence is an error at <imprint>.
  model::document doc;
  diagnostics general;
  REQUIRE(model::parse_document(
      "<gongwen><header><issuer>国务院办公厅</issuer></header><title>关于地质灾害的复函</title>"
      "<body><p>收悉。</p></body>\n" +
          cc_only + "</gongwen>",
      "g.xml", doc, general));
  frames g;
  CHECK_FALSE(layout::compose(doc, test::environment::get().spec, *test::environment::get().fonts,
                              g, general));
  REQUIRE(general.has_errors());
  const diagnostic& d = general.items().back();
  CHECK(d.line == 2);
  CHECK(d.message ==
        "missing <printer> and <print-date> in <imprint>; the layout 'gbt9704' sets the 印发 row "
        "(GB/T 9704-2012 7.4.3)");
  // <printer> and <print-date> go together.
  diagnostics half;
  model::document h;
  CHECK_FALSE(model::parse_document(
      "<gongwen><title>t</title><body><p>a</p></body><imprint><printer>国务院办公厅</printer>"
      "</imprint></gongwen>",
      "h.xml", h, half));
  REQUIRE(half.has_errors());
  CHECK(half.items().front().message ==
        "missing <print-date> in <imprint>; it goes with <printer>");
}
