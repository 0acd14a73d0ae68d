#pragma once
// layout_spec: the numbers of a format (layouts/*.xml) — page, margins,
// grid and element styles. All lengths are in points, converted from the
// units written in the data file ("37mm", "16pt").
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace hongtou::model {

struct rgb {
  double r = 0, g = 0, b = 0;  // 0..1
  bool operator==(const rgb& o) const { return r == o.r && g == o.g && b == o.b; }
};

/// Style of one text element: font role, size, colour.
struct text_style {
  std::string
      role;  // font role of fonts/fonts.xml: fangsong, xiaobiaosong, hei, kai, songti-digits
  double size = 16;  // pt
  rgb color;
};

struct layout_spec {
  std::string name;

  // spec §2.1 page and type area
  double page_width = 0, page_height = 0;
  double margin_top = 0, margin_left = 0;
  double area_width = 0, area_height = 0;

  // spec §2.3 grid
  std::string grid_profile;  // gb-exact
  int chars_per_line = 28;
  int lines_per_page = 22;
  double gap_ratio = 0.875;  // gap between glyph rows / cell
  /// Cell (character pitch): area_width / chars_per_line.
  double cell() const { return area_width / chars_per_line; }
  /// Row pitch: cell · (1 + gap_ratio).
  double pitch() const { return cell() * (1.0 + gap_ratio); }

  // spec §4 header
  text_style issuer;
  double issuer_top = 0;          // glyph top below the type-area top
  double issuer_max_width = 0;    // widest the mark may be
  double issuer_min_scale = 0.5;  // narrowest horizontal scale before shrinking the size
  text_style doc_number;
  int doc_number_rows_before = 2;  // empty rows between mark and 发文字号
  rgb separator_color;
  double separator_width = 0;
  double separator_thickness = 0;
  double separator_offset = 0;  // below the 发文字号 glyph bottom

  // spec §5 body
  text_style title;
  double title_line_pitch = 0;
  int title_rows_before = 2;  // empty rows below the red line
  text_style addressee;
  int addressee_rows_before = 1;  // empty rows below the title
  int body_rows_before = 1;       // empty rows below the title when there is no addressee
  text_style body;
  int first_line_indent = 2;  // cells
  text_style heading[4];      // levels 1..4 (index 0..3)

  // spec §5.3 case C
  text_style signature;
  int signature_rows_before = 1;   // empty rows between body and 署名
  int signature_right_indent = 2;  // cells (右空二字)
  int date_offset = 2;             // date's first char is this many cells right of the name's

  // spec §8 page numbers
  text_style page_number;
  double page_number_below = 0;    // dash centre below the type-area bottom
  double page_number_inset = 0;    // 空一字, in pt (one character of the page-number size)
  std::string page_number_format;  // "{n}" stands for the number, e.g. "— {n} —"
};

/// Parses a layout definition. On failure returns false with a diagnostic.
bool parse_layout(std::string_view xml, const std::string& source_name, layout_spec& out,
                  diagnostics& diags);

/// Reads and parses a layout file.
bool load_layout(const std::string& path, layout_spec& out, diagnostics& diags);

}  // namespace hongtou::model
