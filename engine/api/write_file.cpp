// SPDX-License-Identifier: Apache-2.0
#include "api/write_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace hongtou::detail {

namespace fs = std::filesystem;

namespace {

// A name nobody can guess in advance: the process and 64 random bits.
std::string random_suffix() {
  static std::atomic<uint64_t> counter{0};
  thread_local std::mt19937_64 bits{std::random_device{}() ^ (counter.fetch_add(1) << 32)};
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(bits()));
  return std::to_string(::getpid()) + "-" + hex;
}

std::string reason(const std::string& what, int error) {
  return what + ": " + std::strerror(error);
}

}  // namespace

bool write_atomically(const std::string& output, const std::vector<uint8_t>& bytes,
                      std::string& error) {
  // The file written: the target of a symbolic link, else the path itself.
  fs::path target(output);
  std::error_code ec;
  if (fs::is_symlink(target, ec)) {
    const fs::path resolved = fs::weakly_canonical(target, ec);
    if (ec) {
      error = reason("cannot follow the symbolic link", ec.value());
      return false;
    }
    target = resolved;
  }
  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    error =
        "cannot write " + output +
        (S_ISDIR(existing.st_mode) ? ": it is a folder"
                                   : ": it is not a regular file (- writes to standard output)");
    return false;
  }
  // A new file beside it under a random name, created exclusively (a name
  // already there, even a link, is never opened: another name is tried).
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    tmp = target.string() + ".tmp-" + random_suffix();
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    error = reason("cannot create the output file", errno);
    return false;
  }
  const auto fail = [&](const std::string& what) {
    const int e = errno;  // before the clean-up can change it
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());  // the file this call created, nothing else
    error = reason(what, e);
    return false;
  };
  if (exists) {
    if (::fchmod(fd, existing.st_mode & 07777) != 0) return fail("cannot keep the file's mode");
    if (::fchown(fd, existing.st_uid, existing.st_gid) != 0 && errno != EPERM)
      return fail("cannot keep the file's owner");
  }
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write the output file");
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    fd = -1;
    return fail("cannot write the output file");
  }
  fd = -1;
  if (std::rename(tmp.c_str(), target.c_str()) != 0)
    return fail("cannot rename the output into place");
  return true;
}

}  // namespace hongtou::detail
