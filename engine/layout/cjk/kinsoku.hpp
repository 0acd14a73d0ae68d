// SPDX-License-Identifier: Apache-2.0
#pragma once
// 避头尾: the prohibition rules of Chinese line breaking, named after their
// source — a minimal set from GB/T 15834-2011 and clreq (W3C, "Requirements
// for Chinese Text Layout" 3.1.7).

namespace hongtou::layout::cjk {

/// A character that must not start a line (closing marks, pause and stop
/// marks, dashes, ellipses, units that follow a number).
bool is_gb_no_line_start(char32_t c);

/// A character that must not end a line (opening marks, currency signs).
bool is_gb_no_line_end(char32_t c);

}  // namespace hongtou::layout::cjk
