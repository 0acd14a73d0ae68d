// SPDX-License-Identifier: Apache-2.0
// The data folder of an engine, found from where the code runs: an
// installed tree keeps its data in <prefix>/share/hongtou, beside the
// <prefix>/lib of the library or the <prefix>/bin of a program linked with
// it statically, wherever the tree was moved; the build tree uses the source
// tree's data.
#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "api/data_dir.hpp"

namespace hongtou::detail {

namespace fs = std::filesystem;

namespace {

bool holds_layouts(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "layouts" / "gbt9704.xml", ec);
}

// The files the running code comes from: the module holding this function
// (libhongtou.so, or the program), and the program itself.
std::vector<fs::path> code_files() {
  std::vector<fs::path> out;
  std::error_code ec;
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&holds_layouts), &info) != 0 && info.dli_fname &&
      info.dli_fname[0] == '/')
    out.push_back(fs::canonical(info.dli_fname, ec));
  const fs::path self = fs::canonical("/proc/self/exe", ec);
  if (!ec) out.push_back(self);
  return out;
}

// The build tree's own binaries: its programs in bin/ and its libraries at its top.
bool built_here(const fs::path& file, const fs::path& build) {
  return file.parent_path() == build || file.parent_path() == build / "bin";
}

}  // namespace

std::string default_data_dir() {
  std::error_code ec;
  const fs::path build = fs::weakly_canonical(HONGTOU_BUILD_DIR, ec);
  bool in_build_tree = false;
  for (const fs::path& file : code_files()) {
    if (file.empty()) continue;
    if (built_here(file, build)) {
      in_build_tree = true;
      continue;
    }
    // <prefix>/bin/program, <prefix>/lib/libhongtou.so or
    // <prefix>/lib/<multiarch>/libhongtou.so -> <prefix>/share/hongtou
    const fs::path dir = file.parent_path();
    for (const fs::path& prefix : {dir.parent_path(), dir.parent_path().parent_path()})
      if (holds_layouts(prefix / "share" / "hongtou"))
        return (prefix / "share" / "hongtou").string();
  }
  if (const char* env = std::getenv("HONGTOU_DATA_DIR"); env && *env) return env;
  if (in_build_tree && holds_layouts(HONGTOU_SOURCE_DATA_DIR)) return HONGTOU_SOURCE_DATA_DIR;
  return HONGTOU_INSTALLED_DATA_DIR;
}

std::string default_font_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && xdg[0] == '/') return std::string(xdg) + "/hongtou/fonts";
  const char* home = std::getenv("HOME");
  if (home && home[0] == '/') return std::string(home) + "/.cache/hongtou/fonts";
  return {};
}

}  // namespace hongtou::detail
