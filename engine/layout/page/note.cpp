// SPDX-License-Identifier: Apache-2.0
// 附注 (GB/T 9704-2012 7.3.6): 居左空二字, in round brackets, on the row after
// the 成文日期.
#include "layout/page/flow.hpp"

namespace hongtou::layout {

block note_block(context& ctx, const std::string& note, const model::source_pos& pos) {
  const auto& ns = ctx.spec.note;
  // The brackets are added unless the author wrote them.
  const std::string text = enclosed(note, ns.open, ns.close);
  block b;
  b.role = element::note;
  b.pos = pos;
  b.lines =
      ctx.grid_lines({ctx.piece(text, ns.style, element::note)}, ns.indent * ctx.g.cell, 0, pos);
  return b;
}

void flow_note(context& ctx, flow_state&, std::vector<block>& out) {
  if (!ctx.doc.note.empty()) out.push_back(note_block(ctx, ctx.doc.note, ctx.doc.note_pos));
}

}  // namespace hongtou::layout
