// SPDX-License-Identifier: Apache-2.0
// Input normalisation (the layout's <normalising>, on in gbt9704): half-width
// punctuation and straight quotes in Chinese text set full width (GB/T
// 15834-2011), the year of a 发文字号 in 〔〕 (GB/T 9704-2012 7.2.4); each change
// reported at its element, numbers and Latin text left as written. The text
// is 国办发〔2018〕108号's, typed with ASCII marks as users paste it.
#include <catch2/catch.hpp>

#include <string>

#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

struct result {
  std::string text;  // the body and the 发文字号, as set
  std::string messages;
};

result set(const std::string& number, const std::string& body) {
  frames f;
  diagnostics diags;
  const bool ok = test::compose_xml(
      "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>" + number +
          "</doc-number></header><title>国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予"
          "表扬的通报</title><body><p>" +
          body + "</p></body></gongwen>",
      f, diags);
  REQUIRE(ok);
  result r;
  for (const page& pg : f.pages)
    for (const auto& run : pg.runs)
      if (run.role == element::body || run.role == element::doc_number)
        r.text += test::text_of(run);
  for (const auto& d : diags.items()) r.messages += format(d) + "\n";
  return r;
}

}  // namespace

TEST_CASE("GB/T 15834-2011: half-width punctuation and quotes in Chinese text set full width") {
  const result r =
      set("国办发〔2018〕108号",
          "会上,听取了\"放管服\"改革情况的汇报(共130项).版本1.5保持不变,English, too.");
  INFO(r.messages);
  CHECK(
      r.text.find("会上，听取了“放管服”改革情况的汇报（共130项）。版本1.5保持不变,English, too.") !=
      std::string::npos);
  CHECK(r.messages.find("test.xml:1:") != std::string::npos);
  CHECK(r.messages.find("warning: half-width punctuation in Chinese text set full width (4 times), "
                        "first in \"会上,听取了\"") != std::string::npos);
  CHECK(r.messages.find("warning: straight quotes in Chinese text set as “” and ‘’ (2 times)") !=
        std::string::npos);
}

TEST_CASE("GB/T 9704-2012 7.2.4: the year of a 发文字号 in other brackets set in 〔〕") {
  for (const std::string written :
       {"国办发[2018]108号", "国办发【2018】108号", "国办发(2018)108号", "国办发（2018）108号"}) {
    const result r = set(written, "经国务院同意，予以通报表扬。");
    INFO(written << "\n" << r.messages);
    CHECK(r.text.find("国办发〔2018〕108号") != std::string::npos);
    CHECK(r.messages.find("note: 发文字号 set as \"国办发〔2018〕108号\"") != std::string::npos);
  }
}

TEST_CASE("text already right is left alone and nothing is reported") {
  const result r =
      set("国办发〔2018〕108号", "经国务院同意，对北京市等130项地方典型经验做法予以通报表扬。");
  CHECK(r.messages.find("full width") == std::string::npos);
  CHECK(r.messages.find("set as") == std::string::npos);
}
