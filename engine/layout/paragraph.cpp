#include "layout/paragraph.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/c_ptr.hpp"
#include "core/utf8.hpp"
#include "layout/cjk.hpp"

namespace hongtou::layout {

namespace {

constexpr double epsilon = 1e-6;

// Appends the clusters of one piece, shaped with HarfBuzz.
void shape_piece(prepared_text& p, size_t piece_index, const std::u32string& text, double cell) {
  const text_piece& piece = p.pieces[piece_index];
  size_t base = p.text.size();
  p.text += text;
  if (text.empty()) return;

  c_ptr<hb_buffer_t, hb_buffer_destroy> owner(hb_buffer_create());
  hb_buffer_t* buf = owner.get();
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()),
                      static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_HAN);
  hb_buffer_set_language(buf, hb_language_from_string("zh-Hans", -1));
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(piece.font->hb_font(), buf, nullptr, 0);

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  const double scale = piece.size / piece.font->upem();
  for (unsigned g = 0; g < count; ++g) {
    if (g == 0 || info[g].cluster != info[g - 1].cluster) {
      cluster c;
      c.piece = piece_index;
      c.begin = base + info[g].cluster;
      p.clusters.push_back(c);
    }
    cluster& c = p.clusters.back();
    if (info[g].codepoint == 0) p.missing.push_back(text[info[g].cluster]);
    c.glyphs.push_back(info[g].codepoint);
    c.advances.push_back(pos[g].x_advance * scale);
    c.natural += pos[g].x_advance * scale;
  }

  // Cluster ends, widths and classes.
  size_t first = p.clusters.size();
  while (first > 0 && p.clusters[first - 1].piece == piece_index) --first;
  for (size_t i = first; i < p.clusters.size(); ++i) {
    cluster& c = p.clusters[i];
    c.end = i + 1 < p.clusters.size() ? p.clusters[i + 1].begin : base + text.size();
    char32_t ch = p.text[c.begin];
    c.wide = is_wide(ch);
    c.space = is_space(ch);
    // One cell per wide character (a variation selector adds none).
    size_t wide_chars = 0;
    for (size_t k = c.begin; k < c.end; ++k) wide_chars += is_wide(p.text[k]) ? 1 : 0;
    c.width = c.wide && cell > 0 ? cell * static_cast<double>(wide_chars) : c.natural;
  }
}

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

// A gap may stretch when either side sits on the grid or is a space: never
// inside a Latin word or a digit run (spec §11.4).
bool stretchable(const cluster& a, const cluster& b) {
  return a.wide || b.wide || a.space || b.space;
}

}  // namespace

double trimmed_width(const prepared_text& p, size_t begin, size_t end) {
  while (end > begin && p.clusters[end - 1].space) --end;
  double w = 0;
  for (size_t i = begin; i < end; ++i) w += p.clusters[i].width;
  return w;
}

struct break_finder::impl {
  std::unique_ptr<icu::BreakIterator> line, word;
};

break_finder::break_finder() : impl_(new impl) {}
break_finder::~break_finder() = default;

// Line-break opportunities from ICU (UAX #14 with the zh tailoring), narrowed
// by the prohibition tables of spec §11.2; word boundaries from ICU's
// dictionary segmentation, for titles that must keep words whole (spec §6).
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
    if (is_no_line_start(p.text[cur.begin])) ok = false;
    if (is_no_line_end(p.text[prev.end - 1])) ok = false;
    p.break_before[i] = ok;
  }
}

namespace {

// Splits a piece where its face lacks characters that the fallback face has,
// so those characters are shaped with the fallback (per-character fallback).
void split_by_coverage(const text_piece& piece, std::vector<text_piece>& out,
                       std::vector<std::u32string>& texts, std::vector<char32_t>& substituted) {
  std::u32string text = utf8_decode(piece.text);
  size_t start = 0;
  bool current_fallback = false;
  auto flush = [&](size_t end) {
    if (end == start) return;
    text_piece part = piece;
    part.font = current_fallback ? piece.fallback : piece.font;
    part.text.clear();
    texts.push_back(text.substr(start, end - start));
    out.push_back(std::move(part));
    start = end;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    bool use_fallback =
        piece.fallback && c >= 0x20 && !piece.font->glyph(c) && piece.fallback->glyph(c);
    if (use_fallback) substituted.push_back(c);
    if (use_fallback != current_fallback) {
      flush(i);
      current_fallback = use_fallback;
    }
  }
  flush(text.size());
}

}  // namespace

prepared_text prepare(std::vector<text_piece> pieces, double cell, break_finder& breaks,
                      bool words) {
  prepared_text p;
  std::vector<std::u32string> texts;
  for (const auto& piece : pieces) split_by_coverage(piece, p.pieces, texts, p.substituted);
  for (size_t i = 0; i < p.pieces.size(); ++i) {
    p.pieces[i].text = utf8_encode(texts[i]);
    shape_piece(p, i, texts[i], cell);
  }
  breaks.find(p, words);
  return p;
}

std::vector<size_t> break_lines(const prepared_text& p, const paragraph_params& params) {
  std::vector<size_t> starts;
  const size_t n = p.clusters.size();
  size_t i = 0;
  while (i < n) {
    starts.push_back(i);
    const double avail = params.width - (starts.size() == 1 ? params.first_indent : 0);
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

set_line_result set_line(const prepared_text& p, size_t begin, size_t end, double indent,
                         double width, bool justify, bool last) {
  set_line_result line;
  line.last = last;
  size_t vis_end = end;
  while (vis_end > begin && p.clusters[vis_end - 1].space) --vis_end;

  // Extra space per stretchable gap (push-out leaves a short full line).
  double extra = 0;
  if (justify && !last) {
    size_t gaps = 0;
    for (size_t k = begin + 1; k < vis_end; ++k)
      if (stretchable(p.clusters[k - 1], p.clusters[k])) ++gaps;
    double slack = width - indent - trimmed_width(p, begin, end);
    if (gaps > 0 && slack > epsilon) extra = slack / static_cast<double>(gaps);
  }

  double x = indent;
  for (size_t k = begin; k < vis_end; ++k) {
    const cluster& c = p.clusters[k];
    const text_piece& piece = p.pieces[c.piece];
    if (line.runs.empty() || line.runs.back().font != piece.font ||
        line.runs.back().role != piece.role || line.runs.back().level != piece.level ||
        line.runs.back().size != piece.size || !(line.runs.back().color == piece.color)) {
      glyph_run run;
      run.role = piece.role;
      run.level = piece.level;
      run.font = piece.font;
      run.size = piece.size;
      run.color = piece.color;
      line.runs.push_back(std::move(run));
    }
    glyph_run& run = line.runs.back();
    double step = c.width;
    if (k + 1 < vis_end && stretchable(c, p.clusters[k + 1])) step += extra;

    // Opening quotes with a narrow glyph sit in the right half of their cell.
    double gx = x;
    if (c.wide && c.natural < c.width && is_opening_mark(p.text[c.begin]))
      gx += c.width - c.natural;
    std::string text = utf8_encode(std::u32string_view(p.text).substr(c.begin, c.end - c.begin));
    line.text += text;
    for (size_t g = 0; g < c.glyphs.size(); ++g) {
      positioned_glyph pg;
      pg.id = c.glyphs[g];
      pg.x = gx;
      bool final_glyph = g + 1 == c.glyphs.size();
      pg.advance = final_glyph ? x + step - gx : c.advances[g];
      if (g == 0) pg.text = text;
      gx += c.advances[g];
      run.glyphs.push_back(std::move(pg));
    }
    x += step;
  }
  line.right = x;
  return line;
}

std::vector<set_line_result> set_paragraph(std::vector<text_piece> pieces, double cell,
                                           const paragraph_params& params) {
  break_finder breaks;
  return set_lines(prepare(std::move(pieces), cell, breaks), params);
}

std::vector<set_line_result> set_lines(const prepared_text& p, const paragraph_params& params) {
  std::vector<size_t> starts = break_lines(p, params);
  std::vector<set_line_result> lines;
  for (size_t l = 0; l < starts.size(); ++l) {
    size_t end = l + 1 < starts.size() ? starts[l + 1] : p.clusters.size();
    lines.push_back(set_line(p, starts[l], end, l == 0 ? params.first_indent : 0, params.width,
                             params.justify, l + 1 == starts.size()));
  }
  return lines;
}

}  // namespace hongtou::layout
