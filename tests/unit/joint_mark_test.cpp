// SPDX-License-Identifier: Apache-2.0
// Joint documents (联合行文), in millimetres on the display list: the
// 发文机关标志 (GB/T 9704-2012 7.2.4) and the unsealed signature (7.3.5.2) of
// the joint notice 国办发〔1996〕25号.
#include <catch2/catch.hpp>

#include <algorithm>

#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

frames compose_header(const std::string& header) {
  const std::string xml =
      "<gongwen><header>" + header +
      "<doc-number>国办发〔1996〕25号</doc-number></header><title>关于加强"
      "调查和管理工作的通知</title><body><p>各地区要高度重视。</p></body></gongwen>";
  return test::merge_lines(test::compose_ok(xml));
}

}  // namespace

TEST_CASE(
    "GB/T 9704-2012 7.2.4: a joint mark stacks the organs, the lead first, 文件 right of them and "
    "centred on them") {
  const frames f = compose_header(
      "<issuer>国务院办公厅</issuer><issuer>中央军委办公厅</issuer><issuer-suffix>文件</"
      "issuer-suffix>");
  const auto runs = test::runs_of(f.pages[0], element::issuer);
  REQUIRE(runs.size() == 3);
  const glyph_run &lead = *runs[0], &second = *runs[1], &suffix = *runs[2];
  std::string text;
  for (const auto& g : lead.glyphs) text += g.text;
  CHECK(text == "国务院办公厅");
  // Red, the first name's ink top 35 mm below the type area, the second below it.
  for (const glyph_run* r : runs) CHECK(r->color == rgb{1, 0, 0});
  CHECK(test::mm(lead.ink_top) == Approx(72).margin(0.05));
  CHECK(second.baseline > lead.baseline);
  // The names as wide as each other, one left edge; 文件 to their right.
  CHECK(test::mm(lead.left()) == Approx(test::mm(second.left())).margin(0.05));
  CHECK(test::mm(lead.right()) == Approx(test::mm(second.right())).margin(0.05));
  CHECK(suffix.left() > second.right());
  // 文件 centred on the stack of names.
  const double stack_centre = (lead.em_top + second.em_bottom) / 2;
  CHECK(test::mm((suffix.em_top + suffix.em_bottom) / 2) ==
        Approx(test::mm(stack_centre)).margin(0.05));
  // The whole mark centred on the type area, within its width.
  CHECK(test::mm((lead.left() + suffix.right()) / 2) == Approx(106).margin(0.05));
  CHECK(test::mm(suffix.right() - lead.left()) <= 156 + 0.01);
  // The 发文字号 below the lowest ink (2 empty rows, as for a single mark).
  const glyph_run* number = nullptr;
  for (const auto& r : f.pages[0].runs)
    if (r.role == element::doc_number) number = &r;
  REQUIRE(number);
  CHECK(number->em_top > second.ink_bottom);
}

TEST_CASE("GB/T 9704-2012 7.2.4: one organ with an <issuer-suffix> is one mark line") {
  const frames f =
      compose_header("<issuer>国务院办公厅</issuer><issuer-suffix>文件</issuer-suffix>");
  const auto runs = test::runs_of(f.pages[0], element::issuer);
  REQUIRE(runs.size() == 1);
  std::string text;
  for (const auto& g : runs[0]->glyphs) text += g.text;
  CHECK(text == "国务院办公厅文件");
}

TEST_CASE(
    "GB/T 9704-2012 7.3.5.2: a joint signature puts the organs one a row, the lead first, then the "
    "date") {
  const std::string xml =
      "<gongwen><header><issuer>国务院办公厅</issuer><issuer>中央军委办公厅</issuer>"
      "<issuer-suffix>文件</issuer-suffix></header><title>通知</title><body><p>各地区要高度重视。"
      "</p></body><signature><organ>国务院办公厅</organ><organ>中央军委办公厅</organ>"
      "<date>1996年6月29日</date></signature></gongwen>";
  frames f;
  diagnostics diags;
  REQUIRE(test::compose_xml(xml, f, diags));
  f = test::merge_lines(std::move(f));  // the date's digits and hanzi as one line
  std::vector<const glyph_run*> organs;
  const glyph_run* date = nullptr;
  for (const auto& r : f.pages.back().runs) {
    if (r.role == element::signature) organs.push_back(&r);
    if (r.role == element::date) date = &r;
  }
  REQUIRE(organs.size() == 2);
  REQUIRE(date);
  constexpr double cell = 156.0 / 28, pitch = cell * 15 / 8;
  std::string lead;
  for (const auto& g : organs[0]->glyphs) lead += g.text;
  CHECK(lead == "国务院办公厅");
  CHECK(test::mm(organs[1]->em_top - organs[0]->em_top) == Approx(pitch).margin(0.05));
  CHECK(test::mm(date->em_top - organs[1]->em_top) == Approx(pitch).margin(0.05));
  // One left edge; the date 2 cells right of the names; the longest line ends 右空二字.
  CHECK(test::mm(organs[0]->left()) == Approx(test::mm(organs[1]->left())).margin(0.05));
  CHECK(test::mm(std::max(organs[1]->right(), date->right())) ==
        Approx(184 - 2 * cell).margin(0.05));
  CHECK(test::mm(date->left() - organs[0]->left()) == Approx(2 * cell).margin(0.05));
}
