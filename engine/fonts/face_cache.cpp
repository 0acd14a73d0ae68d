// SPDX-License-Identifier: Apache-2.0
#include "fonts/face_cache.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <filesystem>

#include "core/c_ptr.hpp"
#include "core/file.hpp"

namespace hongtou::fonts {
namespace {

using blob_ptr = c_ptr<hb_blob_t, hb_blob_destroy>;
using bytes_ref = std::shared_ptr<const std::vector<uint8_t>>;

// In-memory bytes as a blob that keeps them alive: the blob holds its own
// reference to the shared bytes and drops it when HarfBuzz destroys it.
hb_blob_t* memory_blob(const bytes_ref& data) {
  auto holder = std::make_unique<bytes_ref>(data);
  const auto* bytes = reinterpret_cast<const char*>(data->data());
  const auto size = static_cast<unsigned>(data->size());
  return hb_blob_create_or_fail(
      bytes, size, HB_MEMORY_MODE_READONLY, holder.release(),
      [](void* p) { std::unique_ptr<bytes_ref> owned(static_cast<bytes_ref*>(p)); });
}

}  // namespace

face_cache::face_cache() {
  if (FT_Init_FreeType(&ft_) != 0) ft_ = nullptr;
}

face_cache::~face_cache() {
  faces_.clear();  // each face drops its reference to its file's blob
  for (auto& [path, blob] : blobs_) hb_blob_destroy(blob);
  if (ft_) FT_Done_FreeType(ft_);
}

const face* face_cache::find(uint32_t id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return id >= 1 && id <= faces_.size() ? faces_[id - 1].get() : nullptr;
}

const face* face_cache::open(const font_source& src, std::string& error) {
  // One lock for the whole opening: FreeType's library is not safe for
  // concurrent face creation, and the maps change.
  std::lock_guard<std::mutex> lock(mutex_);
  const auto key = std::make_pair(src.path, src.index);
  if (auto it = by_source_.find(key); it != by_source_.end()) return it->second;
  if (!ft_) {
    error = "cannot initialise FreeType";
    return nullptr;
  }

  // The file's bytes, read once for all its faces.
  blob_ptr blob;
  if (auto it = blobs_.find(src.path); it != blobs_.end())
    blob.reset(hb_blob_reference(it->second));
  else if (src.data)
    blob.reset(memory_blob(src.data));
  else if (!check_regular_file(src.path, max_file_bytes_, error, "font_bytes")) {
    // Checked before HarfBuzz opens it: a FIFO would block, a device never end.
    error = "cannot read " + src.path + ": " + error;
    return nullptr;
  } else
    blob.reset(hb_blob_create_from_file_or_fail(src.path.c_str()));
  if (!blob || hb_blob_get_length(blob.get()) == 0) {
    error = "cannot read " + src.path;
    return nullptr;
  }

  std::unique_ptr<face> f(new face());
  f->path_ = src.path;
  f->index_ = src.index;
  f->trim_ = trim_;
  f->hb_face_ = hb_face_create(blob.get(), src.index);
  if (hb_face_get_glyph_count(f->hb_face_) == 0) {
    error = src.path + " is not a font or has no face " + std::to_string(src.index);
    return nullptr;
  }
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  if (FT_New_Memory_Face(ft_, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(len),
                         static_cast<FT_Long>(src.index), &f->ft_) != 0) {
    f->ft_ = nullptr;
    error = "FreeType cannot read face " + std::to_string(src.index) + " of " + src.path;
    return nullptr;
  }
  f->read_metrics();
  if (f->family_.empty()) f->family_ = std::filesystem::path(src.path).stem().string();

  // Into the maps so that std::bad_alloc on the way leaves no leak and no
  // entry pointing to a face the cache does not hold.
  f->id_ = static_cast<uint32_t>(faces_.size() + 1);
  f->blob_ = hb_blob_reference(blob.get());
  if (!blobs_.count(src.path)) {
    blobs_.emplace(src.path, blob.get());
    blob.release();  // the map's reference now
  }
  face* const out = f.get();
  faces_.push_back(std::move(f));
  by_source_.emplace(key, out);
  return out;
}

}  // namespace hongtou::fonts
