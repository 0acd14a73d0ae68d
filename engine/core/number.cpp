// SPDX-License-Identifier: Apache-2.0
#include "core/number.hpp"

#include <charconv>
#include <cmath>

namespace hongtou {

std::string fixed(double v, int decimals) {
  double unit = std::pow(10.0, -decimals);
  if (std::fabs(v) < unit / 2) v = 0;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  return std::string(buf, res.ptr);
}

std::string compact(double v, int decimals) {
  std::string s = fixed(v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

}  // namespace hongtou
