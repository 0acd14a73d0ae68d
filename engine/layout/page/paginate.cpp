// SPDX-License-Identifier: Apache-2.0
// paginate: every line of every block gets its page and row, and every
// pagination rule is decided here: keep-with-next (a standalone heading is
// never the last line of a page, GB/T 9704-2012 7.3.3 practice), keep-
// together, the signature never alone on a page (7.3.5.5 and common
// practice: it takes body lines with it); whether page 1 shows body text (7.3.3).
#include <algorithm>
#include <cstdio>

#include "layout/page/emit.hpp"

namespace hongtou::layout {

namespace {

class paginator {
 public:
  paginator(context& ctx, const std::vector<block>& blocks) : ctx_(ctx), blocks_(blocks) {}

  pagination run() {
    plan_.pages = 1;
    plan_.block_page.assign(blocks_.size(), 0);
    plan_.at.resize(blocks_.size());
    plan_.tables.resize(blocks_.size());
    for (size_t b = 0; b < blocks_.size(); ++b) {
      if (blocks_[b].place == placement::table) {
        place_table(b);
      } else if (blocks_[b].place == placement::fixed) {
        plan_.block_page[b] = page_;
        plan_.at[b].assign(blocks_[b].lines.size(), {page_, 0});
      } else if (blocks_[b].place == placement::bottom) {
        place_at_foot(b);
      } else {
        place(b);
      }
    }
    check_first_page();
    return std::move(plan_);
  }

 private:
  int rows() const { return rows_; }

  void new_page() {
    ++page_;
    plan_.pages = page_ + 1;
    row_ = 1;
    rows_ = ctx_.g.rows;
  }

  // GB/T 9704-2012 7.3.5.5: a signature that does not fit closes up the
  // rows of its page, from the page's first grid row, down to the layout's
  // least pitch; true when it then fits, rows `first` to `last` included.
  bool tighten(int first, int last, const block& blk) {
    const grid& g = ctx_.g;
    int from = first;
    for (const auto& lines : plan_.at)
      for (const auto& at : lines)
        if (at.page == page_ && at.row > 0) from = std::min(from, at.row);
    if (last <= from) return false;
    const double pitch = (g.bottom - g.cell - blk.below - g.row_top(from)) / (last - from);
    if (pitch < ctx_.spec.signature.min_pitch - 1e-9 || pitch >= g.pitch) return false;
    plan_.tight.resize(static_cast<size_t>(page_) + 1);
    plan_.tight[static_cast<size_t>(page_)] = {from, pitch};
    rows_ = last;
    char text[160];
    std::snprintf(text, sizeof text,
                  "page %d: rows closed up to a pitch of %.2f pt (the grid's %.2f) so that the "
                  "signature fits (GB/T 9704-2012 7.3.5.5)",
                  page_ + 1, pitch, g.pitch);
    ctx_.diags.add({severity::note, ctx_.doc.source_name, blk.pos.line, blk.pos.column, text, {}});
    return true;
  }

  void place(size_t b) {
    const block& blk = blocks_[b];
    const int n = static_cast<int>(blk.lines.size());
    if (blk.break_before && (row_ > 1 || page_has_fixed())) new_page();
    if (blk.at_row > 0) row_ = blk.at_row;
    int first = blk.at_row > 0 ? row_ : row_ + blk.rows_before;
    // It fits when its lines are on the page and its images (a seal) inside the type area.
    const bool fits =
        first + n - 1 <= rows() &&
        ctx_.g.row_top(first + n - 1) + ctx_.g.cell + blk.below <= ctx_.g.bottom + 1e-6;
    if (!fits && blk.carry_lines > 0 && tighten(first, first + n - 1, blk)) {
      // closed up: it fits on this page
    } else if (!fits && blk.carry_lines > 0) {
      carry(static_cast<size_t>(blk.carry_lines));
      ctx_.diags.add({severity::note,
                      ctx_.doc.source_name,
                      blk.pos.line,
                      blk.pos.column,
                      "page " + std::to_string(page_ + 1) + ": " + std::to_string(blk.carry_lines) +
                          " lines went over with the signature, which must not stand alone "
                          "(GB/T 9704-2012 7.3.5.5)",
                      {}});
      first = row_ + blk.rows_before;
    } else if (!fits && blk.keep_together && first > 1) {
      new_page();
      first = 1;
    } else if (blk.keep_with_next && first + n > rows() && first <= rows()) {
      new_page();
      first = 1;
    }
    row_ = first;
    plan_.at[b].clear();
    for (int l = 0; l < n; ++l) {
      if (row_ > rows()) new_page();
      plan_.at[b].push_back({page_, row_});
      if (blk.carriable) carriable_.push_back({b, static_cast<size_t>(l)});
      ++row_;
    }
    plan_.block_page[b] = n > 0 ? plan_.at[b].front().page : page_;
  }

  // A table (table.hpp): its caption and unit rows from the next free row,
  // kept with the header and the first row group; then group after group
  // while they fit above the type area's bottom, the rest on new pages
  // under the 续表 line and the repeated header; a group taller than a page
  // broken at a line boundary, with a warning. The grid goes on at the
  // first row whose top lies half a gap below the table.
  void place_table(size_t b) {
    const block& blk = blocks_[b];
    const table_layout& t = *blk.table;
    const grid& g = ctx_.g;
    const double bottom = g.bottom;  // the frame is drawn inside the table's box
    std::vector<table_segment>& segs = plan_.tables[b];
    const auto frame_top = [&](int row, size_t lines) {
      if (lines > 0)
        return plan_.row_top(g, page_, row + static_cast<int>(lines) - 1) + g.cell + t.gap;
      return std::max(plan_.row_top(g, page_, row) - g.gap / 2, g.top);
    };
    int first = blk.at_row > 0 ? blk.at_row : row_ + blk.rows_before;
    // The room on a continued page, under the 续表 line and the header.
    const double fresh_room = g.bottom - frame_top(1, t.continued.empty() ? 0 : 1) -
                              (t.repeat_header ? t.header.height : 0);
    // What must open the table on its first page: the header and the first
    // group, or its first row when the group is taller than a page.
    // (a first row taller than a page needs two of its lines).
    const double least = 2 * t.pitch + 2 * t.padding;
    double opening = t.header.height;
    if (!t.groups.empty()) {
      const table_piece& g0 = t.groups.front();
      const double row = g0.height <= fresh_room || g0.rows.empty() ? g0.height : g0.rows.front();
      opening += row <= fresh_room ? row : std::min(row, least);
    }
    const auto fits = [&](int row) {
      return row + static_cast<int>(t.lead.size()) - 1 <= rows() &&
             frame_top(row, t.lead.size()) + opening <= bottom + 1e-6;
    };
    if (!fits(first) && (first > 1 || page_has_fixed())) {
      new_page();
      first = 1;
    }
    plan_.block_page[b] = page_;
    table_segment seg;
    const auto open = [&](int row, size_t lines, bool continued) {
      seg = {};
      seg.page = page_;
      seg.first_row = lines > 0 ? row : 0;
      seg.continued = continued;
      seg.top = frame_top(row, lines);
      if (t.header.height > 0 && (!continued || t.repeat_header)) {
        seg.pieces.emplace_back(t.header, seg.top);
        seg.header_bottom = seg.top + t.header.height;
      }
    };
    const auto y_end = [&] {
      return seg.pieces.empty() ? seg.top
                                : seg.pieces.back().second + seg.pieces.back().first.height;
    };
    const auto close = [&] {
      seg.bottom = y_end();
      segs.push_back(std::move(seg));
    };
    const auto next_page = [&] {
      close();
      new_page();
      open(1, t.continued.empty() ? 0 : 1, true);
    };
    open(first, t.lead.size(), false);
    // The opening must fit under the 表题 and the unit line on a page of its
    // own, and a row of two lines under the header on a continued page.
    if (fresh_room < least || !fits(first)) {
      std::string what = t.lead.empty() ? "header rows" : "表题, unit line and header rows";
      if (t.header.height == 0) what = "表题 and unit line";
      ctx_.diags.add(
          {severity::error,
           ctx_.doc.source_name,
           blk.pos.line,
           blk.pos.column,
           "the table's " + what + " fill a page; no row fits below them (shorten them" +
               (t.header.height > 0 && t.repeat_header ? std::string(", or repeat-header=\"no\"")
                                                       : std::string()) +
               ")",
           {}});
      segs.push_back(seg);
      return;
    }
    bool warned = false;
    for (const table_piece& group : t.groups) {
      table_piece piece = group;
      while (y_end() + piece.height > bottom + 1e-6) {
        const bool has_rows = seg.pieces.size() > (seg.header_bottom >= 0 ? 1u : 0u);
        if (has_rows && piece.height <= fresh_room + 1e-6) {
          next_page();  // the group moves whole
          continue;
        }
        // Taller than the page: broken at a row boundary, or inside a row
        // taller than a page, between two of its lines (with a warning).
        bool inside_row = false;
        const double cut = split_cut(t, piece, bottom - y_end(), inside_row);
        if (cut < 0 && !has_rows) break;            // not one line fits a page: set as it is
        if (cut < 0 || (inside_row && has_rows)) {  // the row may fit whole on the next page
          next_page();
          continue;
        }
        table_piece rest;
        split_at(t, piece, cut, inside_row, rest);
        if (inside_row && !warned)
          ctx_.diags.add({severity::warning,
                          ctx_.doc.source_name,
                          blk.pos.line,
                          blk.pos.column,
                          "a table row is taller than a page: it is broken inside, between two "
                          "of its lines, on page " +
                              std::to_string(page_ + 1),
                          {}});
        warned |= inside_row;
        seg.pieces.emplace_back(std::move(piece), y_end());
        piece = std::move(rest);
        next_page();
      }
      const double y = y_end();
      seg.pieces.emplace_back(std::move(piece), y);
    }
    close();
    const double end = segs.back().bottom;
    int r = 1;
    while (r <= rows() && plan_.row_top(g, page_, r) - g.gap / 2 < end - 1e-6) ++r;
    row_ = r;
  }

  // Moves the last `count` carriable lines of the current page, and the
  // lines kept with them, to the top of a new page.
  void carry(size_t count) {
    std::vector<std::pair<size_t, size_t>> moving;
    while (!carriable_.empty()) {
      const auto [b, l] = carriable_.back();
      if (plan_.at[b][l].page != page_ || (count == 0 && !blocks_[b].keep_with_next)) break;
      moving.insert(moving.begin(), carriable_.back());
      carriable_.pop_back();
      if (count > 0) --count;
    }
    new_page();
    size_t previous = blocks_.size();
    for (const auto& [b, l] : moving) {
      // Empty rows between the moved blocks stay (the one above a 附件说明, say).
      if (l == 0 && previous != blocks_.size()) row_ += blocks_[b].rows_before;
      previous = b;
      plan_.at[b][l] = {page_, row_++};
      plan_.block_page[b] = plan_.at[b].front().page;
      carriable_.push_back({b, l});
    }
  }

  // The lowest point of what is placed on the current page, pt; 0 when it is empty.
  double content_bottom(size_t before) const {
    double y = 0;
    for (size_t b = 0; b < before; ++b) {
      const block& blk = blocks_[b];
      for (size_t l = 0; l < blk.lines.size(); ++l) {
        const line_place& at = plan_.at[b][l];
        if (at.page != page_) continue;
        if (blk.place == placement::grid)
          y = std::max(y, plan_.row_top(ctx_.g, page_, at.row) + ctx_.g.cell);
        for (const auto& run : blk.lines[l].runs)
          if (blk.place != placement::grid) y = std::max(y, run.em_bottom);
      }
      if (plan_.block_page[b] == page_)
        for (const auto& r : blk.rules) y = std::max(y, r.y + r.thickness / 2);
    }
    return y;
  }

  // A block on the foot of the last page (版记, GB/T 9704-2012 7.4): on the
  // page where the content ends when it fits below it with a row's gap, else
  // on the next page; with `even_page`, on an even page, after a blank page
  // if need be — and then neither the blank page nor its page shows a
  // number (7.5).
  void place_at_foot(size_t b) {
    const block& blk = blocks_[b];
    const int content_page = page_;
    int target = content_page;
    if (content_bottom(b) + ctx_.g.gap > blk.top + 1e-6) ++target;
    if (ctx_.spec.imprint.even_page && target % 2 == 0) ++target;  // index 0 = page 1
    if (target > content_page + 1)
      for (int p = content_page + 1; p <= target; ++p) plan_.unnumbered.push_back(p);
    while (page_ < target) new_page();
    plan_.block_page[b] = page_;
    plan_.at[b].assign(blk.lines.size(), {page_, 0});
  }

  bool page_has_fixed() const {
    for (size_t b = 0; b < blocks_.size(); ++b)
      if (blocks_[b].place == placement::fixed && plan_.block_page[b] == page_) return true;
    return false;
  }

  // GB/T 9704-2012 7.3.3: 公文首页必须显示正文 (compose acts on it).
  void check_first_page() {
    if (ctx_.doc.body.empty()) return;
    for (size_t b = 0; b < blocks_.size(); ++b) {
      const element r = blocks_[b].role;
      if (r != element::body && r != element::heading) continue;
      for (const auto& at : plan_.at[b])
        if (at.page == 0) return;
    }
    plan_.body_on_first_page = false;
  }

  context& ctx_;
  const std::vector<block>& blocks_;
  pagination plan_;
  int page_ = 0;
  int row_ = 1;
  int rows_ = ctx_.g.rows;  // rows of the current page (more when it is closed up)
  std::vector<std::pair<size_t, size_t>> carriable_;  // (block, line), in placing order
};

}  // namespace

pagination paginate(context& ctx, const std::vector<block>& blocks) {
  return paginator(ctx, blocks).run();
}

}  // namespace hongtou::layout
