// SPDX-License-Identifier: Apache-2.0
// 加盖签发人签名章的公文 (GB/T 9704-2012 7.3.5.3), e.g. a 命令: two empty rows
// below the body, the signature seal 右空四字, the signer's office (职务) to
// its left with two cells between them, centred on the seal; the date
// 右空四字 one empty row below the seal. Joint signers one a row, the lead
// first, their offices and seals in columns: the offices right-aligned on the
// gap, the seals centred in a column as wide as the widest (common practice).
#include <algorithm>
#include <cmath>

#include "core/units.hpp"

#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

// Grid rows whose em top lies above `depth` pt below a row's em top, that row
// not counted: how far down a seal of that depth reaches.
int rows_reached(double depth, double pitch) {
  return std::max(0, static_cast<int>(std::ceil(depth / pitch - 1e-9)) - 1);
}

}  // namespace

bool signer_signature(context& ctx, const model::signature& sig, const prepared_text& date,
                      block& b) {
  const grid& g = ctx.g;
  const auto& ss = ctx.spec.signer_seal;
  std::vector<image> seals;
  std::vector<prepared_text> offices;
  double column = 0, height = 0;  // the seal column's width, the tallest seal
  for (const model::signer& who : sig.signers) {
    const image* decoded = ctx.seal_image(who.stamp);
    if (!decoded) return false;
    image im = *decoded;
    im.role = element::seal;
    im.height = who.stamp.height > 0 ? mm_to_pt(who.stamp.height) : ss.height;
    im.width = im.height * static_cast<double>(im.pixel_width) /
               static_cast<double>(std::max<uint32_t>(1, im.pixel_height));
    column = std::max(column, im.width);
    height = std::max(height, im.height);
    seals.push_back(std::move(im));
    offices.push_back(prepare({ctx.piece(who.office, ctx.spec.signature.style, element::signature)},
                              g.cell, ctx.breaks));
    ctx.report_coverage(offices.back(), who.pos);
  }
  // Rows: one a signer, as many apart as a seal and the seal gap need; the
  // date `date_rows` empty rows below the lowest seal's last row.
  const int step =
      std::max(1, static_cast<int>(std::ceil((height + ctx.spec.seal.gap) / g.pitch - 1e-9)));
  const int last = step * static_cast<int>(sig.signers.size() - 1);
  const int date_row = last + rows_reached(g.cell / 2 + height / 2, g.pitch) + ss.date_rows + 1;
  // Two empty rows before the first signer, more if its seal would reach up
  // to the body's last line.
  b.rows_before = ss.rows_before;
  while ((b.rows_before + 1) * g.pitch - g.cell < height / 2 - g.cell / 2) ++b.rows_before;

  const double column_right = g.width - ss.right_indent * g.cell;
  const double column_left = column_right - column;
  b.lines.assign(static_cast<size_t>(date_row + 1), block_line{});
  for (size_t i = 0; i < seals.size(); ++i) {
    const int row = step * static_cast<int>(i);
    const double wo = trimmed_width(offices[i], 0, offices[i].clusters.size());
    const double left = std::max(0.0, column_left - ss.office_gap * g.cell - wo);
    b.lines[static_cast<size_t>(row)].runs = context::runs_at(offices[i], g.left + left);
    image& im = seals[i];
    im.x = g.left + column_left + (column - im.width) / 2;
    im.y = row * g.pitch + g.cell / 2 - im.height / 2;  // centred on the office's cell
  }
  const double wd = trimmed_width(date, 0, date.clusters.size());
  b.lines.back().runs =
      context::runs_at(date, g.left + g.width - ss.date_right_indent * g.cell - wd);
  b.images = std::move(seals);
  return true;
}

}  // namespace hongtou::layout
