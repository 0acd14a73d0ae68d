// SPDX-License-Identifier: Apache-2.0
// fonts/fonts.xml → fonts::font_config. The format is documented at the top of
// fonts/fonts.xml and in docs/model.md ("Font roles").
#include "model/font_config.hpp"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "model/xml_source.hpp"

namespace hongtou::model {
namespace {

using detail::xml_source;
using fonts::font_candidate;
using fonts::font_config;
using fonts::font_role;

std::string tag(const char* name) {
  return "<" + std::string(name) + ">";
}

class font_config_parser {
 public:
  font_config_parser(std::string_view xml, const std::string& name, diagnostics& diags)
      : src_(xml, name, diags) {}

  bool run(font_config& out) {
    pugi::xml_document xdoc;
    if (!src_.parse(xdoc, pugi::parse_default)) return false;
    font_config config;
    read_root(xdoc.document_element(), config);
    if (src_.errors() > 0) return false;
    out = std::move(config);
    return true;
  }

 private:
  void check_attributes(pugi::xml_node n, const std::vector<const char*>& allowed) {
    std::string expected;
    for (size_t i = 0; i < allowed.size(); ++i)
      expected += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + std::string(allowed[i]);
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
      if (std::none_of(allowed.begin(), allowed.end(),
                       [&](const char* s) { return std::strcmp(s, a.name()) == 0; }))
        src_.error_at(n, a,
                      "unknown attribute " + std::string(a.name()) + " on " + tag(n.name()) +
                          "; expected " + expected);
  }

  /// Reports text and any child element other than child_name (`expected`
  /// says what may be there; empty: <child_name>).
  bool is_child(pugi::xml_node parent, pugi::xml_node c, const char* child_name,
                std::string expected = {}) {
    if (expected.empty()) expected = tag(child_name);
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      src_.error_at(c, "text is not allowed in " + tag(parent.name()) + "; expected " + expected);
      return false;
    }
    if (c.type() != pugi::node_element) return false;
    if (std::strcmp(c.name(), child_name) != 0) {
      src_.error_at(c, "unknown element " + tag(c.name()) + " in " + tag(parent.name()) +
                           "; expected " + expected);
      return false;
    }
    return true;
  }

  void read_root(pugi::xml_node root, font_config& config) {
    if (!root || std::strcmp(root.name(), "fonts") != 0) {
      src_.error_at(
          root ? src_.offset_of(root) : 0,
          "expected root element <fonts>" + (root ? ", found " + tag(root.name()) : std::string()));
      return;
    }
    check_attributes(root, {});
    std::vector<pugi::xml_node> aliases;
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && std::strcmp(c.name(), "alias") == 0)
        aliases.push_back(c);
      else if (is_child(root, c, "role", "<role> or <alias>"))
        read_role(c, config);
    }
    if (config.roles.empty() && src_.errors() == 0)
      src_.error_at(root, "empty <fonts>; expected <role>");
    for (pugi::xml_node a : aliases) read_alias(a, config);
  }

  /// <alias name="仿宋_GB2312" role="fangsong"/>: read after every role, so
  /// that an alias may come before the role it names.
  void read_alias(pugi::xml_node n, font_config& config) {
    check_attributes(n, {"name", "role"});
    if (n.first_child())
      src_.error_at(n.first_child(), "<alias> must be empty; its values are attributes");
    fonts::font_alias alias;
    const detail::line_col pos = src_.pos_at(src_.offset_of(n));
    alias.line = pos.line;
    alias.column = pos.column;
    const pugi::xml_attribute name = n.attribute("name"), role = n.attribute("role");
    alias.name = name.value();
    alias.role = role.value();
    if (!name || alias.name.empty())
      src_.error_at(n, std::string(name ? "empty" : "missing") + " attribute name on <alias>");
    else if (config.find(alias.name))
      src_.error_at(n, name, "<alias name=\"" + alias.name + "\"> is the name of a <role>");
    else if (const fonts::font_alias* before = config.find_alias(alias.name))
      src_.error_at(n, name,
                    "duplicate <alias name=\"" + alias.name + "\"> (also on line " +
                        std::to_string(before->line) + ")");
    if (!role)
      src_.error_at(n, "missing attribute role on <alias>");
    else if (!config.find(alias.role))
      src_.error_at(n, role,
                    "<alias name=\"" + alias.name + "\"> names the role \"" + alias.role +
                        "\", which this file does not define; expected " + role_names(config));
    config.aliases.push_back(std::move(alias));
  }

  static std::string role_names(const font_config& config) {
    std::string out;
    for (size_t i = 0; i < config.roles.size(); ++i)
      out += (i == 0 ? "" : i + 1 == config.roles.size() ? " or " : ", ") + config.roles[i].name;
    return out.empty() ? "a <role> of this file" : out;
  }

  void read_role(pugi::xml_node n, font_config& config) {
    check_attributes(n, {"name", "description"});
    font_role role;
    const detail::line_col pos = src_.pos_at(src_.offset_of(n));
    role.line = pos.line;
    role.column = pos.column;
    const pugi::xml_attribute name = n.attribute("name");
    role.name = name.value();
    role.description = n.attribute("description").value();
    if (!name)
      src_.error_at(n, "missing attribute name on <role>");
    else if (!detail::is_word(role.name))
      src_.error_at(
          n, name,
          "bad role name \"" + role.name + "\"; expected lower-case letters, digits, - and _");
    else if (config.find(role.name))
      src_.error_at(n, name, "duplicate <role name=\"" + role.name + "\">");
    if (!n.attribute("description")) src_.error_at(n, "missing attribute description on <role>");

    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (is_child(n, c, "font")) read_font(c, role);
    if (role.candidates.empty())
      src_.error_at(n, "empty <role name=\"" + role.name + "\">; expected at least one <font>");
    config.roles.push_back(std::move(role));
  }

  void read_font(pugi::xml_node n, font_role& role) {
    check_attributes(n, {"family", "style", "file", "index", "fake-bold"});
    if (n.first_child())
      src_.error_at(n.first_child(), "<font> must be empty; its values are attributes");
    font_candidate f;
    f.family = n.attribute("family").value();
    f.style = n.attribute("style").value();
    f.file = n.attribute("file").value();
    if (f.family.empty() && f.file.empty())
      src_.error_at(n, "a <font> needs a family or a file (or both)");
    if (n.attribute("style") && f.style.empty())
      src_.error_at(n, n.attribute("style"), "empty style on <font>");
    if (const pugi::xml_attribute a = n.attribute("index")) {
      if (!detail::parse_whole(a.value(), f.index) || f.index > 65535)
        src_.error_at(n, a,
                      "bad index \"" + std::string(a.value()) +
                          "\" on <font>; expected a face number from 0 to 65535");
      else if (f.file.empty())
        src_.error_at(n, a, "index on <font> needs a file (it numbers the faces of a .ttc file)");
    }
    if (const pugi::xml_attribute a = n.attribute("fake-bold")) {
      // "0.03em": the stroke width of fake bold in em of the text's size.
      const std::string_view v = a.value();
      const bool em = v.size() > 2 && v.substr(v.size() - 2) == "em";
      if (!em || !detail::parse_decimal(v.substr(0, v.size() - 2), f.fake_bold) ||
          f.fake_bold <= 0 || f.fake_bold > 0.2)
        src_.error_at(n, a,
                      "bad fake-bold \"" + std::string(v) +
                          "\" on <font>; expected a stroke width in em above 0 and at most "
                          "0.2em, e.g. \"0.03em\"");
    }
    role.candidates.push_back(std::move(f));
  }

  xml_source src_;
};

}  // namespace

bool parse_font_config(std::string_view xml, const std::string& source_name,
                       fonts::font_config& out, diagnostics& diags) {
  return font_config_parser(xml, source_name, diags).run(out);
}

bool load_font_config(const std::string& path, fonts::font_config& out, diagnostics& diags) {
  return detail::load_file(path, out, diags, &parse_font_config);
}

}  // namespace hongtou::model
