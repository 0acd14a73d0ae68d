// SPDX-License-Identifier: Apache-2.0
// Unit tests of engine/model/font_config: fonts.xml read into font roles and
// their candidates, with the errors of bad candidates.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "model/font_config.hpp"
#include "support/source.hpp"

using namespace hongtou;
using namespace hongtou::model;
using fonts::font_candidate;
using fonts::font_config;
using fonts::font_role;

namespace {

using test::read_source;
using test::source_path;

}  // namespace

TEST_CASE(
    "fonts/fonts.xml has the five roles, a Latin font and a fallback, licensed faces first and "
    "free defaults last") {
  font_config config;
  diagnostics diags;
  REQUIRE(load_font_config(source_path("fonts/fonts.xml"), config, diags));
  CHECK(diags.items().empty());
  REQUIRE(config.roles.size() == 7);
  for (const char* name :
       {"fangsong", "xiaobiaosong", "hei", "kai", "songti-digits", "latin", "fallback"}) {
    INFO(name);
    const font_role* r = config.find(name);
    REQUIRE(r != nullptr);
    CHECK_FALSE(r->description.empty());
    CHECK(r->candidates.size() >= 2);
  }
  CHECK(config.find("latin")->candidates.front().family == "Times New Roman");
  CHECK(config.find("latin")->candidates.back().family == "Liberation Serif");

  const font_role& fang = *config.find("fangsong");
  CHECK(fang.candidates.front().family == "仿宋_GB2312");
  const font_candidate& fandol = fang.candidates[fang.candidates.size() - 2];
  CHECK(fandol.family == "FandolFang");
  CHECK(fandol.file == "FandolFang-Regular.otf");
  const font_candidate& noto = fang.candidates.back();
  CHECK(noto.family == "Noto Serif CJK SC");
  CHECK(noto.index == 2);

  const font_role& xbs = *config.find("xiaobiaosong");
  CHECK(xbs.candidates.front().family == "方正小标宋简体");
  bool has_noto_bold = false;
  for (const auto& c : xbs.candidates)
    if (c.family == "Noto Serif CJK SC" && c.style == "Bold" && c.index == 2) has_noto_bold = true;
  CHECK(has_noto_bold);
  CHECK(config.find("kai")->candidates.front().family == "楷体_GB2312");
  CHECK(config.find("hei")->candidates.front().family == "黑体");
  CHECK(config.find("songti-digits")->candidates.front().family == "宋体");
}

TEST_CASE("a font role carries the line and column of its <role> element") {
  font_config config;
  diagnostics diags;
  REQUIRE(load_font_config(source_path("fonts/fonts.xml"), config, diags));
  const font_role* fang = config.find("fangsong");
  REQUIRE(fang != nullptr);

  // The '<' of the <role> start tag that holds name="fangsong", as line and character column.
  const std::string xml = read_source("fonts/fonts.xml");
  const size_t name_at = xml.find("name=\"fangsong\"");
  REQUIRE(name_at != std::string::npos);
  const size_t role_at = xml.rfind("<role", name_at);
  REQUIRE(role_at != std::string::npos);
  const size_t line_start = xml.rfind('\n', role_at) + 1;  // 0 on the first line (npos + 1)
  const auto line = 1 + std::count(xml.begin(), xml.begin() + role_at, '\n');
  const auto column =
      1 + std::count_if(xml.begin() + line_start, xml.begin() + role_at,
                        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  CHECK(fang->line == line);
  CHECK(fang->column == column);
}

TEST_CASE("bad font candidates are errors") {
  font_config config;
  diagnostics diags;
  REQUIRE_FALSE(parse_font_config(
      "<fonts>\n  <role name=\"kai\" description=\"楷体\">\n    <font style=\"Bold\"/>\n"
      "    <font family=\"x\" index=\"2\"/>\n    <face/>\n  </role>\n  <role name=\"kai\" "
      "description=\"\">"
      "<font file=\"a.ttc\" index=\"-1\"/></role>\n</fonts>",
      "f.xml", config, diags));
  REQUIRE(diags.items().size() == 5);
  const auto at = [&](size_t i) {
    const diagnostic& d = diags.items()[i];
    return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
  };
  CHECK(at(0) == "3:5: a <font> needs a family or a file (or both)");
  CHECK(at(1) == "4:22: index on <font> needs a file (it numbers the faces of a .ttc file)");
  CHECK(at(2) == "5:5: unknown element <face> in <role>; expected <font>");
  CHECK(at(3) == "7:9: duplicate <role name=\"kai\">");
  CHECK(at(4) == "7:54: bad index \"-1\" on <font>; expected a face number from 0 to 65535");
}
