// SPDX-License-Identifier: Apache-2.0
// The columns of a table: widths from <column width> (shares of what the
// millimetre and character widths leave), or from the content when none is
// given (each column between its longest unbreakable piece and its longest
// line, as wide as the type area together); and each column's alignment.
#include <algorithm>
#include <cstdio>

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "layout/page/table_columns.hpp"

namespace hongtou::layout {

namespace {

// The lines of a cell's text (its explicit breaks).
std::vector<std::string> parts_of(const std::string& text) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= text.size()) {
    size_t end = text.find('\n', from);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(from, end - from));
    from = end + 1;
  }
  return out;
}

// True for the characters a line may break beside (CJK text and marks).
bool breakable(char32_t c) {
  return c >= 0x2E80;
}

}  // namespace

double unbreakable_width(context& ctx, const std::string& text, const model::text_style& s) {
  double widest = 0;
  std::u32string word;
  const auto flush = [&] {
    if (!word.empty())
      widest = std::max(widest, ctx.width_of(utf8_encode(word), s, element::table_cell));
    word.clear();
  };
  for (char32_t c : utf8_decode(text)) {
    if (breakable(c)) {
      flush();
      widest = std::max(widest, s.size);
    } else if (c == U' ') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return widest;
}

namespace {

std::string mm_text(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f mm", pt_to_mm(pt));
  return buf;
}

}  // namespace

model::cell_align column_set::align_of(const model::table_cell& c, bool head) const {
  if (c.align != model::cell_align::automatic) return c.align;
  if (head) return model::cell_align::centre;
  return align[static_cast<size_t>(c.column)];
}

column_set table_columns(context& ctx, const model::table& t, double size) {
  const auto& ts = ctx.spec.table;
  const grid& g = ctx.g;
  const size_t n = static_cast<size_t>(std::max(1, t.columns));
  const double pad = 2 * ts.padding_x;
  const model::text_style body{ts.style.role, size, ts.style.color};
  const model::text_style head{ts.header_role, size, ts.style.color};
  std::vector<double> w(n, 0);
  bool given = false;
  for (const auto& c : t.column_specs) given |= c.width_unit != model::table_column::unit::none;
  if (given) {
    double fixed = 0, shares = 0;
    for (size_t i = 0; i < n && i < t.column_specs.size(); ++i) {
      const auto& c = t.column_specs[i];
      using unit = model::table_column::unit;
      if (c.width_unit == unit::mm) w[i] = mm_to_pt(c.width);
      if (c.width_unit == unit::em) w[i] = c.width * size + pad;
      fixed += w[i];
      if (c.width_unit == unit::share || c.width_unit == unit::none)
        shares += c.width_unit == unit::share ? c.width : 1;
    }
    const double rest = g.width - fixed;
    if (fixed > g.width + 0.01 || (shares > 0 && rest < pad * static_cast<double>(n))) {
      ctx.diags.add({severity::error,
                     ctx.doc.source_name,
                     t.columns_pos.line,
                     t.columns_pos.column,
                     "the column widths add up to " + mm_text(fixed) +
                         (shares > 0 ? ", leaving no room for the columns given as shares" : "") +
                         ", but the type area is " + mm_text(g.width) + " wide",
                     {}});
      std::fill(w.begin(), w.end(), g.width / static_cast<double>(n));
    } else {
      for (size_t i = 0; i < n && i < t.column_specs.size(); ++i) {
        const auto& c = t.column_specs[i];
        using unit = model::table_column::unit;
        if (c.width_unit == unit::share || c.width_unit == unit::none)
          w[i] = rest * (c.width_unit == unit::share ? c.width : 1) / shares;
      }
    }
  } else {
    // From the content: between each column's narrowest and widest setting.
    std::vector<double> lo(n, 2 * size + pad), hi(n, 2 * size + pad);
    for (int section = 0; section < 2; ++section)
      for (const auto& c : section == 0 ? t.head : t.body) {
        if (c.colspan != 1) continue;
        const size_t i = static_cast<size_t>(c.column);
        for (const std::string& part : parts_of(c.text)) {
          const model::text_style& s = section == 0 ? head : body;
          hi[i] = std::max(hi[i], ctx.width_of(part, s, element::table_cell) + pad);
          lo[i] = std::max(lo[i], unbreakable_width(ctx, part, s) + pad);
        }
      }
    double sum_lo = 0, sum_hi = 0;
    for (size_t i = 0; i < n; ++i) {
      sum_lo += lo[i];
      sum_hi += hi[i];
    }
    for (size_t i = 0; i < n; ++i) {
      if (sum_hi <= g.width)  // all on one line: the room left shared as the widths are
        w[i] = hi[i] * g.width / sum_hi;
      else if (sum_lo >= g.width)
        w[i] = lo[i] * g.width / sum_lo;
      else
        w[i] = lo[i] + (hi[i] - lo[i]) * (g.width - sum_lo) / (sum_hi - sum_lo);
    }
  }
  column_set out;
  double total = 0;
  for (double x : w) total += x;
  out.x.push_back(g.left + (g.width - total) / 2);  // a narrower table is centred
  for (double x : w) out.x.push_back(out.x.back() + x);
  // Alignment: the column's own, else centred when every body cell is one line.
  out.align.assign(n, model::cell_align::centre);
  out.decimal_at.assign(n, -1);
  for (size_t i = 0; i < n; ++i) {
    if (i < t.column_specs.size() && t.column_specs[i].align != model::cell_align::automatic) {
      out.align[i] = t.column_specs[i].align;
      continue;
    }
    for (const auto& c : t.body)
      if (static_cast<size_t>(c.column) == i && c.colspan == 1 &&
          (c.text.find('\n') != std::string::npos ||
           ctx.width_of(c.text, body, element::table_cell) > w[i] - pad + 0.01))
        out.align[i] = model::cell_align::left;
  }
  // Decimal columns: the points one above the other, the longest fraction at the right.
  for (size_t i = 0; i < n; ++i) {
    const auto decimal = [&](const model::table_cell& c) {
      return c.align == model::cell_align::decimal || (c.align == model::cell_align::automatic &&
                                                       out.align[i] == model::cell_align::decimal);
    };
    bool any = false;
    for (const auto& c : t.body) any |= static_cast<size_t>(c.column) == i && decimal(c);
    if (!any) continue;
    double after = 0;
    for (const auto& c : t.body) {
      if (static_cast<size_t>(c.column) != i || c.colspan != 1 || !decimal(c)) continue;
      const size_t dot = c.text.find('.');
      if (dot != std::string::npos)  // measured in the whole (a lone "." is not a number's)
        after = std::max(after, ctx.width_of(c.text, body, element::table_cell) -
                                    ctx.width_of(c.text.substr(0, dot), body, element::table_cell));
    }
    out.decimal_at[i] = w[i] - pad - after;
  }
  return out;
}

double decimal_offset(const std::vector<glyph_run>& runs) {
  if (runs.empty()) return 0;
  const double left = runs.front().left();
  for (const auto& r : runs)
    for (const auto& gl : r.glyphs)
      if (gl.text == ".") return gl.x - left;
  return runs.back().right() - left;
}

std::string caption_number(const std::string& caption) {
  const std::string prefix = "表";
  if (caption.compare(0, prefix.size(), prefix) != 0) return "";
  size_t end = prefix.size();
  while (end < caption.size() && ((caption[end] >= '0' && caption[end] <= '9') ||
                                  caption[end] == '-' || caption[end] == '.'))
    ++end;
  return caption.substr(prefix.size(), end - prefix.size());
}

}  // namespace hongtou::layout
