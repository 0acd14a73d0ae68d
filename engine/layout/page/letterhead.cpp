// SPDX-License-Identifier: Apache-2.0
// 信函格式 (GB/T 9704-2012 10.1): the 发文机关标志 measured from the paper's
// top edge (30 mm, <issuer top-from-paper>), a red double rule 4 mm below it
// (thick above thin) and another near the paper's foot (thin above thick),
// both 170 mm and centred; 份号, 密级和保密期限 and 紧急程度 顶格 at the type
// area's left and the 发文字号 顶格 at its right under the first rule, 7/8 of
// a 3号 character below it. The title follows 2 rows below the last of them
// (flow_title). The numbers are <letterhead> of the layout.
#include <algorithm>

#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

// A double rule from `top` down: the first stroke `first` wide, then the gap,
// then the second; returns its bottom edge.
double double_rule(const context& ctx, double top, double first, double second, block& b) {
  const auto& lh = ctx.spec.letterhead;
  rule r;
  r.role = element::separator;
  r.width = lh.width;
  r.x = ctx.g.left + (ctx.g.width - r.width) / 2;
  r.color = lh.color;
  r.thickness = first;
  r.y = top + first / 2;
  b.rules.push_back(r);
  r.thickness = second;
  r.y = top + first + lh.gap + second / 2;
  b.rules.push_back(r);
  return top + first + lh.gap + second;
}

}  // namespace

void flow_letterhead(context& ctx, flow_state& state, std::vector<block>& out) {
  const model::header& h = ctx.doc.head;
  const auto& lh = ctx.spec.letterhead;
  const grid& g = ctx.g;
  if (!h.co_issuers.empty())
    ctx.diags.warning(ctx.doc.source_name, h.issuer_pos.line, h.issuer_pos.column,
                      "a letter (信函格式) shows only the lead organ's mark (GB/T 9704-2012 10.1)",
                      "the other organs sign below the text");
  const std::optional<double> mark = place_issuer(ctx, out, /*lead_only=*/true);

  block rules;
  rules.role = element::separator;
  rules.place = placement::fixed;
  const double first_top = (mark ? *mark : g.top) + lh.below_mark;
  const double first_bottom = double_rule(ctx, first_top, lh.thick, lh.thin, rules);
  const double second_top = ctx.spec.page.height - lh.above_bottom - lh.thin - lh.gap - lh.thick;
  double_rule(ctx, second_top, lh.thin, lh.thick, rules);
  out.push_back(std::move(rules));

  // 份号, 密级, 紧急程度 one a row from the left; the 发文字号 on the first row, right.
  const double top = first_bottom + lh.text_gap;
  double bottom = first_bottom;
  size_t row = 0;
  auto add = [&](const std::string& text, const model::text_style& style, element role,
                 const model::source_pos& pos, bool right) {
    const double y = top + static_cast<double>(right ? 0 : row++) * g.pitch;
    const double x = right ? g.width - ctx.width_of(text, style, role) : 0;
    out.push_back(fixed_line(ctx, text, style, role, x, y, pos));
    for (const auto& run : out.back().lines.front().runs) bottom = std::max(bottom, run.em_bottom);
  };
  if (!h.copy_number.empty())
    add(h.copy_number, ctx.spec.copy_number.style, element::copy_number, h.copy_number_pos, false);
  if (!h.classification.empty())
    add(h.classification, ctx.spec.classification.style, element::classification,
        h.classification_pos, false);
  if (!h.urgency.empty())
    add(h.urgency, ctx.spec.urgency.style, element::urgency, h.urgency_pos, false);
  if (!h.doc_number.empty())
    add(h.doc_number, ctx.spec.doc_number.style, element::doc_number, h.doc_number_pos, true);
  if (!h.signers.empty())
    ctx.diags.warning(ctx.doc.source_name, h.signers_pos.line, h.signers_pos.column,
                      "a letter (信函格式) has no 签发人 in its head (GB/T 9704-2012 10.1); "
                      "not set");
  state.fixed_bottom = bottom;
}

}  // namespace hongtou::layout
