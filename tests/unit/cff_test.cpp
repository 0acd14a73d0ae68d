// SPDX-License-Identifier: Apache-2.0
// The CFF parser and the CID-keyed converter on the committed CID-keyed subsets, a synthetic
// name-keyed font and installed name-keyed fonts, checked against FreeType. Damaged input is in
// cff_damage_test.cpp.
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
#include <string>
#include <utility>
#include <vector>

#include "fonts/face_cache.hpp"
#include "fonts/subset.hpp"
#include "unit/cff_fixture.hpp"

// Catch2 before v3.3 has no SKIP.
#ifndef SKIP
#define SKIP(message) \
  do {                \
    WARN(message);    \
    return;           \
  } while (false)
#endif

using namespace hongtou::test;

namespace {

namespace cff = hongtou::fonts::cff;

bool file_exists(const std::string& path) {
  return std::ifstream(path).good();
}

hb_codepoint_t nominal_glyph(hb_face_t* face, hb_codepoint_t unicode) {
  hb_ptr<hb_font_t> font(hb_font_create(face));
  hb_codepoint_t gid = 0;
  REQUIRE(hb_font_get_nominal_glyph(font.get(), unicode, &gid));
  return gid;
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

// Real name-keyed OpenType/CFF fonts, when installed (fonts-lmodern, texlive-lang-chinese), plus
// $HONGTOU_TEST_NAME_KEYED_OTF. These stay system fonts: no committed test font is name-keyed, and
// the synthetic font of cff_fixture.hpp covers conversion when none is installed.
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

TEST_CASE("cff has_subroutines: Noto CJK calls subroutines, FandolFang none", "[cff]") {
  for (const auto& [path, expected] : {std::pair{noto_path, true}, std::pair{fandol_path, false}}) {
    INFO(path);
    const hb_ptr<hb_face_t> face = open_face(path, 0);
    REQUIRE(face);
    const std::vector<uint8_t> bytes = cff_table(face.get());
    CHECK(cff::has_subroutines(bytes.data(), bytes.size()) == expected);
  }
  // The synthetic name-keyed font calls local and global subroutines.
  const std::vector<uint8_t> synthetic = synthetic_name_keyed_font();
  CHECK(cff::has_subroutines(synthetic.data(), synthetic.size()));
  // What cannot be read is answered with the cautious "yes".
  const std::vector<uint8_t> junk = {1, 0, 4, 4, 0xFF};
  CHECK(cff::has_subroutines(junk.data(), junk.size()));
  CHECK(cff::has_subroutines(nullptr, 0));
}

TEST_CASE("cff: without subroutines, hb-subset's desubroutinising changes no byte", "[cff]") {
  // The reason fonts::subset() leaves the pass out for such a font.
  const hb_ptr<hb_face_t> face = open_face(fandol_path, 0);
  REQUIRE(face);
  const auto plain = subset(face.get(), sample_text, HB_SUBSET_FLAGS_NO_HINTING);
  const auto flat =
      subset(face.get(), sample_text, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
  REQUIRE(plain);
  REQUIRE(flat);
  CHECK(cff_table(plain.get()) == cff_table(flat.get()));
}
