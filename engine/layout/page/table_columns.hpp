// SPDX-License-Identifier: Apache-2.0
#pragma once
// The columns of a table (table.cpp): their edges from the <column> widths
// or from the content, and how each column aligns its cells.
#include <string>
#include <vector>

#include "layout/page/context.hpp"

namespace hongtou::layout {

struct column_set {
  std::vector<double> x;  // the column edges, pt from the page's left: columns + 1 of them
  std::vector<model::cell_align> align;  // per column, never automatic
  std::vector<double> decimal_at;        // decimal columns: the point's x inside a cell's text
  /// How a cell aligns: its own align, else its column's; header cells centred.
  model::cell_align align_of(const model::table_cell& c, bool head) const;
};

/// The columns of t, whose text is `size` pt: as wide as the type area
/// unless the widths say otherwise. Widths wider than the type area are an
/// error at <columns> (the columns then share the type area).
column_set table_columns(context& ctx, const model::table& t, double size);

/// The widest piece of a text that cannot break: a run of Latin letters,
/// digits and their marks (a number, 10.92, DDDs), or one CJK character.
double unbreakable_width(context& ctx, const std::string& text, const model::text_style& s);

/// The x of a line's decimal point (or its end when it has none) from its left edge.
double decimal_offset(const std::vector<glyph_run>& runs);

/// The number of a table's caption "表1　…" ("1"), or "" when it has none.
std::string caption_number(const std::string& caption);

}  // namespace hongtou::layout
