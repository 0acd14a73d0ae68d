// SPDX-License-Identifier: Apache-2.0
// Fields: {{name}} in a document's text and attribute values, filled from
// values handed in (--data values.json, render_options::fields), else from
// the defaults of its <fields> and its template's. Filled after the XML is
// parsed and before any element is read, so a value is always plain text
// (never markup) and every element check sees the filled text. Syntax and
// messages: docs/model.md, "Fields".
#include <cstring>
#include <string>

#include "model/document_parser.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model::detail {

namespace {

constexpr std::string_view open_mark = "{{";
constexpr std::string_view close_mark = "}}";
constexpr std::string_view literal_open = "{{{{";  // a literal "{{"

// Whitespace at either end of a field's name is not part of it.
std::string trimmed(std::string_view s) {
  while (!s.empty() && is_xml_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && is_xml_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

void document_parser::read_fields(pugi::xml_node n, field_values& defaults) {
  check_attributes(n, {});
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      reject_text(c, n, "<field>");
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    if (std::strcmp(c.name(), "field") != 0) {
      error_at(c, "unknown element " + tag(c.name()) + " in <fields>; expected <field>");
      continue;
    }
    check_attributes(c, {"name", "default"});
    if (c.first_child())
      error_at(c.first_child(), "<field> must be empty; its values are attributes");
    const std::string name = trimmed(c.attribute("name").value());
    if (name.empty() || name.find_first_of("{}") != std::string::npos) {
      error_at(c, "<field> needs a name without { and }, e.g. name=\"姓名\"");
      continue;
    }
    // A field declared without a default documents that the data must give it.
    if (const pugi::xml_attribute d = c.attribute("default"))
      defaults[name] = d.value();
    else
      defaults.erase(name);
  }
}

bool document_parser::fill(std::string& text, size_t offset, const field_values& defaults) {
  if (text.find(open_mark) == std::string::npos) return true;
  std::string out;
  size_t i = 0;
  bool ok = true;
  while (i < text.size()) {
    const size_t at = text.find(open_mark, i);
    if (at == std::string::npos) {
      out.append(text, i, std::string::npos);
      break;
    }
    out.append(text, i, at - i);
    if (text.compare(at, literal_open.size(), literal_open) == 0) {
      out += open_mark;
      i = at + literal_open.size();
      continue;
    }
    const size_t end = text.find(close_mark, at + open_mark.size());
    const size_t here = offset == no_offset ? no_offset : offset + at;
    if (end == std::string::npos) {
      error_at(here, "unclosed field: \"{{\" without \"}}\"; write \"{{{{\" for a literal \"{{\"");
      return false;
    }
    const std::string name = trimmed(std::string_view(text).substr(at + 2, end - at - 2));
    const field_values* values = options_.fields;
    const field_values::const_iterator given =
        values ? values->find(name) : field_values::const_iterator{};
    const bool has_value = values && given != values->end();
    const auto fallback = defaults.find(name);
    if (name.empty() || name.find('{') != std::string::npos) {
      error_at(here, "bad field name \"" + shorten(name) + "\"; expected {{name}}");
      ok = false;
    } else if (!has_value && fallback == defaults.end()) {
      error_at(here, "no value for field '" + shorten(name) +
                         "'; give it in the data (--data FILE.json, a JSON object) or a default "
                         "in <fields>: <field name=\"" +
                         shorten(name) + "\" default=\"…\"/>");
      ok = false;
    } else {
      const std::string& value = has_value ? given->second : fallback->second;
      std::string what;
      if (find_invalid_char(value, what) != no_offset) {
        error_at(here, "the value of field '" + shorten(name) + "' is not XML text: " + what);
        ok = false;
      } else {
        out += value;
      }
    }
    i = end + close_mark.size();
  }
  text = std::move(out);
  return ok;
}

void document_parser::fill_fields(pugi::xml_node root, const field_values& defaults) {
  // Depth-first over root and its descendants, <fields> left out.
  pugi::xml_node n = root;
  while (n) {
    if (n.type() == pugi::node_element) {
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
        if (n == root && std::strcmp(a.name(), "template") == 0) continue;
        std::string v = a.value();
        if (v.find(open_mark) == std::string::npos) continue;
        // The value starts after name=" (the usual spelling; close enough for a position).
        const size_t o = offset_of(n, a);
        if (fill(v, o == no_offset ? o : o + std::strlen(a.name()) + 2, defaults))
          set_value(a, v.c_str());
      }
    } else if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      std::string v = n.value();
      if (v.find(open_mark) != std::string::npos && fill(v, src_.offset_of(n), defaults))
        set_value(n, v.c_str());
    }
    const bool skip = n.type() == pugi::node_element && n != root && n.parent() == root &&
                      std::strcmp(n.name(), "fields") == 0;
    if (n.first_child() && !skip) {
      n = n.first_child();
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
}

}  // namespace hongtou::model::detail
