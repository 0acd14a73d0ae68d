// SPDX-License-Identifier: Apache-2.0
#pragma once
// PNG decoding for raster images (seals), with libpng and under size limits;
// libharu's own PNG loader is not used (a failed load can leave its document
// in a state that crashes at HPDF_Free). Every colour type and bit depth
// becomes 8-bit RGB plus 8-bit alpha, the form frames::image carries.
//
// The namespace is `raster`, not `image`: `hongtou::image` is the struct of
// frames/frames.hpp, and a translation unit sees both.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hongtou::raster {

/// The largest PNG accepted; dimensions are checked on the header, before
/// any pixel memory is allocated.
struct png_limits {
  uint32_t max_width = 4096, max_height = 4096;
  size_t max_pixels = 16'000'000;      // width · height
  size_t max_file = 32 * 1024 * 1024;  // bytes of PNG data
};

/// Pixels in rows from top to bottom, left to right.
struct decoded_image {
  uint32_t width = 0, height = 0;
  std::vector<uint8_t> rgb;    // width · height · 3 bytes
  std::vector<uint8_t> alpha;  // width · height bytes; empty when every pixel is opaque
};

/// Decodes the PNG in `data` (palette, grey, grey + alpha, RGB, RGBA; 1 to 16
/// bits; interlaced or not; tRNS becomes alpha; 16 bits are scaled to 8; no
/// gamma correction). Returns false with the reason in `error` ("not a PNG
/// file", "truncated PNG data", "the image is … pixels; at most … are
/// accepted", "invalid PNG data: IDAT: CRC error", …); `out` is then empty.
/// Throws std::bad_alloc when memory runs out.
bool decode_png(const uint8_t* data, size_t size, const png_limits& limits, decoded_image& out,
                std::string& error);

/// Reads and decodes the PNG file at `path`; a file larger than
/// `limits.max_file` is refused before it is read. Returns false with the
/// reason in `error` (the messages of decode_png, or why the file cannot be read).
bool read_png_file(const std::string& path, const png_limits& limits, decoded_image& out,
                   std::string& error);

}  // namespace hongtou::raster
