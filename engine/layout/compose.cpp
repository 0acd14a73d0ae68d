#include "layout/compose.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <optional>
#include <set>

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "layout/paragraph.hpp"

namespace hongtou::layout {

namespace {

constexpr const char* fallback_role = "fallback";

// Geometry of the type area and grid, derived once from the spec.
struct grid {
  double left, top, width, bottom, cell, pitch, gap;
  int rows;
  /// Top of grid row r (1-based) on any page.
  double row_top(int r) const { return top + (r - 1) * pitch; }
  /// The grid row whose top is nearest to y (at least 1).
  int nearest_row(double y) const {
    return std::max(1, static_cast<int>(std::lround((y - top) / pitch)) + 1);
  }
};

struct body_line_ref {
  size_t page;
  size_t first_run;
  bool keep_with_next = false;  // a line of a standalone heading
};

class composer {
 public:
  composer(const model::document& doc, const model::layout_spec& spec, const fonts::font_set& fonts,
           frames& out, diagnostics& diags)
      : doc_(doc),
        spec_(spec),
        fonts_(fonts),
        out_(out),
        diags_(diags),
        fallback_(fonts.get(fallback_role)) {
    g_.left = spec.margin_left;
    g_.top = spec.margin_top;
    g_.width = spec.area_width;
    g_.bottom = spec.margin_top + spec.area_height;
    g_.cell = spec.cell();
    g_.pitch = spec.pitch();
    g_.gap = spec.cell() * spec.gap_ratio;
    g_.rows = spec.lines_per_page;
  }

  bool run() {
    out_.page_width = spec_.page_width;
    out_.page_height = spec_.page_height;
    // The PDF title: the title's lines joined (Chinese needs no space).
    out_.title = doc_.title;
    out_.title.erase(std::remove(out_.title.begin(), out_.title.end(), '\n'), out_.title.end());
    new_page();
    // The bottom of what was placed so far; empty while page 1 is blank.
    std::optional<double> cursor = header();
    cursor = title(cursor);
    body(cursor);
    check_first_page_has_body();
    signature();
    resolve_outline();
    page_numbers();
    return !diags_.has_errors();
  }

 private:
  // GB/T 9704 §3 (spec "公文首页必须显示正文"): page 1 must show body text.
  void check_first_page_has_body() {
    if (doc_.body.empty()) return;
    for (const auto& run : out_.pages.front().runs)
      if (run.role == element::body || run.role == element::heading) return;
    diags_.warning(doc_.source_name, doc_.title_pos.line, doc_.title_pos.column,
                   "page 1 shows no body text (GB/T 9704 requires it)",
                   "shorten the title or the addressee list");
  }

  const fonts::face* font(const model::text_style& s) { return fonts_.get(s.role); }

  text_piece piece(const std::string& text, const model::text_style& s, element role,
                   int level = 0) {
    text_piece p;
    p.text = text;
    p.font = font(s);
    p.fallback = fallback_ == p.font ? nullptr : fallback_;
    p.size = s.size;
    p.role = role;
    p.level = level;
    p.color = s.color;
    return p;
  }

  // "'䶵' (U+4DB5)" for messages.
  static std::string describe(char32_t c) {
    std::string out = "'";
    utf8_append(out, c);
    char code[16];
    std::snprintf(code, sizeof code, "' (U+%04X)", static_cast<unsigned>(c));
    return out + code;
  }

  // Reports characters set in the fallback face, and characters no face has
  // (spec §10.2: substitutions are reported, never silent).
  void report_coverage(const prepared_text& p, const model::source_pos& pos) {
    const fonts::face* fallback = fallback_;
    const fonts::face* own = nullptr;
    for (const auto& piece : p.pieces)
      if (piece.font != fallback) own = piece.font;
    auto family = [](const fonts::face* f) { return f ? f->family() : std::string("?"); };
    std::set<char32_t> seen;
    for (char32_t c : p.substituted)
      if (seen.insert(c).second && reported_.insert(c).second)
        diags_.warning(doc_.source_name, pos.line, pos.column,
                       "character " + describe(c) + " is not in " + family(own) + "; set in " +
                           family(fallback) + " (font substitution)");
    for (char32_t c : p.missing)
      if (seen.insert(c).second)
        diags_.warning(doc_.source_name, pos.line, pos.column,
                       "character " + describe(c) + " is missing in font " + family(own) +
                           "; it will show as a blank box");
  }

  page& current() { return out_.pages.back(); }
  void new_page() {
    page p;
    p.number = static_cast<int>(out_.pages.size()) + 1;
    out_.pages.push_back(std::move(p));
  }

  // Sets vertical fields of a run whose em box top is at y. Grid text is
  // placed by its em box; its ink is not measured (it costs a charstring
  // interpretation per glyph).
  static void place_em_top(glyph_run& run, double y) {
    const fonts::face& f = *run.font;
    run.em_top = y;
    run.baseline = y + f.em_top() * run.size;
    run.em_bottom = run.baseline - f.em_bottom() * run.size;
    run.ink_measured = false;
    run.ink_top = run.em_top;
    run.ink_bottom = run.em_bottom;
  }

  // Ink top/bottom from the glyphs' boxes (what a ruler measures).
  static void ink_extent(glyph_run& run) {
    double top = std::numeric_limits<double>::max(), bottom = -top;
    for (const auto& g : run.glyphs) {
      fonts::ink_box b = run.font->ink(g.id);
      if (b.empty) continue;
      top = std::min(top, run.baseline - b.y_max * run.size);
      bottom = std::max(bottom, run.baseline - b.y_min * run.size);
    }
    if (top > bottom) top = bottom = run.baseline;
    run.ink_measured = true;
    run.ink_top = top;
    run.ink_bottom = bottom;
  }

  // A single line of natural-width text, centred on the type area.
  glyph_run centred_run(const std::string& text, const model::text_style& s, element role,
                        const model::source_pos& pos) {
    prepared_text p = prepare({piece(text, s, role)}, 0, breaks_);
    report_coverage(p, pos);
    double w = trimmed_width(p, 0, p.clusters.size());
    set_line_result line = set_line(p, 0, p.clusters.size(), 0, w, false, true);
    glyph_run run = line.runs.empty() ? glyph_run{} : line.runs.front();
    double dx = g_.left + (g_.width - w) / 2;
    for (auto& gl : run.glyphs) gl.x += dx;
    return run;
  }

  // 版头: 发文机关标志, 发文字号, red separator (spec §4). Returns the y the
  // body part starts below (the separator, or the type-area top).
  std::optional<double> header() {
    const model::header& h = doc_.head;
    double cursor = g_.top;
    bool any = false;
    if (!h.issuer.empty()) {
      // Fit to the allowed width: scale horizontally, then shrink the size (spec §4.2).
      model::text_style s = spec_.issuer;
      glyph_run run = centred_run(h.issuer, s, element::issuer, h.issuer_pos);
      double w = run.right() - run.left();
      double scale = 1;
      if (w > spec_.issuer_max_width) {
        scale = spec_.issuer_max_width / w;
        if (scale < spec_.issuer_min_scale) {
          s.size *= scale / spec_.issuer_min_scale;
          scale = spec_.issuer_min_scale;
          run = centred_run(h.issuer, s, element::issuer, h.issuer_pos);
          w = run.right() - run.left();
        }
      }
      double left = g_.left + (g_.width - w * scale) / 2;
      double origin = run.left();
      for (auto& gl : run.glyphs) {
        gl.x = left + (gl.x - origin) * scale;
        gl.advance *= scale;
      }
      run.h_scale = scale;
      // The glyphs' ink top sits issuer_top below the type-area top.
      double ink_top = 0;
      for (const auto& gl : run.glyphs) ink_top = std::max(ink_top, run.font->ink(gl.id).y_max);
      run.baseline = g_.top + spec_.issuer_top + ink_top * run.size;
      run.em_top = run.baseline - run.font->em_top() * run.size;
      run.em_bottom = run.baseline - run.font->em_bottom() * run.size;
      ink_extent(run);
      cursor = run.ink_bottom;
      current().runs.push_back(run);
      any = true;
    }
    if (!h.doc_number.empty()) {
      glyph_run run =
          centred_run(h.doc_number, spec_.doc_number, element::doc_number, h.doc_number_pos);
      double top = any ? cursor + g_.gap + spec_.doc_number_rows_before * g_.pitch : g_.top;
      place_em_top(run, top);
      ink_extent(run);
      cursor = run.em_bottom;
      current().runs.push_back(run);
      any = true;
    }
    if (any) {
      rule r;
      r.role = element::separator;
      r.width = spec_.separator_width;
      r.x = g_.left + (g_.width - r.width) / 2;
      r.y = cursor + spec_.separator_offset;
      r.thickness = spec_.separator_thickness;
      r.color = spec_.separator_color;
      current().rules.push_back(r);
      cursor = r.y;
    }
    if (!any) return std::nullopt;
    return cursor;
  }

  // How bad a title line break before cluster k is, in pt: none before 关于,
  // one character at a word boundary, prohibitive inside a word (spec §6).
  static double break_cost(const prepared_text& p, size_t k, double em) {
    const std::u32string& t = p.text;
    size_t at = p.clusters[k].begin;
    if (t.compare(at, 2, U"关于") == 0) return 0;
    return p.word_start[k] ? em : 50 * em;
  }

  // Chooses title line breaks: every line fits, lines as even as possible,
  // upper lines not shorter than lower ones (spec §6, 上长下短).
  std::vector<size_t> title_breaks(const prepared_text& p) {
    const size_t n = p.clusters.size();
    double total = trimmed_width(p, 0, n);
    if (total <= g_.width) return {0};
    std::vector<size_t> cand;
    for (size_t i = 1; i < n; ++i)
      if (p.break_before[i]) cand.push_back(i);
    std::vector<size_t> best;
    double best_cost = std::numeric_limits<double>::max();
    size_t min_lines = static_cast<size_t>(std::ceil(total / g_.width));
    const double em = p.pieces.empty() ? 22 : p.pieces.front().size;
    for (size_t lines = min_lines; lines <= min_lines + 1 && lines <= 6; ++lines) {
      std::vector<size_t> pick(lines - 1);
      // Enumerate increasing index tuples into cand.
      std::function<void(size_t, size_t)> rec = [&](size_t depth, size_t from) {
        if (depth == pick.size()) {
          std::vector<size_t> starts{0};
          for (size_t k : pick) starts.push_back(cand[k]);
          std::vector<double> w;
          for (size_t l = 0; l < starts.size(); ++l)
            w.push_back(trimmed_width(p, starts[l], l + 1 < starts.size() ? starts[l + 1] : n));
          double cost = 0;
          for (size_t l = 0; l < w.size(); ++l) {
            if (w[l] > g_.width + 1e-6) return;
            if (w[l] > 0.95 * g_.width) cost += em;  // not quite full (spec §6 practice)
            if (l > 0) {
              cost += std::fabs(w[l] - w[l - 1]);
              if (w[l] > w[l - 1] + 1e-6) cost += 4 * (w[l] - w[l - 1]);
              cost += break_cost(p, starts[l], em);
            }
          }
          cost += 1000.0 * static_cast<double>(lines - min_lines);
          if (cost < best_cost) {
            best_cost = cost;
            best = starts;
          }
          return;
        }
        for (size_t k = from; k < cand.size(); ++k) {
          pick[depth] = k;
          rec(depth + 1, k + 1);
        }
      };
      // Titles are short; give up the exhaustive search when it would be big.
      double combinations = 1;
      for (size_t k = 0; k < pick.size(); ++k)
        combinations *= static_cast<double>(cand.size() - k) / static_cast<double>(k + 1);
      if (pick.size() <= cand.size() && combinations <= 100000) rec(0, 0);
      if (!best.empty()) break;
    }
    if (best.empty()) {
      paragraph_params pp;
      pp.width = g_.width;
      return break_lines(p, pp);
    }
    return best;
  }

  // 标题: 2 empty rows below the separator, centred lines (spec §5.1, §6).
  std::optional<double> title(std::optional<double> cursor) {
    if (doc_.title.empty()) return cursor;
    double top = cursor ? *cursor + g_.gap + spec_.title_rows_before * g_.pitch : g_.top;
    size_t from = 0;
    bool first = true;
    while (from <= doc_.title.size()) {
      size_t nl = doc_.title.find('\n', from);
      std::string part = doc_.title.substr(from, nl == std::string::npos ? nl : nl - from);
      from = nl == std::string::npos ? doc_.title.size() + 1 : nl + 1;
      prepared_text p =
          prepare({piece(part, spec_.title, element::title)}, 0, breaks_, /*words=*/true);
      report_coverage(p, doc_.title_pos);
      std::vector<size_t> starts = title_breaks(p);
      for (size_t l = 0; l < starts.size(); ++l) {
        size_t end = l + 1 < starts.size() ? starts[l + 1] : p.clusters.size();
        double w = trimmed_width(p, starts[l], end);
        set_line_result line = set_line(p, starts[l], end, 0, w, false, true);
        if (!first) top += spec_.title_line_pitch;
        first = false;
        for (auto& run : line.runs) {
          for (auto& gl : run.glyphs) gl.x += g_.left + (g_.width - w) / 2;
          place_em_top(run, top);
          ink_extent(run);
          cursor = run.em_bottom;
          current().runs.push_back(std::move(run));
        }
      }
    }
    return cursor;
  }

  // Places a set line on grid row `row_` of the current page, breaking pages.
  body_line_ref place_line(set_line_result& line) {
    if (row_ > g_.rows) {
      new_page();
      row_ = 1;
    }
    body_line_ref ref{out_.pages.size() - 1, current().runs.size()};
    for (auto& run : line.runs) {
      for (auto& gl : run.glyphs) gl.x += g_.left;
      place_em_top(run, g_.row_top(row_));
      current().runs.push_back(std::move(run));
    }
    ++row_;
    return ref;
  }

  std::vector<set_line_result> set_block(std::vector<text_piece> pieces, double indent,
                                         const model::source_pos& pos) {
    prepared_text p = prepare(std::move(pieces), g_.cell, breaks_);
    report_coverage(p, pos);
    paragraph_params pp;
    pp.width = g_.width;
    pp.first_indent = indent;
    return set_lines(p, pp);
  }

  // 主送机关 and 正文 on the grid (spec §5.1, §5.2).
  void body(std::optional<double> cursor) {
    int first_row = 1;
    if (cursor) {
      int rows = doc_.addressee.empty() ? spec_.body_rows_before : spec_.addressee_rows_before;
      first_row = g_.nearest_row(*cursor + g_.gap + rows * g_.pitch);
    }
    row_ = first_row;
    if (!doc_.addressee.empty()) {
      for (auto& line :
           set_block({piece(doc_.addressee, spec_.addressee, element::addressee)}, 0, {}))
        place_line(line);
    }
    const double indent = spec_.first_line_indent * g_.cell;
    for (size_t b = 0; b < doc_.body.size(); ++b) {
      const model::block& blk = doc_.body[b];
      std::vector<text_piece> pieces;
      for (const auto& sp : blk.spans) {
        int level = blk.kind == model::block_kind::heading ? blk.level : sp.lead_level;
        if (level > 0)
          pieces.push_back(piece(sp.text, spec_.heading[level - 1], element::heading, level));
        else
          pieces.push_back(piece(sp.text, spec_.body, element::body));
      }
      auto lines = set_block(std::move(pieces), indent, blk.pos);
      // Keep a standalone heading with the next line (spec §5.2).
      if (blk.kind == model::block_kind::heading &&
          row_ + static_cast<int>(lines.size()) > g_.rows && row_ <= g_.rows &&
          b + 1 < doc_.body.size())
        row_ = g_.rows + 1;
      bool first_line = true;
      for (auto& line : lines) {
        body_line_ref ref = place_line(line);
        ref.keep_with_next = blk.kind == model::block_kind::heading;
        body_lines_.push_back(ref);
        if (first_line) {
          note_outline(blk, body_lines_.size() - 1);
          first_line = false;
        }
      }
    }
  }

  // A level-1 heading starts at body line `line`; its page and y are read
  // once composition is over (lines may still move with the signature).
  void note_outline(const model::block& blk, size_t line) {
    std::string text;
    for (const auto& sp : blk.spans) {
      int level = blk.kind == model::block_kind::heading ? blk.level : sp.lead_level;
      if (level == 1) text += sp.text;
    }
    if (!text.empty()) outline_lines_.push_back({std::move(text), line});
  }

  void resolve_outline() {
    for (auto& [text, line] : outline_lines_) {
      const body_line_ref& ref = body_lines_[line];
      const glyph_run& run = out_.pages[ref.page].runs[ref.first_run];
      out_.outline.push_back({std::move(text), static_cast<int>(ref.page) + 1, run.em_top});
    }
  }

  // 发文机关署名 and 成文日期 without seal (spec §5.3 case C).
  void signature() {
    const model::signature& sig = doc_.sig;
    if (!sig.present) return;
    int row = row_ + spec_.signature_rows_before;
    if (row_ > g_.rows || row + 1 > g_.rows) {
      // Never leave the signature alone on a page: carry the last body lines
      // over with it (spec §5.3 "特殊情况说明").
      carry_lines_to_new_page(2);
      row = row_ + spec_.signature_rows_before;
    }
    prepared_text name =
        prepare({piece(sig.organ, spec_.signature, element::signature)}, g_.cell, breaks_);
    prepared_text date =
        prepare({piece(sig.date, spec_.signature, element::date)}, g_.cell, breaks_);
    report_coverage(name, sig.pos);
    report_coverage(date, sig.pos);
    double wn = trimmed_width(name, 0, name.clusters.size());
    double wd = trimmed_width(date, 0, date.clusters.size());
    double limit = g_.width - spec_.signature_right_indent * g_.cell;
    double offset = spec_.date_offset * g_.cell;
    double name_left = std::min(limit - wn, limit - wd - offset);
    place_at(name, name_left, row);
    place_at(date, name_left + offset, row + 1);
    row_ = row + 2;
  }

  void place_at(const prepared_text& p, double left, int row) {
    set_line_result line = set_line(p, 0, p.clusters.size(), 0, 0, false, true);
    for (auto& run : line.runs) {
      for (auto& gl : run.glyphs) gl.x += g_.left + left;
      place_em_top(run, g_.row_top(row));
      current().runs.push_back(std::move(run));
    }
  }

  void carry_lines_to_new_page(size_t count) {
    size_t last_page = out_.pages.size() - 1;
    std::vector<body_line_ref> moving;
    // The last `count` lines, and a heading just above them with them.
    while (!body_lines_.empty() && body_lines_.back().page == last_page &&
           (count > 0 || body_lines_.back().keep_with_next)) {
      moving.insert(moving.begin(), body_lines_.back());
      body_lines_.pop_back();
      if (count > 0) --count;
    }
    std::vector<glyph_run> runs;
    if (!moving.empty()) {
      auto& src = out_.pages[last_page].runs;
      size_t first = moving.front().first_run;
      runs.assign(std::make_move_iterator(src.begin() + static_cast<long>(first)),
                  std::make_move_iterator(src.end()));
      src.erase(src.begin() + static_cast<long>(first), src.end());
    }
    new_page();
    row_ = 1;
    double shift = 0;
    bool have_shift = false;
    for (auto& run : runs) {
      if (!have_shift) {
        shift = g_.row_top(1) - run.em_top;
        have_shift = true;
      }
      run.baseline += shift;
      run.em_top += shift;
      run.em_bottom += shift;
      run.ink_top += shift;
      run.ink_bottom += shift;
      current().runs.push_back(std::move(run));
    }
    row_ = 1 + static_cast<int>(moving.size());
    const size_t first = moving.empty() ? 0 : moving.front().first_run;
    for (auto& ref : moving) {
      ref.page = out_.pages.size() - 1;
      ref.first_run -= first;
      body_lines_.push_back(ref);
    }
  }

  // 页码: "— N —", 4号, dash 7 mm below the type area; odd pages right,
  // even pages left, one character in (spec §8).
  void page_numbers() {
    const model::text_style& s = spec_.page_number;
    for (auto& pg : out_.pages) {
      std::string text = spec_.page_number_format;
      text.replace(text.find("{n}"), 3, std::to_string(pg.number));
      prepared_text p = prepare({piece(text, s, element::page_number)}, 0, breaks_);
      double w = trimmed_width(p, 0, p.clusters.size());
      set_line_result line = set_line(p, 0, p.clusters.size(), 0, w, false, true);
      if (line.runs.empty()) continue;
      glyph_run run = std::move(line.runs.front());
      bool odd = pg.number % 2 == 1;
      double left = odd ? g_.left + g_.width - spec_.page_number_inset - w
                        : g_.left + spec_.page_number_inset;
      for (auto& gl : run.glyphs) gl.x += left;
      // The dash's stroke (its ink centre) lies on the line 7 mm below the type area.
      fonts::ink_box dash = run.font->ink(run.glyphs.front().id);
      double centre = (dash.y_min + dash.y_max) / 2 * run.size;
      run.baseline = g_.bottom + spec_.page_number_below + centre;
      run.em_top = run.baseline - run.font->em_top() * run.size;
      run.em_bottom = run.baseline - run.font->em_bottom() * run.size;
      ink_extent(run);
      pg.runs.push_back(std::move(run));
    }
  }

  const model::document& doc_;
  const model::layout_spec& spec_;
  const fonts::font_set& fonts_;
  frames& out_;
  diagnostics& diags_;
  const fonts::face* fallback_;  // the optional fallback role's face, or nullptr
  grid g_{};
  int row_ = 1;
  std::vector<body_line_ref> body_lines_;
  std::vector<std::pair<std::string, size_t>> outline_lines_;  // title, index in body_lines_
  break_finder breaks_;
  std::set<char32_t> reported_;  // substitutions already reported once
};

}  // namespace

std::vector<std::string> required_roles(const model::layout_spec& spec) {
  std::vector<std::string> roles;
  auto add = [&](const model::text_style& s) {
    if (!s.role.empty() && std::find(roles.begin(), roles.end(), s.role) == roles.end())
      roles.push_back(s.role);
  };
  add(spec.body);
  add(spec.issuer);
  add(spec.doc_number);
  add(spec.title);
  add(spec.addressee);
  for (const auto& h : spec.heading) add(h);
  add(spec.signature);
  add(spec.page_number);
  return roles;
}

std::vector<std::string> optional_roles() {
  return {fallback_role};
}

bool compose(const model::document& doc, const model::layout_spec& spec,
             const fonts::font_set& fonts, frames& out, diagnostics& diags) {
  for (const auto& role : required_roles(spec)) {
    if (!fonts.get(role)) {
      diags.error(doc.source_name, 0, 0, "font role '" + role + "' was not loaded");
      return false;
    }
  }
  composer c(doc, spec, fonts, out, diags);
  return c.run();
}

}  // namespace hongtou::layout
