// SPDX-License-Identifier: Apache-2.0
// The text layer of tables, read back with pdftotext -raw (content-stream
// order): every cell's text comes out whole, also a cell broken over several
// lines (its lines follow each other), a row's cells in order and the rows in
// order, also where the table runs on to the next page; the PDF has the pages
// the frames have. Text: the 内地西藏初中班（校）扩大招生计划表 of
// 国办发〔1996〕32号 (tests/data/corpus/09-zhuanfa-qingshi-xizangban.txt) and
// the first rows of the 三级公立医院绩效考核指标 of 国办发〔2019〕4号
// (tests/data/corpus/08-yijian-gongli-yiyuan-kaohe.txt).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pdf/pdf_support.hpp"
#include "render/pdf/pdf.hpp"
#include "support/process.hpp"
#include "unit/fixture.hpp"

namespace fs = std::filesystem;
using namespace hongtou;

namespace {

using table_rows = std::vector<std::vector<std::string>>;

// The body rows of the 09 table, as the corpus gives them.
const table_rows rows_09 = {{"总计", "1445", "555", "1600", "1800", "2000"},
                            {"江苏", "100", "100", "120", "140", "200"},
                            {"上海", "105", "70", "135", "175", "175"},
                            {"辽宁", "90", "45", "100", "135", "135"},
                            {"浙江", "45", "45", "45", "90", "90"},
                            {"陕西", "45", "45", "90", "90", "90"},
                            {"天津", "90", "40", "90", "110", "130"},
                            {"山东", "100", "40", "100", "110", "140"},
                            {"北京", "90", "35", "90", "100", "125"},
                            {"河北", "45", "30", "45", "45", "75"},
                            {"湖南", "80", "30", "100", "100", "110"},
                            {"广东", "120（扩招）", "30", "120", "135", "150"},
                            {"四川", "45", "10", "45", "45", "55"},
                            {"重庆", "90", "10", "100", "100", "100"},
                            {"湖北", "80", "10", "90", "90", "90"},
                            {"河南", "80", "10", "90", "90", "90"},
                            {"福建", "45（扩招）", "5", "45", "50", "50"},
                            {"江西", "70（实招45）", "0", "70", "70", "70"},
                            {"山西", "80", "0", "80", "80", "80"},
                            {"安徽", "45", "0", "45", "45", "45"}};

// Its two header rows: 省（市）, 1995年招生人数 and 扩招 over both, 分年度招生任务 over the years.
const table_rows head_09 = {{"省（市）", "1995年招生人数", "扩招", "分年度招生任务"},
                            {"1996年", "1997年", "1998年"}};

// The 08 table's header and its rows of （一）功能定位: 一、医疗质量 and
// （一）功能定位 over all seven rows (the group ends there), 指标说明 broken
// over several lines.
const table_rows head_08 = {{"一级指标", "二级指标", "三级指标", "指标性质", "指标说明"}};
const table_rows rows_08 = {
    {"一、医疗质量", "（一）功能定位", "1.门诊人次数与出院人次数比", "定量",
     "计算方法：门诊患者人次数/同期出院患者人次数（急诊、健康体检者不计入）。 "
     "指标来源：医院填报。"},
    {"2.下转患者人次数（门急诊、住院）", "定量",
     "计算方法：本年度向二级医院或者基层医疗机构下转患者人次数（门急诊、住院）。 "
     "指标来源：医院填报。"},
    {"3.日间手术占择期手术比例", "定量",
     "计算方法：日间手术台次数/同期出院患者择期手术总台次数×100%。 指标来源：医院填报。"},
    {"4.出院患者手术占比▲", "定量",
     "计算方法：出院患者手术台次数/同期出院患者总人次数×100%。 指标来源：病案首页。"},
    {"5.出院患者微创手术占比▲", "定量",
     "计算方法：出院患者微创手术台次数/同期出院患者手术台次数×100%。 指标来源：病案首页。"},
    {"6.出院患者四级手术比例▲", "定量",
     "计算方法：出院患者四级手术台次数/同期出院患者手术台次数×100%。 指标来源：病案首页。"},
    {"7.特需医疗服务占比", "定量",
     "计算方法：特需医疗服务量/同期全部医疗服务量×100%，特需医疗服务收入/同期全部医疗服务收入×"
     "100%。 指标来源：医院填报。"}};

std::string cells_xml(const std::vector<std::string>& cells, const std::string& first_attrs = {}) {
  std::string s = "<row>";
  for (size_t k = 0; k < cells.size(); ++k)
    s += (k < 2 && !first_attrs.empty() ? "<cell " + first_attrs + ">" : "<cell>") + cells[k] +
         "</cell>";
  return s + "</row>\n";
}

std::string rows_xml(const table_rows& rows) {
  std::string s;
  for (const auto& r : rows) s += cells_xml(r);
  return s;
}

const std::string notice_09 =
    "<gongwen><title>国务院办公厅转发国家教委关于内地西藏班（校）扩大规模有关问题请示的通知</title>"
    "<body>\n<p>（一）扩大内地西藏初中班（校）招生规模，以1995年实招人数1445名为基数，从1996年开始"
    "逐年扩招，分3年落实，至1998年达到2000名的招生规模（见附表）。其中可适当招收部分进藏干部职工"
    "子女入学，具体比例由西藏自治区人民政府研究确定。</p>\n"
    "<table size=\"4号\" "
    "repeat-header=\"yes\"><caption>内地西藏初中班（校）扩大招生计划表</caption>"
    "<unit>单位：人</unit>\n<thead><row><cell rowspan=\"2\">省（市）</cell>"
    "<cell rowspan=\"2\">1995年招生人数</cell><cell rowspan=\"2\">扩招</cell>"
    "<cell colspan=\"3\">分年度招生任务</cell></row>\n"
    "<row><cell>1996年</cell><cell>1997年</cell><cell>1998年</cell></row></thead>\n<tbody>\n" +
    rows_xml(rows_09) + "</tbody></table>\n</body></gongwen>";

const std::string opinion_08 =
    "<gongwen><title>国务院办公厅关于加强三级公立医院绩效考核工作的意见</title><body>\n"
    "<p>（一）医疗质量。提供高质量的医疗服务是三级公立医院的核心任务。通过医疗质量控制、合理用药、"
    "检查检验同质化等指标，考核医院医疗质量和医疗安全。</p>\n"
    "<table size=\"小四\"><caption>三级公立医院绩效考核指标</caption>\n"
    "<columns><column width=\"2*\"/><column width=\"2*\"/><column width=\"3*\"/>"
    "<column width=\"1*\"/><column width=\"5*\"/></columns>\n<thead>" +
    rows_xml(head_08) + "</thead>\n<tbody>\n" + cells_xml(rows_08[0], "rowspan=\"7\"") +
    rows_xml(table_rows(rows_08.begin() + 1, rows_08.end())) +
    "</tbody></table>\n</body></gongwen>";

// What pdftotext -raw gives for a document, and the frames it was rendered from.
struct rendered {
  frames f;
  std::string text;  // pdftotext -raw, UTF-8
};

rendered render_text(const std::string& xml, const fs::path& dir, const std::string& name) {
  rendered out;
  out.f = test::compose_ok(xml);
  std::vector<uint8_t> bytes;
  diagnostics diags;
  REQUIRE(render::render_pdf(out.f, test::environment::get().cache, {}, bytes, diags) ==
          render::pdf_status::ok);
  {
    std::ofstream pdf(dir / (name + ".pdf"), std::ios::binary);
    pdf.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  }
  const test::run_result t = test::run("pdftotext -raw -enc UTF-8 " + name + ".pdf -", dir);
  INFO("stderr: " << t.err);
  REQUIRE(t.status == 0);
  out.text = t.out;
  return out;
}

// The text with its line ends (and page ends) taken out: a cell broken over
// lines reads as one string again. Spaces go too: pdftotext guesses them from
// the gaps, and the space at a line's break is not drawn.
std::string joined(const std::string& text) {
  std::string s;
  for (char c : text)
    if (c != '\n' && c != '\f' && c != ' ') s += c;
  return s;
}

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// Checks that the rows come out in order, from `from` on, each cell whole and
// right after the one before it in its row; returns where the last row ends.
size_t check_rows(const std::string& text, const table_rows& rows, size_t from) {
  size_t previous_row = std::string::npos;
  for (size_t r = 0; r < rows.size(); ++r) {
    size_t at = from;
    for (size_t k = 0; k < rows[r].size(); ++k) {
      const std::string cell = without_spaces(rows[r][k]);
      INFO("row " << r + 1 << ", cell " << k + 1 << ": " << cell);
      const size_t found = text.find(cell, at);
      REQUIRE(found != std::string::npos);
      if (k == 0) {
        if (previous_row != std::string::npos) CHECK(previous_row < found);
        previous_row = found;
      } else {
        // Nothing between it and the cell before it.
        CHECK(text.substr(at, found - at) == "");
      }
      at = found + cell.size();
    }
    from = at;
  }
  return from;
}

// How many pages pdftotext saw: it ends each with a form feed.
size_t pages_of(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\f'));
}

struct temp_dir {
  fs::path path;
  explicit temp_dir(const std::string& name)
      : path(fs::path(HONGTOU_TEST_TMP) / (name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~temp_dir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("pdf: the 09 table's caption, unit, header and 20 rows come out whole and in order",
          "[table][pdf]") {
  test::require_tool("pdftotext");
  const temp_dir dir("table-09");
  const rendered r = render_text(notice_09, dir.path, "t09");
  INFO("text:\n" << r.text);
  CHECK(pages_of(r.text) == r.f.pages.size());
  const std::string text = joined(r.text);
  const size_t caption = text.find("内地西藏初中班（校）扩大招生计划表");
  REQUIRE(caption != std::string::npos);
  const size_t unit = text.find("单位：人", caption);
  REQUIRE(unit != std::string::npos);
  const size_t head_end = check_rows(text, head_09, unit);
  check_rows(text, rows_09, head_end);
}

TEST_CASE("pdf: the 08 table's cells broken over lines come out whole, rows in order",
          "[table][pdf]") {
  test::require_tool("pdftotext");
  const temp_dir dir("table-08");
  const rendered r = render_text(opinion_08, dir.path, "t08");
  INFO("text:\n" << r.text);
  CHECK(pages_of(r.text) == r.f.pages.size());
  const std::string text = joined(r.text);
  const size_t caption = text.find("三级公立医院绩效考核指标");
  REQUIRE(caption != std::string::npos);
  const size_t head_end = check_rows(text, head_08, caption);
  check_rows(text, rows_08, head_end);
  // Each 指标说明 is broken: no line of the output holds it all.
  std::vector<std::string> lines;
  size_t from = 0;
  while (from < r.text.size()) {
    size_t end = r.text.find_first_of("\n\f", from);
    if (end == std::string::npos) end = r.text.size();
    lines.push_back(without_spaces(r.text.substr(from, end - from)));
    from = end + 1;
  }
  for (const auto& row : rows_08) {
    const std::string note = without_spaces(row.back());
    INFO(note);
    CHECK(std::none_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(note) != std::string::npos; }));
  }
}
