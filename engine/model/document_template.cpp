// SPDX-License-Identifier: Apache-2.0
// Organisation templates: what an organisation reuses in every document —
// its 发文机关标志 (7.2.4) with its width, default 签发人 (7.2.6), the signing
// organs and their seals (7.3.5), the 印发机关 (7.4.2), its format and field
// defaults — in a <template> file a document names (<gongwen
// template="…">). The template fills in the elements the document has and
// leaves out; it never adds an element the document lacks, and the
// document's own text always wins. Vocabulary: docs/model.md, "Templates".
#include <cstring>
#include <string>
#include <utility>

#include "model/document_parser.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model::detail {

namespace {

// The folder of a file name ("." for a bare name), for a template's seals.
std::string folder_of(const std::string& file) {
  const size_t slash = file.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : file.substr(0, slash);
}

template <class T>
void take_if_empty(T& mine, const T& theirs) {
  if (mine.empty()) mine = theirs;
}

}  // namespace

bool document_parser::run_template(document& out, field_values& defaults) {
  pugi::xml_document xdoc;
  const pugi::xml_node root = parse_root(xdoc, "template");
  if (!root) return false;
  partial_ = true;  // every part of a template is optional
  document t;
  t.source_name = name_;
  t.layout.clear();  // none unless it names one
  check_attributes(root, {"layout"});
  if (const pugi::xml_attribute a = root.attribute("layout")) {
    if (is_word(a.value()))
      t.layout = a.value();
    else
      error_at(offset_of(root, a),
               "layout must be a layout name such as \"letter\" (lower-case letters, digits, - "
               "and _)");
  }
  if (const pugi::xml_node f = root.child("fields")) read_fields(f, defaults);
  fill_fields(root, defaults);
  if (src_.errors() > 0) return false;
  static const std::vector<slot> slots = {
      {"fields", false}, {"header", false}, {"signature", false}, {"imprint", false}};
  read_ordered(root, slots, [&](size_t i, pugi::xml_node c) {
    if (i == 1)
      read_header(c, t.head);
    else if (i == 2)
      read_signature(c, t.sig);
    else if (i == 3)
      read_imprint(c, t.end);
  });
  if (src_.errors() > 0) return false;
  // Its seal images lie beside it, wherever the document is.
  const std::string folder = folder_of(name_);
  for (seal& s : t.sig.seals) s.folder = folder;
  for (signer& who : t.sig.signers) who.stamp.folder = folder;
  out = std::move(t);
  return true;
}

bool document_parser::load_template(pugi::xml_node root, document& tpl, field_values& defaults) {
  const pugi::xml_attribute a = root.attribute("template");
  const std::string name = a.value();
  if (!is_word(name)) {
    error_at(offset_of(root, a),
             "template must be a template name such as \"my-organ\" (lower-case letters, "
             "digits, - and _): the file <name>.xml in a template folder");
    return false;
  }
  std::string text, source, looked;
  if (!options_.find_template || !options_.find_template(name, text, source, looked)) {
    error_at(offset_of(root, a),
             "no template '" + name + "'" + (looked.empty() ? "" : "; looked in " + looked));
    return false;
  }
  parse_options nested;  // the same values; a template names no template
  nested.fields = options_.fields;
  document_parser reader(text, source, diags_, nested);
  if (!reader.run_template(tpl, defaults)) return false;
  tpl.template_name = name;
  return true;
}

bool document_parser::apply_template(document& doc, const document& tpl) {
  bool ok = true;
  auto fail = [&](source_pos at, const std::string& message) {
    diags_.error(name_, at.line, at.column, message);
    ok = false;
  };
  const std::string from = "; neither the document nor its template '" + tpl.template_name + "' (" +
                           tpl.source_name + ") gives one";
  doc.template_name = tpl.template_name;
  if (!layout_given_ && !tpl.layout.empty()) doc.layout = tpl.layout;

  // 版头: the mark as a whole (a joint mark's organs, its 文件, its width).
  header& h = doc.head;
  const header& t = tpl.head;
  if (header_pos_.line > 0) {
    if (h.issuer.empty() && !t.issuer.empty()) {
      h.issuer = t.issuer;
      h.co_issuers = t.co_issuers;
      h.issuer_suffix = t.issuer_suffix;
      h.issuer_width = t.issuer_width;
      h.issuer_pos = header_pos_;  // later messages name the document's file
    }
    if (h.signers.empty()) {
      h.signers = t.signers;
      h.signers_pos = header_pos_;
    }
    take_if_empty(h.classification, t.classification);
    take_if_empty(h.urgency, t.urgency);
    if (h.issuer.empty()) fail(header_pos_, "missing <issuer> in <header>" + from);
  }

  // 7.3.5: the organs (or signers) with their seals, and a default date.
  signature& s = doc.sig;
  if (s.present && tpl.sig.present) {
    if (s.organ.empty() && s.signers.empty()) {
      s.organ = tpl.sig.organ;
      s.co_organs = tpl.sig.co_organs;
      s.signers = tpl.sig.signers;
      if (s.seals.empty()) s.seals = tpl.sig.seals;
    }
    take_if_empty(s.date, tpl.sig.date);
  }
  if (s.present) {
    if (const std::string problem = signature_problem(s); !problem.empty()) fail(s.pos, problem);
    if (s.date.empty()) fail(s.pos, "missing <date> in <signature>" + from);
  }

  // 7.4: the 版记's parts, each where the document leaves it out.
  imprint& e = doc.end;
  if (e.present && tpl.end.present) {
    take_if_empty(e.cc, tpl.end.cc);
    if (e.others.empty()) e.others = tpl.end.others;
    if (e.printer.empty()) {
      e.printer = tpl.end.printer;
      e.printer_pos = e.pos;
    }
    if (e.print_date.empty()) {
      e.print_date = tpl.end.print_date;
      e.print_date_pos = e.pos;
    }
  }
  if (e.present)
    if (const std::string problem = imprint_problem(e); !problem.empty()) fail(e.pos, problem);
  return ok;
}

}  // namespace hongtou::model::detail
