// SPDX-License-Identifier: Apache-2.0
// Renders a document in memory through the installed library and checks
// that a PDF came back. Usage: consumer DOC.xml
#include <hongtou/hongtou.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream xml;
  xml << in.rdbuf();
  hongtou::engine eng;
  hongtou::render_result r = eng.render_memory(xml.str(), argv[1]);
  for (const auto& d : r.diagnostics) std::cerr << hongtou::format(d) << '\n';
  if (!r.ok() || r.bytes.size() < 5 || std::string(r.bytes.begin(), r.bytes.begin() + 5) != "%PDF-")
    return 1;
  std::cout << "consumer: " << r.pages << " pages, " << r.bytes.size() << " bytes\n";
  return 0;
}
