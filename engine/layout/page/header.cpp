// SPDX-License-Identifier: Apache-2.0
// 版头 (GB/T 9704-2012 7.2): 发文机关标志 (7.2.4), 发文字号 (7.2.5) and the
// red separator (7.2.7), as fixed blocks at the top of page 1.
#include <algorithm>
#include <optional>

#include "core/number.hpp"
#include "core/units.hpp"

#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

// The horizontal scale that fits a mark `width` wide into the layout's
// max-width, never below its min-scale (7.2.4 asks for a mark "醒目、美观、
// 庄重"): a mark too wide even then is an error naming the remedy, not a
// silent squeeze.
double mark_scale(context& ctx, const std::string& mark, double width) {
  const auto& is = ctx.spec.issuer;
  const model::header& h = ctx.doc.head;
  if (h.issuer_width > 0) {
    // The organ's own width (<issuer width>): condensed or widened to it.
    const double wanted = mm_to_pt(h.issuer_width);
    if (wanted > is.max_width + 1e-6 || wanted / width < is.min_scale) {
      ctx.diags.error(ctx.doc.source_name, h.issuer_pos.line, h.issuer_pos.column,
                      "发文机关标志 '" + mark + "' cannot be set " + fixed(h.issuer_width, 1) +
                          " mm wide: " + fixed(pt_to_mm(is.max_width), 1) +
                          " mm are available, and it may be condensed to " +
                          fixed(is.min_scale * 100, 0) + " % of its natural " +
                          fixed(pt_to_mm(width), 1) + " mm at most",
                      "give a width within those bounds, or leave width out");
      return std::min(1.0, is.max_width / width);
    }
    return wanted / width;
  }
  const double scale = width > is.max_width ? is.max_width / width : 1;
  if (scale >= is.min_scale) return scale;
  ctx.diags.error(ctx.doc.source_name, h.issuer_pos.line, h.issuer_pos.column,
                  "发文机关标志 '" + mark + "' does not fit: condensed to " +
                      fixed(is.min_scale * 100, 0) + " % it is still " +
                      fixed(pt_to_mm(width * is.min_scale), 1) + " mm wide, and " +
                      fixed(pt_to_mm(is.max_width), 1) + " mm are available",
                  "use the organ's standard short name, or a joint mark with one <issuer> "
                  "per organ");
  return is.min_scale;
}

// Condenses a run horizontally: glyph x (relative to the mark's origin,
// after `shift`) scaled and moved to start at `left`.
void condense(glyph_run& run, double left, double shift, double scale) {
  for (auto& gl : run.glyphs) {
    gl.x = left + (gl.x + shift) * scale;
    gl.advance *= scale;
  }
  run.h_scale = scale;
}

// The baseline that puts the ink top of a line's runs `top` below the
// type-area top (7.2.4).
double mark_baseline(const context& ctx, const std::vector<glyph_run>& runs) {
  double ink_top = 0;
  for (const auto& run : runs) {
    const fonts::face& f = ctx.face_of(run);
    for (const auto& gl : run.glyphs) ink_top = std::max(ink_top, f.ink(gl.id).y_max * run.size);
  }
  const double from = ctx.spec.issuer.top_from_paper ? 0 : ctx.g.top;  // 10.1: the paper's top
  return from + ctx.spec.issuer.top + ink_top;
}

// One organ's mark, centred and condensed to fit: one run per face (a rare
// character of the name may come from a fallback face).
std::vector<glyph_run> fitted_issuer(context& ctx, const model::header& h) {
  const auto& is = ctx.spec.issuer;
  const std::string mark = h.issuer + h.issuer_suffix;
  std::vector<glyph_run> runs = ctx.centred_runs(mark, is.style, element::issuer, h.issuer_pos);
  if (runs.empty()) return runs;
  const double left = runs.front().left(), w = runs.back().right() - left;
  const double scale = mark_scale(ctx, mark, w);
  for (auto& run : runs) condense(run, ctx.g.left + (ctx.g.width - w * scale) / 2, -left, scale);
  return runs;
}

// 7.2.4 联合行文: the organs' names stacked, the lead organ first, each set to
// the width of the widest; "文件" to their right, centred on the stack; the
// whole condensed like a single mark when too wide. Returns the runs, placed.
std::vector<glyph_run> joint_issuer(context& ctx, const model::header& h) {
  const auto& is = ctx.spec.issuer;
  const grid& g = ctx.g;
  std::vector<std::string> names{h.issuer};
  names.insert(names.end(), h.co_issuers.begin(), h.co_issuers.end());
  std::vector<prepared_text> texts;
  double widest = 0;
  for (const auto& n : names) {
    texts.push_back(prepare({ctx.piece(n, is.style, element::issuer)}, 0, ctx.breaks));
    ctx.report_coverage(texts.back(), h.issuer_pos);
    widest = std::max(widest, trimmed_width(texts.back(), 0, texts.back().clusters.size()));
  }
  const double suffix_width =
      h.issuer_suffix.empty() ? 0 : ctx.width_of(h.issuer_suffix, is.style, element::issuer);
  const double total = widest + (h.issuer_suffix.empty() ? 0 : is.suffix_gap + suffix_width);
  std::string all;  // the names for messages, 、 between them
  for (const auto& n : names) all += (all.empty() ? "" : "、") + n;
  const double scale = mark_scale(ctx, all + h.issuer_suffix, total);
  const double left = g.left + (g.width - total * scale) / 2;
  std::vector<glyph_run> runs;
  double baseline = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    const prepared_text& p = texts[i];
    // Every name as wide as the widest: its gaps spread (a justified line).
    set_line_result line = set_line(p, 0, p.clusters.size(), 0, widest, true, false);
    for (auto& run : line.runs) condense(run, left, 0, scale);
    if (i == 0) baseline = mark_baseline(ctx, line.runs);  // as a single mark's
    for (auto& run : line.runs) {
      ctx.place_baseline(run, baseline);
      ctx.measure_ink(run);
      runs.push_back(std::move(run));
    }
    baseline += is.joint_line_pitch;
  }
  if (!h.issuer_suffix.empty() && !runs.empty()) {
    std::vector<glyph_run> suffix =
        ctx.line_at(h.issuer_suffix, is.style, element::issuer, 0, h.issuer_pos);
    const double centre = (runs.front().em_top + runs.back().em_bottom) / 2;
    for (auto& run : suffix) {
      // line_at placed it from the type area's left; it goes right of the names.
      condense(run, left, widest + is.suffix_gap - g.left, scale);
      const fonts::face& f = ctx.face_of(run);
      ctx.place_baseline(run, centre + (f.em_top() + f.em_bottom()) / 2 * run.size);
      ctx.measure_ink(run);
      runs.push_back(std::move(run));
    }
  }
  return runs;
}

}  // namespace

std::optional<double> place_issuer(context& ctx, std::vector<block>& out, bool lead_only) {
  const model::header& h = ctx.doc.head;
  const grid& g = ctx.g;
  if (!h.co_issuers.empty() && !lead_only) {
    block b;
    b.role = element::issuer;
    b.place = placement::fixed;
    b.pos = h.issuer_pos;
    double bottom = g.top;
    for (auto& run : joint_issuer(ctx, h)) {
      bottom = std::max(bottom, run.ink_bottom);
      b.lines.push_back({{std::move(run)}});
    }
    out.push_back(std::move(b));
    return bottom;
  }
  if (h.issuer.empty()) return std::nullopt;
  std::vector<glyph_run> runs = fitted_issuer(ctx, h);
  const double baseline = mark_baseline(ctx, runs);
  double bottom = g.top;
  for (auto& run : runs) {
    ctx.place_baseline(run, baseline);
    ctx.measure_ink(run);
    bottom = std::max(bottom, run.ink_bottom);
  }
  out.push_back(fixed_block(element::issuer, std::move(runs), h.issuer_pos));
  return bottom;
}

namespace {

// The 发文字号 (7.2.5) with the 签发人 of an upward document (7.2.6), em top
// at `top`; returns its em bottom.
double place_doc_number(context& ctx, double top, std::vector<block>& out) {
  const model::header& h = ctx.doc.head;
  const grid& g = ctx.g;
  const auto& dn = ctx.spec.doc_number;
  // Its digits in the Latin face (spec §10): one run per face, on one baseline.
  std::vector<glyph_run> runs =
      ctx.centred_runs(h.doc_number, dn.style, element::doc_number, h.doc_number_pos);
  if (!h.signers.empty()) {
    // The 签发人 right, the 发文字号 左空一字 on their last row.
    block signers;
    signers.role = element::signer;
    signers.place = placement::fixed;
    signers.pos = h.signers_pos;
    top = place_signers(ctx, h, top, signers);
    out.push_back(std::move(signers));
    const double left = runs.empty() ? 0 : runs.front().left();
    const double shift = g.left + ctx.spec.signer.doc_number_indent * g.cell - left;
    for (auto& run : runs)
      for (auto& gl : run.glyphs) gl.x += shift;
  }
  ctx.place_line(runs, top);
  for (auto& run : runs) ctx.measure_ink(run);
  const double bottom = runs.empty() ? top : runs.front().em_bottom;
  out.push_back(fixed_block(element::doc_number, std::move(runs), h.doc_number_pos));
  return bottom;
}

// The separator broken around a centred star (common practice of Party
// organs): the star's ink centred on the line, both ways; the two halves
// stop `gap` short of its ink.
void star_on(context& ctx, const rule& line, block& b) {
  const auto& st = ctx.spec.separator_star;
  std::vector<glyph_run> runs = ctx.centred_runs("★", st.style, element::separator, {});
  if (runs.empty()) return;
  glyph_run star = std::move(runs.front());  // one character: one run
  ctx.place_baseline(star, 0);
  ctx.measure_ink(star);
  double ink_left = star.right(), ink_right = star.left();
  for (const auto& gl : star.glyphs) {
    const fonts::ink_box box = ctx.face_of(star).ink(gl.id);
    if (box.empty) continue;
    ink_left = std::min(ink_left, gl.x + box.x_min * star.size);
    ink_right = std::max(ink_right, gl.x + box.x_max * star.size);
  }
  if (ink_left > ink_right) ink_left = ink_right = (star.left() + star.right()) / 2;
  // Centred both ways: horizontally on the line's middle, vertically on it.
  const double dx = line.x + line.width / 2 - (ink_left + ink_right) / 2;
  for (auto& gl : star.glyphs) gl.x += dx;
  ctx.place_baseline(star, line.y - (star.ink_top + star.ink_bottom) / 2);
  ctx.measure_ink(star);
  rule left = line, right = line;
  left.width = std::max(0.0, ink_left + dx - st.gap - line.x);
  right.x = ink_right + dx + st.gap;
  right.width = std::max(0.0, line.x + line.width - right.x);
  b.rules.push_back(left);
  b.rules.push_back(right);
  b.lines.push_back({{std::move(star)}});
}

}  // namespace

void flow_header(context& ctx, flow_state& state, std::vector<block>& out) {
  const model::header& h = ctx.doc.head;
  const grid& g = ctx.g;
  const std::optional<double> mark = place_issuer(ctx, out, false);
  std::optional<double> cursor = mark;
  if (!h.doc_number.empty()) {
    // 2 empty rows below the mark, measured from its ink (7.2.5); without a
    // mark, on the row after the 份号, 密级 or 紧急程度 above, if any.
    const double alone = state.fixed_bottom ? *state.fixed_bottom + g.gap : g.row_top(1);
    const double top = mark ? *mark + g.gap + ctx.spec.doc_number.rows_before * g.pitch : alone;
    cursor = place_doc_number(ctx, top, out);
  }
  if (!cursor) return;
  const auto& sep = ctx.spec.separator;
  if (!sep.shown) {  // 10.2: no separator; what follows is placed below the 令号
    state.fixed_bottom = *cursor;
    return;
  }
  // The separator, a fixed distance below the 发文字号 (7.2.7).
  rule r;
  r.role = element::separator;
  r.width = sep.width;
  r.x = g.left + (g.width - r.width) / 2;
  r.y = *cursor + sep.offset;
  r.thickness = sep.thickness;
  r.color = sep.color;
  block b;
  b.role = element::separator;
  b.place = placement::fixed;
  if (ctx.spec.separator_star.shown)
    star_on(ctx, r, b);
  else
    b.rules.push_back(r);
  out.push_back(std::move(b));
  state.fixed_bottom = r.y;
}

}  // namespace hongtou::layout
