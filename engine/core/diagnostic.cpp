// SPDX-License-Identifier: Apache-2.0
#include "core/diagnostic.hpp"

namespace hongtou {

std::string format(const diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line > 0) {
      out += ':' + std::to_string(d.line);
      if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
  }
  switch (d.level) {
    case severity::note:
      out += "note: ";
      break;
    case severity::warning:
      out += "warning: ";
      break;
    case severity::error:
      out += "error: ";
      break;
  }
  out += d.message;
  if (!d.hint.empty()) out += " (" + d.hint + ")";
  return out;
}

}  // namespace hongtou
