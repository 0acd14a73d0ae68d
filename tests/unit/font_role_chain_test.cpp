// SPDX-License-Identifier: Apache-2.0
// The fallback chain of a role: a character the role's first face lacks is
// looked up in the role's own later candidates that are installed, in their
// order, then in the fallback role's faces; each substitution is reported
// once per document. tests/fonts/role-chain-fonts.xml gives fangsong the
// candidates FandolFang, Times New Roman (not installed), WenKai Test Subset:
// ‟ (U+201F) is only in WenKai, ⑪ (U+246A) in WenKai and in the fallback
// face Noto Serif CJK SC, 䶵 (U+4DB5) only in the Noto fonts.
#include <catch2/catch.hpp>

#include <string>

#include "support/environment.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

const test::font_environment& role_chain() {
  static const test::font_environment env(test::source_path("layouts/gbt9704.xml"),
                                          test::source_path("tests/fonts/role-chain-fonts.xml"),
                                          test::source_path("tests/fonts"), false);
  return env;
}

std::string messages(const diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += format(item) + "\n";
  return out;
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

bool compose_body(const std::string& paragraphs, frames& f, diagnostics& diags,
                  bool strict = false) {
  const auto& env = role_chain();
  model::document doc;
  REQUIRE(model::parse_document(
      "<gongwen><title>关于表彰先进的决定</title><body>" + paragraphs + "</body></gongwen>",
      "t.xml", doc, diags));
  return layout::compose(doc, env.spec, *env.fonts, f, diags, {}, strict);
}

// The family of the face each glyph of a code point was set in, over every page.
std::string family_of(const frames& f, const std::string& character) {
  for (const auto& p : f.pages)
    for (const auto& run : p.runs)
      if (test::text_of(run).find(character) != std::string::npos)
        return role_chain().fonts->cache().find(run.font.id)->family();
  return {};
}

}  // namespace

TEST_CASE("a role's chain holds its installed later candidates in order, after its own face") {
  const auto& env = role_chain();
  INFO(messages(env.diags));
  REQUIRE(env.fonts);
  const std::vector<const fonts::face*> chain = env.fonts->chain("fangsong");
  REQUIRE(chain.size() == 2);  // Times New Roman is not among the test fonts
  CHECK(chain[0] == env.fonts->get("fangsong"));
  CHECK(chain[0]->family() == "FandolFang");
  CHECK(chain[1]->family() == "WenKai Test Subset");
  // The role still resolves to its first candidate found.
  CHECK(env.fonts->find("fangsong")->rank == 0);
}

TEST_CASE("a character the role's face lacks comes from the role's next candidate first") {
  frames f;
  diagnostics diags;
  REQUIRE(compose_body("<p>全国科学技术工作者‟要向⑪刘永坦院士䶵学习。</p>", f, diags));
  const std::string m = messages(diags);
  INFO(m);
  // ‟ and ⑪ from fangsong's own WenKai, though the fallback face has ⑪ too.
  CHECK(m.find("character '‟' (U+201F) is not in FandolFang; set in WenKai Test Subset "
               "(font substitution)") != std::string::npos);
  CHECK(m.find("character '⑪' (U+246A) is not in FandolFang; set in WenKai Test Subset "
               "(font substitution)") != std::string::npos);
  CHECK(family_of(f, "⑪") == "WenKai Test Subset");
  // What no face of the role has comes from the fallback role.
  CHECK(m.find("character '䶵' (U+4DB5) is not in FandolFang; set in Noto Serif CJK SC") !=
        std::string::npos);
  CHECK(family_of(f, "䶵") == "Noto Serif CJK SC");
  for (const auto& run : f.pages.front().runs)
    for (const auto& g : run.glyphs) CHECK(g.id != 0);
}

TEST_CASE("a substitution from the role's own chain is reported once per document") {
  frames f;
  diagnostics diags;
  REQUIRE(compose_body("<p>第一段⑪和⑪。</p><p>第二段⑪。</p>", f, diags));
  const std::string m = messages(diags);
  INFO(m);
  CHECK(count_of(m, "(U+246A)") == 1);
}

TEST_CASE("strict fonts refuse a character from the role's later candidate too") {
  frames f;
  diagnostics diags;
  CHECK_FALSE(compose_body("<p>全国科学技术工作者‟学习。</p>", f, diags, /*strict=*/true));
  const std::string m = messages(diags);
  INFO(m);
  CHECK(m.find("error: character '‟' (U+201F) is not in FandolFang; strict fonts: not set in "
               "WenKai Test Subset") != std::string::npos);
}

TEST_CASE("a character no face of the chain has names the role's faces and the fallback's") {
  frames f;
  diagnostics diags;
  CHECK_FALSE(compose_body("<p>正文\xF0\x9F\x98\x80。</p>", f, diags));
  const std::string m = messages(diags);
  INFO(m);
  CHECK(m.find("error: character '\xF0\x9F\x98\x80' (U+1F600) is in none of the fonts "
               "(FandolFang, WenKai Test Subset, Noto Serif CJK SC)") != std::string::npos);
}
