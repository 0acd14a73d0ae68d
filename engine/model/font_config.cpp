// fonts/fonts.xml → font_config. The format is documented at the top of
// fonts/fonts.xml and in docs/model.md ("Font roles").
#include "model/font_config.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <system_error>
#include <utility>
#include <vector>

#include <pugixml.hpp>

namespace hongtou::model {
namespace {

constexpr size_t no_offset = static_cast<size_t>(-1);

struct line_col {
  int line = 0, column = 0;  // 1-based; 0 = unknown
};

// Positions in the source text. (document.cpp and layout_spec.cpp hold the
// same few lines; a private model/xml_support.hpp would let them share it.)
class source_text {
 public:
  explicit source_text(std::string_view text) : text_(text) {}

  line_col pos_at(size_t offset) {
    if (offset == no_offset) return {};
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n')))
          line_starts_.push_back(i + 1);
    }
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
    size_t column = 1;  // in characters
    for (size_t i = *it; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    const auto line = static_cast<size_t>(it - line_starts_.begin()) + 1;
    return {static_cast<int>(std::min<size_t>(line, INT_MAX)),
            static_cast<int>(std::min<size_t>(column, INT_MAX))};
  }

  /// Offset of an element's '<'.
  size_t offset_of(pugi::xml_node n) const {
    const ptrdiff_t off = n.offset_debug();
    if (off <= 0 || static_cast<size_t>(off) > text_.size()) return off == 0 ? 0 : no_offset;
    return static_cast<size_t>(off) - (n.type() == pugi::node_element ? 1 : 0);
  }

  /// Offset of an attribute's name (its element's when unknown).
  size_t offset_of(pugi::xml_node n, pugi::xml_attribute a) const {
    const ptrdiff_t off = n.offset_debug();
    if (off < 0) return offset_of(n);
    const auto base = reinterpret_cast<uintptr_t>(n.name()) - static_cast<uintptr_t>(off);
    const auto at = reinterpret_cast<uintptr_t>(a.name());
    if (at < base || at - base >= text_.size()) return offset_of(n);
    return static_cast<size_t>(at - base);
  }

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

std::string tag(const char* name) { return "<" + std::string(name) + ">"; }

class font_config_parser {
 public:
  font_config_parser(std::string_view xml, const std::string& name, diagnostics& diags)
      : src_(xml), xml_(xml), name_(name), diags_(diags) {}

  bool run(font_config& out) {
    pugi::xml_document xdoc;
    const pugi::xml_parse_result r =
        xdoc.load_buffer(xml_.data(), xml_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!r) {
      error_at(r.offset < 0 ? 0 : static_cast<size_t>(r.offset),
               std::string("malformed XML: ") + r.description());
      return false;
    }
    font_config config;
    read_root(xdoc.document_element(), config);
    if (failed_) return false;
    out = std::move(config);
    return true;
  }

 private:
  void error_at(size_t offset, std::string message) {
    failed_ = true;
    const line_col p = src_.pos_at(offset);
    diags_.error(name_, p.line, p.column, std::move(message));
  }
  void error_at(pugi::xml_node n, std::string message) {
    error_at(src_.offset_of(n), std::move(message));
  }
  void error_at(pugi::xml_node n, pugi::xml_attribute a, std::string message) {
    error_at(src_.offset_of(n, a), std::move(message));
  }

  void check_attributes(pugi::xml_node n, const std::vector<const char*>& allowed) {
    std::string expected;
    for (size_t i = 0; i < allowed.size(); ++i)
      expected += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + std::string(allowed[i]);
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
      if (std::none_of(allowed.begin(), allowed.end(),
                       [&](const char* s) { return std::strcmp(s, a.name()) == 0; }))
        error_at(n, a, "unknown attribute " + std::string(a.name()) + " on " + tag(n.name()) +
                           "; expected " + expected);
  }

  /// Reports text and any child element other than child_name.
  bool is_child(pugi::xml_node parent, pugi::xml_node c, const char* child_name) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      error_at(c, "text is not allowed in " + tag(parent.name()) + "; expected " + tag(child_name));
      return false;
    }
    if (c.type() != pugi::node_element) return false;
    if (std::strcmp(c.name(), child_name) != 0) {
      error_at(c, "unknown element " + tag(c.name()) + " in " + tag(parent.name()) + "; expected " +
                      tag(child_name));
      return false;
    }
    return true;
  }

  void read_root(pugi::xml_node root, font_config& config) {
    if (!root || std::strcmp(root.name(), "fonts") != 0) {
      error_at(root ? src_.offset_of(root) : 0,
               "expected root element <fonts>" + (root ? ", found " + tag(root.name()) : std::string()));
      return;
    }
    check_attributes(root, {});
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling())
      if (is_child(root, c, "role")) read_role(c, config);
    if (config.roles.empty() && !failed_) error_at(root, "empty <fonts>; expected <role>");
  }

  void read_role(pugi::xml_node n, font_config& config) {
    check_attributes(n, {"name", "description"});
    font_role role;
    const pugi::xml_attribute name = n.attribute("name");
    role.name = name.value();
    role.description = n.attribute("description").value();
    const bool name_ok = !role.name.empty() && std::all_of(role.name.begin(), role.name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!name) error_at(n, "missing attribute name on <role>");
    else if (!name_ok)
      error_at(n, name, "bad role name \"" + role.name + "\"; expected lower-case letters, digits, - and _");
    else if (config.find(role.name))
      error_at(n, name, "duplicate <role name=\"" + role.name + "\">");
    if (!n.attribute("description")) error_at(n, "missing attribute description on <role>");

    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (is_child(n, c, "font")) read_font(c, role);
    if (role.candidates.empty())
      error_at(n, "empty <role name=\"" + role.name + "\">; expected at least one <font>");
    config.roles.push_back(std::move(role));
  }

  void read_font(pugi::xml_node n, font_role& role) {
    check_attributes(n, {"family", "style", "file", "index"});
    if (n.first_child()) error_at(n.first_child(), "<font> must be empty; its values are attributes");
    font_candidate f;
    f.family = n.attribute("family").value();
    f.style = n.attribute("style").value();
    f.file = n.attribute("file").value();
    if (f.family.empty() && f.file.empty())
      error_at(n, "a <font> needs a family or a file (or both)");
    if (n.attribute("style") && f.style.empty()) error_at(n, n.attribute("style"), "empty style on <font>");
    if (const pugi::xml_attribute a = n.attribute("index")) {
      const std::string_view v = a.value();
      const auto r = std::from_chars(v.data(), v.data() + v.size(), f.index);
      if (v.empty() || v[0] == '-' || r.ec != std::errc() || r.ptr != v.data() + v.size() ||
          f.index > 65535)
        error_at(n, a, "bad index \"" + std::string(v) + "\" on <font>; expected a face number from 0 to 65535");
      else if (f.file.empty())
        error_at(n, a, "index on <font> needs a file (it numbers the faces of a .ttc file)");
    }
    role.candidates.push_back(std::move(f));
  }

  source_text src_;
  std::string_view xml_;
  const std::string& name_;
  diagnostics& diags_;
  bool failed_ = false;
};

}  // namespace

bool parse_font_config(std::string_view xml, const std::string& source_name, font_config& out,
                       diagnostics& diags) {
  try {
    return font_config_parser(xml, source_name, diags).run(out);
  } catch (const std::bad_alloc&) {
    diags.error(source_name, 0, 0, "out of memory while reading the font configuration");
    return false;
  }
}

bool load_font_config(const std::string& path, font_config& out, diagnostics& diags) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    diags.error(path, 0, 0, "cannot open " + path + ": " + std::generic_category().message(errno));
    return false;
  }
  std::string text;
  char buf[16384];
  size_t got = 0;
  while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) text.append(buf, got);
  if (std::ferror(f.get())) {
    diags.error(path, 0, 0, "cannot read " + path + ": " + std::generic_category().message(errno));
    return false;
  }
  return parse_font_config(text, path, out, diags);
}

}  // namespace hongtou::model
