// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

namespace hongtou {

/// Fixed-point decimal text of v with `decimals` digits, independent of the
/// C locale (no "-0", e.g. 1.5 -> "1.50" for 2 decimals).
std::string fixed(double v, int decimals);

/// Like fixed() but with trailing zeros (and a bare ".") removed: 1.500 -> "1.5".
std::string compact(double v, int decimals);
/// compact() appended to `out`, with no string made on the way (content
/// streams write one per glyph).
void append_compact(std::string& out, double v, int decimals);

}  // namespace hongtou
