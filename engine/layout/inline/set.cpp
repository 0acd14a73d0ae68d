// SPDX-License-Identifier: Apache-2.0
// set_line(): one line's clusters positioned, justified to the line width
// by spreading the slack over the gaps that may stretch (as in clreq).
#include <algorithm>
#include <limits>
#include <vector>

#include "core/utf8.hpp"
#include "layout/cjk/char_class.hpp"
#include "layout/inline/inline.hpp"

namespace hongtou::layout {

namespace {

constexpr double epsilon = 1e-6;

// A gap may stretch when either side sits on the grid or is a space: never
// inside a Latin word or a digit run (clreq).
bool stretchable(const cluster& a, const cluster& b) {
  return a.wide || b.wide || a.space || b.space;
}

bool same_run(const glyph_run& run, const text_piece& piece) {
  return run.font.id == piece.font->id() && run.role == piece.role && run.level == piece.level &&
         run.size == piece.size && run.color == piece.color && run.stroke == piece.stroke;
}

glyph_run new_run(const text_piece& piece) {
  glyph_run run;
  run.role = piece.role;
  run.level = piece.level;
  run.font = font_handle{piece.font->id()};
  run.size = piece.size;
  run.color = piece.color;
  run.stroke = piece.stroke;
  return run;
}

// Push-in: takes `need` pt off the marks of [begin, end) that allow it
// (push_in_room), evenly, none beyond its room; returns what was taken.
double push_in(const prepared_text& p, size_t begin, size_t end, double need,
               std::vector<double>& delta) {
  std::vector<size_t> marks;
  for (size_t k = begin + 1; k + 1 < end; ++k)  // as push_in_capacity: not the first, not the last
    if (push_in_room(p, k) > 0) marks.push_back(k);
  double taken = 0;
  while (!marks.empty() && need - taken > epsilon) {
    const double share = (need - taken) / static_cast<double>(marks.size());
    std::vector<size_t> left;
    for (size_t k : marks) {
      const double room = push_in_room(p, k) + delta[k - begin];  // what is left of it
      const double take = std::min(share, room);
      delta[k - begin] -= take;
      taken += take;
      if (room - take > epsilon) left.push_back(k);
    }
    marks.swap(left);
  }
  return taken;
}

// 标点挤压 only where the line needs it: squeezed marks take their whole
// cell back, from the line's end, while the line has room, so a line that
// fits on the grid stays on it and the squeeze only holds more on a line.
void give_back_squeezes(const prepared_text& p, size_t begin, size_t end, double& room,
                        std::vector<double>& delta) {
  for (size_t k = end; k > begin; --k) {
    const double sq = p.clusters[k - 1].squeezed;
    if (sq > 0 && sq <= room + epsilon) {
      delta[k - 1 - begin] += sq;
      room -= sq;
    }
  }
}

}  // namespace

double trimmed_width(const prepared_text& p, size_t begin, size_t end) {
  while (end > begin && p.clusters[end - 1].space) --end;
  double w = 0;
  for (size_t i = begin; i < end; ++i) w += p.clusters[i].width;
  return w;
}

set_line_result set_line(const prepared_text& p, size_t begin, size_t end, double indent,
                         double width, bool justify, bool last, bool hang) {
  set_line_result line;
  line.last = last;
  size_t vis_end = end;
  while (vis_end > begin && p.clusters[vis_end - 1].space) --vis_end;
  const bool bounded = width > 0;
  double room = bounded ? width - indent - trimmed_width(p, begin, end)
                        : std::numeric_limits<double>::infinity();

  // A line wider than its width: its last mark hangs, or push-in.
  std::vector<double> delta(vis_end - begin, 0);  // width given back (+) or taken (−)
  size_t set_end = vis_end;                       // clusters justified within the width
  if (room < -epsilon && hang && vis_end > begin && may_hang(p, vis_end - 1) &&
      room + p.clusters[vis_end - 1].width >= -epsilon) {
    line.hangs = true;
    room += p.clusters[--set_end].width;
  } else if (room < -epsilon) {
    line.pushed_in = push_in(p, begin, vis_end, -room, delta);
    room = 0;
  }
  give_back_squeezes(p, begin, set_end, room, delta);

  // Extra space per stretchable gap (push-out leaves a short full line).
  double extra = 0;
  if (justify && !last && bounded && room > epsilon) {
    size_t gaps = 0;
    for (size_t k = begin + 1; k < set_end; ++k)
      if (stretchable(p.clusters[k - 1], p.clusters[k])) ++gaps;
    if (gaps > 0) extra = room / static_cast<double>(gaps);
    line.pushed_out = gaps > 0 && room > p.cell / 4;
  }

  // Each run's glyphs in one allocation: a new run reserves the glyphs
  // left on the line, and gives back what it did not take at the end (the
  // display list of a long document is mostly glyphs).
  size_t glyphs_left = 0, runs = 0;
  for (size_t k = begin; k < vis_end; ++k) {
    glyphs_left += p.clusters[k].glyphs.size();
    const size_t piece = p.clusters[k].piece, before = k > begin ? p.clusters[k - 1].piece : piece;
    if (k == begin || (piece != before && !same_run(new_run(p.pieces[before]), p.pieces[piece])))
      ++runs;
  }
  line.runs.reserve(runs);
  double x = indent;
  for (size_t k = begin; k < vis_end; ++k) {
    const cluster& c = p.clusters[k];
    const text_piece& piece = p.pieces[c.piece];
    if (line.runs.empty() || !same_run(line.runs.back(), piece)) {
      line.runs.push_back(new_run(piece));
      line.runs.back().glyphs.reserve(glyphs_left);
    }
    glyphs_left -= c.glyphs.size();
    glyph_run& run = line.runs.back();
    const double cell_width = c.width + delta[k - begin];
    double step = cell_width;
    if (k + 1 < set_end && stretchable(c, p.clusters[k + 1])) step += extra;

    // Opening quotes with a narrow glyph sit in the right half of their
    // cell; a squeezed or pushed-in opening mark's glyph ends where its
    // narrowed cell ends.
    double gx = x;
    const char32_t ch = p.text[c.begin];
    const bool narrowed = cell_width < c.width + c.squeezed - epsilon;
    if (c.wide && ((c.natural < cell_width && cjk::is_opening_mark(ch)) ||
                   (narrowed && cjk::is_clreq_opening(ch))))
      gx += cell_width - c.natural;
    std::string text = utf8_encode(std::u32string_view(p.text).substr(c.begin, c.end - c.begin));
    line.text += text;
    for (size_t g = 0; g < c.glyphs.size(); ++g) {
      positioned_glyph pg;
      pg.id = c.glyphs[g];
      pg.x = gx;
      bool final_glyph = g + 1 == c.glyphs.size();
      pg.advance = final_glyph ? x + step - gx : c.advances[g];
      if (g == 0) pg.text = text;
      gx += c.advances[g];
      run.glyphs.push_back(std::move(pg));
    }
    x += step;
  }
  for (glyph_run& run : line.runs) run.glyphs.shrink_to_fit();  // nothing to do for most
  line.right = x;
  return line;
}

std::vector<set_line_result> set_lines(const prepared_text& p, const paragraph_params& params) {
  std::vector<size_t> starts = break_lines(p, params);
  std::vector<set_line_result> lines;
  for (size_t l = 0; l < starts.size(); ++l) {
    size_t end = l + 1 < starts.size() ? starts[l + 1] : p.clusters.size();
    lines.push_back(set_line(p, starts[l], end, l == 0 ? params.first_indent : params.rest_indent,
                             params.width, params.justify, l + 1 == starts.size(), params.hanging));
    lines.back().one_char_last =
        l > 0 && l + 1 == starts.size() && letter_count(p, starts[l], end) == 1;
  }
  return lines;
}

std::vector<set_line_result> set_paragraph(std::vector<text_piece> pieces, double cell,
                                           const paragraph_params& params) {
  break_finder breaks;
  return set_lines(prepare(std::move(pieces), cell, breaks), params);
}

}  // namespace hongtou::layout
