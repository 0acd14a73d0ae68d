// SPDX-License-Identifier: Apache-2.0
// The 题注 and 目录 of a promulgated regulation (<caption>, <contents> of a
// <forwarded> or <attachment>; the regulation a 令 promulgates, GB/T
// 9704-2012 10.2; common practice, layouts/gbt9704.xml): in millimetres on
// the display list. Text: 国务院令第711号 and its 政府信息公开条例
// (samples/order-711.xml).
#include <catch2/catch.hpp>

#include <string>

#include "unit/fixture.hpp"
#include "unit/layout_spec_fixture.hpp"
#include "unit/seal_fixture.hpp"

using namespace hongtou;
using test::runs_of;
using test::text_of;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // one row (3.2)
constexpr double centre = 28 + 156.0 / 2;

const std::string regulation_title = "<title>中华人民共和国政府信息公开条例</title>";
const std::string caption =
    "<caption>（2007年4月5日中华人民共和国国务院令第492号公布　2019年4月3日中华人民共和国国务院令"
    "第711号修订）</caption>";
const std::string contents =
    "<contents><entry>第一章　总　　则</entry><entry>第二章　公开的主体和范围</entry>"
    "<entry>第三章　主动公开</entry><entry>第四章　依申请公开</entry>"
    "<entry>第五章　监督和保障</entry><entry>第六章　附　　则</entry></contents>";
const std::string regulation_body =
    "<body><chapter>第一章　总　　则</chapter><p><article>第一条</article>为了保障公民、法人和"
    "其他组织依法获取政府信息，提高政府工作的透明度，建设法治政府，充分发挥政府信息对人民群众"
    "生产、生活和经济社会活动的服务作用，制定本条例。</p></body>";

// A notice of the general format whose attachment is the regulation.
std::string notice(const std::string& front) {
  return "<gongwen><header><issuer>国务院</issuer><doc-number>国发〔2019〕1号</doc-number>"
         "</header><title>国务院关于印发政府信息公开条例的通知</title><body><p>现将《中华人民"
         "共和国政府信息公开条例》印发给你们。</p></body><attachment>" +
         regulation_title + front + regulation_body + "</attachment></gongwen>";
}

const page& attachment_page(const frames& f) {
  for (const page& p : f.pages)
    if (!runs_of(p, element::caption).empty() || !runs_of(p, element::contents).empty()) return p;
  FAIL("no page with a 题注 or 目录");
  return f.pages.front();
}

double middle(const glyph_run& r) {
  return test::mm((r.left() + r.right()) / 2);
}

std::string first_error(const std::string& xml) {
  model::document doc;
  diagnostics diags;
  REQUIRE_FALSE(model::parse_document(xml, "test.xml", doc, diags));
  REQUIRE(diags.has_errors());
  const diagnostic& d = diags.items().front();
  return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

}  // namespace

TEST_CASE("10.2: a regulation's 题注 centred on the row after its title, broken at its space") {
  const frames f = test::compose_ok(notice(caption + contents));
  const page& p = attachment_page(f);
  const auto title = runs_of(p, element::attachment);
  const auto lines = runs_of(p, element::caption);
  REQUIRE(lines.size() == 2);
  // Broken where the two events meet; the full-width space at the break is dropped.
  CHECK(text_of(*lines[0]) == "（2007年4月5日中华人民共和国国务院令第492号公布");
  CHECK(text_of(*lines[1]) == "2019年4月3日中华人民共和国国务院令第711号修订）");
  for (const glyph_run* l : lines) {
    CHECK(middle(*l) == Approx(centre).margin(0.05));
    CHECK(test::face_of(*l).id() == test::environment::get().fonts->get("kai")->id());
  }
  // The title (2号, centred on its row) on one row, the 题注 on the next rows.
  const glyph_run& t = *title.back();
  const double title_row_top = test::mm(t.em_top) - (cell - test::mm(22)) / 2;
  CHECK(test::mm(lines[0]->em_top) - title_row_top == Approx(pitch).margin(0.05));
  CHECK(test::mm(lines[1]->em_top - lines[0]->em_top) == Approx(pitch).margin(0.05));
}

TEST_CASE("10.2: the 目录 one empty row below the 题注, its lines centred, the body after it") {
  const frames f = test::compose_ok(notice(caption + contents));
  const page& p = attachment_page(f);
  const auto captions = runs_of(p, element::caption);
  const auto lines = runs_of(p, element::contents);
  REQUIRE(lines.size() == 7);
  CHECK(text_of(*lines[0]) == "目　　录");
  CHECK(test::face_of(*lines[0]).id() == test::environment::get().fonts->get("hei")->id());
  CHECK(test::mm(lines[0]->em_top - captions.back()->em_top) == Approx(2 * pitch).margin(0.05));
  CHECK(text_of(*lines[2]) == "第二章　公开的主体和范围");
  for (size_t i = 0; i < lines.size(); ++i) {
    INFO(text_of(*lines[i]));
    CHECK(middle(*lines[i]) == Approx(centre).margin(0.05));
    if (i > 0)
      CHECK(test::mm(lines[i]->em_top - lines[i - 1]->em_top) == Approx(pitch).margin(0.05));
    if (i > 0)
      CHECK(test::face_of(*lines[i]).id() == test::environment::get().fonts->get("fangsong")->id());
  }
  // The regulation's first chapter after the attachment title's empty row.
  const auto chapter = runs_of(p, element::chapter);
  REQUIRE(!chapter.empty());
  CHECK(test::mm(chapter[0]->em_top - lines.back()->em_top) == Approx(2 * pitch).margin(0.05));
}

TEST_CASE("10.2: 目录 entries indented instead of centred, and without a heading, by layout") {
  const model::layout_spec spec =
      test::child_of_gbt9704("<contents heading=\"\" centred=\"no\" indent=\"2\"/>");
  const frames f = test::merge_lines(test::compose_in(spec, notice(contents)));
  const page& p = attachment_page(f);
  const auto lines = runs_of(p, element::contents);
  REQUIRE(lines.size() == 6);
  CHECK(text_of(*lines[0]) == "第一章　总　　则");
  for (const glyph_run* l : lines) CHECK(test::mm(l->left()) == Approx(28 + 2 * cell).margin(0.05));
  // Without a 题注 the 目录 keeps its empty row below the title.
  const glyph_run& t = *runs_of(p, element::attachment).back();
  const double title_row_top = test::mm(t.em_top) - (cell - test::mm(22)) / 2;
  CHECK(test::mm(lines[0]->em_top) - title_row_top == Approx(2 * pitch).margin(0.05));
}

TEST_CASE("10.2: a 题注's own line breaks are kept, each line centred") {
  const frames f = test::compose_ok(
      notice("<caption>（2007年4月5日国务院令第492号公布<br/>2019年4月3日国务院令第711号修订）"
             "</caption>"));
  const auto lines = runs_of(attachment_page(f), element::caption);
  REQUIRE(lines.size() == 2);
  CHECK(text_of(*lines[0]) == "（2007年4月5日国务院令第492号公布");
  for (const glyph_run* l : lines) CHECK(middle(*l) == Approx(centre).margin(0.05));
}

TEST_CASE("10.2: the promulgated regulation of samples/order-711.xml has its 题注 and 目录") {
  const std::string file = test::source_path("layouts/order.xml");
  model::layout_spec spec;
  diagnostics diags;
  REQUIRE(model::parse_layout(test::read_file(file), file, spec, diags, test::source_layouts()));
  model::document doc;
  REQUIRE(model::parse_document(test::read_source("samples/order-711.xml"), "order-711.xml", doc,
                                diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *test::environment::get().fonts, f, diags,
                          {{"seals/sample-signature.png", test::sample_signature()}}));
  f = test::merge_lines(std::move(f));
  REQUIRE(f.pages.size() >= 2);
  const page& p = attachment_page(f);
  CHECK(runs_of(p, element::caption).size() == 2);
  CHECK(runs_of(p, element::contents).size() == 7);
  CHECK(text_of(*runs_of(p, element::chapter).front()) == "第一章　总　　则");
}

TEST_CASE("10.2: a bad 题注 or 目录 is an error at its line and column") {
  const std::string empty = notice("<contents/>");
  CHECK(first_error(empty) ==
        test::pos_of(empty, "<contents/>") + ": empty <contents>; expected one <entry> per line");
  const std::string text = notice("<contents>第一章</contents>");
  CHECK(first_error(text).find("<entry>") != std::string::npos);
  const std::string other = notice("<contents><chapter>第一章</chapter></contents>");
  CHECK(first_error(other) == test::pos_of(other, "<chapter>第一章</chapter></contents>") +
                                  ": unknown element <chapter> in <contents>; expected <entry>");
  const std::string blank = notice("<caption> </caption>");
  CHECK(first_error(blank) ==
        test::pos_of(blank, "<caption>") + ": empty <caption>; expected text");
  const std::string order = notice(contents + caption);
  CHECK(first_error(order) == test::pos_of(order, "<caption>") +
                                  ": <caption> must come before <contents> in <attachment>");
}
