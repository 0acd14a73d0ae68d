// SPDX-License-Identifier: Apache-2.0
// 主送机关 in the 版记 (GB/T 9704-2012 7.3.2): when the addressee list would
// leave page 1 without body text (7.3.3), it moves to the 版记 as "主送：…",
// on the rows above the 抄送 with no rule between them (7.4); an author may
// put it there too. The text is the joint notice 国办发〔1996〕25号, whose
// published addressee list is four lines long.
#include <catch2/catch.hpp>

#include <cmath>

#include "unit/fixture.hpp"

using namespace hongtou;
using test::runs_of;
using test::text_of;

namespace {

constexpr double pitch = 156.0 / 28 * 15 / 8;  // one body row (5.2.3, 3.2)

const std::string addressee =
    "北京市、天津市、河北省、山西省、内蒙古自治区、辽宁省、吉林省、黑龙江省、上海市、江苏省、"
    "浙江省、安徽省、福建省、江西省、山东省、河南省、湖北省、湖南省、广东省、广西壮族自治区、"
    "陕西省、甘肃省人民政府，沈阳、北京、兰州、济南、南京、广州军区：";

std::string joint_notice(const std::string& addressee_xml, const std::string& imprint) {
  return "<gongwen><header><issuer>国务院办公厅</issuer><issuer>中央军委办公厅</issuer>"
         "<issuer-suffix>文件</issuer-suffix><doc-number>国办发〔1996〕25号</doc-number></header>"
         "<title>国务院办公厅、中央军委办公厅<br/>关于加强对侵华日军遗弃化学武器<br/>"
         "调查和管理工作的通知</title>" +
         addressee_xml +
         "<body><p>日本军国主义在侵华战争中，公然违背国际法准则，使用化学武器，毒害中国军队和无辜"
         "民众。1945年战败日军为了掩盖其使用化学武器的罪行，将大量化学武器掩埋或投入江河、弃置深山"
         "野岭。抗日战争胜利50多年来，我国人民多次遭受这些化学武器的伤害。</"
         "p><p>一、日军遗弃化学武器"
         "是历史遗留问题，敏感性、专业性较强，情况复杂。因此，这项工作由外交部和总参谋部统一归口管"
         "理，"
         "有关省、自治区、直辖市及军区也要相应指定有关部门负责管理。</p></"
         "body><signature><organ>国务院办公厅</organ><organ>中央军委办公厅</organ>"
         "<date>1996年6月29日</date></signature>" +
         imprint + "</gongwen>";
}

std::string text_of_role(const page& p, element e) {
  std::string s;
  for (const auto* r : runs_of(p, e)) s += text_of(*r);
  return s;
}

std::vector<const rule*> imprint_rules(const page& p) {
  std::vector<const rule*> out;
  for (const auto& r : p.rules)
    if (r.role == element::imprint) out.push_back(&r);
  return out;
}

}  // namespace

TEST_CASE(
    "GB/T 9704-2012 7.3.2: an addressee list that leaves page 1 without body text moves to the "
    "版记 as 主送：…。") {
  frames f;
  diagnostics diags;
  REQUIRE(
      test::compose_xml(joint_notice("<addressee>" + addressee + "</addressee>", ""), f, diags));
  // Page 1 shows body text and no addressee.
  CHECK_FALSE(runs_of(f.pages.front(), element::body).empty());
  for (const auto& p : f.pages) CHECK(runs_of(p, element::addressee).empty());
  // The 版记 holds it, labelled, ended with a full stop, between two thick rules.
  const page& last = f.pages.back();
  const std::string text = text_of_role(last, element::imprint);
  CHECK(text.rfind("主送：北京市、天津市", 0) == 0);
  CHECK(text.find("广州军区。") == text.size() - std::string("广州军区。").size());
  const auto rules = imprint_rules(last);
  REQUIRE(rules.size() == 2);
  CHECK(test::mm(rules[0]->y) == Approx(262).margin(0.01));
  CHECK(test::mm(rules[0]->thickness) == Approx(0.35).margin(0.01));
  CHECK(test::mm(rules[1]->thickness) == Approx(0.35).margin(0.01));
  // One body row per line, wrapped under the first organ.
  const auto runs = runs_of(last, element::imprint);
  REQUIRE(runs.size() >= 2);
  const double rows = test::mm(rules[0]->y - rules[1]->y) / pitch;
  CHECK(rows == Approx(std::round(rows)).margin(0.01));
  CHECK(rows >= 3);
  // The user is told, at the title.
  bool told = false;
  for (const auto& d : diags.items())
    told = told || d.message.find("moved to the 版记") != std::string::npos;
  CHECK(told);
  for (const auto& d : diags.items())
    CHECK(d.message.find("page 1 shows no body") == std::string::npos);
}

TEST_CASE("GB/T 9704-2012 7.4: 主送 in the 版记 sits above the 抄送 with no rule between them") {
  const frames f = test::compose_ok(joint_notice(
      "",
      "<imprint><addressee>各省、自治区、直辖市人民政府。</addressee><cc>中央军委各总部。</cc>"
      "<printer>国务院办公厅秘书局</printer><print-date>1996年7月1日</print-date></imprint>"));
  const page& last = f.pages.back();
  const auto runs = runs_of(last, element::imprint);
  REQUIRE(runs.size() >= 3);
  const glyph_run* to = nullptr;
  const glyph_run* cc = nullptr;
  for (const auto* r : runs) {
    if (text_of(*r).rfind("主送：", 0) == 0) to = r;
    if (text_of(*r).rfind("抄送：", 0) == 0) cc = r;
  }
  REQUIRE(to);
  REQUIRE(cc);
  CHECK(test::mm(cc->em_top - to->em_top) == Approx(pitch).margin(0.05));
  // Three rules: thick on top, thin above the 印发 row only, thick on the type area's bottom.
  const auto rules = imprint_rules(last);
  REQUIRE(rules.size() == 3);
  double thin_y = 0;
  for (const auto* r : rules)
    if (test::mm(r->thickness) < 0.3) thin_y = r->y;
  CHECK(test::mm(thin_y) == Approx(262 - pitch).margin(0.05));
  CHECK(cc->em_bottom < thin_y);
}
