// SPDX-License-Identifier: Apache-2.0
// fontconfig's list of faces kept by the system provider in its cache folder
// (engine/fonts/provider_system.cpp): written once, read back while every
// stamp holds, replaced when a configuration file or font folder changes or
// when the file is damaged, and never written where it cannot be or when no
// cache folder is given. Only the fonts committed in tests/fonts are used,
// through a private fonts.conf with its own <cachedir>.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fonts/provider.hpp"
#include "unit/fonts_fixture.hpp"

using namespace hongtou;
using namespace hongtou::fonts;
using namespace hongtou::test;
namespace fs = std::filesystem;

namespace {

// A fresh temp folder, removed at the end of the test case.
struct scratch {
  explicit scratch(const std::string& name) : path(temp_dir(name)) {}
  ~scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  scratch(const scratch&) = delete;
  scratch& operator=(const scratch&) = delete;
  fs::path path;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  REQUIRE(out);
  out << text;
  out.close();
  REQUIRE(out);
}

// A fonts.conf listing `font_dirs` only, with fontconfig's own cache in
// `fc_cache` (outside the folder of fonts.conf, which the list watches).
std::string conf_text(const std::vector<fs::path>& font_dirs, const fs::path& fc_cache) {
  std::ostringstream s;
  s << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n";
  for (const fs::path& d : font_dirs) s << "  <dir>" << d.string() << "</dir>\n";
  s << "  <cachedir>" << fc_cache.string() << "</cachedir>\n</fontconfig>\n";
  return s.str();
}

// The set-up of most cases: <root>/conf/fonts.conf listing the committed
// fonts, fontconfig's cache in <root>/fc-cache, the list kept in <root>/list.
struct layout {
  explicit layout(const std::string& name, std::vector<fs::path> font_dirs = {fonts_dir})
      : tmp(name),
        conf(tmp.path / "conf" / "fonts.conf"),
        fc_cache(tmp.path / "fc-cache"),
        list_dir(tmp.path / "list") {
    fs::create_directories(conf.parent_path());
    write_text(conf, conf_text(font_dirs, fc_cache));
  }
  std::unique_ptr<provider> make() const {
    return system_provider(conf.string(), list_dir.string());
  }
  std::unique_ptr<provider> uncached() const { return system_provider(conf.string()); }

  scratch tmp;
  fs::path conf, fc_cache, list_dir;
};

// The files named fontconfig-*.list directly in `folder` (none when it is missing).
std::vector<fs::path> lists_in(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return out;
  for (const auto& e : fs::directory_iterator(folder)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("fontconfig-", 0) == 0 && name.size() > 16 &&
        name.compare(name.size() - 5, 5, ".list") == 0)
      out.push_back(e.path());
  }
  return out;
}

// The single list file of `folder`.
fs::path the_list(const fs::path& folder) {
  const std::vector<fs::path> lists = lists_in(folder);
  REQUIRE(lists.size() == 1);
  return lists.front();
}

// Everything below `folder`, as paths relative to it.
std::set<std::string> tree(const fs::path& folder) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(folder))
    out.insert(fs::relative(e.path(), folder).string());
  return out;
}

struct stat_of {
  explicit stat_of(const fs::path& p) { REQUIRE(::stat(p.c_str(), &st) == 0); }
  struct stat st {};
};

unsigned long long inode_of(const fs::path& p) {
  return static_cast<unsigned long long>(stat_of(p).st.st_ino);
}

// A new modification time for `p`, two seconds after its present one.
void bump_mtime(const fs::path& p) {
  fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(2));
}

// The candidates the providers are compared on: families with and without a
// style, a PostScript name, files by name and index, absolute paths, misses.
std::vector<font_candidate> candidates() {
  std::vector<font_candidate> out = {
      family("FandolFang", "Regular"),
      family("FandolFang"),
      family("fandolfang"),
      family("FandolFang-Regular"),
      family("Noto Serif CJK SC", "Bold"),
      family("Noto Serif CJK SC", "Regular"),
      family("Noto Serif CJK SC"),
      family("Noto Sans CJK SC"),
      family("WenKai Test Subset", "Regular"),
      family("WenKai Test Subset"),
      family("FandolFang", "Bold"),
      family("DejaVu Sans"),
      family("Cached Only"),
      file(fandol_file),
      file(wenkai_file),
      file(serif_bold_file),
      file(serif_regular_file),
      file(sans_file),
      file(sans_file, 1),
      file("DejaVuSans.ttf"),
      file((fs::path(fonts_dir) / wenkai_file).string()),
      file((fs::path(fonts_dir) / "missing.ttf").string()),
  };
  return out;
}

std::string describe(const font_candidate& c) {
  return c.file.empty() ? "family \"" + c.family + "\" style \"" + c.style + "\""
                        : "file \"" + c.file + "\" index " + std::to_string(c.index);
}

// Both providers answer every candidate alike.
void same_answers(const provider& a, const provider& b) {
  for (const font_candidate& c : candidates()) {
    INFO(describe(c));
    font_source sa, sb;
    const bool fa = c.file.empty() ? a.find_family(c, sa) : a.find_file(c, sa);
    const bool fb = c.file.empty() ? b.find_family(c, sb) : b.find_file(c, sb);
    REQUIRE(fa == fb);
    if (!fa) continue;
    CHECK(sa.path == sb.path);
    CHECK(sa.index == sb.index);
    CHECK(sa.found_by == sb.found_by);
    CHECK_FALSE(sa.data);
  }
}

// FandolFang Regular resolves to the committed file.
void finds_fandol(const provider& p) {
  font_source src;
  REQUIRE(p.find_family(family("FandolFang", "Regular"), src));
  CHECK(src.path == (fs::path(fonts_dir) / fandol_file).string());
  CHECK(src.index == 0);
  CHECK(src.found_by == "fontconfig");
}

bool finds(const provider& p, const std::string& f, const std::string& style = {}) {
  font_source src;
  return p.find_family(family(f, style), src);
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

size_t count_of(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the first system provider with a cache folder writes one list and answers as without",
          "[fontconfig-cache]") {
  const layout l("fclist-first");
  const auto uncached = l.uncached();
  CHECK(lists_in(l.list_dir).empty());

  const auto cached = l.make();
  // Exactly one file, the list, and no temporary file beside it.
  REQUIRE(fs::is_directory(l.list_dir));
  CHECK(tree(l.list_dir).size() == 1);
  const fs::path list = the_list(l.list_dir);
  CHECK(fs::is_regular_file(list));
  CHECK((stat_of(list).st.st_mode & 07777) == 0600);
  CHECK((stat_of(l.list_dir).st.st_mode & 07777) == 0700);  // made by the provider

  const std::string text = read_text(list);
  CHECK(text.rfind("hongtou fontconfig list 1\n", 0) == 0);
  CHECK(text.find("\nconfig " + l.conf.string() + "\n") != std::string::npos);
  CHECK(text.find(" " + l.conf.string() + "\n") != std::string::npos);  // its stamp
  CHECK(text.find(" " + fonts_dir + "\n") != std::string::npos);        // the font folder
  CHECK(text.find("\nfamily FandolFang\n") != std::string::npos);
  CHECK(count_of(text, "\nface ") == 6);  // the six committed fonts
  CHECK(ends_with(text, "\nend\n"));

  finds_fandol(*cached);
  font_source src;
  REQUIRE(cached->find_family(family("Noto Serif CJK SC", "Bold"), src));
  CHECK(fs::path(src.path).filename() == serif_bold_file);
  REQUIRE(cached->find_family(family("Noto Sans CJK SC"), src));
  CHECK(fs::path(src.path).filename() == sans_file);
  REQUIRE(cached->find_file(file(wenkai_file), src));
  CHECK(src.path == (fs::path(fonts_dir) / wenkai_file).string());
  CHECK_FALSE(cached->find_family(family("DejaVu Sans"), src));
  CHECK(cached->describe() == uncached->describe());
  same_answers(*cached, *uncached);

  // The second provider reads that list: the file is kept as it is (a
  // rewritten list is a new file renamed over it) and answers alike.
  const unsigned long long inode = inode_of(list);
  const auto again = l.make();
  CHECK(inode_of(list) == inode);
  CHECK(read_text(list) == text);
  CHECK(again->describe() == uncached->describe());
  same_answers(*again, *uncached);
  CHECK(tree(l.list_dir).size() == 1);
}

TEST_CASE("the system provider reads the list back and relists when its configuration file changes",
          "[fontconfig-cache]") {
  const layout l("fclist-readback");
  (void)l.make();
  const fs::path list = the_list(l.list_dir);
  const std::string text = read_text(list);

  // A family only the list knows: found, so the list was used.
  const std::string line = "\nfamily FandolFang\n";
  const size_t at = text.find(line);
  REQUIRE(at != std::string::npos);
  std::string edited = text;
  edited.replace(at, line.size(), "\nfamily Cached Only\n");
  write_text(list, edited);
  {
    const auto p = l.make();
    font_source src;
    REQUIRE(p->find_family(family("Cached Only", "Regular"), src));
    CHECK(src.path == (fs::path(fonts_dir) / fandol_file).string());
    CHECK(p->find_family(family("cached only"), src));
    CHECK(read_text(list) == edited);  // read, not rewritten
  }

  // fonts.conf rewritten as it was, with a new modification time: the list
  // no longer holds, fontconfig lists again and the list is replaced.
  const unsigned long long inode = inode_of(list);
  write_text(l.conf, read_text(l.conf));
  bump_mtime(l.conf);
  {
    const auto p = l.make();
    CHECK_FALSE(finds(*p, "Cached Only"));
    finds_fandol(*p);
    same_answers(*p, *l.uncached());
  }
  CHECK(inode_of(list) != inode);
  CHECK(tree(l.list_dir).size() == 1);
  const std::string rewritten = read_text(list);
  CHECK(rewritten.find("Cached Only") == std::string::npos);
  CHECK(rewritten.find(line) != std::string::npos);
  CHECK(rewritten != text);  // fonts.conf's stamp is new
  CHECK(ends_with(rewritten, "\nend\n"));

  // And the new list holds in turn.
  const unsigned long long new_inode = inode_of(list);
  (void)l.make();
  CHECK(inode_of(list) == new_inode);
  CHECK(read_text(list) == rewritten);
}

TEST_CASE("a font added to a listed font folder makes the system provider list again",
          "[fontconfig-cache]") {
  scratch fonts("fclist-folder-fonts");
  const fs::path folder = fonts.path / "fonts";
  fs::create_directories(folder);
  fs::copy_file(fs::path(fonts_dir) / fandol_file, folder / fandol_file);
  const layout l("fclist-folder", {folder});

  {
    const auto p = l.make();
    font_source src;
    REQUIRE(p->find_family(family("FandolFang", "Regular"), src));
    CHECK(src.path == (folder / fandol_file).string());
    CHECK_FALSE(finds(*p, "WenKai Test Subset"));
  }
  const fs::path list = the_list(l.list_dir);
  const unsigned long long inode = inode_of(list);
  CHECK_FALSE(finds(*l.make(), "WenKai Test Subset"));  // the list, read back
  CHECK(inode_of(list) == inode);

  fs::copy_file(fs::path(fonts_dir) / wenkai_file, folder / wenkai_file);
  bump_mtime(folder);
  {
    const auto p = l.make();
    font_source src;
    REQUIRE(p->find_family(family("WenKai Test Subset", "Regular"), src));
    CHECK(src.path == (folder / wenkai_file).string());
    REQUIRE(p->find_file(file(wenkai_file), src));
    CHECK(src.path == (folder / wenkai_file).string());
    REQUIRE(p->find_family(family("FandolFang"), src));
    CHECK(src.path == (folder / fandol_file).string());
    same_answers(*p, *l.uncached());
  }
  CHECK(inode_of(list) != inode);
  CHECK(read_text(list).find("\nfamily WenKai Test Subset\n") != std::string::npos);

  // A font in a new subfolder: the folder changes (a new entry), the
  // subfolder is watched from then on.
  const fs::path sub = folder / "more";
  fs::create_directories(sub);
  fs::copy_file(fs::path(fonts_dir) / sans_file, sub / sans_file);
  bump_mtime(sub);
  bump_mtime(folder);
  {
    const auto p = l.make();
    font_source src;
    REQUIRE(p->find_family(family("Noto Sans CJK SC"), src));
    CHECK(src.path == (sub / sans_file).string());
  }
  CHECK(read_text(list).find(" " + sub.string() + "\n") != std::string::npos);
  // Another font into that subfolder only.
  fs::copy_file(fs::path(fonts_dir) / serif_bold_file, sub / serif_bold_file);
  bump_mtime(sub);
  {
    const auto p = l.make();
    font_source src;
    REQUIRE(p->find_family(family("Noto Serif CJK SC", "Bold"), src));
    CHECK(src.path == (sub / serif_bold_file).string());
    same_answers(*p, *l.uncached());
  }

  // A font removed: no longer found.
  fs::remove(folder / wenkai_file);
  bump_mtime(folder);
  {
    const auto p = l.make();
    CHECK_FALSE(finds(*p, "WenKai Test Subset"));
    font_source src;
    CHECK_FALSE(p->find_file(file(wenkai_file), src));
    same_answers(*p, *l.uncached());
  }
}

TEST_CASE("a damaged list is ignored and replaced whole", "[fontconfig-cache]") {
  const layout l("fclist-damaged");
  const auto uncached = l.uncached();
  (void)l.make();
  const fs::path list = the_list(l.list_dir);
  const std::string whole = read_text(list);
  REQUIRE(ends_with(whole, "\nend\n"));
  const size_t header = whole.find("\nstamp ");
  REQUIRE(header != std::string::npos);
  const size_t first_face = whole.find("\nface ");
  REQUIRE(first_face != std::string::npos);

  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = whole;
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
  };
  // Without the first line that starts with `from` (a line break first).
  auto without_line = [&](const std::string& from) {
    std::string s = whole;
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.erase(at, s.find('\n', at + 1) - at);
    return s;
  };
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 37 + 11) & 0xff);

  std::vector<std::pair<std::string, std::string>> damaged = {
      {"empty", ""},
      {"garbage bytes", garbage},
      {"garbage bytes after the header", whole.substr(0, header + 1) + garbage},
      {"NUL bytes", std::string(200, '\0')},
      {"the magic line changed",
       replaced("hongtou fontconfig list 1\n", "hongtou fontconfig list 0\n")},
      {"the version line changed", replaced("\nversion ", "\nversion 1")},
      {"the config line changed", replaced("\nconfig ", "\nconfig /elsewhere")},
      {"an env line changed", replaced("\nenv HOME", "\nenv HOMEX")},
      {"a header line missing", without_line("\nversion ")},
      {"a file's stamp changed", replaced("\nstamp f ", "\nstamp f 1")},
      {"a folder's stamp changed", replaced("\nstamp d ", "\nstamp d 1")},
      {"a stamp's kind changed", replaced("\nstamp d ", "\nstamp f ")},
      {"a stamp line cut short", replaced("\nstamp ", "\nstamp f\nstamp ")},
      {"a face line without numbers", replaced("\nface ", "\nface x y\nface ")},
      {"an unknown line", replaced("\nface ", "\nfoo bar\nface ")},
      {"a family line before any face", replaced("\nface ", "\nfamily Cached Only\nface ")},
      {"no end line", whole.substr(0, whole.size() - 4)},
      {"the end line misspelt", whole.substr(0, whole.size() - 4) + "End\n"},
      {"the end line in part", whole.substr(0, whole.size() - 2)},
  };
  for (size_t n :
       {size_t(1), size_t(10), header - 1, header, header + 1, header + 30, first_face,
        first_face + 8, whole.size() / 2, whole.size() - 20, whole.size() - 5, whole.size() - 3})
    damaged.emplace_back(
        "truncated at " + std::to_string(n) + " of " + std::to_string(whole.size()),
        whole.substr(0, n));

  for (const auto& [name, text] : damaged) {
    INFO(name);
    write_text(list, text);
    const auto p = l.make();
    finds_fandol(*p);
    CHECK_FALSE(finds(*p, "Cached Only"));
    same_answers(*p, *uncached);
    const std::string now = read_text(list);
    CHECK(now == whole);
    CHECK(ends_with(now, "\nend\n"));
    CHECK(tree(l.list_dir).size() == 1);
  }

  // A folder where the list would be: fontconfig is asked, nothing is left
  // behind.
  fs::remove(list);
  fs::create_directories(list / "inside");
  {
    const auto p = l.make();
    finds_fandol(*p);
    same_answers(*p, *uncached);
  }
  CHECK(fs::is_directory(list));
  CHECK(tree(l.list_dir) ==
        std::set<std::string>{list.filename().string(), (list.filename() / "inside").string()});
}

TEST_CASE("a list cut after its end line's last letter is still whole", "[fontconfig-cache]") {
  // Everything is there but the final line break: read back as it is.
  const layout l("fclist-end-cut");
  (void)l.make();
  const fs::path list = the_list(l.list_dir);
  const std::string whole = read_text(list);
  write_text(list, whole.substr(0, whole.size() - 1));
  const auto p = l.make();
  finds_fandol(*p);
  same_answers(*p, *l.uncached());
}

TEST_CASE("a cache folder that cannot be made leaves a working system provider and no file",
          "[fontconfig-cache]") {
  const layout l("fclist-unwritable");
  const fs::path blocker = l.tmp.path / "file";
  write_text(blocker, "a regular file\n");
  const fs::path cache = blocker / "sub";
  const auto p = system_provider(l.conf.string(), cache.string());
  finds_fandol(*p);
  same_answers(*p, *l.uncached());
  CHECK(fs::is_regular_file(blocker));
  CHECK(read_text(blocker) == "a regular file\n");
  // Nothing but fonts.conf, fontconfig's own cache and the blocking file.
  for (const std::string& entry : tree(l.tmp.path)) {
    INFO(entry);
    CHECK((entry == "conf" || entry == "conf/fonts.conf" || entry == "file" ||
           entry.rfind("fc-cache", 0) == 0));
  }
  // A second try does no better, and no worse.
  finds_fandol(*system_provider(l.conf.string(), cache.string()));
  CHECK(fs::is_regular_file(blocker));
}

TEST_CASE("without a cache folder the system provider writes no list", "[fontconfig-cache]") {
  const layout l("fclist-none");
  const std::vector<fs::path> here_before = lists_in(fs::current_path());
  const auto p = system_provider(l.conf.string(), "");
  finds_fandol(*p);
  const auto q = system_provider(l.conf.string());
  finds_fandol(*q);
  same_answers(*p, *q);
  CHECK_FALSE(fs::exists(l.list_dir));
  for (const std::string& entry : tree(l.tmp.path)) {
    INFO(entry);
    CHECK((entry == "conf" || entry == "conf/fonts.conf" || entry.rfind("fc-cache", 0) == 0));
    CHECK(fs::path(entry).filename().string().rfind("fontconfig-", 0) != 0);
  }
  CHECK(lists_in(fs::current_path()) == here_before);
}

TEST_CASE("the list holds paths with spaces and non-ASCII names", "[fontconfig-cache]") {
  scratch fonts("fclist-spaces-fonts");
  const fs::path folder = fonts.path / "my fonts 字体";
  fs::create_directories(folder);
  fs::copy_file(fs::path(fonts_dir) / fandol_file, folder / "Fandol Fang.otf");
  fs::copy_file(fs::path(fonts_dir) / wenkai_file, folder / wenkai_file);
  scratch t("fclist-spaces");
  const fs::path conf = t.path / "my conf" / "fonts.conf";
  fs::create_directories(conf.parent_path());
  write_text(conf, conf_text({folder}, t.path / "fc-cache"));
  const fs::path cache = t.path / "list folder";
  fs::create_directories(cache);

  const auto uncached = system_provider(conf.string());
  (void)system_provider(conf.string(), cache.string());
  const fs::path list = the_list(cache);
  const unsigned long long inode = inode_of(list);
  const auto p = system_provider(conf.string(), cache.string());
  CHECK(inode_of(list) == inode);  // read back
  font_source src;
  REQUIRE(p->find_family(family("FandolFang", "Regular"), src));
  CHECK(src.path == (folder / "Fandol Fang.otf").string());
  REQUIRE(p->find_file(file("Fandol Fang.otf"), src));
  CHECK(src.path == (folder / "Fandol Fang.otf").string());
  REQUIRE(p->find_family(family("文楷测试子集"), src));
  CHECK(src.path == (folder / wenkai_file).string());
  same_answers(*p, *uncached);
}
