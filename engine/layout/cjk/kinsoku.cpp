// SPDX-License-Identifier: Apache-2.0
#include "layout/cjk/kinsoku.hpp"

#include <algorithm>
#include <iterator>

namespace hongtou::layout::cjk {

namespace {

// "Must not start a line" (GB/T 15834-2011 5.1, clreq 3.1.7). The dash (——)
// and the ellipsis (……) are in it, so they never start a line and never
// split between their two halves; ― (U+2015) is the dash of GB 2312 texts.
constexpr char32_t gb_no_start[] = {U'。', U'，', U'、', U'；', U'：', U'？', U'！', U'）', U'］',
                                    U'｝', U'〕', U'〉', U'》', U'」', U'』', U'】', U'〗', U'〙',
                                    U'”',  U'’',  U'…',  U'—',  U'―',  U'～', U'·',  U'％', U'‰',
                                    U'℃',  U'°',  U'′',  U'″',  U'!',  U'%',  U')',  U',',  U'.',
                                    U':',  U';',  U'?',  U']',  U'}'};

// "Must not end a line" (same sources).
constexpr char32_t gb_no_end[] = {U'（', U'［', U'｛', U'〔', U'〈', U'《', U'「',
                                  U'『', U'【', U'〖', U'〘', U'“',  U'‘',  U'(',
                                  U'[',  U'{',  U'$',  U'£',  U'¥',  U'￥'};

template <size_t N>
bool contains(const char32_t (&table)[N], char32_t c) {
  return std::find(std::begin(table), std::end(table), c) != std::end(table);
}

}  // namespace

bool is_gb_no_line_start(char32_t c) {
  return contains(gb_no_start, c);
}

bool is_gb_no_line_end(char32_t c) {
  return contains(gb_no_end, c);
}

}  // namespace hongtou::layout::cjk
