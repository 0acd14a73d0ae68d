// SPDX-License-Identifier: Apache-2.0
// The breaks of a long title (GB/T 9704-2012 7.3.1: 词意完整, 排列对称,
// 梯形或菱形): what a break before each character costs (title_breaks: the
// layout's <title-breaking> words and weights, the document's organ names),
// then the cheapest set of breaks with the fewest lines or one more
// (title_breaker). title.cpp sets the lines.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "core/chars.hpp"
#include "core/utf8.hpp"
#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

constexpr double epsilon = 1e-6;
using breaking = decltype(model::layout_spec::title_breaking);

// The words of a word list of the layout (separated by white space).
std::vector<std::u32string> words_of(const std::string& list) {
  std::vector<std::u32string> out(1);
  for (char32_t c : utf8_decode(list)) {
    if (c != U' ' && c != U'\t' && c != U'\n' && c != U'\r')
      out.back() += c;
    else if (!out.back().empty())
      out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// Brackets and quotes whose content stays on one line (7.3.1: 《…》, 〔…〕).
constexpr char32_t brackets[][2] = {{U'《', U'》'}, {U'〈', U'〉'}, {U'〔', U'〕'}, {U'（', U'）'},
                                    {U'(', U')'},   {U'“', U'”'},   {U'‘', U'’'},   {U'「', U'」'},
                                    {U'『', U'』'}, {U'【', U'】'}, {U'［', U'］'}};

// What a break before each position of a title's text costs, from its words
// (GB/T 9704-2012 7.3.1: 词意完整) and the preferred break points of the
// layout; `natural` marks the preferred ones (free, natural, lead).
class title_breaks {
 public:
  title_breaks(const prepared_text& p, const breaking& tb, const std::string& units,
               const std::vector<std::u32string>& names)
      : p_(p), tb_(tb), t_(p.text) {
    kept_.assign(t_.size() + 1, false);
    bracketed_.assign(t_.size() + 1, false);
    note_.assign(t_.size() + 1, false);
    lead_.assign(t_.size() + 1, false);
    word_at_.assign(t_.size() + 1, false);
    word_at_[t_.size()] = true;
    for (size_t k = 0; k < p.clusters.size(); ++k) word_at_[p.clusters[k].begin] = p.word_start[k];
    keep_brackets();
    keep_numbers_and_notes();
    keep_chinese_numbers(words_of(units));
    keep_kinds();
    keep_terms(words_of(tb_.terms));
    keep_terms(names);
    mark_leads();
  }

  struct cost {
    double pt = 0;
    bool natural = false;
  };

  // A break before cluster k (k ≥ 1). Inside brackets it costs a word more, on top of what it
  // would cost outside them, so that a 《…》 too long for a line breaks between its words.
  cost before(size_t k) const {
    const size_t at = p_.clusters[k].begin;
    const cost c = unbracketed(k);
    if (!bracketed_[at]) return c;
    return {c.pt + tb_.inside_word, false};
  }

 private:
  cost unbracketed(size_t k) const {
    const size_t at = p_.clusters[k].begin;
    if (kept_[at]) return {tb_.inside_word, false};
    // A note in brackets stays with the text before it (西藏班（校）); inside a longer 《…》
    // its opening bracket is where the name breaks best (…行动方案 / （2022—2025年）》).
    if (note_[at]) return bracketed_[at] ? cost{tb_.natural, false} : cost{tb_.inside_word, false};
    if (starts(at, free_before_)) return {0, true};
    for (const auto& w : natural_after_)
      if (at >= w.size() && t_.compare(at - w.size(), w.size(), w) == 0) {
        if (w != U"、" || at <= first_free_) return {tb_.natural, true};
        return {tb_.word_break + tb_.natural, false};  // inside a list of the 事由
      }
    for (const auto& w : natural_before_)
      if (starts(at, w)) return {tb_.natural, true};
    if (lead_[at]) return {tb_.natural, true};
    if (!p_.word_start[k] || glued(k) || conjunction(k)) return {tb_.inside_word, false};
    return {tb_.word_break, false};
  }

  bool starts(size_t at, const std::u32string& w) const {
    return !w.empty() && t_.compare(at, w.size(), w) == 0;
  }

  // Inside brackets and quotes, up to the closing one.
  void keep_brackets() {
    std::vector<char32_t> closing;
    for (size_t i = 0; i < t_.size(); ++i) {
      if (!closing.empty()) bracketed_[i] = true;
      if (!closing.empty() && t_[i] == closing.back()) {
        closing.pop_back();
        continue;
      }
      for (const auto& b : brackets)
        if (t_[i] == b[0]) closing.push_back(b[1]);
    }
  }

  // A number with its unit (2019年); a note in brackets with the text before it (班（校）).
  void keep_numbers_and_notes() {
    const std::vector<std::u32string> notes = words_of(tb_.note_open);
    for (size_t i = 1; i < t_.size(); ++i) {
      if (is_digit(t_[i - 1]) && !is_digit(t_[i]) && t_[i] != U' ') kept_[i] = true;
      for (const auto& n : notes)
        if (t_[i - 1] != U' ' && starts(i, n)) note_[i] = true;
    }
  }

  // A number in Chinese numerals (二十四届, 一个时期, 十届四次会议) and an ordinal (第26届,
  // 第二次): the numerals with the unit after them (the units of <line-breaking>), 第 with
  // the number, a count (no 第) with the word after its unit, and two numbers in a row.
  void keep_chinese_numbers(const std::vector<std::u32string>& units) {
    const std::u32string numerals = U"〇零一二三四五六七八九十百千万两";
    auto numeral = [&](size_t i) {
      return i < t_.size() && numerals.find(t_[i]) != std::u32string::npos;
    };
    for (size_t i = 1; i < t_.size(); ++i)
      if (t_[i - 1] == U'第' && (is_digit(t_[i]) || numeral(i))) kept_[i] = true;
    size_t previous_end = std::u32string::npos;  // the end of the last number and unit
    for (size_t s = 0; s < t_.size(); ++s) {
      if (!numeral(s) || (s > 0 && numeral(s - 1)) ||
          (!word_at_[s] && !(s > 0 && t_[s - 1] == U'第')))
        continue;
      size_t e = s;
      while (numeral(e)) ++e;
      size_t longest = 0;
      for (const auto& u : units)
        if (u.size() > longest && starts(e, u) && is_han(u[0])) longest = u.size();
      if (longest == 0) continue;
      for (size_t i = s + 1; i < e + longest; ++i) kept_[i] = true;
      if (previous_end == s) kept_[s] = true;
      previous_end = e + longest;
      if (s == 0 || t_[s - 1] != U'第') {  // a count: with the word it counts
        size_t w = e + longest;
        if (w < t_.size() && is_han(t_[w]) && !numeral(w)) {
          ++w;
          while (w < t_.size() && !word_at_[w]) ++w;
          for (size_t i = e + longest; i < w; ++i) kept_[i] = true;
        }
      }
    }
  }

  // Names and terms whole: the layout's terms and the document's organs.
  void keep_terms(const std::vector<std::u32string>& terms) {
    for (const auto& term : terms)
      for (size_t s = t_.find(term); !term.empty() && s != std::u32string::npos;
           s = t_.find(term, s + 1))
        for (size_t i = s + 1; i < s + term.size(); ++i) kept_[i] = true;
  }

  // 文种 whole, 的 + 文种 together, no other 的 at a line start.
  void keep_kinds() {
    const std::vector<std::u32string> kinds = words_of(tb_.kinds);
    const std::u32string particle = utf8_decode(tb_.particle);
    std::vector<bool> kind_at(t_.size() + 1, false);
    for (const auto& kind : kinds)
      for (size_t s = t_.find(kind); s != std::u32string::npos; s = t_.find(kind, s + 1)) {
        kind_at[s] = true;
        for (size_t i = s + 1; i < s + kind.size(); ++i) kept_[i] = true;
        if (s >= particle.size() && t_.compare(s - particle.size(), particle.size(), particle) == 0)
          kept_[s] = true;
      }
    for (size_t s = t_.find(particle); s != std::u32string::npos; s = t_.find(particle, s + 1))
      if (!kind_at[s + particle.size()]) kept_[s] = true;
  }

  // After 关于 and the words that open the 事由 (关于开展, 关于全面推行), or a
  // number with its unit (关于2019年).
  void mark_leads() {
    const std::vector<std::u32string> leads = words_of(tb_.leads);
    for (size_t s = t_.find(free_before_); s != std::u32string::npos;
         s = t_.find(free_before_, s + 1)) {
      size_t at = s + free_before_.size(), end = 0;
      for (;;) {
        size_t longest = 0;
        for (const auto& w : leads)
          if (w.size() > longest && starts(at, w)) longest = w.size();
        if (longest > 0)
          at += longest;
        else if (at < t_.size() && is_digit(t_[at]))
          at = after_number(at);
        else
          break;
        end = at;
      }
      if (end > 0) lead_[end] = true;
    }
  }

  // The end of the number at `at` and of the word after it, its unit (2018年度).
  size_t after_number(size_t at) const {
    while (at < t_.size() && is_digit(t_[at])) ++at;
    if (at < t_.size() && is_han(t_[at])) {
      ++at;
      while (!word_at_[at]) ++at;
    }
    return at;
  }

  // A one-character word (as ICU's dictionary leaves them) that ends a name
  // (办公|厅), or follows another one (督|查: a word the dictionary lacks).
  bool glued(size_t k) const {
    if (!one_character_word(k)) return false;
    const char32_t c = p_.text[p_.clusters[k].begin];
    for (const auto& s : suffixes_)
      if (s.size() == 1 && s[0] == c) return true;
    return k > 0 && one_character_word(k - 1);
  }

  // 和, 及 or 与 (a word of its own) starts no line: it ends the line above (…的确定和 / 加强…).
  bool conjunction(size_t k) const {
    return one_character_word(k) &&
           std::u32string(U"和及与").find(p_.text[p_.clusters[k].begin]) != std::u32string::npos;
  }

  bool one_character_word(size_t k) const {
    const cluster& c = p_.clusters[k];
    return p_.word_start[k] && word_at_[c.end] && c.end == c.begin + 1 && is_han(p_.text[c.begin]);
  }

  const prepared_text& p_;
  const breaking& tb_;
  const std::u32string& t_;
  const std::u32string free_before_ = utf8_decode(tb_.free_before);
  const std::vector<std::u32string> natural_after_ = words_of(tb_.natural_after);
  const std::vector<std::u32string> natural_before_ = words_of(tb_.natural_before);
  const std::vector<std::u32string> suffixes_ = words_of(tb_.suffixes);
  // Where the 事由 begins (the first 关于): a 、 before it separates joint issuers, a natural
  // break; after it, names in a list (香港、澳门), broken less readily than words.
  const size_t first_free_ = std::min(t_.find(free_before_), t_.size());
  // per code point: a break before it is inside a word or name, inside brackets, before a
  // note in brackets (西藏班（校）), after 关于 and the verb of the 事由; a word starts there.
  std::vector<bool> kept_, bracketed_, note_, lead_, word_at_;
};

class title_breaker {
 public:
  title_breaker(const prepared_text& p, const model::layout_spec& spec, double width,
                const std::vector<std::u32string>& names)
      : p_(p), tb_(spec.title_breaking), width_(width) {
    const title_breaks costs(p, tb_, spec.line_breaking.units, names);
    point_.resize(p.clusters.size());
    for (size_t i = 1; i < p.clusters.size(); ++i) {
      point_[i] = costs.before(i);
      if (p.break_before[i]) cand_.push_back(i);
    }
  }

  // Every line fits; the cheapest breaks and shape (7.3.1: 梯形 or 菱形), with
  // the fewest lines or one more.
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
    }
    if (!best_.empty()) return best_;
    paragraph_params pp;
    pp.width = width_;
    return break_lines(p_, pp);
  }

 private:
  double cost(const std::vector<size_t>& starts) const {
    const size_t n = p_.clusters.size(), lines = starts.size();
    std::vector<double> w;
    for (size_t l = 0; l < lines; ++l)
      w.push_back(trimmed_width(p_, starts[l], l + 1 < lines ? starts[l + 1] : n));
    double c = tb_.extra_line * static_cast<double>(lines - min_lines_);
    for (size_t l = 0; l < lines; ++l) {
      if (w[l] > width_ + epsilon) return std::numeric_limits<double>::max();
      if (w[l] > tb_.near_full_ratio * width_) c += tb_.near_full;
      if (l == 0) continue;
      c += std::fabs(w[l] - w[l - 1]) * tb_.unevenness + point_[starts[l]].pt;
      if (l + 1 < lines && w[l] < w[l - 1] - epsilon && w[l] < w[l + 1] - epsilon)
        c += tb_.hourglass;
    }
    if (lines == 2 && w[1] > w[0] + epsilon && !point_[starts[1]].natural)
      c += tb_.longer_below * (w[1] - w[0]);
    return c;
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
  const breaking& tb_;
  const double width_;
  std::vector<title_breaks::cost> point_;  // per cluster: a break before it
  std::vector<size_t> cand_, pick_, best_;
  double best_cost_ = std::numeric_limits<double>::max();
  size_t min_lines_ = 1;
};

}  // namespace

std::vector<size_t> break_title(const prepared_text& p, const model::layout_spec& spec,
                                double width, const std::vector<std::u32string>& names) {
  return title_breaker(p, spec, width, names).run();
}

}  // namespace hongtou::layout
