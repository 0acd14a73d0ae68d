// SPDX-License-Identifier: Apache-2.0
// 版记 (GB/T 9704-2012 7.4) at the foot of the last page, in millimetres on
// the display list, and the pages it lands on (7.5). Texts from the notice
// 国办发〔2019〕3号 (tests/data/corpus).
#include <catch2/catch.hpp>

#include <sstream>

#include "unit/fixture.hpp"

using namespace hongtou;
using test::runs_of;
using test::text_of;

namespace {

// Laid out, each line's Latin and CJK runs as one (test::merge_lines).
frames compose_ok(const std::string& xml) {
  return test::merge_lines(test::compose_ok(xml));
}

constexpr double pitch = 156.0 / 28 * 15 / 8;  // one body row (5.2.3, 3.2)
constexpr double one_char = 14 * 25.4 / 72;    // 1 字 of 4号 text (3.1)

// The notice's body paragraphs (tests/data/corpus), the first n of them.
std::string paragraphs(size_t n) {
  std::istringstream in(test::read_source("tests/data/corpus/01-tongzhi-youeryuan.txt"));
  std::string line, out;
  size_t row = 0, taken = 0;
  while (std::getline(in, line) && taken < n) {
    if (line.empty() || line[0] == '#') continue;
    if (++row < 4) continue;  // title, 发文字号, addressee
    out += "<p>" + line + "</p>";
    ++taken;
  }
  return out;
}

const std::string cc =
    "党中央各部门，中央军委办公厅。全国人大常委会办公厅，全国政协办公厅，国家监委，"
    "最高人民法院，最高人民检察院。各民主党派中央，全国工商联。";

std::string notice(const std::string& body, const std::string& imprint) {
  return "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2019〕3号"
         "</doc-number></header><title>国务院办公厅关于开展<br/>城镇小区配套幼儿园治理工作的通知"
         "</title><body>" +
         body +
         "</body><signature><organ>国务院办公厅</organ><date>2019年1月9日</date>"
         "</signature>" +
         imprint + "</gongwen>";
}

std::string imprint_xml(bool with_cc) {
  return "<imprint>" + (with_cc ? "<cc>" + cc + "</cc>" : std::string()) +
         "<printer>国务院办公厅</printer><print-date>2019年1月9日</print-date></imprint>";
}

std::vector<const rule*> rules_of(const page& p, element e) {
  std::vector<const rule*> out;
  for (const auto& r : p.rules)
    if (r.role == e) out.push_back(&r);
  return out;
}

double centre(const glyph_run& r) {
  return test::mm((r.em_top + r.em_bottom) / 2);
}

}  // namespace

TEST_CASE(
    "GB/T 9704-2012 7.4: 抄送 and 印发 rows, 4号, 左右各空一字, rules of 0.35/0.25/0.35 mm, the "
    "last on the type-area bottom") {
  const frames f = compose_ok(notice(paragraphs(1), imprint_xml(true)));
  const page& last = f.pages.back();
  const auto rules = rules_of(last, element::imprint);
  REQUIRE(rules.size() == 3);  // bottom up: last, between 抄送 and 印发, first
  CHECK(test::mm(rules[0]->y) == Approx(262).margin(0.05));
  CHECK(test::mm(rules[0]->thickness) == Approx(0.35).margin(0.001));
  CHECK(test::mm(rules[1]->thickness) == Approx(0.25).margin(0.001));
  CHECK(test::mm(rules[2]->thickness) == Approx(0.35).margin(0.001));
  for (const rule* r : rules) {
    CHECK(test::mm(r->width) == Approx(156).margin(0.01));
    CHECK(test::mm(r->x) == Approx(28).margin(0.01));
  }
  const auto runs = runs_of(last, element::imprint);
  // 抄送 on k lines, then 印发机关 and 印发日期 on the last row.
  REQUIRE(runs.size() >= 4);
  const size_t k = runs.size() - 2;
  const glyph_run &cc1 = *runs[0], &cc2 = *runs[1], &cc_last = *runs[k - 1];
  const glyph_run &printer = *runs[k], &date = *runs[k + 1];
  for (const glyph_run* r : runs) CHECK(r->size == 14);
  CHECK(text_of(cc1).rfind("抄送：", 0) == 0);
  CHECK(test::mm(cc1.left()) == Approx(28 + one_char).margin(0.05));
  CHECK(test::mm(cc2.left()) == Approx(28 + 4 * one_char).margin(0.05));  // under the first organ
  CHECK(test::mm(cc1.right()) == Approx(184 - one_char).margin(0.05));
  const std::string last_text = text_of(cc_last);
  CHECK(last_text.substr(last_text.size() - 3) == "。");
  CHECK(text_of(printer) == "国务院办公厅");
  CHECK(test::mm(printer.left()) == Approx(28 + one_char).margin(0.05));
  CHECK(text_of(date) == "2019年1月9日印发");
  CHECK(test::mm(date.right()) == Approx(184 - one_char).margin(0.05));
  // One body row per line, the text centred between its rules.
  CHECK(centre(printer) == Approx(262 - pitch / 2).margin(0.05));
  CHECK(centre(date) == Approx(centre(printer)).margin(0.001));
  for (size_t i = 0; i < k; ++i)
    CHECK(centre(*runs[i]) ==
          Approx(262 - pitch - (static_cast<double>(k - i) - 0.5) * pitch).margin(0.05));
  CHECK(test::mm(rules[1]->y) == Approx(262 - pitch).margin(0.05));
  CHECK(test::mm(rules[2]->y) == Approx(262 - (1 + static_cast<double>(k)) * pitch).margin(0.05));
}

TEST_CASE(
    "GB/T 9704-2012 7.4, 7.5: the 版记 is on the last, even page; a blank page before it and its "
    "page show no number") {
  for (size_t n = 1; n <= 14; ++n) {
    INFO("paragraphs " << n);
    const frames f = compose_ok(notice(paragraphs(n), imprint_xml(n % 2 == 0)));
    const page& last = f.pages.back();
    CHECK(f.pages.size() % 2 == 0);
    const auto rules = rules_of(last, element::imprint);
    REQUIRE_FALSE(rules.empty());
    // Nothing of the body comes within a row's gap of its first rule.
    const double top = rules.back()->y;
    const double gap = test::environment::get().spec.cell() * 7 / 8;
    for (const auto& r : last.runs)
      if (r.role != element::imprint && r.role != element::page_number)
        CHECK(r.em_bottom < top - gap);
    // Only the 版记 page of a blank page before it lacks a number.
    const bool blank_before = f.pages.size() >= 2 && f.pages[f.pages.size() - 2].runs.empty();
    CHECK(runs_of(last, element::page_number).empty() == blank_before);
  }
}

TEST_CASE(
    "GB/T 9704-2012 7.4: without even-page the 版记 stays on the page where the content ends") {
  const std::string xml =
      "<layout name=\"one-sided\" extends=\"gbt9704\"><imprint even-page=\"no\"/></layout>";
  model::layout_spec spec;
  diagnostics diags;
  const auto find = test::source_layouts();
  REQUIRE(model::parse_layout(xml, "one-sided.xml", spec, diags, find));
  model::document doc;
  REQUIRE(model::parse_document(notice(paragraphs(1), imprint_xml(false)), "n.xml", doc, diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *test::environment::get().fonts, f, diags));
  // The signature and the 版记 share the last page, whatever its number.
  const page& last = f.pages.back();
  CHECK(runs_of(last, element::signature).size() == 1);
  CHECK(rules_of(last, element::imprint).size() == 2);
  CHECK(runs_of(last, element::page_number).size() == 1);
}
