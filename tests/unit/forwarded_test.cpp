// SPDX-License-Identifier: Apache-2.0
// A forwarded document (转发通知), in millimetres on the display list: the
// 请示 the notice forwards follows it on a new page, without a 附件 label,
// its title centred on row 1, its 主送机关 one empty row below the title, its
// body, signature and date set as the notice's own (GB/T 9704-2012 7.3.2,
// 7.3.3, 7.3.5.2; set as an attachment is, 7.3.7). The text is 国办发〔1996〕32号,
// which forwards a 请示 of 国家教委.
#include <catch2/catch.hpp>

#include "unit/fixture.hpp"

using namespace hongtou;
using test::runs_of;
using test::text_of;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // 3.2

const std::string notice =
    "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔1996〕32号</doc-number>"
    "</header><title>国务院办公厅转发国家教委<br/>关于内地西藏班（校）扩大规模<br/"
    ">有关问题请示的通知"
    "</"
    "title><addressee>"
    "北京、天津、上海、河北、辽宁、江苏、浙江、福建、山东、河南、湖南、湖北、广东、"
    "四川、西藏、陕西省（自治区、直辖市）人民政府：</"
    "addressee><body><p>国家教委《关于内地西藏班（校）"
    "扩大规模有关问题的请示》已经国务院批准，现转发给你们。请你们把继续办好内地西藏班（校）作为一项"
    "政治任务，高度重视，认真组织，大力支持，以确保此项工作顺利进行。</p></body><signature><organ>"
    "国务院办公厅</organ><date>1996年7月17日</date></signature>"
    "<forwarded><title>关于内地西藏班（校）<br/>扩大规模有关问题的请示</title><addressee>国务院："
    "</addressee><body><p>为贯彻落实《中共中央、国务院关于加快西藏发展、维护社会稳定的意见》（中发"
    "〔1994〕8号）关于“继续办好内地西藏中学和西藏班，长期坚持，不断完善，适当扩大规模”的精神，内地"
    "西藏初中班（校）从现有招生规模基础上，逐步扩大，1998年达到2000人的规模。</p><h level=\"1\">"
    "一、逐年扩招，分步实施</h><p>以上意见如无不妥，请批转各有关省（市）人民政府执行。</p></body>"
    "<signature><organ>国家教委</organ><date>一九九六年五月十三日</date></signature></forwarded>"
    "</gongwen>";

}  // namespace

TEST_CASE(
    "a forwarded document starts a new page: its title centred on row 1, no 附件 label, its "
    "addressee, body and signature as a document's own") {
  frames f;
  diagnostics diags;
  REQUIRE(test::compose_xml(notice, f, diags));
  // The notice on pages 1 and 2 (its signature takes two lines over), the 请示 alone on page 3.
  REQUIRE(f.pages.size() == 3);
  const page& p2 = f.pages[2];
  for (size_t i = 0; i < 2; ++i) CHECK(runs_of(f.pages[i], element::attachment).empty());
  CHECK(runs_of(p2, element::signature).size() == 1);
  const auto title = runs_of(p2, element::attachment);
  REQUIRE(title.size() == 2);
  CHECK(text_of(*title[0]) == "关于内地西藏班（校）");
  CHECK(text_of(*title[1]) == "扩大规模有关问题的请示");
  for (const auto* t : title)
    CHECK(test::mm((t->left() + t->right()) / 2) == Approx(106).margin(0.05));
  // The 22 pt title centred on the cells of rows 1 and 2.
  CHECK(test::mm((title[0]->em_top + title[0]->em_bottom) / 2) ==
        Approx(37 + cell / 2).margin(0.05));
  CHECK(test::mm(title[1]->em_top - title[0]->em_top) == Approx(pitch).margin(0.05));
  // 主送 顶格 one empty row below it (row 4), the body on the next row, 左空二字.
  const auto to = runs_of(p2, element::addressee);
  REQUIRE(to.size() == 1);
  CHECK(text_of(*to[0]) == "国务院：");
  CHECK(test::mm(to[0]->left()) == Approx(28).margin(0.01));
  CHECK(test::mm(to[0]->em_top) == Approx(37 + 3 * pitch).margin(0.05));
  const auto body = runs_of(p2, element::body);
  REQUIRE_FALSE(body.empty());
  CHECK(test::mm(body[0]->em_top) == Approx(37 + 4 * pitch).margin(0.05));
  CHECK(test::mm(body[0]->left()) == Approx(28 + 2 * cell).margin(0.05));
  CHECK(runs_of(p2, element::heading).size() == 1);
  // Its own signature, 右空二字, the date on the next row two cells in.
  const auto organ = runs_of(p2, element::signature);
  const auto date = runs_of(p2, element::date);
  REQUIRE(organ.size() == 1);
  REQUIRE(date.size() == 1);
  CHECK(text_of(*organ[0]) == "国家教委");
  CHECK(test::mm(date[0]->left() - organ[0]->left()) == Approx(2 * cell).margin(0.05));
  CHECK(test::mm(date[0]->right()) <= 184 - 2 * cell + 0.05);
  CHECK(test::mm(date[0]->em_top - organ[0]->em_top) == Approx(pitch).margin(0.05));
  // Page numbers go on; the outline has the forwarded title.
  REQUIRE(runs_of(p2, element::page_number).size() == 1);
  CHECK(text_of(*runs_of(p2, element::page_number)[0]).find('3') != std::string::npos);
  bool bookmarked = false;
  for (const auto& e : f.outline)
    bookmarked =
        bookmarked || (e.title == "关于内地西藏班（校）扩大规模有关问题的请示" && e.page == 3);
  CHECK(bookmarked);
  // Its date is quoted as written: no warning about the notice's date rules.
  for (const auto& d : diags.items()) CHECK(d.message.find("一九九六") == std::string::npos);
}

TEST_CASE("a forwarded document is checked as the notice is: unknown children are errors") {
  model::document doc;
  diagnostics diags;
  CHECK_FALSE(model::parse_document(
      "<gongwen><title>t</title><body><p>a</p></body><forwarded><title>x</title><body><p>b</p>"
      "</body><imprint/></forwarded></gongwen>",
      "f.xml", doc, diags));
  REQUIRE_FALSE(diags.items().empty());
  CHECK(diags.items().front().message.find("unknown element <imprint> in <forwarded>") !=
        std::string::npos);
}
