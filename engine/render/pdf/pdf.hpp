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
  /// The document's information (Info and, with pdfa, XMP): its organ as
  /// author, its 发文字号 as subject, its 成文日期 as "YYYY-MM-DD" (empty:
  /// none of each). The title comes from the frames.
  std::string author, subject, document_date;
  /// PDF/A-2b (ISO 19005-2, docs/pdfa.md): an XMP metadata stream, an sRGB
  /// output intent, PDF 1.7, and a refusal of colours it cannot hold (CMYK).
  bool pdfa = false;
  /// Subset from faces preprocessed once (fonts::face::subset_source).
  bool preprocessed_subsetting = false;
  /// What each face is used as, by face id ("role 'fangsong'"), for the
  /// message about a font that cannot be embedded.
  std::map<uint32_t, std::string> face_roles;
};

/// How render_pdf ended: a PDF, a font of the input that cannot be
/// embedded (its file named in the error), frames PDF/A cannot hold (the
/// layout's CMYK colours), or a failure to write the PDF.
enum class pdf_status { ok, bad_font, not_pdfa, failed };

/// Renders frames as PDF into out; the runs' font handles are faces of
/// `faces`. On failure an error says why.
pdf_status render_pdf(const frames& f, const fonts::face_cache& faces, const pdf_options& options,
                      std::vector<uint8_t>& out, diagnostics& diags);

/// The same, freeing each page's glyph runs once its content stream is
/// written, so that a long document does not hold its display list and its
/// PDF at once (docs/performance.md); the frames keep their pages' other
/// items, the outline and the title.
pdf_status render_pdf(frames&& f, const fonts::face_cache& faces, const pdf_options& options,
                      std::vector<uint8_t>& out, diagnostics& diags);

}  // namespace hongtou::render
