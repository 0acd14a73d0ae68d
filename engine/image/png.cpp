// SPDX-License-Identifier: Apache-2.0
// PNG -> 8-bit RGB + alpha with libpng. libpng reports errors by longjmp, which
// skips destructors: the libpng calls live in plain functions (read_header,
// read_rows) whose frames hold no C++ object with a destructor, and every
// buffer they fill belongs to decode_png, which never calls setjmp itself.
#include "image/png.hpp"

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <new>

namespace hongtou::raster {

namespace {

constexpr uint8_t png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
constexpr size_t ihdr_end = 8 + 8 + 13 + 4;  // signature, length and type, data, CRC

uint32_t read_be32(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | uint32_t{p[3]};
}

std::string size_text(uint32_t width, uint32_t height) {
  return std::to_string(width) + " × " + std::to_string(height);
}

// What a file that is not a PNG seems to be, for the message.
std::string not_png_message(const uint8_t* data, size_t size) {
  auto starts = [&](const char* magic, size_t n) {
    return size >= n && std::memcmp(data, magic, n) == 0;
  };
  const char* kind = nullptr;
  if (starts("\xff\xd8\xff", 3))
    kind = "JPEG";
  else if (starts("GIF8", 4))
    kind = "GIF";
  else if (size >= 12 && starts("RIFF", 4) && std::memcmp(data + 8, "WEBP", 4) == 0)
    kind = "WebP";
  else if (starts("II*\0", 4) || starts("MM\0*", 4))
    kind = "TIFF";
  else if (starts("BM", 2))
    kind = "BMP";
  else if (starts("%PDF", 4))
    kind = "PDF";
  if (!kind) return "not a PNG file";
  return std::string("not a PNG file (it looks like a ") + kind + " file)";
}

bool check_dimensions(uint32_t width, uint32_t height, const png_limits& limits,
                      std::string& error) {
  if (width == 0 || height == 0) {
    error = "the image is " + size_text(width, height) +
            " pixels; its width and height must be at least 1";
    return false;
  }
  if (width > limits.max_width || height > limits.max_height) {
    error = "the image is " + size_text(width, height) + " pixels; at most " +
            size_text(limits.max_width, limits.max_height) + " are accepted";
    return false;
  }
  const uint64_t pixels = uint64_t{width} * height;
  if (pixels > limits.max_pixels) {
    error = "the image is " + size_text(width, height) + " pixels (" + std::to_string(pixels) +
            " in all); at most " + std::to_string(limits.max_pixels) + " pixels are accepted";
    return false;
  }
  return true;
}

// The IHDR's bit depth, colour type and methods (PNG 11.2.2), said more plainly than libpng does.
bool check_format(int depth, int color_type, int compression, int filter, int interlace,
                  std::string& error) {
  auto one_of = [depth](std::initializer_list<int> depths) {
    return std::find(depths.begin(), depths.end(), depth) != depths.end();
  };
  bool depth_ok = false;
  switch (color_type) {
    case 0:  // grey
      depth_ok = one_of({1, 2, 4, 8, 16});
      break;
    case 3:  // palette
      depth_ok = one_of({1, 2, 4, 8});
      break;
    case 2:  // RGB
    case 4:  // grey + alpha
    case 6:  // RGBA
      depth_ok = one_of({8, 16});
      break;
    default:
      error = "invalid PNG data: " + std::to_string(color_type) + " is not a PNG colour type";
      return false;
  }
  if (!depth_ok) {
    error = "invalid PNG data: bit depth " + std::to_string(depth) +
            " is not allowed with colour type " + std::to_string(color_type);
    return false;
  }
  const char* unknown = compression != 0 ? "compression"
                        : filter != 0    ? "filter"
                        : interlace > 1  ? "interlace"
                                         : nullptr;
  if (unknown) {
    error = std::string("invalid PNG data: unknown ") + unknown + " method";
    return false;
  }
  return true;
}

// The signature and the IHDR chunk, read by hand so that the size is checked
// before libpng reads anything (libpng checks the IHDR's CRC and fields again).
bool check_header(const uint8_t* data, size_t size, const png_limits& limits, std::string& error) {
  if (size == 0) {
    error = "the PNG data is empty";
    return false;
  }
  if (size > limits.max_file) {
    error = "the PNG data is " + std::to_string(size) + " bytes; at most " +
            std::to_string(limits.max_file) + " are accepted";
    return false;
  }
  if (std::memcmp(data, png_signature, std::min(size, sizeof png_signature)) != 0) {
    error = not_png_message(data, size);
    return false;
  }
  if (size < ihdr_end) {
    error = "truncated PNG data";
    return false;
  }
  if (read_be32(data + 8) != 13 || std::memcmp(data + 12, "IHDR", 4) != 0) {
    error = "invalid PNG data: it does not begin with an IHDR chunk";
    return false;
  }
  if (!check_dimensions(read_be32(data + 16), read_be32(data + 20), limits, error)) return false;
  return check_format(data[24], data[25], data[26], data[27], data[28], error);
}

// What the libpng callbacks and the setjmp functions share: plain data only.
struct png_session {
  png_structp png = nullptr;
  png_infop info = nullptr;
  const uint8_t* data = nullptr;
  size_t size = 0, pos = 0;
  bool truncated = false;  // the data ended before the PNG did
  char message[256] = {};  // libpng's last error
};

void read_data(png_structp png, png_bytep out, size_t n) {
  auto* s = static_cast<png_session*>(png_get_io_ptr(png));
  if (n > s->size - s->pos) {
    s->truncated = true;
    png_error(png, "truncated PNG data");
  }
  std::memcpy(out, s->data + s->pos, n);
  s->pos += n;
}

void on_error(png_structp png, png_const_charp message) {
  auto* s = static_cast<png_session*>(png_get_error_ptr(png));
  std::snprintf(s->message, sizeof s->message, "%s", message ? message : "unknown error");
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}  // benign: the library never prints

// Reads the chunks up to the image data and sets the transformations to 8-bit
// RGBA. False after a libpng error (the reason in s->message).
bool read_header(png_session* s) {
  if (setjmp(png_jmpbuf(s->png))) return false;
  png_read_info(s->png, s->info);
  const int color_type = png_get_color_type(s->png, s->info);
  const int bit_depth = png_get_bit_depth(s->png, s->info);
  const bool has_trns = png_get_valid(s->png, s->info, PNG_INFO_tRNS) != 0;
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(s->png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(s->png);
  if (has_trns) png_set_tRNS_to_alpha(s->png);
  if (bit_depth == 16) png_set_scale_16(s->png);
  if (!(color_type & PNG_COLOR_MASK_COLOR)) png_set_gray_to_rgb(s->png);
  if (!(color_type & PNG_COLOR_MASK_ALPHA) && !has_trns)
    png_set_add_alpha(s->png, 0xff, PNG_FILLER_AFTER);
  png_set_interlace_handling(s->png);
  png_read_update_info(s->png, s->info);
  return true;
}

// Reads every row (all passes when interlaced), then the chunks to IEND.
bool read_rows(png_session* s, png_bytep* rows) {
  if (setjmp(png_jmpbuf(s->png))) return false;
  png_read_image(s->png, rows);
  png_read_end(s->png, nullptr);
  return true;
}

std::string libpng_error(const png_session& s) {
  if (s.truncated) return "truncated PNG data";
  if (std::strcmp(s.message, "Out of memory") == 0) throw std::bad_alloc();
  return std::string("invalid PNG data: ") + s.message;
}

}  // namespace

bool decode_png(const uint8_t* data, size_t size, const png_limits& limits, decoded_image& out,
                std::string& error) {
  out = decoded_image{};
  if (!check_header(data, size, limits, error)) return false;

  png_session s;
  s.data = data;
  s.size = size;
  s.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &s, on_error, on_warning);
  if (!s.png) throw std::bad_alloc();
  struct destroy {
    png_session& s;
    ~destroy() { png_destroy_read_struct(&s.png, s.info ? &s.info : nullptr, nullptr); }
  } destroy_at_exit{s};
  s.info = png_create_info_struct(s.png);
  if (!s.info) throw std::bad_alloc();
  png_set_read_fn(s.png, &s, read_data);
  png_set_user_limits(s.png, limits.max_width, limits.max_height);
  png_set_crc_action(s.png, PNG_CRC_DEFAULT, PNG_CRC_ERROR_QUIT);  // a bad CRC on any chunk fails

  if (!read_header(&s)) {
    error = libpng_error(s);
    return false;
  }
  const uint32_t width = png_get_image_width(s.png, s.info);
  const uint32_t height = png_get_image_height(s.png, s.info);
  if (!check_dimensions(width, height, limits, error)) return false;
  if (png_get_channels(s.png, s.info) != 4 || png_get_bit_depth(s.png, s.info) != 8 ||
      png_get_rowbytes(s.png, s.info) != size_t{width} * 4) {
    error = "invalid PNG data: its pixels cannot be converted to 8-bit RGBA";
    return false;
  }

  const size_t pixels = size_t{width} * height;
  std::vector<uint8_t> rgba(pixels * 4);
  std::vector<png_bytep> rows(height);
  for (uint32_t y = 0; y < height; ++y) rows[y] = rgba.data() + size_t{y} * width * 4;
  if (!read_rows(&s, rows.data())) {
    error = libpng_error(s);
    return false;
  }

  out.width = width;
  out.height = height;
  out.rgb.resize(pixels * 3);
  out.alpha.resize(pixels);
  bool opaque = true;
  for (size_t i = 0; i < pixels; ++i) {
    std::memcpy(&out.rgb[i * 3], &rgba[i * 4], 3);
    out.alpha[i] = rgba[i * 4 + 3];
    opaque = opaque && out.alpha[i] == 0xff;
  }
  if (opaque) out.alpha = {};
  return true;
}

bool read_png_file(const std::string& path, const png_limits& limits, decoded_image& out,
                   std::string& error) {
  out = decoded_image{};
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "cannot read " + path + ": it is a folder, not a file";
    return false;
  }
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    error = "cannot read " + path + ": " + ec.message();
    return false;
  }
  if (size > limits.max_file) {
    error = "the file is " + std::to_string(size) + " bytes; at most " +
            std::to_string(limits.max_file) + " are accepted";
    return false;
  }
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  std::ifstream in(path, std::ios::binary);
  if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()))) {
    error = "cannot read " + path;
    return false;
  }
  return decode_png(bytes.data(), bytes.size(), limits, out, error);
}

}  // namespace hongtou::raster
