// squeeze_punctuation(): 标点挤压 of adjacent full-width marks (clreq 3.1.6.2).
#include "layout/cjk/char_class.hpp"
#include "layout/inline/inline.hpp"

namespace hongtou::layout {

namespace {

// A cluster of one full-width mark on its cell: its character, else 0.
char32_t lone_mark(const prepared_text& p, const cluster& c) {
  if (!c.wide || c.end != c.begin + 1 || c.squeezed > 0) return 0;
  return p.text[c.begin];
}

void squeeze(cluster& c) {
  c.squeezed = c.width / 2;
  c.width -= c.squeezed;
}

}  // namespace

void squeeze_punctuation(prepared_text& p) {
  for (size_t k = 1; k < p.clusters.size(); ++k) {
    cluster& first = p.clusters[k - 1];
    cluster& second = p.clusters[k];
    const char32_t a = lone_mark(p, first), b = second.wide ? p.text[second.begin] : 0;
    if (!a || !b || second.end != second.begin + 1) continue;
    const bool b_mark = cjk::is_clreq_closing(b) || cjk::is_clreq_opening(b);
    if (cjk::is_clreq_closing(a) && b_mark)
      squeeze(first);  // its blank right half
    else if (cjk::is_clreq_opening(a) && cjk::is_clreq_opening(b) && second.squeezed == 0)
      squeeze(second);  // its blank left half
  }
}

}  // namespace hongtou::layout
