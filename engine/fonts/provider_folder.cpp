// SPDX-License-Identifier: Apache-2.0
// folder_provider: the font files of one folder, their names read once.
#include <dirent.h>
#include <sys/stat.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <filesystem>

#include "core/c_ptr.hpp"
#include "fonts/names.hpp"
#include "fonts/provider.hpp"

namespace hongtou::fonts {
namespace {

namespace fs = std::filesystem;

bool is_font_file(const fs::path& p) {
  const std::string ext = p.extension().string();
  for (const char* e : {".ttf", ".otf", ".ttc", ".otc"})
    if (detail::same_name(ext, e)) return true;
  return false;
}

// The font files of dir that are regular files (links followed); none when it
// cannot be listed. With POSIX, not std::filesystem::directory_iterator:
// libstdc++ advances that in a noexcept function that allocates, where
// std::bad_alloc would terminate.
std::vector<fs::path> font_files(const std::string& dir) {
  std::vector<fs::path> files;
  const c_ptr<DIR, closedir> listing(opendir(dir.c_str()));
  if (!listing) return files;
  while (const dirent* e = readdir(listing.get())) {
    fs::path p = fs::path(dir) / e->d_name;
    struct stat st;
    if (is_font_file(p) && stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      files.push_back(std::move(p));
  }
  return files;
}

class folder_fonts : public provider {
 public:
  explicit folder_fonts(const std::string& dir) : dir_(dir) {
    // Sorted by name, so the face chosen among equals does not depend on
    // the order the file system lists them in.
    std::vector<fs::path> files = font_files(dir);
    std::sort(files.begin(), files.end());
    FT_Library raw = nullptr;
    if (FT_Init_FreeType(&raw) != 0) return;
    const c_ptr<FT_LibraryRec_, FT_Done_FreeType> lib(raw);
    for (const auto& p : files) {
      auto found = detail::read_faces(lib.get(), p.filename().string(), p.string(), nullptr);
      faces_.insert(faces_.end(), found.begin(), found.end());
    }
  }

  bool find_family(const font_candidate& c, font_source& out) const override {
    const detail::listed_face* f = detail::pick_family(faces_, c);
    if (!f) return false;
    out = {f->path, f->index, nullptr, found_by()};
    return true;
  }

  // Any file of that name (the face cache rejects what is no font), an
  // absolute path as it is.
  bool find_file(const font_candidate& c, font_source& out) const override {
    if (c.file.empty()) return false;
    const fs::path p = fs::path(c.file).is_absolute() ? fs::path(c.file) : fs::path(dir_) / c.file;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return false;
    out = {p.string(), static_cast<unsigned>(c.index), nullptr, found_by()};
    return true;
  }

  std::string describe() const override { return found_by(); }

 private:
  std::string found_by() const { return "folder " + dir_; }

  std::string dir_;
  std::vector<detail::listed_face> faces_;
};

}  // namespace

std::unique_ptr<provider> folder_provider(const std::string& dir) {
  return std::make_unique<folder_fonts>(dir);
}

}  // namespace hongtou::fonts
