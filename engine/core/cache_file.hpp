// SPDX-License-Identifier: Apache-2.0
#pragma once
// cache_writer: a file of a cache folder (the font cache: trimmed copies of
// faces, fontconfig's list of faces), written whole or not at all — a
// temporary file beside it, renamed over it. The temporary file is opened
// first, so that nothing is computed for a folder that cannot be written.
// A cache is an optimisation: a caller that cannot write one goes on without.
#include <cstdint>
#include <string>
#include <vector>

namespace hongtou {

class cache_writer {
 public:
  /// Opens a temporary file beside `target`, making its folder when missing:
  /// a folder this makes is the user's own (0700), as the file (0600).
  explicit cache_writer(const std::string& target);
  ~cache_writer();
  cache_writer(const cache_writer&) = delete;
  cache_writer& operator=(const cache_writer&) = delete;

  /// False when the temporary file could not be opened.
  bool ready() const { return fd_ >= 0; }
  /// Writes `bytes` and renames the file over the target; false (and no
  /// file left behind) on failure.
  bool commit(const std::vector<uint8_t>& bytes);

 private:
  std::string target_, temp_;
  int fd_ = -1;
};

}  // namespace hongtou
