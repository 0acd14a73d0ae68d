// SPDX-License-Identifier: Apache-2.0
#pragma once
// SHA-256 digests for `hongtou batch` (the PDFs of its report and journal,
// the inputs of a resumable run, the shard of an input), by GLib's
// GChecksum: GLib is loaded anyway (HarfBuzz links it), where OpenSSL's
// libcrypto cost every process 1.4 MiB and its relocations.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hongtou::cli {

/// An incremental SHA-256.
class sha256 {
 public:
  sha256();
  ~sha256();
  sha256(const sha256&) = delete;
  sha256& operator=(const sha256&) = delete;

  void update(const void* data, size_t size);
  void update(std::string_view text) { update(text.data(), text.size()); }
  /// The 32 bytes of the digest; the object is spent after it.
  std::string final_bytes();
  /// The digest as 64 lower-case hex digits.
  std::string final_hex();

 private:
  void* ctx_;  // GChecksum
};

/// The digest of `data` as 64 lower-case hex digits.
std::string sha256_hex(const void* data, size_t size);
inline std::string sha256_hex(std::string_view text) {
  return sha256_hex(text.data(), text.size());
}

/// The digest of the file at `path` in hex; false with the reason otherwise.
bool sha256_file(const std::string& path, std::string& hex, uint64_t& size, std::string& error);

}  // namespace hongtou::cli
