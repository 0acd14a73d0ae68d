#include "fonts/font_set.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_BBOX_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ft.h>
#include <hb-ot.h>
#include <hb-subset.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/c_ptr.hpp"

namespace hongtou::fonts {

namespace {

using fc_config_ptr = c_ptr<FcConfig, FcConfigDestroy>;
using fc_pattern_ptr = c_ptr<FcPattern, FcPatternDestroy>;
using fc_fontset_ptr = c_ptr<FcFontSet, FcFontSetDestroy>;
using fc_objectset_ptr = c_ptr<FcObjectSet, FcObjectSetDestroy>;

struct located {
  std::string path;
  unsigned index = 0;
  std::string family, style;  // style: the face's primary (first) style name
  int weight = FC_WEIGHT_REGULAR;
};

std::string fc_string(FcPattern* p, const char* object) {
  FcChar8* s = nullptr;
  if (FcPatternGetString(p, object, 0, &s) == FcResultMatch && s) return reinterpret_cast<char*>(s);
  return {};
}

// Lists the faces fontconfig knows for `pattern`, sorted so that the choice
// does not depend on the order of fontconfig's cache.
std::vector<located> fc_list(FcConfig* config, FcPattern* pattern) {
  fc_objectset_ptr os(FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_STYLE, FC_WEIGHT, nullptr));
  fc_fontset_ptr set(FcFontList(config, pattern, os.get()));
  std::vector<located> out;
  if (!set) return out;
  for (int i = 0; i < set->nfont; ++i) {
    located l;
    l.path = fc_string(set->fonts[i], FC_FILE);
    int index = 0;
    FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
    l.index = static_cast<unsigned>(index);
    l.family = fc_string(set->fonts[i], FC_FAMILY);
    l.style = fc_string(set->fonts[i], FC_STYLE);
    FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &l.weight);
    if (!l.path.empty()) out.push_back(std::move(l));
  }
  std::sort(out.begin(), out.end(), [](const located& a, const located& b) {
    return a.path != b.path ? a.path < b.path : a.index < b.index;
  });
  return out;
}

bool same_name(const std::string& a, const std::string& b) {
  return FcStrCmpIgnoreCase(reinterpret_cast<const FcChar8*>(a.c_str()),
                            reinterpret_cast<const FcChar8*>(b.c_str())) == 0;
}

// A family (+ style) among the faces fontconfig lists. Faces list secondary
// style names too (Noto CJK Black also says "Regular"), so prefer the face
// whose primary style is the one asked for; without a style, the weight
// nearest to Regular.
bool find_by_family(FcConfig* config, const model::font_candidate& c, located& out) {
  fc_pattern_ptr pat(FcPatternCreate());
  FcPatternAddString(pat.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(c.family.c_str()));
  if (!c.style.empty())
    FcPatternAddString(pat.get(), FC_STYLE, reinterpret_cast<const FcChar8*>(c.style.c_str()));
  auto found = fc_list(config, pat.get());
  if (found.empty()) return false;
  auto score = [&](const located& l) {
    if (!c.style.empty()) return same_name(l.style, c.style) ? 0 : 1000;
    return std::abs(l.weight - FC_WEIGHT_REGULAR);
  };
  out = *std::min_element(found.begin(), found.end(),
                          [&](const located& a, const located& b) { return score(a) < score(b); });
  return true;
}

bool find_by_file(FcConfig* config, const model::font_candidate& c,
                  const std::vector<std::string>& dirs, located& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::path(c.file).is_absolute()) {
    if (!fs::is_regular_file(c.file, ec)) return false;
    out = {c.file, static_cast<unsigned>(c.index), {}, {}};
    return true;
  }
  for (const auto& dir : dirs) {
    fs::path p = fs::path(dir) / c.file;
    if (fs::is_regular_file(p, ec)) {
      out = {p.string(), static_cast<unsigned>(c.index), {}, {}};
      return true;
    }
  }
  // Any folder fontconfig scans: match on the file name.
  fc_pattern_ptr pat(FcPatternCreate());
  for (auto& l : fc_list(config, pat.get())) {
    if (fs::path(l.path).filename() == c.file && l.index == static_cast<unsigned>(c.index)) {
      out = l;
      return true;
    }
  }
  return false;
}

std::string describe(const model::font_candidate& c) {
  std::string out;
  if (!c.family.empty())
    out = "family \"" + c.family + (c.style.empty() ? "" : " " + c.style) + "\"";
  if (!c.file.empty()) {
    if (!out.empty()) out += " or ";
    out += "file \"" + c.file + "\"" + (c.index ? " #" + std::to_string(c.index) : "");
  }
  return out;
}

}  // namespace

face::~face() {
  if (preprocessed_) hb_face_destroy(preprocessed_);
  if (hb_font_) hb_font_destroy(hb_font_);
  if (hb_face_) hb_face_destroy(hb_face_);
  if (blob_) hb_blob_destroy(blob_);
  if (ft_) FT_Done_Face(ft_);
}

hb_face_t* face::subset_source(bool preprocessed) const {
  if (!preprocessed) return hb_face_;
  std::call_once(preprocess_once_, [this] { preprocessed_ = hb_subset_preprocess(hb_face_); });
  return preprocessed_ ? preprocessed_ : hb_face_;
}

uint32_t face::glyph(char32_t cp) const {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(hb_font_, cp, &gid)) return 0;
  return gid;
}

double face::advance(uint32_t gid) const {
  return static_cast<double>(hb_font_get_glyph_h_advance(hb_font_, gid)) / upem_;
}

// The exact bounding box of the outline (curve extrema, not control points:
// HarfBuzz's CFF extents include control points and overshoot by up to
// 0.03 em on curved strokes, 1.4 mm on a 52 pt red head).
ink_box face::ink(uint32_t gid) const {
  ink_box box;
  std::lock_guard<std::mutex> lock(ft_mutex_);
  if (FT_Load_Glyph(ft_, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0 ||
      ft_->glyph->format != FT_GLYPH_FORMAT_OUTLINE || ft_->glyph->outline.n_points == 0)
    return box;
  FT_BBox bb;
  if (FT_Outline_Get_BBox(&ft_->glyph->outline, &bb) != 0) return box;
  double u = upem_;
  box.x_min = static_cast<double>(bb.xMin) / u;
  box.x_max = static_cast<double>(bb.xMax) / u;
  box.y_min = static_cast<double>(bb.yMin) / u;
  box.y_max = static_cast<double>(bb.yMax) / u;
  box.empty = false;
  return box;
}

font_set::~font_set() {
  faces_.clear();
  if (ft_lib_) FT_Done_FreeType(ft_lib_);
}

const face* font_set::get(const std::string& role) const {
  for (const auto& f : faces_)
    if (f->role() == role) return f.get();
  return nullptr;
}

std::unique_ptr<font_set> font_set::load(const model::font_config& config,
                                         const std::vector<std::string>& roles,
                                         const font_options& options, diagnostics& diags,
                                         const std::string& config_name,
                                         const std::vector<std::string>& optional) {
  std::unique_ptr<font_set> set(new font_set());
  if (FT_Init_FreeType(&set->ft_lib_) != 0) {
    diags.error(config_name, 0, 0, "cannot initialise FreeType");
    return nullptr;
  }
  // The shared default configuration unless the caller adds folders.
  fc_config_ptr fc;
  if (options.font_dirs.empty()) {
    fc.reset(FcConfigReference(nullptr));
  } else {
    fc.reset(FcInitLoadConfigAndFonts());
    for (const auto& dir : options.font_dirs)
      FcConfigAppFontAddDir(fc.get(), reinterpret_cast<const FcChar8*>(dir.c_str()));
  }
  if (!fc) {
    diags.error(config_name, 0, 0, "cannot initialise fontconfig");
    return nullptr;
  }

  bool ok = true;
  std::vector<std::string> wanted = roles;
  wanted.insert(wanted.end(), optional.begin(), optional.end());
  for (size_t w = 0; w < wanted.size(); ++w) {
    const std::string& role_name = wanted[w];
    const bool required = w < roles.size();
    if (set->get(role_name)) continue;
    const model::font_role* role = config.find(role_name);
    if (!role && !required) continue;
    if (!role) {
      diags.error(config_name, 0, 0, "font role '" + role_name + "' is not defined",
                  "the layout asks for it; add a <role name=\"" + role_name + "\"> to fonts.xml");
      ok = false;
      continue;
    }
    std::string tried;
    bool found = false;
    for (size_t rank = 0; rank < role->candidates.size() && !found; ++rank) {
      const auto& cand = role->candidates[rank];
      located loc;
      // The family through fontconfig; a file the candidate also names, when not found.
      bool hit = !cand.family.empty() && find_by_family(fc.get(), cand, loc);
      if (!hit && !cand.file.empty()) hit = find_by_file(fc.get(), cand, options.font_dirs, loc);
      if (!tried.empty()) tried += ", ";
      tried += describe(cand);
      if (!hit) continue;

      std::unique_ptr<face> f(new face());
      f->blob_ = hb_blob_create_from_file_or_fail(loc.path.c_str());
      if (!f->blob_) continue;
      f->hb_face_ = hb_face_create(f->blob_, loc.index);
      if (hb_face_get_glyph_count(f->hb_face_) == 0) continue;
      unsigned len = 0;
      const char* data = hb_blob_get_data(f->blob_, &len);
      if (FT_New_Memory_Face(set->ft_lib_, reinterpret_cast<const FT_Byte*>(data),
                             static_cast<FT_Long>(len), static_cast<FT_Long>(loc.index),
                             &f->ft_) != 0)
        continue;
      f->hb_font_ = hb_font_create(f->hb_face_);
      f->upem_ = hb_face_get_upem(f->hb_face_);
      hb_font_set_scale(f->hb_font_, static_cast<int>(f->upem_), static_cast<int>(f->upem_));
      hb_ot_font_set_funcs(f->hb_font_);
      f->role_ = role_name;
      f->path_ = loc.path;
      f->index_ = loc.index;
      f->rank_ = static_cast<int>(rank);
      f->matched_by_ = describe(cand);
      f->family_ = f->ft_->family_name ? f->ft_->family_name : loc.family;
      f->style_ = f->ft_->style_name ? f->ft_->style_name : loc.style;
      const char* ps = FT_Get_Postscript_Name(f->ft_);
      f->ps_name_ = ps ? ps : f->family_;
      hb_blob_t* cff = hb_face_reference_table(f->hb_face_, HB_TAG('C', 'F', 'F', ' '));
      f->is_cff_ = hb_blob_get_length(cff) > 0;
      hb_blob_destroy(cff);

      // Ideographic em box (BASE table, or synthesised by HarfBuzz from OS/2).
      double u = f->upem_;
      hb_position_t top = 0, bottom = 0;
      hb_ot_layout_get_baseline_with_fallback(f->hb_font_,
                                              HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                              HB_DIRECTION_LTR, HB_SCRIPT_HAN, HB_TAG_NONE, &top);
      hb_ot_layout_get_baseline_with_fallback(
          f->hb_font_, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT, HB_DIRECTION_LTR,
          HB_SCRIPT_HAN, HB_TAG_NONE, &bottom);
      // The em box is one em tall by definition; fonts whose synthesised box
      // is taller (typo metrics of LXGW WenKai) keep its centre.
      if (top > bottom) {
        double centre = (top + bottom) / 2.0 / u;
        f->em_top_ = centre + 0.5;
        f->em_bottom_ = centre - 0.5;
      }
      hb_font_extents_t ext;
      if (hb_font_get_h_extents(f->hb_font_, &ext)) {
        f->ascender_ = ext.ascender / u;
        f->descender_ = ext.descender / u;
      }
      const FT_BBox& fb = f->ft_->bbox;
      f->bbox_ = {static_cast<double>(fb.xMin) / u, static_cast<double>(fb.yMin) / u,
                  static_cast<double>(fb.xMax) / u, static_cast<double>(fb.yMax) / u, false};
      if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(f->ft_, FT_SFNT_POST)))
        f->italic_angle_ = static_cast<double>(post->italicAngle) / 65536.0;
      set->faces_.push_back(std::move(f));
      found = true;
    }
    if (!found && required) {
      diags.error(config_name, role->line, role->column,
                  "no font found for role '" + role_name + "'",
                  "tried " + (tried.empty() ? std::string("no candidates") : tried) +
                      "; install one of them or add a candidate to fonts.xml");
      ok = false;
    } else if (!found) {
      diags.warning(config_name, role->line, role->column,
                    "no font found for the optional role '" + role_name + "'", "tried " + tried);
    }
  }
  if (!ok) return nullptr;
  return set;
}

}  // namespace hongtou::fonts
