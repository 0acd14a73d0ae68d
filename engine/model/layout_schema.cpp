// SPDX-License-Identifier: Apache-2.0
// The vocabulary of layout files (docs/model.md, "Layout files"): one entry
// per element, one per attribute, each with its type, range and field. A new
// element or attribute is one entry here plus its field in layout_spec.
#include "model/layout_schema.hpp"

#include <cmath>
#include <limits>

#include "core/number.hpp"
#include "model/layout_values.hpp"

namespace hongtou::model::detail {
namespace {

using spec = layout_spec;
constexpr lower_bound zero = lower_bound::zero, positive = lower_bound::positive;
constexpr double unbounded = std::numeric_limits<double>::infinity();
constexpr int most_rows = 50;  // rows and cells an element may skip or indent

/// An element without a text style whose lengths count em in the size of
/// em_from (nullptr: no em).
element_def measured_by(const char* em_from, const char* name, std::vector<attr_def> attrs) {
  return {name, em_from, /*key=*/nullptr, 0, 0, std::move(attrs)};
}

/// An element without a text style: lengths take no em.
element_def plain(const char* name, std::vector<attr_def> attrs) {
  return measured_by(/*em_from=*/nullptr, name, std::move(attrs));
}

/// An element with a text style (role, size, color) and more: 1em = its size.
element_def styled_element(const char* name, field<text_style> style, std::vector<attr_def> more) {
  return {name, /*em_from=*/name, /*key=*/nullptr, 0, 0, styled(std::move(style), std::move(more))};
}

// Word's 指定行和字符网格 for the GB/T 9704 type area: linePitch 579 twips
// = 28.95 pt, 637.8 pt ÷ 22 truncated to whole twips (spec §2.3).
constexpr double word_line_pitch = 579.0 / 20;

// <grid> (GB/T 9704-2012 5.2.3): pitch only with profile="fixed", which
// needs it (a pitch a farther layout gave for a profile a nearer one
// replaced is dropped); a fixed pitch at least the body size, so that the
// centred em boxes stay in their rows; the rows of a word-compat or fixed
// grid inside the type area's height. Sets grid.pitch (0 for gb-exact).
void check_grid(const element_values& e, spec& l, layout_errors& errors) {
  const raw_value* pitch = e.value("pitch");
  const raw_value* profile = e.value("profile");
  const bool fixed = l.grid.profile == grid_profile::fixed;
  if (fixed && !pitch) {
    errors.add(e.where, "missing attribute pitch on <grid>" + e.in +
                            "; profile=\"fixed\" needs it: the row pitch, e.g. pitch=\"28pt\"");
    return;
  }
  if (!fixed && pitch && pitch->depth <= profile->depth) {
    const std::string only = "pitch on <grid> is allowed only with profile=\"fixed\", not with ";
    errors.add(pitch->where,
               only + "profile=\"" + profile->text + "\"; remove it or set profile=\"fixed\"");
    return;
  }
  if (l.grid.profile == grid_profile::gb_exact) {
    l.grid.pitch = 0;
    return;
  }
  if (!fixed) l.grid.pitch = word_line_pitch;
  if (fixed && l.grid.pitch < l.body.style.size - 1e-9) {
    const std::string body = compact(l.body.style.size, 2) + "pt";
    errors.add(pitch->where, "bad length \"" + pitch->text + "\" in pitch on <grid>; expected " +
                                 "at least the body size (" + body + "), or the rows overlap");
    return;
  }
  const int n = l.grid.lines_per_page;
  const double height = l.type_area.height;
  if (n * l.grid.pitch <= height + 1e-6) return;
  const std::string rows = std::to_string(n) + " rows of " + compact(l.grid.pitch, 3) + "pt (" +
                           compact(n * l.grid.pitch, 2) +
                           "pt) do not fit in the type area's height of " + compact(height, 2) +
                           "pt";
  if (fixed)
    errors.add(pitch->where, rows + "; expected a pitch of at most " +
                                 compact(std::floor(height / n * 100) / 100, 2) +
                                 "pt for lines-per-page=\"" + std::to_string(n) + "\"");
  else
    errors.add(e.value("lines-per-page")->where,
               rows + "; expected lines-per-page of at most " +
                   std::to_string(static_cast<int>(std::floor(height / l.grid.pitch + 1e-9))) +
                   " with profile=\"word-compat\", or profile=\"fixed\" with a smaller pitch");
}

// The page, the type area and the grid.
void add_page(std::vector<element_def>& s) {
  s.push_back(plain(
      "page", {length("width", positive, [](spec& l) -> double& { return l.page.width; }),
               length("height", positive, [](spec& l) -> double& { return l.page.height; })}));
  s.push_back(
      plain("type-area",
            {length("top", zero, [](spec& l) -> double& { return l.type_area.top; }),
             length("left", zero, [](spec& l) -> double& { return l.type_area.left; }),
             length("width", positive, [](spec& l) -> double& { return l.type_area.width; }),
             length("height", positive, [](spec& l) -> double& { return l.type_area.height; })}));
  element_def grid = plain(
      "grid",
      {choice<grid_profile>("profile",
                            {{"gb-exact", grid_profile::gb_exact},
                             {"word-compat", grid_profile::word_compat},
                             {"fixed", grid_profile::fixed}},
                            [](spec& l) -> grid_profile& { return l.grid.profile; }),
       count("chars-per-line", 1, 200, [](spec& l) -> int& { return l.grid.chars_per_line; }),
       count("lines-per-page", 1, 200, [](spec& l) -> int& { return l.grid.lines_per_page; }),
       number("gap-ratio", 0, 10, /*lo_open=*/false,
              [](spec& l) -> double& { return l.grid.gap_ratio; }),
       optional_attr(length("pitch", positive, [](spec& l) -> double& { return l.grid.pitch; }))});
  grid.check = check_grid;
  s.push_back(std::move(grid));
}

// How the lines of grid text break (the words a number keeps) and 标点挤压.
void add_line_breaking(std::vector<element_def>& s) {
  s.push_back(plain(
      "line-breaking",
      {text("units", [](spec& l) -> std::string& { return l.line_breaking.units; }),
       text("roman-units", [](spec& l) -> std::string& { return l.line_breaking.roman_units; }),
       yes_no("squeeze-punctuation",
              [](spec& l) -> bool& { return l.line_breaking.squeeze_punctuation; }),
       yes_no("widow-control", [](spec& l) -> bool& { return l.line_breaking.widow_control; }),
       yes_no("push-in", [](spec& l) -> bool& { return l.line_breaking.push_in; }),
       yes_no("hanging-punctuation",
              [](spec& l) -> bool& { return l.line_breaking.hanging_punctuation; })}));
}

// The 版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, separator.
void add_header(std::vector<element_def>& s) {
  s.push_back(styled_element(
      "copy-number", [](spec& l) -> text_style& { return l.copy_number.style; },
      {count("row", 1, most_rows, [](spec& l) -> int& { return l.copy_number.row; })}));
  s.push_back(styled_element(
      "classification", [](spec& l) -> text_style& { return l.classification.style; },
      {count("row", 1, most_rows, [](spec& l) -> int& { return l.classification.row; })}));
  s.push_back(
      styled_element("urgency", [](spec& l) -> text_style& { return l.urgency.style; }, {}));
  s.push_back(styled_element(
      "issuer", [](spec& l) -> text_style& { return l.issuer.style; },
      {length("top", zero, [](spec& l) -> double& { return l.issuer.top; }),
       yes_no("top-from-paper", [](spec& l) -> bool& { return l.issuer.top_from_paper; }),
       length("max-width", positive, [](spec& l) -> double& { return l.issuer.max_width; }),
       number("min-scale", 0, 1, /*lo_open=*/true,
              [](spec& l) -> double& { return l.issuer.min_scale; }),
       length("joint-line-pitch", positive,
              [](spec& l) -> double& { return l.issuer.joint_line_pitch; }),
       length("suffix-gap", zero, [](spec& l) -> double& { return l.issuer.suffix_gap; })}));
  s.push_back(plain(
      "letterhead",
      {yes_no("shown", [](spec& l) -> bool& { return l.letterhead.shown; }),
       colour("color", [](spec& l) -> device_color& { return l.letterhead.color; }),
       length("width", positive, [](spec& l) -> double& { return l.letterhead.width; }),
       length("thick", positive, [](spec& l) -> double& { return l.letterhead.thick; }),
       length("thin", positive, [](spec& l) -> double& { return l.letterhead.thin; }),
       length("gap", zero, [](spec& l) -> double& { return l.letterhead.gap; }),
       length("below-mark", zero, [](spec& l) -> double& { return l.letterhead.below_mark; }),
       length("above-bottom", zero, [](spec& l) -> double& { return l.letterhead.above_bottom; }),
       length("text-gap", zero, [](spec& l) -> double& { return l.letterhead.text_gap; })}));
  s.push_back(styled_element("doc-number",
                             [](spec& l) -> text_style& { return l.doc_number.style; },
                             {count("rows-before", 0, most_rows,
                                    [](spec& l) -> int& { return l.doc_number.rows_before; })}));
  s.push_back(styled_element(
      "signer", [](spec& l) -> text_style& { return l.signer.style; },
      {text("label", [](spec& l) -> std::string& { return l.signer.label; }),
       role("label-role", [](spec& l) -> std::string& { return l.signer.label_role; }),
       count("right-indent", 0, most_rows, [](spec& l) -> int& { return l.signer.right_indent; }),
       count("per-row", 1, 10, [](spec& l) -> int& { return l.signer.per_row; }),
       length("gap", zero, [](spec& l) -> double& { return l.signer.gap; }),
       count("doc-number-indent", 0, most_rows,
             [](spec& l) -> int& { return l.signer.doc_number_indent; })}));
  s.push_back(plain(
      "separator",
      {yes_no("shown", [](spec& l) -> bool& { return l.separator.shown; }),
       colour("color", [](spec& l) -> device_color& { return l.separator.color; }),
       length("width", positive, [](spec& l) -> double& { return l.separator.width; }),
       length("thickness", positive, [](spec& l) -> double& { return l.separator.thickness; }),
       length("offset", zero, [](spec& l) -> double& { return l.separator.offset; })}));
  s.push_back(styled_element(
      "separator-star", [](spec& l) -> text_style& { return l.separator_star.style; },
      {yes_no("shown", [](spec& l) -> bool& { return l.separator_star.shown; }),
       length("gap", zero, [](spec& l) -> double& { return l.separator_star.gap; })}));
  s.push_back(
      plain("normalising",
            {yes_no("punctuation", [](spec& l) -> bool& { return l.normalising.punctuation; }),
             yes_no("quotes", [](spec& l) -> bool& { return l.normalising.quotes; }),
             yes_no("doc-number", [](spec& l) -> bool& { return l.normalising.doc_number; })}));
}

// The title and how its lines are broken; em on <title-breaking> is the title's size.
void add_title(std::vector<element_def>& s) {
  s.push_back(styled_element(
      "title", [](spec& l) -> text_style& { return l.title.style; },
      {yes_no("required", [](spec& l) -> bool& { return l.title.required; }),
       length("line-pitch", positive, [](spec& l) -> double& { return l.title.line_pitch; }),
       count("rows-before", 0, most_rows, [](spec& l) -> int& { return l.title.rows_before; })}));
  s.push_back(measured_by(
      "title", "title-breaking",
      {count("max-lines", 1, most_rows, [](spec& l) -> int& { return l.title_breaking.max_lines; }),
       count("extra-lines", 0, most_rows,
             [](spec& l) -> int& { return l.title_breaking.extra_lines; }),
       number("search-limit", 1, unbounded, /*lo_open=*/false,
              [](spec& l) -> double& { return l.title_breaking.search_limit; }),
       text("free-before", [](spec& l) -> std::string& { return l.title_breaking.free_before; }),
       text("natural-after",
            [](spec& l) -> std::string& { return l.title_breaking.natural_after; }),
       text("natural-before",
            [](spec& l) -> std::string& { return l.title_breaking.natural_before; }),
       text("leads", [](spec& l) -> std::string& { return l.title_breaking.leads; }),
       length("natural", zero, [](spec& l) -> double& { return l.title_breaking.natural; }),
       text("kinds", [](spec& l) -> std::string& { return l.title_breaking.kinds; }),
       text("particle", [](spec& l) -> std::string& { return l.title_breaking.particle; }),
       text("suffixes", [](spec& l) -> std::string& { return l.title_breaking.suffixes; }),
       text("terms", [](spec& l) -> std::string& { return l.title_breaking.terms; }),
       text("note-open", [](spec& l) -> std::string& { return l.title_breaking.note_open; }),
       length("word-break", zero, [](spec& l) -> double& { return l.title_breaking.word_break; }),
       length("inside-word", zero, [](spec& l) -> double& { return l.title_breaking.inside_word; }),
       number("near-full-ratio", 0, 1, /*lo_open=*/true,
              [](spec& l) -> double& { return l.title_breaking.near_full_ratio; }),
       length("near-full", zero, [](spec& l) -> double& { return l.title_breaking.near_full; }),
       number("unevenness", 0, unbounded, /*lo_open=*/false,
              [](spec& l) -> double& { return l.title_breaking.unevenness; }),
       number("longer-below", 0, unbounded, /*lo_open=*/false,
              [](spec& l) -> double& { return l.title_breaking.longer_below; }),
       length("hourglass", zero, [](spec& l) -> double& { return l.title_breaking.hourglass; }),
       length("extra-line", zero,
              [](spec& l) -> double& { return l.title_breaking.extra_line; })}));
}

// The 主体: 主送机关, 正文 and its headings, 署名 and 成文日期.
void add_body(std::vector<element_def>& s) {
  s.push_back(styled_element("addressee", [](spec& l) -> text_style& { return l.addressee.style; },
                             {count("rows-before", 0, most_rows,
                                    [](spec& l) -> int& { return l.addressee.rows_before; })}));
  s.push_back(styled_element(
      "body", [](spec& l) -> text_style& { return l.body.style; },
      {count("rows-before", 0, most_rows, [](spec& l) -> int& { return l.body.rows_before; }),
       count("first-line-indent", 0, most_rows,
             [](spec& l) -> int& { return l.body.first_line_indent; })}));
  s.push_back({"heading", /*em_from=*/"heading", /*key=*/"level", 1, 4,
               styled([](spec& l, size_t i) -> text_style& { return l.heading[i].style; },
                      {yes_no("bold", [](spec& l, size_t i) -> bool& { return l.heading[i].bold; }),
                       length("bold-stroke", positive, [](spec& l, size_t i) -> double& {
                         return l.heading[i].bold_stroke;
                       })})});
  s.push_back(styled_element(
      "chapter", [](spec& l) -> text_style& { return l.chapter.style; },
      {count("rows-before", 0, most_rows, [](spec& l) -> int& { return l.chapter.rows_before; }),
       count("rows-after", 0, most_rows, [](spec& l) -> int& { return l.chapter.rows_after; })}));
  s.push_back(styled_element(
      "article", [](spec& l) -> text_style& { return l.article.style; },
      {text("separator", [](spec& l) -> std::string& { return l.article.separator; })}));
  s.push_back(styled_element(
      "attachment-note", [](spec& l) -> text_style& { return l.attachment_note.style; },
      {count("rows-before", 0, most_rows,
             [](spec& l) -> int& { return l.attachment_note.rows_before; }),
       count("indent", 0, most_rows, [](spec& l) -> int& { return l.attachment_note.indent; }),
       text("label", [](spec& l) -> std::string& { return l.attachment_note.label; }),
       pattern("number", "{n}",
               [](spec& l) -> std::string& { return l.attachment_note.number; })}));
  s.push_back(styled_element(
      "attendance", [](spec& l) -> text_style& { return l.attendance.style; },
      {role("label-role", [](spec& l) -> std::string& { return l.attendance.label_role; }),
       count("rows-before", 0, most_rows, [](spec& l) -> int& { return l.attendance.rows_before; }),
       count("indent", 0, most_rows, [](spec& l) -> int& { return l.attendance.indent; }),
       text("colon", [](spec& l) -> std::string& { return l.attendance.colon; })}));
  s.push_back(styled_element(
      "signature", [](spec& l) -> text_style& { return l.signature.style; },
      {count("rows-before", 0, most_rows, [](spec& l) -> int& { return l.signature.rows_before; }),
       count("right-indent", 0, most_rows,
             [](spec& l) -> int& { return l.signature.right_indent; }),
       count("date-offset", 0, most_rows, [](spec& l) -> int& { return l.signature.date_offset; }),
       count("carry-lines", 0, most_rows, [](spec& l) -> int& { return l.signature.carry_lines; }),
       length("min-pitch", positive, [](spec& l) -> double& { return l.signature.min_pitch; })}));
  s.push_back(plain(
      "seal",
      {length("diameter", positive, [](spec& l) -> double& { return l.seal.diameter; }),
       count("rows-before", 0, most_rows, [](spec& l) -> int& { return l.seal.rows_before; }),
       count("date-right-indent", 0, most_rows,
             [](spec& l) -> int& { return l.seal.date_right_indent; }),
       number("lift", 0, 0.5, /*lo_open=*/false, [](spec& l) -> double& { return l.seal.lift; }),
       length("gap", positive, [](spec& l) -> double& { return l.seal.gap; }),
       count("per-row", 1, 10, [](spec& l) -> int& { return l.seal.per_row; })}));
  s.push_back(plain(
      "signer-seal",
      {length("height", positive, [](spec& l) -> double& { return l.signer_seal.height; }),
       count("rows-before", 0, most_rows,
             [](spec& l) -> int& { return l.signer_seal.rows_before; }),
       count("right-indent", 0, most_rows,
             [](spec& l) -> int& { return l.signer_seal.right_indent; }),
       count("office-gap", 0, most_rows, [](spec& l) -> int& { return l.signer_seal.office_gap; }),
       count("date-rows", 0, most_rows, [](spec& l) -> int& { return l.signer_seal.date_rows; }),
       count("date-right-indent", 0, most_rows,
             [](spec& l) -> int& { return l.signer_seal.date_right_indent; })}));
  s.push_back(
      styled_element("note", [](spec& l) -> text_style& { return l.note.style; },
                     {count("indent", 0, most_rows, [](spec& l) -> int& { return l.note.indent; }),
                      text("open", [](spec& l) -> std::string& { return l.note.open; }),
                      text("close", [](spec& l) -> std::string& { return l.note.close; })}));
}

// 附件 as documents of their own.
void add_attachment(std::vector<element_def>& s) {
  s.push_back(styled_element(
      "attachment-label", [](spec& l) -> text_style& { return l.attachment_label.style; },
      {text("text", [](spec& l) -> std::string& { return l.attachment_label.text; }),
       pattern("number", "{n}",
               [](spec& l) -> std::string& { return l.attachment_label.number; })}));
  s.push_back(styled_element(
      "attachment-title", [](spec& l) -> text_style& { return l.attachment_title.style; },
      {count("row", 1, most_rows, [](spec& l) -> int& { return l.attachment_title.row; }),
       count("rows-after", 0, most_rows,
             [](spec& l) -> int& { return l.attachment_title.rows_after; })}));
  s.push_back(styled_element(
      "caption", [](spec& l) -> text_style& { return l.caption.style; },
      {count("rows-before", 0, most_rows, [](spec& l) -> int& { return l.caption.rows_before; })}));
  s.push_back(styled_element(
      "contents", [](spec& l) -> text_style& { return l.contents.style; },
      {text_or_none("heading", [](spec& l) -> std::string& { return l.contents.heading; }),
       role("heading-role", [](spec& l) -> std::string& { return l.contents.heading_role; }),
       count("rows-before", 0, most_rows, [](spec& l) -> int& { return l.contents.rows_before; }),
       yes_no("centred", [](spec& l) -> bool& { return l.contents.centred; }),
       count("indent", 0, most_rows, [](spec& l) -> int& { return l.contents.indent; })}));
  s.push_back(styled_element(
      "table", [](spec& l) -> text_style& { return l.table.style; },
      {role("header-role", [](spec& l) -> std::string& { return l.table.header_role; }),
       number("line-height", 1, 3, /*lo_open=*/false,
              [](spec& l) -> double& { return l.table.line_height; }),
       length("padding-x", zero, [](spec& l) -> double& { return l.table.padding_x; }),
       length("padding-y", zero, [](spec& l) -> double& { return l.table.padding_y; }),
       length("rule", positive, [](spec& l) -> double& { return l.table.rule; }),
       length("outer-rule", positive, [](spec& l) -> double& { return l.table.outer_rule; }),
       length("header-rule", positive, [](spec& l) -> double& { return l.table.header_rule; }),
       colour("rule-color", [](spec& l) -> device_color& { return l.table.rule_color; }),
       yes_no("repeat-header", [](spec& l) -> bool& { return l.table.repeat_header; }),
       text_or_none("continued", [](spec& l) -> std::string& { return l.table.continued; })}));
  s.push_back(styled_element(
      "table-caption", [](spec& l) -> text_style& { return l.table_caption.style; },
      {length("gap", zero, [](spec& l) -> double& { return l.table_caption.gap; })}));
  s.push_back(plain("forwarded", {count("title-row", 1, most_rows,
                                        [](spec& l) -> int& { return l.forwarded.title_row; })}));
}

// The 版记.
void add_imprint(std::vector<element_def>& s) {
  s.push_back(styled_element(
      "imprint", [](spec& l) -> text_style& { return l.imprint.style; },
      {length("inset", zero, [](spec& l) -> double& { return l.imprint.inset; }),
       text("to-label", [](spec& l) -> std::string& { return l.imprint.to_label; }),
       text("cc-label", [](spec& l) -> std::string& { return l.imprint.cc_label; }),
       text("date-suffix", [](spec& l) -> std::string& { return l.imprint.date_suffix; }),
       colour("rule-color", [](spec& l) -> device_color& { return l.imprint.rule_color; }),
       length("rule-width", positive, [](spec& l) -> double& { return l.imprint.rule_width; }),
       length("outer-rule", positive, [](spec& l) -> double& { return l.imprint.outer_rule; }),
       length("inner-rule", positive, [](spec& l) -> double& { return l.imprint.inner_rule; }),
       yes_no("even-page", [](spec& l) -> bool& { return l.imprint.even_page; }),
       yes_no("rules", [](spec& l) -> bool& { return l.imprint.rules; }),
       yes_no("printer", [](spec& l) -> bool& { return l.imprint.printer; })}));
}

// The page number, and the fallback and Latin font roles.
void add_page_number(std::vector<element_def>& s) {
  // 7.5: odd pages right, even pages left (outer sides); or centred under
  // the type area (common for 纪要 and letters, and some organisations' rule).
  const std::vector<std::pair<const char*, side>> sides = {
      {"left", side::left}, {"right", side::right}, {"centre", side::centre}};
  s.push_back(styled_element(
      "page-number", [](spec& l) -> text_style& { return l.page_number.style; },
      {length("below", zero, [](spec& l) -> double& { return l.page_number.below; }),
       length("inset", zero, [](spec& l) -> double& { return l.page_number.inset; }),
       pattern("format", "{n}", [](spec& l) -> std::string& { return l.page_number.format; }),
       choice<side>("odd", sides, [](spec& l) -> side& { return l.page_number.odd; }),
       choice<side>("even", sides, [](spec& l) -> side& { return l.page_number.even; }),
       yes_no("first-page", [](spec& l) -> bool& { return l.page_number.first_page; })}));
  s.push_back(
      plain("fallback", {role("role", [](spec& l) -> std::string& { return l.fallback_role; })}));
  s.push_back(plain(
      "latin",
      {role_or_none("role", [](spec& l) -> std::string& { return l.latin.role; }),
       role_list("roles", [](spec& l) -> std::vector<std::string>& { return l.latin.roles; })}));
}

}  // namespace

const std::vector<element_def>& layout_schema() {
  static const std::vector<element_def> schema = [] {
    std::vector<element_def> s;
    add_page(s);
    add_line_breaking(s);
    add_header(s);
    add_title(s);
    add_body(s);
    add_attachment(s);
    add_imprint(s);
    add_page_number(s);
    return s;
  }();
  return schema;
}

const element_def* find_element(std::string_view name) {
  for (const element_def& e : layout_schema())
    if (name == e.name) return &e;
  return nullptr;
}

}  // namespace hongtou::model::detail
