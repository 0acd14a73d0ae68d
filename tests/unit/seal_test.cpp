// SPDX-License-Identifier: Apache-2.0
// A sealed signature (GB/T 9704-2012 7.3.5.1), in millimetres on the display
// list, and the seal image as a user gives it: decoded from PNG, resolved
// beside the document, refused outside its folder. The seal is the
// synthetic sample of samples/seals, the text the bulletin 国办发〔2018〕108号.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "api/hongtou.hpp"
#include "support/engine_options.hpp"
#include "unit/seal_fixture.hpp"

using namespace hongtou;
namespace fs = std::filesystem;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // 3.2

const std::string body =
    "<p>为表扬先进，树立典型，进一步激励各地区、各部门担当作为、狠抓政策见效，推动形成改革创新、"
    "干事创业的生动局面，经国务院同意，对北京市大力推进外国人来华工作许可制度改革等130项地方典型"
    "经验做法予以通报表扬。</p>";

std::string sealed_doc(const std::string& seal) {
  return "<gongwen><header><issuer>国务院办公厅文件</issuer></"
         "header><title>国务院办公厅关于对国务院"
         "第五次大督查<br/>发现的典型经验做法给予表扬的通报</title><body>" +
         body + "</body><signature><organ>国务院办公厅</organ><date>2018年11月19日</date>" + seal +
         "</signature></gongwen>";
}

frames compose_sealed(const std::string& seal) {
  return test::compose_sealed_xml(sealed_doc(seal));
}

const glyph_run* find(const page& p, element role) {
  const glyph_run* found = nullptr;
  for (const auto& r : p.runs)
    if (r.role == role) found = &r;  // the last one
  return found;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE(
    "GB/T 9704-2012 7.3.5.1: the date 右空四字, the name centred on it, the seal centred on both "
    "and pressing them") {
  const frames f = compose_sealed("<seal src=\"seal.png\"/>");
  const page& pg = f.pages.back();
  const glyph_run* name = find(pg, element::signature);
  const glyph_run* date = find(pg, element::date);
  const glyph_run* last_body = find(pg, element::body);
  REQUIRE(name);
  REQUIRE(date);
  REQUIRE(last_body);
  REQUIRE(pg.images.size() == 1);
  const image& seal = pg.images.front();
  CHECK(seal.role == element::seal);
  CHECK(test::mm(date->right()) == Approx(184 - 4 * cell).margin(0.05));
  const double date_centre = test::mm((date->left() + date->right()) / 2);
  CHECK(test::mm((name->left() + name->right()) / 2) == Approx(date_centre).margin(0.05));
  CHECK(test::mm(date->em_top - name->em_top) == Approx(pitch).margin(0.05));
  // The layout's 42 mm, centred on the block; name and date a little below its centre.
  CHECK(test::mm(seal.width) == Approx(42).margin(0.01));
  CHECK(test::mm(seal.height) == Approx(42).margin(0.01));
  CHECK(test::mm(seal.x + seal.width / 2) == Approx(date_centre).margin(0.05));
  const double seal_centre = test::mm(seal.y + seal.height / 2);
  const double text_centre = test::mm((name->em_top + date->em_bottom) / 2);
  CHECK(text_centre - seal_centre == Approx(0.12 * 42).margin(0.05));
  // Its top no more than one row below the body; it stays in the type area.
  const double gap = test::mm(seal.y - last_body->em_bottom);
  CHECK(gap >= 0);
  CHECK(gap <= pitch);
  CHECK(test::mm(seal.y + seal.height) <= 262 + 0.01);
  // No blank seal: it covers the name and the date.
  CHECK(seal.y < name->em_top);
  CHECK(seal.y + seal.height > date->em_bottom);
}

TEST_CASE("GB/T 9704-2012 7.3.5.1: a seal's diameter in the document wins over the layout's") {
  const frames f = compose_sealed("<seal src=\"seal.png\" diameter=\"38mm\"/>");
  REQUIRE(f.pages.back().images.size() == 1);
  CHECK(test::mm(f.pages.back().images.front().width) == Approx(38).margin(0.01));
}

TEST_CASE(
    "a seal image beside the document is drawn in the PDF; missing or outside images are errors at "
    "the <seal>") {
  const fs::path dir = scratch("seal");
  fs::copy_file(test::source_path("samples/seals/sample-seal.png"), dir / "seal.png");
  const auto write = [&](const std::string& file, const std::string& seal) {
    std::ofstream(dir / file, std::ios::binary) << sealed_doc(seal);
    return (dir / file).string();
  };
  engine eng(test::test_engine_options());
  {
    const render_result r =
        eng.render_file(write("ok.xml", "<seal src=\"seal.png\"/>"), (dir / "ok.pdf").string());
    for (const auto& d : r.diagnostics) INFO(format(d));
    REQUIRE(r.ok());
    const std::string pdf = test::read_file((dir / "ok.pdf").string());
    CHECK(pdf.find("/SMask") != std::string::npos);
    CHECK(pdf.find("/Subtype /Image") != std::string::npos);
  }
  {
    const render_result r =
        eng.render_file(write("missing.xml", "<seal src=\"none.png\"/>"), (dir / "m.pdf").string());
    REQUIRE(r.status == status::input_error);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics.front().message.find("cannot use seal image \"none.png\"") !=
          std::string::npos);
    CHECK(r.diagnostics.front().line == 1);
    CHECK(r.diagnostics.front().column > 1);
    CHECK_FALSE(fs::exists(dir / "m.pdf"));
  }
  {
    const render_result r =
        eng.render_file(write("out.xml", "<seal src=\"../seal.png\"/>"), (dir / "o.pdf").string());
    REQUIRE(r.status == status::input_error);
    CHECK(r.diagnostics.front().message.find("outside the document's folder") != std::string::npos);
  }
  {
    std::ofstream(dir / "notpng.png", std::ios::binary) << "GIF89a";
    const render_result r =
        eng.render_file(write("bad.xml", "<seal src=\"notpng.png\"/>"), (dir / "b.pdf").string());
    REQUIRE(r.status == status::input_error);
    CHECK(r.diagnostics.front().message.find("not a PNG file") != std::string::npos);
  }
  {
    // A caller may allow an image elsewhere.
    fs::create_directories(dir / "sub");
    render_options o;
    o.allow_images_outside = true;
    const std::string doc = (dir / "sub" / "up.xml").string();
    std::ofstream(doc, std::ios::binary) << sealed_doc("<seal src=\"../seal.png\"/>");
    const render_result r = eng.render_file(doc, (dir / "up.pdf").string(), o);
    for (const auto& d : r.diagnostics) INFO(format(d));
    CHECK(r.ok());
  }
  if (!std::getenv("HONGTOU_KEEP_TEST_TMP")) fs::remove_all(dir);
}
