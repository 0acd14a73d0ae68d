// SPDX-License-Identifier: Apache-2.0
// Unit tests of engine/model/layout_spec: layout files read into layout_spec,
// and `extends` resolved and merged. The errors of bad layout data are in
// layout_errors_test.cpp.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "model/layout_spec.hpp"
#include "unit/layout_spec_fixture.hpp"

using namespace hongtou;
using namespace hongtou::model;
using namespace hongtou::test;

namespace {

bool near(double a, double b, double tol = 0.001) {
  return std::fabs(a - b) <= tol;
}

void check_style(const text_style& a, const text_style& b) {
  CHECK(a.role == b.role);
  CHECK(a.size == b.size);
  CHECK(a.color == b.color);
}

/// Every field of a and b but name and lineage is the same.
void check_same_numbers(const layout_spec& a, const layout_spec& b) {
  CHECK(a.page.width == b.page.width);
  CHECK(a.page.height == b.page.height);
  CHECK(a.type_area.top == b.type_area.top);
  CHECK(a.type_area.left == b.type_area.left);
  CHECK(a.type_area.width == b.type_area.width);
  CHECK(a.type_area.height == b.type_area.height);
  CHECK(a.grid.profile == b.grid.profile);
  CHECK(a.grid.chars_per_line == b.grid.chars_per_line);
  CHECK(a.grid.lines_per_page == b.grid.lines_per_page);
  CHECK(a.grid.gap_ratio == b.grid.gap_ratio);
  check_style(a.issuer.style, b.issuer.style);
  CHECK(a.issuer.top == b.issuer.top);
  CHECK(a.issuer.max_width == b.issuer.max_width);
  CHECK(a.issuer.min_scale == b.issuer.min_scale);
  check_style(a.doc_number.style, b.doc_number.style);
  CHECK(a.doc_number.rows_before == b.doc_number.rows_before);
  CHECK(a.separator.color == b.separator.color);
  CHECK(a.separator.width == b.separator.width);
  CHECK(a.separator.thickness == b.separator.thickness);
  CHECK(a.separator.offset == b.separator.offset);
  check_style(a.title.style, b.title.style);
  CHECK(a.title.line_pitch == b.title.line_pitch);
  CHECK(a.title.rows_before == b.title.rows_before);
  const auto &ta = a.title_breaking, &tb = b.title_breaking;
  CHECK(ta.max_lines == tb.max_lines);
  CHECK(ta.extra_lines == tb.extra_lines);
  CHECK(ta.search_limit == tb.search_limit);
  CHECK(ta.free_before == tb.free_before);
  CHECK(ta.natural_after == tb.natural_after);
  CHECK(ta.natural_before == tb.natural_before);
  CHECK(ta.leads == tb.leads);
  CHECK(ta.natural == tb.natural);
  CHECK(ta.kinds == tb.kinds);
  CHECK(ta.particle == tb.particle);
  CHECK(ta.suffixes == tb.suffixes);
  CHECK(ta.note_open == tb.note_open);
  CHECK(ta.word_break == tb.word_break);
  CHECK(ta.inside_word == tb.inside_word);
  CHECK(ta.near_full_ratio == tb.near_full_ratio);
  CHECK(ta.near_full == tb.near_full);
  CHECK(ta.unevenness == tb.unevenness);
  CHECK(ta.longer_below == tb.longer_below);
  CHECK(ta.hourglass == tb.hourglass);
  CHECK(ta.extra_line == tb.extra_line);
  check_style(a.addressee.style, b.addressee.style);
  CHECK(a.addressee.rows_before == b.addressee.rows_before);
  check_style(a.body.style, b.body.style);
  CHECK(a.body.rows_before == b.body.rows_before);
  CHECK(a.body.first_line_indent == b.body.first_line_indent);
  for (int i = 0; i < 4; ++i) {
    check_style(a.heading[i].style, b.heading[i].style);
    CHECK(a.heading[i].bold == b.heading[i].bold);
    CHECK(a.heading[i].bold_stroke == b.heading[i].bold_stroke);
  }
  check_style(a.chapter.style, b.chapter.style);
  CHECK(a.chapter.rows_before == b.chapter.rows_before);
  CHECK(a.chapter.rows_after == b.chapter.rows_after);
  check_style(a.article.style, b.article.style);
  CHECK(a.article.separator == b.article.separator);
  check_style(a.signature.style, b.signature.style);
  CHECK(a.signature.rows_before == b.signature.rows_before);
  CHECK(a.signature.right_indent == b.signature.right_indent);
  CHECK(a.signature.date_offset == b.signature.date_offset);
  CHECK(a.signature.carry_lines == b.signature.carry_lines);
  check_style(a.page_number.style, b.page_number.style);
  CHECK(a.page_number.below == b.page_number.below);
  CHECK(a.page_number.inset == b.page_number.inset);
  CHECK(a.page_number.format == b.page_number.format);
  CHECK(a.page_number.odd == b.page_number.odd);
  CHECK(a.page_number.even == b.page_number.even);
  CHECK(a.page_number.first_page == b.page_number.first_page);
  CHECK(a.fallback_role == b.fallback_role);
}

}  // namespace

// ---- the general format ----

TEST_CASE("layouts/gbt9704.xml gives the numbers of GB/T 9704") {
  const layout_spec l = gbt9704();
  CHECK(l.name == "gbt9704");
  CHECK(l.lineage == std::vector<std::string>{"gbt9704"});
  CHECK(near(l.page.width, 595.276));
  CHECK(near(l.page.height, 841.890));
  CHECK(near(l.type_area.top, mm_to_pt(37)));
  CHECK(near(l.type_area.left, mm_to_pt(28)));
  CHECK(near(l.type_area.width, 442.205));
  CHECK(near(l.type_area.height, 637.795));
  CHECK(l.grid.profile == grid_profile::gb_exact);
  CHECK(l.grid.chars_per_line == 28);
  CHECK(l.grid.lines_per_page == 22);
  CHECK(l.grid.gap_ratio == 0.875);
  CHECK(near(l.cell(), 15.793));
  CHECK(near(l.pitch(), 29.612));

  const rgb red{1, 0, 0}, black{0, 0, 0};
  CHECK(l.issuer.style.role == "xiaobiaosong");
  CHECK(l.issuer.style.color == red);
  CHECK(l.issuer.style.size == 52);
  CHECK(near(l.issuer.top, mm_to_pt(35)));
  CHECK(near(l.issuer.max_width, mm_to_pt(156)));
  CHECK(l.issuer.min_scale == 0.5);
  CHECK(l.doc_number.style.role == "fangsong");
  CHECK(l.doc_number.style.size == 16);
  CHECK(l.doc_number.style.color == black);
  CHECK(l.doc_number.rows_before == 2);
  CHECK(l.separator.color == red);
  CHECK(near(l.separator.width, mm_to_pt(156)));
  CHECK(l.separator.thickness == 1.5);
  CHECK(near(l.separator.offset, mm_to_pt(4)));

  CHECK(l.title.style.role == "xiaobiaosong");
  CHECK(l.title.style.size == 22);
  CHECK(l.title.style.color == black);
  CHECK(l.title.line_pitch == 36);
  CHECK(l.title.rows_before == 2);
  CHECK(l.addressee.style.role == "fangsong");
  CHECK(l.addressee.style.size == 16);
  CHECK(l.addressee.style.color == black);
  CHECK(l.addressee.rows_before == 1);
  CHECK(l.body.style.role == "fangsong");
  CHECK(l.body.style.size == 16);
  CHECK(l.body.style.color == black);
  CHECK(l.body.rows_before == 1);
  CHECK(l.body.first_line_indent == 2);
  CHECK(l.heading[0].style.role == "hei");
  CHECK(l.heading[1].style.role == "kai");
  CHECK(l.heading[2].style.role == "fangsong");
  CHECK(l.heading[3].style.role == "fangsong");
  for (const auto& h : l.heading) {
    CHECK(h.style.size == 16);
    CHECK(h.style.color == black);
    CHECK_FALSE(h.bold);  // 7.3.3 asks for no bold
    CHECK(h.bold_stroke == Approx(0.03 * 16));
  }
  CHECK(l.chapter.style.role == "hei");
  CHECK(l.chapter.style.size == 16);
  CHECK(l.chapter.rows_before == 1);
  CHECK(l.chapter.rows_after == 0);
  CHECK(l.article.style.role == "hei");
  CHECK(l.article.style.size == 16);
  CHECK(l.article.separator == "\u3000");
  CHECK(l.signature.style.role == "fangsong");
  CHECK(l.signature.style.size == 16);
  CHECK(l.signature.style.color == black);
  CHECK(l.signature.rows_before == 1);
  CHECK(l.signature.right_indent == 2);
  CHECK(l.signature.date_offset == 2);
  CHECK(l.signature.carry_lines == 2);
  CHECK(l.page_number.style.role == "songti-digits");
  CHECK(l.page_number.style.size == 14);
  CHECK(l.page_number.style.color == black);
  CHECK(near(l.page_number.below, mm_to_pt(7)));
  CHECK(l.page_number.inset == 14);  // "1em" of the 14 pt page number
  CHECK(l.page_number.format == "— {n} —");
  CHECK(l.page_number.odd == side::right);
  CHECK(l.page_number.even == side::left);
  CHECK(l.page_number.first_page);
  CHECK(l.fallback_role == "fallback");
}

TEST_CASE("the title-breaking costs of gbt9704 are in pt, em being the title's 22 pt") {
  const layout_spec l = gbt9704();
  const auto& t = l.title_breaking;
  CHECK(t.max_lines == 6);
  CHECK(t.extra_lines == 1);
  CHECK(t.search_limit == 100000);
  CHECK(t.free_before == "关于");
  CHECK(t.natural_after == "关于 、");
  CHECK(t.natural_before == "有关");
  CHECK(t.natural == 3 * 22);
  CHECK(t.particle == "的");
  CHECK(t.note_open == "（ 〔");
  CHECK(t.word_break == 10 * 22);
  CHECK(t.inside_word == 50 * 22);
  CHECK(t.near_full_ratio == 0.95);
  CHECK(t.near_full == 15 * 22);
  CHECK(t.unevenness == 1);
  CHECK(t.longer_below == 1);
  CHECK(t.hourglass == 20 * 22);
  CHECK(t.extra_line == 22);
}

TEST_CASE("font_roles lists the roles of the elements once each, body first") {
  CHECK(gbt9704().font_roles() ==
        std::vector<std::string>{"fangsong", "xiaobiaosong", "hei", "kai", "songti-digits"});
}

TEST_CASE("load_layout_file reads the same numbers as load_layout") {
  layout_spec l;
  diagnostics diags;
  REQUIRE(load_layout_file(source_path("layouts/gbt9704.xml"), l, diags));
  CHECK(diags.items().empty());
  CHECK(l.lineage == std::vector<std::string>{"gbt9704"});
  check_same_numbers(l, gbt9704());
}

// ---- extends ----

TEST_CASE("a layout that extends gbt9704 changes only the numbers it restates") {
  const layout_spec parent = gbt9704();
  layout_spec child = load_ok({source_path("tests/layouts"), source_path("layouts")}, "lower-head");
  CHECK(child.name == "lower-head");
  CHECK(child.lineage == std::vector<std::string>{"lower-head", "gbt9704"});
  CHECK(near(child.issuer.top, mm_to_pt(40)));
  CHECK(child.title.rows_before == 3);
  // Put the two changes back: then every number is gbt9704's.
  child.issuer.top = parent.issuer.top;
  child.title.rows_before = parent.title.rows_before;
  check_same_numbers(child, parent);
}

TEST_CASE("the lineage names every layout from the one asked for to the root") {
  const std::string root = read_source("layouts/gbt9704.xml");
  const layout_finder find = memory_finder(
      {{"gbt9704", root},
       {"middle",
        "<layout name=\"middle\" extends=\"gbt9704\"><title rows-before=\"4\"/></layout>"}});
  const layout_spec l =
      parse_ok("<layout name=\"leaf\" extends=\"middle\"><issuer top=\"30mm\"/></layout>", find);
  CHECK(l.lineage == std::vector<std::string>{"leaf", "middle", "gbt9704"});
  CHECK(l.title.rows_before == 4);
  CHECK(near(l.issuer.top, mm_to_pt(30)));
  CHECK(l.issuer.max_width == gbt9704().issuer.max_width);
}

TEST_CASE("em in a child resolves against the size after merging") {
  // The child's inset, the parent's 14 pt size.
  CHECK(child_of_gbt9704("<page-number inset=\"2em\"/>").page_number.inset == 28);
  // The parent's 1em inset, the child's size.
  CHECK(child_of_gbt9704("<page-number size=\"16pt\"/>").page_number.inset == 16);
  // <title-breaking> counts in the title's size.
  const layout_spec l = child_of_gbt9704("<title size=\"20pt\"/>");
  CHECK(l.title_breaking.word_break == 200);
  CHECK(l.title_breaking.inside_word == 1000);
  CHECK(l.title_breaking.near_full == 300);
  CHECK(l.title_breaking.extra_line == 20);
}

TEST_CASE("values are checked after merging, at the file and place they were written") {
  const std::string parent =
      replace_once(read_source("layouts/gbt9704.xml"), "color=\"#000000\" rows-before=\"2\"/>",
                   "color=\"#000000\" rows-before=\"x\"/>");
  const std::string xml = "<layout name=\"child\" extends=\"gbt9704\"/>";
  CHECK(first_layout_error(xml, memory_finder({{"gbt9704", parent}})) ==
        "gbt9704.xml:" + pos_of(parent, "rows-before=\"x\"") +
            ": bad count \"x\" in rows-before on <doc-number>; expected a whole number from 0 to "
            "50");
  // The child's own value overrides the bad one: no error.
  layout_spec l;
  diagnostics diags;
  CHECK(
      parse_layout("<layout name=\"child\" extends=\"gbt9704\"><doc-number rows-before=\"3\"/>"
                   "</layout>",
                   "child.xml", l, diags, memory_finder({{"gbt9704", parent}})));
  CHECK(l.doc_number.rows_before == 3);
  // A bad value of the child is reported in the child.
  const std::string bad =
      "<layout name=\"child\" extends=\"gbt9704\">\n  <body first-line-indent=\"-1\"/>\n</layout>";
  CHECK(
      first_layout_error(bad, memory_finder({{"gbt9704", read_source("layouts/gbt9704.xml")}})) ==
      "l.xml:2:9: bad count \"-1\" in first-line-indent on <body>; expected a whole number from 0 "
      "to 50");
}

TEST_CASE("a layout extending itself is an error naming the cycle") {
  const layout_finder find = memory_finder(
      {{"a", "<layout name=\"a\" extends=\"b\"/>"}, {"b", "<layout name=\"b\" extends=\"a\"/>"}});
  CHECK(first_layout_error("<layout name=\"a\" extends=\"b\"/>", find) ==
        "b.xml:1:18: layout 'a' extends itself (a -> b -> a)");
  CHECK(first_layout_error("<layout name=\"a\" extends=\"a\"/>", find) ==
        "l.xml:1:18: layout 'a' extends itself (a -> a)");
  CHECK(first_layout_error("<layout name=\"c\" extends=\"a\"/>", find) ==
        "b.xml:1:18: layout 'a' extends itself (a -> b -> a)");
}

TEST_CASE("an unknown parent is an error at extends saying where it was looked for") {
  CHECK(first_layout_error("<layout name=\"a\" extends=\"nowhere\"/>", memory_finder({})) ==
        "l.xml:1:18: no layout 'nowhere'; looked in memory");
  CHECK(first_layout_error("<layout name=\"a\" extends=\"gbt9704\"/>") ==
        "l.xml:1:18: no layout 'gbt9704'; no folder to look in was given");

  // A file's parents come from its own folder only.
  const std::string path = source_path("tests/layouts/lower-head.xml");
  layout_spec l;
  diagnostics diags;
  REQUIRE_FALSE(load_layout_file(path, l, diags));
  REQUIRE(diags.items().size() == 1);
  const diagnostic& d = diags.items().front();
  CHECK(d.file == path);
  CHECK(std::to_string(d.line) + ":" + std::to_string(d.column) ==
        pos_of(read_source("tests/layouts/lower-head.xml"), "extends="));
  CHECK(d.message == "no layout 'gbt9704'; looked in " + source_path("tests/layouts"));
}

TEST_CASE("an unknown layout name is an error listing the folders looked in") {
  layout_spec l;
  diagnostics diags;
  REQUIRE_FALSE(load_layout({"/nonexistent", source_path("layouts")}, "telegram", l, diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message ==
        "no layout 'telegram'; looked in /nonexistent, " + source_path("layouts"));
  diagnostics bad_name;
  REQUIRE_FALSE(load_layout({source_path("layouts")}, "../gbt9704", l, bad_name));
  CHECK(bad_name.items()[0].message ==
        "bad layout name \"../gbt9704\"; expected lower-case letters, digits, - and _");
}

TEST_CASE("a layout must carry the name it is looked up by") {
  const layout_finder find = memory_finder({{"p", "<layout name=\"q\"/>"}});
  CHECK(first_layout_error("<layout name=\"a\" extends=\"p\"/>", find) ==
        "p.xml:1:9: this layout is named 'q' but was looked up as 'p' (by extends in l.xml)");
}
