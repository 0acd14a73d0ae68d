// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hongtou {

/// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string utf8_decode(std::string_view s);

/// Encodes one code point as UTF-8 and appends it to out.
void utf8_append(std::string& out, char32_t cp);

/// Encodes code points as UTF-8.
std::string utf8_encode(std::u32string_view s);

}  // namespace hongtou
