// SPDX-License-Identifier: Apache-2.0
// Every glyph of the PDF is drawn where the display list puts it: MuPDF's
// structured text (each character's origin, as a reader computes it from
// Tm, Tc, Tz and the TJ adjustments) against the trace's glyph positions and
// baselines, within 0.01 mm (the trace gives hundredths of a millimetre).
#include "support/catch.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "pdf/pdf_support.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using namespace hongtou::test;

namespace {

struct point {
  double base = 0, x = 0;  // mm from the page's top left
  bool space = false;      // a space character of MuPDF's (it adds some of its own)
};

// Per page, the glyph origins of a trace: each run's baseline with every
// x of its "gids id@x" line.
std::vector<std::vector<point>> trace_glyphs(const std::string& trace) {
  std::vector<std::vector<point>> pages;
  std::istringstream in(trace);
  std::string line;
  double base = 0;
  static const std::regex base_re(R"( base=([0-9.]+))");
  static const std::regex gid_re(R"(\d+@([0-9.]+))");
  while (std::getline(in, line)) {
    std::smatch m;
    if (line.rfind("page ", 0) == 0) {
      pages.emplace_back();
    } else if (line.rfind("  run ", 0) == 0 && std::regex_search(line, m, base_re)) {
      base = std::stod(m[1]);
    } else if (line.rfind("    gids ", 0) == 0 && !pages.empty()) {
      for (std::sregex_iterator it(line.begin(), line.end(), gid_re), end; it != end; ++it)
        pages.back().push_back({base, std::stod((*it)[1])});
    }
  }
  return pages;
}

// Per page, the character origins of `mutool draw -F stext`, in mm.
std::vector<std::vector<point>> stext_glyphs(const std::string& xml) {
  std::vector<std::vector<point>> pages;
  std::istringstream in(xml);
  std::string line;
  static const std::regex char_re(
      R"re(<char [^>]*x="([-0-9.]+)" y="([-0-9.]+)"[^>]* c="([^"]*)")re");
  const double mm = 25.4 / 72;
  while (std::getline(in, line)) {
    std::smatch m;
    if (line.find("<page ") != std::string::npos) pages.emplace_back();
    if (!pages.empty() && std::regex_search(line, m, char_re))
      pages.back().push_back({std::stod(m[2]) * mm, std::stod(m[1]) * mm, m[3] == " "});
  }
  return pages;
}

// Renders a sample to PDF and trace and compares them; returns the trace.
std::string check_sample(const std::string& name, const std::string& cli_command = cli()) {
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / ("positions-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string sample = quote(std::string(HONGTOU_SOURCE_DIR) + "/samples/" + name);
  const run_result pdf = run(cli_command + " render " + sample + " -o out.pdf", dir);
  const run_result trace = run(cli_command + " render " + sample + " -o out.trace", dir);
  INFO(name << ": " << pdf.err << trace.err);
  REQUIRE(pdf.status == 0);
  REQUIRE(trace.status == 0);
  const run_result text = run("mutool draw -F stext -o - out.pdf", dir);
  REQUIRE(text.status == 0);

  const std::string trace_text = slurp(dir / "out.trace");
  std::vector<std::vector<point>> want = trace_glyphs(trace_text);
  std::vector<std::vector<point>> got = stext_glyphs(text.out);
  REQUIRE(!want.empty());
  REQUIRE(got.size() == want.size());
  // Each character MuPDF found is a glyph of the trace within 0.01 mm, and
  // each glyph of the trace is one it found; a space may be one MuPDF adds
  // where it sees a gap.
  for (size_t p = 0; p < want.size(); ++p) {
    INFO("page " << p + 1);
    std::vector<bool> found(want[p].size());
    size_t stray = 0;
    for (const point& c : got[p]) {
      size_t i = 0;
      while (i < want[p].size() && (found[i] || std::abs(want[p][i].base - c.base) > 0.01 ||
                                    std::abs(want[p][i].x - c.x) > 0.01))
        ++i;
      if (i < want[p].size())
        found[i] = true;
      else if (!c.space)
        ++stray;
    }
    CHECK(stray == 0);
    CHECK(std::count(found.begin(), found.end(), false) == 0);
  }
  fs::remove_all(dir);
  return trace_text;
}

}  // namespace

TEST_CASE("pdf: every glyph is drawn at the display list's position (report, tables, joint)",
          "[pdf][cli]") {
  if (!tool_exists("mutool")) HT_SKIP("mutool (MuPDF) is not installed");
  for (const char* name : {"report.xml", "table-yiyuan-kaohe.xml", "notice-joint.xml"}) {
    INFO(name);
    check_sample(name);
  }
}

// Fake bold: the stroked runs are shown between q and Q, and the text state
// the content stream has set before them is still the one after them.
TEST_CASE("pdf: glyphs of fake-bold runs and the runs after them are drawn at their positions",
          "[pdf][cli]") {
  if (!tool_exists("mutool")) HT_SKIP("mutool (MuPDF) is not installed");
  std::string xml = slurp(fs::path(HONGTOU_SOURCE_DIR) / "tests/fonts/fonts.xml");
  const std::string bold =
      "<font family=\"Noto Serif CJK SC\" style=\"Bold\" file=\"NotoSerifCJKsc-Bold.subset.otf\"/>";
  const size_t at = xml.find(bold);
  REQUIRE(at != std::string::npos);
  xml.replace(
      at, bold.size(),
      "<font family=\"No Such Bold\" style=\"Bold\"/><font family=\"Noto Serif CJK SC\" "
      "style=\"Regular\" file=\"NotoSerifCJKsc-Regular.subset.otf\" fake-bold=\"0.03em\"/>");
  const fs::path fonts = fs::path(HONGTOU_TEST_TMP) / ("fake-bold-" + std::to_string(::getpid()));
  fs::create_directories(fonts);
  std::ofstream(fonts / "fonts.xml") << xml;
  const std::string trace =
      check_sample("report.xml", cli_with_fonts((fonts / "fonts.xml").string()));
  CHECK(trace.find(" stroke=") != std::string::npos);
  fs::remove_all(fonts);
}
