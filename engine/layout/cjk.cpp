#include "layout/cjk.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>

namespace hongtou::layout {

namespace {

// spec §11.2, class "must not start a line" (GB/T 15834, clreq).
constexpr char32_t no_start[] = {U'。', U'，', U'、', U'；', U'：', U'？', U'！', U'）',
                                 U'］', U'｝', U'〕', U'〉', U'》', U'」', U'』', U'】',
                                 U'〗', U'〙', U'”',  U'’',  U'…',  U'—',  U'～', U'·',
                                 U'％', U'‰',  U'℃',  U'°',  U'′',  U'″',  U'!',  U'%',
                                 U')',  U',',  U'.',  U':',  U';',  U'?',  U']',  U'}'};

// spec §11.2, class "must not end a line".
constexpr char32_t no_end[] = {U'（', U'［', U'｛', U'〔', U'〈', U'《', U'「',
                               U'『', U'【', U'〖', U'〘', U'“',  U'‘',  U'(',
                               U'[',  U'{',  U'$',  U'£',  U'¥',  U'￥'};

template <size_t N>
bool contains(const char32_t (&table)[N], char32_t c) {
  return std::find(std::begin(table), std::end(table), c) != std::end(table);
}

}  // namespace

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

bool is_no_line_start(char32_t c) {
  return contains(no_start, c);
}

bool is_no_line_end(char32_t c) {
  return contains(no_end, c);
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t';
}

}  // namespace hongtou::layout
