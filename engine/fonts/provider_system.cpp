// SPDX-License-Identifier: Apache-2.0
// system_provider: the system's fonts through fontconfig.
#include <fontconfig/fontconfig.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "core/c_ptr.hpp"
#include "core/cache_file.hpp"
#include "core/file.hpp"
#include "fonts/provider.hpp"

namespace hongtou::fonts {
namespace {

using fc_config_ptr = c_ptr<FcConfig, FcConfigDestroy>;
using fc_pattern_ptr = c_ptr<FcPattern, FcPatternDestroy>;
using fc_fontset_ptr = c_ptr<FcFontSet, FcFontSetDestroy>;
using fc_objectset_ptr = c_ptr<FcObjectSet, FcObjectSetDestroy>;

struct located {
  std::string path;
  unsigned index = 0;
  std::string style;  // the face's primary (first) style name
  int weight = FC_WEIGHT_REGULAR;
};

std::string fc_string(FcPattern* p, const char* object) {
  FcChar8* s = nullptr;
  if (FcPatternGetString(p, object, 0, &s) == FcResultMatch && s) return reinterpret_cast<char*>(s);
  return {};
}

const FcChar8* fc_chars(const std::string& s) {
  return reinterpret_cast<const FcChar8*>(s.c_str());
}

// Every value of a string object of a face ("Noto Serif CJK SC", "Noto
// Serif CJK JP", … for FC_FAMILY).
std::vector<std::string> fc_strings(FcPattern* p, const char* object) {
  std::vector<std::string> out;
  FcChar8* s = nullptr;
  for (int i = 0; FcPatternGetString(p, object, i, &s) == FcResultMatch; ++i)
    if (s) out.emplace_back(reinterpret_cast<char*>(s));
  return out;
}

// One face fontconfig knows: where it is and its names.
struct known_face {
  located where;
  std::vector<std::string> styles, families, postscript_names, full_names;
};

// ---- The cached list (docs/performance.md, "fontconfig's list of faces").
//
// Starting fontconfig (parsing its configuration, mapping its caches) and
// listing its faces cost about 4 ms, the largest part of a short render
// after the subsetting. The list is kept in the font cache folder with a
// stamp of everything it depends on — fontconfig's version, the
// environment it reads, every configuration file and folder it loaded (and
// their folders), every font folder it scans, the user's configuration
// files that may appear later — and read back while each stamp still holds:
// the test fontconfig itself makes (FcConfigUptoDate) to decide that its
// configuration and caches are current.

constexpr const char* list_magic = "hongtou fontconfig list 1";

// How a path is now: kind ('f' file, 'd' folder, 'o' other, 'm' missing),
// size, modification time and identity.
std::string stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "m 0 0 0 0 0";
  const char kind = S_ISREG(st.st_mode) ? 'f' : S_ISDIR(st.st_mode) ? 'd' : 'o';
  char buf[160];
  std::snprintf(buf, sizeof buf, "%c %lld %lld %ld %llu %llu", kind,
                static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtim.tv_sec),
                static_cast<long>(st.st_mtim.tv_nsec), static_cast<unsigned long long>(st.st_ino),
                static_cast<unsigned long long>(st.st_dev));
  return buf;
}

// What fontconfig's answer depends on besides files: its version and the
// environment variables it reads.
std::vector<std::string> list_context(const std::string& fontconfig_file) {
  std::vector<std::string> lines = {list_magic, "version " + std::to_string(FcGetVersion()),
                                    "config " + fontconfig_file};
  for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
                           "XDG_CONFIG_HOME", "XDG_DATA_HOME"}) {
    const char* value = std::getenv(name);
    lines.push_back(std::string("env ") + name + (value ? "=" + std::string(value) : " unset"));
  }
  return lines;
}

// The files and folders whose change may change the list: fontconfig's
// configuration files and folders and their folders, its font folders, and
// the user's configuration as fontconfig's default configuration includes it
// (conf.d/50-user.conf), which may not exist yet.
std::vector<std::string> watched_paths(FcConfig* config, bool default_config) {
  std::set<std::string> paths;
  auto add_list = [&](FcStrList* list) {
    if (!list) return;
    for (FcChar8* s; (s = FcStrListNext(list));) paths.insert(reinterpret_cast<char*>(s));
    FcStrListDone(list);
  };
  add_list(FcConfigGetConfigFiles(config));
  std::vector<std::string> parents;
  for (const std::string& p : paths) parents.push_back(std::filesystem::path(p).parent_path());
  paths.insert(parents.begin(), parents.end());
  add_list(FcConfigGetConfigDirs(config));
  add_list(FcConfigGetFontDirs(config));
  if (default_config) {
    const char* home = std::getenv("HOME");
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const std::string config_home = xdg && *xdg     ? xdg
                                    : home && *home ? std::string(home) + "/.config"
                                                    : "";
    if (!config_home.empty())
      for (const char* tail : {"", "/fontconfig", "/fontconfig/fonts.conf", "/fontconfig/conf.d"})
        paths.insert(config_home + tail);
    if (home && *home)
      for (const char* tail : {"/.fonts.conf", "/.fonts.conf.d"})
        paths.insert(std::string(home) + tail);
  }
  paths.erase("");
  return {paths.begin(), paths.end()};
}

// A name or path the list's line format can hold (no line breaks).
bool writable(const std::string& s) {
  return s.find_first_of("\r\n") == std::string::npos;
}

class fontconfig_fonts : public provider {
 public:
  fontconfig_fonts(const std::string& fontconfig_file, const std::string& cache_folder) {
    if (!fontconfig_file.empty()) describe_ = "fonts of " + fontconfig_file + " (fontconfig)";
    std::string cache;
    if (!cache_folder.empty()) {
      char name[48];
      std::snprintf(name, sizeof name, "fontconfig-%016llx.list",
                    static_cast<unsigned long long>(std::hash<std::string>()(fontconfig_file)));
      cache = (std::filesystem::path(cache_folder) / name).string();
      if (read_list(cache, fontconfig_file)) return;
    }
    fc_config_ptr config;  // needed only to list its faces
    if (fontconfig_file.empty()) {
      config.reset(FcConfigReference(nullptr));
    } else {
      // Only the given configuration: no system conf.d, so tests see only
      // the folders it lists. A missing file is checked here, as fontconfig
      // would print a complaint.
      std::error_code ec;
      if (std::filesystem::is_regular_file(fontconfig_file, ec)) config.reset(FcConfigCreate());
      if (config && (!FcConfigParseAndLoad(config.get(), fc_chars(fontconfig_file), FcTrue) ||
                     !FcConfigBuildFonts(config.get())))
        config.reset();
    }
    if (!config) return;
    list(config.get());
    listed_ = true;
    if (!cache.empty()) write_list(cache, fontconfig_file, config.get());
  }

  // A face matches a family in any of its languages and a style among all
  // its style names, as FcFontList lists them (case ignored). Faces list
  // secondary style names too (Noto CJK Black also says "Regular"), so
  // prefer the face whose primary style is the one asked for; without a
  // style, the weight nearest to Regular.
  bool find_family(const font_candidate& c, font_source& out) const override {
    if (!listed_ || c.family.empty()) return false;
    std::vector<located> found;
    const std::vector<size_t>* family = lookup(by_family_, c.family);
    if (family)
      for (size_t i : *family)
        if (c.style.empty() || any_is(faces_[i].styles, c.style)) found.push_back(faces_[i].where);
    // No face has that family: a face's PostScript or full name
    // ("FandolFang-Regular") names that face.
    if (!family)
      for (const auto* names : {&by_postscript_name_, &by_full_name_})
        if (const std::vector<size_t>* faces = lookup(*names, c.family)) {
          const located& l = faces_[faces->front()].where;
          out = {l.path, l.index, nullptr, "fontconfig"};
          return true;
        }
    if (found.empty()) return false;
    auto score = [&](const located& l) {
      if (!c.style.empty()) return same(l.style, c.style) ? 0 : 1000;
      return std::abs(l.weight - FC_WEIGHT_REGULAR);
    };
    const located& best =
        *std::min_element(found.begin(), found.end(),
                          [&](const located& a, const located& b) { return score(a) < score(b); });
    out = {best.path, best.index, nullptr, "fontconfig"};
    return true;
  }

  // An absolute path as it is; otherwise the file name among every font of
  // the folders fontconfig scans.
  bool find_file(const font_candidate& c, font_source& out) const override {
    namespace fs = std::filesystem;
    if (c.file.empty()) return false;
    const auto index = static_cast<unsigned>(c.index);
    std::error_code ec;
    if (fs::path(c.file).is_absolute()) {
      if (!fs::is_regular_file(c.file, ec)) return false;
      out = {c.file, index, nullptr, "fontconfig"};
      return true;
    }
    if (!listed_) return false;
    for (const known_face& k : faces_)
      if (fs::path(k.where.path).filename() == c.file && k.where.index == index) {
        out = {k.where.path, k.where.index, nullptr, "fontconfig"};
        return true;
      }
    return false;
  }

  std::string describe() const override { return describe_; }

 private:
  static bool same(const std::string& a, const std::string& b) {
    return FcStrCmpIgnoreCase(fc_chars(a), fc_chars(b)) == 0;
  }
  static bool any_is(const std::vector<std::string>& names, const std::string& name) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return same(n, name); });
  }

  // The faces of a name, case ignored (FcStrDowncase), in faces_' order.
  using name_index = std::map<std::string, std::vector<size_t>>;

  static std::string folded(const std::string& name) {
    c_ptr<FcChar8, free_fc_string> lower(FcStrDowncase(fc_chars(name)));
    return lower ? reinterpret_cast<const char*>(lower.get()) : name;
  }
  static void free_fc_string(FcChar8* s) { FcStrFree(s); }
  static const std::vector<size_t>* lookup(const name_index& index, const std::string& name) {
    const auto it = index.find(folded(name));
    return it == index.end() ? nullptr : &it->second;
  }

  // Every face fontconfig knows, listed once (one FcFontList, where a query
  // per candidate cost several) and sorted so that the choice does not
  // depend on the order of fontconfig's cache; their names indexed.
  void list(FcConfig* config) {
    fc_pattern_ptr all(FcPatternCreate());
    fc_objectset_ptr os(FcObjectSetBuild(FC_FILE, FC_INDEX, FC_STYLE, FC_WEIGHT, FC_FAMILY,
                                         FC_POSTSCRIPT_NAME, FC_FULLNAME, nullptr));
    fc_fontset_ptr set(FcFontList(config, all.get(), os.get()));
    if (!set) return;
    std::vector<std::pair<located, FcPattern*>> listed;
    for (int i = 0; i < set->nfont; ++i) {
      FcPattern* p = set->fonts[i];
      located l;
      l.path = fc_string(p, FC_FILE);
      int index = 0;
      FcPatternGetInteger(p, FC_INDEX, 0, &index);
      l.index = static_cast<unsigned>(index);
      l.style = fc_string(p, FC_STYLE);
      FcPatternGetInteger(p, FC_WEIGHT, 0, &l.weight);
      if (!l.path.empty()) listed.emplace_back(std::move(l), p);
    }
    std::stable_sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) {
      return a.first.path != b.first.path ? a.first.path < b.first.path
                                          : a.first.index < b.first.index;
    });
    for (auto& [where, pattern] : listed)
      add_face({std::move(where), fc_strings(pattern, FC_STYLE), fc_strings(pattern, FC_FAMILY),
                fc_strings(pattern, FC_POSTSCRIPT_NAME), fc_strings(pattern, FC_FULLNAME)});
  }

  // Appends a face and indexes its names.
  void add_face(known_face k) {
    const size_t i = faces_.size();
    faces_.push_back(std::move(k));
    const known_face& f = faces_.back();
    for (auto [names, index] :
         {std::pair{&f.families, &by_family_}, std::pair{&f.postscript_names, &by_postscript_name_},
          std::pair{&f.full_names, &by_full_name_}})
      for (const std::string& name : *names) {
        std::vector<size_t>& faces = (*index)[folded(name)];
        if (faces.empty() || faces.back() != i) faces.push_back(i);
      }
  }

  // Writes the list with its stamps; a list that cannot be written is not
  // kept (a cache: the next run lists again).
  void write_list(const std::string& cache, const std::string& fontconfig_file,
                  FcConfig* config) const {
    // The writer first: it makes the cache folder, whose parent may be a
    // watched folder, before the stamps are taken.
    cache_writer out(cache);
    if (!out.ready()) return;
    std::string text;
    for (const std::string& line : list_context(fontconfig_file)) text += line + "\n";
    for (const std::string& path : watched_paths(config, fontconfig_file.empty())) {
      if (!writable(path)) return;
      text += "stamp " + stamp_of(path) + " " + path + "\n";
    }
    for (const known_face& k : faces_) {
      if (!writable(k.where.path) || !writable(k.where.style)) return;
      text += "face " + std::to_string(k.where.index) + " " + std::to_string(k.where.weight) + " " +
              k.where.path + "\n";
      text += "primary " + k.where.style + "\n";
      for (auto [tag, names] :
           {std::pair{"style ", &k.styles}, std::pair{"family ", &k.families},
            std::pair{"psname ", &k.postscript_names}, std::pair{"fullname ", &k.full_names}})
        for (const std::string& name : *names) {
          if (!writable(name)) return;
          text += tag + name + "\n";
        }
    }
    text += "end\n";
    out.commit(std::vector<uint8_t>(text.begin(), text.end()));
  }

  // The list from `cache` when it is whole and every stamp still holds;
  // false (nothing listed) otherwise.
  bool read_list(const std::string& cache, const std::string& fontconfig_file) {
    std::string text, error;
    if (!read_regular_file(cache, 64u << 20, text, error)) return false;
    std::istringstream in(text);
    std::string line;
    for (const std::string& expected : list_context(fontconfig_file))
      if (!std::getline(in, line) || line != expected) return false;
    std::vector<known_face> faces;
    bool whole = false;
    while (std::getline(in, line)) {
      const size_t space = line.find(' ');
      const std::string tag = line.substr(0, space);
      const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
      if (tag == "stamp") {
        // Six fields, then the path.
        size_t at = std::string::npos;
        for (int field = 0; field < 6; ++field)
          if ((at = rest.find(' ', at + 1)) == std::string::npos) return false;
        if (rest.compare(0, at, stamp_of(rest.substr(at + 1))) != 0) return false;
      } else if (tag == "face") {
        unsigned index = 0;
        int weight = 0, used = 0;
        if (std::sscanf(rest.c_str(), "%u %d %n", &index, &weight, &used) != 2 || used <= 0)
          return false;
        known_face k;
        k.where.path = rest.substr(static_cast<size_t>(used));
        k.where.index = index;
        k.where.weight = weight;
        faces.push_back(std::move(k));
      } else if (tag == "end") {
        whole = true;
        break;
      } else if (faces.empty()) {
        return false;
      } else if (tag == "primary") {
        faces.back().where.style = rest;
      } else if (tag == "style") {
        faces.back().styles.push_back(rest);
      } else if (tag == "family") {
        faces.back().families.push_back(rest);
      } else if (tag == "psname") {
        faces.back().postscript_names.push_back(rest);
      } else if (tag == "fullname") {
        faces.back().full_names.push_back(rest);
      } else {
        return false;
      }
    }
    if (!whole) return false;
    for (known_face& k : faces) add_face(std::move(k));
    listed_ = true;
    return true;
  }

  bool listed_ = false;  // from fontconfig or the cached list
  std::vector<known_face> faces_;
  name_index by_family_, by_postscript_name_, by_full_name_;
  std::string describe_ = "system fonts (fontconfig)";
};

}  // namespace

std::unique_ptr<provider> system_provider(const std::string& fontconfig_file,
                                          const std::string& cache_folder) {
  return std::make_unique<fontconfig_fonts>(fontconfig_file, cache_folder);
}

}  // namespace hongtou::fonts
