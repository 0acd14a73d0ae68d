// SPDX-License-Identifier: Apache-2.0
#pragma once
// Font providers: where the engine finds the faces fonts.xml asks for.
//   system_provider  the system's fonts through fontconfig
//   folder_provider  the font files of one folder (tests; applications that ship fonts)
//   memory_provider  font data an embedding application hands over
// font_set asks each provider in turn, for every candidate of a role.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fonts/config.hpp"

namespace hongtou::fonts {

/// Where a face's bytes are.
struct font_source {
  std::string path;    // a file path, or "memory:<name>" for in-memory data
  unsigned index = 0;  // face index inside a collection
  std::shared_ptr<const std::vector<uint8_t>> data;  // in-memory bytes; null for files
  std::string found_by;  // the provider, for reports: "fontconfig", "folder tests/fonts", "memory"
};

/// Finds faces for fonts.xml candidates. Implementations are immutable after
/// construction and safe to use from several threads.
class provider {
 public:
  virtual ~provider() = default;
  /// A face whose family name, in any language, equals c.family; with c.style,
  /// one whose primary style is c.style, else the weight nearest to Regular.
  /// False when there is none.
  virtual bool find_family(const font_candidate& c, font_source& out) const = 0;
  /// The face c.index of the font stored under the file name c.file. False
  /// when there is none.
  virtual bool find_file(const font_candidate& c, font_source& out) const = 0;
  /// What it searches, for messages: "system fonts (fontconfig)", "folder tests/fonts".
  virtual std::string describe() const = 0;
};

/// The system's fonts through fontconfig's default configuration; with
/// `fontconfig_file`, only the fonts that configuration file lists (none when
/// it cannot be loaded). With `cache_folder`, the list of faces fontconfig
/// gives is kept in a file there and read back, without starting fontconfig,
/// while its configuration, environment and font folders are unchanged.
std::unique_ptr<provider> system_provider(const std::string& fontconfig_file = {},
                                          const std::string& cache_folder = {});

/// The font files (.ttf .otf .ttc .otc) directly inside `dir`, read once
/// with FreeType; family and style names come from each face's name table.
std::unique_ptr<provider> folder_provider(const std::string& dir);

/// One font an application hands over: the bytes and the file name that
/// fonts.xml candidates may name it by.
struct memory_font {
  std::string name;  // e.g. "FZXiaoBiaoSong.ttf"
  std::vector<uint8_t> data;
};

/// The given in-memory fonts, found by family like files of a folder.
std::unique_ptr<provider> memory_provider(std::vector<memory_font> fonts);

}  // namespace hongtou::fonts
