// SPDX-License-Identifier: Apache-2.0
#pragma once
// paginate and emit, the last two steps of the page stage:
//   paginate  blocks -> the page and row of every line; every pagination
//             rule is decided here, before anything is drawn
//   emit      placed blocks -> frames, written once and never moved
#include <optional>
#include <vector>

#include "frames/frames.hpp"
#include "layout/page/block.hpp"
#include "layout/page/context.hpp"

namespace hongtou::layout {

/// Places the blocks on pages (paginate.cpp).
pagination paginate(context& ctx, const std::vector<block>& blocks);

/// Writes the placed blocks, the outline and the page numbers into `out` (emit.cpp).
void emit(context& ctx, std::vector<block>& blocks, const pagination& plan, frames& out);

/// The page number of page `number`, placed; none when the layout shows none
/// there (page_number.cpp).
std::optional<glyph_run> page_number_run(context& ctx, int number);

}  // namespace hongtou::layout
