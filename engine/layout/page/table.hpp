// SPDX-License-Identifier: Apache-2.0
#pragma once
// Tables of a body (common practice; spec §5.5), set into pieces that
// paginate places: the caption and unit rows on the body grid, the header
// rows, and the row groups (rows a rowspan binds), each cell with its lines
// relative to the piece's top. Paginate breaks the table between groups,
// repeats the header under a 续表 line, and returns to the grid after it.
#include <string>
#include <utility>
#include <vector>

#include "frames/frames.hpp"

namespace hongtou::layout {

/// A cell of a piece: its box and its text lines.
struct piece_cell {
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;      // its box; y relative to the piece's top
  std::vector<std::vector<glyph_run>> lines;  // x final; em tops from 0, one pitch apart
  double text_height = 0;    // from the first line's em top to the last one's em bottom
  bool top_aligned = false;  // the part of a cell broken over pages: its text from the top
};

/// A part of a table placed as a whole.
struct table_piece {
  double height = 0;         // pt
  std::vector<double> rows;  // the tops of its rows after the first, relative to its top
  std::vector<piece_cell> cells;
};

/// A table set for pagination.
struct table_layout {
  std::vector<std::vector<glyph_run>> lead;  // the caption and unit lines, one body row each
  std::vector<double> lead_offset;           // per lead line: its em top below its row's
  std::vector<glyph_run> continued;          // the 续表 line over a continued part; empty: none
  double continued_offset = 0;
  table_piece header;  // height 0: no header rows
  bool repeat_header = true;
  std::vector<table_piece> groups;
  double left = 0, width = 0;  // the frame, pt
  double rule = 0, outer = 0, header_rule = 0;
  double size = 0, pitch = 0;  // the cells' text size and line pitch
  double padding = 0;          // above and below a cell's text
  device_color color;
  double gap = 0;  // from a lead (or 续表) row's cell bottom to the frame's top
};

/// Where paginate put a table on one page.
struct table_segment {
  int page = 0;
  int first_row = 0;           // the row of its first lead (or 续表) line; 0 when none
  bool continued = false;      // a continued part: the 续表 line, not the lead lines
  double top = 0, bottom = 0;  // the frame's top and bottom, pt from the page's top
  double header_bottom = -1;   // where the header rule goes; < 0: none
  std::vector<std::pair<table_piece, double>> pieces;  // with their tops
};

/// Where to split a piece taller than the room left on a page (`room`): at
/// its lowest row boundary that fits; else (one row taller than a page,
/// `inside_row`) at `room`, each cell's lines going on below. < 0 when not
/// one line of a cell fits above.
double split_cut(const table_layout& t, const table_piece& piece, double room, bool& inside_row);

/// Splits `piece` at `cut` (split_cut's): it keeps the upper part, `rest`
/// gets the lower; a rowspan cell over a row boundary is shown in both, its
/// text repeated where it fits.
void split_at(const table_layout& t, table_piece& piece, double cut, bool inside_row,
              table_piece& rest);

/// A placed piece's text and lines into a page: its top at `top`, in a
/// part of the table whose frame starts at `frame_top`.
void emit_piece(const table_layout& t, const table_piece& piece, double top, double frame_top,
                page& pg);

/// A line of a table as a filled rectangle: horizontal (y0 == y1) centred on
/// y0 and reaching over the joints at its ends, else vertical centred on x0.
filled_rect table_line(double x0, double x1, double y0, double y1, double width,
                       const device_color& color);

}  // namespace hongtou::layout
