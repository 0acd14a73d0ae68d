// SPDX-License-Identifier: Apache-2.0
// Fake bold (spec §10.2): a regular face standing in for a bold one (<font fake-bold="0.03em">
// in fonts.xml) is stroked, for every text of its role; a bad value is an error at its place.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "model/font_config.hpp"
#include "support/environment.hpp"
#include "unit/fixture.hpp"
#include "unit/fonts_fixture.hpp"

using namespace hongtou;

namespace {

// The test fonts.xml with the title role's bold face replaced by a missing one, then the
// regular Noto Serif CJK SC subset stroked.
std::string fonts_xml(const std::string& fake_bold) {
  std::string xml = test::read_source("tests/fonts/fonts.xml");
  const std::string bold =
      "<font family=\"Noto Serif CJK SC\" style=\"Bold\" file=\"NotoSerifCJKsc-Bold.subset.otf\"/>";
  const size_t at = xml.find(bold);
  REQUIRE(at != std::string::npos);
  xml.replace(at, bold.size(),
              "<font family=\"No Such Bold\" style=\"Bold\"/><font family=\"Noto Serif CJK SC\" "
              "style=\"Regular\" file=\"NotoSerifCJKsc-Regular.subset.otf\" fake-bold=\"" +
                  fake_bold + "\"/>");
  return xml;
}

}  // namespace

TEST_CASE("spec §10.2: a regular face standing in for the bold title face is stroked") {
  const std::string file = (test::temp_dir("fake-bold") / "fonts.xml").string();
  std::ofstream(file) << fonts_xml("0.03em");
  const test::font_environment env(test::source_path("layouts/gbt9704.xml"), file,
                                   test::source_path("tests/fonts"), false);
  for (const auto& d : env.diags.items()) INFO(format(d));
  REQUIRE(env.fonts);
  const fonts::font_set* set = env.fonts.get();
  REQUIRE(set->find("xiaobiaosong"));
  CHECK(set->find("xiaobiaosong")->fake_bold == Approx(0.03));
  diagnostics diags;
  model::document doc;
  REQUIRE(model::parse_document(
      "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2019〕3号"
      "</doc-number></header><title>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知</title>"
      "<body><p>正文。</p></body></gongwen>",
      "d.xml", doc, diags));
  frames f;
  REQUIRE(layout::compose(doc, env.spec, *set, f, diags));
  size_t titles = 0;
  for (const auto& r : f.pages[0].runs) {
    if (r.role == element::title || r.role == element::issuer) {
      CHECK(r.stroke == Approx(0.03 * r.size));
      ++titles;
    }
    if (r.role == element::body) CHECK(r.stroke == 0);  // 仿宋 has its own face
  }
  CHECK(titles >= 3);  // the mark and the title's two lines
}

TEST_CASE("fonts.xml: a bad fake-bold is an error at its attribute") {
  for (const std::string bad : {"0.03", "0em", "-0.1em", "0.5em", "boldem"}) {
    INFO(bad);
    fonts::font_config config;
    diagnostics diags;
    CHECK_FALSE(model::parse_font_config(fonts_xml(bad), "fonts.xml", config, diags));
    REQUIRE_FALSE(diags.items().empty());
    CHECK(format(diags.items().front()).find("bad fake-bold") != std::string::npos);
  }
}
