// 版记 (GB/T 9704-2012 7.4), built upwards from its last rule, which lies on
// the bottom edge of the type area: the 印发机关 (左空一字) and 印发日期
// (右空一字) on the last row (7.4.3), the 抄送机关 on the rows above it with
// its wrapped lines under the first organ (7.4.2), a 主送机关 moved from
// page 1 (7.3.2) above the 抄送 laid out the same way; a thick rule first and
// last, a thin one between (7.4.1). One body row per line of text, the text
// centred in it (common practice). paginate chooses the page.
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
  for (auto& run : runs) ctx.place_em_top(run, row_top + (ctx.g.pitch - run.size) / 2);
}

}  // namespace

// Labelled organs (抄送：…, 主送：…) wrapped under the first organ, one row
// each, the last row's bottom at `bottom`; returns their lines.
std::vector<block_line> labelled_rows(context& ctx, const std::string& label,
                                      const std::string& organs, const model::source_pos& pos,
                                      double bottom) {
  const auto& im = ctx.spec.imprint;
  const grid& g = ctx.g;
  const double indent = ctx.width_of(label, im.style, element::imprint);
  std::vector<block_line> rows =
      ctx.grid_lines({ctx.piece(label + organs, im.style, element::imprint)}, 0, indent, pos,
                     im.inset, g.width - 2 * im.inset);
  const double top = bottom - g.pitch * static_cast<double>(rows.size());
  for (size_t i = 0; i < rows.size(); ++i)
    centre_in_row(ctx, rows[i].runs, top + g.pitch * static_cast<double>(i));
  return rows;
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
  b.rules.push_back(imprint_rule(ctx, y, im.outer_rule));
  std::vector<block_line> lines;
  // The last row: 印发机关 and 印发日期 (absent when the 版记 only holds a moved 主送).
  if (!end.printer.empty()) {
    y -= g.pitch;
    std::vector<glyph_run> row =
        ctx.line_at(end.printer, im.style, element::imprint, im.inset, end.printer_pos);
    const std::string date = enclosed(end.print_date, "", im.date_suffix);
    const double date_width = ctx.width_of(date, im.style, element::imprint);
    for (auto& run : ctx.line_at(date, im.style, element::imprint, g.width - im.inset - date_width,
                                 end.print_date_pos))
      row.push_back(std::move(run));
    centre_in_row(ctx, row, y);
    lines.push_back({std::move(row)});
  }
  // Above it the 抄送机关, and above that the 主送机关, with no rule between
  // those two (7.4); a thin rule between them and the 印发 row.
  std::vector<block_line> organs;
  if (!end.cc.empty()) organs = labelled_rows(ctx, im.cc_label, end.cc, end.cc_pos, y);
  if (!end.addressee.empty()) {
    const double bottom = y - g.pitch * static_cast<double>(organs.size());
    std::vector<block_line> to =
        labelled_rows(ctx, im.to_label, end.addressee, end.addressee_pos, bottom);
    organs.insert(organs.begin(), std::make_move_iterator(to.begin()),
                  std::make_move_iterator(to.end()));
  }
  if (!organs.empty()) {
    if (!lines.empty()) b.rules.push_back(imprint_rule(ctx, y, im.inner_rule));
    y -= g.pitch * static_cast<double>(organs.size());
    lines.insert(lines.begin(), std::make_move_iterator(organs.begin()),
                 std::make_move_iterator(organs.end()));
  }
  b.rules.push_back(imprint_rule(ctx, y, im.outer_rule));
  b.top = y - im.outer_rule / 2;
  b.lines = std::move(lines);
  out.push_back(std::move(b));
}

}  // namespace hongtou::layout
