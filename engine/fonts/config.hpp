// SPDX-License-Identifier: Apache-2.0
#pragma once
// fonts.xml as plain data: font roles and the candidates to try for each,
// best first. model/ reads the file into it; font_set resolves it.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace hongtou::fonts {

/// One way to find a face: a family (+ style) looked up by the providers, or
/// a file name (resolved by the providers: a font folder, fontconfig's folders,
/// or the name an application gave in-memory data).
struct font_candidate {
  std::string family;    // e.g. "仿宋_GB2312", "FandolFang"
  std::string style;     // e.g. "Bold"; empty = regular / any
  std::string file;      // e.g. "FandolFang-Regular.otf"; an absolute path is used as it is
  int index = 0;         // face index inside a .ttc
  double fake_bold = 0;  // em: a regular face standing in for a bold one is stroked this wide
};

struct font_role {
  std::string name;         // fangsong, xiaobiaosong, hei, kai, songti-digits, fallback
  std::string description;  // e.g. "仿宋 (body text)"
  std::vector<font_candidate> candidates;
  int line = 0, column = 0;  // position of the <role> element in fonts.xml (1-based)
};

/// A name users write for a font (仿宋_GB2312, SimHei, Times New Roman) and
/// the role that stands for it.
struct font_alias {
  std::string name;          // e.g. "仿宋_GB2312"; compared ignoring the case of ASCII letters
  std::string role;          // e.g. "fangsong": a role of the same fonts.xml
  int line = 0, column = 0;  // position of the <alias> element in fonts.xml (1-based)
};

struct font_config {
  std::vector<font_role> roles;
  std::vector<font_alias> aliases;
  /// The role with this name, or nullptr.
  const font_role* find(std::string_view name) const {
    for (const auto& r : roles)
      if (r.name == name) return &r;
    return nullptr;
  }
  /// The alias of this name (ASCII letters in any case, as fontconfig
  /// compares families), or nullptr.
  const font_alias* find_alias(std::string_view name) const {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (const auto& a : aliases)
      if (a.name.size() == name.size() &&
          std::equal(a.name.begin(), a.name.end(), name.begin(),
                     [&](char x, char y) { return lower(x) == lower(y); }))
        return &a;
    return nullptr;
  }
  /// The role a layout's name stands for: the role of that name, else the
  /// role of the alias of that name; nullptr when neither exists.
  const font_role* lookup(std::string_view name) const {
    if (const font_role* r = find(name)) return r;
    const font_alias* a = find_alias(name);
    return a ? find(a->role) : nullptr;
  }
};

}  // namespace hongtou::fonts
