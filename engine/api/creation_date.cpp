// SPDX-License-Identifier: Apache-2.0
#include "api/creation_date.hpp"

namespace hongtou::detail {

namespace {

// The number of `n` digits at s[at], or -1.
int digits(const std::string& s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

bool valid_creation_date(const std::string& s) {
  if (s.size() != 10 && s.size() != 19) return false;
  if (s[4] != '-' || s[7] != '-') return false;
  const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > days[m - 1] + (m == 2 && leap ? 1 : 0)) return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
  const int hh = digits(s, 11, 2), mi = digits(s, 14, 2), ss = digits(s, 17, 2);
  return hh >= 0 && hh < 24 && mi >= 0 && mi < 60 && ss >= 0 && ss < 60;
}

std::string bad_creation_date(const std::string& s) {
  return "bad creation date \"" + s +
         "\": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, a real date and time, e.g. 2024-05-31 "
         "or 2024-05-31T09:30:00";
}

}  // namespace hongtou::detail
