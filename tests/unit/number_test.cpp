// SPDX-License-Identifier: Apache-2.0
// The numbers of content streams (core/number): compact() with 3 decimals
// gives exactly the digits of std::to_chars, whichever path it takes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <random>
#include <string>

#include "core/number.hpp"

namespace {

// compact() as std::to_chars alone makes it: fixed, trailing zeros and a
// bare "." removed, no "-0".
std::string reference(double v, int decimals) {
  if (std::fabs(v) < std::pow(10.0, -decimals) / 2) v = 0;
  char buf[64];
  char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals).ptr;
  if (std::find(buf, end, '.') != end) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  std::string s(buf, end);
  return s == "-0" ? "0" : s;
}

}  // namespace

TEST_CASE("compact: three decimals as std::to_chars gives them", "[number]") {
  for (double v :
       {0.0,  -0.0,        0.0004,      -0.0004, 0.0005, -0.0005, 0.0015,    0.0025,    1.0,
        -1.0, 1.5,         -1.5,        2.0005,  10.25,  595.276, 841.89,    -123.4565, 0.1 + 0.2,
        1e-9, 999999.9994, 999999.9996, 1e6,     -1e6,   1e12,    12.0 / 7.0})
    CHECK(hongtou::compact(v, 3) == reference(v, 3));

  std::mt19937_64 random(20261207);
  std::uniform_real_distribution<double> page(-1000.0, 1000.0);
  std::uniform_int_distribution<long long> units(-1000000000LL, 1000000000LL);
  for (int i = 0; i < 200000; ++i) {
    const double a = page(random);
    REQUIRE(hongtou::compact(a, 3) == reference(a, 3));
    // Values at and around half a unit, where rounding decides.
    const double half = (static_cast<double>(units(random)) + 0.5) / 1000.0;
    for (double b : {half, std::nextafter(half, 1e9), std::nextafter(half, -1e9)})
      REQUIRE(hongtou::compact(b, 3) == reference(b, 3));
  }
}

TEST_CASE("compact: other numbers of decimals as before", "[number]") {
  for (int decimals : {0, 1, 2, 4, 6})
    for (double v : {0.0, 0.5, -0.5, 1.25, -1.25, 3.14159265, 1e-7, 123456.789})
      CHECK(hongtou::compact(v, decimals) == reference(v, decimals));
}
