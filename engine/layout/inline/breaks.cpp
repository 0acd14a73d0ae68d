// SPDX-License-Identifier: Apache-2.0
// Where lines may break: ICU's opportunities narrowed by 避头尾, and the
// greedy filling of lines with push-in, hanging marks and push-out.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "layout/cjk/kinsoku.hpp"
#include "layout/cjk/unbreakable.hpp"
#include "layout/inline/inline.hpp"

namespace hongtou::layout {

namespace {

constexpr double epsilon = 1e-6;

// Maps code point indices of a paragraph to UTF-16 offsets for ICU.
struct utf16_text {
  icu::UnicodeString u;
  std::vector<int32_t> offset;  // per code point, plus the end
  explicit utf16_text(const std::u32string& text) : offset(text.size() + 1) {
    for (size_t i = 0; i < text.size(); ++i) {
      offset[i] = u.length();
      u.append(static_cast<UChar32>(text[i]));
    }
    offset[text.size()] = u.length();
  }
  // Per code point index: does the iterator report a boundary there?
  std::vector<bool> boundaries(icu::BreakIterator& it) const {
    it.setText(u);
    std::vector<bool> at16(static_cast<size_t>(u.length()) + 1, false);
    for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next())
      at16[static_cast<size_t>(b)] = true;
    std::vector<bool> out(offset.size(), false);
    for (size_t i = 0; i < offset.size(); ++i) out[i] = at16[static_cast<size_t>(offset[i])];
    return out;
  }
};

}  // namespace

struct break_finder::impl {
  std::unique_ptr<icu::BreakIterator> line, word;
  cjk::number_units units;
  bool squeeze = false;
};

break_finder::break_finder() : impl_(new impl) {}
break_finder::break_finder(const line_rules& rules) : impl_(new impl) {
  impl_->units.after_digits = cjk::word_list(rules.units);
  impl_->units.after_roman = cjk::word_list(rules.roman_units);
  impl_->squeeze = rules.squeeze;
}
break_finder::~break_finder() = default;

bool break_finder::squeezes_punctuation() const {
  return impl_->squeeze;
}

// Line-break opportunities from ICU (UAX #14 with the zh tailoring), narrowed
// by the 避头尾 tables of cjk/kinsoku (GB/T 15834-2011 5.1, clreq 3.1.7) and by
// what never splits (cjk/unbreakable: a number with its unit, a 发文字号, a
// slashed Latin word); word boundaries from ICU's dictionary segmentation, for
// titles that must keep words whole (GB/T 9704-2012 7.3.1).
void break_finder::find(prepared_text& p, bool words) {
  utf16_text t(p.text);
  UErrorCode status = U_ZERO_ERROR;
  if (!impl_->line)
    impl_->line.reset(icu::BreakIterator::createLineInstance(icu::Locale("zh", "CN"), status));
  std::vector<bool> line_at(p.text.size() + 1, true);
  if (U_SUCCESS(status) && impl_->line) line_at = t.boundaries(*impl_->line);

  p.word_start.assign(p.clusters.size(), true);
  if (words) {
    status = U_ZERO_ERROR;
    if (!impl_->word)
      impl_->word.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh", "CN"), status));
    if (U_SUCCESS(status) && impl_->word) {
      std::vector<bool> word_at = t.boundaries(*impl_->word);
      for (size_t i = 0; i < p.clusters.size(); ++i) p.word_start[i] = word_at[p.clusters[i].begin];
    }
  }

  const std::vector<cjk::keep> whole = cjk::gb_unbreakable(p.text, impl_->units);
  p.break_before.assign(p.clusters.size(), false);
  p.break_rank.assign(p.clusters.size(), 0);
  for (size_t i = 1; i < p.clusters.size(); ++i) {
    const cluster& prev = p.clusters[i - 1];
    const cluster& cur = p.clusters[i];
    const bool kinsoku_ok = line_at[cur.begin] && !cjk::is_gb_no_line_start(p.text[cur.begin]) &&
                            !cjk::is_gb_no_line_end(p.text[prev.end - 1]);
    p.break_rank[i] = kinsoku_ok ? static_cast<int>(whole[cur.begin]) : 3;
    p.break_before[i] = p.break_rank[i] == 0;
  }
}

namespace {

// Where a line from cluster i breaks when the segment from j (a cluster
// index with nothing before it but whole segments) is wider than any line,
// so must break against some rule: at its weakest break that fits (the
// lowest break_rank, the last of them), filling this line; a slashed word
// breaks at its slash before a number leaves its unit. With j > i only a
// break against a cjk::keep is taken (never against 避头尾), else the line
// ends at j (push-out); with j == i any, and at least one cluster.
size_t overflow_end(const prepared_text& p, size_t i, size_t j, double avail) {
  const size_t n = p.clusters.size();
  const int worst = j > i ? 2 : 3;
  size_t best = j > i ? j : i + 1;
  int best_rank = worst + 1;
  double x = trimmed_width(p, i, j);
  for (size_t k = j + 1; k <= n; ++k) {
    x += p.clusters[k - 1].width;
    if (x > avail + epsilon && !p.clusters[k - 1].space) break;
    const int rank = k == n ? 0 : p.break_rank[k];
    if (rank <= std::min(best_rank, worst)) {
      best = k;
      best_rank = rank;
    }
  }
  return best;
}

// Widow control (common practice, clreq 3.8): a last line holding one
// character and its marks is pulled back into the line above when push-in
// lets that line hold it; else the line above gives it one more, at the
// nearest break allowed there, when that line keeps at least half its width
// (it is then justified over one cell more: a few per cent looser).
void avoid_widow(const prepared_text& p, std::vector<size_t>& starts, double avail, double rest,
                 bool push_in) {
  if (starts.size() < 2) return;
  const size_t n = p.clusters.size(), last = starts.back(), prev = starts[starts.size() - 2];
  if (starts.size() > 2) avail = rest;
  auto letters = [&p, n](size_t from) { return letter_count(p, from, n); };
  if (letters(last) != 1) return;
  if (push_in && trimmed_width(p, prev, n) <= avail + push_in_capacity(p, prev, n) + epsilon) {
    starts.pop_back();
    return;
  }
  for (size_t k = last - 1; k > prev; --k) {
    if (!p.break_before[k]) continue;
    if (trimmed_width(p, prev, k) < avail / 2) return;
    if (letters(k) >= 2 && trimmed_width(p, k, n) <= rest + epsilon) starts.back() = k;
    return;
  }
}

// Whether a line [i, j) may also hold the segment [j, seg_end) that
// overflows it: by hanging its last mark, or by push-in when that takes off
// no more than the push-out would leave blank (the smaller change wins;
// push-in on a tie).
bool holds(const prepared_text& p, const paragraph_params& params, size_t i, size_t j,
           size_t seg_end, double avail) {
  size_t vis = seg_end;
  while (vis > j && p.clusters[vis - 1].space) --vis;
  const double with = trimmed_width(p, i, seg_end);
  if (params.hanging && vis > j && may_hang(p, vis - 1) &&
      with - p.clusters[vis - 1].width <= avail + epsilon)
    return true;
  if (!params.push_in) return false;
  const double need = with - avail, slack = avail - trimmed_width(p, i, j);
  return need <= slack + epsilon && need <= push_in_capacity(p, i, seg_end) + epsilon;
}

}  // namespace

size_t letter_count(const prepared_text& p, size_t begin, size_t end) {
  size_t count = 0;
  for (size_t k = begin; k < end; ++k)
    if (u_isalnum(static_cast<UChar32>(p.text[p.clusters[k].begin]))) ++count;
  return count;
}

bool may_hang(const prepared_text& p, size_t k) {
  const cluster& c = p.clusters[k];
  if (!c.wide || c.end != c.begin + 1) return false;
  const char32_t ch = p.text[c.begin];
  return ch == U'。' || ch == U'，' || ch == U'、' || ch == U'．';
}

std::vector<size_t> break_lines(const prepared_text& p, const paragraph_params& params) {
  std::vector<size_t> starts;
  const size_t n = p.clusters.size();
  const double rest = params.width - params.rest_indent;
  size_t i = 0;
  while (i < n) {
    starts.push_back(i);
    const double avail = starts.size() == 1 ? params.width - params.first_indent : rest;
    double x = 0;
    size_t j = i;
    while (j < n) {
      size_t seg_end = j + 1;
      while (seg_end < n && !p.break_before[seg_end]) ++seg_end;
      const double w = trimmed_width(p, j, seg_end);
      if (x + w > avail + epsilon) {
        const bool fits_alone = j > i && w <= rest + epsilon;
        if (fits_alone && holds(p, params, i, j, seg_end, avail)) {
          j = seg_end;  // push-in, or a hanging mark: the line ends after it
          break;
        }
        // Push-out, unless no line holds the segment: then it breaks here.
        if (!fits_alone) j = overflow_end(p, i, j, avail);
        break;
      }
      for (size_t k = j; k < seg_end; ++k) x += p.clusters[k].width;
      j = seg_end;
    }
    i = j;
  }
  if (params.widow_control)
    avoid_widow(p, starts, params.width - params.first_indent, rest, params.push_in);
  return starts;
}

}  // namespace hongtou::layout
