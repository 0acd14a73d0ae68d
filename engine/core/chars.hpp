// SPDX-License-Identifier: Apache-2.0
#pragma once
// Character classes every stage asks about: Arabic digits and Han ideographs.

namespace hongtou {

/// Arabic digits, ASCII or full-width (０–９).
inline bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}

/// Han ideographs: CJK Unified (with Extension A), Compatibility, and the
/// supplementary planes' extensions.
inline bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

}  // namespace hongtou
