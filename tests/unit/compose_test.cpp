// SPDX-License-Identifier: Apache-2.0
// Page composition beyond the work report: long titles, long issuer marks,
// a signature that does not fit (GB/T 9704-2012 7.2.4, 7.3.1, 7.3.5).
#include <catch2/catch.hpp>

#include <cmath>

#include "unit/fixture.hpp"

using namespace hongtou;
using test::compose_ok;
using test::runs_of;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string doc_xml(const std::string& issuer, const std::string& title, const std::string& body,
                    bool signature = true) {
  std::string xml = "<gongwen><header><issuer>" + issuer +
                    "</issuer><doc-number>某政发〔2024〕3号</doc-number></header><title>" + title +
                    "</title><body>" + body + "</body>";
  if (signature)
    xml += "<signature><organ>某某市人民政府</organ><date>2024年3月1日</date></signature>";
  return xml + "</gongwen>";
}

constexpr double cell = 156.0 / 28;
constexpr double pitch = cell * 15 / 8;

}  // namespace

TEST_CASE("a long title breaks into centred lines of 36 pt pitch, after 关于 and its verb") {
  frames f = compose_ok(doc_xml(
      "某某市人民政府文件", "某某市人民政府关于进一步加强城镇小区配套幼儿园建设和管理工作的通知",
      "<p>正文。</p>"));
  auto title = runs_of(f.pages[0], element::title);
  REQUIRE(title.size() == 2);
  for (const auto* r : title) {
    CHECK(test::mm(r->right() - r->left()) <= 156.0 + 0.01);
    CHECK(test::mm((r->left() + r->right()) / 2) == Approx(106).margin(0.05));
  }
  CHECK(title[1]->em_top - title[0]->em_top == Approx(36).margin(0.001));
  // The break follows 关于 and the verb that opens the 事由, the phrase after it
  // whole (as published: 国务院办公厅关于开展 / 城镇小区配套幼儿园治理工作的通知).
  std::string first;
  for (const auto& g : title[0]->glyphs) first += g.text;
  CHECK(first == "某某市人民政府关于进一步加强");
  // The body returns to the grid after the title.
  auto body = runs_of(f.pages[0], element::body);
  REQUIRE_FALSE(body.empty());
  double n = (test::mm(body[0]->em_top) - 37) / pitch;
  CHECK(n == Approx(std::round(n)).margin(0.002));
}

TEST_CASE("an explicit <br/> in the title decides the line break") {
  frames f =
      compose_ok(doc_xml("某某市人民政府文件", "关于印发<br/>工作方案的通知", "<p>正文。</p>"));
  auto title = runs_of(f.pages[0], element::title);
  REQUIRE(title.size() == 2);
  std::string first;
  for (const auto& g : title[0]->glyphs) first += g.text;
  CHECK(first == "关于印发");
}

TEST_CASE(
    "GB/T 9704-2012 7.2.4: a mark too long even at the narrowest scale is an error that names the "
    "remedy") {
  frames f;
  diagnostics diags;
  CHECK_FALSE(
      test::compose_xml(doc_xml(repeat("某", 30) + "文件", "标题", "<p>正文。</p>"), f, diags));
  REQUIRE(diags.has_errors());
  const diagnostic& d = diags.items().front();
  CHECK(d.message.find("does not fit: condensed to 50 %") != std::string::npos);
  CHECK(d.message.find("156.0 mm are available") != std::string::npos);
  CHECK(d.hint.find("joint mark") != std::string::npos);
  CHECK(d.line == 1);
}

TEST_CASE("GB/T 9704-2012 7.2.4: a long mark is condensed to the type-area width, its size kept") {
  const auto& spec = test::environment::get().spec;
  frames f = compose_ok(doc_xml(repeat("某", 12) + "文件", "标题", "<p>正文。</p>"));
  const glyph_run& mark = *runs_of(f.pages[0], element::issuer).at(0);
  CHECK(mark.h_scale < 1);
  CHECK(mark.h_scale >= spec.issuer.min_scale);
  CHECK(mark.size == spec.issuer.style.size);
  CHECK(test::mm(mark.right() - mark.left()) == Approx(156).margin(0.05));
  CHECK(test::mm(mark.ink_top) == Approx(72).margin(0.05));
}

TEST_CASE("a short issuer mark keeps its size and scale") {
  const auto& spec = test::environment::get().spec;
  frames f = compose_ok(doc_xml("某某局文件", "标题", "<p>正文。</p>"));
  const glyph_run& mark = *runs_of(f.pages[0], element::issuer).at(0);
  CHECK(mark.h_scale == 1);
  CHECK(mark.size == spec.issuer.style.size);
  CHECK(test::mm((mark.left() + mark.right()) / 2) == Approx(106).margin(0.05));
}

TEST_CASE(
    "GB/T 9704-2012 7.3.5.5: a layout with min-pitch 27pt closes up a page's rows for a signature "
    "two rows short instead of carrying lines") {
  // 30 full lines: rows 14–22 of page 1, rows 1–21 of page 2; the name and
  // date would need rows 23 and 24: at 24 rows a page, 28.27 pt apart, they fit.
  const auto& env = test::environment::get();
  model::layout_spec spec = env.spec;
  spec.signature.min_pitch = 27;
  model::document doc;
  diagnostics diags;
  REQUIRE(model::parse_document(
      doc_xml("某某市人民政府文件", "关于某事的通知", "<p>" + repeat("字", 26 + 29 * 28) + "</p>"),
      "t.xml", doc, diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *env.fonts, f, diags));
  REQUIRE(f.pages.size() == 2);
  const auto body = runs_of(f.pages[1], element::body);
  REQUIRE(body.size() == 21);
  const glyph_run& name = *runs_of(f.pages[1], element::signature).at(0);
  const glyph_run& date = *runs_of(f.pages[1], element::date).at(0);
  // Rows evenly apart from the top of the type area; the date's em box ends on its bottom.
  const double row = test::mm(body[1]->em_top - body[0]->em_top);
  CHECK(row < pitch);
  CHECK(row >= test::mm(27) - 0.01);
  CHECK(test::mm(body[0]->em_top) == Approx(37).margin(0.01));
  CHECK(test::mm(body[20]->em_top) == Approx(37 + 20 * row).margin(0.01));
  CHECK(test::mm(name.em_top) == Approx(37 + 22 * row).margin(0.01));
  CHECK(test::mm(date.em_top) == Approx(37 + 23 * row).margin(0.01));
  // Its cell (5.57 mm) ends on the type area's bottom; the 16 pt em box 0.07 mm lower.
  CHECK(test::mm(date.em_top) + 156.0 / 28 == Approx(262).margin(0.01));
  // Page 1 keeps the grid, and the user is told what was done.
  const auto body1 = runs_of(f.pages[0], element::body);
  CHECK(test::mm(body1[1]->em_top - body1[0]->em_top) == Approx(pitch).margin(0.01));
  bool told = false;
  for (const auto& d : diags.items())
    told = told || (d.level == severity::note && d.message.find("page 2: rows closed up") == 0);
  CHECK(told);
}

TEST_CASE(
    "GB/T 9704-2012 5.2.3, 7.3.5.5: the general format keeps 22 lines a page: a signature that "
    "does not fit takes the last two body lines to a new page") {
  // 31 full lines: rows 14–22 of page 1, rows 1–22 of page 2; the name and
  // date would need rows 24 and 25 (more than even 27 pt rows give).
  frames f = compose_ok(
      doc_xml("某某市人民政府文件", "关于某事的通知", "<p>" + repeat("字", 26 + 30 * 28) + "</p>"));
  REQUIRE(f.pages.size() == 3);
  CHECK(runs_of(f.pages[1], element::body).size() == 20);
  auto body3 = runs_of(f.pages[2], element::body);
  REQUIRE(body3.size() == 2);
  CHECK(test::mm(body3[0]->em_top) == Approx(37).margin(0.01));
  CHECK(test::mm(body3[1]->em_top) == Approx(37 + pitch).margin(0.01));
  const glyph_run& name = *runs_of(f.pages[2], element::signature).at(0);
  const glyph_run& date = *runs_of(f.pages[2], element::date).at(0);
  CHECK(test::mm(name.em_top) == Approx(37 + 3 * pitch).margin(0.01));
  CHECK(test::mm(date.em_top) == Approx(37 + 4 * pitch).margin(0.01));
}

TEST_CASE("a heading just above carried lines goes with them to the new page") {
  // 29 lines of text, then a heading and a one-line paragraph on rows 21 and
  // 22 of page 2: the heading would be left alone at the foot of page 2 when
  // the signature carries lines over.
  frames f = compose_ok(doc_xml(
      "某某市人民政府文件", "关于某事的通知",
      "<p>" + repeat("字", 26 + 28 * 28) + "</p><h level=\"1\">一、总体要求</h><p>短段。</p>"));
  REQUIRE(f.pages.size() == 3);
  auto headings = runs_of(f.pages[2], element::heading);
  REQUIRE(headings.size() == 1);
  CHECK(test::mm(headings[0]->em_top) == Approx(37).margin(0.01));
  CHECK(runs_of(f.pages[1], element::heading).empty());
  // The outline follows the heading to its new place.
  REQUIRE(f.outline.size() == 1);
  CHECK(f.outline[0].page == 3);
  CHECK(test::mm(f.outline[0].y) == Approx(37).margin(0.01));
}

TEST_CASE("an addressee sits flush left one empty row below the title, the body on the next row") {
  frames f = compose_ok(
      "<gongwen><header><issuer>某某市人民政府文件</issuer></header><title>通知</title>"
      "<addressee>各区人民政府，市政府各部门：</addressee><body><p>正文。</p></body></gongwen>");
  const glyph_run& addr = *runs_of(f.pages[0], element::addressee).at(0);
  const glyph_run& body = *runs_of(f.pages[0], element::body).at(0);
  CHECK(test::mm(addr.left()) == Approx(28).margin(0.001));
  CHECK(test::mm(body.em_top - addr.em_top) == Approx(pitch).margin(0.01));
  CHECK(test::mm(body.left()) == Approx(28 + 2 * cell).margin(0.001));
}

TEST_CASE("a character the role's font lacks is set in the fallback face and reported") {
  // U+4DB5 (CJK Extension A) is not in FandolFang (GB 2312/GBK-era coverage)
  // but is in Noto Serif CJK SC.
  const auto& env = test::environment::get();
  const fonts::face* body = env.fonts->get("fangsong");
  const fonts::face* fallback = env.fonts->get("fallback");
  REQUIRE(fallback != nullptr);
  const char32_t rare = 0x4DB5;
  // The committed test fonts keep this true (tests/fonts/README.md).
  REQUIRE(body->glyph(rare) == 0);
  REQUIRE(fallback->glyph(rare) != 0);
  frames f;
  diagnostics diags;
  REQUIRE(
      test::compose_xml(doc_xml("某某局文件", "标题", "<p>地名\xE4\xB6\xB5村。</p>"), f, diags));
  bool reported = false;
  for (const auto& d : diags.items())
    if (d.level == severity::warning && d.message.find("U+4DB5") != std::string::npos &&
        d.message.find("substitution") != std::string::npos)
      reported = true;
  CHECK(reported);
  // The rare character is its own run in the fallback face, on the grid.
  const glyph_run* sub = nullptr;
  for (const auto& r : f.pages[0].runs)
    if (r.font.id == fallback->id() && r.role == element::body) sub = &r;
  REQUIRE(sub != nullptr);
  REQUIRE(sub->glyphs.size() == 1);
  CHECK(sub->glyphs[0].text == "\xE4\xB6\xB5");
  CHECK(test::mm(sub->left()) == Approx(28 + 4 * cell).margin(0.001));
  CHECK(test::mm(sub->right() - sub->left()) == Approx(cell).margin(0.001));
}

TEST_CASE("a page 1 without body text is reported when moving the addressee cannot mend it") {
  // A title of 12 lines pushes the body to page 2 with or without an addressee.
  std::string title = "关于某事的通知";
  for (int i = 0; i < 11; ++i) title += "<br/>关于某事的通知";
  frames f;
  diagnostics diags;
  REQUIRE(test::compose_xml(
      "<gongwen><header><issuer>某某市人民政府文件</issuer></header><title>" + title +
          "</title><addressee>各区人民政府：</addressee><body><p>正文。</p></body></gongwen>",
      f, diags));
  bool warned = false;
  for (const auto& d : diags.items())
    if (d.message.find("page 1 shows no body text") != std::string::npos) warned = true;
  CHECK(warned);
  // The addressee stays where the author put it, below the title.
  size_t addressee_runs = 0;
  for (const auto& p : f.pages) addressee_runs += runs_of(p, element::addressee).size();
  CHECK(addressee_runs == 1);
}

TEST_CASE("page-number sides and page 1 are the layout's choice, not code") {
  // A layout that extends gbt9704: no number on page 1, odd pages left, even pages right.
  const std::string xml =
      "<layout name=\"numbers\" extends=\"gbt9704\">"
      "<page-number odd=\"left\" even=\"right\" first-page=\"no\"/></layout>";
  model::layout_spec spec;
  diagnostics diags;
  const auto find = test::source_layouts();
  REQUIRE(model::parse_layout(xml, "numbers.xml", spec, diags, find));
  const auto& env = test::environment::get();
  model::document doc;
  REQUIRE(model::parse_document(test::read_source("samples/report.xml"), "report.xml", doc, diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *env.fonts, f, diags));
  REQUIRE(f.pages.size() >= 3);
  CHECK(runs_of(f.pages[0], element::page_number).empty());
  const double one_char = test::mm(14);
  for (size_t i = 1; i < f.pages.size(); ++i) {
    INFO("page " << f.pages[i].number);
    const auto num = runs_of(f.pages[i], element::page_number);
    REQUIRE(num.size() == 1);
    if (f.pages[i].number % 2 == 1)
      CHECK(test::mm(num[0]->left()) == Approx(28 + one_char).margin(0.01));
    else
      CHECK(test::mm(num[0]->right()) == Approx(184 - one_char).margin(0.01));
  }
}
