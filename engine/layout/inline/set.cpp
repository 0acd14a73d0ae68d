// set_line(): one line's clusters positioned, justified to the line width
// by spreading the slack over the gaps that may stretch (as in clreq).
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

}  // namespace

double trimmed_width(const prepared_text& p, size_t begin, size_t end) {
  while (end > begin && p.clusters[end - 1].space) --end;
  double w = 0;
  for (size_t i = begin; i < end; ++i) w += p.clusters[i].width;
  return w;
}

set_line_result set_line(const prepared_text& p, size_t begin, size_t end, double indent,
                         double width, bool justify, bool last) {
  set_line_result line;
  line.last = last;
  size_t vis_end = end;
  while (vis_end > begin && p.clusters[vis_end - 1].space) --vis_end;

  // 标点挤压 only where the line needs it: squeezed marks take their whole
  // cell back, from the line's end, while the line has room, so a line that
  // fits on the grid stays on it and the squeeze only holds more on a line.
  std::vector<double> back(vis_end - begin, 0);  // width given back, per cluster
  double room = width > 0 ? width - indent - trimmed_width(p, begin, end)
                          : std::numeric_limits<double>::infinity();
  for (size_t k = vis_end; k > begin; --k) {
    const double sq = p.clusters[k - 1].squeezed;
    if (sq > 0 && sq <= room + epsilon) {
      back[k - 1 - begin] = sq;
      room -= sq;
    }
  }

  // Extra space per stretchable gap (push-out leaves a short full line).
  double extra = 0;
  if (justify && !last && width > 0) {
    size_t gaps = 0;
    for (size_t k = begin + 1; k < vis_end; ++k)
      if (stretchable(p.clusters[k - 1], p.clusters[k])) ++gaps;
    double slack = room;
    if (gaps > 0 && slack > epsilon) extra = slack / static_cast<double>(gaps);
  }

  double x = indent;
  for (size_t k = begin; k < vis_end; ++k) {
    const cluster& c = p.clusters[k];
    const text_piece& piece = p.pieces[c.piece];
    if (line.runs.empty() || !same_run(line.runs.back(), piece))
      line.runs.push_back(new_run(piece));
    glyph_run& run = line.runs.back();
    double step = c.width + back[k - begin];
    if (k + 1 < vis_end && stretchable(c, p.clusters[k + 1])) step += extra;

    // Opening quotes with a narrow glyph sit in the right half of their cell;
    // a squeezed opening mark's glyph ends at the end of its half cell.
    double gx = x;
    const char32_t ch = p.text[c.begin];
    const double cell_width = c.width + back[k - begin];
    if (c.wide && ((c.natural < cell_width && cjk::is_opening_mark(ch)) ||
                   (c.squeezed > back[k - begin] && cjk::is_clreq_opening(ch))))
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
  line.right = x;
  return line;
}

std::vector<set_line_result> set_lines(const prepared_text& p, const paragraph_params& params) {
  std::vector<size_t> starts = break_lines(p, params);
  std::vector<set_line_result> lines;
  for (size_t l = 0; l < starts.size(); ++l) {
    size_t end = l + 1 < starts.size() ? starts[l + 1] : p.clusters.size();
    lines.push_back(set_line(p, starts[l], end, l == 0 ? params.first_indent : params.rest_indent,
                             params.width, params.justify, l + 1 == starts.size()));
  }
  return lines;
}

std::vector<set_line_result> set_paragraph(std::vector<text_piece> pieces, double cell,
                                           const paragraph_params& params) {
  break_finder breaks;
  return set_lines(prepare(std::move(pieces), cell, breaks), params);
}

}  // namespace hongtou::layout
