// SPDX-License-Identifier: Apache-2.0
// 标题 (GB/T 9704-2012 7.3.1): centred lines of 小标宋, 2 empty rows below
// the separator; long titles break where the meaning allows (梯形或菱形,
// 词意完整): break_title() in title_breaking.cpp, with the common-practice
// preferences of the layout's <title-breaking>: preferred break points
// (before 关于, after 关于 and the verb of the 事由, after 、), words, numbers,
// brackets and 的 + 文种 kept whole, then the shape.
#include "core/utf8.hpp"
#include "layout/page/flow.hpp"

namespace hongtou::layout {

std::vector<std::u32string> organ_names(const model::document& doc) {
  std::vector<std::u32string> out;
  auto add = [&out](const std::string& name) {
    std::u32string n = utf8_decode(name);
    const std::u32string mark = U"文件";  // a single mark: the organ and 文件
    if (n.size() > mark.size() && n.compare(n.size() - mark.size(), mark.size(), mark) == 0)
      n.resize(n.size() - mark.size());
    if (n.size() > 1) out.push_back(std::move(n));
  };
  add(doc.head.issuer);
  for (const auto& o : doc.head.co_issuers) add(o);
  add(doc.sig.organ);
  for (const auto& o : doc.sig.co_organs) add(o);
  // The 主送机关, one name between two of its separators.
  std::u32string name;
  for (char32_t c : utf8_decode(doc.addressee)) {
    if (c == U'、' || c == U'，' || c == U'；' || c == U'：' || c == U'。') {
      if (name.size() > 1) out.push_back(name);
      name.clear();
    } else {
      name += c;
    }
  }
  if (name.size() > 1) out.push_back(name);
  return out;
}

std::vector<block_line> title_lines(context& ctx, const std::string& title,
                                    const model::text_style& style, element role,
                                    const model::source_pos& pos) {
  const grid& g = ctx.g;
  std::vector<block_line> lines;
  // An explicit <br/> (a newline here) decides a break; each part may break further.
  size_t from = 0;
  while (from <= title.size()) {
    const size_t nl = title.find('\n', from);
    const std::string part = title.substr(from, nl == std::string::npos ? nl : nl - from);
    from = nl == std::string::npos ? title.size() + 1 : nl + 1;
    prepared_text p = prepare({ctx.piece(part, style, role)}, 0, ctx.breaks, /*words=*/true);
    ctx.report_coverage(p, pos);
    const std::vector<size_t> starts = break_title(p, ctx.spec, g.width, organ_names(ctx.doc));
    for (size_t l = 0; l < starts.size(); ++l) {
      const size_t end = l + 1 < starts.size() ? starts[l + 1] : p.clusters.size();
      const double w = trimmed_width(p, starts[l], end);
      set_line_result line = set_line(p, starts[l], end, 0, w, false, true);
      for (auto& run : line.runs)
        for (auto& gl : run.glyphs) gl.x += g.left + (g.width - w) / 2;
      lines.push_back({std::move(line.runs)});
    }
  }
  return lines;
}

void flow_title(context& ctx, flow_state& state, std::vector<block>& out) {
  const model::document& doc = ctx.doc;
  if (doc.title.empty()) return;
  const auto& ts = ctx.spec.title;
  const grid& g = ctx.g;
  double top =
      state.fixed_bottom ? *state.fixed_bottom + g.gap + ts.rows_before * g.pitch : g.row_top(1);
  block b;
  b.role = element::title;
  b.place = placement::fixed;
  b.pos = doc.title_pos;
  bool first = true;
  for (auto& line : title_lines(ctx, doc.title, ts.style, element::title, doc.title_pos)) {
    if (!first) top += ts.line_pitch;
    first = false;
    ctx.place_line(line.runs, top);
    for (auto& run : line.runs) {
      ctx.measure_ink(run);
      state.fixed_bottom = run.em_bottom;
    }
    b.lines.push_back(std::move(line));
  }
  out.push_back(std::move(b));
}

}  // namespace hongtou::layout
