// Where lines may break: ICU's opportunities narrowed by 避头尾, and the
// greedy filling of lines with push-out.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

#include "layout/cjk/kinsoku.hpp"
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
};

break_finder::break_finder() : impl_(new impl) {}
break_finder::~break_finder() = default;

// Line-break opportunities from ICU (UAX #14 with the zh tailoring), narrowed
// by the 避头尾 tables of cjk/kinsoku (GB/T 15834-2011, clreq); word boundaries
// from ICU's dictionary segmentation, for titles that must keep words whole
// (GB/T 9704-2012 7.3.1).
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

  p.break_before.assign(p.clusters.size(), false);
  for (size_t i = 1; i < p.clusters.size(); ++i) {
    const cluster& prev = p.clusters[i - 1];
    const cluster& cur = p.clusters[i];
    bool ok = line_at[cur.begin];
    if (cjk::is_gb_no_line_start(p.text[cur.begin])) ok = false;
    if (cjk::is_gb_no_line_end(p.text[prev.end - 1])) ok = false;
    p.break_before[i] = ok;
  }
}

std::vector<size_t> break_lines(const prepared_text& p, const paragraph_params& params) {
  std::vector<size_t> starts;
  const size_t n = p.clusters.size();
  size_t i = 0;
  while (i < n) {
    starts.push_back(i);
    const double avail =
        params.width - (starts.size() == 1 ? params.first_indent : params.rest_indent);
    double x = 0;
    size_t j = i;
    while (j < n) {
      size_t seg_end = j + 1;
      while (seg_end < n && !p.break_before[seg_end]) ++seg_end;
      if (x + trimmed_width(p, j, seg_end) > avail + epsilon) break;
      for (size_t k = j; k < seg_end; ++k) x += p.clusters[k].width;
      j = seg_end;
    }
    if (j == i) {
      // One unbreakable segment wider than the line: break it by cluster.
      while (j < n && x + p.clusters[j].width <= avail + epsilon) x += p.clusters[j++].width;
      if (j == i) ++j;
    }
    i = j;
  }
  return starts;
}

}  // namespace hongtou::layout
