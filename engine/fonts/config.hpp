#pragma once
// fonts.xml as plain data: font roles and the candidates to try for each,
// best first. model/ reads the file into it; font_set resolves it.
#include <string>
#include <string_view>
#include <vector>

namespace hongtou::fonts {

/// One way to find a face: a family (+ style) looked up by the providers, or
/// a file name (resolved by the providers: a font folder, fontconfig's folders,
/// or the name an application gave in-memory data).
struct font_candidate {
  std::string family;  // e.g. "仿宋_GB2312", "FandolFang"
  std::string style;   // e.g. "Bold"; empty = regular / any
  std::string file;    // e.g. "FandolFang-Regular.otf"; an absolute path is used as it is
  int index = 0;       // face index inside a .ttc
};

struct font_role {
  std::string name;         // fangsong, xiaobiaosong, hei, kai, songti-digits, fallback
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

}  // namespace hongtou::fonts
