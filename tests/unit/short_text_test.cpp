// SPDX-License-Identifier: Apache-2.0
// short_text, the display list's glyph text: in place up to 11 bytes, on the
// heap beyond, and a value like std::string either way.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/short_text.hpp"

using hongtou::short_text;

TEST_CASE("short_text: keeps every length, in place and on the heap", "[short-text]") {
  for (size_t n : {0, 1, 3, 10, 11, 12, 13, 100, 70000}) {
    INFO(n << " bytes");
    std::string s;
    for (size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
    const short_text t(s);
    CHECK(t.size() == n);
    CHECK(t.empty() == (n == 0));
    CHECK(t == s);
    CHECK(t.str() == s);
    CHECK(std::string("x") + t == "x" + s);
    std::string appended = "y";
    appended += t;
    CHECK(appended == "y" + s);
  }
  CHECK(short_text("中") == "中");
  CHECK(short_text("中") != "国");
  CHECK(short_text("\xF0\xA0\x80\x80\xE2\x80\x8D\xF0\xA0\x80\x81") ==
        std::string("\xF0\xA0\x80\x80\xE2\x80\x8D\xF0\xA0\x80\x81"));
}

TEST_CASE("short_text: copies, moves and assignments leave both sides whole", "[short-text]") {
  const std::string long_text(40, 'q');
  for (const std::string& s : {std::string("国"), long_text}) {
    INFO(s.size() << " bytes");
    short_text a(s);
    short_text b(a);  // copy
    CHECK(a == s);
    CHECK(b == s);
    short_text c(std::move(b));  // move: the source is left empty
    CHECK(c == s);
    CHECK(b.empty());  // NOLINT(bugprone-use-after-move): tested on purpose
    short_text d("other text longer than eleven");
    d = c;  // copy over a heap text
    CHECK(d == s);
    d = d;  // self-assignment
    CHECK(d == s);
    d = std::move(c);
    CHECK(d == s);
    CHECK(c.empty());  // NOLINT(bugprone-use-after-move)
    d = short_text();
    CHECK(d.empty());
  }
  // In a vector that grows, every element is moved and keeps its text.
  std::vector<short_text> texts;
  for (int i = 0; i < 1000; ++i) texts.emplace_back(std::string(static_cast<size_t>(i % 30), 'z'));
  for (int i = 0; i < 1000; ++i) CHECK(texts[i].size() == static_cast<size_t>(i % 30));
  static_assert(sizeof(short_text) == 12);
}
