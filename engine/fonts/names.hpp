// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to engine/fonts: the names of font faces read from their name
// tables with FreeType, and the family rule the folder and memory providers
// share with fontconfig's lookup (provider::find_family).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/config.hpp"

typedef struct FT_LibraryRec_* FT_Library;

namespace hongtou::fonts::detail {

/// One face of a font file or of in-memory font data, with its names.
struct listed_face {
  std::string file;    // the name fonts.xml's file= gives: the file name, or the memory font's
  std::string path;    // the file's path, or "memory:<name>"
  unsigned index = 0;  // face index inside a collection
  std::shared_ptr<const std::vector<uint8_t>> data;  // in-memory bytes; null for files
  std::vector<std::string> families;                 // name IDs 1 and 16 in every language, UTF-8
  std::vector<std::string> face_names;  // name IDs 4 (full name) and 6 (PostScript name): one face
  std::string style;                    // the primary style: FreeType's style_name
  std::vector<std::string> styles;      // name IDs 2 and 17 in every language, and `style`
  int weight = 400;                     // OS/2 usWeightClass
};

/// The faces of a font file (`data` null) or of in-memory bytes, in face
/// order; `file` and `path` are copied into each. Empty when it is no font.
std::vector<listed_face> read_faces(FT_Library lib, const std::string& file,
                                    const std::string& path,
                                    const std::shared_ptr<const std::vector<uint8_t>>& data);

/// Equal names, ignoring the case of ASCII letters (as fontconfig compares families).
bool same_name(std::string_view a, std::string_view b);

/// The face among `faces` for c.family (+ c.style) by provider::find_family's
/// rule: the first of equal score, so the caller's order decides ties.
/// nullptr when no face has that family (and style).
const listed_face* pick_family(const std::vector<listed_face>& faces, const font_candidate& c);

}  // namespace hongtou::fonts::detail
