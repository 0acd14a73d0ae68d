#pragma once
// Files of the source tree, for tests: HONGTOU_SOURCE_DIR is the checkout.
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

}  // namespace hongtou::test
