// SPDX-License-Identifier: Apache-2.0
// Trimmed faces (fonts/trimmed.hpp): a big CJK face is subset from its copy,
// and the subsets, and PDFs, are byte for byte the same whether the copy was
// read from the cache folder, made and stored there, or made in memory (no
// folder, a folder that cannot be written, a damaged file); a glyph outside
// the copy is subset from the whole face. Only the committed test fonts are
// used.
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
#include "layout/shape/shape.hpp"
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
// documents as the layout shapes them; sorted and unique, as the PDF writer
// gives them.
std::vector<uint32_t> document_glyphs(const face& f) {
  std::string text = read_source("tests/data/corpus/07-zhidao-yijian-zhifa-sanxiang.txt");
  text += "，。、；：？！“”‘’（）《》〔〕【】—…0123456789";
  std::set<uint32_t> glyphs;
  for (const auto& g : layout::shape::shape_text(f, 16, utf8_decode(text)))
    if (g.id) glyphs.insert(g.id);
  return {glyphs.begin(), glyphs.end()};
}

bool same(const font_subset& a, const font_subset& b) {
  return a.bytes == b.bytes && a.code == b.code && a.format == b.format &&
         a.registry == b.registry && a.ordering == b.ordering && a.supplement == b.supplement;
}

// The subset of `glyphs` of `file` through a face_cache keeping its copies
// in `folder` ("" = in memory).
font_subset subset_with(const std::string& folder, const std::string& file,
                        const std::vector<uint32_t>& glyphs, bool preprocessed = false,
                        bool* trimmed = nullptr) {
  face_cache cache;
  cache.set_trim({folder});
  const face* f = open_face(cache, file);
  if (trimmed) *trimmed = f->trimmed() != nullptr;
  font_subset out;
  std::string error;
  REQUIRE(subset(*f, glyphs, preprocessed, out, error));
  return out;
}

// The glyphs of file's document_glyphs().
std::vector<uint32_t> glyphs_of(const std::string& file) {
  face_cache cache;
  return document_glyphs(*open_face(cache, file));
}

}  // namespace

TEST_CASE("trimmed faces: the copy gives the same bytes stored, read back or made in memory",
          "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-same");
  for (const std::string& file : {serif_regular_file, serif_bold_file, sans_file}) {
    INFO(file);
    const std::vector<uint32_t> glyphs = glyphs_of(file);
    REQUIRE(glyphs.size() > 100);
    for (bool preprocessed : {false, true}) {
      INFO("preprocessed " << preprocessed);
      bool trimmed = false;
      const font_subset memory = subset_with("", file, glyphs, preprocessed, &trimmed);
      CHECK(trimmed);
      const font_subset made = subset_with(dir.string(), file, glyphs, preprocessed);
      const font_subset read = subset_with(dir.string(), file, glyphs, preprocessed);
      CHECK(same(memory, made));
      CHECK(same(memory, read));
    }
    // Without the desubroutinising pass (preprocessed) as with it: the copy
    // has no subroutines left.
    CHECK(same(subset_with("", file, glyphs, true), subset_with("", file, glyphs, false)));
  }
  face_cache cache;
  cache.set_trim({dir.string()});
  const face* serif = open_face(cache, serif_regular_file);
  REQUIRE(serif->trimmed());
  // It holds a real text's glyphs (the test face has those of tests/fonts/charset.txt).
  std::vector<uint32_t> ids;
  CHECK(serif->trimmed()->map(document_glyphs(*serif), ids));
  CHECK(serif->trimmed()->size() > 3000);
  CHECK(serif->trimmed()->size() < hb_face_get_glyph_count(serif->hb()));
  CHECK(fs::exists(trimmed_face::cache_file(*serif, dir.string())));
  // A face of fewer glyphs is subset whole: FandolFang's test subset has 8,967.
  CHECK(open_face(cache, fandol_file)->trimmed() == nullptr);
}

TEST_CASE("trimmed faces: the characters kept are GB 2312's and the common symbols", "[trimmed]") {
  const std::vector<uint32_t>& chars = trimmed_face::characters();
  auto has = [&](char32_t c) { return std::binary_search(chars.begin(), chars.end(), c); };
  CHECK(chars.size() > 6763 + 682);
  for (char32_t c : std::u32string(U"中华人民共和国国务院办公厅关于印发通知，。、《》〔〕①Ⅱ℃㎡A9"))
    CHECK(has(c));
  CHECK_FALSE(has(U'丟'));  // a traditional form, outside GB 2312
}

TEST_CASE("trimmed faces: a glyph outside the copy is subset from the whole face", "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-outside");
  face_cache cache;
  cache.set_trim({dir.string()});
  const face* f = open_face(cache, serif_regular_file);
  REQUIRE(f->trimmed());
  std::vector<uint32_t> glyphs = document_glyphs(*f);
  uint32_t outside = 0;
  std::vector<uint32_t> ids;
  for (uint32_t g = 1; g < hb_face_get_glyph_count(f->hb()) && !outside; ++g)
    if (!f->trimmed()->map({g}, ids)) outside = g;
  REQUIRE(outside != 0);
  glyphs.push_back(outside);
  std::sort(glyphs.begin(), glyphs.end());
  CHECK_FALSE(f->trimmed()->map(glyphs, ids));
  font_subset whole, y;
  std::string error;
  REQUIRE(detail::subset_whole(*f, glyphs, false, whole, error));
  REQUIRE(subset(*f, glyphs, false, y, error));
  CHECK(same(whole, y));
  CHECK(y.code.count(outside));
}

TEST_CASE("trimmed faces: a damaged, truncated or foreign cache file is made again", "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-damaged");
  const std::vector<uint32_t> glyphs = glyphs_of(sans_file);
  const font_subset memory = subset_with("", sans_file, glyphs);
  std::string path;
  {
    face_cache c;
    c.set_trim({dir.string()});
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
    CHECK(same(subset_with(dir.string(), sans_file, glyphs), memory));
    CHECK(read_bytes(path) == good);  // stored again, the same
  }
}

TEST_CASE("trimmed faces: a folder that cannot be written leaves the copy in memory", "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-unwritable");
  std::ofstream(dir / "a-file") << "not a folder";
  const std::vector<uint32_t> glyphs = glyphs_of(serif_bold_file);
  bool trimmed = false;
  const font_subset x =
      subset_with((dir / "a-file" / "cache").string(), serif_bold_file, glyphs, false, &trimmed);
  CHECK(trimmed);
  CHECK(same(x, subset_with("", serif_bold_file, glyphs)));
}

TEST_CASE("trimmed faces: a render gives the same PDF with no cache, a new one and a full one",
          "[trimmed]") {
  const fs::path dir = temp_dir("trimmed-pdf");
  const std::string xml = read_source("samples/report.xml");
  auto render = [&](bool cache) {
    engine_options o = test_engine_options();
    o.font_cache = cache;
    o.font_cache_dir = dir.string();
    engine eng(o);
    render_result r = eng.render_memory(xml, "report.xml");
    REQUIRE(r.status == status::ok);
    return r.bytes;
  };
  const std::vector<uint8_t> none = render(false);
  CHECK(fs::is_empty(dir));
  CHECK(render(true) == none);  // the copies made
  CHECK(!fs::is_empty(dir));
  CHECK(render(true) == none);  // the copies read
  // A folder the cache makes is its user's only.
  fs::remove_all(dir);
  CHECK(render(true) == none);
  CHECK((fs::status(dir).permissions() & fs::perms::all) == fs::perms::owner_all);
  for (const auto& e : fs::directory_iterator(dir))
    CHECK((e.status().permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
}
