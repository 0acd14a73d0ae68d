#include "layout/cjk/char_class.hpp"

#include <unicode/uchar.h>

namespace hongtou::layout::cjk {

bool is_wide(char32_t c) {
  switch (c) {
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'—':
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

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t';
}

}  // namespace hongtou::layout::cjk
