// SPDX-License-Identifier: Apache-2.0
// 主送机关 (GB/T 9704-2012 7.3.2) and 正文 (7.3.3) on the body grid: the
// addressee 顶格 one empty row below the title, then the paragraphs, each
// 左空二字, with headings of levels 1–4 in their own faces, and the chapter
// titles (章) and article numbers (条) of a regulation (common practice).
#include <algorithm>

#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

// The level of a span: a standalone heading's own, or a run-in lead's.
int level_of(const model::block& blk, const model::span& sp) {
  return blk.kind == model::block_kind::heading ? blk.level : sp.lead_level;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A heading's text in its level's style; fake bold when the level asks for it.
text_piece heading_piece(const context& ctx, const std::string& text, int level) {
  const auto& h = ctx.spec.heading[level - 1];
  text_piece p = ctx.piece(text, h.style, element::heading, level);
  if (h.bold) p.stroke = h.bold_stroke;
  return p;
}

// The separator after an article's number (span i), unless the number ends
// with it or the text after it starts with it; none when no text follows.
bool needs_separator(const model::block& blk, size_t i, const std::string& separator) {
  if (i + 1 >= blk.spans.size()) return false;
  return !ends_with(blk.spans[i].text, separator) && !starts_with(blk.spans[i + 1].text, separator);
}

// A chapter title: its lines centred on the type area, on body rows (a
// larger size centred on the row's cell); 1 em of its own size a character
// when that is not the body size.
block chapter_block(context& ctx, const model::block& blk) {
  const auto& cs = ctx.spec.chapter;
  const grid& g = ctx.g;
  block b;
  b.role = element::chapter;
  b.pos = blk.pos;
  b.rows_before = cs.rows_before;
  b.keep_together = true;
  b.carriable = true;  // it goes to a new page with the lines it keeps with
  b.y_offset = ctx.cell_for(cs.style.size) > 0 ? 0 : (g.cell - cs.style.size) / 2;
  std::vector<text_piece> pieces;
  for (const auto& sp : blk.spans) {
    pieces.push_back(ctx.piece(sp.text, cs.style, element::chapter));
    b.outline += sp.text;  // chapters are in the outline, as level-1 headings are
  }
  b.lines = ctx.grid_lines(std::move(pieces), 0, 0, blk.pos);
  centre_lines(g, b.lines);
  return b;
}

}  // namespace

void centre_lines(const grid& g, std::vector<block_line>& lines) {
  for (auto& line : lines) {
    if (line.runs.empty()) continue;
    const double dx = (g.left + g.width - line.runs.back().right()) / 2;
    for (auto& run : line.runs)
      for (auto& gl : run.glyphs) gl.x += dx;
  }
}

block body_paragraph(context& ctx, const model::block& blk) {
  if (blk.kind == model::block_kind::chapter) return chapter_block(ctx, blk);
  const model::layout_spec& spec = ctx.spec;
  std::vector<text_piece> pieces;
  block b;
  b.role = blk.kind == model::block_kind::heading ? element::heading : element::body;
  b.pos = blk.pos;
  b.carriable = true;
  for (size_t i = 0; i < blk.spans.size(); ++i) {
    const model::span& sp = blk.spans[i];
    const int level = level_of(blk, sp);
    if (sp.article) {
      pieces.push_back(ctx.piece(sp.text, spec.article.style, element::article));
      if (needs_separator(blk, i, spec.article.separator))
        pieces.push_back(ctx.piece(spec.article.separator, spec.body.style, element::body));
    } else if (level > 0) {
      pieces.push_back(heading_piece(ctx, sp.text, level));
    } else {
      pieces.push_back(ctx.piece(sp.text, spec.body.style, element::body));
    }
    if (level == 1) b.outline += sp.text;  // level-1 headings make the outline
  }
  b.lines = ctx.grid_lines(std::move(pieces), spec.body.first_line_indent * ctx.g.cell, 0, blk.pos);
  return b;
}

void keep_chapters_with_next(const model::layout_spec& spec, std::vector<block>& blocks) {
  for (size_t i = 0; i + 1 < blocks.size(); ++i) {
    if (blocks[i].role != element::chapter) continue;
    block& next = blocks[i + 1];
    const bool text = next.role == element::body || next.role == element::heading ||
                      next.role == element::chapter;
    if (!text || next.break_before || next.place != placement::grid) continue;
    blocks[i].keep_with_next = true;
    if (next.at_row == 0) next.rows_before = std::max(next.rows_before, spec.chapter.rows_after);
  }
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
    if (doc.body[i].kind == model::block_kind::table) {
      const size_t at = out.size();
      table_blocks(ctx, doc.body[i], out);
      out[at].at_row = first_row;
      first_row = 0;
      continue;
    }
    block b = body_paragraph(ctx, doc.body[i]);
    b.at_row = first_row;
    first_row = 0;
    if (i == 0) b.rows_before = 0;  // no empty row above a chapter title that starts the body
    // A standalone heading (7.3.3) stays with the line after it (common practice).
    b.keep_with_next = doc.body[i].kind == model::block_kind::heading && i + 1 < doc.body.size();
    out.push_back(std::move(b));
  }
}

}  // namespace hongtou::layout
