// SPDX-License-Identifier: Apache-2.0
// Faces as fonts to embed: collections (.ttc) found by index and sharing their file's bytes, the
// names, outline format and metrics of faces, and subsetting (TrueType, CID-keyed CFF, the
// preprocessed face). Only the fonts committed in tests/fonts are used.
#include <catch2/catch.hpp>

#include <hb.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "core/c_ptr.hpp"
#include "fonts/cff.hpp"
#include "fonts/face_cache.hpp"
#include "fonts/provider.hpp"
#include "fonts/subset.hpp"
#include "unit/fonts_fixture.hpp"

using namespace hongtou;
using namespace hongtou::fonts;
using namespace hongtou::test;
namespace fs = std::filesystem;

// ---- collections ----

namespace {

void put_u32(std::vector<uint8_t>& out, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) out[at + i] = static_cast<uint8_t>(v >> (24 - 8 * i));
}

uint32_t get_u32(const std::vector<uint8_t>& in, size_t at) {
  return uint32_t{in[at]} << 24 | uint32_t{in[at + 1]} << 16 | uint32_t{in[at + 2]} << 8 |
         in[at + 3];
}

// A font collection (TTC header, then each font with its table offsets
// moved to where it lands), since no committed test font is a .ttc.
std::vector<uint8_t> make_collection(const std::vector<std::vector<uint8_t>>& fonts) {
  std::vector<uint8_t> out(12 + 4 * fonts.size());
  const char tag[] = "ttcf";
  std::copy(tag, tag + 4, out.begin());
  put_u32(out, 4, 0x00010000);
  put_u32(out, 8, static_cast<uint32_t>(fonts.size()));
  for (size_t i = 0; i < fonts.size(); ++i) {
    out.resize((out.size() + 3) & ~size_t{3});
    const size_t base = out.size();
    put_u32(out, 12 + 4 * i, static_cast<uint32_t>(base));
    out.insert(out.end(), fonts[i].begin(), fonts[i].end());
    const unsigned n_tables = unsigned{fonts[i][4]} << 8 | fonts[i][5];
    for (size_t k = 0; k < n_tables; ++k) {
      const size_t record = base + 12 + 16 * k + 8;
      put_u32(out, record, get_u32(out, record) + static_cast<uint32_t>(base));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the faces of a collection are found by index and share the file's bytes") {
  const fs::path dir = temp_dir("collection");
  const std::vector<uint8_t> ttc = make_collection(
      {read_bytes(fonts_dir + "/" + fandol_file), read_bytes(fonts_dir + "/" + wenkai_file)});
  std::ofstream(dir / "pair.ttc", std::ios::binary)
      .write(reinterpret_cast<const char*>(ttc.data()), static_cast<std::streamsize>(ttc.size()));
  const auto folder = folder_provider(dir.string());
  font_source fang, kai, by_file;
  REQUIRE(folder->find_family(family("FandolFang"), fang));
  REQUIRE(folder->find_family(family("文楷测试子集"), kai));
  REQUIRE(folder->find_file(file("pair.ttc", 1), by_file));
  CHECK(fang.index == 0);
  CHECK(kai.index == 1);
  CHECK(by_file.index == 1);

  face_cache cache;
  std::string error;
  const face* f0 = cache.open(fang, error);
  const face* f1 = cache.open(kai, error);
  REQUIRE(f0);
  REQUIRE(f1);
  CHECK(f0 != f1);
  CHECK(cache.open(by_file, error) == f1);
  CHECK(f0->family() == "FandolFang");
  CHECK(f1->family() == "WenKai Test Subset");
  CHECK(f1->index() == 1);
  const c_ptr<hb_blob_t, hb_blob_destroy> b0(hb_face_reference_blob(f0->hb()));
  const c_ptr<hb_blob_t, hb_blob_destroy> b1(hb_face_reference_blob(f1->hb()));
  CHECK(b0.get() == b1.get());  // one blob for the file
}

// ---- faces ----

TEST_CASE("faces report their names, outline format and metrics") {
  face_cache cache;
  std::string error;
  const face* fang = cache.open({fonts_dir + "/" + fandol_file, 0, nullptr, "t"}, error);
  const face* kai = cache.open({fonts_dir + "/" + wenkai_file, 0, nullptr, "t"}, error);
  REQUIRE(fang);
  REQUIRE(kai);
  CHECK(fang->family() == "FandolFang");
  CHECK(fang->style() == "Regular");
  CHECK(fang->is_cff());
  CHECK_FALSE(kai->is_cff());
  CHECK(kai->postscript_name() == "WenKaiTestSubset-Regular");
  CHECK(fang->upem() == 1000);
  CHECK(fang->glyph(U'国') != 0);
  CHECK(fang->advance(fang->glyph(U'国')) == Approx(1.0));
  CHECK(fang->ink(fang->glyph(U' ')).empty);
  CHECK(fang->ascender() > 0);
  CHECK(fang->descender() < 0);
  CHECK_FALSE(fang->bbox().empty);
}

TEST_CASE("the ideographic em box is one em tall, the ink inside it") {
  face_cache cache;
  for (const auto& entry : fs::directory_iterator(fonts_dir)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".otf" && ext != ".ttf" && ext != ".ttc") continue;
    std::string error;
    const face* f = cache.open({entry.path().string(), 0, nullptr, "t"}, error);
    INFO(entry.path().string() << " " << error);
    REQUIRE(f);
    CHECK(f->em_top() - f->em_bottom() == Approx(1.0));
    if (!f->glyph(U'国')) continue;  // the Latin test font has no hanzi
    const ink_box ink = f->ink(f->glyph(U'国'));
    REQUIRE_FALSE(ink.empty);
    CHECK(ink.y_max <= f->em_top() + 0.05);
    CHECK(ink.y_min >= f->em_bottom() - 0.05);
    CHECK(ink.x_min >= -0.05);
    CHECK(ink.x_max <= f->advance(f->glyph(U'国')) + 0.05);
  }
}

// ---- subset ----

namespace {

std::vector<uint32_t> glyphs_of(const face& f, const std::u32string& text) {
  std::vector<uint32_t> out;
  for (char32_t c : text) {
    const uint32_t g = f.glyph(c);
    REQUIRE(g != 0);
    out.push_back(g);
  }
  return out;
}

// The subset of `text`, made twice: the same bytes, a code for every
// glyph, .notdef at 0, distinct codes.
font_subset check_subset(const face& f, const std::u32string& text) {
  const std::vector<uint32_t> glyphs = glyphs_of(f, text);
  font_subset a, b;
  std::string error;
  REQUIRE(subset(f, glyphs, false, a, error));
  REQUIRE(subset(f, glyphs, false, b, error));
  CHECK(a.bytes == b.bytes);
  CHECK(a.code == b.code);
  CHECK_FALSE(a.bytes.empty());
  CHECK(a.code.at(0) == 0);
  std::set<uint32_t> codes;
  for (uint32_t g : glyphs) {
    REQUIRE(a.code.count(g));
    CHECK(a.code.at(g) != 0);
    codes.insert(a.code.at(g));
  }
  CHECK(codes.size() == std::set<uint32_t>(glyphs.begin(), glyphs.end()).size());
  return a;
}

}  // namespace

TEST_CASE("subset: a TrueType face gives a TrueType font coded by new glyph ids") {
  face_cache cache;
  std::string error;
  const face* f = cache.open({fonts_dir + "/" + wenkai_file, 0, nullptr, "t"}, error);
  REQUIRE(f);
  const std::u32string text = U"中华人民共和国";
  const font_subset s = check_subset(*f, text);
  CHECK(s.format == outline_format::truetype);
  CHECK(s.registry == "Adobe");
  CHECK(s.ordering == "Identity");
  const c_ptr<hb_blob_t, hb_blob_destroy> blob(hb_blob_create(
      reinterpret_cast<const char*>(s.bytes.data()), static_cast<unsigned>(s.bytes.size()),
      HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  const c_ptr<hb_face_t, hb_face_destroy> sub(hb_face_create(blob.get(), 0));
  CHECK(hb_face_get_glyph_count(sub.get()) >= text.size() + 1);
}

TEST_CASE("subset: CID-keyed CFF faces keep their CIDs and ROS") {
  face_cache cache;
  struct expected {
    std::string file, ordering;
  };
  for (const expected& e : {expected{fandol_file, "GB1"}, expected{serif_bold_file, "Identity"}}) {
    INFO(e.file);
    std::string error;
    const face* f = cache.open({fonts_dir + "/" + e.file, 0, nullptr, "t"}, error);
    REQUIRE(f);
    REQUIRE(f->is_cff());
    const font_subset s = check_subset(*f, U"中华人民共和国。，");
    CHECK(s.format == outline_format::cff_cid);
    CHECK(s.registry == "Adobe");
    CHECK(s.ordering == e.ordering);

    // The subset parses, and each code is the glyph's CID in the whole font.
    cff::cff_info info;
    REQUIRE(cff::parse(s.bytes.data(), s.bytes.size(), info, error));
    CHECK(info.cid_keyed);
    CHECK(info.supplement == s.supplement);
    const c_ptr<hb_blob_t, hb_blob_destroy> table(
        hb_face_reference_table(f->hb(), HB_TAG('C', 'F', 'F', ' ')));
    unsigned len = 0;
    const auto* data = reinterpret_cast<const uint8_t*>(hb_blob_get_data(table.get(), &len));
    cff::cff_info full;
    REQUIRE(cff::parse(data, len, full, error));
    for (const auto& [gid, code] : s.code) {
      REQUIRE(gid < full.gid_to_cid.size());
      CHECK(code == full.gid_to_cid[gid]);
    }
  }
}

TEST_CASE("subset: the preprocessed face gives the same codes") {
  face_cache cache;
  std::string error;
  const face* f = cache.open({fonts_dir + "/" + fandol_file, 0, nullptr, "t"}, error);
  REQUIRE(f);
  const std::vector<uint32_t> glyphs = glyphs_of(*f, U"公文格式");
  font_subset plain, pre;
  REQUIRE(subset(*f, glyphs, false, plain, error));
  REQUIRE(subset(*f, glyphs, true, pre, error));
  CHECK(pre.code == plain.code);
  CHECK(f->subset_source(true) == f->subset_source(true));  // prepared once
  CHECK(f->subset_source(false) == f->hb());
}
