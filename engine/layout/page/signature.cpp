// 发文机关署名 and 成文日期 without a seal (GB/T 9704-2012 7.3.5.2): one
// empty row below the body, the name 右空二字, the date on the next row
// starting two cells right of the name; never alone on a page (7.3.5.5 and
// common practice: body lines go over with it).
#include <algorithm>

#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

block_line line_at(const prepared_text& p, double left) {
  set_line_result line = set_line(p, 0, p.clusters.size(), 0, 0, false, true);
  for (auto& run : line.runs)
    for (auto& gl : run.glyphs) gl.x += left;
  return {std::move(line.runs)};
}

}  // namespace

void flow_signature(context& ctx, flow_state&, std::vector<block>& out) {
  const model::signature& sig = ctx.doc.sig;
  if (!sig.present) return;
  const auto& ss = ctx.spec.signature;
  const grid& g = ctx.g;
  prepared_text name =
      prepare({ctx.piece(sig.organ, ss.style, element::signature)}, g.cell, ctx.breaks);
  prepared_text date = prepare({ctx.piece(sig.date, ss.style, element::date)}, g.cell, ctx.breaks);
  ctx.report_coverage(name, sig.pos);
  ctx.report_coverage(date, sig.pos);
  const double wn = trimmed_width(name, 0, name.clusters.size());
  const double wd = trimmed_width(date, 0, date.clusters.size());
  const double limit = g.width - ss.right_indent * g.cell;
  const double offset = ss.date_offset * g.cell;
  const double name_left = std::min(limit - wn, limit - wd - offset);

  block b;
  b.role = element::signature;
  b.pos = sig.pos;
  b.rows_before = ss.rows_before;
  b.keep_together = true;
  b.carry_lines = ss.carry_lines;
  b.lines.push_back(line_at(name, g.left + name_left));
  b.lines.push_back(line_at(date, g.left + name_left + offset));
  out.push_back(std::move(b));
}

}  // namespace hongtou::layout
