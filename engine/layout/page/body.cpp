// 主送机关 (GB/T 9704-2012 7.3.2) and 正文 (7.3.3) on the body grid: the
// addressee 顶格 one empty row below the title, then the paragraphs, each
// 左空二字, with headings of levels 1–4 in their own faces.
#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

// The level of a span: a standalone heading's own, or a run-in lead's.
int level_of(const model::block& blk, const model::span& sp) {
  return blk.kind == model::block_kind::heading ? blk.level : sp.lead_level;
}

}  // namespace

block body_paragraph(context& ctx, const model::block& blk) {
  const model::layout_spec& spec = ctx.spec;
  std::vector<text_piece> pieces;
  block b;
  b.role = blk.kind == model::block_kind::heading ? element::heading : element::body;
  b.pos = blk.pos;
  b.carriable = true;
  for (const auto& sp : blk.spans) {
    const int level = level_of(blk, sp);
    if (level > 0)
      pieces.push_back(ctx.piece(sp.text, spec.heading[level - 1], element::heading, level));
    else
      pieces.push_back(ctx.piece(sp.text, spec.body.style, element::body));
    if (level == 1) b.outline += sp.text;  // level-1 headings make the outline
  }
  b.lines = ctx.grid_lines(std::move(pieces), spec.body.first_line_indent * ctx.g.cell, 0, blk.pos);
  return b;
}

void flow_body(context& ctx, flow_state& state, std::vector<block>& out) {
  const model::document& doc = ctx.doc;
  const grid& g = ctx.g;
  // The first row: the given number of empty rows below the title, on the
  // nearest grid row (行: GB/T 9704-2012 3.2; the snap is common practice).
  int first_row = 1;
  if (state.fixed_bottom) {
    const int rows =
        doc.addressee.empty() ? ctx.spec.body.rows_before : ctx.spec.addressee.rows_before;
    first_row = g.nearest_row(*state.fixed_bottom + g.gap + rows * g.pitch);
  }
  if (!doc.addressee.empty()) {
    block b;
    b.role = element::addressee;
    b.at_row = first_row;
    b.lines = ctx.grid_lines(
        {ctx.piece(doc.addressee, ctx.spec.addressee.style, element::addressee)}, 0, 0, {});
    out.push_back(std::move(b));
    first_row = 0;
  }
  for (size_t i = 0; i < doc.body.size(); ++i) {
    block b = body_paragraph(ctx, doc.body[i]);
    b.at_row = first_row;
    first_row = 0;
    // A standalone heading (7.3.3) stays with the line after it (common practice).
    b.keep_with_next = doc.body[i].kind == model::block_kind::heading && i + 1 < doc.body.size();
    out.push_back(std::move(b));
  }
}

}  // namespace hongtou::layout
