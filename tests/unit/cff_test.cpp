#include "fonts/cff.hpp"

#include <catch2/catch.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hb-subset.h>
#include <hb.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "fonts/face_cache.hpp"
#include "fonts/subset.hpp"

// Catch2 before v3.3 has no SKIP.
#ifndef SKIP
#define SKIP(message) \
  do {                \
    WARN(message);    \
    return;           \
  } while (false)
#endif

namespace {

namespace cff = hongtou::fonts::cff;

// Committed subsets of FandolFang (CID-keyed, Adobe-GB1) and Noto Serif CJK SC Bold (CID-keyed,
// Adobe-Identity), with the glyph ids of the whole fonts.
const std::string fandol_path =
    std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts/FandolFang-Regular.subset.otf";
const std::string noto_path =
    std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts/NotoSerifCJKsc-Bold.subset.otf";

struct hb_deleter {
  void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
  void operator()(hb_face_t* p) const { hb_face_destroy(p); }
  void operator()(hb_font_t* p) const { hb_font_destroy(p); }
  void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};
template <class T>
using hb_ptr = std::unique_ptr<T, hb_deleter>;

struct ft_deleter {
  void operator()(FT_Library p) const { FT_Done_FreeType(p); }
  void operator()(FT_Face p) const { FT_Done_Face(p); }
};
using ft_library = std::unique_ptr<FT_LibraryRec_, ft_deleter>;
using ft_face = std::unique_ptr<FT_FaceRec_, ft_deleter>;

bool file_exists(const std::string& path) {
  return std::ifstream(path).good();
}

hb_ptr<hb_face_t> open_face(const std::string& path, unsigned index) {
  hb_ptr<hb_blob_t> blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) return nullptr;
  return hb_ptr<hb_face_t>(hb_face_create(blob.get(), index));
}

// hb-subset of face to the characters of text, without layout closure: .notdef, one glyph per
// character, and whatever cmap variation sequences of those characters pull in.
hb_ptr<hb_face_t> subset(hb_face_t* face, const std::u32string& text, unsigned flags) {
  hb_ptr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
  REQUIRE(input);
  for (char32_t c : text) hb_set_add(hb_subset_input_unicode_set(input.get()), c);
  hb_set_clear(hb_subset_input_set(input.get(), HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  hb_subset_input_set_flags(input.get(), flags);
  hb_ptr<hb_face_t> result(hb_subset_or_fail(face, input.get()));
  REQUIRE(result);
  return result;
}

std::vector<uint8_t> cff_table(hb_face_t* face) {
  hb_ptr<hb_blob_t> blob(hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' ')));
  unsigned length = 0;
  const auto* data = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob.get(), &length));
  return std::vector<uint8_t>(data, data + length);
}

hb_codepoint_t nominal_glyph(hb_face_t* face, hb_codepoint_t unicode) {
  hb_ptr<hb_font_t> font(hb_font_create(face));
  hb_codepoint_t gid = 0;
  REQUIRE(hb_font_get_nominal_glyph(font.get(), unicode, &gid));
  return gid;
}

ft_library open_freetype() {
  FT_Library library = nullptr;
  REQUIRE(FT_Init_FreeType(&library) == 0);
  return ft_library(library);
}

// A bare CFF opened by FreeType; `bytes` must outlive the face.
ft_face open_cff(FT_Library library, const std::vector<uint8_t>& bytes) {
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

outline load_outline(FT_Face face, unsigned gid) {
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

// Converts a name-keyed CFF and checks the result with parse() and FreeType: CID-keyed
// Adobe-Identity-0, CID = GID, and every glyph draws exactly as in the input.
void check_conversion(const std::vector<uint8_t>& name_keyed) {
  cff::cff_info before;
  std::string error;
  REQUIRE(cff::parse(name_keyed.data(), name_keyed.size(), before, error));
  REQUIRE_FALSE(before.cid_keyed);

  std::vector<uint8_t> converted;
  const bool converted_ok =
      cff::to_cid_keyed(name_keyed.data(), name_keyed.size(), converted, error);
  INFO(error);
  REQUIRE(converted_ok);
  cff::cff_info after;
  REQUIRE(cff::parse(converted.data(), converted.size(), after, error));
  CHECK(after.cid_keyed);
  CHECK(after.glyph_count == before.glyph_count);
  CHECK(after.registry == "Adobe");
  CHECK(after.ordering == "Identity");
  CHECK(after.supplement == 0);
  CHECK(after.font_name == before.font_name);
  REQUIRE(after.gid_to_cid.size() == after.glyph_count);
  for (unsigned gid = 0; gid < after.glyph_count; ++gid) REQUIRE(after.gid_to_cid[gid] == gid);

  const ft_library library = open_freetype();
  const ft_face original = open_cff(library.get(), name_keyed);
  const ft_face cid = open_cff(library.get(), converted);
  FT_Bool is_cid = 0;
  REQUIRE(FT_Get_CID_Is_Internally_CID_Keyed(cid.get(), &is_cid) == 0);
  CHECK(is_cid);
  const char* registry = nullptr;
  const char* ordering = nullptr;
  FT_Int supplement = -1;
  REQUIRE(FT_Get_CID_Registry_Ordering_Supplement(cid.get(), &registry, &ordering, &supplement) ==
          0);
  CHECK(std::string(registry) == "Adobe");
  CHECK(std::string(ordering) == "Identity");
  CHECK(supplement == 0);
  REQUIRE(cid->num_glyphs == original->num_glyphs);
  CHECK(cid->units_per_EM == original->units_per_EM);
  for (unsigned gid = 0; gid < after.glyph_count; ++gid) {
    INFO("gid " << gid);
    // In a bare CID-keyed CFF FreeType takes the index as a CID, which here equals the GID.
    const outline expected = load_outline(original.get(), gid);
    const outline actual = load_outline(cid.get(), gid);
    REQUIRE(actual.points.size() == expected.points.size());
    REQUIRE(actual == expected);
    FT_UInt cid_of_gid = 0;
    REQUIRE(FT_Get_CID_From_Glyph_Index(cid.get(), gid, &cid_of_gid) == 0);
    CHECK(cid_of_gid == gid);
  }
}

const std::u32string sample_text = U"中华人民共和国。，";

// --- A tiny name-keyed CFF built from scratch, so conversion is tested without a system font.

void put_u16(std::vector<uint8_t>& out, unsigned v) {
  out.push_back(static_cast<uint8_t>(v >> 8));
  out.push_back(static_cast<uint8_t>(v & 0xff));
}

// A number as a DICT or Type 2 charstring operand (both share these encodings).
void put_num(std::vector<uint8_t>& out, int v) {
  if (v >= -107 && v <= 107) {
    out.push_back(static_cast<uint8_t>(v + 139));
  } else {
    out.push_back(28);
    put_u16(out, static_cast<unsigned>(v) & 0xffff);
  }
}

// A DICT offset in the five-byte form, so DICT sizes do not depend on offsets.
void put_offset(std::vector<uint8_t>& out, size_t v) {
  out.push_back(29);
  put_u16(out, static_cast<unsigned>(v >> 16));
  put_u16(out, static_cast<unsigned>(v & 0xffff));
}

// Operands then an operator (values >= 1200 are 12 x).
std::vector<uint8_t>& op(std::vector<uint8_t>& out, std::initializer_list<int> operands, int code) {
  for (int v : operands) put_num(out, v);
  if (code >= 1200) out.push_back(12);
  out.push_back(static_cast<uint8_t>(code % 1200));
  return out;
}

std::vector<uint8_t> index_of(const std::vector<std::vector<uint8_t>>& items) {
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

std::vector<uint8_t> bytes_of(const std::string& s) {
  return std::vector<uint8_t>(s.begin(), s.end());
}

// Name-keyed font of 5 glyphs with hints, hintmask, local and global subrs, explicit and default
// widths, a custom charset and Encoding, FontMatrix (2000 units/em), UniqueID and a Private DICT.
std::vector<uint8_t> synthetic_name_keyed_font() {
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
  std::vector<std::vector<uint8_t>> local_subrs(2), global_subrs(1), glyphs(5);
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

  // Strings: SIDs 391.. in this order.
  const std::vector<std::vector<uint8_t>> strings = {
      bytes_of("001.000"),      bytes_of("Hongtou Test Regular"),
      bytes_of("Hongtou Test"), bytes_of("box"),
      bytes_of("curve"),        bytes_of("hook")};
  std::vector<uint8_t> charset = {0};  // format 0: box, curve, hook, then standard "space"
  for (unsigned sid : {394u, 395u, 396u, 1u}) put_u16(charset, sid);
  const std::vector<uint8_t> encoding = {0, 4, 0x41, 0x42, 0x43, 0x20};

  std::vector<uint8_t> priv;
  op(priv, {-15, 15, 685, 15}, 6);  // BlueValues (deltas)
  op(priv, {500}, 20);              // defaultWidthX
  op(priv, {600}, 21);              // nominalWidthX
  const size_t subrs_at = priv.size() + 6;
  put_offset(priv, subrs_at);
  priv.push_back(19);  // Subrs

  const std::vector<uint8_t> header = {1, 0, 4, 4};
  const std::vector<uint8_t> names = index_of({bytes_of("HongtouTest-Regular")});
  const std::vector<uint8_t> string_index = index_of(strings);
  const std::vector<uint8_t> gsubrs = index_of(global_subrs);
  const std::vector<uint8_t> charstrings = index_of(glyphs);
  const std::vector<uint8_t> subrs = index_of(local_subrs);
  auto top = [&](size_t charset_at, size_t encoding_at, size_t charstrings_at, size_t private_at) {
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
    put_offset(d, priv.size());
    put_offset(d, private_at);
    d.push_back(18);
    return d;
  };
  const size_t charset_at = header.size() + names.size() + index_of({top(0, 0, 0, 0)}).size() +
                            string_index.size() + gsubrs.size();
  const size_t encoding_at = charset_at + charset.size();
  const size_t charstrings_at = encoding_at + encoding.size();
  const size_t private_at = charstrings_at + charstrings.size();
  std::vector<uint8_t> font;
  const std::vector<uint8_t> top_index =
      index_of({top(charset_at, encoding_at, charstrings_at, private_at)});
  for (const std::vector<uint8_t>* part : std::initializer_list<const std::vector<uint8_t>*>{
           &header, &names, &top_index, &string_index, &gsubrs, &charset, &encoding, &charstrings,
           &priv, &subrs})
    font.insert(font.end(), part->begin(), part->end());
  return font;
}

// Real name-keyed OpenType/CFF fonts, when installed (fonts-lmodern, texlive-lang-chinese), plus
// $HONGTOU_TEST_NAME_KEYED_OTF. These stay system fonts: no committed test font is name-keyed, and
// the synthetic font above covers conversion when none is installed.
std::vector<std::string> installed_name_keyed_fonts() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("HONGTOU_TEST_NAME_KEYED_OTF")) paths.emplace_back(env);
  for (const char* path :
       {"/usr/share/texmf/fonts/opentype/public/lm/lmroman10-regular.otf",
        "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolBraille-Regular.otf"})
    if (file_exists(path)) paths.emplace_back(path);
  return paths;
}

// A subset of a CID-keyed font parses as CID-keyed with the given ROS, and keeps for "中" the CID
// the whole font's charset has; FreeType reads the same charset.
void check_cid_keyed_subset(const std::string& path, const char* registry, const char* ordering) {
  const hb_ptr<hb_face_t> face = open_face(path, 0);
  REQUIRE(face);
  const std::vector<uint8_t> full_bytes = cff_table(face.get());
  cff::cff_info full;
  std::string error;
  REQUIRE(cff::parse(full_bytes.data(), full_bytes.size(), full, error));
  REQUIRE(full.cid_keyed);
  REQUIRE(full.glyph_count == hb_face_get_glyph_count(face.get()));
  REQUIRE(full.gid_to_cid.size() == full.glyph_count);

  const hb_ptr<hb_face_t> sub = subset(face.get(), sample_text, HB_SUBSET_FLAGS_DEFAULT);
  const std::vector<uint8_t> bytes = cff_table(sub.get());
  cff::cff_info info;
  REQUIRE(cff::parse(bytes.data(), bytes.size(), info, error));
  CHECK(error.empty());
  CHECK(info.cid_keyed);
  CHECK(info.registry == registry);
  CHECK(info.ordering == ordering);
  CHECK(info.registry == full.registry);
  CHECK(info.ordering == full.ordering);
  CHECK(info.supplement == full.supplement);
  CHECK(info.font_name == full.font_name);
  CHECK(info.glyph_count == hb_face_get_glyph_count(sub.get()));
  CHECK(info.glyph_count >= sample_text.size() + 1);
  REQUIRE(info.gid_to_cid.size() == info.glyph_count);
  CHECK(info.gid_to_cid[0] == 0);

  const hb_codepoint_t full_gid = nominal_glyph(face.get(), U'中');
  const hb_codepoint_t sub_gid = nominal_glyph(sub.get(), U'中');
  REQUIRE(full_gid < full.gid_to_cid.size());
  REQUIRE(sub_gid < info.gid_to_cid.size());
  CHECK(info.gid_to_cid[sub_gid] == full.gid_to_cid[full_gid]);

  const ft_library library = open_freetype();
  const ft_face ft = open_cff(library.get(), bytes);
  for (unsigned gid = 0; gid < info.glyph_count; ++gid) {
    FT_UInt cid = 0;
    REQUIRE(FT_Get_CID_From_Glyph_Index(ft.get(), gid, &cid) == 0);
    CHECK(cid == info.gid_to_cid[gid]);
  }
}

// The CFF of FandolFang subset to the sample text (CID-keyed).
std::vector<uint8_t> fandol_subset_cff() {
  const hb_ptr<hb_face_t> face = open_face(fandol_path, 0);
  REQUIRE(face);
  const hb_ptr<hb_face_t> sub = subset(face.get(), sample_text, HB_SUBSET_FLAGS_DEFAULT);
  return cff_table(sub.get());
}

}  // namespace

TEST_CASE("cff parse: FandolFang subset is CID-keyed Adobe-GB1 and keeps its CIDs", "[cff]") {
  check_cid_keyed_subset(fandol_path, "Adobe", "GB1");
}

TEST_CASE("cff parse: Noto Serif CJK SC Bold subset is CID-keyed and keeps its CIDs", "[cff]") {
  check_cid_keyed_subset(noto_path, "Adobe", "Identity");
}

TEST_CASE("cff parse: name-keyed font", "[cff]") {
  const std::vector<uint8_t> bytes = synthetic_name_keyed_font();
  cff::cff_info info;
  std::string error;
  REQUIRE(cff::parse(bytes.data(), bytes.size(), info, error));
  CHECK(error.empty());
  CHECK_FALSE(info.cid_keyed);
  CHECK(info.glyph_count == 5);
  CHECK(info.gid_to_cid.empty());
  CHECK(info.font_name == "HongtouTest-Regular");
  CHECK(info.registry.empty());
  CHECK(info.ordering.empty());
}

TEST_CASE("cff to_cid_keyed: converted font draws the same glyphs", "[cff]") {
  const std::vector<uint8_t> bytes = synthetic_name_keyed_font();
  check_conversion(bytes);

  // Widths (nominalWidthX + w or defaultWidthX) and FontMatrix survive the move to the Font DICT.
  std::vector<uint8_t> converted;
  std::string error;
  REQUIRE(cff::to_cid_keyed(bytes.data(), bytes.size(), converted, error));
  const ft_library library = open_freetype();
  const ft_face face = open_cff(library.get(), converted);
  CHECK(face->units_per_EM == 2000);
  const long advances[] = {500, 720, 500, 580, 850};
  const size_t points[] = {4, 4, 9, 3, 0};
  for (unsigned gid = 0; gid < 5; ++gid) {
    INFO("gid " << gid);
    const outline o = load_outline(face.get(), gid);
    CHECK(o.advance == advances[gid]);
    CHECK(o.points.size() == points[gid]);
  }
}

TEST_CASE("cff to_cid_keyed: installed name-keyed OpenType fonts and their subsets", "[cff]") {
  const std::vector<std::string> paths = installed_name_keyed_fonts();
  if (paths.empty()) SKIP("no name-keyed OpenType/CFF font installed");
  for (const std::string& path : paths) {
    INFO(path);
    const hb_ptr<hb_face_t> face = open_face(path, 0);
    REQUIRE(face);
    check_conversion(cff_table(face.get()));
    for (unsigned flags :
         {unsigned{HB_SUBSET_FLAGS_DEFAULT}, unsigned{HB_SUBSET_FLAGS_DESUBROUTINIZE}}) {
      INFO("subset flags " << flags);
      const hb_ptr<hb_face_t> sub = subset(face.get(), U"Hongtou 9704-2012, GB/T.", flags);
      check_conversion(cff_table(sub.get()));
    }
  }
}

TEST_CASE("cff: fonts::subset converts a name-keyed face, codes = new glyph ids", "[cff]") {
  const std::vector<std::string> paths = installed_name_keyed_fonts();
  if (paths.empty()) SKIP("no name-keyed OpenType/CFF font installed");
  hongtou::fonts::face_cache cache;
  for (const std::string& path : paths) {
    INFO(path);
    std::string error;
    const hongtou::fonts::face* f = cache.open({path, 0, nullptr, "test"}, error);
    REQUIRE(f);
    REQUIRE(f->is_cff());
    std::vector<uint32_t> glyphs;
    for (char32_t c : std::u32string(U"GB/T 9704")) glyphs.push_back(f->glyph(c));
    hongtou::fonts::font_subset s;
    REQUIRE(hongtou::fonts::subset(*f, glyphs, false, s, error));
    CHECK(s.format == hongtou::fonts::outline_format::cff_cid);
    CHECK(s.registry == "Adobe");
    CHECK(s.ordering == "Identity");
    CHECK(s.supplement == 0);
    cff::cff_info info;
    REQUIRE(cff::parse(s.bytes.data(), s.bytes.size(), info, error));
    CHECK(info.cid_keyed);
    CHECK(s.code.at(0) == 0);
    for (uint32_t g : glyphs) {
      REQUIRE(s.code.count(g));
      CHECK(s.code.at(g) > 0);
      CHECK(s.code.at(g) < info.glyph_count);  // a new glyph id, which is the CID
    }
  }
}

TEST_CASE("cff to_cid_keyed: refuses a CID-keyed font", "[cff]") {
  const std::vector<uint8_t> bytes = fandol_subset_cff();
  std::vector<uint8_t> out{1, 2, 3};
  std::string error;
  CHECK_FALSE(cff::to_cid_keyed(bytes.data(), bytes.size(), out, error));
  CHECK(error.find("already CID-keyed") != std::string::npos);
  CHECK(out.empty());
}

TEST_CASE("cff: empty input is rejected with an error", "[cff]") {
  cff::cff_info info;
  std::vector<uint8_t> out;
  std::string error;
  CHECK_FALSE(cff::parse(nullptr, 0, info, error));
  CHECK_FALSE(error.empty());
  error.clear();
  CHECK_FALSE(cff::to_cid_keyed(nullptr, 0, out, error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("cff: every truncation is rejected with an error", "[cff]") {
  const std::vector<std::vector<uint8_t>> fonts = {synthetic_name_keyed_font(),
                                                   fandol_subset_cff()};
  cff::cff_info info;
  std::vector<uint8_t> out;
  std::string error;
  for (const auto& bytes : fonts) {
    // Every proper prefix cuts some structure short; copies let ASan see reads past the end.
    for (size_t length = 0; length < bytes.size(); ++length) {
      INFO("truncated to " << length << " of " << bytes.size() << " bytes");
      const std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(length));
      error.clear();
      REQUIRE_FALSE(cff::parse(cut.data(), cut.size(), info, error));
      REQUIRE_FALSE(error.empty());
      error.clear();
      REQUIRE_FALSE(cff::to_cid_keyed(cut.data(), cut.size(), out, error));
      REQUIRE_FALSE(error.empty());
    }
  }
}

TEST_CASE("cff: damaged header and INDEX are rejected with an error", "[cff]") {
  const std::vector<uint8_t> bytes = synthetic_name_keyed_font();
  // Version 2 (CFF2), hdrSize 3, Name INDEX offSize 0 and 5 (byte 6), first offset not 1.
  const std::vector<std::pair<size_t, uint8_t>> patches = {{0, 2}, {2, 3}, {6, 0}, {6, 5}, {8, 0}};
  cff::cff_info info;
  std::vector<uint8_t> out;
  std::string error;
  for (const auto& [at, value] : patches) {
    INFO("byte " << at << " set to " << int{value});
    std::vector<uint8_t> bad = bytes;
    bad[at] = value;
    error.clear();
    CHECK_FALSE(cff::parse(bad.data(), bad.size(), info, error));
    CHECK_FALSE(error.empty());
    error.clear();
    CHECK_FALSE(cff::to_cid_keyed(bad.data(), bad.size(), out, error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("cff: garbage and mutated fonts never crash", "[cff]") {
  std::mt19937 random(/*seed=*/9704);
  std::uniform_int_distribution<int> byte(0, 255);
  cff::cff_info info;
  std::vector<uint8_t> out;
  std::string error;
  for (int round = 0; round < 2000; ++round) {
    std::vector<uint8_t> garbage(static_cast<size_t>(round % 300));
    for (auto& b : garbage) b = static_cast<uint8_t>(byte(random));
    if (garbage.size() >= 4 && round % 2 == 0) {
      garbage[0] = 1;  // past the header check, into the INDEXes
      garbage[2] = 4;
    }
    error.clear();
    CHECK_FALSE(cff::parse(garbage.data(), garbage.size(), info, error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(cff::to_cid_keyed(garbage.data(), garbage.size(), out, error));
  }

  const std::vector<std::vector<uint8_t>> fonts = {synthetic_name_keyed_font(),
                                                   fandol_subset_cff()};
  for (const auto& bytes : fonts) {
    std::uniform_int_distribution<size_t> position(0, bytes.size() - 1);
    for (int round = 0; round < 3000; ++round) {
      std::vector<uint8_t> mutated = bytes;
      for (int k = 0; k <= round % 4; ++k)
        mutated[position(random)] = static_cast<uint8_t>(byte(random));
      error.clear();
      if (!cff::parse(mutated.data(), mutated.size(), info, error)) CHECK_FALSE(error.empty());
      error.clear();
      if (cff::to_cid_keyed(mutated.data(), mutated.size(), out, error)) {
        REQUIRE(cff::parse(out.data(), out.size(), info, error));
        CHECK(info.cid_keyed);
      } else {
        CHECK_FALSE(error.empty());
      }
    }
  }
}
