// SPDX-License-Identifier: Apache-2.0
// The parts that close the 主体, in millimetres on the display list:
// 附件说明 (GB/T 9704-2012 7.3.4) and 附注 (7.3.6), with the signature
// between them (7.3.5.2). Texts from the bulletin 国办发〔2018〕108号.
#include <catch2/catch.hpp>

#include <sstream>

#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

// Laid out, each line's Latin and CJK runs as one (test::merge_lines).
frames compose_ok(const std::string& xml) {
  return test::merge_lines(test::compose_ok(xml));
}

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // 3.2

// The bulletin's body paragraphs (tests/data/corpus), the first n of them.
std::string body_paragraphs(size_t n) {
  std::istringstream in(test::read_source("tests/data/corpus/12-tongbao-dadu-biaoyang.txt"));
  std::string line, out;
  size_t row = 0, taken = 0;
  while (std::getline(in, line) && taken < n) {
    if (line.empty() || line[0] == '#') continue;
    if (++row < 4) continue;                // title (2 lines) and addressee
    if (line.rfind("附件", 0) == 0) break;  // the body ends before the 附件说明
    out += "<p>" + line + "</p>";
    ++taken;
  }
  return out;
}

std::string bulletin(const std::string& body, const std::string& items, const std::string& note) {
  return "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2018〕108号"
         "</doc-number></header><title>国务院办公厅关于对国务院第五次大督查<br/>"
         "发现的典型经验做法给予表扬的通报</title><body>" +
         body + "</body>" +
         (items.empty() ? "" : "<attachment-note>" + items + "</attachment-note>") +
         "<signature><organ>国务院办公厅</organ><date>2018年11月19日</date></signature>" +
         (note.empty() ? "" : "<note>" + note + "</note>") + "</gongwen>";
}

struct placed {
  const page* pg = nullptr;
  const glyph_run* run = nullptr;
};

// Runs of an element, in order over all pages.
std::vector<placed> runs_of(const frames& f, element role) {
  std::vector<placed> out;
  for (const auto& pg : f.pages)
    for (const auto& r : pg.runs)
      if (r.role == role) out.push_back({&pg, &r});
  return out;
}

// The x of the glyph that starts the cluster `text` in a run, mm; -1 when absent.
double x_of(const glyph_run& run, const std::string& text) {
  for (const auto& g : run.glyphs)
    if (g.text == text) return test::mm(g.x);
  return -1;
}

const std::string long_name =
    "国务院第五次大督查发现的典型经验做法（共130项）及各地区各部门落实督查整改的情况";

}  // namespace

TEST_CASE("GB/T 9704-2012 7.3.4: one attachment: 附件： 左空二字, one empty row below the body") {
  const frames f = compose_ok(bulletin(
      body_paragraphs(3), "<item>国务院第五次大督查发现的典型经验做法（共130项）</item>", ""));
  const auto note = runs_of(f, element::attachment_note);
  const auto body = runs_of(f, element::body);
  // 附件： and the name on one line: 23.5 cells in 23, held by push-in (its （ gives half a
  // cell) rather than `130项）` pushed out and the line spread over 3 cells.
  REQUIRE(note.size() == 1);
  const glyph_run& first = *note[0].run;
  const glyph_run& name = first;
  CHECK(test::mm(first.left()) == Approx(28 + 2 * cell).margin(0.05));
  CHECK(x_of(name, "国") == Approx(28 + 5 * cell).margin(0.05));  // after 附件： (3 cells)
  CHECK(test::mm(name.right()) == Approx(184).margin(0.05));
  CHECK(x_of(name, "（") - x_of(name, "法") < cell - 0.1);
  // No number for a single attachment (7.3.4).
  CHECK(test::text_of(first).rfind("附件：国务院", 0) == 0);
  // One empty row between the last body line and the note.
  CHECK(test::mm(first.em_top - body.back().run->em_top) == Approx(2 * pitch).margin(0.05));
  // The signature: one empty row below the note (7.3.5.2 "正文（或附件说明）下空一行").
  const auto organ = runs_of(f, element::signature);
  REQUIRE(organ.size() == 1);
  CHECK(test::mm(organ[0].run->em_top - name.em_top) == Approx(2 * pitch).margin(0.05));
}

TEST_CASE(
    "GB/T 9704-2012 7.3.4: several attachments are numbered and aligned; long names wrap under "
    "their first character") {
  const frames f = compose_ok(bulletin(
      body_paragraphs(2), "<item>" + long_name + "</item><item>第五次大督查表扬名单</item>", ""));
  const auto note = runs_of(f, element::attachment_note);
  // 附件：1. and its name's two lines; 2. and its name.
  REQUIRE(note.size() == 5);
  const glyph_run& one = *note[0].run;
  const glyph_run& name = *note[1].run;
  const glyph_run& wrapped = *note[2].run;
  const glyph_run& two = *note[3].run;
  const glyph_run& second = *note[4].run;
  const double number_x = 28 + 5 * cell;  // 左空二字 + 附件：
  CHECK(x_of(one, "1") == Approx(number_x).margin(0.05));
  CHECK(x_of(two, "2") == Approx(number_x).margin(0.05));
  // The names start after "1." / "2."; a name's second line starts under its first character.
  const double name_x = test::mm(name.left());
  CHECK(name_x == Approx(test::mm(one.right())).margin(0.05));
  CHECK(name_x > number_x + 1);
  CHECK(test::mm(wrapped.left()) == Approx(name_x).margin(0.05));
  CHECK(test::mm(second.left()) == Approx(name_x).margin(0.05));
  // A wrapped line is justified to the type area's right edge.
  CHECK(test::mm(name.right()) == Approx(184).margin(0.05));
  // Consecutive rows.
  CHECK(name.em_top == one.em_top);
  CHECK(test::mm(wrapped.em_top - one.em_top) == Approx(pitch).margin(0.05));
  CHECK(test::mm(two.em_top - wrapped.em_top) == Approx(pitch).margin(0.05));
  CHECK(second.em_top == two.em_top);
}

TEST_CASE("GB/T 9704-2012 7.3.6: 附注 on the row after the date, 左空二字, in brackets") {
  for (const std::string& written :
       {std::string("此件公开发布"), std::string("（此件公开发布）")}) {
    INFO(written);
    const frames f = compose_ok(bulletin(body_paragraphs(1), "", written));
    const auto note = runs_of(f, element::note);
    const auto date = runs_of(f, element::date);
    REQUIRE(note.size() == 1);
    REQUIRE(date.size() == 1);
    CHECK(note[0].pg == date[0].pg);
    CHECK(test::mm(note[0].run->em_top - date[0].run->em_top) == Approx(pitch).margin(0.05));
    CHECK(test::mm(note[0].run->left()) == Approx(28 + 2 * cell).margin(0.05));
    std::string text;
    for (const auto& g : note[0].run->glyphs) text += g.text;
    CHECK(text == "（此件公开发布）");  // brackets added once, never twice
  }
}

TEST_CASE(
    "GB/T 9704-2012 7.3.5.5: wherever the page ends, the signature has company and the 附件说明 "
    "its empty row") {
  // The body grows paragraph by paragraph, so the page end passes over the
  // 附件说明 and the signature.
  for (size_t n = 1; n <= 4; ++n) {
    for (int extra = 0; extra < 22; ++extra) {
      std::string body = body_paragraphs(n);
      for (int k = 0; k < extra; ++k)
        body += "<p>各地区、各部门要坚决贯彻落实党中央、国务院决策部署。</p>";
      INFO("paragraphs " << n << ", extra lines " << extra);
      const frames f = compose_ok(bulletin(
          body, "<item>国务院第五次大督查发现的典型经验做法（共130项）</item>", "此件公开发布"));
      const auto note = runs_of(f, element::attachment_note);
      const auto organ = runs_of(f, element::signature);
      REQUIRE_FALSE(note.empty());
      REQUIRE(organ.size() == 1);
      // The signature page holds something above it.
      bool company = false;
      for (const auto& r : organ[0].pg->runs)
        if (r.em_top < organ[0].run->em_top &&
            (r.role == element::body || r.role == element::attachment_note))
          company = true;
      CHECK(company);
      // An empty row above the note unless it heads its page: two rows of the
      // grid, or of a page closed up for the signature (down to 27 pt, 7.3.5.5).
      const auto body_runs = runs_of(f, element::body);
      const placed& last = body_runs.back();
      if (last.pg == note[0].pg) {
        const double two_rows = test::mm(note[0].run->em_top - last.run->em_top);
        CHECK(two_rows <= 2 * pitch + 0.05);
        CHECK(two_rows >= 2 * test::mm(27) - 0.05);
      }
    }
  }
}
