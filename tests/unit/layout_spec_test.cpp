// Unit tests of engine/model/layout_spec: layout files read into layout_spec,
// `extends` resolved and merged, and the errors of bad layout data.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "model/layout_spec.hpp"

using namespace hongtou;
using namespace hongtou::model;

namespace {

std::string source_path(const std::string& rel) {
  return std::string(HONGTOU_SOURCE_DIR) + "/" + rel;
}

std::string read_source(const std::string& rel) {
  std::ifstream f(source_path(rel), std::ios::binary);
  REQUIRE(f);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

bool near(double a, double b, double tol = 0.001) {
  return std::fabs(a - b) <= tol;
}

/// "line:column" of byte offset at in text, the column in characters.
std::string pos_at(const std::string& text, size_t at) {
  int line = 1, column = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

/// "line:column" of the first occurrence of needle in text.
std::string pos_of(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return pos_at(text, at);
}

/// Replaces the one occurrence of from in s.
std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(s.find(from, at + 1) == std::string::npos);
  return s.replace(at, from.size(), to);
}

/// A finder over layouts held in memory, named "<name>.xml".
layout_finder memory_finder(std::map<std::string, std::string> layouts) {
  return [layouts](const std::string& name, std::string& text, std::string& source) {
    const auto it = layouts.find(name);
    if (it == layouts.end()) {
      source = "memory";
      return false;
    }
    text = it->second;
    source = name + ".xml";
    return true;
  };
}

/// Every diagnostic as "file:line:column: message".
std::vector<std::string> layout_errors(const std::string& xml, const layout_finder& find = {}) {
  layout_spec spec;
  diagnostics diags;
  REQUIRE_FALSE(parse_layout(xml, "l.xml", spec, diags, find));
  REQUIRE(diags.has_errors());
  std::vector<std::string> out;
  for (const diagnostic& d : diags.items())
    out.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                  d.message);
  return out;
}

/// The first of layout_errors.
std::string first_layout_error(const std::string& xml, const layout_finder& find = {}) {
  return layout_errors(xml, find).front();
}

/// The message of the first error of gbt9704.xml with from replaced by to;
/// the error must be at the start of to, or at where inside it.
std::string bad_value(const std::string& from, const std::string& to,
                      const std::string& where = "") {
  const std::string original = read_source("layouts/gbt9704.xml");
  const std::string xml = replace_once(original, from, to);
  REQUIRE(to.find(where) != std::string::npos);
  const std::string error = first_layout_error(xml);
  const std::string at = "l.xml:" + pos_at(xml, original.find(from) + to.find(where)) + ": ";
  CHECK(error.substr(0, at.size()) == at);
  return error.substr(error.find(": ") + 2);
}

layout_spec load_ok(const std::vector<std::string>& dirs, const std::string& name) {
  layout_spec l;
  diagnostics diags;
  const bool ok = load_layout(dirs, name, l, diags);
  for (const diagnostic& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  CHECK(diags.items().empty());
  return l;
}

layout_spec gbt9704() {
  return load_ok({source_path("layouts")}, "gbt9704");
}

layout_spec parse_ok(const std::string& xml, const layout_finder& find) {
  layout_spec l;
  diagnostics diags;
  const bool ok = parse_layout(xml, "child.xml", l, diags, find);
  for (const diagnostic& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  return l;
}

/// A child of gbt9704 (held in memory) that writes body.
layout_spec child_of_gbt9704(const std::string& body) {
  const std::string xml = "<layout name=\"child\" extends=\"gbt9704\">" + body + "</layout>";
  return parse_ok(xml, memory_finder({{"gbt9704", read_source("layouts/gbt9704.xml")}}));
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
  CHECK(ta.word_break == tb.word_break);
  CHECK(ta.inside_word == tb.inside_word);
  CHECK(ta.near_full_ratio == tb.near_full_ratio);
  CHECK(ta.near_full == tb.near_full);
  CHECK(ta.unevenness == tb.unevenness);
  CHECK(ta.longer_below == tb.longer_below);
  CHECK(ta.extra_line == tb.extra_line);
  check_style(a.addressee.style, b.addressee.style);
  CHECK(a.addressee.rows_before == b.addressee.rows_before);
  check_style(a.body.style, b.body.style);
  CHECK(a.body.rows_before == b.body.rows_before);
  CHECK(a.body.first_line_indent == b.body.first_line_indent);
  for (int i = 0; i < 4; ++i) check_style(a.heading[i], b.heading[i]);
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
  CHECK(l.heading[0].role == "hei");
  CHECK(l.heading[1].role == "kai");
  CHECK(l.heading[2].role == "fangsong");
  CHECK(l.heading[3].role == "fangsong");
  for (const auto& h : l.heading) {
    CHECK(h.size == 16);
    CHECK(h.color == black);
  }
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
  CHECK(t.word_break == 22);
  CHECK(t.inside_word == 50 * 22);
  CHECK(t.near_full_ratio == 0.95);
  CHECK(t.near_full == 22);
  CHECK(t.unevenness == 1);
  CHECK(t.longer_below == 4);
  CHECK(t.extra_line == 1000);
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
  CHECK(l.title_breaking.word_break == 20);
  CHECK(l.title_breaking.inside_word == 1000);
  CHECK(l.title_breaking.near_full == 20);
  CHECK(l.title_breaking.extra_line == 1000);  // in pt, not em
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
  REQUIRE_FALSE(load_layout({"/nonexistent", source_path("layouts")}, "letter", l, diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message ==
        "no layout 'letter'; looked in /nonexistent, " + source_path("layouts"));
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

// ---- errors ----

TEST_CASE("a missing layout attribute or element is an error") {
  const std::string xml = read_source("layouts/gbt9704.xml");
  const std::string root = pos_of(xml, "<layout ");
  CHECK(first_layout_error(replace_once(xml, " thickness=\"1.5pt\"", "")) ==
        "l.xml:" + pos_of(xml, "<separator ") + ": missing attribute thickness on <separator>");
  CHECK(first_layout_error(replace_once(xml, " carry-lines=\"2\"", "")) ==
        "l.xml:" + pos_of(xml, "<signature ") + ": missing attribute carry-lines on <signature>");
  const std::string grid =
      xml.substr(xml.find("<grid "), xml.find("/>", xml.find("<grid ")) + 2 - xml.find("<grid "));
  CHECK(first_layout_error(replace_once(xml, grid, "")) ==
        "l.xml:" + root + ": missing <grid> in <layout>");
  CHECK(first_layout_error(replace_once(xml, "<fallback role=\"fallback\"/>", "")) ==
        "l.xml:" + root + ": missing <fallback> in <layout>");
  CHECK(first_layout_error(replace_once(
            xml, "<heading level=\"4\" role=\"fangsong\" size=\"16pt\" color=\"#000000\"/>", "")) ==
        "l.xml:" + root + ": missing <heading level=\"4\"> in <layout>");
}

TEST_CASE("after merging, what no layout of the lineage gives is missing") {
  const std::string parent =
      replace_once(read_source("layouts/gbt9704.xml"), " offset=\"4mm\"", "");
  const layout_finder find = memory_finder({{"gbt9704", parent}});
  // The child restates the separator but not its offset: the error is at the child's.
  CHECK(first_layout_error(
            "<layout name=\"child\" extends=\"gbt9704\">\n  <separator width=\"150mm\"/>\n"
            "</layout>",
            find) ==
        "l.xml:2:3: missing attribute offset on <separator> in layout 'child' or the layouts it "
        "extends");
  // Without it, at the parent's.
  CHECK(
      first_layout_error("<layout name=\"child\" extends=\"gbt9704\"/>", find) ==
      "gbt9704.xml:" + pos_of(parent, "<separator ") +
          ": missing attribute offset on <separator> in layout 'child' or the layouts it extends");
  const std::string no_fallback =
      replace_once(read_source("layouts/gbt9704.xml"), "<fallback role=\"fallback\"/>", "");
  CHECK(first_layout_error("<layout name=\"child\" extends=\"gbt9704\"/>",
                           memory_finder({{"gbt9704", no_fallback}})) ==
        "l.xml:1:1: missing <fallback> in layout 'child' or the layouts it extends");
}

TEST_CASE("unknown layout elements and attributes are errors") {
  const std::string xml = read_source("layouts/gbt9704.xml");
  CHECK(bad_value("<page width", "<page bleed=\"3mm\" width", "bleed") ==
        "unknown attribute bleed on <page>; expected width or height");
  CHECK(bad_value("<page width", "<seal/><page width") ==
        "unknown element <seal> in <layout>; expected <page>, <type-area>, <grid>, <issuer>, "
        "<doc-number>, <separator>, <title>, <title-breaking>, <addressee>, <body>, <heading>, "
        "<signature>, <page-number> or <fallback>");
  CHECK(bad_value("<heading level=\"1\"", "<heading bold=\"yes\" level=\"1\"", "bold") ==
        "unknown attribute bold on <heading>; expected level, role, size or color");
  CHECK(bad_value("<layout name", "<layout version=\"2\" name", "version") ==
        "unknown attribute version on <layout>; expected name or extends");
}

TEST_CASE("a layout length needs a unit, and em only where the element has a size") {
  CHECK(bad_value("top=\"37mm\"", "top=\"37\"") ==
        "bad length \"37\" in top on <type-area>; expected a number and a unit: \"37mm\" or "
        "\"16pt\"");
  CHECK(bad_value("offset=\"4mm\"", "offset=\"1em\"") ==
        "bad length \"1em\" in offset on <separator>; expected a number and a unit: \"37mm\" or "
        "\"16pt\"");
  CHECK(bad_value("inset=\"1em\"", "inset=\"1 em\"") ==
        "bad length \"1 em\" in inset on <page-number>; expected a number and a unit: \"37mm\", "
        "\"16pt\" or \"1em\" (this element's size)");
  CHECK(bad_value("near-full=\"1em\"", "near-full=\"-1em\"") ==
        "bad length \"-1em\" in near-full on <title-breaking>; expected a number and a unit: "
        "\"37mm\", \"16pt\" or \"1em\" (the size of <title>)");
  CHECK(bad_value("size=\"52pt\"", "size=\"2em\"") ==
        "bad length \"2em\" in size on <issuer>; expected a number and a unit: \"37mm\" or "
        "\"16pt\"");
  CHECK(bad_value("<page width=\"210mm\"", "<page width=\"0mm\"", "width") ==
        "width on <page> must be greater than 0");
  // 0 where the length may be 0.
  CHECK(child_of_gbt9704("<type-area left=\"0mm\"/>").type_area.left == 0);
}

TEST_CASE("bad counts, numbers, colours and names give the expected range") {
  CHECK(bad_value("chars-per-line=\"28\"", "chars-per-line=\"-3\"") ==
        "bad count \"-3\" in chars-per-line on <grid>; expected a whole number from 1 to 200");
  CHECK(bad_value("carry-lines=\"2\"", "carry-lines=\"51\"") ==
        "bad count \"51\" in carry-lines on <signature>; expected a whole number from 0 to 50");
  CHECK(bad_value("max-lines=\"6\"", "max-lines=\"0\"") ==
        "bad count \"0\" in max-lines on <title-breaking>; expected a whole number from 1 to 50");
  CHECK(
      bad_value("min-scale=\"0.5\"", "min-scale=\"0\"") ==
      "bad number \"0\" in min-scale on <issuer>; expected a number greater than 0 and at most 1");
  CHECK(bad_value("gap-ratio=\"0.875\"", "gap-ratio=\"7/8\"") ==
        "bad number \"7/8\" in gap-ratio on <grid>; expected a number at least 0 and at most 10");
  CHECK(bad_value("near-full-ratio=\"0.95\"", "near-full-ratio=\"1.5\"") ==
        "bad number \"1.5\" in near-full-ratio on <title-breaking>; expected a number greater than "
        "0 and at most 1");
  CHECK(bad_value("search-limit=\"100000\"", "search-limit=\"0.5\"") ==
        "bad number \"0.5\" in search-limit on <title-breaking>; expected a number at least 1");
  CHECK(bad_value("longer-below=\"4\"", "longer-below=\"-4\"") ==
        "bad number \"-4\" in longer-below on <title-breaking>; expected a number at least 0");
  CHECK(bad_value("color=\"#FF0000\" width", "color=\"red\" width") ==
        "bad colour \"red\" in color on <separator>; expected \"#RRGGBB\", e.g. \"#FF0000\"");
  CHECK(bad_value("color=\"#FF0000\" top", "color=\"#FF00\" top") ==
        "bad colour \"#FF00\" in color on <issuer>; expected \"#RRGGBB\", e.g. \"#FF0000\"");
  CHECK(bad_value("role=\"hei\"", "role=\"Hei\"") ==
        "bad name \"Hei\" in role on <heading>; expected lower-case letters, digits, - and _");
  CHECK(bad_value("<fallback role=\"fallback\"", "<fallback role=\"\"", "role") ==
        "bad name \"\" in role on <fallback>; expected lower-case letters, digits, - and _");
  CHECK(bad_value("<layout name=\"gbt9704\"", "<layout name=\"GB\"", "name") ==
        "bad name \"GB\" in name on <layout>; expected lower-case letters, digits, - and _");
}

TEST_CASE("the page-number format holds {n} exactly once") {
  CHECK(bad_value("format=\"— {n} —\"", "format=\"— n —\"") ==
        "bad pattern \"— n —\" in format on <page-number>; expected text with {n} once, e.g. \"— "
        "{n} —\"");
  CHECK(bad_value("format=\"— {n} —\"", "format=\"{n}{n}\"") ==
        "bad pattern \"{n}{n}\" in format on <page-number>; expected text with {n} once, e.g. \"— "
        "{n} —\"");
}

TEST_CASE("bad texts and choices name what is allowed") {
  CHECK(bad_value("free-before=\"关于\"", "free-before=\"\"") ==
        "bad text \"\" in free-before on <title-breaking>; expected non-empty text");
  CHECK(bad_value("odd=\"right\"", "odd=\"outer\"") ==
        "bad choice \"outer\" in odd on <page-number>; expected left or right");
  CHECK(bad_value("first-page=\"yes\"", "first-page=\"true\"") ==
        "bad choice \"true\" in first-page on <page-number>; expected yes or no");
  CHECK(bad_value("profile=\"gb-exact\"", "profile=\"word-compat\"") ==
        "unsupported grid profile \"word-compat\"; expected gb-exact");
  const layout_spec l =
      child_of_gbt9704("<page-number odd=\"left\" even=\"right\" first-page=\"no\"/>");
  CHECK(l.page_number.odd == side::left);
  CHECK(l.page_number.even == side::right);
  CHECK_FALSE(l.page_number.first_page);
  CHECK(child_of_gbt9704("<title-breaking free-before=\"关于印发\"/>").title_breaking.free_before ==
        "关于印发");
}

TEST_CASE("duplicate elements, heading levels and attributes are errors") {
  CHECK(bad_value("<heading level=\"2\"", "<heading level=\"1\"") ==
        "duplicate <heading level=\"1\"> in <layout>");
  CHECK(bad_value("<fallback role", "<title/><fallback role") ==
        "duplicate <title> in <layout>; only one is allowed");
  CHECK(bad_value("<page width=\"210mm\"", "<page width=\"210mm\" width=\"211mm\"",
                  "width=\"211") == "duplicate attribute width on <page>");
  CHECK(bad_value("<heading level=\"4\"", "<heading level=\"5\"", "level") ==
        "bad count \"5\" in level on <heading>; expected a whole number from 1 to 4");
  CHECK(bad_value("<heading level=\"4\"", "<heading") == "missing attribute level on <heading>");
}

TEST_CASE("layout elements are empty, and <layout> holds elements only") {
  const std::string xml = replace_once(read_source("layouts/gbt9704.xml"), "height=\"297mm\"/>",
                                       "height=\"297mm\">a4</page>");
  CHECK(first_layout_error(xml) ==
        "l.xml:" + pos_of(xml, "a4") + ": <page> must be empty; its values are attributes");
  CHECK(bad_value("<page width", "A4 <page width") ==
        "text is not allowed in <layout>; expected elements");
  CHECK(first_layout_error("<format name=\"x\"/>") ==
        "l.xml:1:1: expected root element <layout>, found <format>");
  CHECK(first_layout_error("<layout name=\"x\"/><layout name=\"y\"/>") ==
        "l.xml:1:19: only one root element is allowed; found <layout> after <layout>");
  CHECK(first_layout_error("<layout/>") == "l.xml:1:1: missing attribute name on <layout>");
  CHECK(first_layout_error("<layout name=\"x\">").find("l.xml:1:") == 0);
  CHECK(first_layout_error("<layout name=\"x\">").find("malformed XML: ") != std::string::npos);
}

TEST_CASE("the type area must fit on the page") {
  const std::string xml = read_source("layouts/gbt9704.xml");
  const std::string at = "l.xml:" + pos_of(xml, "<type-area ") + ": ";
  CHECK(first_layout_error(replace_once(xml, "left=\"28mm\"", "left=\"60mm\"")) ==
        at + "the type area does not fit on the page");
  CHECK(first_layout_error(replace_once(xml, "height=\"225mm\"", "height=\"270mm\"")) ==
        at + "the type area does not fit on the page");
  // A child making the page narrower: the error is at the child's value.
  const std::string child =
      "<layout name=\"child\" extends=\"gbt9704\">\n  <page width=\"148mm\"/>\n</layout>";
  CHECK(
      first_layout_error(child, memory_finder({{"gbt9704", read_source("layouts/gbt9704.xml")}})) ==
      "l.xml:2:9: the type area does not fit on the page");
}

TEST_CASE("a missing layout file is an error naming the path and the reason") {
  layout_spec l;
  diagnostics diags;
  REQUIRE_FALSE(load_layout_file("/nonexistent/x.xml", l, diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "cannot open /nonexistent/x.xml: No such file or directory");
}

TEST_CASE("a failed parse leaves the output untouched") {
  layout_spec l = gbt9704();
  diagnostics diags;
  CHECK_FALSE(parse_layout("<layout name=\"x\"/>", "l.xml", l, diags));
  CHECK(l.name == "gbt9704");
  CHECK(l.page.width > 0);
}
