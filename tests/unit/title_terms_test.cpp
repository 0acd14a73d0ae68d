// SPDX-License-Identifier: Apache-2.0
// Title breaking keeps names and terms whole (GB/T 9704-2012 7.3.1: 词意完整):
// the layout's terms (人民政府, 办公厅, …), the organ names the document
// carries (its issuers, signing organs and 主送机关), and terms an
// organisation adds to its layout. The titles are published ones: 国办发
// 〔1996〕25号 and 国办发〔1997〕2号, whose published breaks keep 化学武器 and
// 防震减灾 whole, terms ICU's dictionary splits; 国办发〔1996〕25号's own names.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "layout/page/flow.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

using lines = std::vector<std::string>;

lines title_lines_of(const frames& f) {
  return test::lines_of(f.pages[0], element::title);
}

// Sets `title` with the test layout gbt9704 whose terms are `terms`.
lines set_with_terms(const std::string& head, const std::string& title, const std::string& terms) {
  const auto& env = test::environment::get();
  model::layout_spec spec = env.spec;
  spec.title_breaking.terms = terms;
  model::document doc;
  diagnostics diags;
  REQUIRE(model::parse_document("<gongwen><header>" + head + "</header><title>" + title +
                                    "</title><body><p>正文。</p></body></gongwen>",
                                "t.xml", doc, diags));
  frames f;
  const bool ok = layout::compose(doc, spec, *env.fonts, f, diags);
  for (const auto& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  return title_lines_of(f);
}

const std::string joint =
    "<issuer>国务院办公厅</issuer><issuer>中央军委办公厅</issuer>"
    "<issuer-suffix>文件</issuer-suffix><doc-number>国办发〔1996〕25号</doc-number>";
const std::string chemical =
    "国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知";
const std::string quake =
    "国务院办公厅转发国家地震局关于1997年地震趋势和加强防震减灾工作意见报告的通知";

}  // namespace

TEST_CASE("GB/T 9704-2012 7.3.1: terms an organisation adds to its layout are never broken") {
  const std::string layout_terms = test::environment::get().spec.title_breaking.terms;
  // Without the term, the breaker cuts 化学 / 武器 (ICU's two words) ...
  CHECK(set_with_terms(joint, chemical, layout_terms) == lines{"国务院办公厅、中央军委办公厅",
                                                               "关于加强对侵华日军遗弃化学",
                                                               "武器调查和管理工作的通知"});
  // ... with it, the title is set as published.
  CHECK(set_with_terms(joint, chemical, layout_terms + " 化学武器") ==
        lines{"国务院办公厅、中央军委办公厅", "关于加强对侵华日军遗弃化学武器",
              "调查和管理工作的通知"});
  // 防震减灾 kept whole: ICU's 防震 | 减 | 灾 no longer gives a break inside it. (The breaker
  // then prefers two lines, 关于1997年 / …, to the published three: a shape choice.)
  const std::string quake_head =
      "<issuer>国务院办公厅文件</issuer><doc-number>国办发〔1997〕2号</doc-number>";
  const lines without = set_with_terms(quake_head, quake, layout_terms);
  REQUIRE(without.size() == 3);
  CHECK(without[1].substr(without[1].size() - 6) == "防震");  // cut inside the term
  const lines with = set_with_terms(quake_head, quake, layout_terms + " 防震减灾");
  std::string joined;
  for (const auto& l : with) joined += l + "|";
  CHECK(joined.find("防震减灾") != std::string::npos);
}

TEST_CASE("GB/T 9704-2012 7.3.1: the organ names a document carries, for its title breaks") {
  model::document doc;
  diagnostics diags;
  // 国办发〔1996〕25号's mark, the start of its 主送机关 and its signature.
  REQUIRE(model::parse_document(
      "<gongwen><header>" + joint + "</header><title>" + chemical +
          "</title><addressee>北京市、天津市、河北省人民政府，沈阳、北京、兰州军区：</addressee>"
          "<body><p>正文。</p></body><signature><organ>国务院办公厅</organ><organ>中央军委办公厅"
          "</organ><date>1996年6月29日</date></signature></gongwen>",
      "t.xml", doc, diags));
  CHECK(layout::organ_names(doc) ==
        std::vector<std::u32string>{U"国务院办公厅", U"中央军委办公厅", U"国务院办公厅",
                                    U"中央军委办公厅", U"北京市", U"天津市", U"河北省人民政府",
                                    U"沈阳", U"北京", U"兰州军区"});
  // A single mark gives its organ without 文件.
  model::document single;
  REQUIRE(
      model::parse_document("<gongwen><header><issuer>国务院办公厅文件</issuer></header>"
                            "<title>t</title><body><p>正文。</p></body></gongwen>",
                            "t.xml", single, diags));
  CHECK(layout::organ_names(single) == std::vector<std::u32string>{U"国务院办公厅"});
}
