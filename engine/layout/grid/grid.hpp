// SPDX-License-Identifier: Apache-2.0
#pragma once
// The character grid of the type area (derived from GB/T 9704-2012 5.2.3 and 3.2):
// cell, row pitch, rows per page, derived from the layout by its grid profile.
#include "model/layout_spec.hpp"

namespace hongtou::layout {

struct grid {
  double left = 0, top = 0, width = 0, bottom = 0;  // the type area, pt from the page's top-left
  double first = 0;                                 // the em top of row 1 (gb-exact: top)
  double cell = 0;                                  // character pitch, and a glyph row's height
  double pitch = 0;                                 // row pitch: one character plus the gap
  double gap = 0;  // empty space between two glyph rows (pitch − cell)
  int rows = 0;    // rows per page
  /// Top of the em box of row r (1-based) on any page.
  double row_top(int r) const { return first + (r - 1) * pitch; }
  /// The row whose top is nearest to y (at least 1).
  int nearest_row(double y) const;
};

/// The grid of a layout, as its profile derives it.
grid make_grid(const model::layout_spec& spec);

}  // namespace hongtou::layout
