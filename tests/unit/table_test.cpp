// SPDX-License-Identifier: Apache-2.0
// Tables (<table>, common practice; spec §5.5), in millimetres on the display
// list: column edges from the widths, row heights from the wrapped lines, the
// header repeated under 续表 on every continued page, row groups kept whole,
// a row taller than a page broken between its lines, the caption kept with
// the first row, the table inside the type area and the grid after it.
// Texts: the tables of 国办发〔2019〕4号 (08) and 国办发〔1996〕32号 (09).
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "unit/fixture.hpp"
#include "unit/layout_spec_fixture.hpp"

using namespace hongtou;
using test::runs_of;
using test::text_of;

namespace {

constexpr double cell = 156.0 / 28;              // 5.2.3
constexpr double pitch = cell * 15 / 8;          // one body row (3.2)
constexpr double size_4hao = 14;                 // pt
constexpr double cell_pitch = size_4hao * 1.25;  // a cell's line pitch (gbt9704 <table>)
constexpr double padding_y = 1.2;                // mm (gbt9704 <table padding-y>)

// The table rows of a corpus text: its lines "[表] a | b | c".
std::vector<std::vector<std::string>> corpus_rows(const std::string& name) {
  std::istringstream in(test::read_source("tests/data/corpus/" + name));
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("[表] ", 0) != 0) continue;
    std::vector<std::string> cells;
    size_t from = std::string("[表] ").size();
    for (size_t at; (at = line.find(" | ", from)) != std::string::npos; from = at + 3)
      cells.push_back(line.substr(from, at - from));
    cells.push_back(line.substr(from));
    rows.push_back(cells);
  }
  return rows;
}

std::string cells_xml(std::vector<std::string> cells, size_t columns) {
  cells.insert(cells.begin(), columns - std::min(columns, cells.size()), "");  // merged above
  std::string x = "<row>";
  for (const auto& c : cells) x += c.empty() ? "<cell/>" : "<cell>" + c + "</cell>";
  return x + "</row>";
}

const std::string kaohe_columns =
    "<columns><column width=\"2.2*\"/><column width=\"2.4*\"/><column width=\"4*\"/>"
    "<column width=\"1.6*\"/><column width=\"8*\"/></columns>";

// The 08 table's first `n` body rows (all when n is 0), each merged cell as an empty one.
std::string kaohe_table(size_t n, const std::string& extra = "") {
  const auto rows = corpus_rows("08-yijian-gongli-yiyuan-kaohe.txt");
  std::string x = "<table size=\"4号\">" + extra + kaohe_columns + "<thead>" +
                  cells_xml(rows[0], 5) + "</thead><tbody>";
  for (size_t i = 1; i < rows.size() && (n == 0 || i <= n); ++i) x += cells_xml(rows[i], 5);
  return x + "</tbody></table>";
}

// The 12 notes below the 08 table, joined.
std::string kaohe_notes() {
  std::istringstream in(test::read_source("tests/data/corpus/08-yijian-gongli-yiyuan-kaohe.txt"));
  std::string notes;
  bool on = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "注：")
      on = true;
    else if (on && !line.empty())
      notes += line;
  }
  return notes;
}

// The last error of a document that must not compose, as "line:column: message".
std::string layout_error(const std::string& xml) {
  frames f;
  diagnostics diags;
  CHECK_FALSE(test::compose_xml(xml, f, diags));
  std::string error;
  for (const diagnostic& d : diags.items())
    if (d.level == severity::error)
      error = std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
  return error;
}

std::string document(const std::string& body) {
  return "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2019〕4号"
         "</doc-number></header><title>国务院办公厅关于加强三级公立医院绩效考核工作的意见"
         "</title><body>" +
         body + "</body></gongwen>";
}

const std::string paragraph =
    "<p>三级公立医院绩效考核指标体系由医疗质量、运营效率、持续发展、满意度评价等4个方面的指标"
    "构成。</p>";

// The table's horizontal and vertical lines on a page, in mm: (position, from, to).
struct line_mm {
  double at, from, to, width;
};
std::vector<line_mm> lines_of(const page& p, bool horizontal) {
  std::vector<line_mm> out;
  for (const auto& r : p.rects) {
    if (r.role != element::table || (r.width > r.height) != horizontal) continue;
    if (horizontal)
      out.push_back({test::mm(r.y + r.height / 2), test::mm(r.x), test::mm(r.x + r.width),
                     test::mm(r.height)});
    else
      out.push_back({test::mm(r.x + r.width / 2), test::mm(r.y), test::mm(r.y + r.height),
                     test::mm(r.width)});
  }
  return out;
}

const glyph_run* find_run(const page& p, element e, const std::string& text) {
  for (const glyph_run* r : runs_of(p, e))
    if (text_of(*r).find(text) != std::string::npos) return r;
  return nullptr;
}

}  // namespace

TEST_CASE("a table's columns: shares of what the millimetre and character widths leave",
          "[table]") {
  const auto rows = corpus_rows("09-zhuanfa-qingshi-xizangban.txt");
  std::string t =
      "<table size=\"4号\"><columns><column width=\"2*\"/><column width=\"30mm\"/>"
      "<column width=\"4em\"/><column width=\"1*\"/><column width=\"1*\"/>"
      "<column width=\"1*\"/></columns><tbody>";
  for (size_t i = 2; i < 6; ++i) t += cells_xml(rows[i], 6);
  const frames f = test::compose_ok(document(paragraph + t + "</tbody></table>"));
  // 4em: four characters of 4号 and the cell's padding (1.5 mm each side).
  const double em4 = 4 * test::mm(size_4hao) + 3;
  const double share = (156 - 30 - em4) / 5;
  const std::vector<double> edges = {28,
                                     28 + 2 * share,
                                     28 + 2 * share + 30,
                                     28 + 2 * share + 30 + em4,
                                     28 + 3 * share + 30 + em4,
                                     28 + 4 * share + 30 + em4,
                                     184};
  std::vector<double> xs;
  for (const auto& l : lines_of(f.pages[0], false)) xs.push_back(l.at);
  for (double e : {edges[1], edges[2], edges[3], edges[4], edges[5]})
    CHECK(std::any_of(xs.begin(), xs.end(), [&](double x) { return std::abs(x - e) < 0.05; }));
  // The frame inside the type area: its outer lines from 28.00 to 184.00.
  for (const auto& l : lines_of(f.pages[0], true)) {
    CHECK(l.from >= 28 - 1e-6);
    CHECK(l.to <= 184 + 1e-6);
  }
  // A figure column of one-line cells is centred; 总计 centred in the first column.
  const glyph_run* total = find_run(f.pages[0], element::table_cell, "总计");
  REQUIRE(total);
  CHECK(test::mm((total->left() + total->right()) / 2) ==
        Approx((edges[0] + edges[1]) / 2).margin(0.05));
}

TEST_CASE("a wrapped cell: its lines a cell pitch apart, the row as tall as they are", "[table]") {
  const frames f = test::compose_ok(document(kaohe_table(3)));
  // Row 2 (2.下转患者人次数…): its 指标说明 wraps over several lines.
  const page* p = nullptr;
  const glyph_run* name = nullptr;
  for (const page& pg : f.pages)
    if (const glyph_run* r = find_run(pg, element::table_cell, "下转患者")) {
      p = &pg;
      name = r;
    }
  REQUIRE(name);
  // The row's top and bottom lines: the horizontal lines nearest above and below its text.
  double top = 0, bottom = 1e9;
  for (const auto& l : lines_of(*p, true)) {
    if (l.at < test::mm(name->em_top)) top = std::max(top, l.at);
    if (l.at > test::mm(name->em_bottom)) bottom = std::min(bottom, l.at);
  }
  std::vector<double> tops;
  for (const glyph_run* r : runs_of(*p, element::table_cell))
    if (test::mm(r->em_top) > top && test::mm(r->em_top) < bottom && test::mm(r->left()) > 115)
      tops.push_back(test::mm(r->em_top));
  std::sort(tops.begin(), tops.end());
  tops.erase(std::unique(tops.begin(), tops.end(), [](double a, double b) { return b - a < 0.01; }),
             tops.end());
  REQUIRE(tops.size() >= 3);
  for (size_t i = 1; i < tops.size(); ++i)
    CHECK(tops[i] - tops[i - 1] == Approx(test::mm(cell_pitch)).margin(0.01));
  // A row last on its page closes with the frame, drawn inside the table's box: its
  // line's centre half its width (0.5 pt) above the row's bottom.
  double lowest = 0;
  for (const auto& l : lines_of(*p, true)) lowest = std::max(lowest, l.at);
  if (std::abs(bottom - lowest) < 0.01) bottom += test::mm(0.5) / 2;
  const double n = static_cast<double>(tops.size());
  CHECK(bottom - top ==
        Approx((n - 1) * test::mm(cell_pitch) + test::mm(size_4hao) + 2 * padding_y).margin(0.02));
  // The tallest cell's first line padding_y below the row's top line.
  CHECK(tops.front() - top == Approx(padding_y).margin(0.02));
  // The one-line cells of the row centred between its lines (定量).
  const glyph_run* kind = nullptr;
  for (const glyph_run* r : runs_of(*p, element::table_cell))
    if (text_of(*r) == "定量" && test::mm(r->em_top) > top && test::mm(r->em_top) < bottom)
      kind = r;
  REQUIRE(kind);
  CHECK(test::mm((kind->em_top + kind->em_bottom) / 2) == Approx((top + bottom) / 2).margin(0.05));
}

TEST_CASE("a long table: over pages, the header again under 续表1, inside the type area",
          "[table]") {
  const frames f = test::compose_ok(document(
      paragraph + kaohe_table(0, "<caption>表1　三级公立医院绩效考核指标</caption>") + paragraph));
  REQUIRE(f.pages.size() >= 4);
  for (size_t i = 0; i < f.pages.size(); ++i) {
    const page& p = f.pages[i];
    INFO("page " << i + 1);
    for (const glyph_run& r : p.runs) {
      if (r.role != element::table && r.role != element::table_header &&
          r.role != element::table_cell)
        continue;
      CHECK(test::mm(r.em_top) >= 37 - 0.01);
      CHECK(test::mm(r.em_bottom) <= 262 + 0.01);
      CHECK(test::mm(r.left()) >= 28 - 0.01);
      CHECK(test::mm(r.right()) <= 184 + 0.01);
    }
    for (const auto& r : p.rects) {
      CHECK(test::mm(r.y) >= 37 - 0.01);
      CHECK(test::mm(r.y + r.height) <= 262 + 0.01);
    }
    if (i == 0 || runs_of(p, element::table_cell).empty()) continue;
    // A continued page: 续表1 on row 1, the header below it.
    const glyph_run* label = find_run(p, element::table, "续表1");
    REQUIRE(label);
    CHECK(test::mm(label->em_top) == Approx(37).margin(0.01));
    const glyph_run* head = find_run(p, element::table_header, "指标说明");
    REQUIRE(head);
    for (const glyph_run* c : runs_of(p, element::table_cell)) CHECK(c->em_top > head->em_top);
  }
  // The paragraph after the table: on the next body row below it (its top half a gap below).
  const page& last = f.pages.back();
  double table_bottom = 0;
  for (const auto& l : lines_of(last, true)) table_bottom = std::max(table_bottom, l.at);
  double after = 1e9;
  for (const glyph_run* r : runs_of(last, element::body))
    if (test::mm(r->em_top) > table_bottom) after = std::min(after, test::mm(r->em_top));
  REQUIRE(after < 262);
  const double k = (after - 37) / pitch;
  CHECK(k == Approx(std::round(k)).margin(0.001));
  CHECK(after - table_bottom >= (pitch - cell) / 2 - 0.3);
  CHECK(after - table_bottom < (pitch - cell) / 2 + pitch);
}

TEST_CASE("rows a rowspan binds go to the next page together; the caption keeps with them",
          "[table]") {
  const auto rows = corpus_rows("09-zhuanfa-qingshi-xizangban.txt");
  // The 09 body rows; 江苏 and 上海 bound by a rowspan in the last column.
  std::string t =
      "<table size=\"4号\"><caption>内地西藏初中班（校）扩大招生计划表</caption><tbody>";
  for (size_t i = 2; i < rows.size(); ++i) {
    auto r = rows[i];
    if (i == 3)
      t += "<row><cell>" + r[0] + "</cell><cell>" + r[1] + "</cell><cell>" + r[2] +
           "</cell><cell>" + r[3] + "</cell><cell>" + r[4] + "</cell><cell rowspan=\"2\">" + r[5] +
           "</cell></row>";
    else if (i == 4)
      t += cells_xml({r[0], r[1], r[2], r[3], r[4]}, 5);
    else
      t += cells_xml(r, 6);
  }
  t += "</tbody></table>";
  for (int k = 0; k < 22; ++k) {
    std::string before;
    for (int i = 0; i < k; ++i) before += paragraph;
    const frames f = test::compose_ok(document(before + t));
    INFO(k << " paragraphs before the table");
    int jiangsu = -1, shanghai = -1, caption = -1, total = -1;
    for (size_t i = 0; i < f.pages.size(); ++i) {
      if (find_run(f.pages[i], element::table_cell, "江苏")) jiangsu = static_cast<int>(i);
      if (find_run(f.pages[i], element::table_cell, "上海")) shanghai = static_cast<int>(i);
      if (find_run(f.pages[i], element::table_cell, "总计")) total = static_cast<int>(i);
      if (find_run(f.pages[i], element::table, "扩大招生计划表")) caption = static_cast<int>(i);
    }
    CHECK(jiangsu >= 0);
    CHECK(jiangsu == shanghai);
    CHECK(caption == total);
  }
}

TEST_CASE("a row taller than a page: broken between two of its lines, with a warning, no text lost",
          "[table]") {
  // The 12 notes of the 08 table in one cell.
  const std::string notes = kaohe_notes();
  const std::string t =
      "<table><columns><column width=\"6em\"/><column width=\"1*\"/></columns>"
      "<tbody><row><cell>注：</cell><cell>" +
      notes + "</cell></row></tbody></table>";
  model::document doc;
  diagnostics diags;
  frames f;
  REQUIRE(test::compose_xml(document(t), f, diags));
  bool warned = false;
  for (const auto& d : diags.items())
    warned |=
        d.level == severity::warning && d.message.find("taller than a page") != std::string::npos;
  CHECK(warned);
  REQUIRE(f.pages.size() >= 2);
  std::string text;
  for (const page& p : f.pages)
    for (const glyph_run* r : runs_of(p, element::table_cell)) {
      text += text_of(*r);
      CHECK(test::mm(r->em_bottom) <= 262 + 0.01);
    }
  CHECK(text == "注：" + notes);
}

TEST_CASE("a number wider than its column is an error at the cell, never split", "[table]") {
  const auto rows = corpus_rows("09-zhuanfa-qingshi-xizangban.txt");
  const std::string t =
      "<table><columns><column width=\"1*\"/><column width=\"7mm\"/></columns>"
      "<tbody><row><cell>" +
      rows[2][0] + "</cell><cell>" + rows[2][1] + "</cell></row></tbody></table>";  // 总计 | 1445
  const std::string xml = document(t);
  CHECK(layout_error(xml) ==
        test::pos_of(xml, "<cell>1445") +
            ": the text of this cell needs 11.1 mm unbroken, but its column leaves 4.0 mm "
            "for it; widen the column (<column width>) or set the table smaller "
            "(<table size>)");
}

TEST_CASE("header rows taller than a page are an error at the table", "[table]") {
  const std::string notes = kaohe_notes();
  const std::string xml = document("<table size=\"22pt\"><thead><row><cell>" + notes +
                                   "</cell></row></thead><tbody><row><cell>定量</cell></row>"
                                   "</tbody></table>");
  CHECK(layout_error(xml) ==
        test::pos_of(xml, "<table size") +
            ": the table's header rows fill a page; no row fits below them (shorten them, "
            "or repeat-header=\"no\")");
}

TEST_CASE("decimal alignment: the points one above the other, whole numbers ending at them",
          "[table]") {
  // 马鬃山村 as 鄂政文 reports it (corpus document 04): 10.92 平方公里, 13 个村民小组, 505 户, 1748
  // 人.
  const std::string t =
      "<table size=\"4号\"><columns><column width=\"3*\"/><column width=\"2*\" align=\"decimal\"/>"
      "</columns><thead><row><cell>项目</cell><cell>马鬃山村</cell></row></thead><tbody>"
      "<row><cell>面积（平方公里）</cell><cell>10.92</cell></row>"
      "<row><cell>村民小组（个）</cell><cell>13</cell></row>"
      "<row><cell>户数（户）</cell><cell>505</cell></row>"
      "<row><cell>人口（人）</cell><cell>1748</cell></row></tbody></table>";
  const frames f = test::compose_ok(document(paragraph + t));
  double point = -1;
  std::vector<double> ends;
  for (const glyph_run* r : runs_of(f.pages[0], element::table_cell)) {
    const std::string text = text_of(*r);
    if (text == "10.92")
      for (const auto& gl : r->glyphs)
        if (gl.text == ".") point = test::mm(gl.x);
    if (text == "13" || text == "505" || text == "1748") ends.push_back(test::mm(r->right()));
  }
  REQUIRE(point > 0);
  REQUIRE(ends.size() == 3);
  for (double e : ends) CHECK(e == Approx(point).margin(0.01));
  // The longest fraction (".92") ends at the cell's text edge: 184 − 1.5 mm padding.
  for (const glyph_run* r : runs_of(f.pages[0], element::table_cell))
    if (text_of(*r) == "10.92") CHECK(test::mm(r->right()) == Approx(184 - 1.5).margin(0.01));
}

TEST_CASE("a 表题 and a unit line longer than a line wrap inside the type area", "[table]") {
  const std::string note = kaohe_notes().substr(0, kaohe_notes().find("2."));  // its first note
  const frames f = test::compose_ok(
      document(paragraph + kaohe_table(1, "<caption>表1　" + note + "</caption><unit>单位：" +
                                              note + "</unit>")));
  size_t lines = 0;
  for (const page& p : f.pages)
    for (const glyph_run* r : runs_of(p, element::table)) {
      ++lines;
      CHECK(test::mm(r->left()) >= 28 - 0.01);
      CHECK(test::mm(r->right()) <= 184 + 0.01);
    }
  CHECK(lines >= 6);  // the note is 3 lines long at 3号, more at 4号
}

TEST_CASE("a row over several pages: every line inside the type area, none lost", "[table]") {
  // Every 指标说明 of the 08 table in one cell: a row many pages long.
  std::string all;
  for (const auto& row : corpus_rows("08-yijian-gongli-yiyuan-kaohe.txt")) all += row.back();
  const std::string t =
      "<table><columns><column width=\"6em\"/><column width=\"1*\"/></columns>"
      "<tbody><row><cell>指标说明</cell><cell>" +
      all + "</cell></row></tbody></table>";
  frames f;
  diagnostics diags;
  REQUIRE(test::compose_xml(document(t), f, diags));
  REQUIRE(f.pages.size() >= 5);
  std::string text;
  for (const page& p : f.pages) {
    double frame_bottom = 0;  // the table's lowest line on the page
    for (const auto& r : p.rects) {
      CHECK(test::mm(r.y + r.height) <= 262 + 0.01);
      if (r.role == element::table) frame_bottom = std::max(frame_bottom, test::mm(r.y + r.height));
    }
    for (const glyph_run* r : runs_of(p, element::table_cell)) {
      text += text_of(*r);
      CHECK(test::mm(r->em_top) >= 37 - 0.01);
      CHECK(test::mm(r->em_bottom) <= frame_bottom);  // inside its frame, so inside the type area
    }
  }
  std::string expected = "指标说明" + all;
  expected.erase(std::remove(expected.begin(), expected.end(), ' '), expected.end());
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  CHECK(text == expected);
}

TEST_CASE("a 表题 and unit line that fill a page are an error, never set below the page",
          "[table]") {
  std::string all;  // every 指标说明 of the 08 table: far more than a page of 表题
  for (const auto& row : corpus_rows("08-yijian-gongli-yiyuan-kaohe.txt")) all += row.back();
  const std::string xml = document("<table><caption>" + all +
                                   "</caption><tbody><row><cell>定量</cell></row></tbody></table>");
  CHECK(layout_error(xml) ==
        test::pos_of(xml, "<table>") +
            ": the table's 表题 and unit line fill a page; no row fits below them "
            "(shorten them)");
}

TEST_CASE("decimal alignment asked by the cells alone lines the points up too", "[table]") {
  const std::string t =
      "<table size=\"4号\"><columns><column width=\"3*\"/><column width=\"2*\"/></columns><tbody>"
      "<row><cell>面积（平方公里）</cell><cell align=\"decimal\">10.92</cell></row>"
      "<row><cell>户数（户）</cell><cell align=\"decimal\">505</cell></row></tbody></table>";
  const frames f = test::compose_ok(document(paragraph + t));
  double point = -1, end = -1;
  for (const glyph_run* r : runs_of(f.pages[0], element::table_cell)) {
    if (text_of(*r) == "10.92")
      for (const auto& gl : r->glyphs)
        if (gl.text == ".") point = test::mm(gl.x);
    if (text_of(*r) == "505") end = test::mm(r->right());
  }
  REQUIRE(point > 0);
  CHECK(end == Approx(point).margin(0.01));
}
