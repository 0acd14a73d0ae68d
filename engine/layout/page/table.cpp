// SPDX-License-Identifier: Apache-2.0
// A table (common practice; spec §5.5) set into pieces (table.hpp): the
// columns' widths, each cell's text broken as body text is (the same
// kinsoku and number rules) inside its cell, aligned, centred vertically in
// its rows; the rows as tall as their tallest cell; the lines between cells.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/units.hpp"
#include "layout/page/flow.hpp"
#include "layout/page/table_columns.hpp"

namespace hongtou::layout {

namespace {

// The lines of one cell, x final, em tops from 0 one pitch apart (y set by
// place_line relative to the cell's first line).
struct set_cell {
  const model::table_cell* cell = nullptr;
  std::vector<std::vector<glyph_run>> lines;
  double height = 0;  // its text's height plus the padding, pt
};

double line_left(const std::vector<glyph_run>& runs) {
  return runs.empty() ? 0 : runs.front().left();
}
double line_right(const std::vector<glyph_run>& runs) {
  return runs.empty() ? 0 : runs.back().right();
}
void shift_x(std::vector<glyph_run>& runs, double dx) {
  for (auto& run : runs)
    for (auto& gl : run.glyphs) gl.x += dx;
}

// The cell's lines, broken inside [x, x + inner] and aligned in it.
set_cell cell_lines(context& ctx, const model::table_cell& cell, const model::text_style& style,
                    element role, double x, double inner, model::cell_align align,
                    double decimal_at) {
  set_cell out;
  out.cell = &cell;
  // Flush-left text is set on whole characters, its block centred in the
  // cell, so that its full lines are not spread by a fraction of a character;
  // and without widow control, whose moved character would spread the line
  // above it over a narrow cell (docs/decisions.md). Lines that are not
  // flush left keep it: a 4-character label breaks 2 + 2, not 3 + 1.
  if (align == model::cell_align::left) {
    const double whole = std::floor(inner / style.size + 1e-6) * style.size;
    if (whole >= style.size) {
      x += (inner - whole) / 2;
      inner = whole;
    }
  }
  size_t from = 0;
  while (from <= cell.text.size()) {
    size_t end = cell.text.find('\n', from);
    if (end == std::string::npos) end = cell.text.size();
    const std::string part = cell.text.substr(from, end - from);
    from = end + 1;
    if (part.empty()) {
      out.lines.emplace_back();
      continue;
    }
    // A number or word wider than the cell is never broken apart, nor set
    // over the cell's side: the column is too narrow, an error.
    const double widest = unbreakable_width(ctx, part, style);
    if (widest > inner + 0.01) {
      char text[220];
      std::snprintf(text, sizeof text,
                    "the text of this cell needs %.1f mm unbroken, but its column leaves %.1f mm "
                    "for it; widen the column (<column width>) or set the table smaller "
                    "(<table size>)",
                    pt_to_mm(widest), pt_to_mm(inner));
      ctx.diags.add(
          {severity::error, ctx.doc.source_name, cell.pos.line, cell.pos.column, text, {}});
    }
    for (auto& l :
         ctx.grid_lines({ctx.piece(part, style, role)}, 0, 0, {cell.pos.line, cell.pos.column},
                        x - ctx.g.left, std::max(inner, widest),
                        /*widow_control=*/align != model::cell_align::left))
      out.lines.push_back(std::move(l.runs));
  }
  for (auto& runs : out.lines) {
    if (runs.empty()) continue;
    if (align != model::cell_align::left) {
      // A line that is not flush left keeps its natural width: set again
      // from its text, unjustified.
      std::string text;
      for (const auto& run : runs)
        for (const auto& gl : run.glyphs) text += gl.text;
      runs = ctx.line_at(text, style, role, x - ctx.g.left, {cell.pos.line, cell.pos.column});
    }
    const double w = line_right(runs) - line_left(runs);
    double dx = 0;
    if (align == model::cell_align::centre) dx = (inner - w) / 2;
    if (align == model::cell_align::right) dx = inner - w;
    if (align == model::cell_align::decimal && decimal_at >= 0)
      dx = decimal_at - decimal_offset(runs);
    shift_x(runs, x + std::max(0.0, dx) - line_left(runs));
  }
  return out;
}

// The rows a rowspan binds together, as [first, last] pairs.
std::vector<std::pair<int, int>> row_groups(const std::vector<model::table_cell>& cells, int rows) {
  std::vector<int> reach(static_cast<size_t>(rows), 0);  // per row: the last row its cells cover
  for (int r = 0; r < rows; ++r) reach[r] = r;
  for (const auto& c : cells) reach[c.row] = std::max(reach[c.row], c.row + c.rowspan - 1);
  std::vector<std::pair<int, int>> groups;
  int first = 0, last = -1;
  for (int r = 0; r < rows; ++r) {
    if (r > last) {
      if (last >= first) groups.emplace_back(first, last);
      first = r;
    }
    last = std::max(last, reach[r]);
  }
  if (rows > 0) groups.emplace_back(first, last);
  return groups;
}

// A section's cells (head or body) set into pieces: one per row group, or one for all.
std::vector<table_piece> section_pieces(context& ctx, const model::table& t,
                                        const std::vector<model::table_cell>& cells, int rows,
                                        bool head, const column_set& cols, bool one_piece) {
  const auto& ts = ctx.spec.table;
  const double size = t.size > 0 ? t.size : ts.style.size;
  const double pitch = size * ts.line_height;
  const model::text_style style{head ? ts.header_role : ts.style.role, size, ts.style.color};
  const element role = head ? element::table_header : element::table_cell;
  std::vector<set_cell> set;
  for (const auto& c : cells) {
    const double x0 = cols.x[static_cast<size_t>(c.column)];
    const double x1 = cols.x[static_cast<size_t>(c.column + c.colspan)];
    const model::cell_align align = cols.align_of(c, head);
    const double decimal_at = align == model::cell_align::decimal && c.colspan == 1
                                  ? cols.decimal_at[static_cast<size_t>(c.column)]
                                  : -1;
    set_cell sc = cell_lines(ctx, c, style, role, x0 + ts.padding_x, x1 - x0 - 2 * ts.padding_x,
                             align, decimal_at);
    const size_t n = std::max<size_t>(1, sc.lines.size());
    sc.height = static_cast<double>(n - 1) * pitch + size + 2 * ts.padding_y;
    set.push_back(std::move(sc));
  }
  // Row heights: the tallest single-row cell; a rowspan's deficit goes to its last row.
  std::vector<double> h(static_cast<size_t>(rows), size + 2 * ts.padding_y);
  for (const auto& sc : set)
    if (sc.cell->rowspan == 1) h[sc.cell->row] = std::max(h[sc.cell->row], sc.height);
  std::vector<const set_cell*> spanning;  // shorter spans first
  for (const auto& sc : set)
    if (sc.cell->rowspan > 1) spanning.push_back(&sc);
  std::stable_sort(spanning.begin(), spanning.end(), [](const set_cell* a, const set_cell* b) {
    return a->cell->rowspan < b->cell->rowspan;
  });
  for (const set_cell* sc : spanning) {
    const int from = sc->cell->row, span = sc->cell->rowspan;
    double have = 0;
    for (int r = from; r < from + span; ++r) have += h[r];
    if (have < sc->height) h[from + span - 1] += sc->height - have;
  }
  std::vector<std::pair<int, int>> groups =
      one_piece ? std::vector<std::pair<int, int>>{{0, rows - 1}} : row_groups(cells, rows);
  std::vector<table_piece> out;
  size_t next = 0;  // the cells are in row order: each group takes the next ones
  for (const auto& [first, last] : groups) {
    table_piece p;
    std::vector<double> top(static_cast<size_t>(last - first + 2), 0);
    for (int r = first; r <= last; ++r) top[r - first + 1] = top[r - first] + h[r];
    p.height = top.back();
    p.rows.assign(top.begin() + 1, top.end() - 1);
    for (; next < set.size() && set[next].cell->row <= last; ++next) {
      set_cell& sc = set[next];
      const model::table_cell& c = *sc.cell;
      piece_cell pc;
      pc.x0 = cols.x[c.column];
      pc.x1 = cols.x[c.column + c.colspan];
      pc.y0 = top[c.row - first];
      pc.y1 = top[c.row - first + c.rowspan];
      double y = 0;
      for (auto& runs : sc.lines) {
        ctx.place_line(runs, y);
        y += pitch;
      }
      pc.text_height = sc.lines.empty() ? 0 : y - pitch + size;
      pc.lines = std::move(sc.lines);
      p.cells.push_back(std::move(pc));
    }
    out.push_back(std::move(p));
  }
  return out;
}

void shift_y(std::vector<glyph_run>& runs, double dy) {
  for (auto& run : runs)
    for (double* v : {&run.em_top, &run.em_bottom, &run.baseline, &run.ink_top, &run.ink_bottom})
      *v += dy;
}

}  // namespace

filled_rect table_line(double x0, double x1, double y0, double y1, double width,
                       const device_color& color) {
  filled_rect r;
  r.role = element::table;
  r.color = color;
  if (y0 == y1) {  // horizontal, centred on y0, over the joints at its ends
    r.x = x0 - width / 2;
    r.width = x1 - x0 + width;
    r.y = y0 - width / 2;
    r.height = width;
  } else {  // vertical, centred on x0
    r.x = x0 - width / 2;
    r.width = width;
    r.y = y0;
    r.height = y1 - y0;
  }
  return r;
}

void table_blocks(context& ctx, const model::block& blk, std::vector<block>& out) {
  const model::table& t = *blk.tab;
  const auto& ts = ctx.spec.table;
  const auto& cs = ctx.spec.table_caption;
  const grid& g = ctx.g;
  auto tl = std::make_shared<table_layout>();
  const double size = t.size > 0 ? t.size : ts.style.size;
  const column_set cols = table_columns(ctx, t, size);
  tl->left = cols.x.front();
  tl->width = cols.x.back() - cols.x.front();
  tl->rule = ts.rule;
  tl->outer = ts.outer_rule;
  tl->size = size;
  tl->pitch = size * ts.line_height;
  tl->padding = ts.padding_y;
  tl->header_rule = ts.header_rule;
  tl->color = ts.rule_color;
  tl->gap = cs.gap;
  tl->repeat_header = t.repeat_header < 0 ? ts.repeat_header : t.repeat_header == 1;
  const auto offset = [&](double sz) { return ctx.cell_for(sz) > 0 ? 0 : (g.cell - sz) / 2; };
  if (!t.caption.empty()) {
    // Its lines centred, one body row each (a long 表题 wraps).
    auto lines = ctx.grid_lines({ctx.piece(t.caption, cs.style, element::table)}, 0, 0, blk.pos);
    centre_lines(g, lines);
    for (auto& l : lines) {
      tl->lead.push_back(std::move(l.runs));
      tl->lead_offset.push_back(offset(cs.style.size));
    }
  }
  const model::text_style unit_style{ts.style.role, size, ts.style.color};
  if (!t.unit.empty()) {
    // Its lines at the table's right (a long one wraps within the table's width).
    for (auto& l : ctx.grid_lines({ctx.piece(t.unit, unit_style, element::table)}, 0, 0, blk.pos,
                                  tl->left - g.left, tl->width)) {
      shift_x(l.runs, tl->left + tl->width - line_right(l.runs));
      tl->lead.push_back(std::move(l.runs));
      tl->lead_offset.push_back(offset(size));
    }
  }
  if (!ts.continued.empty()) {
    std::string text = ts.continued;
    const size_t at = text.find("{n}");
    if (at != std::string::npos) text.replace(at, 3, caption_number(t.caption));
    tl->continued = ctx.line_at(text, cs.style, element::table, tl->left - g.left, blk.pos);
    tl->continued_offset = offset(cs.style.size);
  }
  if (t.head_rows > 0)
    tl->header = section_pieces(ctx, t, t.head, t.head_rows, true, cols, true).front();
  tl->groups = section_pieces(ctx, t, t.body, t.body_rows, false, cols, false);
  block b;
  b.role = element::table;
  b.place = placement::table;
  b.pos = blk.pos;
  b.table = std::move(tl);
  out.push_back(std::move(b));
  // The notes: paragraphs in the table's text style, on the body grid.
  for (const model::span& note : t.notes) {
    block nb;
    nb.role = element::table;
    nb.pos = note.pos;
    nb.carriable = true;
    nb.y_offset = offset(size);
    nb.lines = ctx.grid_lines({ctx.piece(note.text, unit_style, element::table)}, 0, 0, note.pos);
    out.push_back(std::move(nb));
  }
}

namespace {

// How many lines of a cell fit between its top y0 and the cut.
size_t lines_above(const table_layout& t, const piece_cell& c, double cut) {
  const double avail = cut - c.y0 - 2 * t.padding;
  if (avail < t.size) return 0;
  return std::min(c.lines.size(),
                  static_cast<size_t>(std::floor((avail - t.size) / t.pitch + 1e-6)) + 1);
}

// True when a cell over a row boundary at `cut` shows its text in both parts.
bool repeats(const table_layout& t, const piece_cell& c, double cut, bool inside_row) {
  return !inside_row && c.text_height <= cut - c.y0 - 2 * t.padding;
}

}  // namespace

double split_cut(const table_layout& t, const table_piece& piece, double room, bool& inside_row) {
  // The lowest row boundary that fits, else the room itself (inside a row).
  double cut = -1;
  for (double b : piece.rows)
    if (b <= room + 1e-6) cut = std::max(cut, b);
  inside_row = cut <= 0;
  if (!inside_row) return cut;
  for (const piece_cell& c : piece.cells)
    if (c.y0 < room && lines_above(t, c, room) > 0) return room;
  return -1;
}

void split_at(const table_layout& t, table_piece& piece, double cut, bool inside_row,
              table_piece& rest) {
  rest = {};
  rest.height = piece.height - cut;
  std::vector<double> upper_rows;
  for (double b : piece.rows) {
    if (b < cut - 1e-6) upper_rows.push_back(b);
    if (b > cut + 1e-6) rest.rows.push_back(b - cut);
  }
  piece.rows = std::move(upper_rows);
  std::vector<piece_cell> upper;
  for (piece_cell& c : piece.cells) {
    if (c.y1 <= cut + 1e-6) {
      upper.push_back(std::move(c));
      continue;
    }
    if (c.y0 >= cut - 1e-6) {
      c.y0 -= cut;
      c.y1 -= cut;
      rest.cells.push_back(std::move(c));
      continue;
    }
    // A cell over the cut: on both sides.
    piece_cell bottom;
    bottom.x0 = c.x0;
    bottom.x1 = c.x1;
    bottom.y0 = 0;
    bottom.y1 = c.y1 - cut;
    if (repeats(t, c, cut, inside_row)) {
      // A rowspan over a row boundary: its text kept above, and shown again
      // below where it fits there too.
      if (c.text_height <= bottom.y1 - 2 * t.padding) {
        bottom.lines = c.lines;
        bottom.text_height = c.text_height;
      }
    } else {
      // Its lines from the top: those that fit above, the rest below.
      const size_t k = lines_above(t, c, cut), n = c.lines.size();
      for (size_t i = k; i < n; ++i) {
        shift_y(c.lines[i], -static_cast<double>(k) * t.pitch);
        bottom.lines.push_back(std::move(c.lines[i]));
      }
      c.lines.resize(k);
      const auto height = [&](size_t lines) {
        return lines == 0 ? 0.0 : static_cast<double>(lines - 1) * t.pitch + t.size;
      };
      c.text_height = height(k);
      bottom.text_height = height(n - k);
      c.top_aligned = bottom.top_aligned = true;
    }
    c.y1 = cut;
    upper.push_back(std::move(c));
    rest.cells.push_back(std::move(bottom));
  }
  piece.cells = std::move(upper);
  piece.height = cut;
  // The lines that went on below may need more room than the part below the
  // cut had (the part above kept the room its lines left unused): the lower
  // part grows at its bottom, with the cells that reach it.
  double need = rest.height;
  for (const piece_cell& c : rest.cells)
    if (c.top_aligned && !c.lines.empty())
      need = std::max(need, c.y0 + c.text_height + 2 * t.padding);
  if (need > rest.height + 1e-6) {
    for (piece_cell& c : rest.cells)
      if (c.y1 >= rest.height - 1e-6) c.y1 = need;
    rest.height = need;
  }
}

void emit_piece(const table_layout& t, const table_piece& piece, double top, double frame_top,
                page& pg) {
  // Each cell's top and left lines; the frame (drawn per page) makes the outer ones.
  const double right = t.left + t.width;
  for (const piece_cell& c : piece.cells) {
    const double y = top + c.y0;
    if (y > frame_top + 0.01) {
      filled_rect r = table_line(c.x0, c.x1, y, y, t.rule, t.color);
      r.x = std::max(r.x, t.left);
      r.width = std::min(r.x + r.width, right) - r.x;
      pg.rects.push_back(r);
    }
    if (c.x0 > t.left + 0.01)
      pg.rects.push_back(table_line(c.x0, c.x0, y, top + c.y1, t.rule, t.color));
  }
  for (const piece_cell& c : piece.cells) {
    // Its text centred between its top and bottom lines (from the top when broken).
    const double y = top + c.y0 + (c.top_aligned ? t.padding : (c.y1 - c.y0 - c.text_height) / 2);
    for (std::vector<glyph_run> runs : c.lines) {
      shift_y(runs, y);
      for (auto& run : runs) pg.runs.push_back(std::move(run));
    }
  }
}

}  // namespace hongtou::layout
