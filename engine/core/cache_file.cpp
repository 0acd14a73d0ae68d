// SPDX-License-Identifier: Apache-2.0
#include "core/cache_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace hongtou {

cache_writer::cache_writer(const std::string& target) : target_(target) {
  std::error_code ec;
  const std::filesystem::path folder = std::filesystem::path(target).parent_path();
  if (std::filesystem::create_directories(folder, ec))
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
  temp_ = target + ".XXXXXX";
  fd_ = ::mkstemp(temp_.data());  // 0600
}

cache_writer::~cache_writer() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_.c_str());
  }
}

bool cache_writer::commit(const std::vector<uint8_t>& bytes) {
  if (fd_ < 0) return false;
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 || ::rename(temp_.c_str(), target_.c_str()) != 0) {
    ::unlink(temp_.c_str());
    return false;
  }
  return true;
}

}  // namespace hongtou
