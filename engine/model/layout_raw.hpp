// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to engine/model: one layout file as written, before `extends` is
// resolved — element -> attribute -> text and where it was written. Only the
// vocabulary is checked here (known elements and attributes, no duplicates,
// empty elements, the key of keyed elements); values are checked after the
// layouts of a lineage are merged (layout_spec.cpp).
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/diagnostic.hpp"
#include "model/layout_schema.hpp"

namespace hongtou::model::detail {

/// One element as written: where, and its attributes by name (the key not among them).
struct raw_element {
  written_at where;  // the element's '<'
  std::map<std::string, raw_value> attrs;
};

/// An element's name and its key (the heading level); key 0 for elements without one.
using element_key = std::pair<std::string, int>;

/// One layout file as written.
struct raw_layout {
  std::string name;    // the name attribute
  raw_value extends;   // its text is empty when the layout extends none
  written_at root;     // the <layout> element
  written_at name_at;  // the name attribute
  std::map<element_key, raw_element> elements;
};

/// Reads the text of one layout file, named source in diagnostics, at depth
/// (0: the layout asked for, 1: its parent, …). On failure returns false with
/// errors in diags.
bool read_raw_layout(std::string_view xml, const std::string& source, size_t depth, raw_layout& out,
                     diagnostics& diags);

}  // namespace hongtou::model::detail
