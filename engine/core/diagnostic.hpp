// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

// severity, diagnostic and format() are part of the public API.
#include <hongtou/hongtou.hpp>

namespace hongtou {

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

}  // namespace hongtou
