// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared set-up of the font tests (fonts_test.cpp, subset_test.cpp): the committed test fonts of
// tests/fonts, font candidates, file bytes and fresh temp folders.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fonts/config.hpp"

namespace hongtou::test {

inline const std::string fonts_dir = std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts";
// The committed subsets, each keeping the glyph ids of its whole font: FandolFang and Noto CJK
// are CID-keyed CFF (Adobe-GB1 and Adobe-Identity), WenKai Test Subset is TrueType.
inline const std::string fandol_file = "FandolFang-Regular.subset.otf";
inline const std::string wenkai_file = "WenKaiTestSubset-Regular.subset.ttf";
inline const std::string serif_bold_file = "NotoSerifCJKsc-Bold.subset.otf";
inline const std::string serif_regular_file = "NotoSerifCJKsc-Regular.subset.otf";
inline const std::string sans_file = "NotoSansCJKsc-Regular.subset.otf";

inline fonts::font_candidate family(const std::string& f, const std::string& style = {}) {
  fonts::font_candidate c;
  c.family = f;
  c.style = style;
  return c;
}

inline fonts::font_candidate file(const std::string& name, int index = 0) {
  fonts::font_candidate c;
  c.file = name;
  c.index = index;
  return c;
}

inline std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

// A fresh folder under the test temp folder.
inline std::filesystem::path temp_dir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(HONGTOU_TEST_TMP) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace hongtou::test
