// SPDX-License-Identifier: Apache-2.0
// 页码 (GB/T 9704-2012 7.5): 4号 half-width digits between 一字线 dashes,
// the dash 7 mm below the type area; odd pages 居右空一字, even pages
// 居左空一字 — sides, inset and page 1 are the layout's choice; a side may
// also be the centre of the type area (common practice), the inset unused.
#include "layout/page/emit.hpp"

namespace hongtou::layout {

std::optional<glyph_run> page_number_run(context& ctx, int number) {
  const auto& pn = ctx.spec.page_number;
  if (number == 1 && !pn.first_page) return std::nullopt;
  const std::string text = numbered(pn.format, static_cast<size_t>(number));
  prepared_text p = prepare({ctx.piece(text, pn.style, element::page_number)}, 0, ctx.breaks);
  const double w = trimmed_width(p, 0, p.clusters.size());
  set_line_result line = set_line(p, 0, p.clusters.size(), 0, w, false, true);
  if (line.runs.empty()) return std::nullopt;
  glyph_run run = std::move(line.runs.front());
  const grid& g = ctx.g;
  const model::side s = number % 2 == 1 ? pn.odd : pn.even;
  const double left = s == model::side::right    ? g.left + g.width - pn.inset - w
                      : s == model::side::centre ? g.left + (g.width - w) / 2
                                                 : g.left + pn.inset;
  for (auto& gl : run.glyphs) gl.x += left;
  // The dash's stroke (its ink centre) lies on the line `below` the type area.
  const fonts::ink_box dash = ctx.face_of(run).ink(run.glyphs.front().id);
  const double centre = (dash.y_min + dash.y_max) / 2 * run.size;
  ctx.place_baseline(run, g.bottom + pn.below + centre);
  ctx.measure_ink(run);
  return run;
}

}  // namespace hongtou::layout
