// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Flate compression of every stream the PDF writer fills (content
// streams, font files, ToUnicode maps, images, the ICC profile): a zlib
// stream (RFC 1950, the FlateDecode of ISO 32000-1 7.4.4) made by
// libdeflate, two to three times faster than zlib at the same level
// (docs/performance.md).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hongtou::render::detail {

/// The zlib stream of `size` bytes at `data`, at level 6 (zlib's default,
/// what libharu used). Deterministic: the same bytes give the same stream.
/// Empty only if the compression failed. Throws std::bad_alloc when
/// libdeflate cannot get its memory.
std::vector<uint8_t> deflate(const uint8_t* data, size_t size);

}  // namespace hongtou::render::detail
