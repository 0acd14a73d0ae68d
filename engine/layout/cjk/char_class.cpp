// SPDX-License-Identifier: Apache-2.0
#include "layout/cjk/char_class.hpp"

#include <unicode/uchar.h>

#include <string_view>

namespace hongtou::layout::cjk {

bool is_wide(char32_t c) {
  switch (c) {
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'—':
    case U'―':  // U+2015, the dash of GB 2312 (A1AA) in many converted texts
    case U'…':
      return true;
    default:
      break;
  }
  int w = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

bool is_opening_mark(char32_t c) {
  return c == U'“' || c == U'‘';
}

namespace {

// Every mark of the two lists below lies in one of three small blocks: the
// test that rejects the rest (ideographs, letters) at once.
bool in_clreq_mark_blocks(char32_t c) {
  return (c >= 0x2018 && c <= 0x201D) || (c >= 0x3000 && c <= 0x301F) ||
         (c >= 0xFF00 && c <= 0xFF5F);
}

}  // namespace

bool is_clreq_closing(char32_t c) {
  return in_clreq_mark_blocks(c) &&
         std::u32string_view(U"、，。；：）］｝〕〉》」』】〗〙”’").find(c) !=
             std::u32string_view::npos;
}

bool is_clreq_opening(char32_t c) {
  return in_clreq_mark_blocks(c) &&
         std::u32string_view(U"（［｛〔〈《「『【〖〘“‘").find(c) != std::u32string_view::npos;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t';
}

}  // namespace hongtou::layout::cjk
