// SPDX-License-Identifier: Apache-2.0
#include "api/read_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/c_ptr.hpp"

namespace hongtou::detail {

bool read_whole_file(const std::string& path, std::string& out, std::string& error,
                     size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "it is a folder, not a file";
    return false;
  }
  c_ptr<std::FILE, std::fclose> f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    error = std::strerror(errno);
    return false;
  }
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    out.append(buf, n);
    if (out.size() > max_bytes) {
      error = "it is larger than " + std::to_string(max_bytes >> 20) + " MiB";
      return false;
    }
  }
  if (std::ferror(f.get())) {
    error = std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace hongtou::detail
