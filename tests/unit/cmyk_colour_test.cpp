// SPDX-License-Identifier: Apache-2.0
// Colours of layout files: DeviceRGB "#RRGGBB" and, for offset print,
// DeviceCMYK "cmyk(C,M,Y,K)" in percent (GB/T 9704-2012 6.2: red ink of at
// least Y80% M80%); the frames carry them and the trace prints each as the
// layout wrote it (the PDF operators: tests/pdf/cmyk_test.cpp).
#include <catch2/catch.hpp>

#include "render/trace/trace.hpp"
#include "unit/fixture.hpp"
#include "unit/layout_spec_fixture.hpp"

using namespace hongtou;

namespace {

const std::string colours =
    "expected \"#RRGGBB\", e.g. \"#FF0000\", or \"cmyk(C,M,Y,K)\" with C, M, Y and K in percent "
    "from 0 to 100, e.g. \"cmyk(0,100,100,0)\"";

model::layout_spec child(const std::string& body) {
  return test::parse_ok("<layout name=\"c\" extends=\"gbt9704\">" + body + "</layout>",
                        test::source_layouts());
}

// The first error of a child of gbt9704 whose second line is `line`.
std::string child_error(const std::string& line) {
  return test::first_layout_error(
      "<layout name=\"c\" extends=\"gbt9704\">\n  " + line + "\n</layout>",
      test::memory_finder({{"gbt9704", test::read_source("layouts/gbt9704.xml")}}));
}

}  // namespace

TEST_CASE("GB/T 9704-2012 6.2: a colour may be DeviceCMYK, cmyk(C,M,Y,K) in percent") {
  const model::layout_spec l =
      child("<issuer color=\"cmyk(0,100,100,0)\"/><separator color=\"cmyk(0, 80, 80.5, 0)\"/>");
  const device_color& red = l.issuer.style.color;
  CHECK(red.is_cmyk());
  CHECK(red == device_color::cmyk(0, 1, 1, 0));
  CHECK(red != rgb{1, 0, 0});  // the same red on screen, another colour space
  CHECK(l.separator.color == device_color::cmyk(0, 0.8, 0.805, 0));
  // RGB colours are as they were.
  CHECK_FALSE(l.doc_number.style.color.is_cmyk());
  CHECK(l.doc_number.style.color == rgb{0, 0, 0});
  CHECK(test::gbt9704().issuer.style.color == rgb{1, 0, 0});
}

TEST_CASE("a bad cmyk() colour names the attribute, its place and the allowed forms") {
  CHECK(child_error("<issuer color=\"cmyk(0,120,0,0)\"/>") ==
        "l.xml:2:11: bad colour \"cmyk(0,120,0,0)\" in color on <issuer>; " + colours);
  CHECK(child_error("<separator shown=\"yes\" color=\"cmyk(0,100,100)\"/>") ==
        "l.xml:2:26: bad colour \"cmyk(0,100,100)\" in color on <separator>; " + colours);
  CHECK(child_error("<imprint rule-color=\"cmyk(0,0,0,100,0)\"/>") ==
        "l.xml:2:12: bad colour \"cmyk(0,0,0,100,0)\" in rule-color on <imprint>; " + colours);
  for (const char* bad : {"cmyk(-1,0,0,0)", "CMYK(0,100,100,0)", "cmyk(0,100,100,0", "cmyk()",
                          "cmyk(0,,100,0)", "cmyk(0%,100%,100%,0%)", "cmyk (0,100,100,0)"}) {
    INFO(bad);
    CHECK(child_error("<issuer color=\"" + std::string(bad) + "\"/>") ==
          std::string("l.xml:2:11: bad colour \"") + bad + "\" in color on <issuer>; " + colours);
  }
}

TEST_CASE("a CMYK mark: its runs carry DeviceCMYK and the trace prints it as written") {
  const auto& env = test::environment::get();
  const model::layout_spec spec =
      child("<issuer color=\"cmyk(0,100,100,0)\"/><separator color=\"cmyk(0,100,100,0)\"/>");
  const frames f = test::compose_in(spec, test::kindergarten_notice);
  const page& p1 = f.pages[0];
  for (const glyph_run* r : test::runs_of(p1, element::issuer))
    CHECK(r->color == device_color::cmyk(0, 1, 1, 0));
  REQUIRE(p1.rules.size() == 1);
  CHECK(p1.rules[0].color == device_color::cmyk(0, 1, 1, 0));
  for (const glyph_run* r : test::runs_of(p1, element::body)) CHECK(r->color == rgb{0, 0, 0});
  const std::string t = render::trace(f, env.cache);
  CHECK(t.find("  rule separator x=28.00 ") != std::string::npos);
  CHECK(t.find(" cmyk(0,100,100,0)\n") != std::string::npos);   // the rule
  CHECK(t.find(" cmyk(0,100,100,0) x=") != std::string::npos);  // the mark's runs
  CHECK(t.find(" #000000 x=") != std::string::npos);            // the black text as before
  CHECK(t.find("#FF0000") == std::string::npos);
}
