// SPDX-License-Identifier: Apache-2.0
// system_provider: the system's fonts through fontconfig.
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

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

// Lists the faces fontconfig knows for `pattern`, sorted so that the choice
// does not depend on the order of fontconfig's cache.
std::vector<located> fc_list(FcConfig* config, FcPattern* pattern) {
  fc_objectset_ptr os(FcObjectSetBuild(FC_FILE, FC_INDEX, FC_STYLE, FC_WEIGHT, nullptr));
  fc_fontset_ptr set(FcFontList(config, pattern, os.get()));
  std::vector<located> out;
  if (!set) return out;
  for (int i = 0; i < set->nfont; ++i) {
    located l;
    l.path = fc_string(set->fonts[i], FC_FILE);
    int index = 0;
    FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
    l.index = static_cast<unsigned>(index);
    l.style = fc_string(set->fonts[i], FC_STYLE);
    FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &l.weight);
    if (!l.path.empty()) out.push_back(std::move(l));
  }
  std::sort(out.begin(), out.end(), [](const located& a, const located& b) {
    return a.path != b.path ? a.path < b.path : a.index < b.index;
  });
  return out;
}

class fontconfig_fonts : public provider {
 public:
  explicit fontconfig_fonts(const std::string& fontconfig_file) {
    if (fontconfig_file.empty()) {
      config_.reset(FcConfigReference(nullptr));
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
    describe_ = "fonts of " + fontconfig_file + " (fontconfig)";
  }

  // FcFontList matches the family in any of the face's languages and the
  // style among all its style names. Faces list secondary style names too
  // (Noto CJK Black also says "Regular"), so prefer the face whose primary
  // style is the one asked for; without a style, the weight nearest to Regular.
  bool find_family(const font_candidate& c, font_source& out) const override {
    if (!config_ || c.family.empty()) return false;
    fc_pattern_ptr pat(FcPatternCreate());
    FcPatternAddString(pat.get(), FC_FAMILY, fc_chars(c.family));
    if (!c.style.empty()) FcPatternAddString(pat.get(), FC_STYLE, fc_chars(c.style));
    auto found = fc_list(config_.get(), pat.get());
    // No face has that family: a face's PostScript or full name
    // ("FandolFang-Regular") names that face.
    fc_pattern_ptr family_only(FcPatternCreate());
    FcPatternAddString(family_only.get(), FC_FAMILY, fc_chars(c.family));
    const bool family_known = !found.empty() || !fc_list(config_.get(), family_only.get()).empty();
    for (const char* key : {FC_POSTSCRIPT_NAME, FC_FULLNAME}) {
      if (family_known) break;
      fc_pattern_ptr by_name(FcPatternCreate());
      FcPatternAddString(by_name.get(), key, fc_chars(c.family));
      found = fc_list(config_.get(), by_name.get());
      if (!found.empty()) {
        out = {found.front().path, found.front().index, nullptr, "fontconfig"};
        return true;
      }
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
    fc_pattern_ptr pat(FcPatternCreate());
    for (const auto& l : fc_list(config_.get(), pat.get()))
      if (fs::path(l.path).filename() == c.file && l.index == index) {
        out = {l.path, l.index, nullptr, "fontconfig"};
        return true;
      }
    return false;
  }

  std::string describe() const override { return describe_; }

 private:
  static bool same(const std::string& a, const std::string& b) {
    return FcStrCmpIgnoreCase(fc_chars(a), fc_chars(b)) == 0;
  }

  fc_config_ptr config_;
  std::string describe_ = "system fonts (fontconfig)";
};

}  // namespace

std::unique_ptr<provider> system_provider(const std::string& fontconfig_file) {
  return std::make_unique<fontconfig_fonts>(fontconfig_file);
}

}  // namespace hongtou::fonts
