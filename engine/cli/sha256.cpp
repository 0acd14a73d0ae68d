// SPDX-License-Identifier: Apache-2.0
#include "cli/sha256.hpp"

#include <fcntl.h>
#include <glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace hongtou::cli {

namespace {

GChecksum* context(void* p) {
  return static_cast<GChecksum*>(p);
}

std::string to_hex(const std::string& bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    hex += digits[b >> 4];
    hex += digits[b & 15];
  }
  return hex;
}

}  // namespace

sha256::sha256() : ctx_(g_checksum_new(G_CHECKSUM_SHA256)) {
  if (!ctx_) throw std::runtime_error("GLib cannot start a SHA-256 digest");
}

sha256::~sha256() {
  g_checksum_free(context(ctx_));
}

void sha256::update(const void* data, size_t size) {
  // g_checksum_update takes a gssize: a buffer larger than that goes in parts.
  const auto* bytes = static_cast<const guchar*>(data);
  constexpr size_t part = size_t{1} << 30;
  for (size_t done = 0; done < size; done += part)
    g_checksum_update(context(ctx_), bytes + done,
                      static_cast<gssize>(std::min(part, size - done)));
}

std::string sha256::final_bytes() {
  guint8 digest[32];
  gsize length = sizeof digest;
  g_checksum_get_digest(context(ctx_), digest, &length);
  if (length != sizeof digest) throw std::runtime_error("GLib cannot finish a SHA-256 digest");
  return std::string(reinterpret_cast<const char*>(digest), length);
}

std::string sha256::final_hex() {
  return to_hex(final_bytes());
}

std::string sha256_hex(const void* data, size_t size) {
  sha256 h;
  h.update(data, size);
  return h.final_hex();
}

bool sha256_file(const std::string& path, std::string& hex, uint64_t& size, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "it is not a regular file";
    ::close(fd);
    return false;
  }
  sha256 h;
  size = 0;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    h.update(buffer, static_cast<size_t>(n));
    size += static_cast<uint64_t>(n);
  }
  ::close(fd);
  hex = h.final_hex();
  return true;
}

}  // namespace hongtou::cli
