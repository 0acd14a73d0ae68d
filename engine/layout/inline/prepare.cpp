// SPDX-License-Identifier: Apache-2.0
// prepare(): per-character font fallback, then shaping into clusters with
// their widths on the grid.
#include <cmath>
#include <utility>

#include "core/chars.hpp"
#include "core/utf8.hpp"
#include "layout/cjk/char_class.hpp"
#include "layout/inline/inline.hpp"
#include "layout/shape/shape.hpp"

namespace hongtou::layout {

namespace {

// Appends the clusters of one piece, shaped with HarfBuzz.
void shape_piece(prepared_text& p, size_t piece_index, const std::u32string& text, double cell) {
  const text_piece& piece = p.pieces[piece_index];
  size_t base = p.text.size();
  p.text += text;
  if (text.empty()) return;

  const size_t first = p.clusters.size();
  const std::vector<shape::shaped_glyph> glyphs = shape::shape_text(*piece.font, piece.size, text);
  for (size_t g = 0; g < glyphs.size(); ++g) {
    if (g == 0 || glyphs[g].cluster != glyphs[g - 1].cluster) {
      cluster c;
      c.piece = piece_index;
      c.begin = base + glyphs[g].cluster;
      p.clusters.push_back(c);
    }
    cluster& c = p.clusters.back();
    if (glyphs[g].id == 0) p.missing.push_back(text[glyphs[g].cluster]);
    c.glyphs.push_back(glyphs[g].id);
    c.advances.push_back(glyphs[g].advance);
    c.natural += glyphs[g].advance;
  }

  // Cluster ends, widths and classes.
  for (size_t i = first; i < p.clusters.size(); ++i) {
    cluster& c = p.clusters[i];
    c.end = i + 1 < p.clusters.size() ? p.clusters[i + 1].begin : base + text.size();
    char32_t ch = p.text[c.begin];
    c.wide = cjk::is_wide(ch);
    c.space = cjk::is_space(ch);
    // One cell per wide character (a variation selector adds none).
    size_t wide_chars = 0;
    for (size_t k = c.begin; k < c.end; ++k) wide_chars += cjk::is_wide(p.text[k]) ? 1 : 0;
    c.width = c.wide && cell > 0 ? cell * static_cast<double>(wide_chars) : c.natural;
    // A half-width digit takes half a cell on the grid (its advance is
    // within a few per cent of it), so digit pairs keep the grid.
    if (cell > 0 && !c.wide && c.end == c.begin + 1 && is_digit(ch) &&
        std::abs(c.natural - cell / 2) <= 0.08 * cell)
      c.width = cell / 2;
  }
}

// A Latin letter or an Arabic digit (ASCII, and the letters of Latin-1).
bool is_latin_letter(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

// Whether text[i] belongs to a Latin word or number (spec §10): a letter or
// digit, one of . , - / : or a space between two of them, or % after a
// digit. Every other mark, the ambiguous-width “ ” ‘ ’ — … · among them, is
// left to the CJK face, full width in Chinese text (spec §10.3).
bool in_latin_word(const std::u32string& text, size_t i) {
  const char32_t c = text[i];
  if (is_latin_letter(c)) return true;
  const bool before = i > 0 && is_latin_letter(text[i - 1]);
  const bool after = i + 1 < text.size() && is_latin_letter(text[i + 1]);
  switch (c) {
    case U'.':
    case U',':
    case U'-':
    case U'/':
    case U':':
    case U' ':
      return before && after;
    case U'%':
      return i > 0 && text[i - 1] >= U'0' && text[i - 1] <= U'9';
    default:
      return false;
  }
}

// Splits a piece where its face lacks characters that a fallback face has,
// so those characters are shaped with the first face of the chain that has
// them (per-character fallback), and where a Latin word or number begins and
// ends when the piece has a Latin face (piece.latin, for the characters it has).
void split_by_coverage(const text_piece& piece, std::vector<text_piece>& out,
                       std::vector<std::u32string>& texts, prepared_text& p) {
  std::u32string text = utf8_decode(piece.text);
  // Each part is the piece without its text (prepare() sets the part's own):
  // a copy of the piece's text in every part would hold the whole paragraph
  // once per part, gigabytes for a long paragraph of mixed faces.
  text_piece blank = piece;
  std::string().swap(blank.text);
  size_t start = 0;
  const fonts::face* current = piece.font;
  auto flush = [&](size_t end) {
    if (end == start) return;
    text_piece part = blank;
    part.font = current;
    texts.push_back(text.substr(start, end - start));
    out.push_back(std::move(part));
    start = end;
  };
  std::vector<uint32_t> own;  // the piece's face's glyph of each character, 0 when it lacks it
  piece.font->glyphs(text, own);
  auto face_for = [&piece, &text, &own](size_t i) {
    const char32_t c = text[i];
    if (piece.latin && in_latin_word(text, i) && piece.latin->glyph(c)) return piece.latin;
    if (c < 0x20 || own[i] != 0) return piece.font;
    for (const fonts::face* f : piece.fallbacks)
      if (f && f->glyph(c)) return f;
    return piece.font;  // none has it: reported as missing after shaping
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const fonts::face* f = face_for(i);
    const bool latin = f == piece.latin && in_latin_word(text, i);
    if (f != piece.font && !latin) {
      p.substituted.push_back(text[i]);
      p.substituted_by.push_back(f);
    }
    if (f != current) {
      flush(i);
      current = f;
    }
  }
  flush(text.size());
}

}  // namespace

prepared_text prepare(std::vector<text_piece> pieces, double cell, break_finder& breaks,
                      bool words) {
  prepared_text p;
  p.cell = cell;
  std::vector<std::u32string> texts;
  for (const auto& piece : pieces) split_by_coverage(piece, p.pieces, texts, p);
  size_t chars = 0;  // at most one cluster a character: the clusters never move
  for (const auto& t : texts) chars += t.size();
  p.clusters.reserve(chars);
  for (size_t i = 0; i < p.pieces.size(); ++i) {
    p.pieces[i].text = utf8_encode(texts[i]);
    shape_piece(p, i, texts[i], cell);
  }
  breaks.find(p, words);
  if (cell > 0 && breaks.squeezes_punctuation()) squeeze_punctuation(p);
  return p;
}

}  // namespace hongtou::layout
