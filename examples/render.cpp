// SPDX-License-Identifier: Apache-2.0
// Renders a 公文 XML file to PDF through the installed library (C++17).
// Usage: render DOC.xml OUT.pdf
#include <hongtou/hongtou.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) return 64;
  hongtou::engine eng;
  hongtou::render_result r = eng.render_file(argv[1], argv[2]);
  for (const auto& d : r.diagnostics) std::cerr << hongtou::format(d) << '\n';
  if (!r.ok()) return 2;
  std::cout << "render: " << r.pages << " pages\n";
  return 0;
}
