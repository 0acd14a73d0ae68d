// SPDX-License-Identifier: Apache-2.0
// memory_provider: fonts an application hands over as bytes, found like the
// files of a folder.
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <utility>

#include "core/c_ptr.hpp"
#include "fonts/names.hpp"
#include "fonts/provider.hpp"

namespace hongtou::fonts {
namespace {

class memory_fonts : public provider {
 public:
  explicit memory_fonts(std::vector<memory_font> fonts) {
    // Sorted by name like a folder's files; stable, so equal names keep the
    // application's order.
    std::stable_sort(fonts.begin(), fonts.end(),
                     [](const memory_font& a, const memory_font& b) { return a.name < b.name; });
    FT_Library raw = nullptr;
    if (FT_Init_FreeType(&raw) != 0) return;
    const c_ptr<FT_LibraryRec_, FT_Done_FreeType> lib(raw);
    for (auto& font : fonts) {
      auto data = std::make_shared<const std::vector<uint8_t>>(std::move(font.data));
      auto found = detail::read_faces(lib.get(), font.name, "memory:" + font.name, data);
      faces_.insert(faces_.end(), found.begin(), found.end());
      files_.push_back({font.name, std::move(data)});
    }
  }

  bool find_family(const font_candidate& c, font_source& out) const override {
    const detail::listed_face* f = detail::pick_family(faces_, c);
    if (!f) return false;
    out = {f->path, f->index, f->data, "memory"};
    return true;
  }

  bool find_file(const font_candidate& c, font_source& out) const override {
    for (const auto& [name, data] : files_)
      if (!c.file.empty() && name == c.file) {
        out = {"memory:" + name, static_cast<unsigned>(c.index), data, "memory"};
        return true;
      }
    return false;
  }

  std::string describe() const override { return "in-memory fonts"; }

 private:
  std::vector<detail::listed_face> faces_;
  // Every font by name, for file candidates (the face cache rejects what is no font).
  std::vector<std::pair<std::string, std::shared_ptr<const std::vector<uint8_t>>>> files_;
};

}  // namespace

std::unique_ptr<provider> memory_provider(std::vector<memory_font> fonts) {
  return std::make_unique<memory_fonts>(std::move(fonts));
}

}  // namespace hongtou::fonts
