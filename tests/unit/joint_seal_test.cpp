// SPDX-License-Identifier: Apache-2.0
// Joint documents with seals (联合行文, GB/T 9704-2012 7.3.5.1), in
// millimetres on the display list: one seal per organ, centred on its name
// and pressing it, the last on the last name and the date; the seals aligned,
// never overlapping or touching, inside the type area, the first row's top
// within one row below the body. The text is 国办发〔1996〕25号, issued by
// 国务院办公厅 and 中央军委办公厅; the seal is the synthetic sample.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "unit/seal_fixture.hpp"

using namespace hongtou;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // 3.2
constexpr double diameter = 42;          // the layout's seal
constexpr double seal_gap = 3;           // the layout's least gap between seals

const std::string body =
    "<p>日本军国主义在侵华战争中，公然违背国际法准则，使用化学武器，毒害中国军队和无辜民众。"
    "1945年战败日军为了掩盖其使用化学武器的罪行，将大量化学武器掩埋或投入江河、弃置深山野岭。</p>";

std::string joint_doc(const std::vector<std::string>& organs, size_t seals) {
  std::string sig = "<signature>";
  for (const auto& o : organs) sig += "<organ>" + o + "</organ>";
  sig += "<date>1996年6月29日</date>";
  for (size_t i = 0; i < seals; ++i) sig += "<seal src=\"seal.png\"/>";
  return "<gongwen><header><issuer>国务院办公厅</issuer><issuer>中央军委办公厅</issuer>"
         "<doc-number>国办发〔1996〕25号</doc-number></header><title>国务院办公厅、中央军委办公厅"
         "<br/>关于加强对侵华日军遗弃化学武器<br/>调查和管理工作的通知</title><body>" +
         body + "</body>" + sig + "</signature></gongwen>";
}

double centre_x(const glyph_run& r) {
  return test::mm((r.left() + r.right()) / 2);
}
double centre_x(const image& im) {
  return test::mm(im.x + im.width / 2);
}
double centre_y(const image& im) {
  return test::mm(im.y + im.height / 2);
}

// No two seals overlap or touch: their centres at least a diameter and the gap apart.
void check_apart(const std::vector<image>& seals) {
  for (size_t i = 0; i < seals.size(); ++i)
    for (size_t j = i + 1; j < seals.size(); ++j) {
      const double d = std::hypot(centre_x(seals[i]) - centre_x(seals[j]),
                                  centre_y(seals[i]) - centre_y(seals[j]));
      INFO("seals " << i << " and " << j);
      CHECK(d >= diameter + seal_gap - 0.01);
    }
}

void check_inside_type_area(const std::vector<image>& seals) {
  for (const auto& s : seals) {
    CHECK(test::mm(s.x) >= 28 - 0.01);
    CHECK(test::mm(s.x + s.width) <= 184 + 0.01);
    CHECK(test::mm(s.y + s.height) <= 262 + 0.01);
  }
}

}  // namespace

TEST_CASE(
    "GB/T 9704-2012 7.3.5.1: two organs sealed — the names side by side, each seal centred on its "
    "name, the last on the last name and the date") {
  const frames f = test::compose_sealed_xml(joint_doc({"国务院办公厅", "中央军委办公厅"}, 2));
  const test::signature_page p = test::signature_of(f);
  REQUIRE(p.names.size() == 2);
  REQUIRE(p.seals.size() == 2);
  // The date 右空四字; the last name and seal centred on it.
  CHECK(test::mm(p.date->right()) == Approx(184 - 4 * cell).margin(0.05));
  const double date_centre = centre_x(*p.date);
  CHECK(centre_x(*p.names[1]) == Approx(date_centre).margin(0.05));
  CHECK(centre_x(p.seals[1]) == Approx(date_centre).margin(0.05));
  // The lead organ left of it on the same row, its seal centred on it, the columns a seal and the
  // gap apart.
  CHECK(p.names[0]->em_top == Approx(p.names[1]->em_top).margin(0.01));
  CHECK(test::mm(p.date->em_top - p.names[1]->em_top) == Approx(pitch).margin(0.05));
  CHECK(centre_x(p.seals[0]) == Approx(centre_x(*p.names[0])).margin(0.05));
  CHECK(centre_x(p.seals[1]) - centre_x(p.seals[0]) == Approx(diameter + seal_gap).margin(0.05));
  // Aligned: the seals of a row on one level, pressing name and date a little below their centre.
  CHECK(centre_y(p.seals[0]) == Approx(centre_y(p.seals[1])).margin(0.01));
  const double text_centre = test::mm((p.names[1]->em_top + p.date->em_bottom) / 2);
  CHECK(text_centre - centre_y(p.seals[1]) == Approx(0.12 * diameter).margin(0.05));
  for (const auto& s : p.seals) {
    CHECK(s.y < p.names[0]->em_top);  // no blank seal
    CHECK(s.y + s.height > p.names[0]->em_bottom);
    const double gap = test::mm(s.y - p.last_body->em_bottom);  // top within one row of the body
    CHECK(gap >= 0);
    CHECK(gap <= pitch);
  }
  check_apart(p.seals);
  check_inside_type_area(p.seals);
}

TEST_CASE("GB/T 9704-2012 7.3.5.1: three organs sealed — three seals on one row, aligned") {
  const frames f =
      test::compose_sealed_xml(joint_doc({"国务院办公厅", "中央军委办公厅", "国家计委"}, 3));
  const test::signature_page p = test::signature_of(f);
  REQUIRE(p.names.size() == 3);
  REQUIRE(p.seals.size() == 3);
  // In the organs' order from left to right, the last on the date.
  CHECK(centre_x(*p.names[0]) < centre_x(*p.names[1]));
  CHECK(centre_x(*p.names[1]) < centre_x(*p.names[2]));
  CHECK(centre_x(p.seals[2]) == Approx(centre_x(*p.date)).margin(0.05));
  for (size_t i = 0; i < 3; ++i) {
    CHECK(centre_x(p.seals[i]) == Approx(centre_x(*p.names[i])).margin(0.05));
    CHECK(centre_y(p.seals[i]) == Approx(centre_y(p.seals[0])).margin(0.01));
    CHECK(p.names[i]->em_top == Approx(p.names[0]->em_top).margin(0.01));
  }
  check_apart(p.seals);
  check_inside_type_area(p.seals);
}

TEST_CASE(
    "GB/T 9704-2012 7.3.5.1: long names sealed — two a row, a short last row on the date's "
    "column, rows far enough apart that no seals touch") {
  const frames f = test::compose_sealed_xml(
      joint_doc({"国家发展和改革委员会", "中华人民共和国财政部", "国家地震局"}, 3));
  const test::signature_page p = test::signature_of(f);
  REQUIRE(p.names.size() == 3);
  REQUIRE(p.seals.size() == 3);
  // Row 1: the first two; row 2: the last, over the date, in the right-hand column.
  CHECK(p.names[0]->em_top == Approx(p.names[1]->em_top).margin(0.01));
  CHECK(p.names[2]->em_top > p.names[1]->em_top);
  CHECK(centre_x(p.seals[2]) == Approx(centre_x(*p.date)).margin(0.05));
  CHECK(centre_x(p.seals[1]) == Approx(centre_x(p.seals[2])).margin(0.05));
  CHECK(test::mm(p.date->em_top - p.names[2]->em_top) == Approx(pitch).margin(0.05));
  // Rows of names a whole number of grid rows apart, enough for a seal and the gap.
  const double rows = test::mm(p.names[2]->em_top - p.names[0]->em_top) / pitch;
  CHECK(rows == Approx(std::round(rows)).margin(0.01));
  CHECK(rows * pitch >= diameter + seal_gap);
  // Names of one row never run into each other.
  CHECK(p.names[0]->right() < p.names[1]->left());
  check_apart(p.seals);
  check_inside_type_area(p.seals);
}

TEST_CASE("GB/T 9704-2012 7.3.5.1: a sealed joint signature needs one seal per organ") {
  model::document doc;
  diagnostics diags;
  CHECK_FALSE(model::parse_document(joint_doc({"国务院办公厅", "中央军委办公厅"}, 1), "joint.xml",
                                    doc, diags));
  REQUIRE_FALSE(diags.items().empty());
  const diagnostic& d = diags.items().front();
  CHECK(d.message.find("2 <organ> and 1 <seal>") != std::string::npos);
  CHECK(d.line == 1);
  CHECK(d.column > 1);
}
