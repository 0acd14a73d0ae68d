#pragma once
// fonts/fonts.xml as plain data: font roles and the candidates to try for
// each, best first. The fonts module turns this into loaded faces.
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace hongtou::model {

/// One way to find a face: a family (+ style) looked up through fontconfig,
/// or a file path (relative paths resolve against the configured font dirs).
struct font_candidate {
  std::string family;  // e.g. "仿宋_GB2312", "FandolFang"
  std::string style;   // e.g. "Bold"; empty = regular / any
  std::string file;    // e.g. "FandolFang-Regular.otf"
  int index = 0;       // face index inside a .ttc
};

struct font_role {
  std::string name;         // fangsong, xiaobiaosong, hei, kai, songti-digits
  std::string description;  // e.g. "仿宋 (body text)"
  std::vector<font_candidate> candidates;
  int line = 0, column = 0;  // position of the <role> element in fonts.xml (1-based)
};

struct font_config {
  std::vector<font_role> roles;
  /// The role with this name, or nullptr.
  const font_role* find(std::string_view name) const {
    for (const auto& r : roles)
      if (r.name == name) return &r;
    return nullptr;
  }
};

/// Parses fonts.xml. On failure returns false with a diagnostic.
bool parse_font_config(std::string_view xml, const std::string& source_name, font_config& out,
                       diagnostics& diags);

/// Reads and parses a fonts.xml file.
bool load_font_config(const std::string& path, font_config& out, diagnostics& diags);

}  // namespace hongtou::model
