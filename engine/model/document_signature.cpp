// SPDX-License-Identifier: Apache-2.0
// 发文机关署名, 成文日期 and 印章 (GB/T 9704-2012 7.3.5): organs with or
// without seals (7.3.5.1, 7.3.5.2) and signers with signature seals (7.3.5.3).
#include <string>
#include <string_view>
#include <utility>

#include "model/document_parser.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model::detail {

namespace {

// "42mm" to 42 when from 1 to 100 mm.
bool seal_size(const std::string& v, double& mm) {
  return v.size() > 2 && v.compare(v.size() - 2, 2, "mm") == 0 &&
         parse_decimal(std::string_view(v).substr(0, v.size() - 2), mm) && mm >= 1 && mm <= 100;
}

}  // namespace

// An organ's round seal has a diameter (7.3.5.1), a signature seal a height
// (7.3.5.3); `size` names the attribute this one may have.
seal document_parser::read_seal(pugi::xml_node n, const char* size) {
  check_attributes(n, {"src", size});
  if (n.first_child()) error_at(n.first_child(), "<seal> must be empty; its values are attributes");
  seal s;
  s.pos = pos_of(n);
  s.src = n.attribute("src").value();
  if (s.src.empty())
    error_at(n, "<seal> needs src, the PNG file of the seal, e.g. src=\"seal.png\"");
  if (const pugi::xml_attribute d = n.attribute(size)) {
    double mm = 0;
    if (!seal_size(d.value(), mm))
      error_at(offset_of(n, d), "bad " + std::string(size) + " \"" + d.value() +
                                    "\" on <seal>; expected millimetres from 1 to 100, e.g. \"" +
                                    (std::string(size) == "height" ? "12mm" : "42mm") + "\"");
    (std::string(size) == "height" ? s.height : s.diameter) = mm;
  }
  return s;
}

// <signer><office>国务院总理</office><seal src="…"/></signer> (7.3.5.3).
void document_parser::read_signer(pugi::xml_node n, signature& sig) {
  check_attributes(n, {});
  signer who;
  who.pos = pos_of(n);
  static const std::vector<slot> slots = {{"office", true}, {"seal", true}};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    if (i == 0)
      who.office = read_text(c);
    else
      who.stamp = read_seal(c, "height");
  });
  sig.signers.push_back(std::move(who));
}

void document_parser::read_signature(pugi::xml_node n, signature& sig) {
  check_attributes(n, {});
  sig.present = true;
  sig.pos = pos_of(n);
  const std::vector<slot> slots = {{"organ", false, /*repeat=*/true},
                                   {"signer", false, /*repeat=*/true},
                                   {"date", !partial_},
                                   {"seal", false, /*repeat=*/true}};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    if (i == 0 && sig.organ.empty())
      sig.organ = read_text(c);
    else if (i == 0)
      sig.co_organs.push_back(read_text(c));  // 联合行文: the lead organ first (7.3.5.2)
    else if (i == 1)
      read_signer(c, sig);
    else if (i == 2)
      sig.date = read_text(c);
    else
      sig.seals.push_back(read_seal(c, "diameter"));
  });
  // With a template, organs, seals and the date may come from it: the whole
  // signature is checked after merging (apply_template).
  if (partial_) return;
  if (const std::string problem = signature_problem(sig); !problem.empty()) error_at(n, problem);
}

std::string document_parser::signature_problem(const signature& sig) {
  // Organs (7.3.5.1, 7.3.5.2) or signers (7.3.5.3), never both nor neither.
  if (sig.organ.empty() == sig.signers.empty())
    return sig.signers.empty()
               ? "<signature> needs <organ> (the signing organs, 7.3.5.1/7.3.5.2) or <signer> "
                 "(an office with its signature seal, 7.3.5.3) before <date>"
               : "<signature> has both <organ> and <signer>; an organ signs with its seal, a "
                 "signer with a signature seal: use one kind";
  if (!sig.signers.empty() && !sig.seals.empty())
    return "<seal> after <date> belongs to organs; a <signer> carries its seal inside it";
  // 7.3.5.1: sealed, every organ presses its own seal, in the organs' order.
  const size_t organs = 1 + sig.co_organs.size();
  if (sig.signers.empty() && !sig.seals.empty() && sig.seals.size() != organs)
    return "<signature> has " + std::to_string(organs) + " <organ> and " +
           std::to_string(sig.seals.size()) +
           " <seal>; a sealed signature has one <seal> per organ, in the organs' order";
  return {};
}

}  // namespace hongtou::model::detail
