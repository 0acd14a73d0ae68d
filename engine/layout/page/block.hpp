// SPDX-License-Identifier: Apache-2.0
#pragma once
// Blocks: what flow hands paginate. A block is one 公文 element (or one
// paragraph of it) with its lines already set horizontally, how it is placed
// vertically, and the keep and break rules that bind it to its neighbours.
#include <memory>
#include <string>
#include <vector>

#include "frames/frames.hpp"
#include "layout/grid/grid.hpp"
#include "layout/page/table.hpp"
#include "model/document.hpp"

namespace hongtou::layout {

/// How a block is placed vertically.
enum class placement {
  fixed,   // at a fixed distance from what is above it: its runs and rules carry their final y
  grid,    // on the rows of the body grid: emit sets each line's y from its row
  bottom,  // on the foot of the type area of the last page (版记): its runs and rules carry
           // their final y; paginate chooses the page
  table,   // a table: paginate places its pieces (table.hpp), then the grid goes on below it
};

/// One line of a block: runs with their final x.
struct block_line {
  std::vector<glyph_run> runs;
  // How the line was broken (grid text; frames::layout_stats counts them).
  bool pushed_in = false, pushed_out = false, hangs = false;
  bool one_char_last = false;  // a paragraph's last line of one character and its marks
};

struct block {
  element role = element::body;
  placement place = placement::grid;
  std::vector<block_line> lines;
  std::vector<rule> rules;    // fixed and bottom blocks: rules with their final position
  double top = 0;             // bottom blocks: the top of what they cover, pt from the page top
  std::vector<image> images;  // seals; in grid blocks y is relative to the first line's em top
  double below = 0;           // grid blocks: how far images reach below the last line's cell, pt

  // Grid blocks: where the first line goes.
  int at_row = 0;       // > 0: this row of the current page (the first row below fixed blocks)
  int rows_before = 0;  // otherwise: empty rows after the previous grid block
  double y_offset = 0;  // added to each line's row top (a title's larger type centred on its row)

  bool keep_with_next = false;  // its last line shares a page with the next block's first line
  bool keep_together = false;   // all its lines on one page
  bool break_before = false;    // it starts a new page
  bool carriable = false;       // its lines may go to the next page with a block that must not
                                // stand alone there
  int carry_lines = 0;  // > 0: it must not stand alone on a page: when it does not fit, this many
                        // lines of carriable blocks go to the next page with it
  std::string outline;  // text of its outline entry (level-1 headings); empty = none
  std::shared_ptr<const table_layout> table;  // placement::table
  model::source_pos pos;
};

/// Where paginate put one line: page index (0-based) and grid row (1-based;
/// 0 for lines of fixed blocks).
struct line_place {
  int page = 0;
  int row = 0;
};

/// A page whose rows close up so that a signature fits (GB/T 9704-2012
/// 7.3.5.5): from row `from` on, rows are `pitch` apart instead of the grid's.
struct tightening {
  int from = 0;  // 0: the page keeps the grid
  double pitch = 0;
};

/// What paginate hands emit: the page of every block and line.
struct pagination {
  int pages = 0;
  std::vector<int> block_page;                     // per block: the page it starts on
  std::vector<std::vector<line_place>> at;         // per block, per line
  std::vector<int> unnumbered;                     // pages (0-based) that show no page number
  bool body_on_first_page = true;                  // false: page 1 shows no body text (7.3.3)
  std::vector<tightening> tight;                   // per page
  std::vector<std::vector<table_segment>> tables;  // per block: a table's parts, page by page

  /// The em-box top of a grid row of a page, pt from the page's top.
  double row_top(const grid& g, int page, int row) const {
    const size_t p = static_cast<size_t>(page);
    if (p >= tight.size() || tight[p].from == 0 || row <= tight[p].from) return g.row_top(row);
    return g.row_top(tight[p].from) + (row - tight[p].from) * tight[p].pitch;
  }
};

}  // namespace hongtou::layout
