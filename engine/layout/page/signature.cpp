// SPDX-License-Identifier: Apache-2.0
// 发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5): with seals (7.3.5.1,
// seals.cpp), with signature seals (7.3.5.3, signer_seals.cpp) or without
// (7.3.5.2). Without: one
// empty row below the body, the name 右空二字, the date on the next row
// starting two cells right of the name; never alone on a page (7.3.5.5 and
// common practice: body lines go over with it).
#include <algorithm>

#include "core/units.hpp"

#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

block_line line_of(const prepared_text& p, double left) {
  return {context::runs_at(p, left)};
}

}  // namespace

bool signature_block(context& ctx, const model::signature& sig, block& b) {
  const auto& ss = ctx.spec.signature;
  const grid& g = ctx.g;
  b.role = element::signature;
  b.pos = sig.pos;
  b.rows_before = ss.rows_before;
  b.keep_together = true;
  b.carry_lines = ss.carry_lines;
  prepared_text date = prepare({ctx.piece(sig.date, ss.style, element::date)}, g.cell, ctx.breaks);
  ctx.report_coverage(date, sig.pos);
  if (!sig.signers.empty()) return signer_signature(ctx, sig, date, b);
  std::vector<prepared_text> names;
  names.push_back(
      prepare({ctx.piece(sig.organ, ss.style, element::signature)}, g.cell, ctx.breaks));
  for (const auto& organ : sig.co_organs)
    names.push_back(prepare({ctx.piece(organ, ss.style, element::signature)}, g.cell, ctx.breaks));
  for (const auto& n : names) ctx.report_coverage(n, sig.pos);
  if (!sig.seals.empty()) return seal_signature(ctx, sig, names, date, b);
  // 7.3.5.2: the name 右空二字, the date's first character 2 cells right of the
  // name's; a joint document's organs one a row, the lead first, from one left edge.
  const double limit = g.width - ss.right_indent * g.cell;
  const double offset = ss.date_offset * g.cell;
  double left = limit - trimmed_width(date, 0, date.clusters.size()) - offset;
  for (const auto& n : names) left = std::min(left, limit - trimmed_width(n, 0, n.clusters.size()));
  for (const auto& n : names) b.lines.push_back(line_of(n, g.left + left));
  b.lines.push_back(line_of(date, g.left + left + offset));
  return true;
}

void flow_signature(context& ctx, flow_state&, std::vector<block>& out) {
  if (!ctx.doc.sig.present) return;
  block b;
  if (signature_block(ctx, ctx.doc.sig, b)) out.push_back(std::move(b));
}

}  // namespace hongtou::layout
