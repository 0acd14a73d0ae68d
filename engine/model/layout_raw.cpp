// SPDX-License-Identifier: Apache-2.0
// One layout file -> raw_layout: its vocabulary checked against the schema
// table, its values kept as text with the place they were written.
#include "model/layout_raw.hpp"

#include <cstring>
#include <set>
#include <vector>

#include <pugixml.hpp>

#include "model/xml_source.hpp"

namespace hongtou::model::detail {
namespace {

class raw_reader {
 public:
  raw_reader(std::string_view xml, const std::string& source, size_t depth, diagnostics& diags)
      : src_(xml, source, diags), source_(source), depth_(depth) {}

  bool run(raw_layout& out) {
    pugi::xml_document xdoc;
    // parse_fragment keeps text and elements beside the root, so they can be reported.
    if (!src_.parse(xdoc, pugi::parse_default | pugi::parse_fragment)) return false;
    raw_layout raw;
    if (const pugi::xml_node root = find_root(xdoc)) {
      raw.root = at(src_.offset_of(root));
      read_root_attributes(root, raw);
      read_children(root, raw);
    }
    if (src_.errors() > 0) return false;
    out = std::move(raw);
    return true;
  }

 private:
  written_at at(size_t offset) {
    const line_col p = src_.pos_at(offset);
    return {source_, p.line, p.column};
  }
  raw_value value_of(pugi::xml_node n, pugi::xml_attribute a) {
    return {a.value(), at(src_.offset_of(n, a)), depth_};
  }

  /// Offset of the first character of a text node that is not XML whitespace.
  size_t first_non_space(pugi::xml_node text) const {
    size_t i = src_.offset_of(text);
    const std::string_view t = src_.text();
    if (i == no_offset) return i;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    return i;
  }

  /// The one <layout> element; null after reporting when there is none.
  pugi::xml_node find_root(const pugi::xml_document& xdoc) {
    pugi::xml_node root;
    for (pugi::xml_node c = xdoc.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        src_.error_at(first_non_space(c), "text is not allowed outside the root element <layout>");
      } else if (c.type() == pugi::node_element && !root) {
        root = c;
      } else if (c.type() == pugi::node_element) {
        src_.error_at(c, "only one root element is allowed; found " + tag(c.name()) + " after " +
                             tag(root.name()));
      }
    }
    if (!root || std::strcmp(root.name(), "layout") != 0) {
      src_.error_at(root ? src_.offset_of(root) : 0,
                    "expected root element <layout>" +
                        (root ? ", found " + tag(root.name()) : std::string()));
      return {};
    }
    return root;
  }

  /// name (required) and extends (optional), both layout names.
  void read_root_attributes(pugi::xml_node root, raw_layout& raw) {
    std::set<std::string> seen;
    for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
      const std::string name = a.name();
      if (!seen.insert(name).second) {
        src_.error_at(root, a, "duplicate attribute " + name + " on <layout>");
      } else if (name != "name" && name != "extends") {
        src_.error_at(root, a,
                      "unknown attribute " + name + " on <layout>; expected name or extends");
      } else if (!is_word(a.value())) {
        src_.error_at(root, a,
                      "bad name \"" + std::string(a.value()) + "\" in " + name +
                          " on <layout>; expected lower-case letters, digits, - and _");
      } else if (name == "name") {
        raw.name = a.value();
        raw.name_at = at(src_.offset_of(root, a));
      } else {
        raw.extends = value_of(root, a);
      }
    }
    if (!root.attribute("name")) src_.error_at(root, "missing attribute name on <layout>");
  }

  void read_children(pugi::xml_node root, raw_layout& raw) {
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        src_.error_at(first_non_space(c), "text is not allowed in <layout>; expected elements");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (const element_def* def = find_element(c.name())) {
        read_element(c, *def, raw);
        continue;
      }
      std::vector<std::string> names;
      for (const element_def& e : layout_schema()) names.push_back(tag(e.name));
      src_.error_at(
          c, "unknown element " + tag(c.name()) + " in <layout>; expected " + or_list(names));
    }
  }

  void read_element(pugi::xml_node n, const element_def& def, raw_layout& raw) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element || c.type() == pugi::node_pcdata ||
          c.type() == pugi::node_cdata) {
        src_.error_at(c, tag(n.name()) + " must be empty; its values are attributes");
        break;
      }
    raw_element e;
    e.where = at(src_.offset_of(n));
    int key = 0;
    if (!read_attributes(n, def, e, key)) return;
    if (raw.elements.emplace(element_key{def.name, key}, std::move(e)).second) return;
    if (def.key)
      src_.error_at(n, "duplicate " + instance_tag(def, key) + " in <layout>");
    else
      src_.error_at(n, "duplicate " + tag(def.name) + " in <layout>; only one is allowed");
  }

  /// Stores the attributes of n in e and its key in key; false when the key is missing or bad.
  bool read_attributes(pugi::xml_node n, const element_def& def, raw_element& e, int& key) {
    std::set<std::string> seen;
    bool key_ok = def.key == nullptr;
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const std::string name = a.name();
      if (!seen.insert(name).second) {
        src_.error_at(n, a, "duplicate attribute " + name + " on " + tag(def.name));
      } else if (def.key && name == def.key) {
        key_ok = read_key(n, a, def, key);
      } else if (known(def, name)) {
        e.attrs.emplace(name, value_of(n, a));
      } else {
        std::vector<std::string> names;
        if (def.key) names.emplace_back(def.key);
        for (const attr_def& d : def.attrs) names.emplace_back(d.name);
        src_.error_at(
            n, a,
            "unknown attribute " + name + " on " + tag(def.name) + "; expected " + or_list(names));
      }
    }
    if (def.key && !n.attribute(def.key))
      src_.error_at(n, "missing attribute " + std::string(def.key) + " on " + tag(def.name));
    return key_ok;
  }

  bool read_key(pugi::xml_node n, pugi::xml_attribute a, const element_def& def, int& key) {
    if (parse_whole(a.value(), key) && key >= def.key_lo && key <= def.key_hi) return true;
    src_.error_at(n, a,
                  "bad count \"" + std::string(a.value()) + "\" in " + def.key + " on " +
                      tag(def.name) + "; expected a whole number from " +
                      std::to_string(def.key_lo) + " to " + std::to_string(def.key_hi));
    return false;
  }

  static bool known(const element_def& def, const std::string& name) {
    for (const attr_def& d : def.attrs)
      if (name == d.name) return true;
    return false;
  }

  xml_source src_;
  const std::string& source_;
  size_t depth_;
};

}  // namespace

bool read_raw_layout(std::string_view xml, const std::string& source, size_t depth, raw_layout& out,
                     diagnostics& diags) {
  return raw_reader(xml, source, depth, diags).run(out);
}

}  // namespace hongtou::model::detail
