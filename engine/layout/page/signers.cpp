// SPDX-License-Identifier: Apache-2.0
// 签发人 of an upward document (GB/T 9704-2012 7.2.6): "签发人：" in 仿宋 and
// the names in 楷体, 居右空一字 on the 发文字号's row; several names two a row
// (common practice), further rows starting under the first name, the
// 发文字号 on the last row.
#include "layout/page/flow.hpp"

namespace hongtou::layout {

double place_signers(context& ctx, const model::header& h, double top, block& out) {
  const auto& sg = ctx.spec.signer;
  const grid& g = ctx.g;
  const model::text_style label_style{sg.label_role, sg.style.size, sg.style.color};
  const double label = ctx.width_of(sg.label, label_style, element::signer);
  const size_t per_row = static_cast<size_t>(sg.per_row);
  std::vector<double> widths;
  for (const auto& name : h.signers)
    widths.push_back(ctx.width_of(name, sg.style, element::signer));
  // The first row ends 右空一字; later rows start under its first name.
  double first_row = label;
  for (size_t i = 0; i < widths.size() && i < per_row; ++i)
    first_row += (i ? sg.gap : 0) + widths[i];
  const double names_x = g.width - sg.right_indent * g.cell - first_row + label;
  // One line a row, all on the label's baseline (仿宋 and 楷体 level).
  const fonts::face& ref = *ctx.font(label_style);
  double row_top = top;
  std::vector<glyph_run> runs;
  auto end_row = [&] {
    ctx.place_line(runs, row_top, ref);
    for (auto& run : runs) ctx.measure_ink(run);
    out.lines.push_back({std::move(runs)});
    runs.clear();
  };
  for (size_t i = 0; i < h.signers.size(); ++i) {
    const size_t column = i % per_row;
    if (i > 0 && column == 0) {
      end_row();
      row_top += g.pitch;
    }
    if (i == 0)
      runs = ctx.line_at(sg.label, label_style, element::signer, names_x - label, h.signers_pos);
    double x = names_x;
    for (size_t k = i - column; k < i; ++k) x += widths[k] + sg.gap;
    for (auto& run : ctx.line_at(h.signers[i], sg.style, element::signer, x, h.signers_pos))
      runs.push_back(std::move(run));
  }
  if (!runs.empty()) end_row();
  return row_top;
}

}  // namespace hongtou::layout
