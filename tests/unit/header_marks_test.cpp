// SPDX-License-Identifier: Apache-2.0
// 份号, 密级和保密期限 and 紧急程度 at the top left of page 1, in millimetres
// on the display list (GB/T 9704-2012 7.2.1–7.2.3).
#include <catch2/catch.hpp>

#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3: 28 characters in 156 mm
constexpr double pitch = cell * 15 / 8;  // a character and 7/8 of one (3.2)

frames with_marks(const std::string& marks) {
  const std::string xml =
      "<gongwen><header>" + marks +
      "<issuer>某某市人民政府文件</issuer><doc-number>某政发〔2024〕3号</doc-number>"
      "</header><title>关于做好有关工作的通知</title><body><p>正文。</p></body></gongwen>";
  return test::compose_ok(xml);
}

const glyph_run* find(const page& p, element role) {
  for (const auto& r : p.runs)
    if (r.role == role) return &r;
  return nullptr;
}

// The em-box top of an element, mm from the paper top; -1 when absent.
double top_of(const frames& f, element role) {
  const glyph_run* r = find(f.pages.front(), role);
  return r ? test::mm(r->em_top) : -1;
}

}  // namespace

TEST_CASE("GB/T 9704-2012 7.2.1-7.2.3: 份号, 密级, 紧急程度 on rows 1, 2, 3, flush left") {
  const frames f = with_marks(
      "<copy-number>000001</copy-number><classification>机密★5年</classification>"
      "<urgency>特急</urgency>");
  const auto& env = test::environment::get();
  const glyph_run* copy = find(f.pages[0], element::copy_number);
  const glyph_run* secret = find(f.pages[0], element::classification);
  const glyph_run* urgent = find(f.pages[0], element::urgency);
  REQUIRE(copy);
  REQUIRE(secret);
  REQUIRE(urgent);
  CHECK(test::mm(copy->em_top) == Approx(37).margin(0.05));
  CHECK(test::mm(secret->em_top) == Approx(37 + pitch).margin(0.05));
  CHECK(test::mm(urgent->em_top) == Approx(37 + 2 * pitch).margin(0.05));
  for (const glyph_run* r : {copy, secret, urgent}) {
    CHECK(test::mm(r->left()) == Approx(28).margin(0.05));  // 顶格
    CHECK(r->size == 16);                                   // 3号
    CHECK(r->color == rgb{0, 0, 0});
  }
  // 7.2.2, 7.2.3: 黑体; 7.2.1 names no face: the body face's, whose digits are set in the
  // layout's Latin font (<latin roles="fangsong">, spec §10).
  CHECK(secret->font.id == env.fonts->get("hei")->id());
  CHECK(urgent->font.id == env.fonts->get("hei")->id());
  CHECK(copy->font.id == env.fonts->get("latin")->id());
  // The red mark keeps its place below them: ink top 35 mm below the type area (7.2.4).
  const glyph_run* mark = find(f.pages[0], element::issuer);
  REQUIRE(mark);
  CHECK(test::mm(mark->ink_top) == Approx(72).margin(0.05));
  CHECK(test::mm(urgent->em_bottom) < test::mm(mark->ink_top));
}

TEST_CASE("GB/T 9704-2012 7.2.3: 紧急程度 takes the row after what stands above it") {
  CHECK(top_of(with_marks("<urgency>加急</urgency>"), element::urgency) == Approx(37).margin(0.05));
  CHECK(top_of(with_marks("<copy-number>000123</copy-number><urgency>加急</urgency>"),
               element::urgency) == Approx(37 + pitch).margin(0.05));
  CHECK(top_of(with_marks("<classification>秘密</classification><urgency>特急</urgency>"),
               element::urgency) == Approx(37 + 2 * pitch).margin(0.05));
}

TEST_CASE("GB/T 9704-2012 7.2.2: 密级 stays on row 2 without a 份号") {
  const frames f = with_marks("<classification>秘密★1年</classification>");
  CHECK(top_of(f, element::copy_number) == -1);
  CHECK(top_of(f, element::classification) == Approx(37 + pitch).margin(0.05));
}

TEST_CASE("the marks move nothing else: the header and the body stay where they were") {
  const frames plain = with_marks("");
  const frames marked = with_marks(
      "<copy-number>000001</copy-number><classification>机密</classification>"
      "<urgency>特急</urgency>");
  for (element e : {element::issuer, element::doc_number, element::title, element::body})
    CHECK(top_of(marked, e) == Approx(top_of(plain, e)).margin(0.001));
  REQUIRE(plain.pages[0].rules.size() == 1);
  REQUIRE(marked.pages[0].rules.size() == 1);
  CHECK(marked.pages[0].rules[0].y == Approx(plain.pages[0].rules[0].y));
}

// A mark of more than one face (its digits in the Latin face, or a rare character from a
// fallback face) is set whole, centred as one line, on one baseline (7.2.4).
TEST_CASE("GB/T 9704-2012 7.2.4: a mark in two faces is set whole and centred") {
  const std::string xml =
      "<layout name=\"fangsong-mark\" extends=\"gbt9704\"><issuer role=\"fangsong\"/></layout>";
  model::layout_spec spec;
  diagnostics diags;
  REQUIRE(model::parse_layout(xml, "fangsong-mark.xml", spec, diags, test::source_layouts()));
  model::document doc;
  REQUIRE(model::parse_document(
      "<gongwen><header><issuer>第2中学文件</issuer><doc-number>二中发〔2024〕1号</doc-number>"
      "</header><title>关于开展工作的通知</title><body><p>正文。</p></body></gongwen>",
      "mark.xml", doc, diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *test::environment::get().fonts, f, diags));
  const auto marks = test::runs_of(f.pages[0], element::issuer);
  REQUIRE(marks.size() == 3);  // 第, 2 (Latin face), 中学文件
  std::string text;
  for (const glyph_run* r : marks) {
    text += test::text_of(*r);
    CHECK(r->baseline == Approx(marks.front()->baseline).margin(1e-6));
  }
  CHECK(text == "第2中学文件");
  CHECK(test::mm((marks.front()->left() + marks.back()->right()) / 2) == Approx(106).margin(0.05));
}
