// SPDX-License-Identifier: Apache-2.0
// Input normalisation before layout (GB/T 15834-2011: Chinese text takes
// full-width punctuation; GB/T 9704-2012 7.2.4: the year of a 发文字号 in
// 六角括号 〔〕). Each kind of change is a layout option, on in gbt9704, and
// every change is reported with its element's position and the text around
// it, so that nothing changes silently:
// - half-width , . : ; ? ! ( ) in Chinese context become ， 。 ： ； ？ ！ （ ）;
// - straight quotes " and ' in Chinese context become “ ” and ‘ ’, opening
//   and closing in turn;
// - [2024], 【2024】, (2024), （2024） in a 发文字号 become 〔2024〕.
#include <map>

#include "core/chars.hpp"
#include "core/utf8.hpp"
#include "layout/page/compose.hpp"

namespace hongtou::layout {

namespace {

// Full-width punctuation and CJK brackets count as Chinese context too.
bool is_cjk(char32_t c) {
  return is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E) || c == U'“' ||
         c == U'”' || c == U'‘' || c == U'’' || c == U'…' || c == U'—';
}

struct normaliser {
  const decltype(model::layout_spec::normalising)& opt;
  diagnostics& diags;
  const std::string& file;

  // Some characters around position i, for a message.
  static std::string around(const std::u32string& t, size_t i) {
    const size_t from = i >= 4 ? i - 4 : 0;
    return utf8_encode(std::u32string_view(t).substr(from, i - from + 5));
  }

  void report(const model::source_pos& pos, const std::string& what, int count,
              const std::string& first) {
    diags.warning(file, pos.line, pos.column,
                  what + (count > 1 ? " (" + std::to_string(count) + " times)" : "") +
                      ", first in \"" + first + "\"",
                  "write full-width punctuation in Chinese text, or turn this off in the "
                  "layout's <normalising>");
  }

  // Punctuation and quotes of one text, in place; reported at pos.
  void text(std::u32string& t, const model::source_pos& pos) {
    static const std::map<char32_t, char32_t> wide = {{U',', U'，'}, {U'.', U'。'}, {U':', U'：'},
                                                      {U';', U'；'}, {U'?', U'？'}, {U'!', U'！'},
                                                      {U'(', U'（'}, {U')', U'）'}};
    int marks = 0, quotes = 0;
    std::string first_mark, first_quote;
    bool double_open = true, single_open = true;
    for (size_t i = 0; i < t.size(); ++i) {
      const char32_t c = t[i];
      const char32_t before = i > 0 ? t[i - 1] : 0;
      const char32_t after = i + 1 < t.size() ? t[i + 1] : 0;
      const bool cjk_before = before && is_cjk(before);
      const bool cjk_after = after && is_cjk(after);
      auto it = wide.find(c);
      if (opt.punctuation && it != wide.end()) {
        // ( opens before Chinese, ) closes after it; the others follow
        // Chinese text and are not inside a number (3.5) or a Latin word.
        bool chinese = false;
        if (c == U'(')
          chinese = cjk_after || (cjk_before && !is_digit(after));
        else if (c == U')')
          chinese = cjk_before || (cjk_after && !is_digit(before));
        else
          chinese = cjk_before && (after == 0 || cjk_after || after == U' ');
        if (chinese) {
          if (marks++ == 0) first_mark = around(t, i);
          t[i] = it->second;
        }
        continue;
      }
      if (opt.quotes && (c == U'"' || c == U'\'') && (cjk_before || cjk_after)) {
        bool& open = c == U'"' ? double_open : single_open;
        if (quotes++ == 0) first_quote = around(t, i);
        t[i] = c == U'"' ? (open ? U'“' : U'”') : (open ? U'‘' : U'’');
        open = !open;
      }
    }
    if (marks)
      report(pos, "half-width punctuation in Chinese text set full width", marks, first_mark);
    if (quotes)
      report(pos, "straight quotes in Chinese text set as “” and ‘’", quotes, first_quote);
  }

  void text(std::string& s, const model::source_pos& pos) {
    std::u32string t = utf8_decode(s);
    text(t, pos);
    s = utf8_encode(t);
  }

  // The spans of a paragraph as one text, so that context crosses them.
  void block(model::block& b) {
    std::u32string all;
    std::vector<size_t> sizes;
    for (const auto& sp : b.spans) {
      std::u32string t = utf8_decode(sp.text);
      sizes.push_back(t.size());
      all += t;
    }
    text(all, b.pos);
    size_t at = 0;
    for (size_t i = 0; i < b.spans.size(); ++i) {
      b.spans[i].text = utf8_encode(std::u32string_view(all).substr(at, sizes[i]));
      at += sizes[i];
    }
  }

  // 〔2024〕 in a 发文字号 written with other brackets (7.2.4). The model's
  // checks have reported the brackets at the 发文字号 already; this says
  // what it became.
  void doc_number(std::string& s, const model::source_pos& pos) {
    std::u32string t = utf8_decode(s);
    bool changed = false;
    const std::u32string opens = U"[【(（", closes = U"]】)）";
    for (size_t i = 0; i + 5 < t.size(); ++i) {
      const size_t k = opens.find(t[i]);
      if (k == std::u32string::npos || t[i + 5] != closes[k]) continue;
      bool year = true;
      for (size_t d = 1; d <= 4; ++d) year = year && is_digit(t[i + d]);
      if (!year) continue;
      t[i] = U'〔';
      t[i + 5] = U'〕';
      changed = true;
    }
    if (changed)
      diags.add(
          {severity::note,
           file,
           pos.line,
           pos.column,
           "发文字号 set as \"" + utf8_encode(t) + "\" (the layout's <normalising doc-number>)",
           {}});
    s = utf8_encode(t);
  }

  void body(std::vector<model::block>& blocks) {
    for (auto& b : blocks) block(b);
  }
};

}  // namespace

namespace {

// Whether a text holds a character some rule may change (a cheap scan, so
// that a document already right is not copied).
bool may_change(const std::string& s, const char* chars) {
  return s.find_first_of(chars) != std::string::npos;
}

bool may_change(const std::vector<model::block>& body, const char* chars) {
  for (const auto& b : body)
    for (const auto& sp : b.spans)
      if (may_change(sp.text, chars)) return true;
  return false;
}

bool may_change(const model::document& in, const decltype(model::layout_spec::normalising)& opt) {
  // The ASCII marks; 【 and （ of a 发文字号 both begin with the byte 0xE3 or 0xEF.
  const char* marks = ",.:;?!()\"'";
  if (opt.doc_number && may_change(in.head.doc_number, "[(\xE3\xEF")) return true;
  if (!opt.punctuation && !opt.quotes) return false;
  if (may_change(in.addressee, marks) || may_change(in.body, marks)) return true;
  for (const auto& a : in.appendices)
    if (may_change(a.addressee, marks) || may_change(a.body, marks)) return true;
  return false;
}

}  // namespace

bool normalise_in_place(model::document& doc, const model::layout_spec& spec, diagnostics& diags) {
  if (!may_change(doc, spec.normalising)) return false;
  normaliser n{spec.normalising, diags, doc.source_name};
  if (spec.normalising.doc_number) n.doc_number(doc.head.doc_number, doc.head.doc_number_pos);
  if (!spec.normalising.punctuation && !spec.normalising.quotes) return true;
  n.text(doc.addressee, doc.title_pos);
  n.body(doc.body);
  for (auto& a : doc.appendices) {
    n.body(a.body);
    n.text(a.addressee, a.pos);
  }
  return true;
}

std::optional<model::document> normalise(const model::document& in, const model::layout_spec& spec,
                                         diagnostics& diags) {
  if (!may_change(in, spec.normalising)) return std::nullopt;
  model::document doc = in;
  normalise_in_place(doc, spec, diags);
  return doc;
}

}  // namespace hongtou::layout
