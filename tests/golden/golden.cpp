// SPDX-License-Identifier: Apache-2.0
// Golden test runner: renders one tests/golden/<area>/<name>.xml to its
// trace with the committed test fonts and compares it with the <name>.trace
// beside it. ctest runs it once per file (tests/CMakeLists.txt); after a
// deliberate layout change, HONGTOU_REGEN=1 rewrites the .trace files —
// review the diff.
//   usage: hongtou_golden SOURCE_DIR DOCUMENT.xml
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "api/hongtou.hpp"

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first line where the two texts differ, 1-based; 0 when equal.
int first_difference(const std::string& a, const std::string& b, std::string& la, std::string& lb) {
  std::istringstream sa(a), sb(b);
  for (int line = 1;; ++line) {
    const bool ea = !std::getline(sa, la), eb = !std::getline(sb, lb);
    if (ea && eb) return 0;
    if (ea != eb || la != lb) {
      if (ea) la = "(end of text)";
      if (eb) lb = "(end of text)";
      return line;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: hongtou_golden SOURCE_DIR DOCUMENT.xml\n";
    return 64;
  }
  const std::string source = argv[1], input = argv[2];
  hongtou::engine_options o;
  o.data_dir = source;
  o.fonts_file = source + "/tests/fonts/fonts.xml";
  o.font_dirs = {source + "/tests/fonts"};
  o.layout_dirs = {source + "/tests/layouts"};
  o.system_fonts = false;
  hongtou::engine eng(o);
  hongtou::render_options ro;
  ro.format = hongtou::output_format::trace;
  const hongtou::render_result r = eng.render_memory(slurp(input), input, ro);
  for (const auto& d : r.diagnostics) std::cerr << hongtou::format(d) << '\n';
  if (!r.ok()) return 1;
  const std::string got(r.bytes.begin(), r.bytes.end());
  const std::string golden = input.substr(0, input.size() - 4) + ".trace";
  if (const char* regen = std::getenv("HONGTOU_REGEN"); regen && std::string(regen) == "1") {
    std::ofstream(golden, std::ios::binary) << got;
    std::cout << "regenerated " << golden << '\n';
    return 0;
  }
  const std::string want = slurp(golden);
  if (want.empty()) {
    std::cerr << golden << ": missing or empty; run with HONGTOU_REGEN=1 to create it\n";
    return 1;
  }
  std::string la, lb;
  if (const int line = first_difference(got, want, la, lb)) {
    std::cerr << golden << ":" << line << ": differs\n  got:  " << la << "\n  want: " << lb << '\n';
    return 1;
  }
  return 0;
}
