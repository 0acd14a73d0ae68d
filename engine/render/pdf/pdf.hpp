// SPDX-License-Identifier: Apache-2.0
#pragma once
// The PDF backend (libharu): frames -> PDF bytes, with subset CID fonts
// shown by glyph (DESIGN.md "PDF writing").
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "fonts/face_cache.hpp"
#include "frames/frames.hpp"

namespace hongtou::render {

struct pdf_options {
  /// Creation date as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS"; empty = no date
  /// (output stays byte-identical across runs).
  std::string creation_date;
  std::string producer = "hongtou";
  /// Subset from faces preprocessed once (fonts::face::subset_source).
  bool preprocessed_subsetting = false;
};

/// Renders frames as PDF into out; the runs' font handles are faces of
/// `faces`. On failure returns false with an error.
bool render_pdf(const frames& f, const fonts::face_cache& faces, const pdf_options& options,
                std::vector<uint8_t>& out, diagnostics& diags);

}  // namespace hongtou::render
