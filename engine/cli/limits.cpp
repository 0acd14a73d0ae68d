// SPDX-License-Identifier: Apache-2.0
#include "cli/limits.hpp"

#include <cstdint>
#include <limits>

namespace hongtou::cli {

namespace {

struct named_limit {
  const char* name;
  uint64_t limits::*field;
  bool bytes;  // takes K, M, G
};

constexpr named_limit table[] = {
    {"input_bytes", &limits::input_bytes, true},
    {"elements", &limits::elements, false},
    {"depth", &limits::depth, false},
    {"paragraph_chars", &limits::paragraph_chars, false},
    {"title_chars", &limits::title_chars, false},
    {"pages", &limits::pages, false},
    {"memory_bytes", &limits::memory_bytes, true},
    {"cluster_marks", &limits::cluster_marks, false},
    {"image_pixels", &limits::image_pixels, false},
    {"image_bytes", &limits::image_bytes, true},
    {"font_bytes", &limits::font_bytes, true},
};

// A whole number with an optional K/M/G (when `bytes`); false on anything
// else, or on a value beyond 64 bits.
bool parse_value(const std::string& text, bool bytes, uint64_t& value) {
  size_t digits = 0;
  uint64_t v = 0;
  constexpr uint64_t max = std::numeric_limits<uint64_t>::max();
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    const uint64_t d = static_cast<uint64_t>(text[digits] - '0');
    if (v > (max - d) / 10) return false;
    v = v * 10 + d;
    ++digits;
  }
  if (digits == 0) return false;
  const std::string unit = text.substr(digits);
  int shift = 0;
  if (unit == "K" || unit == "k")
    shift = 10;
  else if (unit == "M" || unit == "m")
    shift = 20;
  else if (unit == "G" || unit == "g")
    shift = 30;
  else if (!unit.empty())
    return false;
  if (shift && !bytes) return false;
  if (shift && v > (max >> shift)) return false;
  value = v << shift;
  return true;
}

}  // namespace

bool set_limit(const std::string& spec, hongtou::limits& limits, std::string& error) {
  const size_t eq = spec.find('=');
  const std::string name = spec.substr(0, eq);
  for (const named_limit& l : table) {
    if (name != l.name) continue;
    uint64_t value = 0;
    if (eq == std::string::npos || !parse_value(spec.substr(eq + 1), l.bytes, value)) {
      error = "--limit " + spec + ": expected " + name + "=N, a whole number" +
              (l.bytes ? " of bytes, with K, M or G for KiB, MiB, GiB" : "") + " (0: no limit)";
      return false;
    }
    limits.*l.field = value;
    return true;
  }
  error = "--limit " + spec + ": no limit is named " + name + "; the limits are " + limit_names();
  return false;
}

std::string limit_names() {
  std::string names;
  for (const named_limit& l : table) names += (names.empty() ? "" : ", ") + std::string(l.name);
  return names;
}

}  // namespace hongtou::cli
