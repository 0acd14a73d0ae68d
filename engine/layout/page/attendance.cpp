// SPDX-License-Identifier: Apache-2.0
// 出席, 请假 and 列席 of a 纪要 (GB/T 9704-2012 10.3): one empty row below the
// body (or the 附件说明), 左空二字, each label on a new row in 黑体 with its
// full-width colon, the units and names in 仿宋 after it; a line that wraps
// continues under the first character after the colon. The lines are kept
// on one page.
#include "layout/page/flow.hpp"

namespace hongtou::layout {

void flow_attendance(context& ctx, flow_state&, std::vector<block>& out) {
  const auto& at = ctx.spec.attendance;
  const double indent = at.indent * ctx.g.cell;
  const model::text_style label_style{at.label_role, at.style.size, at.style.color};
  for (size_t i = 0; i < ctx.doc.attendance.size(); ++i) {
    const model::attendance_line& line = ctx.doc.attendance[i];
    const std::string label = line.label + at.colon;
    // The names are set as their own paragraph from the colon on, so every
    // wrapped line starts under their first character.
    const double names_x = indent + ctx.width_of(label, label_style, element::attendance);
    block b;
    b.role = element::attendance;
    b.pos = line.pos;
    b.rows_before = i == 0 ? at.rows_before : 0;
    // The lines stay together, on one page (common practice: a 列席 line
    // alone at the top of a page reads as cut off from the 出席 above it).
    b.keep_together = true;
    b.keep_with_next = i + 1 < ctx.doc.attendance.size();
    b.carriable = true;
    b.lines =
        ctx.labelled_lines(label, label_style, indent,
                           ctx.piece(line.names, at.style, element::attendance), names_x, line.pos);
    out.push_back(std::move(b));
  }
}

}  // namespace hongtou::layout
