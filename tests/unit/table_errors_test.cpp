// SPDX-License-Identifier: Apache-2.0
// Tables of a body (<table>, engine/model/document_table.cpp): a good table's
// cells land on the slots their rowspans and colspans leave free; every
// mistake in the cell structure, a bad attribute value or a missing section
// is an error at its line and column, and one the parse does not repair;
// columns wider than the type area are the layout's error, at <columns>.
// Text: the 内地西藏初中班（校）扩大招生计划表 of 国办发〔1996〕32号
// (tests/data/corpus/09-zhuanfa-qingshi-xizangban.txt).
#include <catch2/catch.hpp>

#include <initializer_list>
#include <iterator>
#include <string>

#include "unit/fixture.hpp"
#include "unit/layout_spec_fixture.hpp"

using namespace hongtou;

namespace {

// The 请示's paragraph that points to the table, and the table's two header rows.
const std::string lead_paragraph =
    "    <p>（一）扩大内地西藏初中班（校）招生规模，以1995年实招人数1445名为基数，从1996年开始"
    "逐年扩招，分3年落实，至1998年达到2000名的招生规模（见附表）。</p>\n";
const std::string head_09 =
    "      <thead>\n"
    "        <row><cell rowspan=\"2\">省（市）</cell><cell rowspan=\"2\">1995年招生人数</cell>"
    "<cell rowspan=\"2\">扩招</cell><cell colspan=\"3\">分年度招生任务</cell></row>\n"
    "        <row><cell>1996年</cell><cell>1997年</cell><cell>1998年</cell></row>\n"
    "      </thead>\n";

// A body row of the table, its cells as given.
std::string row(std::initializer_list<std::string> cells) {
  std::string s = "        <row>";
  for (const std::string& c : cells) s += "<cell>" + c + "</cell>";
  return s + "</row>\n";
}

const std::string body_09 = "      <tbody>\n" +
                            row({"总计", "1445", "555", "1600", "1800", "2000"}) +
                            row({"江苏", "100", "100", "120", "140", "200"}) +
                            row({"上海", "105", "70", "135", "175", "175"}) + "      </tbody>\n";

// The notice around a table, one element a line.
std::string with_table(const std::string& table) {
  return "<gongwen>\n"
         "  <title>国务院办公厅转发国家教委关于内地西藏班（校）扩大规模有关问题请示的通知</title>\n"
         "  <body>\n" +
         lead_paragraph + table +
         "  </body>\n"
         "</gongwen>\n";
}

// A table of the given parts.
std::string table_of(const std::string& open, const std::string& parts) {
  return "    " + open + "\n" + parts + "    </table>\n";
}

// Every diagnostic, one a line, for the test's log.
std::string messages(const diagnostics& diags) {
  std::string s;
  for (const auto& d : diags.items()) s += format(d) + "\n";
  return s;
}

// "line:column: message" of the first error of a document that must not parse.
std::string first_error(const std::string& xml) {
  model::document doc;
  diagnostics diags;
  const bool ok = model::parse_document(xml, "test.xml", doc, diags);
  INFO(messages(diags));
  REQUIRE_FALSE(ok);
  REQUIRE(diags.has_errors());
  const diagnostic& d = diags.items().front();
  CHECK(d.file == "test.xml");
  return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

// "line:column" of the first needle after the first anchor.
std::string pos_after(const std::string& xml, const std::string& anchor,
                      const std::string& needle) {
  const size_t from = xml.find(anchor);
  REQUIRE(from != std::string::npos);
  const size_t at = xml.find(needle, from);
  REQUIRE(at != std::string::npos);
  return test::pos_at(xml, at);
}

// The rows 四川, 重庆, 湖北, 河南, whose 扩招 is 10 each: one cell over four rows.
std::string merged_tbody(const std::string& rowspan) {
  return "      <tbody>\n"
         "        <row><cell>四川</cell><cell>45</cell><cell rowspan=\"" +
         rowspan + "\">10</cell><cell>45</cell><cell>45</cell><cell>55</cell></row>\n" +
         row({"重庆", "90", "100", "100", "100"}) + row({"湖北", "80", "90", "90", "90"}) +
         row({"河南", "80", "90", "90", "90"}) + "      </tbody>\n";
}

}  // namespace

TEST_CASE("table: the 09 header's rowspans and colspan place every cell on its slot", "[table]") {
  const std::string xml =
      with_table(table_of("<table>",
                          "      <caption>内地西藏初中班（校）扩大招生计划表</caption>\n"
                          "      <unit>单位：人</unit>\n" +
                              head_09 + merged_tbody("4")));
  model::document doc;
  diagnostics diags;
  const bool ok = model::parse_document(xml, "test.xml", doc, diags);
  INFO(messages(diags));
  REQUIRE(ok);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(doc.body.size() == 2);
  REQUIRE(doc.body[1].kind == model::block_kind::table);
  REQUIRE(doc.body[1].tab);
  const model::table& t = *doc.body[1].tab;
  CHECK(t.caption == "内地西藏初中班（校）扩大招生计划表");
  CHECK(t.unit == "单位：人");
  CHECK(t.columns == 6);
  CHECK(t.head_rows == 2);
  CHECK(t.body_rows == 4);
  CHECK(test::pos_at(xml, xml.find("<table>")) ==
        std::to_string(t.pos.line) + ":" + std::to_string(t.pos.column));

  struct slot {
    const char* text;
    int row, column, rowspan, colspan;
  };
  const slot head[] = {{"省（市）", 0, 0, 2, 1}, {"1995年招生人数", 0, 1, 2, 1},
                       {"扩招", 0, 2, 2, 1},     {"分年度招生任务", 0, 3, 1, 3},
                       {"1996年", 1, 3, 1, 1},   {"1997年", 1, 4, 1, 1},
                       {"1998年", 1, 5, 1, 1}};
  REQUIRE(t.head.size() == std::size(head));
  for (size_t k = 0; k < t.head.size(); ++k) {
    INFO("head cell " << k << ": " << head[k].text);
    CHECK(t.head[k].text == head[k].text);
    CHECK(t.head[k].row == head[k].row);
    CHECK(t.head[k].column == head[k].column);
    CHECK(t.head[k].rowspan == head[k].rowspan);
    CHECK(t.head[k].colspan == head[k].colspan);
  }
  // The body: the 10 of 四川 covers column 2 of the three rows below, whose
  // cells move past it.
  const slot body[] = {{"四川", 0, 0, 1, 1}, {"45", 0, 1, 1, 1},   {"10", 0, 2, 4, 1},
                       {"45", 0, 3, 1, 1},   {"45", 0, 4, 1, 1},   {"55", 0, 5, 1, 1},
                       {"重庆", 1, 0, 1, 1}, {"90", 1, 1, 1, 1},   {"100", 1, 3, 1, 1},
                       {"100", 1, 4, 1, 1},  {"100", 1, 5, 1, 1},  {"湖北", 2, 0, 1, 1},
                       {"80", 2, 1, 1, 1},   {"90", 2, 3, 1, 1},   {"90", 2, 4, 1, 1},
                       {"90", 2, 5, 1, 1},   {"河南", 3, 0, 1, 1}, {"80", 3, 1, 1, 1},
                       {"90", 3, 3, 1, 1},   {"90", 3, 4, 1, 1},   {"90", 3, 5, 1, 1}};
  REQUIRE(t.body.size() == std::size(body));
  for (size_t k = 0; k < t.body.size(); ++k) {
    INFO("body cell " << k << ": " << body[k].text);
    CHECK(t.body[k].text == body[k].text);
    CHECK(t.body[k].row == body[k].row);
    CHECK(t.body[k].column == body[k].column);
    CHECK(t.body[k].rowspan == body[k].rowspan);
    CHECK(t.body[k].colspan == body[k].colspan);
  }
  CHECK(test::pos_of(xml, "<cell>1996年") ==
        std::to_string(t.head[4].pos.line) + ":" + std::to_string(t.head[4].pos.column));
}

TEST_CASE("table: a row with more cells than the columns is an error at the cell", "[table]") {
  // 重庆 gives its 10 again although 四川's covers it: its last 100 has no column left.
  const std::string xml = with_table(table_of(
      "<table>", head_09 +
                     "      <tbody>\n"
                     "        <row><cell>四川</cell><cell>45</cell><cell rowspan=\"2\">10</cell>"
                     "<cell>45</cell><cell>45</cell><cell>55</cell></row>\n" +
                     row({"重庆", "90", "10", "100", "100", "100"}) + "      </tbody>\n"));
  CHECK(first_error(xml) == pos_after(xml, "<cell>重庆", "<cell>100</cell></row>") +
                                ": row 2 of <tbody> has more cells than the 6 columns");
}

TEST_CASE("table: a row that does not fill the columns is an error at the row", "[table]") {
  // The first header row without its rowspans: the second gives only the years.
  const std::string xml = with_table(
      table_of("<table>",
               "      <thead>\n"
               "        <row><cell>省（市）</cell><cell>1995年招生人数</cell><cell>扩招</cell>"
               "<cell colspan=\"3\">分年度招生任务</cell></row>\n"
               "        <row><cell>1996年</cell><cell>1997年</cell><cell>1998年</cell></row>\n"
               "      </thead>\n" +
                   body_09));
  CHECK(first_error(xml) == pos_after(xml, "分年度招生任务", "<row>") +
                                ": row 2 of <thead> fills 3 of the 6 columns; give an empty "
                                "<cell/> where a cell has no text");

  // The same in the body: 重庆 gives five cells with no rowspan above them.
  const std::string body = with_table(table_of(
      "<table>", head_09 + "      <tbody>\n" + row({"四川", "45", "10", "45", "45", "55"}) +
                     row({"重庆", "90", "100", "100", "100"}) + "      </tbody>\n"));
  CHECK(first_error(body) == pos_after(body, "<cell>55", "<row>") +
                                 ": row 2 of <tbody> fills 5 of the 6 columns; give an empty "
                                 "<cell/> where a cell has no text");
}

TEST_CASE("table: a rowspan past the last row of its section is an error at the attribute",
          "[table]") {
  // Five rows for the four 10s of 四川, 重庆, 湖北 and 河南.
  const std::string xml = with_table(table_of("<table>", head_09 + merged_tbody("5")));
  CHECK(first_error(xml) ==
        test::pos_of(xml, "rowspan=\"5\"") +
            ": rowspan=\"5\" reaches past the last row of <tbody> (4 rows from this one)");

  // In the header: 省（市） over three rows of a two-row header.
  const std::string head =
      with_table(table_of("<table>", test::replace_once(head_09, "<cell rowspan=\"2\">省（市）",
                                                        "<cell rowspan=\"3\">省（市）") +
                                         body_09));
  CHECK(first_error(head) ==
        test::pos_of(head, "rowspan=\"3\"") +
            ": rowspan=\"3\" reaches past the last row of <thead> (2 rows from this one)");
}

TEST_CASE("table: a cell overlapping another's span is an error naming that cell", "[table]") {
  // 重庆's 90 over two columns reaches into the 10 of 四川 above.
  const std::string xml = with_table(table_of(
      "<table>", head_09 +
                     "      <tbody>\n"
                     "        <row><cell>四川</cell><cell>45</cell><cell rowspan=\"2\">10</cell>"
                     "<cell>45</cell><cell>45</cell><cell>55</cell></row>\n"
                     "        <row><cell>重庆</cell><cell colspan=\"2\">90</cell><cell>100</cell>"
                     "<cell>100</cell><cell>100</cell></row>\n"
                     "      </tbody>\n"));
  CHECK(first_error(xml) ==
        test::pos_of(xml, "<cell colspan=\"2\">90") + ": this cell overlaps the cell at " +
            test::pos_of(xml, "<cell rowspan=\"2\">10") + " (its rowspan or colspan)");
}

TEST_CASE("table: bad numbers and words on <table>, <column> and <cell> are errors", "[table]") {
  SECTION("a colspan of 0") {
    const std::string xml = with_table(table_of(
        "<table>", test::replace_once(head_09, "colspan=\"3\"", "colspan=\"0\"") + body_09));
    CHECK(first_error(xml) == test::pos_of(xml, "colspan=\"0\"") +
                                  ": bad colspan \"0\" on <cell>; expected a whole number from 1");
  }
  SECTION("a rowspan that is not a number") {
    const std::string xml =
        with_table(table_of("<table>", test::replace_once(head_09, "<cell rowspan=\"2\">扩招",
                                                          "<cell rowspan=\"two\">扩招") +
                                           body_09));
    CHECK(first_error(xml) ==
          test::pos_of(xml, "rowspan=\"two\"") +
              ": bad rowspan \"two\" on <cell>; expected a whole number from 1");
  }
  SECTION("a size in words the table does not know") {
    const std::string xml =
        with_table(table_of("<table size=\"四号\">", head_09 + body_09));  // 4号 is meant
    CHECK(first_error(xml) == test::pos_of(xml, "size=") +
                                  ": bad size \"四号\" on <table>; expected 3号, 小三, 4号, 小四, "
                                  "5号 or points from 6 to 22, e.g. \"14pt\"");
  }
  SECTION("a size in points outside 6..22") {
    const std::string xml = with_table(table_of("<table size=\"24pt\">", head_09 + body_09));
    CHECK(first_error(xml) == test::pos_of(xml, "size=") +
                                  ": bad size \"24pt\" on <table>; expected 3号, 小三, 4号, 小四, "
                                  "5号 or points from 6 to 22, e.g. \"14pt\"");
  }
  SECTION("a width in per cent") {
    const std::string xml =
        with_table(table_of("<table>",
                            "      <columns><column width=\"2*\"/><column width=\"30%\"/><column/>"
                            "<column/><column/><column/></columns>\n" +
                                head_09 + body_09));
    CHECK(first_error(xml) == test::pos_of(xml, "width=\"30%\"") +
                                  ": bad width \"30%\" on <column>; expected a share (\"2*\"), "
                                  "millimetres (\"30mm\") or characters of the table's size "
                                  "(\"6em\")");
  }
  SECTION("an alignment spelt center") {
    const std::string xml = with_table(table_of(
        "<table>",
        head_09 + test::replace_once(body_09, "<cell>总计", "<cell align=\"center\">总计")));
    CHECK(first_error(xml) == test::pos_of(xml, "align=") +
                                  ": bad align \"center\" on <cell>; expected left, centre, right "
                                  "or decimal");
  }
}

TEST_CASE("table: an empty <tbody>, and a table without one, are errors", "[table]") {
  const std::string empty = with_table(table_of("<table>", head_09 + "      <tbody></tbody>\n"));
  CHECK(first_error(empty) ==
        test::pos_of(empty, "<tbody>") + ": empty <tbody>; expected one <row> or more");

  // Caption, unit and header, but no body rows.
  const std::string missing =
      with_table(table_of("<table>",
                          "      <caption>内地西藏初中班（校）扩大招生计划表</caption>\n"
                          "      <unit>单位：人</unit>\n" +
                              head_09));
  const std::string e = first_error(missing);
  CHECK(e.rfind(test::pos_of(missing, "<table>") + ": ", 0) == 0);  // at the table
  CHECK(e.find("<tbody>") != std::string::npos);
  CHECK(e == test::pos_of(missing, "<table>") + ": missing <tbody> in <table>");
}

TEST_CASE("table: column widths wider than the type area are a layout error at <columns>",
          "[table]") {
  // Six columns of 30, 30, 30, 30, 25 and 25 mm: 170 mm on a type area of 156 mm.
  const std::string xml =
      with_table(table_of("<table>",
                          "      <columns><column width=\"30mm\"/><column width=\"30mm\"/>"
                          "<column width=\"30mm\"/><column width=\"30mm\"/><column width=\"25mm\"/>"
                          "<column width=\"25mm\"/></columns>\n" +
                              head_09 + body_09));
  // The document itself is good.
  model::document doc;
  diagnostics parse_diags;
  REQUIRE(model::parse_document(xml, "test.xml", doc, parse_diags));
  REQUIRE_FALSE(parse_diags.has_errors());

  frames f;
  diagnostics diags;
  const bool ok = test::compose_xml(xml, f, diags);
  INFO(messages(diags));
  CHECK_FALSE(ok);
  REQUIRE(diags.has_errors());
  const diagnostic* first = nullptr;
  for (const auto& d : diags.items())
    if (d.level == severity::error) {
      first = &d;
      break;
    }
  REQUIRE(first);
  CHECK(first->file == "test.xml");
  CHECK(std::to_string(first->line) + ":" + std::to_string(first->column) + ": " + first->message ==
        test::pos_of(xml, "<columns>") +
            ": the column widths add up to 170.00 mm, but the type area is 156.00 mm wide");
}

TEST_CASE("table: an empty row, too many columns and scientific numbers are errors", "[table]") {
  const auto first_error = [](const std::string& table) {
    const std::string xml =
        "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2019〕4号</"
        "doc-number>"
        "</header><title>国务院办公厅关于加强三级公立医院绩效考核工作的意见</title><body>" +
        table + "</body></gongwen>";
    model::document doc;
    diagnostics diags;
    REQUIRE_FALSE(model::parse_document(xml, "t.xml", doc, diags));
    const diagnostic& d = diags.items().front();
    return test::pos_at(xml, xml.find(table)) + " " + std::to_string(d.line) + ":" +
           std::to_string(d.column) + ": " + d.message;
  };
  CHECK(first_error("<table><tbody><row><cell>定量</cell></row><row/></tbody></table>")
            .find("empty <row>; expected one <cell> or more") != std::string::npos);
  CHECK(first_error("<table><tbody><row><cell colspan=\"65\">定量</cell></row></tbody></table>")
            .find("row 1 of <tbody> spans 65 columns; a table has at most 64") !=
        std::string::npos);
  CHECK(first_error("<table><columns><column width=\"1e2mm\"/></columns><tbody><row><cell>定量"
                    "</cell></row></tbody></table>")
            .find("bad width \"1e2mm\" on <column>") != std::string::npos);
  CHECK(first_error("<table size=\"1e1pt\"><tbody><row><cell>定量</cell></row></tbody></table>")
            .find("bad size \"1e1pt\" on <table>") != std::string::npos);
}
