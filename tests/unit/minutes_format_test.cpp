// SPDX-License-Identifier: Apache-2.0
// 纪要格式 (GB/T 9704-2012 10.3), layouts/minutes.xml: the 出席, 请假, 列席 lines one empty row
// below the body, 左空二字, the label in 黑体 with its colon, the names in 仿宋, a wrapped line
// under the first name. Organ names from the corpus (04: 国土资源部, 水利部, 中国地震局 …).
#include <catch2/catch.hpp>

#include <string>

#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // one row (3.2)

// Lays out a 纪要 in layouts/minutes.xml with the test fonts, REQUIREing success.
frames compose_minutes(const std::string& xml, const std::string& name) {
  model::layout_spec spec;
  diagnostics diags;
  const std::string file = test::source_path("layouts/minutes.xml");
  REQUIRE(model::parse_layout(test::read_file(file), file, spec, diags, test::source_layouts()));
  model::document doc;
  REQUIRE(model::parse_document(xml, name, doc, diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *test::environment::get().fonts, f, diags));
  for (const auto& d : diags.items()) CHECK(d.message.find("发文字号") == std::string::npos);
  return f;
}

}  // namespace

TEST_CASE("GB/T 9704-2012 10.3: 出席, 请假, 列席 below the body, wrapped under the first name") {
  // 第5期 is the 纪要's own form: no 7.2.5 warning (compose_minutes checks).
  const frames f = compose_minutes(
      "<gongwen layout=\"minutes\"><header><issuer>国务院办公厅会议纪要</issuer>"
      "<minutes-number>第5期</minutes-number></header><body><p>会议研究了湖北省巴东县地质灾害"
      "险情有关问题。</p></body><attendance>"
      "<attendees label=\"出席\">国务院办公厅、国土资源部、水利部、中国地震局、国家发展改革委、"
      "财政部、湖北省人民政府、巴东县人民政府</attendees>"
      "<attendees label=\"列席\">国务院三峡工程建设委员会办公室</attendees>"
      "</attendance></gongwen>",
      "m.xml");
  const page& p1 = f.pages[0];
  const auto& env = test::environment::get();
  std::vector<const glyph_run*> labels, names;
  for (const glyph_run* r : test::runs_of(p1, element::attendance))
    (r->font.id == env.fonts->get("hei")->id() ? labels : names).push_back(r);
  REQUIRE(labels.size() == 2);
  CHECK(test::text_of(*labels[0]) == "出席：");
  CHECK(test::text_of(*labels[1]) == "列席：");
  CHECK(test::mm(labels[0]->left()) == Approx(28 + 2 * cell).margin(0.05));  // 左空二字
  // One empty row below the body's last line.
  const auto body = test::runs_of(p1, element::body);
  CHECK(test::mm(labels[0]->em_top - body.back()->em_top) == Approx(2 * pitch).margin(0.05));
  // The 出席 names wrap: their second line starts under the first name's first character.
  REQUIRE(names.size() >= 3);
  CHECK(test::mm(names[0]->left()) == Approx(28 + 5 * cell).margin(0.05));  // after 出席：
  CHECK(test::mm(names[1]->em_top - names[0]->em_top) == Approx(pitch).margin(0.05));
  CHECK(test::mm(names[1]->left()) == Approx(test::mm(names[0]->left())).margin(0.05));
  // 列席 on the row after the 出席 names' last line (the next-to-last names run).
  CHECK(test::mm(labels[1]->em_top - names[names.size() - 2]->em_top) ==
        Approx(pitch).margin(0.05));
}

TEST_CASE("GB/T 9704-2012 10.3: samples/minutes-zhushan.xml: both lines wrap, kept on one page") {
  const frames f =
      compose_minutes(test::read_source("samples/minutes-zhushan.xml"), "minutes-zhushan.xml");
  REQUIRE(f.pages.size() == 2);
  // The four attendance lines do not fit below the body on page 1 (rows 21 to 24 of 22): the
  // 出席 lines go to page 2 with the 列席 lines rather than leave them alone there.
  CHECK(test::runs_of(f.pages[0], element::attendance).empty());
  std::vector<const glyph_run*> names;
  for (const glyph_run* r : test::runs_of(f.pages[1], element::attendance))
    if (r->font.id == test::environment::get().fonts->get("fangsong")->id()) names.push_back(r);
  REQUIRE(names.size() == 4);
  CHECK(test::text_of(*names[1]) == "简育田、纪洪山和各委员");
  CHECK(test::text_of(*names[3]) == "县检察院检察长陆庆华");
  for (const glyph_run* r : names) CHECK(test::mm(r->left()) == Approx(28 + 5 * cell).margin(0.05));
  CHECK(test::mm(names[0]->em_top) == Approx(37).margin(0.05));
  for (size_t i = 1; i < names.size(); ++i)
    CHECK(test::mm(names[i]->em_top - names[i - 1]->em_top) == Approx(pitch).margin(0.05));
}
