// SPDX-License-Identifier: Apache-2.0
// Filled rectangles and images (seals) in the PDF backend, drawn from
// frames made by hand: where they are, and that transparency works.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "fonts/face_cache.hpp"
#include "pdf/pdf_support.hpp"
#include "render/pdf/pdf.hpp"
#include "render/trace/trace.hpp"

namespace fs = std::filesystem;
using namespace hongtou::test;

namespace {

// A page with a blue rectangle and a red disc (an image whose alpha is 0
// outside the circle), as a seal will be drawn.
hongtou::frames shapes_page() {
  hongtou::frames f;
  f.page_width = hongtou::mm_to_pt(210);
  f.page_height = hongtou::mm_to_pt(297);
  hongtou::page pg;
  pg.number = 1;
  hongtou::filled_rect r;
  r.x = hongtou::mm_to_pt(20);
  r.y = hongtou::mm_to_pt(20);
  r.width = hongtou::mm_to_pt(30);
  r.height = hongtou::mm_to_pt(10);
  r.color = {0, 0, 1};
  pg.rects.push_back(r);
  hongtou::image im;
  im.x = hongtou::mm_to_pt(100);
  im.y = hongtou::mm_to_pt(100);
  im.width = im.height = hongtou::mm_to_pt(40);
  im.pixel_width = im.pixel_height = 40;
  for (uint32_t y = 0; y < 40; ++y)
    for (uint32_t x = 0; x < 40; ++x) {
      const double dx = x + 0.5 - 20, dy = y + 0.5 - 20;
      im.rgb.insert(im.rgb.end(), {255, 0, 0});
      im.alpha.push_back(dx * dx + dy * dy <= 18 * 18 ? 255 : 0);
    }
  pg.images.push_back(im);
  f.pages.push_back(pg);
  return f;
}

}  // namespace

TEST_CASE("pdf: filled rectangles and images with transparency are drawn where frames put them",
          "[pdf]") {
  require_tool("pdftoppm");
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / ("shapes-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const hongtou::frames f = shapes_page();
  hongtou::fonts::face_cache faces;
  hongtou::diagnostics diags;
  std::vector<uint8_t> bytes;
  REQUIRE(hongtou::render::render_pdf(f, faces, {}, bytes, diags) ==
          hongtou::render::pdf_status::ok);
  {
    std::ofstream out(dir / "shapes.pdf", std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  }
  CHECK(run("qpdf --check shapes.pdf", dir).status == 0);
  // At 72 dpi a pixel is a point: 1 mm = 2.83 px.
  REQUIRE(run("pdftoppm -r 72 -singlefile shapes.pdf s", dir).status == 0);
  ppm_image img;
  REQUIRE(read_ppm(dir / "s.ppm", img));
  auto px = [&](double x_mm, double y_mm) {
    const size_t i =
        (static_cast<size_t>(hongtou::mm_to_pt(y_mm)) * static_cast<size_t>(img.width) +
         static_cast<size_t>(hongtou::mm_to_pt(x_mm))) *
        3;
    return std::string{img.rgb[i], img.rgb[i + 1], img.rgb[i + 2]};
  };
  const std::string blue{'\x00', '\x00', '\xff'}, red{'\xff', '\x00', '\x00'}, white(3, '\xff');
  CHECK(px(35, 25) == blue);     // the rectangle's centre
  CHECK(px(18, 25) == white);    // left of it
  CHECK(px(120, 120) == red);    // the disc's centre
  CHECK(px(101, 101) == white);  // the image's corner: transparent
  CHECK(px(120, 142) == white);  // below the image
  // The trace lists both, in mm.
  const std::string t = hongtou::render::trace(f, faces);
  CHECK(t.find("rect seal x=20.00 y=20.00 w=30.00 h=10.00 #0000FF") != std::string::npos);
  CHECK(t.find("image seal x=100.00 y=100.00 w=40.00 h=40.00 px=40x40 alpha") != std::string::npos);
  if (!std::getenv("HONGTOU_KEEP_TEST_TMP")) fs::remove_all(dir);
}
