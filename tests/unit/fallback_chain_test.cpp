// SPDX-License-Identifier: Apache-2.0
// The fallback chain: a character the role's face lacks comes from the first
// face of the fallback role that has it, each substitution reported once
// with the face used; a character no face has is an error naming it and the
// faces tried, never a missing-glyph box. The test faces: 䶵 (U+4DB5) is in
// Noto Serif CJK SC, not in FandolFang; ‟ (U+201F) only in the 楷体 test
// subset; 😀 (U+1F600) in none.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/environment.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;
namespace fs = std::filesystem;

namespace {

// The test fonts with a fallback role of two faces: Noto Serif, then the 楷体 subset.
const test::font_environment& chained() {
  static const test::font_environment env = [] {
    const fs::path dir = fs::path(HONGTOU_TEST_TMP) / ("chain-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string xml = test::read_source("tests/fonts/fonts.xml");
    const std::string serif =
        "<font family=\"Noto Serif CJK SC\" style=\"Regular\" "
        "file=\"NotoSerifCJKsc-Regular.subset.otf\"/>";
    const size_t role = xml.find("<role name=\"fallback\"");
    REQUIRE(role != std::string::npos);
    const size_t at = xml.find(serif, role);
    REQUIRE(at != std::string::npos);
    xml.insert(
        at + serif.size(),
        "\n    <font family=\"WenKai Test Subset\" file=\"WenKaiTestSubset-Regular.subset.ttf\"/>");
    std::ofstream(dir / "fonts.xml", std::ios::binary) << xml;
    return test::font_environment(test::source_path("layouts/gbt9704.xml"),
                                  (dir / "fonts.xml").string(), test::source_path("tests/fonts"),
                                  false);
  }();
  return env;
}

bool compose_with(const test::font_environment& env, const std::string& body, frames& f,
                  diagnostics& diags) {
  model::document doc;
  REQUIRE(
      model::parse_document("<gongwen><title>国务院关于2018年度国家科学技术奖励的决定</title>"
                            "<body><p>" +
                                body + "</p></body></gongwen>",
                            "t.xml", doc, diags));
  return layout::compose(doc, env.spec, *env.fonts, f, diags);
}

std::string messages(const diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += format(item) + "\n";
  return out;
}

}  // namespace

TEST_CASE("a character the fallback face lacks comes from the next face of the chain") {
  const auto& env = chained();
  REQUIRE(env.fonts);
  REQUIRE(env.fonts->chain("fallback").size() == 2);
  frames f;
  diagnostics diags;
  REQUIRE(compose_with(env, "全国科学技术工作者‟要向刘永坦院士䶵学习。", f, diags));
  const std::string m = messages(diags);
  INFO(m);
  CHECK(m.find("character '‟' (U+201F) is not in FandolFang; set in WenKai Test Subset") !=
        std::string::npos);
  CHECK(m.find("(U+4DB5) is not in FandolFang; set in Noto Serif CJK SC") != std::string::npos);
  // Each set in its face, no glyph 0 anywhere.
  for (const auto& run : f.pages.front().runs)
    for (const auto& g : run.glyphs) CHECK(g.id != 0);
}

TEST_CASE("a character no font has is an error naming it and the fonts tried") {
  frames f;
  diagnostics diags;
  CHECK_FALSE(test::compose_xml(
      "<gongwen><title>标题</title><body><p>正文\xF0\x9F\x98\x80。</p></body></gongwen>", f,
      diags));
  const std::string m = messages(diags);
  INFO(m);
  CHECK(m.find("test.xml:1:") != std::string::npos);
  CHECK(m.find("error: character '\xF0\x9F\x98\x80' (U+1F600) is in none of the fonts (FandolFang, "
               "Noto Serif CJK SC)") != std::string::npos);
}

TEST_CASE("strict fonts refuse a substitution with an error naming the character") {
  const auto& env = test::environment::get();
  model::document doc;
  diagnostics diags;
  REQUIRE(model::parse_document(
      "<gongwen><title>标题</title><body><p>全国科学技术工作者要向刘永坦院士―钱七虎院士学习。"
      "</p></body></gongwen>",
      "t.xml", doc, diags));
  frames f;
  CHECK(layout::compose(doc, env.spec, *env.fonts, f, diags, {}, /*strict_fonts=*/false));
  diagnostics strict;
  frames g;
  CHECK_FALSE(layout::compose(doc, env.spec, *env.fonts, g, strict, {}, /*strict_fonts=*/true));
  const std::string m = messages(strict);
  INFO(m);
  CHECK(m.find("error: character '―' (U+2015) is not in FandolFang; strict fonts: not set in Noto "
               "Serif CJK SC") != std::string::npos);
}
