// SPDX-License-Identifier: Apache-2.0
// The closing parts of a document: 附件说明 (GB/T 9704-2012 7.3.4),
// forwarded documents and 附件 (7.3.7) and 版记 (7.4); the signature is in
// document_signature.cpp.
#include <charconv>
#include <cstring>
#include <utility>

#include "model/document_parser.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model::detail {

void document_parser::read_attachment(pugi::xml_node n, document& doc) {
  check_attributes(n, {});
  attachment a;
  a.pos = pos_of(n);
  static const std::vector<slot> slots = {
      {"title", true}, {"caption", false}, {"contents", false}, {"body", true}};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    if (i == 0)
      read_title(c, a.title, a.title_pos);
    else if (i == 1)
      read_title(c, a.caption, a.caption_pos);
    else if (i == 2)
      a.contents = read_items(c, "entry", "line");
    else
      read_body(c, a.body);
  });
  doc.appendices.push_back(std::move(a));
}

void document_parser::read_forwarded(pugi::xml_node n, document& doc) {
  check_attributes(n, {});
  attachment a;
  a.forwarded = true;
  a.pos = pos_of(n);
  static const std::vector<slot> slots = {
      {"title", true}, {"caption", false},   {"contents", false}, {"addressee", false},
      {"body", true},  {"signature", false}, {"note", false}};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    switch (i) {
      case 0:
        read_title(c, a.title, a.title_pos);
        break;
      case 1:
        read_title(c, a.caption, a.caption_pos);
        break;
      case 2:
        a.contents = read_items(c, "entry", "line");
        break;
      case 3:
        a.addressee = read_text(c);
        break;
      case 4:
        read_body(c, a.body);
        break;
      case 5:
        read_signature(c, a.sig);
        break;
      default:
        a.note = read_text(c);
        a.note_pos = pos_of(c);
        break;
    }
  });
  doc.appendices.push_back(std::move(a));
}

// A list of one kind of child, each a text: <attachment-note>'s <item>s,
// <contents>' <entry>s; `what` ends the message for an empty list.
std::vector<attachment_item> document_parser::read_items(pugi::xml_node n, const char* child,
                                                         const char* what) {
  check_attributes(n, {});
  std::vector<attachment_item> items;
  const std::string expected = tag(child);
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      reject_text(c, n, expected);
    } else if (c.type() == pugi::node_element) {
      if (std::strcmp(c.name(), child) == 0)
        items.push_back({read_text(c), pos_of(c)});
      else
        error_at(c, "unknown element " + tag(c.name()) + " in " + tag(n.name()) + "; expected " +
                        expected);
    }
  }
  if (items.empty())
    error_at(n, "empty " + tag(n.name()) + "; expected one " + expected + " per " + what);
  return items;
}

void document_parser::read_attachment_note(pugi::xml_node n, document& doc) {
  doc.attachments_pos = pos_of(n);
  doc.attachments = read_items(n, "item", "attachment");
}

// GB/T 9704-2012 10.3: <attendance><attendees label="出席">…</attendees>…</attendance>.
void document_parser::read_attendance(pugi::xml_node n, document& doc) {
  check_attributes(n, {});
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      reject_text(c, n, "<attendees>");
    } else if (c.type() == pugi::node_element) {
      if (std::strcmp(c.name(), "attendees") != 0) {
        error_at(c, "unknown element " + tag(c.name()) + " in <attendance>; expected <attendees>");
        continue;
      }
      const std::string label = c.attribute("label").value();
      if (label.empty() || label.find_first_not_of(' ') == std::string::npos)
        error_at(c, "missing label on <attendees>; expected e.g. label=\"出席\"");
      doc.attendance.push_back({label, read_text(c, {"label"}), pos_of(c)});
    }
  }
  if (doc.attendance.empty())
    error_at(n, "empty <attendance>; expected one <attendees label=\"…\"> per line");
}

void document_parser::read_imprint(pugi::xml_node n, imprint& end) {
  check_attributes(n, {});
  end.present = true;
  end.pos = pos_of(n);
  // GB/T 9704-2012 7.4.1: the other elements stand between the 抄送 and the
  // 印发 row, from which a thin rule separates them.
  static const std::vector<slot> slots = {{"addressee", false},
                                          {"cc", false},
                                          {"other", false, /*repeat=*/true},
                                          {"printer", false},  // the layout says (10.1)
                                          {"print-date", false}};
  std::string* const texts[] = {&end.addressee, &end.cc, nullptr, &end.printer, &end.print_date};
  source_pos* const positions[] = {&end.addressee_pos, &end.cc_pos, nullptr, &end.printer_pos,
                                   &end.print_date_pos};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    if (i == 2) {
      end.others.push_back({read_text(c), pos_of(c)});
      return;
    }
    *texts[i] = read_text(c);
    *positions[i] = pos_of(c);
  });
  // With a template, the 印发机关 may come from it: checked after merging.
  if (partial_) return;
  if (const std::string problem = imprint_problem(end); !problem.empty()) error_at(n, problem);
}

std::string document_parser::imprint_problem(const imprint& end) {
  // 印发机关 and 印发日期 make one row: both or neither.
  if (end.printer.empty() == end.print_date.empty()) return {};
  return end.printer.empty() ? "missing <printer> in <imprint>; it goes with <print-date>"
                             : "missing <print-date> in <imprint>; it goes with <printer>";
}

}  // namespace hongtou::model::detail
