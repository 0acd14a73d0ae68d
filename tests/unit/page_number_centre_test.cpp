// SPDX-License-Identifier: Apache-2.0
// 页码 (GB/T 9704-2012 7.5) centred under the type area, a layout's choice
// (odd="centre" even="centre": common for 纪要 and letters and in some
// organisations' rules) instead of the outer sides; in millimetres on the
// display list.
#include <catch2/catch.hpp>

#include <sstream>

#include "support/source.hpp"
#include "unit/fixture.hpp"
#include "unit/layout_spec_fixture.hpp"

using namespace hongtou;

namespace {

// The notice's body paragraphs (tests/data/corpus): three pages.
std::string paragraphs() {
  return test::corpus_paragraphs("tests/data/corpus/01-tongzhi-youeryuan.txt", 3);
}

frames compose_with(const model::layout_spec& spec) {
  model::document doc;
  diagnostics diags;
  REQUIRE(model::parse_document(
      "<gongwen><header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2019〕3号"
      "</doc-number></header><title>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知</title>"
      "<body>" +
          paragraphs() + "</body></gongwen>",
      "n.xml", doc, diags));
  frames f;
  const bool ok = layout::compose(doc, spec, *test::environment::get().fonts, f, diags);
  for (const auto& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  return f;
}

const glyph_run& number_of(const page& p) {
  const auto runs = test::runs_of(p, element::page_number);
  REQUIRE(runs.size() == 1);
  return *runs.front();
}

}  // namespace

TEST_CASE("page numbers odd=\"centre\" even=\"centre\": centred under the type area (106 mm)") {
  const model::layout_spec spec = test::parse_ok(
      "<layout name=\"c\" extends=\"gbt9704\"><page-number odd=\"centre\" even=\"centre\"/>"
      "</layout>",
      test::source_layouts());
  CHECK(spec.page_number.odd == model::side::centre);
  CHECK(spec.page_number.even == model::side::centre);
  const frames f = compose_with(spec);
  REQUIRE(f.pages.size() >= 2);
  for (const auto& pg : f.pages) {
    INFO("page " << pg.number);
    const glyph_run& n = number_of(pg);
    CHECK(test::mm((n.left() + n.right()) / 2) == Approx(28 + 156.0 / 2).margin(0.05));
    // Still 7 mm below the type area (the dash's stroke).
    const auto dash = test::face_of(n).ink(n.glyphs.front().id);
    CHECK(test::mm(n.baseline - (dash.y_min + dash.y_max) / 2 * n.size) ==
          Approx(262 + 7).margin(0.05));
  }
}

TEST_CASE("page numbers: one side centred, the other outer") {
  const model::layout_spec spec = test::parse_ok(
      "<layout name=\"c\" extends=\"gbt9704\"><page-number odd=\"right\" even=\"centre\"/>"
      "</layout>",
      test::source_layouts());
  const frames f = compose_with(spec);
  REQUIRE(f.pages.size() >= 2);
  const glyph_run& odd = number_of(f.pages[0]);
  const glyph_run& even = number_of(f.pages[1]);
  CHECK(test::mm(odd.right()) == Approx(184 - test::mm(14)).margin(0.01));  // 右空一字
  CHECK(test::mm((even.left() + even.right()) / 2) == Approx(106).margin(0.05));
}

TEST_CASE("a page-number side is left, right or centre") {
  CHECK(test::first_layout_error(
            "<layout name=\"c\" extends=\"gbt9704\">\n  <page-number even=\"middle\"/>\n</layout>",
            test::memory_finder({{"gbt9704", test::read_source("layouts/gbt9704.xml")}})) ==
        "l.xml:2:16: bad choice \"middle\" in even on <page-number>; expected left, right or "
        "centre");
}
