// SPDX-License-Identifier: Apache-2.0
#pragma once
// Inline layout: one paragraph's text pieces -> shaped clusters -> lines on
// the character grid (derived from GB/T 9704-2012 5.2.3 and 3.2), broken per
// GB/T 15834-2011 and clreq. The stages, one file each:
//   prepare.cpp  prepare(): per-character font fallback, shaping, clusters
//   breaks.cpp   break_finder (ICU + 避头尾 + cjk/unbreakable), break_lines(): greedy
//                filling with push-out
//   squeeze.cpp  squeeze_punctuation(): 标点挤压 of adjacent marks (called by prepare)
//   set.cpp      set_line(): one line positioned and justified
#include <memory>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/small_vector.hpp"
#include "fonts/face.hpp"
#include "frames/frames.hpp"

namespace hongtou::layout {

/// A run of text in one face, size and colour, tagged with its element.
struct text_piece {
  std::string text;  // UTF-8
  const fonts::face* font = nullptr;
  std::vector<const fonts::face*> fallbacks;  // for characters `font` lacks, in order (the chain)
  const fonts::face* latin = nullptr;         // Latin letters and digits, when set (spec §10)
  double size = 16;
  element role = element::body;
  int level = 0;
  device_color color;
  double stroke = 0;  // > 0: fake bold with this stroke width, pt (glyph_run::stroke)
};

/// One grapheme cluster as shaped by HarfBuzz.
struct cluster {
  size_t piece = 0;
  size_t begin = 0, end = 0;         // code point range in prepared_text::text
  small_vector<uint32_t, 2> glyphs;  // no allocation for the one or two of nearly every cluster
  small_vector<double, 2> advances;  // natural advances, pt
  double natural = 0;                // sum of advances, pt
  double width = 0;                  // width on the line: one cell per wide character, else natural
  double squeezed = 0;               // pt taken off `width` by 标点挤压 (squeeze_punctuation)
  bool wide = false;
  bool space = false;
};

/// Shaped paragraph text with its break opportunities.
struct prepared_text {
  double cell = 0;  // grid cell width, pt (0: no grid, natural widths)
  std::vector<text_piece> pieces;
  std::u32string text;
  std::vector<cluster> clusters;
  std::vector<bool> break_before;  // per cluster: a line may start here (ICU + 避头尾 + keeps)
  std::vector<int> break_rank;     // per cluster: 0 a line may start here; 1, 2 only against a
                                   // weak or strong cjk::keep; 3 against ICU or 避头尾
  std::vector<bool> word_start;    // per cluster: a word begins here (ICU, zh dictionary)
  std::vector<char32_t> missing;   // characters no face has a glyph for
  std::vector<char32_t> substituted;               // characters set in a fallback face
  std::vector<const fonts::face*> substituted_by;  // the face of each, in that order
};

/// A positioned line. Run x is relative to the line's left edge; the runs'
/// vertical fields are left 0 for the page stage to set.
struct set_line_result {
  std::vector<glyph_run> runs;
  std::string text;            // UTF-8 text of the line (trailing spaces dropped)
  double right = 0;            // right edge of the last cluster, pt from the line's left
  bool last = false;           // last line of its paragraph
  double pushed_in = 0;        // pt taken off marks so that the line holds its text (push-in)
  bool pushed_out = false;     // a full line justified over the slack a push-out left
  bool hangs = false;          // its last mark hangs past the right edge (hanging punctuation)
  bool one_char_last = false;  // a paragraph's last line of one character and its marks (set_lines)
};

struct paragraph_params {
  double width = 0;            // line width, pt
  double first_indent = 0;     // pt, first line only
  double rest_indent = 0;      // pt, every later line (a hanging indent; 0 = 顶格)
  bool justify = true;         // full lines end flush at `width`; the last line stays left-aligned
  bool widow_control = false;  // no last line of one character (and its marks) when avoidable
  bool push_in = false;        // compress marks to hold a segment rather than push it out
  bool hanging = false;        // a line-end 。，、 may hang past the right edge (as Word does)
};

/// The layout's rules for breaking lines (<line-breaking>, GB/T 15835-2011):
/// words kept with the number before them, separated by spaces.
struct line_rules {
  std::string units;        // after an Arabic number: 年 万元 % km …
  std::string roman_units;  // after a Roman numeral: 型 类 级 …
  bool squeeze = false;     // 标点挤压 of adjacent marks on grid cells (clreq 3.1.6.2)
};

/// ICU line and word break iterators, created once per layout and reused for
/// every paragraph (creating one costs far more than running it). One per
/// thread: it holds iterator state.
class break_finder {
 public:
  /// Without units: numbers, 发文字号 and slashed words still stay whole.
  break_finder();
  /// With the layout's units, and its 标点挤压 switch for prepare().
  explicit break_finder(const line_rules& rules);
  ~break_finder();
  break_finder(const break_finder&) = delete;
  break_finder& operator=(const break_finder&) = delete;
  /// Fills p.break_before and p.break_rank, and p.word_start when `words` is set.
  void find(prepared_text& p, bool words);
  /// Whether text on grid cells has its adjacent marks squeezed (line_rules::squeeze).
  bool squeezes_punctuation() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Shapes the pieces; wide characters get `cell` as their width (0 = natural).
/// Word boundaries are found only when `words` is set (titles).
prepared_text prepare(std::vector<text_piece> pieces, double cell, break_finder& breaks,
                      bool words = false);

/// 标点挤压 (clreq 3.1.6.2, basic squeeze) of text on grid cells: of two
/// adjacent full-width marks, the blank half of the first is taken off its
/// width when it is a closing mark (”、 。” ）， 》（), else that of the second
/// when both are opening marks (（《), so the pair takes 1.5 cells; an opening
/// mark before a closing one (（）) is left alone.
void squeeze_punctuation(prepared_text& p);

/// Push-in (clreq 3.1.6.3): the pt a line that must hold one more segment
/// may take off cluster k — the blank half of a full-width closing or opening
/// mark that is not next to another mark (a pair keeps its 1.5 cells of
/// 标点挤压); 0 for anything else.
double push_in_room(const prepared_text& p, size_t k);
/// push_in_room summed over clusters [begin, end) without trailing spaces,
/// the first and the last excepted (a mark starting or ending a line keeps
/// its cell, so its advance box stays in the type area).
double push_in_capacity(const prepared_text& p, size_t begin, size_t end);

/// Letters, digits and ideographs among clusters [begin, end) (not marks).
size_t letter_count(const prepared_text& p, size_t begin, size_t end);

/// Whether hanging punctuation may let cluster k (。，、．) hang past a line's end.
bool may_hang(const prepared_text& p, size_t k);

/// Greedy line filling on break opportunities, with push-out (a character that
/// must not start a line takes the previous one down with it, as in clreq).
/// Returns cluster indices where lines begin (first is 0).
std::vector<size_t> break_lines(const prepared_text& p, const paragraph_params& params);

/// Positions clusters [begin, end) as one line. A line wider than `width`
/// hangs its last mark when `hang` allows it (may_hang), else takes the excess
/// off its marks (push_in_room), evenly. A full justified line spreads what
/// is left over its gaps, so it ends flush and the next starts on the grid.
set_line_result set_line(const prepared_text& p, size_t begin, size_t end, double indent,
                         double width, bool justify, bool last, bool hang = false);

/// Sets prepared text as lines: break_lines + set_line for every line.
std::vector<set_line_result> set_lines(const prepared_text& p, const paragraph_params& params);

/// prepare (with its own break_finder) + set_lines.
std::vector<set_line_result> set_paragraph(std::vector<text_piece> pieces, double cell,
                                           const paragraph_params& params);

/// Width of clusters [begin, end) without trailing spaces, pt.
double trimmed_width(const prepared_text& p, size_t begin, size_t end);

}  // namespace hongtou::layout
