// SPDX-License-Identifier: Apache-2.0
// 份号 (GB/T 9704-2012 7.2.1), 密级和保密期限 (7.2.2) and 紧急程度 (7.2.3):
// 顶格 at the top left of the type area on page 1, one per row, in that
// order; fixed blocks that the red mark below does not measure from.
#include "layout/page/flow.hpp"

namespace hongtou::layout {

block fixed_block(element role, std::vector<glyph_run> runs, const model::source_pos& pos) {
  block b;
  b.role = role;
  b.place = placement::fixed;
  b.pos = pos;
  b.lines.push_back({std::move(runs)});
  return b;
}

block fixed_line(context& ctx, const std::string& text, const model::text_style& style,
                 element role, double x, double em_top, const model::source_pos& pos) {
  block b = fixed_block(role, ctx.line_at(text, style, role, x, pos), pos);
  ctx.place_line(b.lines.front().runs, em_top);
  return b;
}

void flow_header_marks(context& ctx, flow_state& state, std::vector<block>& out) {
  const model::header& h = ctx.doc.head;
  const model::layout_spec& spec = ctx.spec;
  int last_row = 0;  // the row of the last mark placed
  auto add = [&](const std::string& text, const model::text_style& style, element role, int row,
                 const model::source_pos& pos) {
    out.push_back(fixed_line(ctx, text, style, role, 0, ctx.g.row_top(row), pos));
    last_row = row;
    const auto& runs = out.back().lines.front().runs;
    if (!runs.empty()) state.fixed_bottom = runs.back().em_bottom;
  };
  if (!h.copy_number.empty())
    add(h.copy_number, spec.copy_number.style, element::copy_number, spec.copy_number.row,
        h.copy_number_pos);
  if (!h.classification.empty())
    add(h.classification, spec.classification.style, element::classification,
        spec.classification.row, h.classification_pos);
  // 7.2.3: "按照份号、密级和保密期限、紧急程度的顺序自上而下分行排列".
  if (!h.urgency.empty())
    add(h.urgency, spec.urgency.style, element::urgency, last_row + 1, h.urgency_pos);
}

}  // namespace hongtou::layout
