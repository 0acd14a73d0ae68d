// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the PDF tests share: reading the PPM images pdftoppm draws, and
// requiring the command-line tools they run.
#include <cctype>
#include <filesystem>
#include <string>

#include "support/process.hpp"

/// Skips the rest of a test case (a tool it needs is missing).
#ifdef SKIP
#define HT_SKIP(msg) SKIP(msg)
#else  // Catch2 before 3.3 has no SKIP
#define HT_SKIP(msg) \
  do {               \
    WARN(msg);       \
    return;          \
  } while (0)
#endif

namespace hongtou::test {

/// An RGB image as pdftoppm writes it (P6, 8 bits).
struct ppm_image {
  int width = 0, height = 0;
  std::string rgb;  // width * height * 3 bytes
};

/// Reads a P6 PPM file; false when it is not one.
inline bool read_ppm(const std::filesystem::path& p, ppm_image& img) {
  const std::string data = slurp(p);
  size_t i = 0;
  auto skip_space = [&] {
    for (;;) {
      while (i < data.size() && std::isspace(static_cast<unsigned char>(data[i]))) ++i;
      if (i < data.size() && data[i] == '#') {
        while (i < data.size() && data[i] != '\n') ++i;
      } else {
        return;
      }
    }
  };
  auto number = [&](int& v) {
    skip_space();
    const size_t start = i;
    v = 0;
    while (i < data.size() && data[i] >= '0' && data[i] <= '9' && v < 100000)
      v = v * 10 + (data[i++] - '0');
    return i > start;
  };
  if (data.compare(0, 2, "P6") != 0) return false;
  i = 2;
  int maxval = 0;
  if (!number(img.width) || !number(img.height) || !number(maxval) || maxval != 255) return false;
  ++i;  // the single white space before the pixels
  const size_t size = static_cast<size_t>(img.width) * static_cast<size_t>(img.height) * 3;
  if (img.width <= 0 || img.height <= 0 || data.size() < i + size) return false;
  img.rgb = data.substr(i, size);
  return true;
}

/// Fails the test unless a command-line tool is installed.
inline void require_tool(const std::string& name) {
  INFO(name << " is not installed (scripts/setup installs poppler-utils and qpdf)");
  REQUIRE(tool_exists(name));
}

}  // namespace hongtou::test
