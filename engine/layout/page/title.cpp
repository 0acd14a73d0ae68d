// 标题 (GB/T 9704-2012 7.3.1): centred lines of 小标宋, 2 empty rows below
// the separator; long titles break where the meaning allows (梯形或菱形,
// 词意完整), with the common-practice preferences of the layout's
// <title-breaking>.
#include <cmath>
#include <functional>
#include <limits>

#include "core/utf8.hpp"
#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

constexpr double epsilon = 1e-6;

class title_breaker {
 public:
  title_breaker(const prepared_text& p, const model::layout_spec& spec, double width)
      : p_(p), tb_(spec.title_breaking), width_(width) {
    for (size_t i = 1; i < p.clusters.size(); ++i)
      if (p.break_before[i]) cand_.push_back(i);
  }

  // Every line fits, lines as even as possible, upper lines not shorter than
  // lower ones (上长下短); the fewest lines unless one more reads better.
  std::vector<size_t> run() {
    const size_t n = p_.clusters.size();
    const double total = trimmed_width(p_, 0, n);
    if (total <= width_) return {0};
    min_lines_ = static_cast<size_t>(std::ceil(total / width_));
    const size_t max_lines = static_cast<size_t>(tb_.max_lines);
    const size_t last = min_lines_ + static_cast<size_t>(tb_.extra_lines);
    for (size_t lines = min_lines_; lines <= last && lines <= max_lines; ++lines) {
      pick_.assign(lines - 1, 0);
      if (pick_.size() <= cand_.size() && combinations() <= tb_.search_limit) search(0, 0);
      if (!best_.empty()) return best_;
    }
    paragraph_params pp;
    pp.width = width_;
    return break_lines(p_, pp);
  }

 private:
  // How bad a line break before cluster k is, in pt.
  double break_cost(size_t k) const {
    const std::u32string& t = p_.text;
    const size_t at = p_.clusters[k].begin;
    if (!free_before_.empty() && t.compare(at, free_before_.size(), free_before_) == 0) return 0;
    return p_.word_start[k] ? tb_.word_break : tb_.inside_word;
  }

  double cost(const std::vector<size_t>& starts) const {
    const size_t n = p_.clusters.size();
    std::vector<double> w;
    for (size_t l = 0; l < starts.size(); ++l)
      w.push_back(trimmed_width(p_, starts[l], l + 1 < starts.size() ? starts[l + 1] : n));
    double c = 0;
    for (size_t l = 0; l < w.size(); ++l) {
      if (w[l] > width_ + epsilon) return std::numeric_limits<double>::max();
      if (w[l] > tb_.near_full_ratio * width_) c += tb_.near_full;
      if (l > 0) {
        c += std::fabs(w[l] - w[l - 1]) * tb_.unevenness;
        if (w[l] > w[l - 1] + epsilon) c += tb_.longer_below * (w[l] - w[l - 1]);
        c += break_cost(starts[l]);
      }
    }
    return c + tb_.extra_line * static_cast<double>(starts.size() - min_lines_);
  }

  // Enumerates increasing index tuples into cand_.
  void search(size_t depth, size_t from) {
    if (depth == pick_.size()) {
      std::vector<size_t> starts{0};
      for (size_t k : pick_) starts.push_back(cand_[k]);
      const double c = cost(starts);
      if (c < best_cost_) {
        best_cost_ = c;
        best_ = std::move(starts);
      }
      return;
    }
    for (size_t k = from; k < cand_.size(); ++k) {
      pick_[depth] = k;
      search(depth + 1, k + 1);
    }
  }

  // Titles are short; the exhaustive search is given up when it would be big.
  double combinations() const {
    double c = 1;
    for (size_t k = 0; k < pick_.size(); ++k)
      c *= static_cast<double>(cand_.size() - k) / static_cast<double>(k + 1);
    return c;
  }

  const prepared_text& p_;
  const decltype(model::layout_spec::title_breaking)& tb_;
  const double width_;
  const std::u32string free_before_ = utf8_decode(tb_.free_before);
  std::vector<size_t> cand_, pick_, best_;
  double best_cost_ = std::numeric_limits<double>::max();
  size_t min_lines_ = 1;
};

}  // namespace

std::vector<size_t> break_title(const prepared_text& p, const model::layout_spec& spec,
                                double width) {
  return title_breaker(p, spec, width).run();
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
    const std::vector<size_t> starts = break_title(p, ctx.spec, g.width);
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
  double top = state.fixed_bottom ? *state.fixed_bottom + g.gap + ts.rows_before * g.pitch : g.top;
  block b;
  b.role = element::title;
  b.place = placement::fixed;
  b.pos = doc.title_pos;
  bool first = true;
  for (auto& line : title_lines(ctx, doc.title, ts.style, element::title, doc.title_pos)) {
    if (!first) top += ts.line_pitch;
    first = false;
    for (auto& run : line.runs) {
      ctx.place_em_top(run, top);
      ctx.measure_ink(run);
      state.fixed_bottom = run.em_bottom;
    }
    b.lines.push_back(std::move(line));
  }
  out.push_back(std::move(b));
}

}  // namespace hongtou::layout
