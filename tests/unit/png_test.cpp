// SPDX-License-Identifier: Apache-2.0
// PNG decoding: the sample seal, every colour type and bit depth (written here with libpng's
// encoder), interlacing, tRNS, 16-bit scaling; and the rejections — empty, not a PNG, every
// truncation, bad CRCs, sizes over the limits (refused on the header, before any allocation),
// zero sizes, and single-byte damage, none of which may crash.
#include "image/png.hpp"

#include <png.h>
#include <zlib.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "support/source.hpp"

using namespace hongtou::raster;
using hongtou::test::source_path;

namespace {

// ---- writing test PNGs with libpng ----

struct png_spec {
  uint32_t width = 13, height = 7;  // odd, so that Adam7 passes and packed rows are partial
  int color_type = PNG_COLOR_TYPE_RGB;
  int bit_depth = 8;
  bool interlaced = false;
  std::vector<png_color> palette;
  std::vector<uint8_t> trns_alpha;  // palette: the alpha of the first entries
  bool trns_color = false;          // grey, RGB: one colour is transparent
  png_color_16 trns{};
  std::vector<std::vector<uint8_t>> rows;  // packed, as stored in the file
};

void append(png_structp png, png_bytep data, size_t n) {
  auto* out = static_cast<std::vector<uint8_t>*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + n);
}

void flush(png_structp) {}

// libpng's errors longjmp out of this function; it holds nothing with a destructor.
bool write_png(png_structp png, png_infop info, const png_spec* spec, png_bytep* rows) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_IHDR(png, info, spec->width, spec->height, spec->bit_depth, spec->color_type,
               spec->interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (!spec->palette.empty())
    png_set_PLTE(png, info, spec->palette.data(), static_cast<int>(spec->palette.size()));
  if (!spec->trns_alpha.empty())
    png_set_tRNS(png, info, spec->trns_alpha.data(), static_cast<int>(spec->trns_alpha.size()),
                 nullptr);
  if (spec->trns_color) png_set_tRNS(png, info, nullptr, 0, &spec->trns);
  png_write_info(png, info);
  png_write_image(png, rows);
  png_write_end(png, nullptr);
  return true;
}

std::vector<uint8_t> encode(const png_spec& spec) {
  std::vector<uint8_t> out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(png, &out, append, flush);
  std::vector<png_bytep> rows;
  for (const auto& r : spec.rows) rows.push_back(const_cast<png_bytep>(r.data()));
  const bool ok = write_png(png, info, &spec, rows.data());
  png_destroy_write_struct(&png, &info);
  REQUIRE(ok);
  return out;
}

int channels_of(int color_type) {
  switch (color_type) {
    case PNG_COLOR_TYPE_GRAY:
    case PNG_COLOR_TYPE_PALETTE:
      return 1;
    case PNG_COLOR_TYPE_GRAY_ALPHA:
      return 2;
    case PNG_COLOR_TYPE_RGB:
      return 3;
    default:
      return 4;
  }
}

// Sample `c` of pixel (x, y), in 0 .. max: a pattern that reaches both ends.
uint32_t pattern(uint32_t x, uint32_t y, int c, uint32_t max) {
  return (x * 37 + y * 91 + uint32_t(c) * 53 + x * y * 7) % (max + 1);
}

void put_sample(std::vector<uint8_t>& row, size_t index, int depth, uint32_t v) {
  if (depth == 16) {
    row[index * 2] = uint8_t(v >> 8);
    row[index * 2 + 1] = uint8_t(v);
  } else if (depth == 8) {
    row[index] = uint8_t(v);
  } else {  // packed, the first sample in the high bits
    const size_t bit = index * size_t(depth);
    row[bit / 8] = uint8_t(row[bit / 8] | v << (8 - depth - bit % 8));
  }
}

uint8_t to_8_bits(uint32_t v, int depth) {
  const uint32_t max = (1u << depth) - 1;
  return uint8_t((v * 255 + max / 2) / max);
}

// A test image of the given type and depth and the 8-bit RGBA it must decode to.
struct test_image {
  png_spec spec;
  std::vector<uint8_t> rgba;
};

test_image make_image(int color_type, int bit_depth, bool interlaced, bool with_trns = false) {
  test_image t;
  png_spec& s = t.spec;
  s.color_type = color_type;
  s.bit_depth = bit_depth;
  s.interlaced = interlaced;
  const int channels = channels_of(color_type);
  const uint32_t max = (1u << bit_depth) - 1;
  if (color_type == PNG_COLOR_TYPE_PALETTE) {
    for (uint32_t i = 0; i <= max; ++i)
      s.palette.push_back({uint8_t(i * 40), uint8_t(i * 90 + 7), uint8_t(255 - i)});
    if (with_trns)  // the first entries fade from transparent; the later ones stay opaque
      for (uint32_t i = 0; i < std::min<uint32_t>(max + 1, 5); ++i)
        s.trns_alpha.push_back(uint8_t(i * 60));
  }
  uint32_t transparent[3] = {};
  if (with_trns && color_type != PNG_COLOR_TYPE_PALETTE) {
    s.trns_color = true;  // the colour of pixel (1, 0)
    for (int c = 0; c < channels; ++c) transparent[c] = pattern(1, 0, c, max);
    s.trns.gray = png_uint_16(transparent[0]);
    s.trns.red = png_uint_16(transparent[0]);
    s.trns.green = png_uint_16(transparent[1]);
    s.trns.blue = png_uint_16(transparent[2]);
  }
  const size_t row_bytes = (size_t(s.width) * channels * bit_depth + 7) / 8;
  for (uint32_t y = 0; y < s.height; ++y) {
    std::vector<uint8_t> row(row_bytes);
    for (uint32_t x = 0; x < s.width; ++x) {
      uint32_t v[4] = {};
      for (int c = 0; c < channels; ++c) {
        v[c] = pattern(x, y, c, max);
        put_sample(row, size_t(x) * channels + c, bit_depth, v[c]);
      }
      uint8_t px[4] = {0, 0, 0, 255};
      switch (color_type) {
        case PNG_COLOR_TYPE_PALETTE:
          px[0] = s.palette[v[0]].red;
          px[1] = s.palette[v[0]].green;
          px[2] = s.palette[v[0]].blue;
          if (v[0] < s.trns_alpha.size()) px[3] = s.trns_alpha[v[0]];
          break;
        case PNG_COLOR_TYPE_GRAY:
        case PNG_COLOR_TYPE_GRAY_ALPHA:
          px[0] = px[1] = px[2] = to_8_bits(v[0], bit_depth);
          if (channels == 2) px[3] = to_8_bits(v[1], bit_depth);
          if (s.trns_color && v[0] == transparent[0]) px[3] = 0;
          break;
        default:
          for (int c = 0; c < 3; ++c) px[c] = to_8_bits(v[c], bit_depth);
          if (channels == 4) px[3] = to_8_bits(v[3], bit_depth);
          if (s.trns_color && std::equal(v, v + 3, transparent)) px[3] = 0;
      }
      t.rgba.insert(t.rgba.end(), px, px + 4);
    }
    s.rows.push_back(std::move(row));
  }
  return t;
}

// Compares a decoded image with the expected RGBA; 16-bit samples may round either way.
void check_pixels(const decoded_image& img, const test_image& t) {
  REQUIRE(img.width == t.spec.width);
  REQUIRE(img.height == t.spec.height);
  const size_t pixels = size_t(img.width) * img.height;
  REQUIRE(img.rgb.size() == pixels * 3);
  bool opaque = true;
  for (size_t i = 0; i < pixels; ++i) opaque = opaque && t.rgba[i * 4 + 3] == 255;
  REQUIRE(img.alpha.size() == (opaque ? 0 : pixels));
  const int tolerance = t.spec.bit_depth == 16 ? 1 : 0;
  int worst = 0;
  for (size_t i = 0; i < pixels; ++i) {
    for (int c = 0; c < 3; ++c)
      worst = std::max(worst, std::abs(int{img.rgb[i * 3 + c]} - int{t.rgba[i * 4 + c]}));
    if (!opaque) worst = std::max(worst, std::abs(int{img.alpha[i]} - int{t.rgba[i * 4 + 3]}));
  }
  CHECK(worst <= tolerance);
}

// ---- chunks, for damaging PNGs by hand ----

uint32_t be32(const std::vector<uint8_t>& b, size_t at) {
  return uint32_t{b[at]} << 24 | uint32_t{b[at + 1]} << 16 | uint32_t{b[at + 2]} << 8 |
         uint32_t{b[at + 3]};
}

void put_be32(std::vector<uint8_t>& b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = uint8_t(v >> (24 - 8 * i));
}

// The offset of the first chunk of `type` (its length field).
size_t find_chunk(const std::vector<uint8_t>& png, const char* type) {
  for (size_t at = 8; at + 12 <= png.size(); at += 12 + be32(png, at))
    if (std::memcmp(&png[at + 4], type, 4) == 0) return at;
  FAIL("no " << type << " chunk");
  return 0;
}

// Recomputes the CRC of the chunk at `at` after its data were changed.
void fix_crc(std::vector<uint8_t>& png, size_t at) {
  const uint32_t length = be32(png, at);
  const auto crc = crc32(0, &png[at + 4], 4 + length);
  put_be32(png, at + 8 + length, uint32_t(crc));
}

// A chunk of `type` with `data` and its CRC.
std::vector<uint8_t> make_chunk(const char* type, const std::string& data) {
  std::vector<uint8_t> c(12 + data.size());
  put_be32(c, 0, uint32_t(data.size()));
  std::memcpy(&c[4], type, 4);
  std::memcpy(&c[8], data.data(), data.size());
  fix_crc(c, 0);
  return c;
}

// A PNG whose IHDR declares `width` × `height` (CRC correct) and nothing after it.
std::vector<uint8_t> header_only(uint32_t width, uint32_t height) {
  std::vector<uint8_t> png = encode(make_image(PNG_COLOR_TYPE_RGB, 8, false).spec);
  png.resize(8 + 25);
  put_be32(png, 16, width);
  put_be32(png, 20, height);
  fix_crc(png, 8);
  return png;
}

// The error of decoding `png`; it also says when the image was not left empty.
std::string decode_error(const std::vector<uint8_t>& png, const png_limits& limits = {}) {
  decoded_image img;
  img.width = 1;
  img.rgb = {1, 2, 3};
  std::string error;
  if (decode_png(png.data(), png.size(), limits, img, error)) return "(decoded)";
  if (img.width != 0 || img.height != 0 || !img.rgb.empty() || !img.alpha.empty())
    error += " (and the image is not empty)";
  return error;
}

size_t at(const decoded_image& img, uint32_t x, uint32_t y) {
  return size_t(y) * img.width + x;
}

}  // namespace

// ---- decoding ----

TEST_CASE("png: the sample seal is 472 × 472 red pixels on a transparent ground", "[png]") {
  decoded_image img;
  std::string error;
  REQUIRE(read_png_file(source_path("samples/seals/sample-seal.png"), {}, img, error));
  CHECK(error.empty());
  REQUIRE(img.width == 472);
  REQUIRE(img.height == 472);
  REQUIRE(img.alpha.size() == 472u * 472u);
  REQUIRE(img.rgb.size() == 472u * 472u * 3);
  // Every palette entry is pure red: the strokes differ only in alpha.
  size_t not_red = 0;
  for (size_t i = 0; i < img.rgb.size(); i += 3)
    not_red += img.rgb[i] != 255 || img.rgb[i + 1] != 0 || img.rgb[i + 2] != 0;
  CHECK(not_red == 0);
  const std::pair<uint32_t, uint32_t> corners[] = {{0, 0}, {471, 0}, {0, 471}, {471, 471}};
  for (auto [x, y] : corners) {
    INFO("corner " << x << ", " << y);
    CHECK(img.alpha[at(img, x, y)] == 0);
  }
  // The ring, 1.2 mm (14 px) thick at the edge: solid in its middle (228 px from the centre)
  // at the bottom, left and right, and clear just inside it at the bottom (no text there).
  CHECK(img.alpha[at(img, 236, 236 + 228)] == 255);
  CHECK(img.alpha[at(img, 236 - 229, 236)] == 255);
  CHECK(img.alpha[at(img, 236 + 228, 236)] == 255);
  CHECK(img.alpha[at(img, 236, 236 + 205)] == 0);
  // The star fills the centre; the anti-aliased edges have partial alpha.
  CHECK(img.alpha[at(img, 236, 236)] == 255);
  const size_t partial =
      std::count_if(img.alpha.begin(), img.alpha.end(), [](uint8_t a) { return a > 0 && a < 255; });
  CHECK(partial > 1000);
}

TEST_CASE("png: every colour type and bit depth becomes 8-bit RGB + alpha", "[png]") {
  const std::vector<std::pair<int, int>> types = {
      {PNG_COLOR_TYPE_GRAY, 1},        {PNG_COLOR_TYPE_GRAY, 2},
      {PNG_COLOR_TYPE_GRAY, 4},        {PNG_COLOR_TYPE_GRAY, 8},
      {PNG_COLOR_TYPE_GRAY, 16},       {PNG_COLOR_TYPE_RGB, 8},
      {PNG_COLOR_TYPE_RGB, 16},        {PNG_COLOR_TYPE_PALETTE, 1},
      {PNG_COLOR_TYPE_PALETTE, 2},     {PNG_COLOR_TYPE_PALETTE, 4},
      {PNG_COLOR_TYPE_PALETTE, 8},     {PNG_COLOR_TYPE_GRAY_ALPHA, 8},
      {PNG_COLOR_TYPE_GRAY_ALPHA, 16}, {PNG_COLOR_TYPE_RGB_ALPHA, 8},
      {PNG_COLOR_TYPE_RGB_ALPHA, 16}};
  for (const auto& [type, depth] : types)
    for (bool interlaced : {false, true})
      for (bool trns : {false, true}) {
        if (trns && (type & PNG_COLOR_MASK_ALPHA)) continue;  // tRNS is not allowed there
        INFO("colour type " << type << ", " << depth << " bits" << (interlaced ? ", Adam7" : "")
                            << (trns ? ", tRNS" : ""));
        const test_image t = make_image(type, depth, interlaced, trns);
        const std::vector<uint8_t> png = encode(t.spec);
        decoded_image img;
        std::string error;
        REQUIRE(decode_png(png.data(), png.size(), {}, img, error));
        check_pixels(img, t);
      }
}

TEST_CASE("png: a palette with tRNS gives alpha; alpha 255 everywhere is dropped", "[png]") {
  decoded_image img;
  std::string error;
  const test_image with = make_image(PNG_COLOR_TYPE_PALETTE, 8, false, /*with_trns=*/true);
  const std::vector<uint8_t> png = encode(with.spec);
  REQUIRE(decode_png(png.data(), png.size(), {}, img, error));
  REQUIRE(img.alpha.size() == size_t(img.width) * img.height);
  CHECK(std::count(img.alpha.begin(), img.alpha.end(), 0) > 0);
  check_pixels(img, with);

  // An alpha channel and a tRNS chunk that are opaque everywhere leave no alpha.
  test_image opaque = make_image(PNG_COLOR_TYPE_RGB_ALPHA, 8, false);
  for (auto& row : opaque.spec.rows)
    for (size_t i = 3; i < row.size(); i += 4) row[i] = 255;
  for (size_t i = 3; i < opaque.rgba.size(); i += 4) opaque.rgba[i] = 255;
  const std::vector<uint8_t> rgba = encode(opaque.spec);
  REQUIRE(decode_png(rgba.data(), rgba.size(), {}, img, error));
  CHECK(img.alpha.empty());
  check_pixels(img, opaque);

  test_image palette = make_image(PNG_COLOR_TYPE_PALETTE, 4, true);
  palette.spec.trns_alpha.assign(16, 255);
  const std::vector<uint8_t> pal = encode(palette.spec);
  REQUIRE(decode_png(pal.data(), pal.size(), {}, img, error));
  CHECK(img.alpha.empty());
  check_pixels(img, palette);
}

TEST_CASE("png: 16-bit samples are scaled to the nearest 8-bit value", "[png]") {
  png_spec s;
  s.color_type = PNG_COLOR_TYPE_GRAY;
  s.bit_depth = 16;
  const std::vector<uint16_t> samples = {0x0000, 0xffff, 0x8080, 0x7f7f,
                                         0x0080, 0x0081, 0xff7e, 0x1234};
  const std::vector<uint8_t> expected = {0x00, 0xff, 0x80, 0x7f, 0x00, 0x01, 0xfe, 0x12};
  s.width = uint32_t(samples.size());
  s.height = 1;
  std::vector<uint8_t> row;
  for (uint16_t v : samples) row.insert(row.end(), {uint8_t(v >> 8), uint8_t(v)});
  s.rows = {row};
  const std::vector<uint8_t> png = encode(s);
  decoded_image img;
  std::string error;
  REQUIRE(decode_png(png.data(), png.size(), {}, img, error));
  REQUIRE(img.rgb.size() == samples.size() * 3);
  for (size_t i = 0; i < samples.size(); ++i) {
    INFO("sample " << samples[i]);
    CHECK(int{img.rgb[i * 3]} == int{expected[i]});
  }
}

TEST_CASE("png: interlaced and plain files give the same pixels", "[png]") {
  const std::pair<uint32_t, uint32_t> sizes[] = {{1, 1}, {2, 9}, {9, 2}, {33, 17}};
  for (auto [w, h] : sizes) {
    INFO(w << " × " << h);
    test_image plain = make_image(PNG_COLOR_TYPE_RGB_ALPHA, 8, false);
    test_image adam7 = make_image(PNG_COLOR_TYPE_RGB_ALPHA, 8, true);
    for (test_image* t : {&plain, &adam7}) {  // the same pattern at another size
      t->spec.width = w;
      t->spec.height = h;
      t->spec.rows.assign(h, std::vector<uint8_t>(size_t(w) * 4));
      for (uint32_t y = 0; y < h; ++y)
        for (uint32_t x = 0; x < w; ++x)
          for (int c = 0; c < 4; ++c) t->spec.rows[y][x * 4 + c] = uint8_t(pattern(x, y, c, 255));
    }
    decoded_image a, b;
    std::string error;
    const std::vector<uint8_t> p1 = encode(plain.spec), p2 = encode(adam7.spec);
    REQUIRE(p1 != p2);
    REQUIRE(decode_png(p1.data(), p1.size(), {}, a, error));
    REQUIRE(decode_png(p2.data(), p2.size(), {}, b, error));
    CHECK(a.width == b.width);
    CHECK(a.rgb == b.rgb);
    CHECK(a.alpha == b.alpha);
  }
}

TEST_CASE("png: chunks after IEND and unknown ancillary chunks are ignored", "[png]") {
  const test_image t = make_image(PNG_COLOR_TYPE_GRAY, 8, false);
  std::vector<uint8_t> png = encode(t.spec);
  const std::vector<uint8_t> extra = make_chunk("prVt", "private data");
  png.insert(png.begin() + long(find_chunk(png, "IDAT")), extra.begin(), extra.end());
  png.insert(png.end(), {'t', 'r', 'a', 'i', 'l'});
  decoded_image img;
  std::string error;
  REQUIRE(decode_png(png.data(), png.size(), {}, img, error));
  check_pixels(img, t);
}

// ---- rejections ----

TEST_CASE("png: empty data and other formats are rejected", "[png]") {
  decoded_image img;
  std::string error;
  CHECK_FALSE(decode_png(nullptr, 0, {}, img, error));
  CHECK(error == "the PNG data is empty");
  auto bytes = [](const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); };
  CHECK(decode_error(bytes("<gongwen/> is not an image")) == "not a PNG file");
  CHECK(decode_error(bytes(std::string("\xff\xd8\xff\xe0\0\x10JFIF", 10))) ==
        "not a PNG file (it looks like a JPEG file)");
  CHECK(decode_error(bytes("GIF89a....")) == "not a PNG file (it looks like a GIF file)");
  CHECK(decode_error(bytes("x")) == "not a PNG file");
  // A PNG signature spoiled by a text-mode transfer (CR LF -> LF).
  std::vector<uint8_t> png = encode(make_image(PNG_COLOR_TYPE_GRAY, 8, false).spec);
  png.erase(png.begin() + 4);
  CHECK(decode_error(png) == "not a PNG file");
}

TEST_CASE("png: every truncation is rejected as truncated", "[png]") {
  const std::vector<std::vector<uint8_t>> files = {
      encode(make_image(PNG_COLOR_TYPE_PALETTE, 4, true, true).spec),
      encode(make_image(PNG_COLOR_TYPE_RGB_ALPHA, 16, true).spec),
      encode(make_image(PNG_COLOR_TYPE_GRAY, 1, false).spec)};
  for (const auto& png : files)
    for (size_t length = 1; length < png.size(); ++length) {
      INFO("truncated to " << length << " of " << png.size() << " bytes");
      const std::vector<uint8_t> cut(png.begin(), png.begin() + long(length));  // for ASan
      REQUIRE(decode_error(cut) == "truncated PNG data");
    }
}

TEST_CASE("png: a bad CRC or damaged image data is rejected, in any chunk", "[png]") {
  const std::vector<uint8_t> good = encode(make_image(PNG_COLOR_TYPE_RGB, 8, false).spec);
  auto damaged = [&](const char* type, size_t offset) {
    std::vector<uint8_t> png = good;
    png[find_chunk(png, type) + offset] ^= 0x10;
    return decode_error(png);
  };
  const size_t idat_length = be32(good, find_chunk(good, "IDAT"));
  CHECK(damaged("IHDR", 8 + 13) == "invalid PNG data: IHDR: CRC error");           // the CRC
  CHECK(damaged("IDAT", 8 + idat_length) == "invalid PNG data: IDAT: CRC error");  // the CRC
  CHECK(damaged("IEND", 8) == "invalid PNG data: IEND: CRC error");
  // Damaged image data: libpng inflates a chunk before it reaches its CRC, so the error may be
  // the inflater's or the filter's; either way the file is refused.
  CHECK(damaged("IDAT", 8 + 2) == "invalid PNG data: bad adaptive filter value");
  CHECK(damaged("IDAT", 8 + idat_length - 1) == "invalid PNG data: IDAT: incorrect data check");

  std::vector<uint8_t> png = good;
  std::vector<uint8_t> text = make_chunk("tEXt", std::string("Title\0seal", 10));
  text.back() ^= 0x01;
  png.insert(png.begin() + long(find_chunk(png, "IDAT")), text.begin(), text.end());
  CHECK(decode_error(png) == "invalid PNG data: tEXt: CRC error");
}

TEST_CASE("png: sizes over the limits are refused on the header, before allocating", "[png]") {
  // Only the signature and the IHDR: the size is refused before libpng reads on (the data would
  // otherwise be "truncated"), and no 100000 × 100000 buffer is ever asked for (ASan would abort).
  CHECK(decode_error(header_only(100000, 100000)) ==
        "the image is 100000 × 100000 pixels; at most 4096 × 4096 are accepted");
  CHECK(decode_error(header_only(20000, 20000)) ==
        "the image is 20000 × 20000 pixels; at most 4096 × 4096 are accepted");
  CHECK(decode_error(header_only(4097, 1)) ==
        "the image is 4097 × 1 pixels; at most 4096 × 4096 are accepted");
  CHECK(decode_error(header_only(0x7fffffff, 0x7fffffff)) ==
        "the image is 2147483647 × 2147483647 pixels; at most 4096 × 4096 are accepted");
  CHECK(decode_error(header_only(4096, 4096)) ==
        "the image is 4096 × 4096 pixels (16777216 in all); at most 16000000 pixels are accepted");
  // Within the limits, the same header is just a truncated file.
  CHECK(decode_error(header_only(4096, 3906)) == "truncated PNG data");

  // The caller's own limits.
  const std::vector<uint8_t> png = encode(make_image(PNG_COLOR_TYPE_RGB, 8, false).spec);
  png_limits small;
  small.max_width = 12;
  CHECK(decode_error(png, small) == "the image is 13 × 7 pixels; at most 12 × 4096 are accepted");
  small = {};
  small.max_pixels = 90;
  CHECK(decode_error(png, small) ==
        "the image is 13 × 7 pixels (91 in all); at most 90 pixels are accepted");
  small = {};
  small.max_file = png.size() - 1;
  CHECK(decode_error(png, small) == "the PNG data is " + std::to_string(png.size()) +
                                        " bytes; at most " + std::to_string(png.size() - 1) +
                                        " are accepted");
}

TEST_CASE("png: a zero width or height is rejected", "[png]") {
  CHECK(decode_error(header_only(0, 7)) ==
        "the image is 0 × 7 pixels; its width and height must be at least 1");
  CHECK(decode_error(header_only(13, 0)) ==
        "the image is 13 × 0 pixels; its width and height must be at least 1");
  // A zero width in a whole file (the rest intact) is refused the same way.
  std::vector<uint8_t> png = encode(make_image(PNG_COLOR_TYPE_RGB, 8, false).spec);
  put_be32(png, 16, 0);
  fix_crc(png, 8);
  CHECK(decode_error(png) == "the image is 0 × 7 pixels; its width and height must be at least 1");
}

TEST_CASE("png: bad header fields and a missing IHDR are rejected", "[png]") {
  std::vector<uint8_t> png = encode(make_image(PNG_COLOR_TYPE_RGB, 8, false).spec);
  std::vector<uint8_t> bad = png;
  bad[24] = 3;
  fix_crc(bad, 8);
  CHECK(decode_error(bad) == "invalid PNG data: bit depth 3 is not allowed with colour type 2");
  bad[24] = 4;
  fix_crc(bad, 8);
  CHECK(decode_error(bad) == "invalid PNG data: bit depth 4 is not allowed with colour type 2");
  bad = png;
  bad[27] = 1;
  fix_crc(bad, 8);
  CHECK(decode_error(bad) == "invalid PNG data: unknown filter method");
  bad = png;
  bad[28] = 2;
  fix_crc(bad, 8);
  CHECK(decode_error(bad) == "invalid PNG data: unknown interlace method");
  bad = png;
  bad[25] = 5;
  fix_crc(bad, 8);
  CHECK(decode_error(bad) == "invalid PNG data: 5 is not a PNG colour type");
  bad = png;
  std::memcpy(&bad[12], "IHDX", 4);
  CHECK(decode_error(bad) == "invalid PNG data: it does not begin with an IHDR chunk");
  // Image data cut short inside an intact file.
  const std::vector<uint8_t> small = encode(make_image(PNG_COLOR_TYPE_GRAY, 8, false).spec);
  test_image tall = make_image(PNG_COLOR_TYPE_GRAY, 8, false);
  tall.spec.height = 8;  // the same rows under a header claiming one more
  tall.spec.rows.push_back(tall.spec.rows.back());
  std::vector<uint8_t> claims = encode(tall.spec);
  const size_t idat = find_chunk(claims, "IDAT");
  const size_t small_idat = find_chunk(small, "IDAT");
  claims.erase(claims.begin() + long(idat), claims.begin() + long(idat + 12 + be32(claims, idat)));
  claims.insert(claims.begin() + long(idat), small.begin() + long(small_idat),
                small.begin() + long(small_idat + 12 + be32(small, small_idat)));
  CHECK(decode_error(claims) == "invalid PNG data: Not enough image data");
}

TEST_CASE("png: every single-byte damage is decoded or rejected, never a crash", "[png]") {
  const std::vector<uint8_t> good = encode(make_image(PNG_COLOR_TYPE_PALETTE, 2, true, true).spec);
  for (size_t i = 0; i < good.size(); ++i)
    for (uint8_t flip : {uint8_t{0x01}, uint8_t{0x80}, uint8_t{0xff}}) {
      INFO("byte " << i << " ^ " << int{flip});
      std::vector<uint8_t> png = good;
      png[i] ^= flip;
      decoded_image img;
      std::string error;
      if (decode_png(png.data(), png.size(), {}, img, error)) {
        CHECK(img.rgb.size() == size_t(img.width) * img.height * 3);
      } else {
        CHECK_FALSE(error.empty());
        CHECK(img.rgb.empty());
      }
    }
}

TEST_CASE("png: files that cannot be read are reported", "[png]") {
  decoded_image img;
  std::string error;
  const std::string missing = source_path("samples/seals/no-such-seal.png");
  CHECK_FALSE(read_png_file(missing, {}, img, error));
  CHECK(error == "cannot read " + missing + ": No such file or directory");
  const std::string folder = source_path("samples/seals");
  CHECK_FALSE(read_png_file(folder, {}, img, error));
  CHECK(error == "cannot read " + folder + ": it is a folder, not a file");
  png_limits small;
  small.max_file = 1000;
  CHECK_FALSE(read_png_file(source_path("samples/seals/sample-seal.png"), small, img, error));
  CHECK(error == "the file is 15049 bytes; at most 1000 are accepted");
  CHECK_FALSE(read_png_file(source_path("samples/seals/README.md"), {}, img, error));
  CHECK(error == "not a PNG file");
}
