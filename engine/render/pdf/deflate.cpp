// SPDX-License-Identifier: Apache-2.0
#include "render/pdf/deflate.hpp"

#include <libdeflate.h>

#include <memory>
#include <new>

namespace hongtou::render::detail {

namespace {

constexpr int level = 6;

using compressor_ptr = std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)>;

// One compressor per thread, made on the thread's first stream and kept: a
// compressor is not safe to share, and making one costs more than a small
// stream's compression.
libdeflate_compressor* thread_compressor() {
  thread_local compressor_ptr c(nullptr, libdeflate_free_compressor);
  if (!c) c.reset(libdeflate_alloc_compressor(level));
  if (!c) throw std::bad_alloc();
  return c.get();
}

}  // namespace

std::vector<uint8_t> deflate(const uint8_t* data, size_t size) {
  libdeflate_compressor* c = thread_compressor();
  std::vector<uint8_t> out(libdeflate_zlib_compress_bound(c, size));
  const size_t n = libdeflate_zlib_compress(c, data, size, out.data(), out.size());
  out.resize(n);  // 0 (nothing fits) cannot happen within the bound; the caller checks
  return out;
}

}  // namespace hongtou::render::detail
