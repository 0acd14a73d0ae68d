// SPDX-License-Identifier: Apache-2.0
// DeviceCMYK in the PDF (GB/T 9704-2012 6.2: red ink for offset print):
// text filled with the k operator, rules stroked with K; DeviceRGB colours
// keep rg and RG. The content streams read uncompressed through qpdf --qdf.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pdf/pdf_support.hpp"
#include "render/pdf/pdf.hpp"
#include "unit/fixture.hpp"
#include "unit/layout_spec_fixture.hpp"

namespace fs = std::filesystem;
using namespace hongtou;

namespace {

// The uncompressed PDF of a notice whose mark and separator are in `colour`.
std::string qdf_of(const std::string& colour, const fs::path& dir, const std::string& name) {
  const auto& env = test::environment::get();
  const model::layout_spec spec =
      test::parse_ok("<layout name=\"c\" extends=\"gbt9704\"><issuer color=\"" + colour +
                         "\"/><separator color=\"" + colour + "\"/></layout>",
                     test::source_layouts());
  const frames f = test::compose_in(spec, test::kindergarten_notice);
  std::vector<uint8_t> bytes;
  diagnostics diags;
  REQUIRE(render::render_pdf(f, env.cache, {}, bytes, diags) == render::pdf_status::ok);
  {
    std::ofstream out(dir / (name + ".pdf"), std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  }
  CHECK(test::run("qpdf --check " + name + ".pdf", dir).status == 0);
  REQUIRE(
      test::run("qpdf --qdf --object-streams=disable " + name + ".pdf " + name + ".qdf.pdf", dir)
          .status == 0);
  return test::slurp(dir / (name + ".qdf.pdf"));
}

}  // namespace

TEST_CASE("pdf: a cmyk() colour paints with the DeviceCMYK operators k and K", "[pdf]") {
  test::require_tool("qpdf");
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / ("cmyk-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string cmyk = qdf_of("cmyk(0,100,100,0)", dir, "cmyk");
  CHECK(cmyk.find("\n0 1 1 0 k\n") != std::string::npos);  // the mark's text
  CHECK(cmyk.find("\n0 1 1 0 K\n") != std::string::npos);  // the separator
  CHECK(cmyk.find("\n0 0 0 rg\n") != std::string::npos);   // the black text stays RGB
  CHECK(cmyk.find("\n1 0 0 rg\n") == std::string::npos);
  CHECK(cmyk.find("\n1 0 0 RG\n") == std::string::npos);
  const std::string rgb = qdf_of("#FF0000", dir, "rgb");
  CHECK(rgb.find("\n1 0 0 rg\n") != std::string::npos);
  CHECK(rgb.find("\n1 0 0 RG\n") != std::string::npos);
  CHECK(rgb.find(" k\n") == std::string::npos);
  CHECK(rgb.find(" K\n") == std::string::npos);
  fs::remove_all(dir);
}
