// SPDX-License-Identifier: Apache-2.0
// 附件说明 (GB/T 9704-2012 7.3.4): one empty row below the body, 左空二字,
// "附件：" and the name; several attachments are numbered, each on its own
// row under the first one's number, and a long name wraps under its own
// first character.
#include "layout/page/flow.hpp"

namespace hongtou::layout {

void flow_attachment_note(context& ctx, flow_state&, std::vector<block>& out) {
  const std::vector<model::attachment_item>& items = ctx.doc.attachments;
  if (items.empty()) return;
  const auto& an = ctx.spec.attachment_note;
  const double indent = an.indent * ctx.g.cell;
  const double label = ctx.width_of(an.label, an.style, element::attachment_note);
  for (size_t i = 0; i < items.size(); ++i) {
    // A single attachment is not numbered (7.3.4: "如有多个附件，使用阿拉伯数字标注").
    const std::string number = items.size() > 1 ? numbered(an.number, i + 1) : std::string();
    const std::string prefix = (i == 0 ? an.label : std::string()) + number;
    const double prefix_x = i == 0 ? indent : indent + label;
    // The names are set as their own paragraphs, so every line of a name
    // starts under its first character and justification moves only them.
    const double name_x = indent + label + ctx.width_of(number, an.style, element::attachment_note);
    block b;
    b.role = element::attachment_note;
    b.pos = items[i].pos;
    b.rows_before = i == 0 ? an.rows_before : 0;
    b.carriable = true;
    b.lines = ctx.labelled_lines(prefix, an.style, prefix_x,
                                 ctx.piece(items[i].name, an.style, element::attachment_note),
                                 name_x, items[i].pos);
    out.push_back(std::move(b));
  }
}

}  // namespace hongtou::layout
