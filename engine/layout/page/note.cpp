// 附注 (GB/T 9704-2012 7.3.6): 居左空二字, in round brackets, on the row after
// the 成文日期.
#include "layout/page/flow.hpp"

namespace hongtou::layout {

void flow_note(context& ctx, flow_state&, std::vector<block>& out) {
  const model::document& doc = ctx.doc;
  if (doc.note.empty()) return;
  const auto& ns = ctx.spec.note;
  // The brackets are added unless the author wrote them.
  const std::string text = enclosed(doc.note, ns.open, ns.close);
  block b;
  b.role = element::note;
  b.pos = doc.note_pos;
  b.lines = ctx.grid_lines({ctx.piece(text, ns.style, element::note)}, ns.indent * ctx.g.cell, 0,
                           doc.note_pos);
  out.push_back(std::move(b));
}

}  // namespace hongtou::layout
