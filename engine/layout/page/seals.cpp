// SPDX-License-Identifier: Apache-2.0
// 加盖印章的公文 (GB/T 9704-2012 7.3.5.1): the 成文日期 右空四字, the last
// 署名 centred above it, one seal centred on each 署名 and pressing it, the
// last seal on the last 署名 and the date; a joint document's seals aligned,
// never overlapping or touching, each row inside the type area, the first
// row's top within one row below the body. One organ is the case of one
// column and one row.
#include <algorithm>
#include <cmath>

#include "core/units.hpp"

#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

// Where the seals go: columns right-aligned on the date, full rows first.
struct seal_grid {
  int per_row = 1;    // columns
  int rows = 1;       // rows of names
  int step = 1;       // grid rows from one row of names to the next
  double slot = 0;    // pt between two columns' centres
  double last_x = 0;  // the last column's centre, pt from the type area's left

  int row_of(size_t i) const { return static_cast<int>(i) / per_row; }
  double centre_x(size_t i, size_t organs) const {
    const int r = row_of(i);
    const int in_row = r + 1 < rows ? per_row : static_cast<int>(organs) - (rows - 1) * per_row;
    const int col = per_row - in_row + static_cast<int>(i) - r * per_row;
    return last_x - (per_row - 1 - col) * slot;
  }
};

// The most columns whose seals and names stay inside the type area (at least one).
seal_grid plan(const context& ctx, const std::vector<double>& widths, double date_centre,
               double diameter) {
  const auto& spec = ctx.spec.seal;
  const grid& g = ctx.g;
  const double widest = *std::max_element(widths.begin(), widths.end());
  seal_grid sg;
  sg.last_x = date_centre;
  // Neighbouring seals keep the gap; neighbouring names a cell.
  sg.slot = std::max(diameter + spec.gap, widest + g.cell);
  const int organs = static_cast<int>(widths.size());
  sg.per_row = std::min(spec.per_row, organs);
  while (sg.per_row > 1 &&
         date_centre - (sg.per_row - 1) * sg.slot - std::max(diameter, widest) / 2 < 0)
    --sg.per_row;
  sg.rows = (organs + sg.per_row - 1) / sg.per_row;
  sg.step = static_cast<int>(std::ceil((diameter + spec.gap) / g.pitch - 1e-9));
  return sg;
}

}  // namespace

bool seal_signature(context& ctx, const model::signature& sig,
                    const std::vector<prepared_text>& names, const prepared_text& date, block& b) {
  const grid& g = ctx.g;
  const auto& spec = ctx.spec.seal;
  std::vector<image> images;
  double diameter = 0;
  for (const model::seal& seal : sig.seals) {
    const image* decoded = ctx.seal_image(seal);
    if (!decoded) return false;
    images.push_back(*decoded);
    images.back().role = element::seal;
    images.back().width = seal.diameter > 0 ? mm_to_pt(seal.diameter) : spec.diameter;
    diameter = std::max(diameter, images.back().width);
  }
  std::vector<double> widths;
  for (const auto& n : names) widths.push_back(trimmed_width(n, 0, n.clusters.size()));
  const double wd = trimmed_width(date, 0, date.clusters.size());
  const double date_left = g.width - spec.date_right_indent * g.cell - wd;
  const seal_grid sg = plan(ctx, widths, date_left + wd / 2, diameter);

  b.rows_before = spec.rows_before;
  b.lines.assign(static_cast<size_t>((sg.rows - 1) * sg.step + 2), block_line{});
  double lowest = 0;  // the lowest seal edge, pt below the first line's em top
  for (size_t i = 0; i < names.size(); ++i) {
    const int r = sg.row_of(i);
    const double cx = sg.centre_x(i, names.size());
    const double left = std::min(cx - widths[i] / 2, g.width - widths[i]);
    auto& line = b.lines[static_cast<size_t>(r * sg.step)].runs;
    for (auto& run : context::runs_at(names[i], g.left + left)) line.push_back(std::move(run));
    // A row's seals on one level: centred on the names' cells, the last row's
    // on the 署名 and 日期 rows together, raised by `lift` of the diameter.
    const double rows_centre = r + 1 < sg.rows ? g.cell / 2 : (g.pitch + g.cell) / 2;
    const double cy = r * sg.step * g.pitch + rows_centre - spec.lift * diameter;
    image& im = images[i];
    im.height = im.width;
    im.x = g.left + cx - im.width / 2;
    im.y = cy - im.height / 2;
    lowest = std::max(lowest, im.y + im.height);
  }
  b.lines.back().runs = context::runs_at(date, g.left + date_left);
  const double last_cell = static_cast<double>(b.lines.size() - 1) * g.pitch + g.cell;
  b.below = std::max(0.0, lowest - last_cell);
  b.images = std::move(images);
  return true;
}

}  // namespace hongtou::layout
