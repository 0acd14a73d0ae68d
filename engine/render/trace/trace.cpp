// SPDX-License-Identifier: Apache-2.0
#include "render/trace/trace.hpp"

#include <cmath>
#include <cstdio>

#include "core/number.hpp"
#include "core/units.hpp"

namespace hongtou::render {

namespace {

std::string mm(double pt) {
  return fixed(pt_to_mm(pt), 2);
}

// DeviceRGB as "#RRGGBB"; DeviceCMYK as "cmyk(C,M,Y,K)" in percent, as layouts write them.
std::string colour(const device_color& c) {
  if (c.is_cmyk())
    return "cmyk(" + compact(c.c * 100, 2) + "," + compact(c.m * 100, 2) + "," +
           compact(c.y * 100, 2) + "," + compact(c.k * 100, 2) + ")";
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", static_cast<unsigned>(std::lround(c.r * 255)),
                static_cast<unsigned>(std::lround(c.g * 255)),
                static_cast<unsigned>(std::lround(c.b * 255)));
  return buf;
}

}  // namespace

std::string trace(const frames& f, const fonts::face_cache& faces) {
  std::string out;
  out += "frames page=" + mm(f.page_width) + "x" + mm(f.page_height) +
         "mm pages=" + std::to_string(f.pages.size()) + "\n";
  const layout_stats& s = f.stats;
  out += "stats lines=" + std::to_string(s.lines) + " push-in=" + std::to_string(s.push_in) +
         " push-out=" + std::to_string(s.push_out) + " hanging=" + std::to_string(s.hanging) +
         " one-char-last=" + std::to_string(s.one_char_last) +
         " fallback=" + std::to_string(s.fallback) + "\n";
  for (const auto& o : f.outline)
    out += "outline page=" + std::to_string(o.page) + " y=" + mm(o.y) + " \"" + o.title + "\"\n";
  for (const auto& pg : f.pages) {
    out += "page " + std::to_string(pg.number) + "\n";
    for (const auto& r : pg.rules) {
      out += "  rule " + std::string(element_name(r.role)) + " x=" + mm(r.x) + " y=" + mm(r.y) +
             " w=" + mm(r.width) + " t=" + mm(r.thickness) + " " + colour(r.color) + "\n";
    }
    for (const auto& r : pg.rects)
      out += "  rect " + std::string(element_name(r.role)) + " x=" + mm(r.x) + " y=" + mm(r.y) +
             " w=" + mm(r.width) + " h=" + mm(r.height) + " " + colour(r.color) + "\n";
    for (const auto& im : pg.images)
      out += "  image " + std::string(element_name(im.role)) + " x=" + mm(im.x) + " y=" + mm(im.y) +
             " w=" + mm(im.width) + " h=" + mm(im.height) +
             " px=" + std::to_string(im.pixel_width) + "x" + std::to_string(im.pixel_height) +
             (im.alpha.empty() ? "" : " alpha") + "\n";
    for (const auto& run : pg.runs) {
      const fonts::face* face = faces.find(run.font.id);
      std::string text;
      for (const auto& g : run.glyphs) text += g.text;
      out += "  run " + std::string(element_name(run.role));
      if (run.level) out += std::to_string(run.level);
      out += " font=" + (face ? face->postscript_name() : std::string("?")) +
             " size=" + fixed(run.size, 2) + "pt";
      if (run.h_scale != 1) out += " scale=" + fixed(run.h_scale, 4);
      if (run.stroke > 0) out += " stroke=" + fixed(run.stroke, 2) + "pt";  // fake bold
      out += " " + colour(run.color) + " x=" + mm(run.left()) + ".." + mm(run.right()) +
             " em=" + mm(run.em_top) + ".." + mm(run.em_bottom);
      if (run.ink_measured) out += " ink=" + mm(run.ink_top) + ".." + mm(run.ink_bottom);
      out += " base=" + mm(run.baseline) + " \"" + text + "\"\n";
      out += "    gids";
      for (const auto& g : run.glyphs) out += " " + std::to_string(g.id) + "@" + mm(g.x);
      out += "\n";
    }
  }
  return out;
}

}  // namespace hongtou::render
