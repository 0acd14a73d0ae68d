// SPDX-License-Identifier: Apache-2.0
#pragma once
// Files of the source tree, for tests: HONGTOU_SOURCE_DIR is the checkout.
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>

namespace hongtou::test {

/// The path of a file of the source tree, e.g. "samples/report.xml".
inline std::string source_path(const std::string& rel) {
  return std::string(HONGTOU_SOURCE_DIR) + "/" + rel;
}

/// The bytes of a file; empty when it cannot be read.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The bytes of a file of the source tree; empty when it cannot be read.
inline std::string read_source(const std::string& rel) {
  return read_file(source_path(rel));
}

/// The paragraphs of a corpus text (tests/data/corpus/*.txt, "#" lines and
/// blank lines left out) after its first `skip` (title, 发文字号,
/// addressee), each as "<p>…</p>".
inline std::string corpus_paragraphs(const std::string& rel, size_t skip) {
  std::istringstream in(read_source(rel));
  std::string line, out;
  size_t row = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (++row <= skip) continue;
    out += "<p>" + line + "</p>";
  }
  return out;
}

}  // namespace hongtou::test
