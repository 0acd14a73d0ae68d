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

/// How hard a stream is compressed. Font programs are outlines already
/// packed tight (Type 2 charstrings, glyf): level 6 makes a CFF subset 1 %
/// smaller than level 1 does, in 1.8 times the time, where the text of a
/// content stream is 7 % smaller (docs/performance.md).
enum class effort {
  dense,  // level 6, zlib's default, what libharu used: content, ToUnicode, images
  fast,   // level 1: font programs
};

/// The zlib stream of `size` bytes at `data`. Deterministic: the same bytes
/// and effort give the same stream. Empty only if the compression failed.
/// Throws std::bad_alloc when libdeflate cannot get its memory.
std::vector<uint8_t> deflate(const uint8_t* data, size_t size, effort e = effort::dense);

}  // namespace hongtou::render::detail
