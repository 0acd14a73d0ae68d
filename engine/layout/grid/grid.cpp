#include "layout/grid/grid.hpp"

#include <algorithm>
#include <cmath>

namespace hongtou::layout {

int grid::nearest_row(double y) const {
  return std::max(1, static_cast<int>(std::lround((y - top) / pitch)) + 1);
}

grid make_grid(const model::layout_spec& spec) {
  grid g;
  g.left = spec.type_area.left;
  g.top = spec.type_area.top;
  g.width = spec.type_area.width;
  g.bottom = spec.type_area.top + spec.type_area.height;
  g.rows = spec.grid.lines_per_page;
  switch (spec.grid.profile) {
    case model::grid_profile::gb_exact:
      // 28 cells fill the 156 mm width exactly; a row is one cell plus
      // 7/8 of a 3号 character (GB/T 9704-2012 5.2.3, and 3.2 for "行").
      g.cell = spec.cell();
      g.gap = g.cell * spec.grid.gap_ratio;
      g.pitch = spec.pitch();
      break;
  }
  return g;
}

}  // namespace hongtou::layout
