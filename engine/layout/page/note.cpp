// 附注 (GB/T 9704-2012 7.3.6): 居左空二字, in round brackets, on the row after
// the 成文日期.
#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void flow_note(context& ctx, flow_state&, std::vector<block>& out) {
  const model::document& doc = ctx.doc;
  if (doc.note.empty()) return;
  const auto& ns = ctx.spec.note;
  // The brackets are added unless the author wrote them.
  std::string text = doc.note;
  if (!starts_with(text, ns.open) || !ends_with(text, ns.close)) text = ns.open + text + ns.close;
  block b;
  b.role = element::note;
  b.pos = doc.note_pos;
  b.lines = ctx.grid_lines({ctx.piece(text, ns.style, element::note)}, ns.indent * ctx.g.cell, 0,
                           doc.note_pos);
  out.push_back(std::move(b));
}

}  // namespace hongtou::layout
