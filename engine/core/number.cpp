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

namespace {

// Half a unit of the last decimal: what rounds to zero.
double half_unit(int decimals) {
  static constexpr double halves[] = {0.5, 0.05, 0.005, 5e-4, 5e-5, 5e-6, 5e-7, 5e-8, 5e-9, 5e-10};
  return decimals >= 0 && decimals < 10 ? halves[decimals] : std::pow(10.0, -decimals) / 2;
}

}  // namespace

void append_compact(std::string& out, double v, int decimals) {
  if (std::fabs(v) < half_unit(decimals)) v = 0;
  // The fast way, for the 3 decimals of content streams: the value scaled
  // to an integer of units, when the product is far enough from a half
  // unit that its rounding error cannot change the nearest integer; the
  // digits then are those std::to_chars gives (tested against it).
  if (decimals == 3 && std::fabs(v) < 1e6) {
    const double units = v * 1000.0;
    const double below = std::floor(units);
    if (std::fabs(units - below - 0.5) > 1e-6) {
      long long n = static_cast<long long>(units - below > 0.5 ? below + 1 : below);
      if (n == 0) {
        out += '0';
        return;
      }
      char buf[32];
      char* end = buf + sizeof buf;
      char* p = end;
      const bool negative = n < 0;
      unsigned long long u = negative ? static_cast<unsigned long long>(-n) : n;
      int fraction = 3;
      while (fraction > 0 && u % 10 == 0) {  // trailing zeros of the fraction dropped
        u /= 10;
        --fraction;
      }
      for (int i = 0; i < fraction; ++i, u /= 10) *--p = static_cast<char>('0' + u % 10);
      if (fraction > 0) *--p = '.';
      do {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
      } while (u != 0);
      if (negative) *--p = '-';
      out.append(p, end);
      return;
    }
  }
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
