// SPDX-License-Identifier: Apache-2.0
#pragma once
// face_cache: every face the engine has opened, keyed by file and face
// index, so a file used by several roles or layouts is read once. One per
// engine; safe to use from several threads.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "fonts/face.hpp"
#include "fonts/provider.hpp"

typedef struct FT_LibraryRec_* FT_Library;

namespace hongtou::fonts {

class face_cache {
 public:
  face_cache();
  ~face_cache();
  face_cache(const face_cache&) = delete;
  face_cache& operator=(const face_cache&) = delete;

  /// The face at `src`, loaded on first use; the same face for the same file
  /// and index. nullptr when the data is not a usable font (the reason in `error`).
  const face* open(const font_source& src, std::string& error);
  /// The face with this id (face::id()), or nullptr.
  const face* find(uint32_t id) const;
  /// Font files larger than this are refused (0 = any size); set before use.
  void set_max_file_bytes(uint64_t bytes) { max_file_bytes_ = bytes; }
  /// Where faces keep their trimmed copies (fonts/trimmed.hpp); set before use.
  void set_trim(const trim_settings& settings) { trim_ = settings; }

 private:
  mutable std::mutex mutex_;
  FT_Library ft_ = nullptr;
  uint64_t max_file_bytes_ = 0;
  trim_settings trim_;
  std::map<std::string, hb_blob_t*> blobs_;  // one per file
  std::map<std::pair<std::string, unsigned>, face*> by_source_;
  std::vector<std::unique_ptr<face>> faces_;  // faces_[id - 1]
};

}  // namespace hongtou::fonts
