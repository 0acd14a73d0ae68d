// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to engine/model: the vocabulary of layout files as one table. Each
// element lists its attributes; each attribute knows its type (how its text
// is checked and converted) and the layout_spec field it fills. The reader
// (layout_raw.cpp, layout_spec.cpp) has no other knowledge of the format.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/layout_spec.hpp"

namespace hongtou::model::detail {

/// Where something was written: the file and a 1-based line and column.
struct written_at {
  std::string file;
  int line = 0, column = 0;
};

/// One attribute value as a layout file wrote it.
struct raw_value {
  std::string text;
  written_at where;
  size_t depth = 0;  // 0: the layout asked for, 1: its parent, 2: the grandparent, …
};

/// Adds errors at the place a value was written and counts them.
class layout_errors {
 public:
  /// diags must outlive it.
  explicit layout_errors(diagnostics& diags) : diags_(diags) {}
  /// Adds an error at where.
  void add(const written_at& where, std::string message) {
    ++count_;
    diags_.error(where.file, where.line, where.column, std::move(message));
  }
  /// Errors added so far.
  size_t count() const { return count_; }

 private:
  diagnostics& diags_;
  size_t count_ = 0;
};

/// What converting one value knows besides its text.
struct value_context {
  const char* element;       // e.g. "issuer", for messages
  const char* attribute;     // e.g. "top"
  size_t index;              // instance of a keyed element (heading level - 1), else 0
  const char* em_from;       // element whose size is 1em here; nullptr: em not allowed
  std::optional<double> em;  // that size in pt; empty when the size is itself in error
};

/// Checks and converts one value into its field of layout_spec; reports
/// errors (none when the value is good) and then leaves the field alone.
using value_converter =
    std::function<void(const raw_value&, const value_context&, layout_spec&, layout_errors&)>;

/// One attribute of an element: its name and its converter.
struct attr_def {
  const char* name;
  value_converter convert;
  bool optional = false;  // missing is no error here: the element's check decides
};

/// One element as the merged layouts give it, for a check across its attributes.
struct element_values {
  written_at where;  // the element, as the nearest layout wrote it
  std::function<const raw_value*(const char*)> value;  // an attribute's value; nullptr: none
  std::string in;  // " in layout 'x' or the layouts it extends", or empty, for messages
};

/// Checks the values of one element against each other (and against the
/// elements before it in the vocabulary, whose fields are set); runs once
/// every value of the layout converted without error, and reports at the values.
using element_check = std::function<void(const element_values&, layout_spec&, layout_errors&)>;

/// One element of the vocabulary.
struct element_def {
  const char* name;
  const char* em_from;  // element whose `size` is 1em in this one's lengths; nullptr: no em
  const char* key;      // attribute telling instances apart ("level"); nullptr: one instance
  int key_lo, key_hi;   // the key's range; every key in it must be given
  std::vector<attr_def> attrs;
  element_check check = nullptr;  // optional: rules across its attributes
};

/// Every element a layout may hold, in the order the messages list them.
const std::vector<element_def>& layout_schema();

/// The element named name; nullptr when the vocabulary has none.
const element_def* find_element(std::string_view name);

/// "<name>".
std::string tag(std::string_view name);

/// The tag of one instance: `<heading level="2">` for a keyed element, else `<title>`.
std::string instance_tag(const element_def& def, int key);

/// "a", "a or b", "a, b or c"; "none" when empty.
std::string or_list(const std::vector<std::string>& items);

/// A length of "mm" or "pt" (no em) in pt; empty when text is anything else.
std::optional<double> parse_absolute_length(std::string_view text);

}  // namespace hongtou::model::detail
