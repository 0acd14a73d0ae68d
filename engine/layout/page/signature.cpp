// 发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5): with a seal (7.3.5.1)
// or without (7.3.5.2). Without: one
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

// 7.3.5.1, a single organ: the date 右空四字, the name centred above it, the
// seal centred on both, its centre `lift` of its diameter above theirs so
// that it presses them a little below its middle. False after reporting a
// seal whose image was not loaded.
bool sealed(context& ctx, const model::signature& sig, const prepared_text& name,
            const prepared_text& date, double wn, double wd, block& b) {
  const grid& g = ctx.g;
  const auto& spec = ctx.spec.seal;
  const model::seal& seal = sig.seals.front();
  auto it = ctx.seals.find(seal.src);
  if (it == ctx.seals.end()) {
    ctx.diags.error(ctx.doc.source_name, seal.pos.line, seal.pos.column,
                    "the image of <seal src=\"" + seal.src + "\"> was not loaded");
    return false;
  }
  const double date_left = g.width - spec.date_right_indent * g.cell - wd;
  const double centre_x = g.left + date_left + wd / 2;
  b.rows_before = spec.rows_before;
  b.lines.push_back(line_of(name, centre_x - wn / 2));
  b.lines.push_back(line_of(date, g.left + date_left));
  // y relative to the 署名's em top; the date's cell ends a row lower.
  const double diameter = seal.diameter > 0 ? mm_to_pt(seal.diameter) : spec.diameter;
  const double centre_y = (g.pitch + g.cell) / 2 - spec.lift * diameter;
  image im = it->second;
  im.role = element::seal;
  im.width = im.height = diameter;
  im.x = centre_x - diameter / 2;
  im.y = centre_y - diameter / 2;
  b.below = std::max(0.0, centre_y + diameter / 2 - (g.pitch + g.cell));
  b.images.push_back(std::move(im));
  return true;
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
  if (sig.seals.empty()) {
    // 7.3.5.2: the name 右空二字, the date's first character 2 cells right of the
    // name's; a joint document's organs one a row, the lead first, from one left edge.
    std::vector<prepared_text> others;
    double left = name_left;
    for (const auto& organ : sig.co_organs) {
      others.push_back(
          prepare({ctx.piece(organ, ss.style, element::signature)}, g.cell, ctx.breaks));
      ctx.report_coverage(others.back(), sig.pos);
      left = std::min(left, limit - trimmed_width(others.back(), 0, others.back().clusters.size()));
    }
    b.lines.push_back(line_of(name, g.left + left));
    for (const auto& o : others) b.lines.push_back(line_of(o, g.left + left));
    b.lines.push_back(line_of(date, g.left + left + offset));
  } else if (!sig.co_organs.empty()) {
    ctx.diags.error(ctx.doc.source_name, sig.pos.line, sig.pos.column,
                    "a joint signature with seals is not supported yet",
                    "give one <organ> with its <seal>, or the organs without a seal");
    return;
  } else if (!sealed(ctx, sig, name, date, wn, wd, b)) {
    return;
  }
  out.push_back(std::move(b));
}

}  // namespace hongtou::layout
