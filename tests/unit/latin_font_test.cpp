// SPDX-License-Identifier: Apache-2.0
// The Latin font (spec §10): in the text of the roles the layout lists
// (<latin role="latin" roles="fangsong"/>), Arabic digits, Latin letters and
// the marks inside a Latin word or number are set in the Latin face — here
// Serif Test Subset, Liberation Serif Regular renamed (tests/fonts/README.md)
// — and every other mark stays in the CJK face, full width: the
// ambiguous-width “ ” ‘ ’ — … · among them, though the Latin face has them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "layout/inline/inline.hpp"
#include "support/environment.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

struct set_char {
  char32_t c;
  std::string family;  // of the face its cluster is shaped with
  double width;        // its cluster's width on the line, pt
};

// Each character of a text prepared in the body style on the grid, with the
// Latin face when `latin` is set.
std::vector<set_char> prepared(const std::string& text, bool latin = true) {
  const auto& env = test::environment::get();
  REQUIRE(env.fonts);
  layout::text_piece piece;
  piece.text = text;
  piece.font = env.fonts->get(env.spec.body.style.role);
  piece.fallbacks = {env.fonts->get(env.spec.fallback_role)};
  piece.latin = latin ? env.fonts->get("latin") : nullptr;
  piece.size = env.spec.body.style.size;
  layout::break_finder breaks;
  const layout::prepared_text p = layout::prepare({piece}, env.spec.cell(), breaks);
  std::vector<set_char> out;
  for (const auto& c : p.clusters)
    for (size_t k = c.begin; k < c.end; ++k)
      out.push_back({p.text[k], p.pieces[c.piece].font->family(), c.width});
  return out;
}

// The characters of `text` (UTF-8) set in the face of `family`, in order.
std::string in_face(const std::vector<set_char>& chars, const std::string& family) {
  std::string out;
  for (const auto& s : chars)
    if (s.family == family) utf8_append(out, s.c);
  return out;
}

const std::string latin_face = "Serif Test Subset";
const std::string cjk_face = "FandolFang";

std::string messages(const diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += format(item) + "\n";
  return out;
}

}  // namespace

TEST_CASE("the general format sets 仿宋 text's digits and Latin letters in the latin role") {
  const auto& env = test::environment::get();
  CHECK(env.spec.latin.role == "latin");
  CHECK(env.spec.latin.roles == std::vector<std::string>{"fangsong"});
  CHECK(env.spec.optional_font_roles() == std::vector<std::string>{"fallback", "latin"});
  REQUIRE(env.fonts->get("latin"));
  // Times New Roman first, not among the test fonts: the second candidate.
  CHECK(env.fonts->get("latin")->family() == latin_face);
  CHECK(env.fonts->find("latin")->rank == 1);
}

TEST_CASE("digits, Latin letters and the marks inside a Latin word or number take the Latin face") {
  const auto chars = prepared("依据GB/T 9704-2012，增长15.5%，共3,000人，9:30到会。");
  CHECK(in_face(chars, latin_face) == "GB/T 9704-201215.5%3,0009:30");
  CHECK(in_face(chars, cjk_face) == "依据，增长，共人，到会。");
}

TEST_CASE("a mark not inside a Latin word or number stays in the CJK face") {
  // . after a letter but before a space, , between hanzi, - before a digit, % not after one.
  const auto chars = prepared("A. 在,中-5和%5");
  CHECK(in_face(chars, latin_face) == "A55");
  CHECK(in_face(chars, cjk_face) == ". 在,中-和%");
}

TEST_CASE("a half-width digit of the Latin face takes half a grid cell, a letter its advance") {
  const double cell = test::environment::get().spec.cell();
  for (const auto& s : prepared("第2024号GB")) {
    INFO(static_cast<unsigned>(s.c));
    if (s.c >= U'0' && s.c <= U'9') CHECK(s.width == Approx(cell / 2));
    if (s.c == U'G') CHECK(s.width == Approx(0.722 * 16).margin(0.01));  // Liberation's G
    if (s.c == U'第' || s.c == U'号') CHECK(s.width == Approx(cell));
  }
}

TEST_CASE("ambiguous-width marks stay in the CJK face and full width in Chinese text") {
  const auto& env = test::environment::get();
  const fonts::face* latin = env.fonts->get("latin");
  const std::u32string marks = U"“”‘’—…·";
  for (char32_t m : marks) CHECK(latin->glyph(m) != 0);  // the Latin face has every one
  const double cell = env.spec.cell();
  // In Chinese text, and between Latin letters: never the Latin face.
  for (const std::string text :
       {"他说“好”，‘对’。——中·外……", "A“B”C‘D’E—F…G·H", "2024“1”2—3…4·5"}) {
    INFO(text);
    for (const auto& s : prepared(text)) {
      if (marks.find(s.c) == std::u32string::npos) continue;
      INFO(static_cast<unsigned>(s.c));
      CHECK(s.family == cjk_face);
      // One cell; · (U+00B7), not a wide character to cjk::is_wide, keeps
      // its full-width advance, one em.
      CHECK(s.width == Approx(s.c == U'·' ? env.spec.body.style.size : cell));
    }
  }
}

TEST_CASE("a Latin letter the CJK face lacks comes from the Latin face, no substitution") {
  frames f;
  diagnostics diags;
  REQUIRE(test::compose_xml(
      "<gongwen><title>通知</title><body><p>咖啡馆名为Café。</p></body></gongwen>", f, diags));
  const std::string m = messages(diags);
  INFO(m);
  CHECK(m.find("font substitution") == std::string::npos);
  const auto chars = prepared("Café");
  CHECK(in_face(chars, latin_face) == "Café");
  // Without a Latin face all stays with FandolFang, which lacks é (no other
  // test font has it: it would be reported missing).
  CHECK(in_face(prepared("Café", /*latin=*/false), cjk_face) == "Café");
}

TEST_CASE("body digits are in the Latin face on the body's baseline; titles keep their face") {
  const frames f = test::compose_ok(
      "<gongwen><header><copy-number>000001</copy-number><issuer>国务院文件</issuer>"
      "<doc-number>国发〔2024〕5号</doc-number></header><title>2024年工作要点</title>"
      "<body><h level=\"1\">一、2024年目标</h><p>2024年增长5%。</p></body></gongwen>");
  const page& p = f.pages.front();
  bool body_latin = false;
  for (const auto& run : p.runs) {
    const std::string family = test::face_of(run).family();
    const std::string text = test::text_of(run);
    INFO(text << " " << family);
    if (run.role == element::title || run.role == element::issuer)
      CHECK(family == "Noto Serif CJK SC");
    if (run.role == element::heading) CHECK(family == "Noto Sans CJK SC");
    if (run.role == element::body && text == "2024") {
      body_latin = family == latin_face;
      for (const auto& other : p.runs)
        if (other.role == element::body && test::text_of(other) == "年增长")
          CHECK(other.baseline == Approx(run.baseline));
    }
    if (run.role == element::doc_number && text == "2024") CHECK(family == latin_face);
    if (run.role == element::copy_number) CHECK(family == latin_face);
  }
  CHECK(body_latin);
}

TEST_CASE("role=\"\" on <latin> sets digits and Latin letters in the CJK font") {
  const auto& env = test::environment::get();
  model::layout_spec spec;
  diagnostics diags;
  REQUIRE(model::parse_layout(
      "<layout name=\"cjk-digits\" extends=\"gbt9704\"><latin role=\"\"/></layout>", "l.xml", spec,
      diags, test::source_layouts()));
  CHECK(spec.latin.role.empty());
  CHECK(spec.optional_font_roles() == std::vector<std::string>{"fallback"});
  std::vector<const fonts::provider*> providers;
  for (const auto& pr : env.providers) providers.push_back(pr.get());
  fonts::face_cache cache;
  auto set = fonts::font_set::resolve(env.config, spec.font_roles(), spec.optional_font_roles(),
                                      providers, cache, diags);
  REQUIRE(set);
  model::document doc;
  REQUIRE(model::parse_document(
      "<gongwen><title>通知</title><body><p>2024年GB增长。</p></body></gongwen>", "t.xml", doc,
      diags));
  frames f;
  REQUIRE(layout::compose(doc, spec, *set, f, diags));
  for (const auto& run : f.pages.front().runs)
    if (run.role == element::body) CHECK(cache.find(run.font.id)->family() == cjk_face);
}

// A paragraph split into many parts by face (here: a number every few
// characters) keeps its text once, not once per part: each part used to carry
// a cleared copy of the whole piece's text, ~1 GB for 100,000 characters.
TEST_CASE("a paragraph split by face holds its text once, not once per part") {
  const auto& env = test::environment::get();
  REQUIRE(env.fonts);
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "第" + std::to_string(i) + "项工作";  // real-text rhythm
  layout::text_piece piece;
  piece.text = text;
  piece.font = env.fonts->get(env.spec.body.style.role);
  piece.fallbacks = {env.fonts->get(env.spec.fallback_role)};
  piece.latin = env.fonts->get("latin");
  piece.size = env.spec.body.style.size;
  layout::break_finder breaks;
  const layout::prepared_text p = layout::prepare({piece}, env.spec.cell(), breaks);
  REQUIRE(p.pieces.size() >= 4000);  // CJK, number, CJK, number, …
  size_t held = 0, joined = 0;
  for (const auto& part : p.pieces) held += part.text.capacity(), joined += part.text.size();
  CHECK(joined == text.size());
  CHECK(held < 4 * text.size() + 16 * p.pieces.size());  // each part its own text, plus slack
}
