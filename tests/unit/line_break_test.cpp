// SPDX-License-Identifier: Apache-2.0
// Line breaking on the character grid (GB/T 9704-2012 5.2.3; GB/T 15834-2011 and clreq for 避头尾).
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/utf8.hpp"
#include "layout/cjk/char_class.hpp"
#include "layout/cjk/kinsoku.hpp"
#include "layout/inline/inline.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

std::vector<layout::set_line_result> set_body(const std::string& text, double indent_cells = 0) {
  const auto& env = test::environment::get();
  REQUIRE(env.fonts);
  layout::text_piece piece;
  piece.text = text;
  piece.font = env.fonts->get(env.spec.body.style.role);
  piece.size = env.spec.body.style.size;
  layout::paragraph_params params;
  params.width = env.spec.type_area.width;
  params.first_indent = indent_cells * env.spec.cell();
  return layout::set_paragraph({piece}, env.spec.cell(), params);
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

double line_right(const layout::set_line_result& l) {
  return l.runs.back().right();
}

}  // namespace

TEST_CASE("a full line holds 28 characters and ends at the type area's right edge") {
  auto lines = set_body(repeat("中", 30));
  REQUIRE(lines.size() == 2);
  CHECK(utf8_decode(lines[0].text).size() == 28);
  CHECK(test::mm(line_right(lines[0])) == Approx(156.0).margin(0.01));
  CHECK(utf8_decode(lines[1].text).size() == 2);
  CHECK(lines[1].last);
}

TEST_CASE("characters sit on the 156/28 mm grid") {
  auto lines = set_body(repeat("中", 10));
  const auto& glyphs = lines[0].runs[0].glyphs;
  for (size_t i = 0; i < glyphs.size(); ++i)
    CHECK(test::mm(glyphs[i].x) == Approx(static_cast<double>(i) * 156.0 / 28).margin(0.001));
}

TEST_CASE("a comma that would start a line takes the previous character down (push-out)") {
  auto lines = set_body(repeat("中", 28) + "，文字");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == repeat("中", 27));
  CHECK(lines[1].text == "中，文字");
  // The short line is justified flush to 156 mm.
  CHECK(test::mm(line_right(lines[0])) == Approx(156.0).margin(0.01));
}

TEST_CASE("an opening mark never ends a line") {
  auto lines = set_body(repeat("中", 27) + "《条例》");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == repeat("中", 27));
  CHECK(lines[1].text.rfind("《", 0) == 0);
  CHECK(test::mm(line_right(lines[0])) == Approx(156.0).margin(0.01));
}

TEST_CASE("a digit run is not split across lines") {
  auto lines = set_body(repeat("中", 26) + "20231215元");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == repeat("中", 26));
  CHECK(lines[1].text == "20231215元");
}

TEST_CASE("a number with its percent sign stays together") {
  auto lines = set_body(repeat("中", 26) + "率100%。");
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].text.find("100%") != std::string::npos);
  CHECK(lines[0].text.find('1') == std::string::npos);
}

TEST_CASE("a Latin word is not split across lines") {
  auto lines = set_body(repeat("中", 25) + "Harfbuzz引擎");
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].text.rfind("Harfbuzz", 0) == 0);
}

TEST_CASE("the first line is indented two cells and continuation lines start flush") {
  auto lines = set_body(repeat("中", 40), 2);
  REQUIRE(lines.size() == 2);
  CHECK(test::mm(lines[0].runs[0].left()) == Approx(2 * 156.0 / 28).margin(0.001));
  CHECK(utf8_decode(lines[0].text).size() == 26);
  CHECK(test::mm(lines[1].runs[0].left()) == Approx(0).margin(0.001));
}

TEST_CASE("the last line of a paragraph stays left-aligned on the grid") {
  auto lines = set_body(repeat("中", 33));
  REQUIRE(lines.size() == 2);
  CHECK(test::mm(line_right(lines[1])) == Approx(5 * 156.0 / 28).margin(0.001));
}

TEST_CASE("ideographic dashes and ellipses are never split") {
  auto dash = set_body(repeat("中", 27) + "——中");
  REQUIRE(dash.size() == 2);
  CHECK(dash[1].text.rfind("中——", 0) == 0);
  auto dots = set_body(repeat("中", 27) + "……中");
  REQUIRE(dots.size() == 2);
  CHECK(dots[1].text.rfind("中……", 0) == 0);
}

// Every paragraph of real documents: no prohibited character at a line
// start or end, digit runs whole, full lines flush with the right edge.
TEST_CASE("real documents break without violations (tests/data/corpus)") {
  namespace fs = std::filesystem;
  int paragraphs = 0, lines_checked = 0;
  for (const auto& entry : fs::directory_iterator(test::source_path("tests/data/corpus"))) {
    std::istringstream in(test::read_file(entry.path().string()));
    std::string text;
    bool in_body = false;
    while (std::getline(in, text)) {
      if (text == "# ---") {
        in_body = true;
        continue;
      }
      if (!in_body || text.empty()) continue;
      ++paragraphs;
      auto lines = set_body(text, 2);
      for (size_t i = 0; i < lines.size(); ++i) {
        INFO(entry.path().filename().string() << " line " << i << ": " << lines[i].text);
        std::u32string u = utf8_decode(lines[i].text);
        REQUIRE(!u.empty());
        if (i > 0) CHECK_FALSE(layout::cjk::is_gb_no_line_start(u.front()));
        if (!lines[i].last) {
          CHECK_FALSE(layout::cjk::is_gb_no_line_end(u.back()));
          CHECK(test::mm(line_right(lines[i])) == Approx(156.0).margin(0.01));
          std::u32string next = utf8_decode(lines[i + 1].text);
          bool split_digits =
              u.back() >= U'0' && u.back() <= U'9' && next.front() >= U'0' && next.front() <= U'9';
          CHECK_FALSE(split_digits);
        }
        ++lines_checked;
      }
    }
  }
  CHECK(paragraphs > 20);
  CHECK(lines_checked > 100);
}

TEST_CASE("a variation selector takes no cell of its own") {
  // 葛 + VS17 (U+E0100, an ideographic variation sequence) is one character.
  auto lines = set_body(repeat("中", 27) + "葛\xF3\xA0\x84\x80" + "中");
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].text == "中");
  CHECK(test::mm(line_right(lines[0])) == Approx(156.0).margin(0.01));
}
