// SPDX-License-Identifier: Apache-2.0
#include "layout/cjk/unbreakable.hpp"

#include <algorithm>

#include "core/chars.hpp"
#include "core/utf8.hpp"

namespace hongtou::layout::cjk {

namespace {

// Ⅰ–Ⅻ and ⅰ–ⅻ (Number Forms).
bool is_roman(char32_t c) {
  return (c >= 0x2160 && c <= 0x216B) || (c >= 0x2170 && c <= 0x217B);
}

// A decimal point or thousands separator, when a digit is on either side.
bool is_number_separator(char32_t c) {
  return c == U'.' || c == U',' || c == U'．';
}

bool is_latin_alnum(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
}

// No line starts inside [from, to): at from + 1 … to - 1, at least this firmly.
void hold(std::vector<keep>& no_start, size_t from, size_t to, keep how) {
  for (size_t k = from + 1; k < to; ++k) no_start[k] = std::max(no_start[k], how);
}

// The length of the longest word of `words` (longest first) at text[at…].
size_t match(const std::u32string& text, size_t at, const std::vector<std::u32string>& words) {
  for (const std::u32string& w : words)
    if (!w.empty() && text.compare(at, w.size(), w) == 0) return w.size();
  return 0;
}

// The end of the number that starts at i: digits, and a separator between two.
size_t number_end(const std::u32string& text, size_t i) {
  size_t j = i;
  while (j < text.size()) {
    const bool inner =
        j > i && is_number_separator(text[j]) && j + 1 < text.size() && is_digit(text[j + 1]);
    if (!is_digit(text[j]) && !inner) break;
    ++j;
  }
  return j;
}

// GB/T 15835-2011 (数字不能回行): a number whole, with its unit; a Roman
// numeral with the 型 or 类 after it (Ⅰ型试验).
void keep_numbers(const std::u32string& text, const number_units& units,
                  std::vector<keep>& no_start) {
  size_t i = 0;
  while (i < text.size()) {
    if (is_digit(text[i])) {
      const size_t end = number_end(text, i);
      hold(no_start, i, end + match(text, end, units.after_digits), keep::strong);
      i = end;
    } else if (is_roman(text[i])) {
      size_t end = i + 1;
      while (end < text.size() && is_roman(text[end])) ++end;
      const size_t unit = match(text, end, units.after_roman);
      if (unit > 0) hold(no_start, i, end + unit, keep::strong);
      i = end;
    } else {
      ++i;
    }
  }
}

// GB/T 9704-2012 7.2.5: the year and number of a 发文字号 (国办发〔2018〕108号)
// whole: nothing breaks inside 〔2018〕 or between it and the number (the
// number keeps its 号 by keep_numbers). A line may still end with the
// 机关代字 before 〔 (docs/decisions.md: binding it too pushes out up to 10
// cells, as the code is not told from the words before it in running text).
void keep_doc_numbers(const std::u32string& text, std::vector<keep>& no_start) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != U'〔') continue;
    size_t close = i + 1;
    while (close < text.size() && is_digit(text[close])) ++close;
    if (close == i + 1 || close == text.size() || text[close] != U'〕') continue;
    size_t end = close + 1;
    if (end < text.size() && is_digit(text[end])) ++end;
    hold(no_start, i, end, keep::strong);
  }
}

// clreq 3.1.7: a Western word breaks at a space or after a hyphen, never
// after a slash between letters or digits (GB/T, mg/km, and/or).
void keep_slashed_words(const std::u32string& text, std::vector<keep>& no_start) {
  for (size_t i = 2; i < text.size(); ++i)
    if (text[i - 1] == U'/' && is_latin_alnum(text[i - 2]) && is_latin_alnum(text[i]))
      no_start[i] = std::max(no_start[i], keep::weak);
}

}  // namespace

std::vector<std::u32string> word_list(std::string_view utf8) {
  std::vector<std::u32string> words;
  const std::u32string text = utf8_decode(utf8);
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == U' ' || text[i] == U'\n' || text[i] == U'\t')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != U' ' && text[j] != U'\n' && text[j] != U'\t') ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  std::stable_sort(
      words.begin(), words.end(),
      [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
  return words;
}

std::vector<keep> gb_unbreakable(const std::u32string& text, const number_units& units) {
  std::vector<keep> no_start(text.size() + 1, keep::none);
  keep_numbers(text, units, no_start);
  keep_doc_numbers(text, no_start);
  keep_slashed_words(text, no_start);
  return no_start;
}

}  // namespace hongtou::layout::cjk
