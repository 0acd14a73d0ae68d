// SPDX-License-Identifier: Apache-2.0
#pragma once
// Font subsetting for every backend (PDF now, OFD later): hb-subset to the
// glyphs a document shows, then what the embedding needs — a TrueType file,
// or a bare CID-keyed CFF (a name-keyed CFF is converted, fonts/cff.hpp).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <hb-subset.h>

#include "core/c_ptr.hpp"
#include "fonts/face.hpp"

namespace hongtou::fonts {

enum class outline_format {
  truetype,  // `bytes` is a TrueType font; codes are the subset's glyph ids
  cff_cid,   // `bytes` is a bare CID-keyed CFF table; codes are CIDs
};

struct font_subset {
  outline_format format = outline_format::truetype;
  std::vector<uint8_t> bytes;
  /// Original glyph id -> the code that selects it in the subset (a new
  /// glyph id for TrueType, a CID for CFF).
  std::map<uint32_t, uint32_t> code;
  /// CIDSystemInfo: the font's own for CID-keyed CFF (Noto CJK Adobe-Identity-0,
  /// Fandol Adobe-GB1-5), Adobe-Identity-0 otherwise.
  std::string registry = "Adobe", ordering = "Identity";
  int supplement = 0;
};

/// Subsets `f` to `glyphs` (original glyph ids; 0 is always kept), without
/// hinting and layout tables. With `preprocessed`, from face::subset_source(true).
/// Returns false with the reason in `error`.
/// A big face is subset from its trimmed copy (face::trimmed()) when the
/// copy holds every glyph, from the whole face otherwise.
bool subset(const face& f, const std::vector<uint32_t>& glyphs, bool preprocessed, font_subset& out,
            std::string& error);

namespace detail {
/// What hb-subset is given for an embedded font: `glyphs` and .notdef, no
/// hints (and, with `flatten`, no subroutines), no layout tables (the text
/// is already shaped), no cmap or post (codes select glyphs directly).
c_ptr<hb_subset_input_t, hb_subset_input_destroy> embedding_input(
    const std::vector<uint32_t>& glyphs, bool flatten);
/// subset() from `src`, the face itself or its trimmed copy: `ids` are the
/// glyph ids in `src` of the face's `originals`, whose codes `out.code` gets;
/// `flatten` runs hb-subset's desubroutinising pass.
bool subset_from(const face& f, hb_face_t* src, const std::vector<uint32_t>& originals,
                 const std::vector<uint32_t>& ids, bool flatten, font_subset& out,
                 std::string& error);
/// subset_from() without hb-subset, from the face's or its copy's CFF
/// (cff::copy_source: the charstrings copied as they are).
bool copy_from(const face& f, const cff::copy_source& src, const std::vector<uint32_t>& originals,
               const std::vector<uint32_t>& ids, font_subset& out, std::string& error);
/// subset() from the whole face, whether or not it has a trimmed copy.
bool subset_whole(const face& f, const std::vector<uint32_t>& glyphs, bool preprocessed,
                  font_subset& out, std::string& error);
}  // namespace detail

}  // namespace hongtou::fonts
