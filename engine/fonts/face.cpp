// SPDX-License-Identifier: Apache-2.0
#include "fonts/face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_BBOX_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb-subset.h>

#include "core/c_ptr.hpp"
#include "fonts/cff.hpp"

namespace hongtou::fonts {

face::~face() {
  trimmed_.reset();
  if (preprocessed_) hb_face_destroy(preprocessed_);
  if (hb_font_) hb_font_destroy(hb_font_);
  if (hb_face_) hb_face_destroy(hb_face_);
  if (ft_) FT_Done_Face(ft_);  // before the blob: FreeType reads the blob's bytes
  if (blob_) hb_blob_destroy(blob_);
}

void set_chinese_text(hb_buffer_t* buf) {
  static const hb_language_t zh_hans = hb_language_from_string("zh-Hans", -1);
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_HAN);
  hb_buffer_set_language(buf, zh_hans);
}

const trimmed_face* face::trimmed() const {
  std::call_once(trim_once_, [this] { trimmed_ = trimmed_face::open(*this, trim_); });
  return trimmed_.get();
}

std::unique_ptr<cff::copy_source> open_cff_copy(hb_face_t* f) {
  std::shared_ptr<hb_blob_t> cff(hb_face_reference_table(f, HB_TAG('C', 'F', 'F', ' ')),
                                 hb_blob_destroy);
  unsigned len = 0;
  const char* data = hb_blob_get_data(cff.get(), &len);
  if (len == 0) return nullptr;
  std::string error;  // not copyable: subset by hb-subset instead
  return cff::copy_source::open(reinterpret_cast<const uint8_t*>(data), len, error, cff);
}

bool face::cff_has_subroutines() const {
  if (!is_cff_) return false;
  std::call_once(subroutines_once_, [this] {
    const c_ptr<hb_blob_t, hb_blob_destroy> cff(
        hb_face_reference_table(hb_face_, HB_TAG('C', 'F', 'F', ' ')));
    unsigned len = 0;
    const char* data = hb_blob_get_data(cff.get(), &len);
    cff_subroutines_ = cff::has_subroutines(reinterpret_cast<const uint8_t*>(data), len);
    if (!cff_subroutines_) cff_copy_ = open_cff_copy(hb_face_);
  });
  return cff_subroutines_;
}

const cff::copy_source* face::cff_copy() const {
  if (!is_cff_ || cff_has_subroutines()) return nullptr;
  return cff_copy_.get();
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

void face::glyphs(const std::u32string& text, std::vector<uint32_t>& out) const {
  out.assign(text.size(), 0);
  static_assert(sizeof(char32_t) == sizeof(hb_codepoint_t) &&
                sizeof(uint32_t) == sizeof(hb_codepoint_t));
  // The batch call stops at the first code point the face lacks.
  for (size_t i = 0; i < text.size();) {
    i += hb_font_get_nominal_glyphs(hb_font_, static_cast<unsigned>(text.size() - i),
                                    reinterpret_cast<const hb_codepoint_t*>(text.data() + i),
                                    sizeof(char32_t), out.data() + i, sizeof(uint32_t));
    if (i < text.size()) ++i;  // lacking: stays 0
  }
}

double face::advance(uint32_t gid) const {
  return static_cast<double>(hb_font_get_glyph_h_advance(hb_font_, gid)) / upem_;
}

// The exact bounding box of the outline (curve extrema, not control points:
// HarfBuzz's CFF extents include control points and overshoot by up to
// 0.03 em on curved strokes, 1.4 mm on a 52 pt red head).
ink_box face::ink(uint32_t gid) const {
  std::lock_guard<std::mutex> lock(ft_mutex_);
  if (const auto it = ink_.find(gid); it != ink_.end()) return it->second;
  ink_box& box = ink_[gid];  // each glyph's outline is read once per face
  if (FT_Load_Glyph(ft_, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0 ||
      ft_->glyph->format != FT_GLYPH_FORMAT_OUTLINE || ft_->glyph->outline.n_points == 0)
    return box;
  FT_BBox bb;
  if (FT_Outline_Get_BBox(&ft_->glyph->outline, &bb) != 0) return box;
  const double u = upem_;
  box.x_min = static_cast<double>(bb.xMin) / u;
  box.x_max = static_cast<double>(bb.xMax) / u;
  box.y_min = static_cast<double>(bb.yMin) / u;
  box.y_max = static_cast<double>(bb.yMax) / u;
  box.empty = false;
  return box;
}

void face::read_metrics() {
  hb_font_ = hb_font_create(hb_face_);
  upem_ = hb_face_get_upem(hb_face_);
  hb_font_set_scale(hb_font_, static_cast<int>(upem_), static_cast<int>(upem_));
  hb_ot_font_set_funcs(hb_font_);
  family_ = ft_->family_name ? ft_->family_name : "";
  style_ = ft_->style_name ? ft_->style_name : "";
  const char* ps = FT_Get_Postscript_Name(ft_);
  ps_name_ = ps ? ps : family_;
  hb_blob_t* cff = hb_face_reference_table(hb_face_, HB_TAG('C', 'F', 'F', ' '));
  is_cff_ = hb_blob_get_length(cff) > 0;
  hb_blob_destroy(cff);

  // Ideographic em box (BASE table, or synthesised by HarfBuzz from OS/2).
  const double u = upem_;
  hb_position_t top = 0, bottom = 0;
  hb_ot_layout_get_baseline_with_fallback(hb_font_,
                                          HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                          HB_DIRECTION_LTR, HB_SCRIPT_HAN, HB_TAG_NONE, &top);
  hb_ot_layout_get_baseline_with_fallback(hb_font_,
                                          HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT,
                                          HB_DIRECTION_LTR, HB_SCRIPT_HAN, HB_TAG_NONE, &bottom);
  // The em box is one em tall by definition; fonts whose synthesised box
  // is taller (typo metrics of LXGW WenKai) keep its centre.
  if (top > bottom) {
    const double centre = (top + bottom) / 2.0 / u;
    em_top_ = centre + 0.5;
    em_bottom_ = centre - 0.5;
  }
  hb_font_extents_t ext;
  if (hb_font_get_h_extents(hb_font_, &ext)) {
    ascender_ = ext.ascender / u;
    descender_ = ext.descender / u;
  }
  const FT_BBox& fb = ft_->bbox;
  bbox_ = {static_cast<double>(fb.xMin) / u, static_cast<double>(fb.yMin) / u,
           static_cast<double>(fb.xMax) / u, static_cast<double>(fb.yMax) / u, false};
  if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(ft_, FT_SFNT_POST)))
    italic_angle_ = static_cast<double>(post->italicAngle) / 65536.0;
}

}  // namespace hongtou::fonts
