// SPDX-License-Identifier: Apache-2.0
#include "layout/grid/grid.hpp"

#include <algorithm>
#include <cmath>

namespace hongtou::layout {

int grid::nearest_row(double y) const {
  return std::max(1, static_cast<int>(std::lround((y - first) / pitch)) + 1);
}

grid make_grid(const model::layout_spec& spec) {
  grid g;
  g.left = spec.type_area.left;
  g.top = spec.type_area.top;
  g.width = spec.type_area.width;
  g.bottom = spec.type_area.top + spec.type_area.height;
  g.first = g.top;
  g.rows = spec.grid.lines_per_page;
  // 28 cells fill the 156 mm width exactly in every profile (GB/T 9704-2012 5.2.3).
  g.cell = spec.cell();
  switch (spec.grid.profile) {
    case model::grid_profile::gb_exact:
      // A row is one cell plus 7/8 of a 3号 character (GB/T 9704-2012 5.2.3,
      // and 3.2 for "行"); row 1's em top on the type-area top.
      g.gap = g.cell * spec.grid.gap_ratio;
      g.pitch = spec.pitch();
      break;
    case model::grid_profile::word_compat:
    case model::grid_profile::fixed:
      // Rows of one pitch from the type-area top (Word's 28.95 pt, or the
      // layout's; the reader sets grid.pitch for both), the body size's em
      // box centred in each, as Word and WPS centre a line in its line box (spec §2.3).
      g.pitch = spec.grid.pitch;
      g.gap = g.pitch - g.cell;
      g.first = g.top + (g.pitch - spec.body.style.size) / 2;
      break;
  }
  return g;
}

}  // namespace hongtou::layout
