// SPDX-License-Identifier: Apache-2.0
#include "core/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hongtou {

namespace {

// Why a file of this mode is not read, or empty for a regular file.
std::string refusal(mode_t mode) {
  if (S_ISREG(mode)) return {};
  if (S_ISDIR(mode)) return "it is a folder, not a file";
  if (S_ISFIFO(mode)) return "it is not a regular file (a FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is not a regular file (a device)";
  if (S_ISSOCK(mode)) return "it is not a regular file (a socket)";
  return "it is not a regular file";
}

bool within(uint64_t size, uint64_t max_bytes, std::string& error, const char* limit_name) {
  if (max_bytes == 0 || size <= max_bytes) return true;
  error = over_limit("it is " + byte_size(size), byte_size(max_bytes), limit_name);
  return false;
}

}  // namespace

std::string byte_size(uint64_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 20))
    return std::to_string(bytes >> 20) + "." + std::to_string((bytes % (1u << 20)) * 10 >> 20) +
           " MiB";
  if (bytes >= (1u << 10)) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string over_limit(const std::string& what, const std::string& limit, const char* name) {
  return what + ", more than the limit of " + limit + " (limits::" + name + ")";
}

bool check_regular_file(const std::string& path, uint64_t max_bytes, std::string& error,
                        const char* limit_name) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (error = refusal(st.st_mode); !error.empty()) return false;
  return within(static_cast<uint64_t>(st.st_size), max_bytes, error, limit_name);
}

bool read_regular_file(const std::string& path, uint64_t max_bytes, std::string& out,
                       std::string& error, const char* limit_name) {
  out.clear();
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct closer {
    int fd;
    ~closer() { ::close(fd); }
  } close_it{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (error = refusal(st.st_mode); !error.empty()) return false;
  if (!within(static_cast<uint64_t>(st.st_size), max_bytes, error, limit_name)) return false;
  // The size may change while reading (a file being written): the limit holds
  // for what is read, not for what stat said.
  out.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      out.clear();
      return false;
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (max_bytes != 0 && out.size() > max_bytes) {
      error = over_limit("it is larger", byte_size(max_bytes), limit_name);
      out.clear();
      return false;
    }
  }
  return true;
}

}  // namespace hongtou
