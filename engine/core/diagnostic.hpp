// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hongtou {

enum class severity { note, warning, error };

/// One problem found in a document, a data file or the environment.
/// line/column are 1-based; 0 means "no position" (e.g. a missing font).
struct diagnostic {
  severity level = severity::error;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string hint;
};

/// Collects diagnostics; the library never prints them itself.
class diagnostics {
 public:
  void add(diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string file, int line, int column, std::string message, std::string hint = {}) {
    add({severity::error, std::move(file), line, column, std::move(message), std::move(hint)});
  }
  void warning(std::string file, int line, int column, std::string message, std::string hint = {}) {
    add({severity::warning, std::move(file), line, column, std::move(message), std::move(hint)});
  }
  /// True when at least one error-severity item was added.
  bool has_errors() const {
    for (const auto& d : items_)
      if (d.level == severity::error) return true;
    return false;
  }
  const std::vector<diagnostic>& items() const { return items_; }
  void append(const diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }

 private:
  std::vector<diagnostic> items_;
};

/// "file:line:column: error: message" (position parts omitted when 0).
std::string format(const diagnostic& d);

}  // namespace hongtou
