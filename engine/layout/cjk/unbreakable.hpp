// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a line never breaks inside, beyond ICU's opportunities and 避头尾: a
// number with its unit (GB/T 15835-2011; GB/T 9704-1999: 数字、年份不能回行),
// the year and number of a 发文字号 (GB/T 9704-2012 7.2.5: 〔2024〕41号), a
// Latin word at a slash (clreq 3.1.7: Western words break at spaces and
// hyphens).
// The words a number keeps are data (<line-breaking> of the layout).
#include <string>
#include <string_view>
#include <vector>

namespace hongtou::layout::cjk {

/// Words kept with the number before them, longest first when one begins
/// another (万元 before 万).
struct number_units {
  std::vector<std::u32string> after_digits;  // after Arabic digits: 年 万元 % km mg/km …
  std::vector<std::u32string> after_roman;   // after a Roman numeral Ⅰ–Ⅻ: 型 类 级 …
};

/// The words of a list separated by spaces (UTF-8), longest first; empty
/// when the text holds none.
std::vector<std::u32string> word_list(std::string_view utf8);

/// How firmly a line must not start at a place, for a text wider than a
/// line, which must break against some rule: the weakest is broken first.
enum class keep : unsigned char {
  none,    // a line may start here (as far as these rules go)
  weak,    // after a slash in a Latin word
  strong,  // inside a number, before its unit, inside 〔2024〕 or after it
};

/// Per code point index of text, and one past its end: where a line must
/// not start, by the rules above. A number is a run of digits (ASCII or
/// full-width) with the decimal points and thousands separators between
/// them; it never splits and keeps the longest unit of `units` after it.
std::vector<keep> gb_unbreakable(const std::u32string& text, const number_units& units);

}  // namespace hongtou::layout::cjk
