// SPDX-License-Identifier: Apache-2.0
#include "fonts/names.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H
#include FT_TRUETYPE_TABLES_H

#include <algorithm>
#include <cstdlib>

#include "core/c_ptr.hpp"
#include "core/utf8.hpp"

namespace hongtou::fonts::detail {
namespace {

using ft_face_ptr = c_ptr<FT_FaceRec_, FT_Done_Face>;

// Mac OS Roman, bytes 0x80–0xFF (the lower half is ASCII).
constexpr char16_t mac_roman_high[128] = {
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3,
    0x00E5, 0x00E7, 0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
    0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3,
    0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
    0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA,
    0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
    0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D,
    0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE,
    0x00CF, 0x00CC, 0x00D3, 0x00D4, 0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
    0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7};

std::string from_utf16be(const FT_Byte* s, FT_UInt len) {
  std::string out;
  for (FT_UInt i = 0; i + 1 < len; i += 2) {
    char32_t u = static_cast<char32_t>(s[i] << 8 | s[i + 1]);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < len) {
      const char32_t lo = static_cast<char32_t>(s[i + 2] << 8 | s[i + 3]);
      if (lo >= 0xDC00 && lo < 0xE000) {
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      }
    }
    utf8_append(out, u);
  }
  return out;
}

std::string from_mac_roman(const FT_Byte* s, FT_UInt len) {
  std::string out;
  for (FT_UInt i = 0; i < len; ++i)
    utf8_append(out, s[i] < 0x80 ? char32_t{s[i]} : char32_t{mac_roman_high[s[i] - 0x80]});
  return out;
}

// A name record as UTF-8: Unicode and Windows records are UTF-16BE, Mac
// Roman ones are bytes; other encodings (legacy Mac CJK) are left out, since
// CJK fonts carry their Chinese names as Windows records too.
bool decode(const FT_SfntName& n, std::string& out) {
  if (n.platform_id == TT_PLATFORM_APPLE_UNICODE ||
      (n.platform_id == TT_PLATFORM_MICROSOFT &&
       (n.encoding_id == TT_MS_ID_SYMBOL_CS || n.encoding_id == TT_MS_ID_UNICODE_CS ||
        n.encoding_id == TT_MS_ID_UCS_4)))
    out = from_utf16be(n.string, n.string_len);
  else if (n.platform_id == TT_PLATFORM_MACINTOSH && n.encoding_id == TT_MAC_ID_ROMAN)
    out = from_mac_roman(n.string, n.string_len);
  else
    return false;
  return !out.empty();
}

void add_unique(std::vector<std::string>& list, const std::string& s) {
  if (!s.empty() && std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
}

void read_names(FT_Face f, listed_face& out) {
  const FT_UInt count = FT_Get_Sfnt_Name_Count(f);
  for (FT_UInt i = 0; i < count; ++i) {
    FT_SfntName n;
    std::string s;
    if (FT_Get_Sfnt_Name(f, i, &n) != 0 || !decode(n, s)) continue;
    if (n.name_id == TT_NAME_ID_FONT_FAMILY || n.name_id == TT_NAME_ID_TYPOGRAPHIC_FAMILY)
      add_unique(out.families, s);
    else if (n.name_id == TT_NAME_ID_FULL_NAME || n.name_id == TT_NAME_ID_PS_NAME)
      add_unique(out.face_names, s);
    else if (n.name_id == TT_NAME_ID_FONT_SUBFAMILY ||
             n.name_id == TT_NAME_ID_TYPOGRAPHIC_SUBFAMILY)
      add_unique(out.styles, s);
  }
  if (f->family_name) add_unique(out.families, f->family_name);
  if (const char* ps = FT_Get_Postscript_Name(f)) add_unique(out.face_names, ps);
  out.style = f->style_name ? f->style_name : "";
  add_unique(out.styles, out.style);
  const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(f, FT_SFNT_OS2));
  if (os2 && os2->version != 0xFFFF && os2->usWeightClass > 0) out.weight = os2->usWeightClass;
}

}  // namespace

std::vector<listed_face> read_faces(FT_Library lib, const std::string& file,
                                    const std::string& path,
                                    const std::shared_ptr<const std::vector<uint8_t>>& data) {
  FT_Open_Args args{};
  if (data) {
    args.flags = FT_OPEN_MEMORY;
    args.memory_base = data->data();
    args.memory_size = static_cast<FT_Long>(data->size());
  } else {
    args.flags = FT_OPEN_PATHNAME;
    args.pathname = const_cast<char*>(path.c_str());  // FreeType does not write it
  }
  std::vector<listed_face> out;
  FT_Long n_faces = 1;
  for (FT_Long i = 0; i < n_faces; ++i) {
    FT_Face raw = nullptr;
    if (FT_Open_Face(lib, &args, i, &raw) != 0) break;
    const ft_face_ptr f(raw);
    n_faces = f->num_faces;
    listed_face l;
    l.file = file;
    l.path = path;
    l.index = static_cast<unsigned>(i);
    l.data = data;
    read_names(f.get(), l);
    out.push_back(std::move(l));
  }
  return out;
}

bool same_name(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

// Faces list secondary style names too (Noto CJK Black also says "Regular"),
// so among the faces naming the style the one whose primary style it is
// wins; without a style, the weight nearest to Regular (400). When no face
// has the family, one whose full or PostScript name it is
// ("FandolFang-Regular") is that face, whatever the style.
const listed_face* pick_family(const std::vector<listed_face>& faces, const font_candidate& c) {
  auto has = [](const std::vector<std::string>& names, const std::string& s) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return same_name(n, s); });
  };
  const listed_face* best = nullptr;
  int best_score = 0;
  for (const auto& f : faces) {
    if (!has(f.families, c.family)) continue;
    if (!c.style.empty() && !has(f.styles, c.style)) continue;
    const int score =
        !c.style.empty() ? (same_name(f.style, c.style) ? 0 : 1000) : std::abs(f.weight - 400);
    if (!best || score < best_score) {
      best = &f;
      best_score = score;
    }
  }
  const bool family_known = std::any_of(
      faces.begin(), faces.end(), [&](const listed_face& f) { return has(f.families, c.family); });
  if (best || family_known) return best;
  for (const auto& f : faces)  // no family of that name: a face of that full or PostScript name
    if (has(f.face_names, c.family)) return &f;
  return best;
}

}  // namespace hongtou::fonts::detail
