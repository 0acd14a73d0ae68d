// SPDX-License-Identifier: Apache-2.0
// 签发人 of an upward document (GB/T 9704-2012 7.2.6), in millimetres on the
// display list.
#include <catch2/catch.hpp>

#include "unit/fixture.hpp"

using namespace hongtou;
using test::runs_of;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // 3.2

frames upward(const std::string& signers) {
  const std::string xml =
      "<gongwen><header><issuer>某某省人民政府文件</issuer><doc-number>某政发〔2024〕3号"
      "</doc-number>" +
      signers +
      "</header><title>关于某某事项的请示</title><addressee>国务院：</addressee><body><p>妥否，"
      "请批示。</p></body></gongwen>";
  return test::compose_ok(xml);
}

}  // namespace

TEST_CASE(
    "GB/T 9704-2012 7.2.6: 签发人 居右空一字 on the 发文字号's row, which moves to 居左空一字") {
  const frames plain = upward("");
  const frames f = upward("<signer>张某某</signer>");
  const auto& env = test::environment::get();
  const auto signer = runs_of(f.pages[0], element::signer);
  REQUIRE(signer.size() == 2);  // the label and the name
  const glyph_run &label = *signer[0], &name = *signer[1];
  CHECK(label.font.id == env.fonts->get("fangsong")->id());
  CHECK(name.font.id == env.fonts->get("kai")->id());
  CHECK(test::mm(name.right()) == Approx(184 - cell).margin(0.05));
  CHECK(test::mm(name.left()) == Approx(test::mm(label.right())).margin(0.05));
  const glyph_run& number = *runs_of(f.pages[0], element::doc_number).at(0);
  const glyph_run& centred = *runs_of(plain.pages[0], element::doc_number).at(0);
  CHECK(test::mm(number.left()) == Approx(28 + cell).margin(0.05));
  // Same row as the plain document's 发文字号; the red line where it was.
  CHECK(number.em_top == Approx(centred.em_top));
  CHECK(label.em_top == Approx(number.em_top));
  CHECK(f.pages[0].rules.front().y == Approx(plain.pages[0].rules.front().y));
}

TEST_CASE(
    "GB/T 9704-2012 7.2.6: several signers two a row; the 发文字号 and the red line move down with "
    "the last row") {
  const frames plain = upward("");
  const frames f = upward("<signer>张某某</signer><signer>李某</signer><signer>王某某</signer>");
  const auto signer = runs_of(f.pages[0], element::signer);
  REQUIRE(signer.size() == 4);  // the label, three names
  const glyph_run &first = *signer[1], &second = *signer[2], &third = *signer[3];
  CHECK(second.em_top == Approx(first.em_top));
  CHECK(test::mm(third.em_top - first.em_top) == Approx(pitch).margin(0.05));
  CHECK(test::mm(third.left()) ==
        Approx(test::mm(first.left())).margin(0.05));  // under the first name
  CHECK(test::mm(second.right()) == Approx(184 - cell).margin(0.05));
  const glyph_run& number = *runs_of(f.pages[0], element::doc_number).at(0);
  CHECK(number.em_top == Approx(third.em_top));
  CHECK(test::mm(f.pages[0].rules.front().y - plain.pages[0].rules.front().y) ==
        Approx(pitch).margin(0.05));
}
