// SPDX-License-Identifier: Apache-2.0
#include "core/number.hpp"

#include <algorithm>
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
  std::string s;
  append_compact(s, v, decimals);
  return s;
}

void append_compact(std::string& out, double v, int decimals) {
  if (std::fabs(v) < std::pow(10.0, -decimals) / 2) v = 0;
  char buf[64];
  char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals).ptr;
  if (std::find(buf, end, '.') != end) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
    out += '0';
    return;
  }
  out.append(buf, end);
}

}  // namespace hongtou
