// SPDX-License-Identifier: Apache-2.0
#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

using element_flow = void (*)(context&, flow_state&, std::vector<block>&);

// The general format (通用格式), top to bottom. A new element is a new
// function in its own file and an entry here.
constexpr element_flow general_format[] = {
    flow_header_marks, flow_header,    flow_title, flow_body,        flow_attachment_note,
    flow_attendance,   flow_signature, flow_note,  flow_attachments, flow_imprint};

// 信函格式 (GB/T 9704-2012 10.1): its own head, the rest as the general format.
constexpr element_flow letter_format[] = {
    flow_letterhead, flow_title, flow_body,        flow_attachment_note, flow_attendance,
    flow_signature,  flow_note,  flow_attachments, flow_imprint};

}  // namespace

std::vector<block> flow(context& ctx) {
  std::vector<block> blocks;
  flow_state state;
  if (ctx.spec.letterhead.shown)
    for (element_flow f : letter_format) f(ctx, state, blocks);
  else
    for (element_flow f : general_format) f(ctx, state, blocks);
  // Across the element flows: a body's blocks come from flow_body and from
  // flow_attachments alike.
  keep_chapters_with_next(ctx.spec, blocks);
  return blocks;
}

}  // namespace hongtou::layout
