// SPDX-License-Identifier: Apache-2.0
// 版记 (GB/T 9704-2012 7.4), built upwards from its last rule, which lies on
// the bottom edge of the type area: the 印发机关 (左空一字) and 印发日期
// (右空一字) on the last row (7.4.3), the other elements of the 版记 above it
// (7.4.1), the 抄送机关 above those with its wrapped lines under the first
// organ (7.4.2), a 主送机关 moved from page 1 (7.3.2) above the 抄送 laid out
// the same way; a thick rule first and last, a thin one between two groups
// of rows (7.4.1). One body row per line of text, the text centred in it
// (common practice). paginate chooses the page.
#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

rule imprint_rule(const context& ctx, double y, double thickness) {
  const auto& im = ctx.spec.imprint;
  rule r;
  r.role = element::imprint;
  r.width = im.rule_width;
  r.x = ctx.g.left + (ctx.g.width - r.width) / 2;
  r.y = y;
  r.thickness = thickness;
  r.color = im.rule_color;
  return r;
}

// Lines of a 版记 row whose em box is centred between row_top and row_top + pitch.
void centre_in_row(const context& ctx, std::vector<glyph_run>& runs, double row_top) {
  if (!runs.empty()) ctx.place_line(runs, row_top + (ctx.g.pitch - runs.front().size) / 2);
}

// Text set in the 版记's style from `inset` (左右各空一字), its wrapped lines
// `hang` further in, one row each, the last row's bottom at `bottom`.
std::vector<block_line> rows_above(context& ctx, const std::string& text, double hang,
                                   const model::source_pos& pos, double bottom) {
  const auto& im = ctx.spec.imprint;
  const grid& g = ctx.g;
  std::vector<block_line> rows = ctx.grid_lines({ctx.piece(text, im.style, element::imprint)}, 0,
                                                hang, pos, im.inset, g.width - 2 * im.inset);
  const double top = bottom - g.pitch * static_cast<double>(rows.size());
  for (size_t i = 0; i < rows.size(); ++i)
    centre_in_row(ctx, rows[i].runs, top + g.pitch * static_cast<double>(i));
  return rows;
}

// Puts `rows` above `lines` (the rows below them).
void put_above(std::vector<block_line>& lines, std::vector<block_line> rows) {
  lines.insert(lines.begin(), std::make_move_iterator(rows.begin()),
               std::make_move_iterator(rows.end()));
}

// The 印发 row (7.4.3) whose top is at y: 印发机关 左空一字, 印发日期 右空一字.
block_line printer_row(context& ctx, const model::imprint& end, double y) {
  const auto& im = ctx.spec.imprint;
  std::vector<glyph_run> row =
      ctx.line_at(end.printer, im.style, element::imprint, im.inset, end.printer_pos);
  const std::string date = enclosed(end.print_date, "", im.date_suffix);
  const double date_width = ctx.width_of(date, im.style, element::imprint);
  for (auto& run : ctx.line_at(date, im.style, element::imprint,
                               ctx.g.width - im.inset - date_width, end.print_date_pos))
    row.push_back(std::move(run));
  centre_in_row(ctx, row, y);
  return {std::move(row)};
}

// The other elements of the 版记 (7.4.1), each from a new row, its wrapped
// lines under its first character; the last row's bottom at `bottom`.
std::vector<block_line> other_rows(context& ctx, const model::imprint& end, double bottom) {
  std::vector<block_line> rows;
  for (auto it = end.others.rbegin(); it != end.others.rend(); ++it) {
    const double above = bottom - ctx.g.pitch * static_cast<double>(rows.size());
    put_above(rows, rows_above(ctx, it->text, 0, it->pos, above));
  }
  return rows;
}

}  // namespace

// Labelled organs (抄送：…, 主送：…) wrapped under the first organ, one row
// each, the last row's bottom at `bottom`; returns their lines.
std::vector<block_line> labelled_rows(context& ctx, const std::string& label,
                                      const std::string& organs, const model::source_pos& pos,
                                      double bottom) {
  const auto& im = ctx.spec.imprint;
  const double indent = ctx.width_of(label, im.style, element::imprint);
  return rows_above(ctx, label + organs, indent, pos, bottom);
}

void flow_imprint(context& ctx, flow_state&, std::vector<block>& out) {
  const model::imprint& end = ctx.doc.end;
  if (!end.present) return;
  const auto& im = ctx.spec.imprint;
  const grid& g = ctx.g;
  block b;
  b.role = element::imprint;
  b.place = placement::bottom;
  b.pos = end.pos;

  double y = g.bottom;
  if (im.rules) b.rules.push_back(imprint_rule(ctx, y, im.outer_rule));
  std::vector<block_line> lines;
  // Each group of rows goes above the last, a thin rule between two groups.
  auto add_group = [&](std::vector<block_line> rows) {
    if (rows.empty()) return;
    if (!lines.empty() && im.rules) b.rules.push_back(imprint_rule(ctx, y, im.inner_rule));
    y -= g.pitch * static_cast<double>(rows.size());
    put_above(lines, std::move(rows));
  };
  // The last row: 印发机关 and 印发日期 (absent when the 版记 only holds a moved 主送).
  if (!end.printer.empty() && im.printer)
    add_group({printer_row(ctx, end, y - g.pitch)});
  else if (!end.printer.empty())
    ctx.diags.warning(ctx.doc.source_name, end.printer_pos.line, end.printer_pos.column,
                      "this format's 版记 has no 印发机关 and 印发日期 (GB/T 9704-2012 10.1: a "
                      "letter's); not set",
                      "remove <printer> and <print-date>, or use the general format");
  // Above it the other elements (7.4.1); above them the 抄送机关, and above
  // that the 主送机关, with no rule between those two (7.4).
  add_group(other_rows(ctx, end, y));
  std::vector<block_line> organs;
  if (!end.cc.empty()) organs = labelled_rows(ctx, im.cc_label, end.cc, end.cc_pos, y);
  if (!end.addressee.empty()) {
    const double bottom = y - g.pitch * static_cast<double>(organs.size());
    put_above(organs, labelled_rows(ctx, im.to_label, end.addressee, end.addressee_pos, bottom));
  }
  add_group(std::move(organs));
  if (im.rules) b.rules.push_back(imprint_rule(ctx, y, im.outer_rule));
  b.top = im.rules ? y - im.outer_rule / 2 : y;
  b.lines = std::move(lines);
  out.push_back(std::move(b));
}

}  // namespace hongtou::layout
