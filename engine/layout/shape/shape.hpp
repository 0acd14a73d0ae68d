// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shaping: a run of text in one face -> glyphs with advances and clusters
// (HarfBuzz). The only user of hb_shape in the engine.
#include <cstdint>
#include <string>
#include <vector>

#include "fonts/face.hpp"

namespace hongtou::layout::shape {

/// One glyph as HarfBuzz placed it.
struct shaped_glyph {
  uint32_t id = 0;       // glyph id in the face; 0 = the face lacks the character
  uint32_t cluster = 0;  // index of the first code point of its cluster in the text
  double advance = 0;    // pt
};

/// Shapes `text` horizontally as Simplified Chinese (script Han, language
/// zh-Hans, one cluster per character) at `size` pt. Empty text gives no glyphs.
std::vector<shaped_glyph> shape_text(const fonts::face& f, double size, const std::u32string& text);

}  // namespace hongtou::layout::shape
