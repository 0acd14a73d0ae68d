// SPDX-License-Identifier: Apache-2.0
// system_provider: the system's fonts through fontconfig.
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/c_ptr.hpp"
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

// One face fontconfig knows: where it is and its style names.
struct known_face {
  located where;
  std::vector<std::string> styles;
};

class fontconfig_fonts : public provider {
 public:
  explicit fontconfig_fonts(const std::string& fontconfig_file) {
    if (fontconfig_file.empty()) {
      config_.reset(FcConfigReference(nullptr));
      if (config_) list(config_.get());
      return;
    }
    // Only the given configuration: no system conf.d, so tests see only the
    // folders it lists.
    // A missing file is checked here, as fontconfig would print a complaint.
    std::error_code ec;
    if (std::filesystem::is_regular_file(fontconfig_file, ec)) config_.reset(FcConfigCreate());
    if (config_ && (!FcConfigParseAndLoad(config_.get(), fc_chars(fontconfig_file), FcTrue) ||
                    !FcConfigBuildFonts(config_.get())))
      config_.reset();
    if (config_) list(config_.get());
    describe_ = "fonts of " + fontconfig_file + " (fontconfig)";
  }

  // A face matches a family in any of its languages and a style among all
  // its style names, as FcFontList lists them (case ignored). Faces list
  // secondary style names too (Noto CJK Black also says "Regular"), so
  // prefer the face whose primary style is the one asked for; without a
  // style, the weight nearest to Regular.
  bool find_family(const font_candidate& c, font_source& out) const override {
    if (!config_ || c.family.empty()) return false;
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
    if (!config_) return false;
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
    for (auto& [where, pattern] : listed) {
      const size_t i = faces_.size();
      faces_.push_back({std::move(where), fc_strings(pattern, FC_STYLE)});
      for (auto [object, index] :
           {std::pair{FC_FAMILY, &by_family_}, std::pair{FC_POSTSCRIPT_NAME, &by_postscript_name_},
            std::pair{FC_FULLNAME, &by_full_name_}})
        for (const std::string& name : fc_strings(pattern, object)) {
          std::vector<size_t>& faces = (*index)[folded(name)];
          if (faces.empty() || faces.back() != i) faces.push_back(i);
        }
    }
  }

  fc_config_ptr config_;
  std::vector<known_face> faces_;
  name_index by_family_, by_postscript_name_, by_full_name_;
  std::string describe_ = "system fonts (fontconfig)";
};

}  // namespace

std::unique_ptr<provider> system_provider(const std::string& fontconfig_file) {
  return std::make_unique<fontconfig_fonts>(fontconfig_file);
}

}  // namespace hongtou::fonts
