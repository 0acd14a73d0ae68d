// The closing parts of a document: 附件说明 (GB/T 9704-2012 7.3.4), the
// signature with its seal (7.3.5), forwarded documents and 附件 (7.3.7) and
// 版记 (7.4).
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
  static const std::vector<slot> slots = {{"title", true}, {"body", true}};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    if (i == 0)
      read_title(c, a.title, a.title_pos);
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
      {"title", true}, {"addressee", false}, {"body", true}, {"signature", false}, {"note", false}};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    switch (i) {
      case 0:
        read_title(c, a.title, a.title_pos);
        break;
      case 1:
        a.addressee = read_text(c);
        break;
      case 2:
        read_body(c, a.body);
        break;
      case 3:
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

void document_parser::read_attachment_note(pugi::xml_node n, document& doc) {
  check_attributes(n, {});
  doc.attachments_pos = pos_of(n);
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      reject_text(c, n, "<item>");
    } else if (c.type() == pugi::node_element) {
      if (std::strcmp(c.name(), "item") == 0)
        doc.attachments.push_back({read_text(c), pos_of(c)});
      else
        error_at(c, "unknown element " + tag(c.name()) + " in <attachment-note>; expected <item>");
    }
  }
  if (doc.attachments.empty())
    error_at(n, "empty <attachment-note>; expected one <item> per attachment");
}

void document_parser::read_imprint(pugi::xml_node n, imprint& end) {
  check_attributes(n, {});
  end.present = true;
  end.pos = pos_of(n);
  static const std::vector<slot> slots = {
      {"addressee", false}, {"cc", false}, {"printer", true}, {"print-date", true}};
  std::string* const texts[] = {&end.addressee, &end.cc, &end.printer, &end.print_date};
  source_pos* const positions[] = {&end.addressee_pos, &end.cc_pos, &end.printer_pos,
                                   &end.print_date_pos};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    *texts[i] = read_text(c);
    *positions[i] = pos_of(c);
  });
}

void document_parser::read_seal(pugi::xml_node n, signature& sig) {
  check_attributes(n, {"src", "diameter"});
  if (n.first_child()) error_at(n.first_child(), "<seal> must be empty; its values are attributes");
  seal s;
  s.pos = pos_of(n);
  const pugi::xml_attribute src = n.attribute("src");
  s.src = src.value();
  if (s.src.empty())
    error_at(n, "<seal> needs src, the PNG file of the seal, e.g. src=\"seal.png\"");
  if (const pugi::xml_attribute d = n.attribute("diameter")) {
    const std::string v = d.value();
    double mm = 0;
    const bool ok = v.size() > 2 && v.compare(v.size() - 2, 2, "mm") == 0 &&
                    parse_decimal(std::string_view(v).substr(0, v.size() - 2), mm) && mm >= 1 &&
                    mm <= 100;
    if (ok)
      s.diameter = mm;
    else
      error_at(offset_of(n, d),
               "bad diameter \"" + v +
                   "\" on <seal>; expected millimetres from 1 to 100, e.g. \"42mm\"");
  }
  sig.seals.push_back(std::move(s));
}

void document_parser::read_signature(pugi::xml_node n, signature& sig) {
  check_attributes(n, {});
  sig.present = true;
  sig.pos = pos_of(n);
  static const std::vector<slot> slots = {
      {"organ", true, /*repeat=*/true}, {"date", true}, {"seal", false, /*repeat=*/true}};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    if (i == 0 && sig.organ.empty())
      sig.organ = read_text(c);
    else if (i == 0)
      sig.co_organs.push_back(read_text(c));  // 联合行文: the lead organ first (7.3.5.2)
    else if (i == 1)
      sig.date = read_text(c);
    else
      read_seal(c, sig);
  });
  // 7.3.5.1: sealed, every organ presses its own seal, in the organs' order.
  const size_t organs = 1 + sig.co_organs.size();
  if (!sig.seals.empty() && sig.seals.size() != organs)
    error_at(n, "<signature> has " + std::to_string(organs) + " <organ> and " +
                    std::to_string(sig.seals.size()) +
                    " <seal>; a sealed signature has one <seal> per organ, in the organs' order");
}

}  // namespace hongtou::model::detail
