// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to engine/model: the reader behind parse_document, one class over
// two files. document.cpp reads the elements (the root, header, title,
// addressee, body and signature) and holds the generic checks;
// document_text.cpp holds the whitespace rule and the inline text (text-only
// elements, spans, <lead>, <article>, <chapter>, <br/>). Vocabulary and
// messages: docs/model.md.
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostic.hpp"
#include "model/document.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model::detail {

/// True for the four whitespace characters of XML.
bool is_xml_space(char32_t c);

/// True when s holds nothing but XML whitespace.
bool is_blank(const char* s);

/// Normalises the whitespace of consecutive pieces of one paragraph (a run
/// may cross a piece boundary, e.g. "</lead>\n  text"): leading and trailing
/// whitespace goes; a run containing a line break between two CJK characters
/// goes; every other run becomes one space, kept in the piece where it began.
std::vector<std::string> normalise_whitespace(const std::vector<std::u32string>& pieces);

/// Reads one document's XML text into a document, reporting every problem.
class document_parser {
 public:
  /// xml, name, diags and options must outlive it.
  document_parser(std::string_view xml, const std::string& name, diagnostics& diags,
                  const parse_options& options = {})
      : src_(xml, name, diags, max_errors), name_(name), diags_(diags), options_(options) {}

  /// Fills out and returns true, or returns false with errors in diags.
  bool run(document& out);

  /// Reads an organisation template (<template>, document_template.cpp): the
  /// elements it gives into out, its field defaults into defaults.
  bool run_template(document& out, field_values& defaults);

 private:
  static constexpr size_t max_errors = 100;  // past this a broken file only adds noise
  static constexpr size_t max_name_in_message = 40;

  /// One child slot of an element whose children follow a fixed order.
  struct slot {
    const char* name;
    bool required;
    bool repeat = false;  // may appear several times in a row
  };

  // ---- names in messages (document.cpp) ----

  /// A name or value for a message, with very long (fuzzed) ones shortened.
  static std::string shorten(std::string s);
  /// "<name>" for a message.
  static std::string tag(const char* name);
  /// "<a>", "<a> or <b>", "<a>, <b> or <c>".
  static std::string one_of(const std::vector<const char*>& names);

  // ---- positions and errors (document.cpp) ----

  /// Offset of an element's '<', or of a text node's first non-space character
  /// (with parse_ws_pcdata a text node often starts with the indentation).
  size_t offset_of(pugi::xml_node n) const;
  /// Offset of an attribute's name.
  size_t offset_of(pugi::xml_node n, pugi::xml_attribute a) const { return src_.offset_of(n, a); }

  /// Adds an error at an offset or at a node (see offset_of).
  void error_at(size_t offset, std::string message) { src_.error_at(offset, std::move(message)); }
  void error_at(pugi::xml_node n, std::string message) {
    error_at(offset_of(n), std::move(message));
  }
  /// Line and column of a node, for the model.
  source_pos pos_of(pugi::xml_node n);

  // ---- generic checks (document.cpp) ----

  /// Reports attributes not in allowed, and repeated ones.
  void check_attributes(pugi::xml_node n, const std::vector<const char*>& allowed);

  /// Reports non-blank text directly inside an element that holds only elements.
  void reject_text(pugi::xml_node text, pugi::xml_node parent, const std::string& expected);

  /// Visits the element children of parent whose order is fixed by slots;
  /// reports unknown, repeated and misplaced children, stray text and
  /// missing required children. visit(slot index, child) gets each good child.
  /// Defined in document.cpp, where all its callers are.
  template <class Visit>
  void read_ordered(pugi::xml_node parent, const std::vector<slot>& slots, Visit visit);

  // ---- text-only elements and inline text (document_text.cpp) ----

  /// Raw text of an element that may hold only text, split at <br/> when
  /// allow_br (one entry per line). Reports any other child.
  std::vector<std::u32string> raw_text(pugi::xml_node n, bool allow_br);

  /// Whitespace-normalised text of a text-only element; reports empty text.
  std::string read_text(pugi::xml_node n, const std::vector<const char*>& attributes = {});

  /// The level attribute of <h> and <lead>; 0 after reporting a problem.
  int read_level(pugi::xml_node n);

  /// A standalone heading <h level="N"> as one block of one span.
  void read_heading(pugi::xml_node n, std::vector<block>& body);

  /// The <lead> or <article> c that starts a paragraph: into lead, its raw text into raw.
  void read_run_in(pugi::xml_node c, span& lead, std::u32string& raw);

  /// A paragraph <p>: an optional <lead> or <article> span, then the rest as one span.
  void read_paragraph(pugi::xml_node n, std::vector<block>& body);

  /// A chapter title <chapter> of a regulation as one block of one span.
  void read_chapter(pugi::xml_node n, std::vector<block>& body);

  // ---- tables (document_table.cpp) ----

  /// A <table> as one block: its caption, unit, columns, rows and notes.
  void read_table(pugi::xml_node n, std::vector<block>& body);
  /// <columns>: one <column width align> per column.
  void read_columns(pugi::xml_node n, table& t);
  /// <thead> or <tbody>: its rows' cells, placed and checked.
  void read_rows(pugi::xml_node n, table& t, bool head);
  /// <notes>: one <p> per note.
  void read_notes(pugi::xml_node n, table& t);
  /// The align attribute of n into out (unchanged when absent); false after reporting it.
  bool read_align(pugi::xml_node n, cell_align& out);

  // ---- the vocabulary (document.cpp) ----

  /// The one root element <gongwen>; a null node after reporting it missing
  /// or misnamed. Also reports text and further elements beside it.
  pugi::xml_node find_root(const pugi::xml_document& xdoc, const char* name = "gongwen");

  /// The source checked (characters, limits) and parsed into xdoc, and its
  /// one root element `name`; a null node after reporting.
  pugi::xml_node parse_root(pugi::xml_document& xdoc, const char* name);

  /// The limits of the render (the defaults when none are given).
  const hongtou::limits& limits() const {
    static const hongtou::limits defaults;
    return options_.limits ? *options_.limits : defaults;
  }

  /// <gongwen>: its layout attribute and its children, in their fixed order.
  void read_root(pugi::xml_node root, document& doc);

  /// <header>: 份号, 密级, 紧急程度, 发文机关标志, 发文字号.
  void read_header(pugi::xml_node n, header& h);

  /// The width attribute of the first <issuer> into h.issuer_width.
  void read_issuer_width(pugi::xml_node n, pugi::xml_attribute a, header& h);

  /// <title>: its lines, joined with "\n".
  void read_title(pugi::xml_node n, document& doc);
  /// A title with its explicit breaks ("\n") into out, its position into pos.
  void read_title(pugi::xml_node n, std::string& out, source_pos& pos);
  /// <attachment>: <title>, <caption>?, <contents>?, <body> (7.3.7).
  void read_attachment(pugi::xml_node n, document& doc);
  /// <forwarded>: <title>, <caption>?, <contents>?, <addressee>?, <body>,
  /// <signature>?, <note>? — the document a 转发通知 forwards, or the
  /// regulation a 令 promulgates.
  void read_forwarded(pugi::xml_node n, document& doc);
  /// The text children `child` of n (<item>s of <attachment-note>, <entry>s
  /// of a regulation's <contents>), at least one; `what` names what each is.
  std::vector<attachment_item> read_items(pugi::xml_node n, const char* child, const char* what);

  /// <body>: its <p>, <h> and <chapter>, in document order.
  void read_body(pugi::xml_node n, std::vector<block>& body);
  /// <attachment-note>: one <item> per attachment name (7.3.4).
  void read_attachment_note(pugi::xml_node n, document& doc);
  void read_attendance(pugi::xml_node n, document& doc);
  /// <imprint>: <addressee>?, <cc>?, <other>*, <printer>, <print-date> (7.4).
  void read_imprint(pugi::xml_node n, imprint& end);
  /// What is wrong with a whole 版记 (its 印发 row), empty when nothing.
  static std::string imprint_problem(const imprint& end);
  /// <seal src="…" diameter="42mm"/> of an organ (7.3.5.1) or <seal src="…"
  /// height="12mm"/> of a signer (7.3.5.3): `size` is the attribute allowed.
  seal read_seal(pugi::xml_node n, const char* size);
  /// <signer>: <office> and <seal> (7.3.5.3).
  void read_signer(pugi::xml_node n, signature& sig);

  /// <signature>: <organ>… or <signer>…, <date>, <seal>… (7.3.5).
  void read_signature(pugi::xml_node n, signature& sig);
  /// What is wrong with a whole signature (organs or signers, seals), empty when nothing.
  static std::string signature_problem(const signature& sig);

  // ---- fields (document_fields.cpp) ----

  /// <fields>: each <field name default?> into defaults (a later one wins).
  void read_fields(pugi::xml_node n, field_values& defaults);
  /// Fills every {{name}} in the text and attributes under root (not in
  /// <fields>, not root's template attribute) from the values, then defaults.
  void fill_fields(pugi::xml_node root, const field_values& defaults);
  /// Fills the fields of one text found at offset; false after reporting.
  bool fill(std::string& text, size_t offset, const field_values& defaults);

  // ---- templates (document_template.cpp) ----

  /// The template a <gongwen template="…"> names, read with its defaults;
  /// false after reporting.
  bool load_template(pugi::xml_node root, document& tpl, field_values& defaults);
  /// Takes into doc what it leaves out and the template gives; reports what
  /// neither gives (false then).
  bool apply_template(document& doc, const document& tpl);

  xml_source src_;
  const std::string& name_;
  diagnostics& diags_;
  const parse_options& options_;
  bool partial_ = false;       // a template's, or a document with one: parts may be missing
  bool layout_given_ = false;  // the root's layout attribute was there
  source_pos header_pos_;      // the <header> (line 0: none)
};

// ---- definitions of the template members ----

template <class Visit>
void document_parser::read_ordered(pugi::xml_node parent, const std::vector<slot>& slots,
                                   Visit visit) {
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
      error_at(c, "unknown element " + tag(c.name()) + " in " + tag(parent.name()) + "; expected " +
                      one_of(names));
      continue;
    }
    if (seen[i] && !slots[i].repeat) {
      error_at(
          c, "duplicate " + tag(c.name()) + " in " + tag(parent.name()) + "; only one is allowed");
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

}  // namespace hongtou::model::detail
