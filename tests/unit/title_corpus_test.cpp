// SPDX-License-Identifier: Apache-2.0
// Title line breaking (GB/T 9704-2012 7.3.1: 词意完整, 排列对称, 梯形或菱形)
// against published 公文: each title with its line breaks as published on
// gov.cn 中国政府网 政策文件 (crawled 2019-02-17, via GitHub
// ZhouYNF/platform-1), set with no <br/>, so that the breaker alone decides
// (the weights: <title-breaking> in layouts/gbt9704.xml).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

// A minimal document: the header, the title, one body paragraph.
std::vector<std::string> title_as_set(const std::string& issuer, const std::string& number,
                                      const std::string& title) {
  const frames f = test::compose_ok("<gongwen><header>" + issuer + "<doc-number>" + number +
                                    "</doc-number></header><title>" + title +
                                    "</title><body><p>正文。</p></body></gongwen>");
  return test::lines_of(f.pages[0], element::title);
}

std::vector<std::string> title_as_set(const std::string& number, const std::string& title) {
  return title_as_set("<issuer>国务院办公厅文件</issuer>", number, title);
}

using lines = std::vector<std::string>;

}  // namespace

// 国办发〔2019〕3号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 幼儿园治理") {
  CHECK(title_as_set("国办发〔2019〕3号", "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知") ==
        lines{"国务院办公厅关于开展", "城镇小区配套幼儿园治理工作的通知"});
}

// 国办发明电〔2018〕15号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 节假日安排") {
  CHECK(title_as_set("国办发明电〔2018〕15号", "国务院办公厅关于2019年部分节假日安排的通知") ==
        lines{"国务院办公厅关于2019年", "部分节假日安排的通知"});
}

// 国办发〔2018〕114号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 消防救援号牌") {
  CHECK(title_as_set("国办发〔2018〕114号",
                     "国务院办公厅关于国家综合性消防救援车辆悬挂应急救援专用号牌有关事项的通知") ==
        lines{"国务院办公厅关于国家综合性消防救援车辆", "悬挂应急救援专用号牌有关事项的通知"});
}

// 国办函〔2004〕80号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 巴东地质灾害") {
  CHECK(title_as_set("国办函〔2004〕80号",
                     "国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函") ==
        lines{"国务院办公厅关于湖北省巴东县", "地质灾害险情有关问题的复函"});
}

// 国办发〔1996〕25号, a joint notice (联合行文). Published: 国务院办公厅、中央军委办公厅 /
// 关于加强对侵华日军遗弃化学武器 / 调查和管理工作的通知. Not reached: the published
// second break keeps 化学武器 whole, a term ICU's dictionary splits into 化学 and 武器;
// with two word breaks alike, the more even lines win (14/13/12 characters against
// 14/15/10). A <br/> sets it as published.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 遗弃化学武器") {
  const std::string joint =
      "<issuer>国务院办公厅</issuer><issuer>中央军委办公厅</issuer>"
      "<issuer-suffix>文件</issuer-suffix>";
  CHECK(title_as_set(
            joint, "国办发〔1996〕25号",
            "国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知") ==
        lines{"国务院办公厅、中央军委办公厅", "关于加强对侵华日军遗弃化学",
              "武器调查和管理工作的通知"});
  CHECK(title_as_set(joint, "国办发〔1996〕25号",
                     "国务院办公厅、中央军委办公厅<br/>关于加强对侵华日军遗弃化学武器<br/>"
                     "调查和管理工作的通知") == lines{"国务院办公厅、中央军委办公厅",
                                                      "关于加强对侵华日军遗弃化学武器",
                                                      "调查和管理工作的通知"});
}

// 国发〔2018〕44号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 科学技术奖励") {
  CHECK(title_as_set("<issuer>国务院文件</issuer>", "国发〔2018〕44号",
                     "国务院关于2018年度国家科学技术奖励的决定") ==
        lines{"国务院关于2018年度", "国家科学技术奖励的决定"});
}

// 国办发〔2018〕118号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 行政执法三项制度") {
  CHECK(
      title_as_set("国办发〔2018〕118号",
                   "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核"
                   "制度的指导意见") == lines{"国务院办公厅关于全面推行",
                                              "行政执法公示制度执法全过程记录制度",
                                              "重大执法决定法制审核制度的指导意见"});
}

// 国办发〔2019〕4号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 公立医院绩效考核") {
  CHECK(title_as_set("国办发〔2019〕4号", "国务院办公厅关于加强三级公立医院绩效考核工作的意见") ==
        lines{"国务院办公厅关于加强", "三级公立医院绩效考核工作的意见"});
}

// 国办发〔1996〕32号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 内地西藏班") {
  CHECK(title_as_set("国办发〔1996〕32号",
                     "国务院办公厅转发国家教委关于内地西藏班（校）扩大规模有关问题请示的通知") ==
        lines{"国务院办公厅转发国家教委", "关于内地西藏班（校）扩大规模", "有关问题请示的通知"});
}

// 国办发〔1997〕2号. Published: 国务院办公厅转发国家地震局 / 关于1997年地震趋势和加强防震减灾 /
// 工作意见报告的通知. Not reached: the published second break keeps 防震减灾 whole,
// which ICU's dictionary splits into 防震, 减 and 灾; with two word breaks alike, the
// more even lines win (13/14.25/11 em against 13/16.25/9). A <br/> sets it as published.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 1997年地震趋势") {
  CHECK(title_as_set(
            "国办发〔1997〕2号",
            "国务院办公厅转发国家地震局关于1997年地震趋势和加强防震减灾工作意见报告的通知") ==
        lines{"国务院办公厅转发国家地震局", "关于1997年地震趋势和加强防震",
              "减灾工作意见报告的通知"});
  CHECK(title_as_set("国办发〔1997〕2号",
                     "国务院办公厅转发国家地震局<br/>关于1997年地震趋势和加强防震减灾<br/>"
                     "工作意见报告的通知") == lines{"国务院办公厅转发国家地震局",
                                                    "关于1997年地震趋势和加强防震减灾",
                                                    "工作意见报告的通知"});
}

// 国办函〔2005〕57号: the second line letter-spaced as published.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 粮食应急预案") {
  CHECK(title_as_set("国办函〔2005〕57号", "国务院办公厅关于印发国 家 粮 食 应 急 预 案 的 函") ==
        lines{"国务院办公厅关于印发", "国 家 粮 食 应 急 预 案 的 函"});
}

// 国办发〔2018〕108号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 大督查表扬") {
  CHECK(title_as_set("国办发〔2018〕108号",
                     "国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予表扬的通报") ==
        lines{"国务院办公厅关于对国务院第五次大督查", "发现的典型经验做法给予表扬的通报"});
}

// 国办发〔1997〕11号.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 清理整顿社会团体") {
  CHECK(
      title_as_set("国办发〔1997〕11号", "国务院办公厅转发民政部关于清理整顿社会团体意见的通知") ==
      lines{"国务院办公厅转发民政部关于", "清理整顿社会团体意见的通知"});
}

// 国发〔2018〕41号 (tests/data/corpus): 关于印发 / … would leave 7 and 18 characters.
TEST_CASE("GB/T 9704-2012 7.3.1: title breaks as published — 专项附加扣除") {
  CHECK(title_as_set("<issuer>国务院文件</issuer>", "国发〔2018〕41号",
                     "国务院关于印发个人所得税专项附加扣除暂行办法的通知") ==
        lines{"国务院关于印发个人所得税", "专项附加扣除暂行办法的通知"});
}
