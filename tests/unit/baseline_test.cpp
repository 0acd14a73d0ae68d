// SPDX-License-Identifier: Apache-2.0
// One baseline per line: every run of a line, whatever its font, placed by
// the line's one ideographic em box (the grid of GB/T 9704-2012 5.2.1), so
// that a 楷体 run-in heading and the 仿宋 text after it are level. The test
// faces differ: the 楷体 face's em box sits 0.70 pt higher than 仿宋's, so a
// line placed face by face fails here. The text is 国发〔2018〕44号.
#include <catch2/catch.hpp>

#include <cmath>

#include "unit/fixture.hpp"

using namespace hongtou;

TEST_CASE("GB/T 9704-2012 5.2.1: a 楷体 run-in heading and 仿宋 text share the line's baseline") {
  const frames f = test::compose_ok(
      "<gongwen><title>国务院关于2018年度国家科学技术奖励的决定</title><body><p>"
      "<lead level=\"2\">（一）优化国家科技奖励结构。</lead>全国科学技术工作者要向刘永坦院士、"
      "钱七虎院士学习，以他们为榜样。</p><h level=\"2\">（二）加强科技奖励宣传。</h></body>"
      "</gongwen>");
  const page& pg = f.pages.front();
  const auto heads = test::runs_of(pg, element::heading);
  const auto body = test::runs_of(pg, element::body);
  REQUIRE(heads.size() == 2);
  REQUIRE(body.size() >= 2);
  const glyph_run& lead = *heads.front();
  const glyph_run& text = *body.front();
  REQUIRE(lead.font != text.font);  // 楷体 and 仿宋
  REQUIRE(lead.em_top == Approx(text.em_top).margin(1e-6));
  CHECK(lead.baseline == Approx(text.baseline).margin(0.05));
  // The line keeps the baseline of the paragraph's 仿宋 lines: one pitch apart.
  const glyph_run& next = *body[1];
  CHECK(next.baseline - text.baseline == Approx(next.em_top - text.em_top).margin(0.05));
  // A heading standing alone in its own face is centred in its row by its own em box.
  const glyph_run& alone = *heads.back();
  const double alone_offset = alone.baseline - alone.em_top;
  const double body_offset = text.baseline - text.em_top;
  CHECK(std::abs(alone_offset - body_offset) > 0.5);  // the faces differ by 0.70 pt
}

TEST_CASE("GB/T 9704-2012 7.2.6: 签发人 label and names, row by row, on one baseline") {
  // 国家教委's 请示 with placeholder signers (the corpus gives no names).
  const frames f = test::compose_ok(
      "<gongwen><header><issuer>国家教委文件</issuer><doc-number>教民〔1996〕1号</doc-number>"
      "<signer>某某某</signer><signer>某　某</signer><signer>某某某</signer></header>"
      "<title>关于内地西藏班（校）扩大规模有关问题的请示</title><body><p>国务院：</p></body>"
      "</gongwen>");
  const auto runs = test::runs_of(f.pages.front(), element::signer);
  REQUIRE(runs.size() == 4);  // the label and three names on two rows
  const double first = runs[0]->baseline;
  CHECK(runs[1]->baseline == Approx(first).margin(0.05));
  CHECK(runs[2]->baseline == Approx(first).margin(0.05));
  CHECK(runs[3]->baseline - first == Approx(runs[3]->em_top - runs[0]->em_top).margin(0.05));
}
