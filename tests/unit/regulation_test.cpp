// SPDX-License-Identifier: Apache-2.0
// Regulations issued by a 印发通知 — the chapter titles (<chapter>, 章) and
// article numbers (<article>, 条) of its body or of its attachment (GB/T
// 9704-2012 7.3.7) — and fake bold per heading level (7.3.3 asks for no
// bold; local rules do), in millimetres on the display list and in the PDF.
// Texts from 国发〔2018〕41号 and its 暂行办法 (tests/data/corpus).
#include <catch2/catch.hpp>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/document.hpp"
#include "pdf/pdf_support.hpp"
#include "render/pdf/pdf.hpp"
#include "render/trace/trace.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;
using test::compose_ok;
using test::runs_of;
using test::text_of;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // 3.2
const std::string ideographic_space = "\u3000";

// The published lines of the notice and its 暂行办法 (tests/data/corpus).
std::vector<std::string> published() {
  std::istringstream in(test::read_source("tests/data/corpus/14-tongzhi-yinfa-kouchu-banfa.txt"));
  std::vector<std::string> lines;
  bool body = false;
  for (std::string line; std::getline(in, line);) {
    if (body && !line.empty()) lines.push_back(line);
    if (line == "# ---") body = true;
  }
  return lines;
}

// Lines [first, first + n) of the 暂行办法 (line 0: 第一章　总　　则) as body
// XML: a chapter title, an article with its number run in, or a paragraph.
std::string regulation(size_t first, size_t n) {
  const std::vector<std::string> all = published();
  std::string xml;
  for (size_t i = 8 + first; i < all.size() && i < 8 + first + n; ++i) {
    const std::string& line = all[i];
    const size_t space = line.find(ideographic_space);
    const std::string head = line.substr(0, space);
    const auto ends = [&](const char* s) {
      return head.size() > 3 && head.compare(head.size() - 3, 3, s) == 0;
    };
    if (space != std::string::npos && ends("章"))
      xml += "<chapter>" + line + "</chapter>";
    else if (space != std::string::npos && ends("条"))
      xml += "<p><article>" + head + "</article>" + line.substr(space + ideographic_space.size()) +
             "</p>";
    else
      xml += "<p>" + line + "</p>";
  }
  return xml;
}

// The notice, with `body` as its 正文 and, when given, an attachment.
std::string notice(const std::string& body, const std::string& attachment = "") {
  return "<gongwen><header><issuer>国务院文件</issuer><doc-number>国发〔2018〕41号</doc-number>"
         "</header><title>国务院关于印发个人所得税<br/>专项附加扣除暂行办法的通知</title>"
         "<addressee>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</addressee><body>" +
         body + "</body><signature><organ>国务院</organ><date>2018年12月13日</date></signature>" +
         (attachment.empty() ? ""
                             : "<attachment><title>个人所得税专项附加扣除暂行办法</title><body>" +
                                   attachment + "</body></attachment>") +
         "</gongwen>";
}

// The grid row of a run; checks that its em box is on that row.
int row_of(const glyph_run& r) {
  const double from_top = test::mm(r.em_top) - 37;
  const int row = static_cast<int>(std::lround(from_top / pitch)) + 1;
  CHECK(from_top == Approx((row - 1) * pitch).margin(0.01));
  return row;
}

const glyph_run& only(const std::vector<const glyph_run*>& runs) {
  REQUIRE(runs.size() == 1);
  return *runs.front();
}

uint32_t face_id(const char* role) {
  return test::environment::get().fonts->get(role)->id();
}

// "line:column: message" of the first error of a document.
std::string first_error(const std::string& xml) {
  model::document doc;
  diagnostics diags;
  REQUIRE_FALSE(model::parse_document(xml, "t.xml", doc, diags));
  const diagnostic& d = diags.items().front();
  return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

}  // namespace

TEST_CASE("a chapter title is centred on the type area, on a body row, in 黑体 3号") {
  const frames f = compose_ok(notice(regulation(0, 3)));
  const page& pg = f.pages[0];
  const glyph_run& chapter = only(runs_of(pg, element::chapter));
  CHECK(text_of(chapter) == "第一章　总　　则");
  CHECK(test::mm((chapter.left() + chapter.right()) / 2) == Approx(106.0).margin(0.05));
  CHECK(chapter.font.id == face_id("hei"));
  CHECK(chapter.size == 16);
  CHECK(chapter.stroke == 0);
  // It starts the body: no empty row below the addressee; none below it either.
  const int row = row_of(chapter);
  CHECK(row == row_of(only(runs_of(pg, element::addressee))) + 1);
  CHECK(row_of(*runs_of(pg, element::article).at(0)) == row + 1);
}

TEST_CASE("one empty row above a chapter title inside a body, and it is in the outline") {
  // The 暂行办法 as the attachment: 第一章 right below the title, 第二章 after 第四条.
  const frames f = compose_ok(notice("<p>" + published()[3] + "</p>", regulation(0, 7)));
  REQUIRE(f.pages.size() == 2);
  const page& pg = f.pages[1];
  const auto chapters = runs_of(pg, element::chapter);
  REQUIRE(chapters.size() == 2);
  CHECK(row_of(*chapters[0]) == 5);  // the title on row 3, one empty row (7.3.7)
  const auto articles = runs_of(pg, element::article);
  REQUIRE(articles.size() == 5);
  CHECK(text_of(*articles[4]) == "第五条");
  const auto body = runs_of(pg, element::body);
  const glyph_run* before = nullptr;  // the last line of 第四条
  for (const glyph_run* r : body)
    if (r->em_top < chapters[1]->em_top) before = r;
  REQUIRE(before);
  CHECK(row_of(*chapters[1]) == row_of(*before) + 2);
  CHECK(row_of(*articles[4]) == row_of(*chapters[1]) + 1);
  // Chapters are outline entries after the attachment's, pointing at their line.
  REQUIRE(f.outline.size() == 3);
  CHECK(f.outline[1].title == "第一章　总　　则");
  CHECK(f.outline[2].title == "第二章　子女教育");
  CHECK(f.outline[2].page == 2);
  CHECK(f.outline[2].y == Approx(chapters[1]->em_top));
}

namespace {

// Whether the chapter title 第七章 shares a page with the line after it,
// whatever row it comes to: one-line articles before it put it on every row
// of the page in turn, and near the end the signature takes lines with it.
void check_chapter_kept_with_next(const model::layout_spec& spec) {
  const std::string one_line = "<p><article>第三十二条</article>本办法自2019年1月1日起施行。</p>";
  for (int k = 0; k < 26; ++k) {
    std::string body;
    for (int i = 0; i < k; ++i) body += one_line;
    model::document doc;
    diagnostics diags;
    REQUIRE(model::parse_document(notice(body + regulation(37, 2)), "n.xml", doc, diags));
    frames f;
    REQUIRE(layout::compose(doc, spec, *test::environment::get().fonts, f, diags));
    INFO(k << " articles before the chapter");
    size_t chapter_page = 0, next_page = 0;
    bool below = false;  // body text below the chapter title on its page
    for (size_t p = 0; p < f.pages.size(); ++p) {
      for (const glyph_run* r : runs_of(f.pages[p], element::chapter)) {
        CHECK(text_of(*r) == "第七章　赡养老人");
        chapter_page = p;
        for (const auto& other : f.pages[p].runs)
          if (other.role == element::article && other.em_top > r->em_top) below = true;
      }
      for (const glyph_run* r : runs_of(f.pages[p], element::article))
        if (text_of(*r) == "第二十二条") next_page = p;
    }
    CHECK(below);
    CHECK(chapter_page == next_page);
  }
}

}  // namespace

TEST_CASE("a chapter title is never the last line of a page (no empty row above it)") {
  model::layout_spec spec;
  diagnostics diags;
  REQUIRE(model::parse_layout(
      "<layout name=\"tight\" extends=\"gbt9704\"><chapter rows-before=\"0\"/></layout>",
      "tight.xml", spec, diags, test::source_layouts()));
  check_chapter_kept_with_next(spec);
}

// keep_with_next is tested at the block's first row after its empty rows,
// so a chapter title whose empty row above it fills row 21 does not stand
// alone on row 22.
TEST_CASE("a chapter title is never the last line of a page (one empty row above it)") {
  check_chapter_kept_with_next(test::environment::get().spec);
}

TEST_CASE("an article's number is in 黑体, then one full-width space, then the text in 仿宋") {
  const frames f = compose_ok(notice(regulation(1, 1)));  // 第一条
  const page& pg = f.pages[0];
  const glyph_run& number = only(runs_of(pg, element::article));
  CHECK(text_of(number) == "第一条");
  CHECK(number.font.id == face_id("hei"));
  CHECK(number.size == 16);
  // A body paragraph: first-line indent 2 cells (7.3.3).
  CHECK(test::mm(number.left()) == Approx(28 + 2 * cell).margin(0.01));
  const glyph_run& text = *runs_of(pg, element::body).at(0);
  CHECK(text.font.id == face_id("fangsong"));
  CHECK(text.em_top == number.em_top);
  CHECK(text_of(text).rfind(ideographic_space + "根据《", 0) == 0);
  REQUIRE(text.glyphs.size() > 1);
  CHECK(test::mm(text.glyphs[1].x - text.glyphs[0].x) == Approx(cell).margin(0.01));
  CHECK(text.left() == Approx(number.right()).margin(1e-6));
}

TEST_CASE("the space after an article's number is not doubled when the author wrote one") {
  const std::string rest = "本办法自2019年1月1日起施行。";
  for (const std::string& p :
       {"<p><article>第三十二条</article>" + ideographic_space + rest + "</p>",
        "<p><article>第三十二条" + ideographic_space + "</article>" + rest + "</p>",
        "<p><article>第三十二条</article>\n   " + rest + "</p>",
        "<p><article>第三十二条</article> " + rest + "</p>"}) {
    INFO(p);
    const frames f = compose_ok(notice(p));
    std::string line;
    for (const glyph_run* r : runs_of(f.pages[0], element::article)) line += text_of(*r);
    for (const glyph_run* r : runs_of(f.pages[0], element::body)) line += text_of(*r);
    CHECK(line == "第三十二条" + ideographic_space + rest);
  }
}

TEST_CASE("chapters and articles in the model: a chapter block, an article span") {
  model::document doc;
  diagnostics diags;
  REQUIRE(
      model::parse_document("<gongwen><title>t</title><body>\n<chapter>第一章　总则</chapter>\n"
                            "<p><article>第一条</article>为了……</p></body></gongwen>",
                            "t.xml", doc, diags));
  REQUIRE(doc.body.size() == 2);
  CHECK(doc.body[0].kind == model::block_kind::chapter);
  CHECK(doc.body[0].spans.at(0).text == "第一章　总则");
  CHECK(doc.body[0].pos.line == 2);
  CHECK(doc.body[0].pos.column == 1);
  REQUIRE(doc.body[1].spans.size() == 2);
  CHECK(doc.body[1].kind == model::block_kind::paragraph);
  CHECK(doc.body[1].spans[0].article);
  CHECK(doc.body[1].spans[0].lead_level == 0);
  CHECK(doc.body[1].spans[0].text == "第一条");
  CHECK(doc.body[1].spans[0].pos.column == 4);
  CHECK_FALSE(doc.body[1].spans[1].article);
}

TEST_CASE("a misplaced or empty <article> or <chapter> is an error at its line and column") {
  const auto in_body = [](const std::string& b) {
    return "<gongwen>\n<title>t</title>\n<body>\n" + b + "\n</body>\n</gongwen>";
  };
  CHECK(first_error(in_body("<p>根据<article>第一条</article></p>")) ==
        "4:6: <article> must come first in <p>, and only once");
  CHECK(first_error(in_body("<p><lead level=\"1\">一、</lead><article>第一条</article></p>")) ==
        "4:29: <article> must come first in <p>, and only once");
  CHECK(first_error(in_body("<p><article>第一条</article><lead level=\"1\">一、</lead></p>")) ==
        "4:26: <lead> must come first in <p>, and only once");
  CHECK(first_error(in_body("<p><article> </article>根据</p>")) ==
        "4:4: empty <article>; expected text");
  CHECK(first_error(in_body("<p><article n=\"1\">第一条</article>根据</p>")) ==
        "4:13: unknown attribute n on <article>; expected no attributes");
  CHECK(first_error(in_body("  <chapter>  </chapter>")) == "4:3: empty <chapter>; expected text");
  CHECK(first_error(in_body("<chapter level=\"1\">第一章</chapter>")) ==
        "4:10: unknown attribute level on <chapter>; expected no attributes");
  CHECK(first_error(in_body("<chapter>第一章<br/>总则</chapter>")) ==
        "4:13: unknown element <br> in <chapter>; expected text only");
  CHECK(first_error(in_body("<p><chapter>第一章</chapter></p>")) ==
        "4:4: unknown element <chapter> in <p>; expected text, <lead> or <article>");
  CHECK(first_error(in_body("<article>第一条</article>")) ==
        "4:1: unknown element <article> in <body>; expected <p>, <h>, <chapter> or <table>");
  CHECK(first_error(in_body("<h level=\"1\"><article>第一条</article></h>")) ==
        "4:14: unknown element <article> in <h>; expected text only");
}

// ---- bold per heading level ----

namespace {

// Headings of levels 1–3, standalone and run in (the 暂行办法's words).
const std::string headings =
    "<h level=\"1\">一、子女教育</h><h level=\"2\">（一）学历教育</h>"
    "<p><lead level=\"2\">（二）继续教育。</lead>纳税人在中国境内接受学历（学位）继续教育的支出，"
    "在学历（学位）教育期间按照每月400元定额扣除。</p>"
    "<h level=\"3\">1.大病医疗</h><p>纳税人应当留存医药服务收费及医保报销相关票据原件。</p>";

// The notice with headings, laid out in tests/layouts/bold-heading.xml (level 2 bold).
frames compose_bold() {
  model::layout_spec spec;
  diagnostics diags;
  REQUIRE(model::load_layout({test::source_path("tests/layouts"), test::source_path("layouts")},
                             "bold-heading", spec, diags));
  model::document doc;
  REQUIRE(model::parse_document(notice(headings), "n.xml", doc, diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *test::environment::get().fonts, f, diags));
  return f;
}

}  // namespace

TEST_CASE("bold is off by default: no run is stroked, and the trace shows no stroke") {
  const frames f = compose_ok(notice(headings + regulation(0, 2)));
  for (const auto& pg : f.pages)
    for (const auto& r : pg.runs) CHECK(r.stroke == 0);
  CHECK(render::trace(f, test::environment::get().cache).find("stroke=") == std::string::npos);
}

TEST_CASE("a layout makes level 2 bold: its standalone and run-in runs are stroked, no other") {
  const frames f = compose_bold();
  int stroked = 0;
  for (const auto& pg : f.pages)
    for (const auto& r : pg.runs) {
      INFO(element_name(r.role) << r.level << " \"" << text_of(r) << "\"");
      const bool level2 = r.role == element::heading && r.level == 2;
      CHECK(r.stroke == Approx(level2 ? 0.03 * 16 : 0));  // 0.03em of 16 pt
      if (level2) ++stroked;
    }
  CHECK(stroked == 2);  // （一）学历教育 and the lead （二）继续教育。
  const std::string trace = render::trace(f, test::environment::get().cache);
  CHECK(trace.find("run heading2 font=WenKaiTestSubset-Regular size=16.00pt stroke=0.48pt") !=
        std::string::npos);
  CHECK(trace.find("run heading1 font=NotoSansCJKsc-Regular size=16.00pt #000000") !=
        std::string::npos);
}

TEST_CASE("pdf: a bold heading is filled, then stroked in its colour (2 Tr)", "[pdf]") {
  test::require_tool("qpdf");
  const frames f = compose_bold();
  std::vector<uint8_t> bytes;
  diagnostics diags;
  REQUIRE(render::render_pdf(f, test::environment::get().cache, {}, bytes, diags) ==
          render::pdf_status::ok);
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / ("bold-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "bold.pdf", std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  }
  REQUIRE(test::run("qpdf --qdf --object-streams=disable bold.pdf qdf.pdf", dir).status == 0);
  const std::string qdf = test::slurp(dir / "qdf.pdf");
  // Each of the two runs: its graphics state saved, a 0.48 pt round-joined black stroke.
  size_t count = 0;
  for (size_t at = qdf.find("\n2 Tr\n"); at != std::string::npos; at = qdf.find("\n2 Tr\n", at + 1))
    ++count;
  CHECK(count == 2);
  CHECK(qdf.find("q\n0.48 w\n1 j\n0 0 0 RG\n2 Tr\nBT\n") != std::string::npos);
  CHECK(test::run("qpdf --check bold.pdf", dir).status == 0);
  fs::remove_all(dir);
}
