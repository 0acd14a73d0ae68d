// SPDX-License-Identifier: Apache-2.0
#pragma once
// face: one loaded font face (FreeType + HarfBuzz), read-only after loading
// and shared by every role and layout that uses it. Owned by a face_cache.
#include <hb.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "fonts/cff.hpp"
#include "fonts/trimmed.hpp"

typedef struct FT_FaceRec_* FT_Face;

namespace hongtou::fonts {

/// Ink bounding box of a glyph, in em (y up, baseline at 0).
struct ink_box {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  bool empty = true;
};

/// The segment properties every Chinese text is shaped with: left to right,
/// Han, zh-Hans (its 'locl' gives the simplified forms). layout/shape shapes
/// with them, and trimmed faces keep the glyphs they give.
void set_chinese_text(hb_buffer_t* buf);

/// The 'CFF ' table of `f` ready to be subset by copying (it holds the
/// table's bytes), or nullptr when there is none or it is not copyable.
std::unique_ptr<cff::copy_source> open_cff_copy(hb_face_t* f);

class face {
 public:
  face(const face&) = delete;
  face& operator=(const face&) = delete;
  ~face();

  /// Identifies the face within its face_cache (1, 2, …); frames carry it as the font handle.
  uint32_t id() const { return id_; }
  const std::string& family() const { return family_; }
  const std::string& style() const { return style_; }
  /// The file (or "memory:<name>") and the face index inside it.
  const std::string& path() const { return path_; }
  unsigned index() const { return index_; }
  /// PostScript name (from the font's name table), or the family when absent.
  const std::string& postscript_name() const { return ps_name_; }

  hb_face_t* hb() const { return hb_face_; }
  /// The face to subset from: hb() itself, or, with `preprocessed`, a copy
  /// prepared once by hb_subset_preprocess() (slow to make, then 20–40×
  /// faster to subset; for engines that render many documents). Thread-safe.
  hb_face_t* subset_source(bool preprocessed) const;
  hb_font_t* hb_font() const { return hb_font_; }
  unsigned upem() const { return upem_; }
  /// True for CFF-flavoured OpenType ('CFF ' table), false for TrueType outlines.
  bool is_cff() const { return is_cff_; }
  /// The trimmed copy subsetting uses (fonts/trimmed.hpp), read or made on
  /// first use; nullptr for a face too small to trim. Thread-safe.
  const trimmed_face* trimmed() const;
  /// True for a CFF face whose charstrings call subroutines (cff::has_subroutines),
  /// read on first use. Thread-safe.
  bool cff_has_subroutines() const;
  /// The face's CFF ready to be subset by copying when it is CID-keyed
  /// and without subroutines (FandolFang), else nullptr. Read on first use.
  /// Thread-safe.
  const cff::copy_source* cff_copy() const;

  /// Ideographic em box top and bottom, in em above the baseline (e.g. 0.88, -0.12).
  double em_top() const { return em_top_; }
  double em_bottom() const { return em_bottom_; }
  /// Ascender/descender (hhea), in em; for the PDF font descriptor.
  double ascender() const { return ascender_; }
  double descender() const { return descender_; }
  /// Glyph for a code point, or 0 when the face lacks it.
  uint32_t glyph(char32_t cp) const;
  /// The glyphs of every code point of `text` into `out` (0 where the face
  /// lacks one): glyph() for a whole text, in HarfBuzz's batch call.
  void glyphs(const std::u32string& text, std::vector<uint32_t>& out) const;
  /// Horizontal advance of a glyph, in em.
  double advance(uint32_t gid) const;
  /// Ink box of a glyph, in em (empty for blank glyphs). Thread-safe.
  ink_box ink(uint32_t gid) const;
  /// Font bounding box (head table), in em.
  ink_box bbox() const { return bbox_; }
  /// Italic angle (post table), degrees.
  double italic_angle() const { return italic_angle_; }

 private:
  friend class face_cache;
  face() = default;
  // Fills names and metrics from hb_face_ and ft_, once both are open.
  void read_metrics();
  uint32_t id_ = 0;
  std::string family_, style_, path_, ps_name_;
  unsigned index_ = 0;
  hb_blob_t* blob_ = nullptr;  // a reference to the file's blob, shared by its faces
  hb_face_t* hb_face_ = nullptr;
  hb_font_t* hb_font_ = nullptr;
  FT_Face ft_ = nullptr;
  mutable std::mutex ft_mutex_;  // FreeType faces are not safe for concurrent use; guards ink_
  mutable std::unordered_map<uint32_t, ink_box> ink_;  // the ink boxes read so far
  mutable std::once_flag preprocess_once_, subroutines_once_, trim_once_;
  trim_settings trim_;
  mutable std::unique_ptr<trimmed_face> trimmed_;
  mutable bool cff_subroutines_ = true;
  mutable std::unique_ptr<cff::copy_source> cff_copy_;
  mutable hb_face_t* preprocessed_ = nullptr;
  unsigned upem_ = 1000;
  bool is_cff_ = false;
  double em_top_ = 0.88, em_bottom_ = -0.12, ascender_ = 0.88, descender_ = -0.12;
  double italic_angle_ = 0;
  ink_box bbox_;
};

}  // namespace hongtou::fonts
