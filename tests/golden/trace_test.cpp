// Golden test: the trace of samples/report.xml must match tests/golden/report.trace.
// After a deliberate layout change, regenerate with HONGTOU_REGEN=1 and review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "render/trace/trace.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

TEST_CASE("the trace of the work report matches the golden file") {
  frames f;
  diagnostics diags;
  REQUIRE(test::compose_xml(test::read_file(test::source_path("samples/report.xml")), f, diags));
  std::string got = render::trace(f);
  std::string path = test::source_path("tests/golden/report.trace");
  if (const char* regen = std::getenv("HONGTOU_REGEN"); regen && std::string(regen) == "1") {
    std::ofstream(path, std::ios::binary) << got;
    SUCCEED("regenerated " << path);
    return;
  }
  std::string want = test::read_file(path);
  REQUIRE_FALSE(want.empty());
  if (got != want) {
    // Report the first differing line rather than two huge strings.
    std::istringstream a(got), b(want);
    std::string la, lb;
    int line = 0;
    while (true) {
      ++line;
      bool ea = !std::getline(a, la), eb = !std::getline(b, lb);
      if (ea && eb) break;
      if (la != lb || ea != eb) {
        FAIL("line " << line << " differs\n  got:  " << la << "\n  want: " << lb);
        break;
      }
    }
  }
  CHECK(got == want);
}
