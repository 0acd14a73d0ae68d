// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared helpers of the layout_spec tests (layout_spec_test.cpp, layout_errors_test.cpp): the
// layouts of the source tree, layouts held in memory, and the errors of a layout as text.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "model/layout_spec.hpp"
#include "support/source.hpp"

namespace hongtou::test {

/// "line:column" of byte offset at in text, the column in characters.
inline std::string pos_at(const std::string& text, size_t at) {
  int line = 1, column = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

/// "line:column" of the first occurrence of needle in text.
inline std::string pos_of(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return pos_at(text, at);
}

/// Replaces the one occurrence of from in s.
inline std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(s.find(from, at + 1) == std::string::npos);
  return s.replace(at, from.size(), to);
}

/// A finder over layouts held in memory, named "<name>.xml".
inline model::layout_finder memory_finder(std::map<std::string, std::string> layouts) {
  return [layouts](const std::string& name, std::string& text, std::string& source) {
    const auto it = layouts.find(name);
    if (it == layouts.end()) {
      source = "memory";
      return false;
    }
    text = it->second;
    source = name + ".xml";
    return true;
  };
}

/// Every diagnostic as "file:line:column: message".
inline std::vector<std::string> layout_errors(const std::string& xml,
                                              const model::layout_finder& find = {}) {
  model::layout_spec spec;
  diagnostics diags;
  REQUIRE_FALSE(model::parse_layout(xml, "l.xml", spec, diags, find));
  REQUIRE(diags.has_errors());
  std::vector<std::string> out;
  for (const diagnostic& d : diags.items())
    out.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                  d.message);
  return out;
}

/// The first of layout_errors.
inline std::string first_layout_error(const std::string& xml,
                                      const model::layout_finder& find = {}) {
  return layout_errors(xml, find).front();
}

inline model::layout_spec load_ok(const std::vector<std::string>& dirs, const std::string& name) {
  model::layout_spec l;
  diagnostics diags;
  const bool ok = model::load_layout(dirs, name, l, diags);
  for (const diagnostic& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  CHECK(diags.items().empty());
  return l;
}

inline model::layout_spec gbt9704() {
  return load_ok({source_path("layouts")}, "gbt9704");
}

inline model::layout_spec parse_ok(const std::string& xml, const model::layout_finder& find) {
  model::layout_spec l;
  diagnostics diags;
  const bool ok = model::parse_layout(xml, "child.xml", l, diags, find);
  for (const diagnostic& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  return l;
}

/// A child of gbt9704 (held in memory) that writes body.
inline model::layout_spec child_of_gbt9704(const std::string& body) {
  const std::string xml = "<layout name=\"child\" extends=\"gbt9704\">" + body + "</layout>";
  return parse_ok(xml, memory_finder({{"gbt9704", read_source("layouts/gbt9704.xml")}}));
}

}  // namespace hongtou::test
