// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared inputs of the CFF tests (cff_test.cpp, cff_damage_test.cpp, cff_copy_test.cpp): hb-subsets
// of the committed CID-keyed fonts, a tiny name-keyed CFF built from scratch, and FreeType to
// read the fonts made back.
#include <catch2/catch.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-subset.h>
#include <hb.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hongtou::test {

// Committed subsets of FandolFang (CID-keyed, Adobe-GB1) and Noto Serif CJK SC Bold (CID-keyed,
// Adobe-Identity), with the glyph ids of the whole fonts.
inline const std::string fandol_path =
    std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts/FandolFang-Regular.subset.otf";
inline const std::string noto_path =
    std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts/NotoSerifCJKsc-Bold.subset.otf";

struct hb_deleter {
  void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
  void operator()(hb_face_t* p) const { hb_face_destroy(p); }
  void operator()(hb_font_t* p) const { hb_font_destroy(p); }
  void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};
template <class T>
using hb_ptr = std::unique_ptr<T, hb_deleter>;

inline hb_ptr<hb_face_t> open_face(const std::string& path, unsigned index) {
  hb_ptr<hb_blob_t> blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) return nullptr;
  return hb_ptr<hb_face_t>(hb_face_create(blob.get(), index));
}

// hb-subset of face to the characters of text, without layout closure: .notdef, one glyph per
// character, and whatever cmap variation sequences of those characters pull in.
inline hb_ptr<hb_face_t> subset(hb_face_t* face, const std::u32string& text, unsigned flags) {
  hb_ptr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
  REQUIRE(input);
  for (char32_t c : text) hb_set_add(hb_subset_input_unicode_set(input.get()), c);
  hb_set_clear(hb_subset_input_set(input.get(), HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  hb_subset_input_set_flags(input.get(), flags);
  hb_ptr<hb_face_t> result(hb_subset_or_fail(face, input.get()));
  REQUIRE(result);
  return result;
}

inline std::vector<uint8_t> cff_table(hb_face_t* face) {
  hb_ptr<hb_blob_t> blob(hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' ')));
  unsigned length = 0;
  const auto* data = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob.get(), &length));
  return std::vector<uint8_t>(data, data + length);
}

inline const std::u32string sample_text = U"中华人民共和国。，";

// --- FreeType, which reads the fonts the tests make as a viewer would.

struct ft_deleter {
  void operator()(FT_Library p) const { FT_Done_FreeType(p); }
  void operator()(FT_Face p) const { FT_Done_Face(p); }
};
using ft_library = std::unique_ptr<FT_LibraryRec_, ft_deleter>;
using ft_face = std::unique_ptr<FT_FaceRec_, ft_deleter>;

inline ft_library open_freetype() {
  FT_Library library = nullptr;
  REQUIRE(FT_Init_FreeType(&library) == 0);
  return ft_library(library);
}

// A bare CFF opened by FreeType; `bytes` must outlive the face.
inline ft_face open_cff(FT_Library library, const std::vector<uint8_t>& bytes) {
  FT_Face face = nullptr;
  const FT_Error status =
      FT_New_Memory_Face(library, bytes.data(), static_cast<FT_Long>(bytes.size()), 0, &face);
  REQUIRE(status == 0);
  return ft_face(face);
}

// Unscaled, unhinted outline and advance of one glyph, as FreeType decodes it.
struct outline {
  std::vector<std::pair<long, long>> points;
  std::vector<char> tags;
  std::vector<short> contours;
  long advance = 0;
  bool operator==(const outline& o) const {
    return points == o.points && tags == o.tags && contours == o.contours && advance == o.advance;
  }
};

inline outline load_outline(FT_Face face, unsigned gid) {
  REQUIRE(FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0);
  const FT_GlyphSlot slot = face->glyph;
  REQUIRE(slot->format == FT_GLYPH_FORMAT_OUTLINE);
  outline o;
  for (int i = 0; i < slot->outline.n_points; ++i) {
    o.points.emplace_back(slot->outline.points[i].x, slot->outline.points[i].y);
    o.tags.push_back(slot->outline.tags[i]);
  }
  o.contours.assign(slot->outline.contours, slot->outline.contours + slot->outline.n_contours);
  o.advance = slot->metrics.horiAdvance;
  return o;
}

// --- A tiny name-keyed CFF built from scratch, so conversion is tested without a system font.

// Its byte encodings and parts.
namespace cff_bytes {

inline void put_u16(std::vector<uint8_t>& out, unsigned v) {
  out.push_back(static_cast<uint8_t>(v >> 8));
  out.push_back(static_cast<uint8_t>(v & 0xff));
}

// A number as a DICT or Type 2 charstring operand (both share these encodings).
inline void put_num(std::vector<uint8_t>& out, int v) {
  if (v >= -107 && v <= 107) {
    out.push_back(static_cast<uint8_t>(v + 139));
  } else {
    out.push_back(28);
    put_u16(out, static_cast<unsigned>(v) & 0xffff);
  }
}

// A DICT offset in the five-byte form, so DICT sizes do not depend on offsets.
inline void put_offset(std::vector<uint8_t>& out, size_t v) {
  out.push_back(29);
  put_u16(out, static_cast<unsigned>(v >> 16));
  put_u16(out, static_cast<unsigned>(v & 0xffff));
}

// Operands then an operator (values >= 1200 are 12 x).
inline std::vector<uint8_t>& op(std::vector<uint8_t>& out, std::initializer_list<int> operands,
                                int code) {
  for (int v : operands) put_num(out, v);
  if (code >= 1200) out.push_back(12);
  out.push_back(static_cast<uint8_t>(code % 1200));
  return out;
}

inline std::vector<uint8_t> index_of(const std::vector<std::vector<uint8_t>>& items) {
  std::vector<uint8_t> out;
  put_u16(out, static_cast<unsigned>(items.size()));
  if (items.empty()) return out;
  out.push_back(2);  // offSize
  unsigned offset = 1;
  put_u16(out, offset);
  for (const auto& item : items) put_u16(out, offset += static_cast<unsigned>(item.size()));
  for (const auto& item : items) out.insert(out.end(), item.begin(), item.end());
  return out;
}

inline std::vector<uint8_t> bytes_of(const std::string& s) {
  return std::vector<uint8_t>(s.begin(), s.end());
}

// The Type 2 charstrings of the synthetic font: hints, hintmask, local and global subrs,
// explicit and default widths.
struct synthetic_outlines {
  std::vector<std::vector<uint8_t>> local_subrs, global_subrs, glyphs;
};

inline synthetic_outlines synthetic_charstrings() {
  enum : int {
    hstem = 1,
    vstem = 3,
    rlineto = 5,
    hlineto = 6,
    rrcurveto = 8,
    callsubr = 10,
    ret = 11,
    endchar = 14,
    hintmask = 19,
    rmoveto = 21,
    callgsubr = 29
  };
  constexpr int bias = 107;  // subr bias for fewer than 1240 subrs
  synthetic_outlines o;
  auto& local_subrs = o.local_subrs;
  auto& global_subrs = o.global_subrs;
  auto& glyphs = o.glyphs;
  local_subrs.resize(2);
  global_subrs.resize(1);
  glyphs.resize(5);
  op(op(local_subrs[0], {300, 0, 0, 300, -300, 0}, rlineto), {}, ret);
  op(local_subrs[1], {0, 100, 50, 150, 150, 0, 50, -150, 100, -100, -150, -100}, rrcurveto);
  op(op(local_subrs[1], {0 - bias}, callgsubr), {}, ret);  // subr calling a global subr
  op(op(global_subrs[0], {-50, -50, -100, 100}, rlineto), {}, ret);

  op(op(op(glyphs[0], {-100, 50, 0}, rmoveto), {400, 700, -400}, hlineto), {}, endchar);
  op(op(op(glyphs[1], {120, 0, 20, 680, 20}, hstem), {100, 30}, vstem), {}, hintmask);
  glyphs[1].push_back(0xe0);  // the mask: all three stems
  op(op(op(glyphs[1], {100, 0}, rmoveto), {0 - bias}, callsubr), {}, endchar);
  op(op(op(glyphs[2], {50, 60}, rmoveto), {1 - bias}, callsubr), {}, endchar);
  op(op(op(glyphs[3], {-20, 400, 400}, rmoveto), {0 - bias}, callgsubr), {}, endchar);
  op(glyphs[4], {250}, endchar);  // width only ("space"), no contour
  return o;
}

// The Private DICT of the synthetic font, its local Subrs right behind it.
inline std::vector<uint8_t> synthetic_private() {
  std::vector<uint8_t> priv;
  op(priv, {-15, 15, 685, 15}, 6);  // BlueValues (deltas)
  op(priv, {500}, 20);              // defaultWidthX
  op(priv, {600}, 21);              // nominalWidthX
  const size_t subrs_at = priv.size() + 6;
  put_offset(priv, subrs_at);
  priv.push_back(19);  // Subrs
  return priv;
}

// The Top DICT of the synthetic font: names, FontBBox, UniqueID, FontMatrix (2000 units/em) and
// the offsets given.
inline std::vector<uint8_t> synthetic_top_dict(size_t private_size, size_t charset_at,
                                               size_t encoding_at, size_t charstrings_at,
                                               size_t private_at) {
  std::vector<uint8_t> d;
  op(d, {391}, 0);                                // version
  op(d, {392}, 2);                                // FullName
  op(d, {393}, 3);                                // FamilyName
  op(d, {-40, -120, 900, 800}, 5);                // FontBBox
  op(d, {4242}, 13);                              // UniqueID
  const uint8_t half_milli[] = {30, 0x5c, 0x4f};  // real 5E-4
  for (int i = 0; i < 6; ++i) {
    if (i == 0 || i == 3)
      d.insert(d.end(), half_milli, half_milli + 3);
    else
      put_num(d, 0);
  }
  d.push_back(12);
  d.push_back(7);  // FontMatrix
  put_offset(d, charset_at);
  d.push_back(15);
  put_offset(d, encoding_at);
  d.push_back(16);
  put_offset(d, charstrings_at);
  d.push_back(17);
  put_offset(d, private_size);
  put_offset(d, private_at);
  d.push_back(18);
  return d;
}

}  // namespace cff_bytes

// Name-keyed font of 5 glyphs with hints, hintmask, local and global subrs, explicit and default
// widths, a custom charset and Encoding, FontMatrix (2000 units/em), UniqueID and a Private DICT.
inline std::vector<uint8_t> synthetic_name_keyed_font() {
  using namespace cff_bytes;
  const synthetic_outlines outlines = synthetic_charstrings();
  // Strings: SIDs 391.. in this order.
  const std::vector<std::vector<uint8_t>> strings = {
      bytes_of("001.000"),      bytes_of("Hongtou Test Regular"),
      bytes_of("Hongtou Test"), bytes_of("box"),
      bytes_of("curve"),        bytes_of("hook")};
  std::vector<uint8_t> charset = {0};  // format 0: box, curve, hook, then standard "space"
  for (unsigned sid : {394u, 395u, 396u, 1u}) put_u16(charset, sid);
  const std::vector<uint8_t> encoding = {0, 4, 0x41, 0x42, 0x43, 0x20};
  const std::vector<uint8_t> priv = synthetic_private();

  const std::vector<uint8_t> header = {1, 0, 4, 4};
  const std::vector<uint8_t> names = index_of({bytes_of("HongtouTest-Regular")});
  const std::vector<uint8_t> string_index = index_of(strings);
  const std::vector<uint8_t> gsubrs = index_of(outlines.global_subrs);
  const std::vector<uint8_t> charstrings = index_of(outlines.glyphs);
  const std::vector<uint8_t> subrs = index_of(outlines.local_subrs);
  const size_t charset_at = header.size() + names.size() +
                            index_of({synthetic_top_dict(priv.size(), 0, 0, 0, 0)}).size() +
                            string_index.size() + gsubrs.size();
  const size_t encoding_at = charset_at + charset.size();
  const size_t charstrings_at = encoding_at + encoding.size();
  const size_t private_at = charstrings_at + charstrings.size();
  std::vector<uint8_t> font;
  const std::vector<uint8_t> top_index = index_of(
      {synthetic_top_dict(priv.size(), charset_at, encoding_at, charstrings_at, private_at)});
  for (const std::vector<uint8_t>* part : std::initializer_list<const std::vector<uint8_t>*>{
           &header, &names, &top_index, &string_index, &gsubrs, &charset, &encoding, &charstrings,
           &priv, &subrs})
    font.insert(font.end(), part->begin(), part->end());
  return font;
}

// The CFF of FandolFang subset to the sample text (CID-keyed).
inline std::vector<uint8_t> fandol_subset_cff() {
  const hb_ptr<hb_face_t> face = open_face(fandol_path, 0);
  REQUIRE(face);
  const hb_ptr<hb_face_t> sub = subset(face.get(), sample_text, HB_SUBSET_FLAGS_DEFAULT);
  return cff_table(sub.get());
}

}  // namespace hongtou::test
