// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a render returned, as a test reads it: its bytes as text (a trace),
// its first error as the user sees it.
#include <string>

#include "api/hongtou.hpp"

namespace hongtou::test {

/// The bytes of a render (a trace, or a PDF) as a string.
inline std::string text(const render_result& r) {
  return std::string(r.bytes.begin(), r.bytes.end());
}

/// The first error, formatted "file:line:column: error: …"; empty when none.
inline std::string first_error(const render_result& r) {
  for (const diagnostic& d : r.diagnostics)
    if (d.level == severity::error) return format(d);
  return {};
}

}  // namespace hongtou::test
