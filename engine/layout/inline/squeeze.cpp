// SPDX-License-Identifier: Apache-2.0
// squeeze_punctuation(): 标点挤压 of adjacent full-width marks (clreq 3.1.6.2);
// push_in_room(): what a push-in may take off one mark (clreq 3.1.6.3).
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

// A full-width mark alone in its cluster, of any kind (？！ too).
bool is_mark_cluster(const prepared_text& p, size_t k) {
  if (k >= p.clusters.size()) return false;
  const cluster& c = p.clusters[k];
  if (!c.wide || c.end != c.begin + 1) return false;
  const char32_t ch = p.text[c.begin];
  return cjk::is_clreq_closing(ch) || cjk::is_clreq_opening(ch) || ch == U'？' || ch == U'！';
}

}  // namespace

double push_in_room(const prepared_text& p, size_t k) {
  const cluster& c = p.clusters[k];
  if (!is_mark_cluster(p, k) || c.squeezed > 0) return 0;
  const char32_t ch = p.text[c.begin];
  if (!cjk::is_clreq_closing(ch) && !cjk::is_clreq_opening(ch)) return 0;
  // Next to another mark the pair is 标点挤压's (1.5 cells at least).
  if ((k > 0 && is_mark_cluster(p, k - 1)) || is_mark_cluster(p, k + 1)) return 0;
  return c.width / 2;
}

double push_in_capacity(const prepared_text& p, size_t begin, size_t end) {
  while (end > begin && p.clusters[end - 1].space) --end;
  double room = 0;
  // A line's first and last characters keep their cells: an opening mark
  // starting a line, a closing mark ending it, keep their advance boxes in
  // the type area.
  for (size_t k = begin + 1; k + 1 < end; ++k) room += push_in_room(p, k);
  return room;
}

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
