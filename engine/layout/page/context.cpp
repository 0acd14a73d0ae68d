// SPDX-License-Identifier: Apache-2.0
#include "layout/page/context.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <limits>

#include "core/utf8.hpp"

namespace hongtou::layout {

namespace {

// The vertical fields of a run whose em box, in the proportions of face f,
// has its top at y.
void set_em_top(glyph_run& run, const fonts::face& f, double y) {
  run.em_top = y;
  run.baseline = y + f.em_top() * run.size;
  run.em_bottom = run.baseline - f.em_bottom() * run.size;
  run.ink_measured = false;
  run.ink_top = run.em_top;
  run.ink_bottom = run.em_bottom;
}

// "'䶵' (U+4DB5)" for messages.
std::string describe(char32_t c) {
  std::string out = "'";
  utf8_append(out, c);
  char code[16];
  std::snprintf(code, sizeof code, "' (U+%04X)", static_cast<unsigned>(c));
  return out + code;
}

}  // namespace

std::string numbered(const std::string& pattern, size_t n) {
  std::string text = pattern;
  text.replace(text.find("{n}"), 3, std::to_string(n));
  return text;
}

std::string enclosed(const std::string& text, const std::string& open, const std::string& close) {
  const bool opened = text.compare(0, open.size(), open) == 0;
  const bool closed = text.size() >= close.size() &&
                      text.compare(text.size() - close.size(), close.size(), close) == 0;
  return opened && closed ? text : open + text + close;
}

context::context(const model::document& d, const model::layout_spec& s, const fonts::font_set& f,
                 diagnostics& dg, const std::map<std::string, image>& seal_images)
    : doc(d),
      spec(s),
      fonts(f),
      diags(dg),
      g(make_grid(s)),
      breaks(line_rules{s.line_breaking.units, s.line_breaking.roman_units,
                        s.line_breaking.squeeze_punctuation}),
      seals(seal_images),
      body_face_(font(s.body.style)),
      fallbacks_(s.fallback_role.empty() ? std::vector<const fonts::face*>{}
                                         : f.chain(s.fallback_role)),
      latin_(s.latin.role.empty() ? nullptr : f.get(s.latin.role)) {
  link_chains();
}

// A role's chain: its own later faces in order (fonts.xml), then the
// fallback role's, each face once and never the role's own face; and the
// roles whose digits and Latin letters are set in the Latin face.
void context::link_chains() {
  std::vector<const fonts::face*> own;
  for (const std::string& role : spec.font_roles()) own.push_back(fonts.get(role));
  auto add = [](std::vector<const fonts::face*>& list, const fonts::face* f) {
    if (f && std::find(list.begin(), list.end(), f) == list.end()) list.push_back(f);
  };
  for (const fonts::face* f : fallbacks_) add(substitutes_, f);
  for (const std::string& role : spec.font_roles()) {
    const std::vector<const fonts::face*> faces = fonts.chain(role);
    role_links& links = links_[role];
    std::vector<const fonts::face*>& chain = links.chain;
    for (size_t i = 1; i < faces.size(); ++i) {
      if (faces[i] == fonts.get(role)) continue;
      add(chain, faces[i]);
      if (std::find(own.begin(), own.end(), faces[i]) == own.end()) add(substitutes_, faces[i]);
    }
    for (const fonts::face* f : fallbacks_)
      if (f != fonts.get(role)) add(chain, f);
    // The roles whose text takes the Latin face, by the name a style gives
    // or the <role> a font name's alias stands for.
    const fonts::role_face* resolved = fonts.find(role);
    for (const std::string& r : spec.latin.roles)
      if (r == role || (resolved && r == resolved->defined_as)) links.latin = latin_ != nullptr;
    // A regular face standing in for a bold one (fonts.xml fake-bold).
    if (resolved) links.fake_bold = resolved->fake_bold;
  }
}

text_piece context::piece(const std::string& text, const model::text_style& s, element role,
                          int level) const {
  text_piece p;
  p.text = text;
  p.font = font(s);
  if (const auto it = links_.find(s.role); it != links_.end()) {
    p.fallbacks = it->second.chain;
    if (it->second.latin) p.latin = latin_;
    p.stroke = it->second.fake_bold * s.size;  // fake bold: stroked
  } else {  // a role not among the layout's: the fallback role's chain alone
    for (const fonts::face* f : fallbacks_)
      if (f != p.font) p.fallbacks.push_back(f);
  }
  p.size = s.size;
  p.role = role;
  p.level = level;
  p.color = s.color;
  return p;
}

bool context::is_fallback(const fonts::face* f) const {
  return std::find(substitutes_.begin(), substitutes_.end(), f) != substitutes_.end();
}

const image* context::seal_image(const model::seal& seal) {
  auto it = seals.find(seal.src);
  if (it != seals.end()) return &it->second;
  diags.error(doc.source_name, seal.pos.line, seal.pos.column,
              "the image of <seal src=\"" + seal.src + "\"> was not loaded");
  return nullptr;
}

void context::report_coverage(const prepared_text& p, const model::source_pos& pos) {
  const fonts::face* own = nullptr;
  for (const auto& piece : p.pieces)
    if (!is_fallback(piece.font) && piece.font != latin_) own = piece.font;
  if (!own && !p.pieces.empty()) own = p.pieces.front().font;
  auto family = [](const fonts::face* f) { return f ? f->family() : std::string("?"); };
  std::set<char32_t> seen;
  for (size_t i = 0; i < p.substituted.size(); ++i) {
    const char32_t c = p.substituted[i];
    if (!seen.insert(c).second || !reported_.insert(c).second) continue;
    const std::string what = "character " + describe(c) + " is not in " + family(own);
    if (strict_fonts)
      diags.error(doc.source_name, pos.line, pos.column,
                  what + "; strict fonts: not set in " + family(p.substituted_by[i]),
                  "install a face of the role that has it, or render without --strict-fonts");
    else
      diags.warning(doc.source_name, pos.line, pos.column,
                    what + "; set in " + family(p.substituted_by[i]) + " (font substitution)");
  }
  // A character no face has: an error, never a missing-glyph box.
  for (char32_t c : p.missing) {
    if (!seen.insert(c).second) continue;
    std::string tried = family(own);
    std::vector<const fonts::face*> listed = {own};
    for (const auto& piece : p.pieces)
      for (const fonts::face* f : piece.fallbacks)
        if (std::find(listed.begin(), listed.end(), f) == listed.end()) {
          listed.push_back(f);
          tried += ", " + family(f);
        }
    diags.error(doc.source_name, pos.line, pos.column,
                "character " + describe(c) + " is in none of the fonts (" + tried + ")",
                "replace it, or install a font that has it and add it to the fallback role of "
                "fonts.xml");
  }
}

std::vector<block_line> context::grid_lines(std::vector<text_piece> pieces, double first_indent,
                                            double rest_indent, const model::source_pos& pos,
                                            double inset, double width, bool widow_control) {
  const double cell = pieces.empty() ? g.cell : cell_for(pieces.front().size);
  prepared_text p = prepare(std::move(pieces), cell, breaks);
  report_coverage(p, pos);
  paragraph_params pp;
  pp.width = width > 0 ? width : g.width - inset;
  pp.first_indent = first_indent;
  pp.rest_indent = rest_indent;
  pp.widow_control = spec.line_breaking.widow_control && widow_control;
  pp.push_in = spec.line_breaking.push_in;
  pp.hanging = spec.line_breaking.hanging_punctuation;
  std::vector<block_line> lines;
  for (auto& line : set_lines(p, pp)) {
    for (auto& run : line.runs)
      for (auto& gl : run.glyphs) gl.x += g.left + inset;
    block_line out{std::move(line.runs)};
    out.pushed_in = line.pushed_in > 0;
    out.pushed_out = line.pushed_out;
    out.hangs = line.hangs;
    out.one_char_last = line.one_char_last;
    lines.push_back(std::move(out));
  }
  return lines;
}

std::vector<block_line> context::labelled_lines(const std::string& label,
                                                const model::text_style& style, double label_x,
                                                text_piece text, double text_x,
                                                const model::source_pos& pos) {
  const element role = text.role;
  std::vector<block_line> lines = grid_lines({std::move(text)}, 0, 0, pos, text_x);
  if (lines.empty()) lines.emplace_back();
  std::vector<glyph_run> head = line_at(label, style, role, label_x, pos);
  auto& first = lines.front().runs;
  first.insert(first.begin(), std::make_move_iterator(head.begin()),
               std::make_move_iterator(head.end()));
  return lines;
}

std::vector<glyph_run> context::line_at(const std::string& text, const model::text_style& s,
                                        element role, double x, const model::source_pos& pos) {
  prepared_text p = prepare({piece(text, s, role)}, cell_for(s.size), breaks);
  report_coverage(p, pos);
  return runs_at(p, g.left + x);
}

std::vector<glyph_run> context::runs_at(const prepared_text& p, double x) {
  set_line_result line = set_line(p, 0, p.clusters.size(), 0, 0, false, true);
  for (auto& run : line.runs)
    for (auto& gl : run.glyphs) gl.x += x;
  return std::move(line.runs);
}

double context::width_of(const std::string& text, const model::text_style& s, element role) {
  prepared_text p = prepare({piece(text, s, role)}, cell_for(s.size), breaks);
  return trimmed_width(p, 0, p.clusters.size());
}

std::vector<glyph_run> context::centred_runs(const std::string& text, const model::text_style& s,
                                             element role, const model::source_pos& pos) {
  prepared_text p = prepare({piece(text, s, role)}, 0, breaks);
  report_coverage(p, pos);
  const double w = trimmed_width(p, 0, p.clusters.size());
  set_line_result line = set_line(p, 0, p.clusters.size(), 0, w, false, true);
  const double dx = g.left + (g.width - w) / 2;
  for (auto& run : line.runs)
    for (auto& gl : run.glyphs) gl.x += dx;
  return std::move(line.runs);
}

void context::place_em_top(glyph_run& run, double y) const {
  const fonts::face& f = face_of(run);
  set_em_top(run, f, y);
}

void context::place_line(std::vector<glyph_run>& runs, double y) const {
  const fonts::face* ref = nullptr;
  double size = 0;
  size_t most = 0;
  for (const auto& run : runs) {
    const fonts::face* f = &face_of(run);
    if (f == body_face_) {  // the grid's face, whenever the line has it
      ref = f;
      break;
    }
    if (runs.size() > 1 && (is_fallback(f) || f == latin_)) continue;
    if (run.size > size + 1e-9) {
      size = run.size;
      most = 0;
    }
    if (run.size + 1e-9 >= size && run.glyphs.size() > most) {
      most = run.glyphs.size();
      ref = f;
    }
  }
  if (ref && ref == latin_ && body_face_) ref = body_face_;  // a line of Latin text: the grid's box
  for (auto& run : runs) set_em_top(run, ref ? *ref : face_of(run), y);
}

void context::place_line(std::vector<glyph_run>& runs, double y, const fonts::face& ref) const {
  for (auto& run : runs) set_em_top(run, ref, y);
}

void context::place_baseline(glyph_run& run, double baseline) const {
  const fonts::face& f = face_of(run);
  run.baseline = baseline;
  run.em_top = baseline - f.em_top() * run.size;
  run.em_bottom = baseline - f.em_bottom() * run.size;
}

void context::measure_ink(glyph_run& run) const {
  const fonts::face& f = face_of(run);
  double top = std::numeric_limits<double>::max(), bottom = -top;
  for (const auto& gl : run.glyphs) {
    fonts::ink_box b = f.ink(gl.id);
    if (b.empty) continue;
    top = std::min(top, run.baseline - b.y_max * run.size);
    bottom = std::max(bottom, run.baseline - b.y_min * run.size);
  }
  if (top > bottom) top = bottom = run.baseline;
  run.ink_measured = true;
  run.ink_top = top;
  run.ink_bottom = bottom;
}

}  // namespace hongtou::layout
