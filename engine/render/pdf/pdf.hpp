// SPDX-License-Identifier: Apache-2.0
#pragma once
// The PDF backend (libharu): frames -> PDF bytes, with subset CID fonts
// shown by glyph (DESIGN.md "PDF writing").
#include <cstdint>
#include <map>
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
  /// What each face is used as, by face id ("role 'fangsong'"), for the
  /// message about a font that cannot be embedded.
  std::map<uint32_t, std::string> face_roles;
};

/// How render_pdf ended: a PDF, a font of the input that cannot be
/// embedded (its file named in the error), or a failure to write the PDF.
enum class pdf_status { ok, bad_font, failed };

/// Renders frames as PDF into out; the runs' font handles are faces of
/// `faces`. On failure an error says why.
pdf_status render_pdf(const frames& f, const fonts::face_cache& faces, const pdf_options& options,
                      std::vector<uint8_t>& out, diagnostics& diags);

}  // namespace hongtou::render
