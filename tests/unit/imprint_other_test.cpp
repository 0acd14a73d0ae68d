// SPDX-License-Identifier: Apache-2.0
// The other elements of the 版记 (GB/T 9704-2012 7.4.1): their rows between
// the 抄送 and the 印发 row, a thin rule between them and the 印发 row, in
// millimetres on the display list; and how <other> is read. The notice is
// 国办发〔2019〕3号 (tests/data/corpus); the other elements hold placeholder
// names and numbers.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "unit/fixture.hpp"

using namespace hongtou;
using test::compose_ok;
using test::text_of;

namespace {

constexpr double pitch = 156.0 / 28 * 15 / 8;  // one body row (5.2.3, 3.2)
constexpr double one_char = 14 * 25.4 / 72;    // 1 字 of 4号 text (3.1)

const std::string contact = "联系人：某某某　电话：010-00000000";
// Longer than one line of 4号 text between the insets: it wraps once.
const std::string long_other =
    "联系人：某某某（某某省人民政府办公厅某某处某某科）　电话：010-00000000";

std::string notice(const std::string& imprint) {
  return "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2019〕3号"
         "</doc-number></header><title>国务院办公厅关于开展<br/>城镇小区配套幼儿园治理工作的通知"
         "</title><body><p>城镇小区配套建设幼儿园是城镇公共服务设施建设的重要内容。</p></body>"
         "<signature><organ>国务院办公厅</organ><date>2019年1月9日</date></signature>" +
         imprint + "</gongwen>";
}

std::string imprint_xml(const std::string& cc, const std::vector<std::string>& others) {
  std::string xml = "<imprint>";
  if (!cc.empty()) xml += "<cc>" + cc + "</cc>";
  for (const auto& o : others) xml += "<other>" + o + "</other>";
  return xml + "<printer>国务院办公厅</printer><print-date>2019年1月9日</print-date></imprint>";
}

std::vector<const rule*> imprint_rules(const page& p) {
  std::vector<const rule*> out;
  for (const auto& r : p.rules)
    if (r.role == element::imprint) out.push_back(&r);
  return out;
}

// One row of the 版记: its runs' text, left and right edge and centre, mm.
struct row {
  std::string text;
  double left = 0, right = 0, centre = 0;
};

// The rows of the 版记 on a page, top down (runs grouped by their em box).
std::vector<row> imprint_rows(const page& p) {
  std::map<long, row> rows;
  for (const glyph_run* r : test::runs_of(p, element::imprint)) {
    const double centre = test::mm((r->em_top + r->em_bottom) / 2);
    row& w = rows[std::lround(centre * 100)];
    if (w.text.empty()) w.left = test::mm(r->left());
    w.text += text_of(*r);
    w.right = test::mm(r->right());
    w.centre = centre;
  }
  std::vector<row> out;
  for (auto& [key, w] : rows) out.push_back(std::move(w));
  return out;
}

// True when a row's text starts with s.
bool starts(const row& w, const std::string& s) {
  return w.text.rfind(s, 0) == 0;
}

}  // namespace

TEST_CASE(
    "GB/T 9704-2012 7.4.1: other elements between 抄送 and 印发, a thin rule above the 印发 row, "
    "左右各空一字, wrapped under their first character") {
  const std::string cc = "党中央各部门，中央军委办公厅。";
  const frames f = compose_ok(notice(imprint_xml(cc, {long_other, contact})));
  const page& last = f.pages.back();
  const auto rules = imprint_rules(last);
  // Bottom up: the last rule, 印发 | others, others | 抄送, the first rule.
  REQUIRE(rules.size() == 4);
  const double others_top = 262 - 4 * pitch;  // the 印发 row and three rows of others
  CHECK(test::mm(rules[0]->y) == Approx(262).margin(0.05));
  CHECK(test::mm(rules[1]->y) == Approx(262 - pitch).margin(0.05));
  CHECK(test::mm(rules[2]->y) == Approx(others_top).margin(0.05));
  CHECK(test::mm(rules[3]->y) == Approx(others_top - pitch).margin(0.05));
  CHECK(test::mm(rules[0]->thickness) == Approx(0.35).margin(0.05));
  CHECK(test::mm(rules[1]->thickness) == Approx(0.25).margin(0.05));
  CHECK(test::mm(rules[2]->thickness) == Approx(0.25).margin(0.05));
  CHECK(test::mm(rules[3]->thickness) == Approx(0.35).margin(0.05));
  for (const rule* r : rules) {
    CHECK(test::mm(r->x) == Approx(28).margin(0.05));
    CHECK(test::mm(r->width) == Approx(156).margin(0.05));
  }

  const auto rows = imprint_rows(last);
  REQUIRE(rows.size() == 5);  // 抄送, the long other on two rows, the contact, 印发
  CHECK(starts(rows[0], "抄送："));
  CHECK(starts(rows[1], "联系人：某某某（"));
  CHECK(rows[1].text + rows[2].text == long_other);
  CHECK(rows[3].text == contact);
  CHECK(starts(rows[4], "国务院办公厅"));
  // 左右各空一字; a wrapped line starts under the first character, not under a label.
  for (size_t i = 1; i <= 3; ++i) CHECK(rows[i].left == Approx(28 + one_char).margin(0.05));
  CHECK(rows[1].right == Approx(184 - one_char).margin(0.05));
  // One body row a line, centred between the rules.
  for (size_t i = 0; i < rows.size(); ++i)
    CHECK(rows[i].centre ==
          Approx(262 - (static_cast<double>(rows.size() - i) - 0.5) * pitch).margin(0.05));
}

TEST_CASE("GB/T 9704-2012 7.4.1: other elements without a 抄送: the first rule right above them") {
  const frames f = compose_ok(notice(imprint_xml("", {contact})));
  const page& last = f.pages.back();
  const auto rules = imprint_rules(last);
  REQUIRE(rules.size() == 3);  // the last rule, 印发 | the contact, the first rule
  CHECK(test::mm(rules[0]->y) == Approx(262).margin(0.05));
  CHECK(test::mm(rules[0]->thickness) == Approx(0.35).margin(0.05));
  CHECK(test::mm(rules[1]->y) == Approx(262 - pitch).margin(0.05));
  CHECK(test::mm(rules[1]->thickness) == Approx(0.25).margin(0.05));
  CHECK(test::mm(rules[2]->y) == Approx(262 - 2 * pitch).margin(0.05));
  CHECK(test::mm(rules[2]->thickness) == Approx(0.35).margin(0.05));
  const auto rows = imprint_rows(last);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].text == contact);
  CHECK(rows[0].left == Approx(28 + one_char).margin(0.05));
  CHECK(rows[0].centre == Approx(262 - 1.5 * pitch).margin(0.05));
}

TEST_CASE("GB/T 9704-2012 7.4.1: <other> is read in order, after <cc> and before <printer>") {
  model::document doc;
  diagnostics diags;
  REQUIRE(model::parse_document(notice(imprint_xml("中央军委办公厅。", {contact, "其他"})), "n.xml",
                                doc, diags));
  REQUIRE(doc.end.others.size() == 2);
  CHECK(doc.end.others[0].text == contact);
  CHECK(doc.end.others[1].text == "其他");
  CHECK(doc.end.others[0].pos.line == 1);
  CHECK(doc.end.others[1].pos.column > doc.end.others[0].pos.column);
}

TEST_CASE("GB/T 9704-2012 7.4.1: an empty or misplaced <other> is an error") {
  auto first_error = [](const std::string& imprint) {
    model::document doc;
    diagnostics diags;
    CHECK_FALSE(model::parse_document(notice(imprint), "n.xml", doc, diags));
    REQUIRE(diags.has_errors());
    return diags.items().front().message;
  };
  CHECK(first_error("<imprint><other>  </other><printer>国务院办公厅</printer>"
                    "<print-date>2019年1月9日</print-date></imprint>") ==
        "empty <other>; expected text");
  CHECK(first_error("<imprint><printer>国务院办公厅</printer><other>其他</other>"
                    "<print-date>2019年1月9日</print-date></imprint>") ==
        "<other> must come before <printer> in <imprint>");
  CHECK(first_error("<imprint><other>其他</other><cc>中央军委办公厅。</cc>"
                    "<printer>国务院办公厅</printer><print-date>2019年1月9日</print-date>"
                    "</imprint>") == "<cc> must come before <other> in <imprint>");
}

TEST_CASE(
    "GB/T 9704-2012 7.4: samples/imprint-odd-page.xml puts its 版记 on even page 4, not at the "
    "foot of odd page 3 after the signature") {
  const frames f = compose_ok(test::read_source("samples/imprint-odd-page.xml"));
  REQUIRE(f.pages.size() == 4);
  const page &third = f.pages[2], &last = f.pages[3];
  CHECK(test::runs_of(third, element::signature).size() == 2);
  CHECK(test::runs_of(third, element::imprint).empty());
  CHECK(test::runs_of(last, element::body).empty());
  CHECK(test::runs_of(last, element::signature).empty());
  const auto rules = imprint_rules(last);
  REQUIRE(rules.size() == 3);  // the last rule, 印发 | 主送, the first rule
  CHECK(test::mm(rules[0]->y) == Approx(262).margin(0.05));
  const auto rows = imprint_rows(last);
  REQUIRE_FALSE(rows.empty());
  CHECK(starts(rows.front(), "主送："));
  CHECK(starts(rows.back(), "国务院办公厅秘书局"));
}
