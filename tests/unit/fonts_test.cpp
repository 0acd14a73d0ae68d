// Font roles resolved through fontconfig (spec §10): Chinese and English
// family names, styles, file fallbacks, and the error for a role with no face.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fonts/font_set.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

model::font_config one_role(std::vector<model::font_candidate> candidates) {
  model::font_config c;
  model::font_role r;
  r.name = "kai";
  r.description = "test";
  r.line = 7;
  r.column = 3;
  r.candidates = std::move(candidates);
  c.roles.push_back(r);
  return c;
}

model::font_candidate family(const std::string& f, const std::string& style = {}) {
  model::font_candidate c;
  c.family = f;
  c.style = style;
  return c;
}

}  // namespace

TEST_CASE("a role resolves by its Chinese family name") {
  diagnostics diags;
  auto set = fonts::font_set::load(one_role({family("霞鹜文楷", "Regular")}), {"kai"}, {}, diags);
  REQUIRE(set);
  const fonts::face* f = set->get("kai");
  REQUIRE(f);
  CHECK(f->family() == "LXGW WenKai");
  CHECK(f->style() == "Regular");
  CHECK(f->candidate_rank() == 0);
}

TEST_CASE("a style is matched against the face's primary style, not its other names") {
  // Noto Sans CJK SC Black also names itself "Regular"; Regular must be Regular.
  diagnostics diags;
  auto set =
      fonts::font_set::load(one_role({family("Noto Sans CJK SC", "Regular")}), {"kai"}, {}, diags);
  REQUIRE(set);
  CHECK(set->get("kai")->style() == "Regular");
  CHECK(set->get("kai")->index() == 2);  // the SC face of the collection
}

TEST_CASE("later candidates are tried in order and the rank says which one was found") {
  diagnostics diags;
  auto set = fonts::font_set::load(
      one_role({family("楷体_GB2312"), family("KaiTi"), family("LXGW WenKai", "Regular")}), {"kai"},
      {}, diags);
  REQUIRE(set);
  CHECK(set->get("kai")->candidate_rank() == 2);
  CHECK(set->get("kai")->matched_by() == "family \"LXGW WenKai Regular\"");
}

TEST_CASE("a file candidate is found by its name in fontconfig's folders") {
  model::font_candidate c;
  c.file = "NotoSerifCJK-Regular.ttc";
  c.index = 2;
  diagnostics diags;
  auto set = fonts::font_set::load(one_role({c}), {"kai"}, {}, diags);
  REQUIRE(set);
  CHECK(set->get("kai")->family() == "Noto Serif CJK SC");
}

TEST_CASE("a role with no face is an error naming the role and every candidate tried") {
  diagnostics diags;
  auto set = fonts::font_set::load(one_role({family("No Such 楷体"), family("Nor This")}), {"kai"},
                                   {}, diags, "fonts.xml");
  CHECK_FALSE(set);
  REQUIRE(diags.items().size() == 1);
  const diagnostic& d = diags.items().front();
  CHECK(d.level == severity::error);
  CHECK(d.file == "fonts.xml");
  CHECK(d.line == 7);
  CHECK(d.column == 3);
  CHECK(d.message == "no font found for role 'kai'");
  CHECK(d.hint.find("family \"No Such 楷体\", family \"Nor This\"") != std::string::npos);
}

TEST_CASE("an optional role with no face is only a warning") {
  diagnostics diags;
  auto set = fonts::font_set::load(one_role({family("No Such 楷体")}), {}, {}, diags, "fonts.xml",
                                   {"kai"});
  REQUIRE(set);
  CHECK(set->get("kai") == nullptr);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items().front().level == severity::warning);
}

TEST_CASE("the ideographic em box is one em tall, the ink inside it") {
  const auto& env = test::environment::get();
  for (const auto& f : env.fonts->faces()) {
    INFO(f->family());
    CHECK(f->em_top() - f->em_bottom() == Approx(1.0));
    fonts::ink_box ink = f->ink(f->glyph(U'国'));
    REQUIRE_FALSE(ink.empty);
    CHECK(ink.y_max <= f->em_top() + 0.05);
    CHECK(ink.y_min >= f->em_bottom() - 0.05);
  }
}

TEST_CASE("a file candidate is found in an extra font folder") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / "font-dir";
  fs::create_directories(dir);
  const fs::path src = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";
  if (!fs::exists(src)) {
    WARN("LXGW WenKai is not installed");
    return;
  }
  fs::copy_file(src, dir / "my-kai.ttf", fs::copy_options::overwrite_existing);
  model::font_candidate c;
  c.file = "my-kai.ttf";
  fonts::font_options options;
  options.font_dirs = {dir.string()};
  diagnostics diags;
  auto set = fonts::font_set::load(one_role({c}), {"kai"}, options, diags);
  REQUIRE(set);
  CHECK(set->get("kai")->path() == (dir / "my-kai.ttf").string());
  CHECK_FALSE(set->get("kai")->is_cff());
}
