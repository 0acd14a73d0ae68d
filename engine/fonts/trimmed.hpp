// SPDX-License-Identifier: Apache-2.0
#pragma once
// trimmed_face: a smaller copy of a big CJK face (Noto CJK: 65,535 glyphs)
// holding only the glyphs of the characters documents use — GB 2312, ASCII,
// Latin-1 and the punctuation, number and symbol blocks — with every glyph
// HarfBuzz's layout closure reaches from them. Planning a subset of it costs
// a fraction of planning one of the whole face, for every render of a
// process; it is made once per font file and kept in a cache folder.
//
// A subset made from the trimmed face has the same bytes as one made from
// the whole face (the same glyph order, CIDs and outlines): the PDF does not
// depend on whether the cache was there. That is checked when the copy is
// made, on a sample of its glyphs; a face that fails the check is recorded
// as one not to trim. A glyph outside the copy makes the subset come from
// the whole face (docs/performance.md).
#include <hb.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hongtou::fonts {

class face;

/// Where and what to trim (engine_options::font_cache_dir).
struct trim_settings {
  /// The cache folder; empty = no trimming.
  std::string folder;
  /// Faces with fewer glyphs than this are subset directly.
  unsigned min_glyphs = 20000;
};

class trimmed_face {
 public:
  ~trimmed_face();
  trimmed_face(const trimmed_face&) = delete;
  trimmed_face& operator=(const trimmed_face&) = delete;

  /// The trimmed copy of `full` from the cache folder, made and stored
  /// there first when it is missing or stale. nullptr when the face is too
  /// small to be worth it, when the folder cannot be written, or when the
  /// face is recorded as one whose copy would not subset to the same bytes.
  static std::unique_ptr<trimmed_face> open(const face& full, const trim_settings& settings);

  /// The copy as HarfBuzz's face, or (preprocessed) a copy of it prepared
  /// once by hb_subset_preprocess(). Thread-safe.
  hb_face_t* source(bool preprocessed) const;
  /// The copy's glyph ids of the whole face's `glyphs`; false when one of
  /// them is not in the copy.
  bool map(const std::vector<uint32_t>& glyphs, std::vector<uint32_t>& out) const;
  /// How many glyphs the copy holds.
  size_t size() const { return kept_.size(); }

  /// The characters a trimmed face keeps (with their layout closure).
  static const std::vector<uint32_t>& characters();
  /// The cache file of `full` in `folder` (named after the font file's
  /// identity: path, face index, size, modification time, inode).
  static std::string cache_file(const face& full, const std::string& folder);

 private:
  trimmed_face() = default;
  // The copy stored at `path` when its key is `key`; `not_to_trim` when the
  // file records the face as one not to trim.
  static std::unique_ptr<trimmed_face> read(const face& full, const std::string& key,
                                            const std::string& path, bool& not_to_trim);

  hb_blob_t* file_ = nullptr;
  hb_face_t* face_ = nullptr;
  std::vector<uint32_t> kept_;  // the whole face's glyph ids, ascending: kept_[trimmed id]
  mutable std::once_flag preprocess_once_;
  mutable hb_face_t* preprocessed_ = nullptr;
};

}  // namespace hongtou::fonts
