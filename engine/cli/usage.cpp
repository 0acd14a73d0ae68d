// SPDX-License-Identifier: Apache-2.0
#include "cli/usage.hpp"

#include <algorithm>

namespace hongtou::cli {

namespace {

// Levenshtein distance of two ASCII words.
size_t distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearest(const std::string& word, const std::vector<std::string>& known) {
  std::string best;
  size_t best_distance = 3;
  for (const std::string& k : known) {
    const size_t d = distance(word, k);
    if (d < best_distance && d * 2 < std::max<size_t>(word.size(), 2)) {
      best = k;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace hongtou::cli
