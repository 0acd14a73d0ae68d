// SPDX-License-Identifier: Apache-2.0
// Trimmed faces (fonts/trimmed.hpp): the copy of a big CJK face kept in a
// cache folder gives subsets, and PDFs, byte for byte those of the whole
// face; a glyph outside it, a damaged or stale cache file and a folder that
// cannot be written all end in the whole face's subset. Only the committed
// test fonts are used.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "api/hongtou.hpp"
#include "core/utf8.hpp"
#include "fonts/face_cache.hpp"
#include "fonts/subset.hpp"
#include "fonts/trimmed.hpp"
#include "support/engine_options.hpp"
#include "support/source.hpp"
#include "unit/fonts_fixture.hpp"

using namespace hongtou;
using namespace hongtou::fonts;
using namespace hongtou::test;
namespace fs = std::filesystem;

namespace {

const face* open_face(face_cache& cache, const std::string& file) {
  std::string error;
  const face* f = cache.open({fonts_dir + "/" + file, 0, nullptr, "test"}, error);
  INFO(error);
  REQUIRE(f);
  return f;
}

// The glyphs of a real text (a corpus document) and of the punctuation of
// documents, in the face; sorted and unique, as the PDF writer gives them.
std::vector<uint32_t> document_glyphs(const face& f) {
  std::string text = read_source("tests/data/corpus/07-zhidao-yijian-zhifa-sanxiang.txt");
  text += "，。、；：？！“”‘’（）《》〔〕【】—…0123456789";
  std::set<uint32_t> glyphs;
  for (char32_t c : utf8_decode(text))
    if (const uint32_t g = f.glyph(c)) glyphs.insert(g);
  return {glyphs.begin(), glyphs.end()};
}

bool same(const font_subset& a, const font_subset& b) {
  return a.bytes == b.bytes && a.code == b.code && a.format == b.format &&
         a.registry == b.registry && a.ordering == b.ordering && a.supplement == b.supplement;
}

}  // namespace

TEST_CASE("trimmed faces: every test face subsets to the same bytes with or without its copy",
          "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-same");
  for (const std::string& file : {serif_regular_file, serif_bold_file, sans_file, wenkai_file}) {
    INFO(file);
    face_cache whole;
    face_cache trimmed;
    trimmed.set_trim({dir.string(), 20000});
    const face* a = open_face(whole, file);
    const face* b = open_face(trimmed, file);
    CHECK(a->trimmed() == nullptr);
    const std::vector<uint32_t> glyphs = document_glyphs(*a);
    REQUIRE(glyphs.size() > 100);
    for (bool preprocessed : {false, true}) {
      font_subset x, y;
      std::string error;
      REQUIRE(subset(*a, glyphs, preprocessed, x, error));
      REQUIRE(subset(*b, glyphs, preprocessed, y, error));
      CHECK(same(x, y));
    }
  }
  // The CFF faces were trimmed (the TrueType one may be recorded as not to be).
  face_cache again;
  again.set_trim({dir.string(), 20000});
  const face* serif = open_face(again, serif_regular_file);
  REQUIRE(serif->trimmed());
  CHECK(serif->trimmed()->size() > 7000);
  CHECK(serif->trimmed()->size() < hb_face_get_glyph_count(serif->hb()));
  CHECK(fs::exists(trimmed_face::cache_file(*serif, dir.string())));
}

TEST_CASE("trimmed faces: the characters kept are GB 2312's and the common symbols", "[trimmed]") {
  const std::vector<uint32_t>& chars = trimmed_face::characters();
  auto has = [&](char32_t c) { return std::binary_search(chars.begin(), chars.end(), c); };
  CHECK(chars.size() > 6763 + 682);
  for (char32_t c : U"中华人民共和国国务院办公厅关于印发通知，。、《》〔〕①Ⅱ℃㎡A9")
    if (c) CHECK(has(c));
  CHECK_FALSE(has(U'丟'));  // a traditional form, outside GB 2312
}

TEST_CASE("trimmed faces: a glyph outside the copy is subset from the whole face", "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-outside");
  face_cache whole, trimmed;
  trimmed.set_trim({dir.string(), 20000});
  const face* a = open_face(whole, serif_regular_file);
  const face* b = open_face(trimmed, serif_regular_file);
  REQUIRE(b->trimmed());
  std::vector<uint32_t> glyphs = document_glyphs(*a);
  uint32_t outside = 0;
  std::vector<uint32_t> ids;
  for (uint32_t g = 1; g < hb_face_get_glyph_count(a->hb()) && !outside; ++g)
    if (!b->trimmed()->map({g}, ids)) outside = g;
  REQUIRE(outside != 0);
  glyphs.push_back(outside);
  std::sort(glyphs.begin(), glyphs.end());
  CHECK_FALSE(b->trimmed()->map(glyphs, ids));
  font_subset x, y;
  std::string error;
  REQUIRE(subset(*a, glyphs, false, x, error));
  REQUIRE(subset(*b, glyphs, false, y, error));
  CHECK(same(x, y));
  CHECK(y.code.count(outside));
}

TEST_CASE("trimmed faces: a damaged, truncated or foreign cache file is made again", "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-damaged");
  std::string path;
  {
    face_cache c;
    c.set_trim({dir.string(), 20000});
    const face* f = open_face(c, sans_file);
    REQUIRE(f->trimmed());
    path = trimmed_face::cache_file(*f, dir.string());
  }
  const std::vector<uint8_t> good = read_bytes(path);
  auto write = [&](const std::vector<uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  };
  std::vector<uint8_t> flipped = good;
  flipped[40] ^= 0xFF;  // inside the key
  const std::vector<std::vector<uint8_t>> damaged = {
      {},
      std::vector<uint8_t>(good.begin(), good.begin() + static_cast<long>(good.size() / 2)),
      std::vector<uint8_t>(good.size(), 0),
      flipped};
  for (size_t i = 0; i < damaged.size(); ++i) {
    INFO("damage " << i);
    write(damaged[i]);
    face_cache whole, c;
    c.set_trim({dir.string(), 20000});
    const face* a = open_face(whole, sans_file);
    const face* f = open_face(c, sans_file);
    REQUIRE(f->trimmed());
    const std::vector<uint32_t> glyphs = document_glyphs(*a);
    font_subset x, y;
    std::string error;
    REQUIRE(subset(*a, glyphs, false, x, error));
    REQUIRE(subset(*f, glyphs, false, y, error));
    CHECK(same(x, y));
    CHECK(read_bytes(path) == good);  // stored again, the same
  }
}

TEST_CASE("trimmed faces: a folder that cannot be written gives none, and subsets still work",
          "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-unwritable");
  std::ofstream(dir / "a-file") << "not a folder";
  face_cache c;
  c.set_trim({(dir / "a-file" / "cache").string(), 20000});
  const face* f = open_face(c, serif_bold_file);
  CHECK(f->trimmed() == nullptr);
  font_subset x;
  std::string error;
  CHECK(subset(*f, document_glyphs(*f), false, x, error));
  CHECK_FALSE(x.bytes.empty());
}

TEST_CASE("trimmed faces: a render gives the same PDF with no cache, a new one and a full one",
          "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-pdf");
  const std::string xml = read_source("samples/report.xml");
  auto render = [&](const std::string& cache) {
    engine_options o = test_engine_options();
    o.font_cache_dir = cache;
    engine eng(o);
    render_result r = eng.render_memory(xml, "report.xml");
    REQUIRE(r.status == status::ok);
    return r.bytes;
  };
  const std::vector<uint8_t> none = render("");
  CHECK(render(dir.string()) == none);  // the copies made
  CHECK(!fs::is_empty(dir));
  CHECK(render(dir.string()) == none);  // the copies read
}
