// SPDX-License-Identifier: Apache-2.0
#pragma once
// trimmed_face: a smaller copy of a big CJK face (Noto CJK: 65,535 glyphs)
// holding only the glyphs of the characters documents use — GB 2312, ASCII,
// Latin-1 and the punctuation, number and symbol blocks — with every glyph
// HarfBuzz's layout closure reaches from them, already prepared as an
// embedded font is (no hints, subroutines or layout tables). Planning a
// subset of it costs a fraction of planning one of the whole face.
//
// Every face of 20,000 glyphs or more is subset from its copy whenever the
// copy holds the document's glyphs, and from the whole face otherwise: the
// PDF depends on the fonts and the document only. hb-subset does not always
// give the same bytes from the copy as from the whole face (a charset may be
// encoded differently), so the copy is used whether or not a cache folder
// keeps it: made once per font file into the folder and read from there, or
// made in memory by each engine when there is none (docs/performance.md).
#include <hb.h>

#include "fonts/cff.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hongtou::fonts {

class face;

/// Where the copies are kept (engine_options::font_cache_dir).
struct trim_settings {
  /// The cache folder; empty: copies are made in memory.
  std::string folder;
};

class trimmed_face {
 public:
  ~trimmed_face();
  trimmed_face(const trimmed_face&) = delete;
  trimmed_face& operator=(const trimmed_face&) = delete;

  /// The trimmed copy of `full`: from the cache folder, or made (and stored
  /// there when the folder can be written). nullptr when the face is too
  /// small to be worth it or hb-subset cannot trim it in glyph order.
  static std::unique_ptr<trimmed_face> open(const face& full, const trim_settings& settings);

  /// The copy as HarfBuzz's face, or (preprocessed) a copy of it prepared
  /// once by hb_subset_preprocess(). Thread-safe.
  hb_face_t* source(bool preprocessed) const;
  /// The copy's glyph ids of the whole face's `glyphs`; false when one of
  /// them is not in the copy.
  bool map(const std::vector<uint32_t>& glyphs, std::vector<uint32_t>& out) const;
  /// The copy's CFF ready to be subset by copying (a CJK face's copy always
  /// is: CID-keyed, flattened when made), else nullptr. Thread-safe.
  const cff::copy_source* cff_copy() const;
  /// How many glyphs the copy holds.
  size_t size() const { return kept_.size(); }

  /// Faces with fewer glyphs than this are subset whole (FandolFang: 10,365).
  static constexpr unsigned min_glyphs = 20000;
  /// The characters a trimmed face keeps (the glyphs they are shaped to).
  static const std::vector<uint32_t>& characters();
  /// The cache file of `full` in `folder`, named after its path and face
  /// index; the file's identity (size, time, inode, head table) and
  /// HarfBuzz's version are checked inside it.
  static std::string cache_file(const face& full, const std::string& folder);

 private:
  trimmed_face() = default;
  // The copy stored at `path` when its key is `key`; `not_to_trim` when the
  // file records the face as one not to trim.
  static std::unique_ptr<trimmed_face> read(const face& full, const std::string& key,
                                            const std::string& path, bool& not_to_trim);

  std::vector<uint8_t> bytes_;  // the copy made in memory (empty when read from a file)
  hb_blob_t* file_ = nullptr;
  hb_face_t* face_ = nullptr;
  std::vector<uint32_t> kept_;  // the whole face's glyph ids, ascending: kept_[trimmed id]
  mutable std::once_flag preprocess_once_, copy_once_;
  mutable std::unique_ptr<cff::copy_source> copy_;
  mutable hb_face_t* preprocessed_ = nullptr;
};

}  // namespace hongtou::fonts
