// SPDX-License-Identifier: Apache-2.0
// Font roles resolved to faces: the folder, memory and fontconfig providers
// (Chinese and English family names, styles, files), candidate order, the
// face cache and the diagnostics of missing roles. Only the fonts committed
// in tests/fonts are used; collections, face metrics and subsetting are in
// subset_test.cpp.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "fonts/face_cache.hpp"
#include "fonts/font_set.hpp"
#include "fonts/names.hpp"
#include "fonts/provider.hpp"
#include "model/font_config.hpp"
#include "unit/fonts_fixture.hpp"

using namespace hongtou;
using namespace hongtou::fonts;
using namespace hongtou::test;
namespace fs = std::filesystem;

namespace {

font_config one_role(std::vector<font_candidate> candidates, const std::string& name = "kai") {
  font_config c;
  font_role r;
  r.name = name;
  r.description = "test";
  r.line = 7;
  r.column = 3;
  r.candidates = std::move(candidates);
  c.roles.push_back(r);
  return c;
}

// Resolves the role "kai" of `config` through `providers`; the face or nullptr.
const face* resolve_kai(const font_config& config, const std::vector<const provider*>& providers,
                        face_cache& cache, diagnostics& diags,
                        std::unique_ptr<font_set>* keep = nullptr) {
  auto set = font_set::resolve(config, {"kai"}, {}, providers, cache, diags);
  const face* f = set ? set->get("kai") : nullptr;
  if (keep) *keep = std::move(set);
  return f;
}

}  // namespace

// ---- providers ----

TEST_CASE("the folder provider finds a face by its English family name, in any case") {
  const auto folder = folder_provider(fonts_dir);
  for (const char* name : {"WenKai Test Subset", "wenkai test subset"}) {
    INFO(name);
    font_source src;
    REQUIRE(folder->find_family(family(name), src));
    CHECK(fs::path(src.path).filename() == wenkai_file);
    CHECK(src.index == 0);
    CHECK(src.found_by == "folder " + fonts_dir);
    CHECK(src.data == nullptr);
  }
  font_source src;
  CHECK_FALSE(folder->find_family(family("WenKai"), src));
  CHECK(folder->describe() == "folder " + fonts_dir);
}

TEST_CASE("the folder provider finds a face by its Chinese family name") {
  const auto folder = folder_provider(fonts_dir);
  font_source src;
  REQUIRE(folder->find_family(family("文楷测试子集", "Regular"), src));
  CHECK(fs::path(src.path).filename() == wenkai_file);
}

TEST_CASE("the folder provider finds a face by its PostScript name or its full name") {
  const auto folder = folder_provider(fonts_dir);
  for (const char* name :
       {"FandolFang-Regular", "fandolfang-regular", "WenKaiTestSubset-Regular"}) {
    INFO(name);
    font_source src;
    REQUIRE(folder->find_family(family(name), src));
    const std::string file = fs::path(src.path).filename().string();
    CHECK(file == (std::string(name).find("WenKai") == 0
                       ? wenkai_file
                       : std::string("FandolFang-Regular.subset.otf")));
  }
  font_source src;
  CHECK_FALSE(folder->find_family(family("FandolFang-Bold"), src));
}

TEST_CASE("the folder provider tells faces of one family apart by style and weight") {
  const auto folder = folder_provider(fonts_dir);
  font_source bold, regular, plain;
  REQUIRE(folder->find_family(family("Noto Serif CJK SC", "Bold"), bold));
  REQUIRE(folder->find_family(family("noto serif cjk sc", "regular"), regular));
  REQUIRE(folder->find_family(family("Noto Serif CJK SC"), plain));  // nearest to Regular
  CHECK(fs::path(bold.path).filename() == serif_bold_file);
  CHECK(fs::path(regular.path).filename() == serif_regular_file);
  CHECK(plain.path == regular.path);
  font_source none;
  CHECK_FALSE(folder->find_family(family("Noto Serif CJK SC", "Italic"), none));
}

TEST_CASE("the folder provider finds a file by name, and an absolute path as it is") {
  const auto folder = folder_provider(fonts_dir);
  font_source src;
  REQUIRE(folder->find_file(file(fandol_file), src));
  CHECK(src.path == (fs::path(fonts_dir) / fandol_file).string());
  const std::string absolute = (fs::path(fonts_dir) / wenkai_file).string();
  REQUIRE(folder_provider(HONGTOU_TEST_TMP)->find_file(file(absolute), src));
  CHECK(src.path == absolute);
  CHECK_FALSE(folder->find_file(file("NoSuchFont.otf"), src));
  CHECK_FALSE(folder->find_file(file(""), src));
}

TEST_CASE("a style matches the face's primary style before its other style names") {
  // Noto Sans CJK SC Black names itself "Black" and also "Regular" (name ID
  // 2); asked for Regular, the face whose own style is Regular must win,
  // whichever comes first.
  detail::listed_face black, regular, light;
  black.families = regular.families = light.families = {"Noto Sans CJK SC", "思源黑体"};
  black.style = "Black";
  black.styles = {"Regular", "Black"};
  black.weight = 900;
  regular.style = "Regular";
  regular.styles = {"Regular"};
  light.style = "Light";
  light.styles = {"Regular", "Light"};
  light.weight = 300;
  const std::vector<detail::listed_face> faces = {black, light, regular};
  const detail::listed_face* f = detail::pick_family(faces, family("Noto Sans CJK SC", "Regular"));
  REQUIRE(f);
  CHECK(f->style == "Regular");
  f = detail::pick_family(faces, family("思源黑体", "black"));
  REQUIRE(f);
  CHECK(f->style == "Black");
  // Without a style, the weight nearest to Regular (400): Light (300) before Black.
  const std::vector<detail::listed_face> no_regular = {black, light};
  f = detail::pick_family(no_regular, family("Noto Sans CJK SC"));
  REQUIRE(f);
  CHECK(f->style == "Light");
  // A style that is only secondary still finds the face when no other has it.
  const std::vector<detail::listed_face> only_black = {black};
  f = detail::pick_family(only_black, family("Noto Sans CJK SC", "Regular"));
  REQUIRE(f);
  CHECK(f->style == "Black");
  CHECK(detail::pick_family(faces, family("Noto Sans CJK SC", "Thin")) == nullptr);
  CHECK(detail::pick_family(faces, family("Noto Sans CJK")) == nullptr);
}

TEST_CASE("the memory provider finds a face in bytes by family and by name") {
  std::vector<memory_font> given(1);
  given[0].name = "my-kai.ttf";
  given[0].data = read_bytes(fonts_dir + "/" + wenkai_file);
  const auto memory = memory_provider(std::move(given));
  font_source src;
  REQUIRE(memory->find_family(family("WenKai Test Subset", "Regular"), src));
  CHECK(src.path == "memory:my-kai.ttf");
  CHECK(src.found_by == "memory");
  REQUIRE(src.data);
  CHECK_FALSE(src.data->empty());
  font_source by_name;
  REQUIRE(memory->find_file(file("my-kai.ttf"), by_name));
  CHECK(by_name.data == src.data);  // the same bytes, not a copy
  CHECK_FALSE(memory->find_file(file(wenkai_file), by_name));

  face_cache cache;
  std::string error;
  const face* f = cache.open(src, error);
  REQUIRE(f);
  CHECK(f->family() == "WenKai Test Subset");
  CHECK(f->path() == "memory:my-kai.ttf");
  CHECK(cache.open(by_name, error) == f);
}

TEST_CASE("the system provider sees only the fonts of the fontconfig file it is given") {
  const fs::path dir = temp_dir("fontconfig");
  const fs::path conf = dir / "fonts.conf";
  std::ofstream(conf) << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                      << "<fontconfig>\n  <dir>" << fonts_dir << "</dir>\n  <cachedir>"
                      << (dir / "cache").string() << "</cachedir>\n</fontconfig>\n";
  const auto system = system_provider(conf.string());
  font_source src;
  REQUIRE(system->find_family(family("FandolFang", "Regular"), src));
  CHECK(src.path == (fs::path(fonts_dir) / fandol_file).string());
  CHECK(src.found_by == "fontconfig");
  REQUIRE(system->find_family(family("Noto Serif CJK SC", "Bold"), src));
  CHECK(fs::path(src.path).filename() == serif_bold_file);
  REQUIRE(system->find_family(family("Noto Serif CJK SC"), src));
  CHECK(fs::path(src.path).filename() == serif_regular_file);
  REQUIRE(system->find_family(family("Noto Sans CJK SC"), src));
  CHECK(fs::path(src.path).filename() == sans_file);
  REQUIRE(system->find_file(file(wenkai_file), src));
  CHECK(src.path == (fs::path(fonts_dir) / wenkai_file).string());
  CHECK_FALSE(system->find_family(family("DejaVu Sans"), src));
  CHECK_FALSE(system->find_file(file("DejaVuSans.ttf"), src));

  const auto broken = system_provider((dir / "missing.conf").string());
  CHECK_FALSE(broken->find_family(family("FandolFang"), src));
}

// ---- font_set ----

TEST_CASE("candidates are tried in order and the rank says which one was found") {
  const auto folder = folder_provider(fonts_dir);
  face_cache cache;
  diagnostics diags;
  std::unique_ptr<font_set> set;
  const face* f = resolve_kai(
      one_role({family("楷体_GB2312"), family("KaiTi"), family("WenKai Test Subset", "Regular")}),
      {folder.get()}, cache, diags, &set);
  REQUIRE(f);
  CHECK(diags.items().empty());
  const role_face* r = set->find("kai");
  REQUIRE(r);
  CHECK(r->font == f);
  CHECK(r->rank == 2);
  CHECK(r->matched_by == "family \"WenKai Test Subset Regular\"");
  CHECK(r->found_by == "folder " + fonts_dir);
  CHECK(f->family() == "WenKai Test Subset");
  CHECK(&set->cache() == &cache);
}

TEST_CASE("a candidate asks every provider before the next; each provider family, then file") {
  const fs::path fang_dir = temp_dir("fang-folder");
  fs::copy_file(fs::path(fonts_dir) / fandol_file, fang_dir / "fang.otf");
  const fs::path both_dir = temp_dir("fang-kai-folder");
  fs::copy_file(fs::path(fonts_dir) / fandol_file, both_dir / "fang.otf");
  fs::copy_file(fs::path(fonts_dir) / wenkai_file, both_dir / "kai.ttf");
  const auto empty = folder_provider(temp_dir("empty-folder").string());
  const auto all = folder_provider(fonts_dir);
  const auto fang = folder_provider(fang_dir.string());
  const auto fang_kai = folder_provider(both_dir.string());
  face_cache cache;
  diagnostics diags;
  std::unique_ptr<font_set> set;
  // Candidate 0 is only in the last provider, candidate 1 in the first.
  REQUIRE(resolve_kai(one_role({file("fang.otf"), family("WenKai Test Subset")}),
                      {empty.get(), all.get(), fang.get()}, cache, diags, &set));
  CHECK(set->find("kai")->rank == 0);
  CHECK(set->find("kai")->found_by == "folder " + fang_dir.string());

  // The first provider finds the file before the second is asked for the family.
  font_candidate both = family("WenKai Test Subset");
  both.file = "fang.otf";
  REQUIRE(resolve_kai(one_role({both}), {fang.get(), all.get()}, cache, diags, &set));
  CHECK(set->get("kai")->path() == (fang_dir / "fang.otf").string());
  CHECK(set->find("kai")->matched_by == "family \"WenKai Test Subset\" or file \"fang.otf\"");

  // Within one provider the family comes first.
  both.family = "FandolFang";
  both.file = "kai.ttf";
  REQUIRE(resolve_kai(one_role({both}), {fang_kai.get()}, cache, diags, &set));
  CHECK(set->get("kai")->path() == (both_dir / "fang.otf").string());
  CHECK(diags.items().empty());
}

TEST_CASE("a source that is not a usable font counts as not found") {
  const fs::path dir = temp_dir("broken-folder");
  std::ofstream(dir / "broken.ttf") << "not a font";
  std::ofstream(dir / "empty.otf");
  fs::copy_file(fs::path(fonts_dir) / wenkai_file, dir / "kai.ttf");
  const auto folder = folder_provider(dir.string());
  face_cache cache;
  diagnostics diags;
  std::unique_ptr<font_set> set;
  REQUIRE(resolve_kai(
      one_role({file("broken.ttf"), file("empty.otf"), file("kai.ttf", 3), file("kai.ttf")}),
      {folder.get()}, cache, diags, &set));
  CHECK(set->find("kai")->rank == 3);
  CHECK(diags.items().empty());

  std::string error;
  CHECK(cache.open({(dir / "broken.ttf").string(), 0, nullptr, "test"}, error) == nullptr);
  CHECK_FALSE(error.empty());
  error.clear();
  CHECK(cache.open({(dir / "kai.ttf").string(), 3, nullptr, "test"}, error) == nullptr);
  CHECK(error.find("face 3") != std::string::npos);
}

TEST_CASE("a role with no face is an error at its <role> naming every candidate tried") {
  const auto folder = folder_provider(fonts_dir);
  face_cache cache;
  diagnostics diags;
  font_candidate both = family("Nor This", "Bold");
  both.file = "nor-this.ttc";
  both.index = 2;
  auto set = font_set::resolve(one_role({family("No Such 楷体"), both, file("x.otf")}), {"kai"}, {},
                               {folder.get()}, cache, diags, "fonts.xml");
  CHECK_FALSE(set);
  REQUIRE(diags.items().size() == 1);
  const diagnostic& d = diags.items().front();
  CHECK(d.level == severity::error);
  CHECK(d.file == "fonts.xml");
  CHECK(d.line == 7);
  CHECK(d.column == 3);
  CHECK(d.message == "no font found for role 'kai'");
  CHECK(d.hint ==
        "tried family \"No Such 楷体\", family \"Nor This Bold\" or file \"nor-this.ttc\" #2, "
        "file \"x.otf\"; install one of them or add a candidate to fonts.xml");
}

TEST_CASE("a required role fonts.xml does not define is an error") {
  face_cache cache;
  diagnostics diags;
  auto set = font_set::resolve(one_role({family("WenKai Test Subset")}), {"hei"}, {}, {}, cache,
                               diags, "my-fonts.xml");
  CHECK_FALSE(set);
  REQUIRE(diags.items().size() == 1);
  const diagnostic& d = diags.items().front();
  CHECK(d.level == severity::error);
  CHECK(d.file == "my-fonts.xml");
  CHECK(d.line == 0);
  CHECK(d.message == "font role 'hei' is not defined");
  CHECK(d.hint == "the layout asks for it; add a <role name=\"hei\"> to fonts.xml");
}

TEST_CASE("an optional role with no face is only a warning; an undefined one is skipped") {
  const auto folder = folder_provider(fonts_dir);
  face_cache cache;
  diagnostics diags;
  auto set = font_set::resolve(one_role({family("No Such 楷体")}), {}, {"kai", "fallback"},
                               {folder.get()}, cache, diags, "fonts.xml");
  REQUIRE(set);
  CHECK(set->get("kai") == nullptr);
  CHECK(set->find("fallback") == nullptr);
  CHECK(set->roles().empty());
  REQUIRE(diags.items().size() == 1);
  const diagnostic& d = diags.items().front();
  CHECK(d.level == severity::warning);
  CHECK(d.line == 7);
  CHECK(d.message == "no font found for the optional role 'kai'");
  CHECK(d.hint == "tried family \"No Such 楷体\"");
}

TEST_CASE("tests/fonts/fonts.xml resolves every role to its committed font") {
  font_config config;
  diagnostics diags;
  REQUIRE(model::load_font_config(fonts_dir + "/fonts.xml", config, diags));
  const auto folder = folder_provider(fonts_dir);
  face_cache cache;
  auto set = font_set::resolve(config, {"fangsong", "xiaobiaosong", "hei", "kai", "songti-digits"},
                               {"fallback"}, {folder.get()}, cache, diags);
  REQUIRE(set);
  CHECK(diags.items().empty());
  REQUIRE(set->roles().size() == 6);
  for (const role_face& r : set->roles()) {
    INFO(r.role);
    CHECK(r.rank == 0);
    CHECK(fs::path(r.font->path()).filename() == config.find(r.role)->candidates[0].file);
  }
  CHECK(set->get("fallback") == set->get("songti-digits"));
  CHECK(cache.find(5) != nullptr);
  CHECK(cache.find(6) == nullptr);  // five files, five faces
}

// ---- face_cache ----

TEST_CASE("a file used by two roles is opened once; ids count up in opening order") {
  const auto folder = folder_provider(fonts_dir);
  font_config config = one_role({family("Noto Serif CJK SC", "Regular")}, "fangsong");
  config.roles.push_back(one_role({file(serif_regular_file)}, "songti-digits").roles[0]);
  config.roles.push_back(one_role({family("WenKai Test Subset")}, "kai").roles[0]);
  face_cache cache;
  diagnostics diags;
  auto set = font_set::resolve(config, {"fangsong", "songti-digits", "kai", "fangsong"}, {},
                               {folder.get()}, cache, diags);
  REQUIRE(set);
  REQUIRE(set->roles().size() == 3);
  const face* fang = set->get("fangsong");
  const face* digits = set->get("songti-digits");
  REQUIRE(fang);
  CHECK(digits == fang);
  CHECK(fang->id() == 1);
  CHECK(set->get("kai")->id() == 2);
  CHECK(cache.find(1) == fang);
  CHECK(cache.find(2) == set->get("kai"));
  CHECK(cache.find(0) == nullptr);
  CHECK(cache.find(3) == nullptr);
}

TEST_CASE("threads opening the same file get the same face") {
  face_cache cache;
  const font_source src{fonts_dir + "/" + fandol_file, 0, nullptr, "test"};
  std::vector<const face*> got(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      std::string error;
      got[i] = cache.open(src, error);
      if (got[i]) got[i]->ink(got[i]->glyph(U'国'));
    });
  for (auto& t : threads) t.join();
  REQUIRE(got[0]);
  CHECK(std::set<const face*>(got.begin(), got.end()).size() == 1);
  CHECK(got[0]->id() == 1);
}
