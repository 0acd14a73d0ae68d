// 版记 (GB/T 9704-2012 7.4), built upwards from its last rule, which lies on
// the bottom edge of the type area: the 印发机关 (左空一字) and 印发日期
// (右空一字) on the last row (7.4.3), the 抄送机关 on the rows above it with
// its wrapped lines under the first organ (7.4.2); a thick rule first and
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

void flow_imprint(context& ctx, flow_state&, std::vector<block>& out) {
  const model::imprint& end = ctx.doc.end;
  if (!end.present) return;
  const auto& im = ctx.spec.imprint;
  const grid& g = ctx.g;
  block b;
  b.role = element::imprint;
  b.place = placement::bottom;
  b.pos = end.pos;

  // The last row: 印发机关 and 印发日期.
  double y = g.bottom;
  b.rules.push_back(imprint_rule(ctx, y, im.outer_rule));
  y -= g.pitch;
  std::vector<glyph_run> row =
      ctx.line_at(end.printer, im.style, element::imprint, im.inset, end.printer_pos);
  const std::string date = enclosed(end.print_date, "", im.date_suffix);
  const double date_width = ctx.width_of(date, im.style, element::imprint);
  for (auto& run : ctx.line_at(date, im.style, element::imprint, g.width - im.inset - date_width,
                               end.print_date_pos))
    row.push_back(std::move(run));
  centre_in_row(ctx, row, y);
  std::vector<block_line> lines{{std::move(row)}};

  // The 抄送机关 above it, wrapped under the first organ; one row each.
  if (!end.cc.empty()) {
    const double label = ctx.width_of(im.cc_label, im.style, element::imprint);
    std::vector<block_line> cc =
        ctx.grid_lines({ctx.piece(im.cc_label + end.cc, im.style, element::imprint)}, 0, label,
                       end.cc_pos, im.inset, g.width - 2 * im.inset);
    b.rules.push_back(imprint_rule(ctx, y, im.inner_rule));
    y -= g.pitch * static_cast<double>(cc.size());
    for (size_t i = 0; i < cc.size(); ++i)
      centre_in_row(ctx, cc[i].runs, y + g.pitch * static_cast<double>(i));
    lines.insert(lines.begin(), std::make_move_iterator(cc.begin()),
                 std::make_move_iterator(cc.end()));
  }
  b.rules.push_back(imprint_rule(ctx, y, im.outer_rule));
  b.top = y - im.outer_rule / 2;
  b.lines = std::move(lines);
  out.push_back(std::move(b));
}

}  // namespace hongtou::layout
