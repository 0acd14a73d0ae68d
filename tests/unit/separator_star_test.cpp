// SPDX-License-Identifier: Apache-2.0
// The red star on the separator (documents of Party organs; GB/T 9704-2012
// 7.2.7 places the red line, the star is common practice and a layout
// option), in millimetres on the display list: the star's ink centred on the
// line both ways, the line broken 1 mm either side of it.
#include <catch2/catch.hpp>

#include "fonts/face.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

frames compose_with(const std::string& layout) {
  model::layout_spec spec;
  diagnostics diags;
  REQUIRE(model::load_layout({test::source_path("tests/layouts"), test::source_path("layouts")},
                             layout, spec, diags));
  model::document doc;
  REQUIRE(model::parse_document(
      "<gongwen><header><issuer>中共某某市委员会文件</issuer><doc-number>某委发〔2024〕1号"
      "</doc-number></header><title>关于某事的通知</title><body><p>正文。</p></body></gongwen>",
      "star.xml", doc, diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *test::environment::get().fonts, f, diags));
  return f;
}

std::vector<const rule*> separators(const page& p) {
  std::vector<const rule*> out;
  for (const auto& r : p.rules)
    if (r.role == element::separator) out.push_back(&r);
  return out;
}

}  // namespace

TEST_CASE("the red star on the separator: centred on the line, the line broken around it") {
  const frames f = compose_with("party-star");
  const page& p1 = f.pages.front();
  const auto stars = test::runs_of(p1, element::separator);
  REQUIRE(stars.size() == 1);
  const glyph_run& star = *stars.front();
  CHECK(test::text_of(star) == "★");
  CHECK(star.color == rgb{1, 0, 0});
  const auto rules = separators(p1);
  REQUIRE(rules.size() == 2);
  const rule& left = *rules[0];
  const rule& right = *rules[1];
  // The two halves span the type area, with the same thickness, colour and y.
  CHECK(test::mm(left.x) == Approx(28).margin(0.01));
  CHECK(test::mm(right.x + right.width) == Approx(184).margin(0.01));
  CHECK(right.y == Approx(left.y));
  CHECK(right.thickness == Approx(left.thickness));
  // The star's ink: centred vertically on the line, horizontally on the page.
  REQUIRE(star.ink_measured);
  CHECK(test::mm((star.ink_top + star.ink_bottom) / 2) == Approx(test::mm(left.y)).margin(0.05));
  const fonts::face& face = test::face_of(star);
  const fonts::ink_box box = face.ink(star.glyphs.front().id);
  const double ink_left = star.glyphs.front().x + box.x_min * star.size;
  const double ink_right = star.glyphs.front().x + box.x_max * star.size;
  CHECK(test::mm((ink_left + ink_right) / 2) == Approx(106).margin(0.05));
  // 1 mm between the ink and each half of the line.
  CHECK(test::mm(ink_left - (left.x + left.width)) == Approx(1).margin(0.01));
  CHECK(test::mm(right.x - ink_right) == Approx(1).margin(0.01));
  // Larger than a dot, smaller than the mark: about a 3号 character.
  CHECK(test::mm(star.ink_bottom - star.ink_top) > 4);
  CHECK(test::mm(star.ink_bottom - star.ink_top) < 6);
}

TEST_CASE("the general format draws the separator whole, without a star") {
  const frames f = compose_with("gbt9704");
  CHECK(test::runs_of(f.pages.front(), element::separator).empty());
  const auto rules = separators(f.pages.front());
  REQUIRE(rules.size() == 1);
  CHECK(test::mm(rules[0]->width) == Approx(156).margin(0.01));
}
