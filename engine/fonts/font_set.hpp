#pragma once
// font_set: font roles (fonts/fonts.xml) resolved to loaded faces.
// Families are looked up through fontconfig (Chinese and English names),
// file candidates through the configured font dirs and fontconfig's list.
#include <hb.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/font_config.hpp"

typedef struct FT_FaceRec_* FT_Face;
typedef struct FT_LibraryRec_* FT_Library;

namespace hongtou::fonts {

/// Ink bounding box of a glyph, in em (y up, baseline at 0).
struct ink_box {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  bool empty = true;
};

/// One loaded face. Read-only after loading; owned by its font_set.
class face {
 public:
  face(const face&) = delete;
  face& operator=(const face&) = delete;
  ~face();

  const std::string& role() const { return role_; }
  const std::string& family() const { return family_; }
  const std::string& style() const { return style_; }
  const std::string& path() const { return path_; }
  unsigned index() const { return index_; }
  /// Which candidate of fonts.xml found it, e.g. "family FandolFang".
  const std::string& matched_by() const { return matched_by_; }
  /// 0-based position of that candidate in the role's list.
  int candidate_rank() const { return rank_; }
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

  /// Ideographic em box top and bottom, in em above the baseline (e.g. 0.88, -0.12).
  double em_top() const { return em_top_; }
  double em_bottom() const { return em_bottom_; }
  /// Ascender/descender (hhea), in em; for the PDF font descriptor.
  double ascender() const { return ascender_; }
  double descender() const { return descender_; }
  /// Glyph for a code point, or 0 when the face lacks it.
  uint32_t glyph(char32_t cp) const;
  /// Horizontal advance of a glyph, in em.
  double advance(uint32_t gid) const;
  /// Ink box of a glyph, in em (empty for blank glyphs). Thread-safe.
  ink_box ink(uint32_t gid) const;
  /// Font bounding box (head table), in em.
  ink_box bbox() const { return bbox_; }
  /// Italic angle and stem width guesses for the PDF descriptor.
  double italic_angle() const { return italic_angle_; }

 private:
  friend class font_set;
  face() = default;
  std::string role_, family_, style_, path_, matched_by_, ps_name_;
  unsigned index_ = 0;
  int rank_ = 0;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* hb_face_ = nullptr;
  hb_font_t* hb_font_ = nullptr;
  FT_Face ft_ = nullptr;
  mutable std::mutex ft_mutex_;  // FreeType faces are not safe for concurrent use
  mutable std::once_flag preprocess_once_;
  mutable hb_face_t* preprocessed_ = nullptr;
  unsigned upem_ = 1000;
  bool is_cff_ = false;
  double em_top_ = 0.88, em_bottom_ = -0.12, ascender_ = 0.88, descender_ = -0.12;
  double italic_angle_ = 0;
  ink_box bbox_;
};

/// Options for resolving fonts.
struct font_options {
  std::vector<std::string> font_dirs;  // extra folders searched (added to fontconfig)
};

/// The faces of all roles of a font_config that were asked for.
class font_set {
 public:
  font_set(const font_set&) = delete;
  font_set& operator=(const font_set&) = delete;
  ~font_set();

  /// Resolves and loads the given roles. A role that is unknown or has no
  /// usable candidate adds an error naming the role and the candidates tried;
  /// returns nullptr when any requested role failed.
  /// Roles in `optional` are loaded when fonts.xml defines them and a face is
  /// found; their absence is no error.
  static std::unique_ptr<font_set> load(const model::font_config& config,
                                        const std::vector<std::string>& roles,
                                        const font_options& options, diagnostics& diags,
                                        const std::string& config_name = "fonts.xml",
                                        const std::vector<std::string>& optional = {});

  /// The face of a role, or nullptr when the role was not loaded.
  const face* get(const std::string& role) const;
  /// All loaded faces, in the order requested.
  const std::vector<std::unique_ptr<face>>& faces() const { return faces_; }

 private:
  font_set() = default;
  FT_Library ft_lib_ = nullptr;
  std::vector<std::unique_ptr<face>> faces_;
};

}  // namespace hongtou::fonts
