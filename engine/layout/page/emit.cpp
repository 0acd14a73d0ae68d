// SPDX-License-Identifier: Apache-2.0
// emit: the placed blocks into frames, once. Grid lines get their y from
// their row; fixed blocks already carry theirs. The outline comes from the
// placed blocks; page numbers are added to every page that shows one.
#include <algorithm>

#include "layout/page/emit.hpp"

namespace hongtou::layout {

namespace {

void count(const block_line& line, layout_stats& stats) {
  ++stats.lines;
  stats.push_in += line.pushed_in ? 1 : 0;
  stats.push_out += line.pushed_out ? 1 : 0;
  stats.hanging += line.hangs ? 1 : 0;
  stats.one_char_last += line.one_char_last ? 1 : 0;
}

// A table's parts on their pages: the lead (or 续表) lines on their rows,
// the pieces at their tops, the frame around each page's part and the rule
// under its header rows. Lines come before text in the page's lists.
void emit_table(context& ctx, const block& blk, const pagination& plan,
                const std::vector<table_segment>& segs, frames& out) {
  const table_layout& t = *blk.table;
  for (const table_segment& seg : segs) {
    page& pg = out.pages[static_cast<size_t>(seg.page)];
    // The frame inside the table's box, so that nothing reaches past the type area.
    const auto box = [&](double x, double y, double w, double h) {
      pg.rects.push_back({element::table, x, y, w, h, t.color});
    };
    const double x0 = t.left, w = t.width, o = t.outer;
    box(x0, seg.top, w, o);
    box(x0, seg.bottom - o, w, o);
    box(x0, seg.top, o, seg.bottom - seg.top);
    box(x0 + w - o, seg.top, o, seg.bottom - seg.top);
    if (seg.header_bottom >= 0 && seg.header_bottom < seg.bottom - 0.01)
      box(x0, seg.header_bottom - t.header_rule / 2, w, t.header_rule);
    if (seg.first_row > 0) {
      const auto put = [&](std::vector<glyph_run> runs, int row, double offset) {
        ctx.place_line(runs, plan.row_top(ctx.g, seg.page, row) + offset);
        for (auto& run : runs) pg.runs.push_back(std::move(run));
      };
      if (seg.continued) {
        put(t.continued, seg.first_row, t.continued_offset);
      } else {
        for (size_t i = 0; i < t.lead.size(); ++i)
          put(t.lead[i], seg.first_row + static_cast<int>(i), t.lead_offset[i]);
      }
    }
    for (const auto& [piece, top] : seg.pieces) emit_piece(t, piece, top, seg.top, pg);
  }
}

}  // namespace

void emit(context& ctx, std::vector<block>& blocks, const pagination& plan, frames& out) {
  out.page_width = ctx.spec.page.width;
  out.page_height = ctx.spec.page.height;
  // The PDF title: the title's lines joined (Chinese needs no space).
  out.title = ctx.doc.title;
  out.title.erase(std::remove(out.title.begin(), out.title.end(), '\n'), out.title.end());
  out.pages.resize(static_cast<size_t>(plan.pages));
  for (size_t i = 0; i < out.pages.size(); ++i) out.pages[i].number = static_cast<int>(i) + 1;

  // Each page's runs in one allocation, made when its first line comes, as
  // the lines before have given theirs back (tables' runs, not counted,
  // may grow it).
  std::vector<size_t> runs_on(out.pages.size(), 1);  // 1: the page number
  for (size_t b = 0; b < blocks.size(); ++b)
    if (blocks[b].place != placement::table)
      for (size_t l = 0; l < blocks[b].lines.size(); ++l)
        runs_on[static_cast<size_t>(plan.at[b][l].page)] += blocks[b].lines[l].runs.size();

  for (size_t b = 0; b < blocks.size(); ++b) {
    block& blk = blocks[b];
    if (blk.place == placement::table) {
      emit_table(ctx, blk, plan, plan.tables[b], out);
      continue;
    }
    for (size_t l = 0; l < blk.lines.size(); ++l) {
      const line_place& at = plan.at[b][l];
      page& pg = out.pages[static_cast<size_t>(at.page)];
      auto& runs = blk.lines[l].runs;
      if (blk.place == placement::grid)
        ctx.place_line(runs, plan.row_top(ctx.g, at.page, at.row) + blk.y_offset);
      // The outline entry of a level-1 heading points at its first line.
      if (l == 0 && !blk.outline.empty() && !runs.empty())
        out.outline.push_back({blk.outline, at.page + 1, runs.front().em_top});
      if (pg.runs.capacity() == 0) pg.runs.reserve(runs_on[static_cast<size_t>(at.page)]);
      for (auto& run : runs) pg.runs.push_back(std::move(run));
      std::vector<glyph_run>().swap(runs);  // the moved-from runs' memory, given back now
      if (blk.place == placement::grid) count(blk.lines[l], out.stats);
    }
    page& first = out.pages[static_cast<size_t>(plan.block_page[b])];
    for (auto& r : blk.rules) first.rules.push_back(r);
    // Images of grid blocks hang from their first line; the others are placed.
    const double origin = blk.place == placement::grid && !plan.at[b].empty()
                              ? plan.row_top(ctx.g, plan.at[b].front().page, plan.at[b].front().row)
                              : 0;
    for (auto& im : blk.images) {
      im.y += origin;
      first.images.push_back(std::move(im));
    }
  }

  for (auto& pg : out.pages) {
    const bool unnumbered = std::find(plan.unnumbered.begin(), plan.unnumbered.end(),
                                      pg.number - 1) != plan.unnumbered.end();
    if (unnumbered) continue;
    if (auto run = page_number_run(ctx, pg.number)) pg.runs.push_back(std::move(*run));
  }
  out.stats.fallback = ctx.substitutions();
}

}  // namespace hongtou::layout
