// SPDX-License-Identifier: Apache-2.0
// 附件 (GB/T 9704-2012 7.3.7) as documents of their own, after the 附注 and
// before the 版记: each starts a new page with "附件" and its number 顶格 in
// 黑体 on row 1, its title centred on row 3, then its body as the 正文 is
// set. Page numbers go on (7.5: 附件与正文一起装订时，页码应当连续). A
// forwarded document (转发通知) is set the same way without the label, its
// title on the layout's row, with its own 主送机关, signature and 附注. A
// regulation's 题注 and 目录 follow its title, centred (common practice).
#include <algorithm>

#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

block label_block(context& ctx, const std::string& text, const model::source_pos& pos) {
  const auto& ls = ctx.spec.attachment_label;
  block b;
  b.role = element::attachment;
  b.pos = pos;
  b.break_before = true;
  b.at_row = 1;
  b.keep_with_next = true;
  b.lines.push_back({ctx.line_at(text, ls.style, element::attachment, 0, pos)});
  return b;
}

// The title's lines centred, one grid row each, its larger type centred on the row.
block title_block(context& ctx, const model::attachment& a) {
  const auto& ts = ctx.spec.attachment_title;
  const grid& g = ctx.g;
  block b;
  b.role = element::attachment;
  b.pos = a.title_pos;
  if (a.forwarded) {  // no label above it: it opens its page
    b.break_before = true;
    b.at_row = ctx.spec.forwarded.title_row;
  } else {
    b.rows_before = ts.row - 2;  // below the label on row 1
  }
  b.keep_together = true;
  b.keep_with_next = true;
  b.y_offset = (g.cell - ts.style.size) / 2;
  b.lines = title_lines(ctx, a.title, ts.style, element::attachment, a.title_pos);
  return b;
}

// A 题注's lines of text: each explicit line, when longer than the type
// area, broken at its full-width spaces (which separate the events it
// records: 公布, 修订), the pieces packed greedily; the space at a break is
// dropped. A piece longer than a line wraps as text does.
std::vector<std::string> caption_texts(context& ctx, const std::string& caption,
                                       const model::text_style& style) {
  static const std::string space = "\u3000";
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= caption.size()) {
    size_t end = caption.find('\n', from);
    if (end == std::string::npos) end = caption.size();
    std::string line;
    size_t at = from;
    while (at < end) {
      size_t cut = caption.find(space, at);
      if (cut == std::string::npos || cut > end) cut = end;
      const std::string piece = caption.substr(at, cut - at);
      const std::string joined = line.empty() ? piece : line + space + piece;
      if (line.empty() || ctx.width_of(joined, style, element::caption) <= ctx.g.width + 0.01) {
        line = joined;
      } else {
        out.push_back(line);
        line = piece;
      }
      at = cut == end ? end : cut + space.size();
    }
    if (!line.empty()) out.push_back(line);
    from = end + 1;
  }
  return out;
}

// The 题注: its lines centred, one body row each, on the row after the title.
block caption_block(context& ctx, const model::attachment& a) {
  const auto& cs = ctx.spec.caption;
  block b;
  b.role = element::caption;
  b.pos = a.caption_pos;
  b.rows_before = cs.rows_before;
  b.keep_together = true;
  b.keep_with_next = true;
  b.y_offset = ctx.cell_for(cs.style.size) > 0 ? 0 : (ctx.g.cell - cs.style.size) / 2;
  for (const std::string& text : caption_texts(ctx, a.caption, cs.style)) {
    auto lines = ctx.grid_lines({ctx.piece(text, cs.style, element::caption)}, 0, 0, a.caption_pos);
    for (auto& l : lines) b.lines.push_back(std::move(l));
  }
  centre_lines(ctx.g, b.lines);
  return b;
}

// The 目录: its heading centred, then one row per entry, centred or indented.
block contents_block(context& ctx, const model::attachment& a) {
  const auto& cs = ctx.spec.contents;
  block b;
  b.role = element::contents;
  b.pos = a.contents.front().pos;
  b.rows_before = cs.rows_before;
  b.keep_with_next = true;
  b.y_offset = ctx.cell_for(cs.style.size) > 0 ? 0 : (ctx.g.cell - cs.style.size) / 2;
  if (!cs.heading.empty()) {
    const model::text_style hs{cs.heading_role, cs.style.size, cs.style.color};
    auto lines = ctx.grid_lines({ctx.piece(cs.heading, hs, element::contents)}, 0, 0, b.pos);
    centre_lines(ctx.g, lines);
    for (auto& l : lines) b.lines.push_back(std::move(l));
  }
  for (const model::attachment_item& entry : a.contents) {
    const double indent = cs.centred ? 0 : cs.indent * ctx.g.cell;
    auto lines = ctx.grid_lines({ctx.piece(entry.name, cs.style, element::contents)}, indent,
                                indent, entry.pos);
    if (cs.centred) centre_lines(ctx.g, lines);
    for (auto& l : lines) b.lines.push_back(std::move(l));
  }
  return b;
}

}  // namespace

void flow_attachments(context& ctx, flow_state&, std::vector<block>& out) {
  const std::vector<model::attachment>& all = ctx.doc.appendices;
  const auto& ls = ctx.spec.attachment_label;
  // Numbered when there are several, as the 附件说明 numbers them (7.3.7).
  size_t count = 0;
  for (const auto& a : all) count += a.forwarded ? 0 : 1;
  const bool several = count > 1 || ctx.doc.attachments.size() > 1;
  size_t number = 0;
  for (const model::attachment& a : all) {
    std::string title = a.title;  // its lines joined: Chinese needs no space
    title.erase(std::remove(title.begin(), title.end(), '\n'), title.end());
    block tb = title_block(ctx, a);
    if (a.forwarded) {
      tb.outline = title;  // the bookmark of the forwarded document
    } else {
      const std::string label = ls.text + (several ? numbered(ls.number, ++number) : std::string());
      block lb = label_block(ctx, label, a.pos);
      lb.outline = label + "　" + title;  // the bookmark of the attachment
      out.push_back(std::move(lb));
    }
    out.push_back(std::move(tb));
    if (!a.caption.empty()) out.push_back(caption_block(ctx, a));
    if (!a.contents.empty()) out.push_back(contents_block(ctx, a));
    // Its 主送机关 one empty row below the title, 顶格 (as 7.3.2 sets the document's).
    int rows_after_title = ctx.spec.attachment_title.rows_after;
    if (!a.addressee.empty()) {
      block b;
      b.role = element::addressee;
      b.pos = a.pos;
      b.rows_before = ctx.spec.addressee.rows_before;
      b.keep_with_next = true;
      b.lines = ctx.grid_lines(
          {ctx.piece(a.addressee, ctx.spec.addressee.style, element::addressee)}, 0, 0, a.pos);
      out.push_back(std::move(b));
      rows_after_title = 0;
    }
    for (size_t k = 0; k < a.body.size(); ++k) {
      if (a.body[k].kind == model::block_kind::table) {
        const size_t at = out.size();
        table_blocks(ctx, a.body[k], out);
        if (k == 0) out[at].rows_before = rows_after_title;
        continue;
      }
      block b = body_paragraph(ctx, a.body[k]);
      if (k == 0) b.rows_before = rows_after_title;
      b.keep_with_next = a.body[k].kind == model::block_kind::heading && k + 1 < a.body.size();
      out.push_back(std::move(b));
    }
    if (a.sig.present) {
      block b;
      if (signature_block(ctx, a.sig, b)) out.push_back(std::move(b));
    }
    if (!a.note.empty()) out.push_back(note_block(ctx, a.note, a.note_pos));
  }
}

}  // namespace hongtou::layout
