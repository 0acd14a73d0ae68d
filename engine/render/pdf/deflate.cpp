// SPDX-License-Identifier: Apache-2.0
#include "render/pdf/deflate.hpp"

#include <libdeflate.h>

#include <memory>
#include <new>

namespace hongtou::render::detail {

namespace {

using compressor_ptr = std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)>;

// One compressor per thread and effort, made on the thread's first stream
// and kept: a compressor is not safe to share, and making one costs more
// than a small stream's compression.
libdeflate_compressor* thread_compressor(effort e) {
  thread_local compressor_ptr dense(nullptr, libdeflate_free_compressor);
  thread_local compressor_ptr fast(nullptr, libdeflate_free_compressor);
  compressor_ptr& c = e == effort::fast ? fast : dense;
  if (!c) c.reset(libdeflate_alloc_compressor(e == effort::fast ? 1 : 6));
  if (!c) throw std::bad_alloc();
  return c.get();
}

}  // namespace

std::vector<uint8_t> deflate(const uint8_t* data, size_t size, effort e) {
  libdeflate_compressor* c = thread_compressor(e);
  std::vector<uint8_t> out(libdeflate_zlib_compress_bound(c, size));
  const size_t n = libdeflate_zlib_compress(c, data, size, out.data(), out.size());
  out.resize(n);  // 0 (nothing fits) cannot happen within the bound; the caller checks
  return out;
}

}  // namespace hongtou::render::detail
