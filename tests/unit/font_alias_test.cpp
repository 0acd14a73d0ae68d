// SPDX-License-Identifier: Apache-2.0
// The alias table of fonts.xml: the font names users write (仿宋_GB2312,
// SimHei, Times New Roman …) mapped to the role that stands for them, so
// that a layout may give such a name where it gives a role; a bad <alias>
// is an error at its position, an unknown name stays an error.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "model/font_config.hpp"
#include "support/environment.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

// The messages of a fonts.xml that fails, each as "line:column: message".
std::vector<std::string> config_errors(const std::string& xml) {
  fonts::font_config config;
  diagnostics diags;
  CHECK_FALSE(model::parse_font_config(xml, "f.xml", config, diags));
  std::vector<std::string> out;
  for (const auto& d : diags.items())
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
  return out;
}

const std::string kai_role =
    "<fonts>\n  <role name=\"kai\" description=\"楷体\"><font family=\"KaiTi\"/></role>\n";

struct set_run {
  element role;
  std::string text, family;
};

// The runs of a document body composed with the layout `xml` (extending
// gbt9704) and the test fonts; false with the diagnostics when a role does
// not resolve.
bool compose_with_layout(const std::string& xml, const std::string& body,
                         std::vector<set_run>& runs, diagnostics& diags) {
  const auto& env = test::environment::get();
  model::layout_spec spec;
  REQUIRE(model::parse_layout(xml, "l.xml", spec, diags, test::source_layouts()));
  std::vector<const fonts::provider*> providers;
  for (const auto& p : env.providers) providers.push_back(p.get());
  fonts::face_cache cache;
  const auto set = fonts::font_set::resolve(env.config, spec.font_roles(),
                                            spec.optional_font_roles(), providers, cache, diags);
  if (!set) return false;
  model::document doc;
  REQUIRE(model::parse_document("<gongwen><title>通知</title><body>" + body + "</body></gongwen>",
                                "t.xml", doc, diags));
  frames f;
  if (!layout::compose(doc, spec, *set, f, diags)) return false;
  for (const auto& p : f.pages)
    for (const auto& run : p.runs)
      runs.push_back({run.role, test::text_of(run), cache.find(run.font.id)->family()});
  return true;
}

std::string family_in(const std::vector<set_run>& runs, element e, const std::string& text) {
  for (const auto& r : runs)
    if (r.role == e && r.text == text) return r.family;
  return {};
}

}  // namespace

TEST_CASE("fonts/fonts.xml maps the font names users write to their roles") {
  fonts::font_config config;
  diagnostics diags;
  REQUIRE(model::load_font_config(test::source_path("fonts/fonts.xml"), config, diags));
  CHECK(diags.items().empty());
  const std::vector<std::pair<const char*, const char*>> table = {
      {"仿宋_GB2312", "fangsong"},
      {"仿宋", "fangsong"},
      {"FangSong", "fangsong"},
      {"FangSong_GB2312", "fangsong"},
      {"方正仿宋_GBK", "fangsong"},
      {"方正小标宋简体", "xiaobiaosong"},
      {"方正小标宋_GBK", "xiaobiaosong"},
      {"小标宋", "xiaobiaosong"},
      {"FZXiaoBiaoSong-B05S", "xiaobiaosong"},
      {"黑体", "hei"},
      {"SimHei", "hei"},
      {"楷体_GB2312", "kai"},
      {"楷体", "kai"},
      {"KaiTi", "kai"},
      {"KaiTi_GB2312", "kai"},
      {"宋体", "songti-digits"},
      {"SimSun", "songti-digits"},
      {"Times New Roman", "latin"},
  };
  for (const auto& [name, role] : table) {
    INFO(name);
    const fonts::font_role* r = config.lookup(name);
    REQUIRE(r != nullptr);
    CHECK(r->name == role);
  }
  // ASCII letters in any case, as fontconfig compares families; a role by its own name.
  CHECK(config.lookup("simhei") == config.find("hei"));
  CHECK(config.lookup("TIMES NEW ROMAN") == config.find("latin"));
  CHECK(config.lookup("kai") == config.find("kai"));
  CHECK(config.lookup("No Such Font") == nullptr);
  // tests/fonts/fonts.xml has the same table.
  fonts::font_config tests;
  REQUIRE(model::load_font_config(test::source_path("tests/fonts/fonts.xml"), tests, diags));
  CHECK(tests.aliases.size() == config.aliases.size());
}

TEST_CASE("a bad <alias> is an error at its line and column") {
  const auto errors = config_errors(kai_role +
                                    "  <alias role=\"kai\"/>\n"
                                    "  <alias name=\"楷体\" role=\"kaiti\"/>\n"
                                    "  <alias name=\"楷体_GB2312\"/>\n"
                                    "  <alias name=\"KaiTi\" role=\"kai\"/>\n"
                                    "  <alias name=\"kaiti\" role=\"kai\"/>\n"
                                    "  <alias name=\"kai\" role=\"kai\" weight=\"bold\"/>\n"
                                    "  <alias name=\"Kai\" role=\"kai\">楷</alias>\n"
                                    "</fonts>");
  REQUIRE(errors.size() == 8);
  CHECK(errors[0] == "3:3: missing attribute name on <alias>");
  CHECK(errors[1] ==
        "4:20: <alias name=\"楷体\"> names the role \"kaiti\", which this file does not define; "
        "expected kai");
  CHECK(errors[2] == "5:3: missing attribute role on <alias>");
  CHECK(errors[3] == "7:10: duplicate <alias name=\"kaiti\"> (also on line 6)");
  CHECK(errors[4] == "8:32: unknown attribute weight on <alias>; expected name or role");
  CHECK(errors[5] == "8:10: <alias name=\"kai\"> is the name of a <role>");
  CHECK(errors[6] == "9:32: <alias> must be empty; its values are attributes");
  // ASCII letters in any case: Kai is kai again.
  CHECK(errors[7] == "9:10: duplicate <alias name=\"Kai\"> (also on line 8)");
}

TEST_CASE("an unknown element in <fonts> names both <role> and <alias>") {
  const auto errors = config_errors(kai_role + "  <family name=\"x\"/>\n</fonts>");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "3:3: unknown element <family> in <fonts>; expected <role> or <alias>");
}

TEST_CASE("a layout may name a font by a name of the alias table") {
  std::vector<set_run> f;
  diagnostics diags;
  REQUIRE(compose_with_layout(
      "<layout name=\"named-fonts\" extends=\"gbt9704\">"
      "<body role=\"仿宋_GB2312\"/><heading level=\"2\" role=\"楷体_GB2312\"/>"
      "<heading level=\"1\" role=\"SimHei\"/></layout>",
      "<h level=\"1\">一、总体要求</h><h level=\"2\">（一）工作目标</h><p>正文2024年。</p>", f,
      diags));
  CHECK(family_in(f, element::heading, "一、总体要求") == "Noto Sans CJK SC");
  CHECK(family_in(f, element::heading, "（一）工作目标") == "WenKai Test Subset");
  CHECK(family_in(f, element::body, "正文") == "FandolFang");
  // The body's 仿宋_GB2312 stands for fangsong, whose text takes the Latin face.
  CHECK(family_in(f, element::body, "2024") == "Serif Test Subset");
}

TEST_CASE("a font name no alias knows stays an error") {
  std::vector<set_run> f;
  diagnostics diags;
  CHECK_FALSE(compose_with_layout(
      "<layout name=\"unknown-font\" extends=\"gbt9704\"><body role=\"Hei\"/></layout>",
      "<p>正文。</p>", f, diags));
  REQUIRE_FALSE(diags.items().empty());
  const diagnostic& d = diags.items().back();
  CHECK(d.level == severity::error);
  CHECK(d.message == "font role 'Hei' is not defined");
  CHECK(d.hint ==
        "the layout asks for it; add an <alias name=\"Hei\" role=\"…\"/> for the font name to "
        "fonts.xml");
}

TEST_CASE("a font name fonts.xml does not know is an error at the layout's attribute") {
  const auto& env = test::environment::get();
  model::layout_spec spec;
  diagnostics diags;
  REQUIRE(model::parse_layout(
      "<layout name=\"unknown-font\" extends=\"gbt9704\">\n  <body role=\"Hei\"/>\n</layout>",
      "l.xml", spec, diags, test::source_layouts()));
  CHECK_FALSE(model::check_font_names(spec, env.config, diags));
  REQUIRE(diags.items().size() == 1);
  const diagnostic& d = diags.items().front();
  CHECK(d.file == "l.xml");
  CHECK(d.line == 2);
  CHECK(d.column == 9);
  CHECK(d.message == "font 'Hei' is neither a <role> nor an <alias> of fonts.xml");
  // The names gbt9704 and an alias use are known.
  model::layout_spec named;
  REQUIRE(model::parse_layout(
      "<layout name=\"named\" extends=\"gbt9704\"><body role=\"仿宋_GB2312\"/></layout>", "n.xml",
      named, diags, test::source_layouts()));
  CHECK(model::check_font_names(named, env.config, diags));
}

TEST_CASE("a layout's font name may not be empty or hold control characters") {
  for (const char* bad : {"", " 仿宋", "仿宋&#9;GB2312"}) {
    INFO(bad);
    model::layout_spec spec;
    diagnostics diags;
    CHECK_FALSE(model::parse_layout("<layout name=\"bad-font\" extends=\"gbt9704\"><body role=\"" +
                                        std::string(bad) + "\"/></layout>",
                                    "l.xml", spec, diags, test::source_layouts()));
    REQUIRE_FALSE(diags.items().empty());
    CHECK(diags.items().front().message.find(
              "in role on <body>; expected a font role (lower-case letters, digits, - and _) or "
              "a font name of fonts.xml's <alias>") != std::string::npos);
  }
}
