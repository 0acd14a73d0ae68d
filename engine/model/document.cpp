// XML → document. The vocabulary, the whitespace rule and every message
// below are documented in docs/model.md; schema/gongwen.rng is the formal
// grammar of the same vocabulary.
#include "model/document.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <utility>

#include <pugixml.hpp>

#include "core/utf8.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model {
namespace {

using detail::no_offset;
using detail::xml_source;

constexpr size_t max_errors = 100;  // past this a broken file only adds noise
constexpr size_t max_name_in_message = 40;

bool is_xml_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_blank(const char* s) {
  for (; *s; ++s)
    if (!is_xml_space(static_cast<unsigned char>(*s))) return false;
  return true;
}

/// Characters between which a line break in the XML source vanishes: CJK
/// ideographs, kana, hangul, CJK and full-width punctuation, and the general
/// punctuation Chinese text uses at full width (— … “ ” ‘ ’ ·).
bool is_cjk(char32_t c) {
  switch (c) {
    case 0x00B7:
    case 0x2014:
    case 0x2015:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2025:
    case 0x2026:
      return true;
    default:
      break;
  }
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x9FFF) ||
         (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE1F) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

/// Normalises the whitespace of consecutive pieces of one paragraph (a run
/// may cross a piece boundary, e.g. "</lead>\n  text"): leading and trailing
/// whitespace goes; a run containing a line break between two CJK characters
/// goes; every other run becomes one space, kept in the piece where it began.
std::vector<std::string> normalise_whitespace(const std::vector<std::u32string>& pieces) {
  std::vector<std::u32string> out(pieces.size());
  char32_t prev = 0;  // last kept character; 0 = none yet
  bool pending = false, pending_break = false;
  size_t pending_piece = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    for (char32_t c : pieces[i]) {
      if (is_xml_space(c)) {
        if (!pending) {
          pending = true;
          pending_break = false;
          pending_piece = i;
        }
        if (c == '\n' || c == '\r') pending_break = true;
        continue;
      }
      if (pending && prev != 0 && !(pending_break && is_cjk(prev) && is_cjk(c)))
        out[pending_piece].push_back(U' ');
      pending = false;
      out[i].push_back(c);
      prev = c;
    }
  }
  std::vector<std::string> result;
  result.reserve(out.size());
  for (const auto& s : out) result.push_back(utf8_encode(s));
  return result;
}

/// Offset of the first byte that is not valid UTF-8 or not an XML character,
/// or no_offset; what describes the problem.
size_t find_invalid_char(std::string_view s, std::string& what) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80                   ? 1
                 : (c >= 0xC2 && c <= 0xDF) ? 2
                 : (c >= 0xE0 && c <= 0xEF) ? 3
                 : (c >= 0xF0 && c <= 0xF4) ? 4
                                            : 0;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    bool ok = len != 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    // Reject overlong forms, surrogates and code points past U+10FFFF.
    if (ok && ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
               (cp >= 0xD800 && cp <= 0xDFFF)))
      ok = false;
    if (!ok) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X", static_cast<unsigned>(c));
      what = buf;
      return i;
    }
    const bool xml_char = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                          (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
    if (!xml_char) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "character U+%04X is not allowed in XML",
                    static_cast<unsigned>(cp));
      what = buf;
      return i;
    }
    i += len;
  }
  return no_offset;
}

/// A name or value for a message, with very long (fuzzed) ones shortened.
std::string shorten(std::string s) {
  if (s.size() > max_name_in_message) {
    size_t cut = max_name_in_message;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return s;
}

/// "<name>" for a message.
std::string tag(const char* name) {
  return "<" + shorten(name) + ">";
}

/// "<a>", "<a> or <b>", "<a>, <b> or <c>".
std::string one_of(const std::vector<const char*>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += tag(names[i]);
  }
  return out;
}

/// One child slot of an element whose children follow a fixed order.
struct slot {
  const char* name;
  bool required;
};

class document_parser {
 public:
  document_parser(std::string_view xml, const std::string& name, diagnostics& diags)
      : src_(xml, name, diags, max_errors), name_(name) {}

  bool run(document& out) {
    std::string what;
    if (size_t bad = find_invalid_char(src_.text(), what); bad != no_offset) {
      error_at(bad, what + "; the document must be UTF-8 text");
      return false;
    }
    pugi::xml_document xdoc;
    // parse_fragment keeps text outside the root element, so it can be reported
    if (!src_.parse(xdoc, pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_fragment))
      return false;
    document doc;
    doc.source_name = name_;
    read_root(xdoc, doc);
    if (src_.errors() > 0) return false;
    out = std::move(doc);
    return true;
  }

 private:
  // ---- positions and errors ----

  /// Offset of an element's '<', or of a text node's first non-space character
  /// (with parse_ws_pcdata a text node often starts with the indentation).
  size_t offset_of(pugi::xml_node n) const {
    size_t o = src_.offset_of(n);
    if (n.type() == pugi::node_element || o == no_offset) return o;
    const std::string_view xml = src_.text();
    while (o < xml.size() && is_xml_space(static_cast<unsigned char>(xml[o]))) ++o;
    return o;
  }
  size_t offset_of(pugi::xml_node n, pugi::xml_attribute a) const { return src_.offset_of(n, a); }

  void error_at(size_t offset, std::string message) { src_.error_at(offset, std::move(message)); }
  void error_at(pugi::xml_node n, std::string message) {
    error_at(offset_of(n), std::move(message));
  }
  source_pos pos_of(pugi::xml_node n) {
    const detail::line_col p = src_.pos_at(offset_of(n));
    return {p.line, p.column};
  }

  // ---- generic checks ----

  /// Reports attributes not in allowed, and repeated ones.
  void check_attributes(pugi::xml_node n, const std::vector<const char*>& allowed) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const bool known = std::any_of(allowed.begin(), allowed.end(),
                                     [&](const char* s) { return std::strcmp(s, a.name()) == 0; });
      if (!known) {
        std::string expected = "no attributes";
        if (!allowed.empty()) {
          expected.clear();
          for (size_t i = 0; i < allowed.size(); ++i)
            expected += (i == 0                    ? ""
                         : i + 1 == allowed.size() ? " or "
                                                   : ", ") +
                        std::string(allowed[i]);
        }
        error_at(offset_of(n, a), "unknown attribute " + shorten(a.name()) + " on " +
                                      tag(n.name()) + "; expected " + expected);
        continue;
      }
      for (pugi::xml_attribute b = n.first_attribute(); b != a; b = b.next_attribute()) {
        if (std::strcmp(a.name(), b.name()) == 0) {
          error_at(offset_of(n, a),
                   "duplicate attribute " + shorten(a.name()) + " on " + tag(n.name()));
          break;
        }
      }
    }
  }

  /// Reports non-blank text directly inside an element that holds only elements.
  void reject_text(pugi::xml_node text, pugi::xml_node parent, const std::string& expected) {
    if (!is_blank(text.value()))
      error_at(text,
               "text is not allowed directly in " + tag(parent.name()) + "; expected " + expected);
  }

  /// Visits the element children of parent whose order is fixed by slots;
  /// reports unknown, repeated and misplaced children, stray text and
  /// missing required children. visit(slot index, child) gets each good child.
  template <class Visit>
  void read_ordered(pugi::xml_node parent, const std::vector<slot>& slots, Visit visit) {
    std::vector<const char*> names;
    for (const auto& s : slots) names.push_back(s.name);
    std::vector<bool> seen(slots.size(), false);
    size_t last = 0;
    bool any = false;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        reject_text(c, parent, one_of(names));
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      size_t i = 0;
      while (i < slots.size() && std::strcmp(slots[i].name, c.name()) != 0) ++i;
      if (i == slots.size()) {
        error_at(c, "unknown element " + tag(c.name()) + " in " + tag(parent.name()) +
                        "; expected " + one_of(names));
        continue;
      }
      if (seen[i]) {
        error_at(c, "duplicate " + tag(c.name()) + " in " + tag(parent.name()) +
                        "; only one is allowed");
        continue;
      }
      if (any && i < last) {
        error_at(c, tag(c.name()) + " must come before " + tag(slots[last].name) + " in " +
                        tag(parent.name()));
        seen[i] = true;  // present, only misplaced: not also "missing"
        continue;
      }
      seen[i] = true;
      last = i;
      any = true;
      visit(i, c);
    }
    for (size_t i = 0; i < slots.size(); ++i)
      if (slots[i].required && !seen[i])
        error_at(parent, "missing " + tag(slots[i].name) + " in " + tag(parent.name()));
  }

  /// Raw text of an element that may hold only text, split at <br/> when
  /// allow_br (one entry per line). Reports any other child.
  std::vector<std::u32string> raw_text(pugi::xml_node n, bool allow_br) {
    std::vector<std::u32string> lines(1);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        lines.back() += utf8_decode(c.value());
      } else if (c.type() == pugi::node_element) {
        if (allow_br && std::strcmp(c.name(), "br") == 0) {
          check_attributes(c, {});
          if (c.first_child()) error_at(c, "<br/> must be empty");
          lines.emplace_back();
        } else {
          error_at(c, "unknown element " + tag(c.name()) + " in " + tag(n.name()) + "; expected " +
                          (allow_br ? "text or <br/>" : "text only"));
        }
      }
    }
    return lines;
  }

  /// Whitespace-normalised text of a text-only element; reports empty text.
  std::string read_text(pugi::xml_node n) {
    check_attributes(n, {});
    std::string text = normalise_whitespace(raw_text(n, false)).front();
    if (text.empty()) error_at(n, "empty " + tag(n.name()) + "; expected text");
    return text;
  }

  /// The level attribute of <h> and <lead>; 0 after reporting a problem.
  int read_level(pugi::xml_node n) {
    check_attributes(n, {"level"});
    const pugi::xml_attribute a = n.attribute("level");
    if (!a) {
      error_at(n,
               "missing attribute level on " + tag(n.name()) + "; expected level=\"1\" to \"4\"");
      return 0;
    }
    const std::string v = a.value();
    if (v.size() != 1 || v[0] < '1' || v[0] > '4') {
      error_at(offset_of(n, a), "level must be 1..4 (found \"" + shorten(v) + "\")");
      return 0;
    }
    return v[0] - '0';
  }

  // ---- the vocabulary ----

  void read_root(const pugi::xml_document& xdoc, document& doc) {
    pugi::xml_node root;
    for (pugi::xml_node c = xdoc.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (!is_blank(c.value()))
          error_at(c, "text is not allowed outside the root element <gongwen>");
      } else if (c.type() == pugi::node_element) {
        if (root) {
          error_at(c, "only one root element is allowed; found " + tag(c.name()) + " after " +
                          tag(root.name()));
        } else {
          root = c;
        }
      }
    }
    if (!root) {
      error_at(0, "expected root element <gongwen>");
      return;
    }
    if (std::strcmp(root.name(), "gongwen") != 0) {
      error_at(root, "expected root element <gongwen>, found " + tag(root.name()));
      return;
    }
    check_attributes(root, {"layout"});
    if (const pugi::xml_attribute a = root.attribute("layout")) {
      const std::string v = a.value();
      const bool ok = !v.empty() && v.size() <= 64 && std::all_of(v.begin(), v.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '-' || ch == '_';
      });
      if (ok)
        doc.layout = v;
      else
        error_at(offset_of(root, a),
                 "layout must be a layout name such as \"gbt9704\" (letters, digits, - and _)");
    }
    static const std::vector<slot> slots = {{"header", false},
                                            {"title", true},
                                            {"addressee", false},
                                            {"body", true},
                                            {"signature", false}};
    read_ordered(root, slots, [&](size_t i, pugi::xml_node c) {
      switch (i) {
        case 0:
          read_header(c, doc.head);
          break;
        case 1:
          read_title(c, doc);
          break;
        case 2:
          doc.addressee = read_text(c);
          break;
        case 3:
          read_body(c, doc.body);
          break;
        default:
          read_signature(c, doc.sig);
          break;
      }
    });
  }

  void read_header(pugi::xml_node n, header& h) {
    check_attributes(n, {});
    static const std::vector<slot> slots = {{"copy-number", false},
                                            {"classification", false},
                                            {"urgency", false},
                                            {"issuer", true},
                                            {"doc-number", false}};
    read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
      switch (i) {
        case 0:
          h.copy_number = read_text(c);
          break;
        case 1:
          h.classification = read_text(c);
          break;
        case 2:
          h.urgency = read_text(c);
          break;
        case 3:
          h.issuer = read_text(c);
          h.issuer_pos = pos_of(c);
          break;
        default:
          h.doc_number = read_text(c);
          h.doc_number_pos = pos_of(c);
          break;
      }
    });
  }

  void read_title(pugi::xml_node n, document& doc) {
    check_attributes(n, {});
    doc.title_pos = pos_of(n);
    const std::vector<std::u32string> lines = raw_text(n, /*allow_br=*/true);
    std::string title;
    bool empty_line = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string line = normalise_whitespace({lines[i]}).front();
      if (line.empty()) empty_line = true;
      if (i > 0) title += '\n';
      title += line;
    }
    if (lines.size() == 1 && empty_line)
      error_at(n, "empty <title>; expected text");
    else if (empty_line)
      error_at(n, "empty line in <title>: each <br/> must stand between text");
    doc.title = std::move(title);
  }

  void read_body(pugi::xml_node n, std::vector<block>& body) {
    check_attributes(n, {});
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        reject_text(c, n, "<p> or <h>");
      } else if (c.type() == pugi::node_element) {
        if (std::strcmp(c.name(), "p") == 0)
          read_paragraph(c, body);
        else if (std::strcmp(c.name(), "h") == 0)
          read_heading(c, body);
        else
          error_at(c, "unknown element " + tag(c.name()) + " in <body>; expected <p> or <h>");
      }
    }
    const bool has_content = n.find_child(
        [](pugi::xml_node c) { return c.type() == pugi::node_element || !is_blank(c.value()); });
    if (!has_content) error_at(n, "empty <body>; expected <p> or <h>");
  }

  void read_heading(pugi::xml_node n, std::vector<block>& body) {
    block b;
    b.kind = block_kind::heading;
    b.pos = pos_of(n);
    b.level = read_level(n);
    span s;
    s.pos = b.pos;
    s.lead_level = b.level;  // a standalone heading is set in its level's font throughout
    s.text = normalise_whitespace(raw_text(n, false)).front();
    if (s.text.empty()) error_at(n, "empty <h>; expected text");
    b.spans.push_back(std::move(s));
    body.push_back(std::move(b));
  }

  void read_paragraph(pugi::xml_node n, std::vector<block>& body) {
    check_attributes(n, {});
    block b;
    b.kind = block_kind::paragraph;
    b.pos = pos_of(n);
    span lead, rest;
    std::u32string lead_raw, rest_raw;
    bool has_lead = false, has_text = false;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (!has_text && !is_blank(c.value())) {
          has_text = true;
          rest.pos = pos_of(c);
        }
        rest_raw += utf8_decode(c.value());
      } else if (c.type() == pugi::node_element) {
        if (std::strcmp(c.name(), "lead") != 0) {
          error_at(c, "unknown element " + tag(c.name()) + " in <p>; expected text or <lead>");
        } else if (has_lead || has_text) {
          error_at(c, "<lead> must come first in <p>, and only once");
        } else {
          has_lead = true;
          lead.pos = pos_of(c);
          lead.lead_level = read_level(c);
          lead_raw = raw_text(c, false).front();
          if (normalise_whitespace({lead_raw}).front().empty())
            error_at(c, "empty <lead>; expected text");
        }
      }
    }
    std::vector<std::string> texts = normalise_whitespace({lead_raw, rest_raw});
    if (has_lead) {
      lead.text = std::move(texts[0]);
      b.spans.push_back(std::move(lead));
    }
    if (!texts[1].empty()) {
      rest.text = std::move(texts[1]);
      b.spans.push_back(std::move(rest));
    }
    if (!has_lead && !has_text) error_at(n, "empty <p>; expected text");
    body.push_back(std::move(b));
  }

  void read_signature(pugi::xml_node n, signature& sig) {
    check_attributes(n, {});
    sig.present = true;
    sig.pos = pos_of(n);
    static const std::vector<slot> slots = {{"organ", true}, {"date", true}};
    read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
      if (i == 0)
        sig.organ = read_text(c);
      else
        sig.date = read_text(c);
    });
  }

  xml_source src_;
  const std::string& name_;
};

}  // namespace

bool parse_document(std::string_view xml, const std::string& source_name, document& out,
                    diagnostics& diags) {
  return detail::run_parser<document_parser>(xml, source_name, out, diags, "the document");
}

bool load_document(const std::string& path, document& out, diagnostics& diags) {
  return detail::load_file(path, out, diags, &parse_document);
}

}  // namespace hongtou::model
