// SPDX-License-Identifier: Apache-2.0
// XML → document: the elements (root, header, title, addressee, body,
// signature) and the generic checks; text-only elements and inline text are
// in document_text.cpp. The vocabulary, the whitespace rule and every message
// are documented in docs/model.md; schema/gongwen.rng is the formal grammar
// of the same vocabulary.
#include "model/document.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <utility>

#include <pugixml.hpp>

#include "core/file.hpp"
#include "core/utf8.hpp"
#include "model/document_parser.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model {
namespace detail {

pugi::xml_node document_parser::parse_root(pugi::xml_document& xdoc, const char* name) {
  src_.set_limits({limits().elements, limits().depth, limits().cluster_marks});
  // parse_fragment keeps text outside the root element, so it can be reported
  if (!src_.parse(xdoc, pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_fragment))
    return {};
  return find_root(xdoc, name);
}

bool document_parser::run(document& out) {
  pugi::xml_document xdoc;
  const pugi::xml_node root = parse_root(xdoc, "gongwen");
  if (!root) return false;
  // The template first (its defaults count), then the fields, then the elements.
  document tpl;
  field_values defaults;
  const bool templated = static_cast<bool>(root.attribute("template"));
  if (templated) {
    partial_ = true;
    if (!load_template(root, tpl, defaults)) return false;
  }
  if (const pugi::xml_node f = root.child("fields")) read_fields(f, defaults);
  fill_fields(root, defaults);
  if (src_.errors() > 0) return false;
  if (!src_.check_text_lengths(root, limits().paragraph_chars, "paragraph_chars")) return false;
  document doc;
  doc.source_name = name_;
  read_root(root, doc);
  if (src_.errors() > 0) return false;
  if (templated) {
    if (!apply_template(doc, tpl)) return false;
  }
  out = std::move(doc);
  return true;
}

// ---- names in messages ----

std::string document_parser::shorten(std::string s) {
  if (s.size() > max_name_in_message) {
    size_t cut = max_name_in_message;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return s;
}

std::string document_parser::tag(const char* name) {
  return "<" + shorten(name) + ">";
}

std::string document_parser::one_of(const std::vector<const char*>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += tag(names[i]);
  }
  return out;
}

// ---- positions and errors ----

size_t document_parser::offset_of(pugi::xml_node n) const {
  size_t o = src_.offset_of(n);
  if (n.type() == pugi::node_element || o == no_offset) return o;
  const std::string_view xml = src_.text();
  while (o < xml.size() && is_xml_space(static_cast<unsigned char>(xml[o]))) ++o;
  return o;
}

source_pos document_parser::pos_of(pugi::xml_node n) {
  const line_col p = src_.pos_at(offset_of(n));
  return {p.line, p.column};
}

// ---- generic checks ----

void document_parser::check_attributes(pugi::xml_node n, const std::vector<const char*>& allowed) {
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
      error_at(offset_of(n, a), "unknown attribute " + shorten(a.name()) + " on " + tag(n.name()) +
                                    "; expected " + expected);
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

void document_parser::reject_text(pugi::xml_node text, pugi::xml_node parent,
                                  const std::string& expected) {
  if (!is_blank(text.value()))
    error_at(text,
             "text is not allowed directly in " + tag(parent.name()) + "; expected " + expected);
}

// ---- the vocabulary ----

pugi::xml_node document_parser::find_root(const pugi::xml_document& xdoc, const char* name) {
  pugi::xml_node root;
  for (pugi::xml_node c = xdoc.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      if (!is_blank(c.value()))
        error_at(c, "text is not allowed outside the root element " + tag(name));
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
    error_at(0, "expected root element " + tag(name));
    return {};
  }
  if (std::strcmp(root.name(), name) != 0) {
    error_at(root, "expected root element " + tag(name) + ", found " + tag(root.name()));
    return {};
  }
  return root;
}

void document_parser::read_root(pugi::xml_node root, document& doc) {
  doc.root_pos = pos_of(root);
  check_attributes(root, {"layout", "template"});
  if (const pugi::xml_attribute a = root.attribute("layout")) {
    layout_given_ = true;
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
  static const std::vector<slot> slots = {{"fields", false},  // read before the rest
                                          {"header", false},
                                          {"title", false},  // the layout says (title required)
                                          {"addressee", false},
                                          {"body", true},
                                          {"attachment-note", false},
                                          {"attendance", false},
                                          {"signature", false},
                                          {"note", false},
                                          {"forwarded", false, /*repeat=*/true},
                                          {"attachment", false, /*repeat=*/true},
                                          {"imprint", false}};
  read_ordered(root, slots, [&](size_t i, pugi::xml_node c) {
    switch (i) {
      case 0:  // <fields>: read before the rest
        break;
      case 1:
        read_header(c, doc.head);
        break;
      case 2:
        read_title(c, doc);
        break;
      case 3:
        doc.addressee = read_text(c);
        break;
      case 4:
        read_body(c, doc.body);
        break;
      case 5:
        read_attachment_note(c, doc);
        break;
      case 6:
        read_attendance(c, doc);
        break;
      case 7:
        read_signature(c, doc.sig);
        break;
      case 8:
        doc.note = read_text(c);
        doc.note_pos = pos_of(c);
        break;
      case 9:
        read_forwarded(c, doc);
        break;
      case 10:
        read_attachment(c, doc);
        break;
      default:
        read_imprint(c, doc.end);
        break;
    }
  });
}

void document_parser::read_header(pugi::xml_node n, header& h) {
  check_attributes(n, {});
  header_pos_ = pos_of(n);
  // With a template, the issuer may come from it (checked after merging).
  const std::vector<slot> slots = {{"copy-number", false},
                                   {"classification", false},
                                   {"urgency", false},
                                   {"issuer", !partial_, /*repeat=*/true},
                                   {"issuer-suffix", false},
                                   {"doc-number", false},
                                   {"order-number", false},
                                   {"minutes-number", false},
                                   {"signer", false, /*repeat=*/true}};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    switch (i) {
      case 0:
        h.copy_number = read_text(c);
        h.copy_number_pos = pos_of(c);
        break;
      case 1:
        h.classification = read_text(c);
        h.classification_pos = pos_of(c);
        break;
      case 2:
        h.urgency = read_text(c);
        h.urgency_pos = pos_of(c);
        break;
      case 3:
        // The lead organ first, then the co-issuers (7.2.4 联合行文).
        if (h.issuer.empty()) {
          h.issuer = read_text(c, {"width"});
          h.issuer_pos = pos_of(c);
          if (const pugi::xml_attribute w = c.attribute("width")) read_issuer_width(c, w, h);
        } else {
          h.co_issuers.push_back(read_text(c));
        }
        break;
      case 4:
        h.issuer_suffix = read_text(c);
        break;
      case 5:
        h.doc_number = read_text(c);
        h.doc_number_pos = pos_of(c);
        break;
      case 6:  // a 令号 in the 发文字号's place (GB/T 9704-2012 10.2)
      case 7:  // a 纪要's number (10.3)
        if (!h.doc_number.empty()) {
          error_at(c, tag(c.name()) +
                          " after another number; a 版头 holds one of <doc-number>, "
                          "<order-number> and <minutes-number>");
          break;
        }
        h.doc_number = read_text(c);
        h.doc_number_pos = pos_of(c);
        h.number = i == 6 ? header::number_kind::order : header::number_kind::minutes;
        break;
      default:
        if (h.signers.empty()) h.signers_pos = pos_of(c);
        h.signers.push_back(read_text(c));
        break;
    }
  });
}

// <issuer width="150mm">: the mark's width as the organisation fixes it
// (7.2.4 leaves the mark's size to the organ), the whole mark of a joint one.
void document_parser::read_issuer_width(pugi::xml_node n, pugi::xml_attribute a, header& h) {
  const std::string v = a.value();
  double mm = 0;
  if (v.size() > 2 && v.compare(v.size() - 2, 2, "mm") == 0 &&
      parse_decimal(std::string_view(v).substr(0, v.size() - 2), mm) && mm >= 10 && mm <= 300)
    h.issuer_width = mm;
  else
    error_at(offset_of(n, a), "bad width \"" + shorten(v) +
                                  "\" on <issuer>; expected millimetres from 10 to 300, e.g. "
                                  "\"150mm\"");
}

void document_parser::read_title(pugi::xml_node n, document& doc) {
  read_title(n, doc.title, doc.title_pos);
}

void document_parser::read_title(pugi::xml_node n, std::string& out, source_pos& pos) {
  check_attributes(n, {});
  pos = pos_of(n);
  const std::vector<std::u32string> lines = raw_text(n, /*allow_br=*/true);
  std::string title;
  bool empty_line = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = normalise_whitespace({lines[i]}).front();
    if (line.empty()) empty_line = true;
    if (i > 0) title += '\n';
    title += line;
  }
  const size_t chars = utf8_decode(title).size();
  if (const uint64_t max = limits().title_chars; max != 0 && chars > max)
    error_at(n, over_limit("the " + tag(n.name()) + " has " + std::to_string(chars) + " characters",
                           std::to_string(max), "title_chars"));
  else if (lines.size() == 1 && empty_line)
    error_at(n, "empty " + tag(n.name()) + "; expected text");
  else if (empty_line)
    error_at(n, "empty line in " + tag(n.name()) + ": each <br/> must stand between text");
  out = std::move(title);
}

void document_parser::read_body(pugi::xml_node n, std::vector<block>& body) {
  check_attributes(n, {});
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      reject_text(c, n, "<p>, <h>, <chapter> or <table>");
    } else if (c.type() == pugi::node_element) {
      if (std::strcmp(c.name(), "p") == 0)
        read_paragraph(c, body);
      else if (std::strcmp(c.name(), "h") == 0)
        read_heading(c, body);
      else if (std::strcmp(c.name(), "chapter") == 0)
        read_chapter(c, body);
      else if (std::strcmp(c.name(), "table") == 0)
        read_table(c, body);
      else
        error_at(c, "unknown element " + tag(c.name()) +
                        " in <body>; expected <p>, <h>, <chapter> or <table>");
    }
  }
  const bool has_content = n.find_child(
      [](pugi::xml_node c) { return c.type() == pugi::node_element || !is_blank(c.value()); });
  if (!has_content) error_at(n, "empty <body>; expected <p>, <h>, <chapter> or <table>");
}

}  // namespace detail

bool parse_document(std::string_view xml, const std::string& source_name, document& out,
                    diagnostics& diags, const parse_options& options) {
  return detail::document_parser(xml, source_name, diags, options).run(out);
}

bool parse_document(std::string_view xml, const std::string& source_name, document& out,
                    diagnostics& diags) {
  return parse_document(xml, source_name, out, diags, parse_options{});
}

bool load_document(const std::string& path, document& out, diagnostics& diags) {
  return detail::load_file(path, out, diags, &parse_document);
}

}  // namespace hongtou::model
