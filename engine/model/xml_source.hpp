// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to engine/model: what the three XML readers (document, layout,
// font_config) share — the source text with its line index, errors at
// line:column, the pugixml parse, reading a file, and small value checks.
#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostic.hpp"

namespace hongtou::model::detail {

/// An offset pugixml could not give.
inline constexpr size_t no_offset = static_cast<size_t>(-1);

/// 1-based line and column (in characters); 0 = unknown.
struct line_col {
  int line = 0, column = 0;
};

/// What one XML file may hold (hongtou::limits); 0 = no limit.
struct xml_limits {
  uint64_t elements = 200'000, depth = 64, cluster_marks = 16;
};

/// Why a character cannot stand in a document ("a control character",
/// "a noncharacter", …), or nullptr when it may.
const char* refused_char(char32_t cp);
/// True for the characters removed from a document's text with a warning:
/// bidirectional controls and zero-width characters.
bool removed_char(char32_t cp);

/// Offset of the first byte that is not valid UTF-8 or a character a
/// document may not hold (refused_char), or no_offset; what describes it.
size_t find_invalid_char(std::string_view s, std::string& what);

/// The text of one XML file, under the name its diagnostics carry. Turns
/// byte offsets and pugixml nodes into line:column and reports errors there.
/// text, name and diags must outlive it.
class xml_source {
 public:
  /// Past max_errors errors, one "too many errors" is added and the rest dropped.
  xml_source(std::string_view text, const std::string& name, diagnostics& diags,
             size_t max_errors = SIZE_MAX)
      : text_(text), name_(name), diags_(diags), max_errors_(max_errors) {}

  /// The limits parse checks (the defaults of hongtou::limits until set).
  void set_limits(const xml_limits& l) { limits_ = l; }

  /// The whole text being read.
  std::string_view text() const { return text_; }
  /// Errors reported so far, dropped ones included; 0 while all is well.
  size_t errors() const { return errors_; }

  /// Parses the text into doc with pugixml's options. Before, every
  /// character is checked where it is written, references included
  /// (xml_chars.cpp); a DOCTYPE is refused. After, the element count and
  /// depth are checked against the limits, and bidirectional controls and
  /// zero-width characters are removed (with one warning per character).
  /// On failure returns false after reporting the problem at its place;
  /// throws std::bad_alloc when pugixml runs out of memory.
  bool parse(pugi::xml_document& doc, unsigned options);

  /// Reports an element whose text (its own and its children's, after
  /// fields are filled) is longer than max characters (0 = no limit);
  /// what names the limit. False when one is.
  bool check_text_lengths(pugi::xml_node root, uint64_t max, const char* limit_name);

  /// Line and column of a byte offset (clamped to the text); {0, 0} for no_offset.
  line_col pos_at(size_t offset);
  /// Offset of an element's '<' or a text node's first byte; no_offset when unknown.
  size_t offset_of(pugi::xml_node n) const;
  /// Offset of an attribute's name; its element's when unknown.
  size_t offset_of(pugi::xml_node n, pugi::xml_attribute a) const;

  /// Adds an error at an offset, a node (see offset_of) or an attribute.
  void error_at(size_t offset, std::string message);
  void error_at(pugi::xml_node n, std::string message) {
    error_at(offset_of(n), std::move(message));
  }
  void error_at(pugi::xml_node n, pugi::xml_attribute a, std::string message) {
    error_at(offset_of(n, a), std::move(message));
  }

 private:
  std::string_view text_;
  const std::string& name_;
  diagnostics& diags_;
  size_t max_errors_;
  size_t errors_ = 0;
  xml_limits limits_;
  bool needs_removal_ = false;  // the scan found characters to remove
  // Built on the first position asked for: the offsets where lines start,
  // and the column of every checkpoint_bytes-th byte, so that a position
  // costs at most that many bytes of counting even on a one-line file.
  static constexpr size_t checkpoint_bytes = 1024;
  std::vector<size_t> line_starts_;
  std::vector<uint32_t> checkpoint_columns_;

  bool scan_chars();                         // xml_chars.cpp
  bool check_tree(pugi::xml_document& doc);  // limits, removals
};

/// Sets the value of a node or attribute of a parsed tree. Throws
/// std::bad_alloc when pugixml runs out of memory (its false: the handle is valid).
template <class Handle>
void set_value(Handle h, const char* value) {
  if (!h.set_value(value)) throw std::bad_alloc();
}

/// Reads a whole regular file of at most max_bytes into text; on failure
/// returns false after reporting "cannot open <path>: <reason>" against path.
bool read_file(const std::string& path, std::string& text, diagnostics& diags,
               uint64_t max_bytes = 16u << 20);

/// Reads the file at path and parses its text under the name path; false
/// with a diagnostic when either fails.
template <class Out>
bool load_file(const std::string& path, Out& out, diagnostics& diags,
               bool (*parse)(std::string_view, const std::string&, Out&, diagnostics&)) {
  std::string text;
  return read_file(path, text, diags) && parse(text, path, out, diags);
}

/// True for a non-empty name of lower-case letters, digits, - and _.
bool is_word(std::string_view s);

/// Parses a whole number without sign ("0", "12") into n; false when s is
/// anything else or out of int's range.
bool parse_whole(std::string_view s, int& n);

/// Parses a decimal number without sign or exponent ("12", "12.5", ".5")
/// into v; false when s is anything else.
bool parse_decimal(std::string_view s, double& v);

}  // namespace hongtou::model::detail
