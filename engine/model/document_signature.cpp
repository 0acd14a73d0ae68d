// 发文机关署名, 成文日期 and 印章 (GB/T 9704-2012 7.3.5): organs with or
// without seals (7.3.5.1, 7.3.5.2) and signers with signature seals (7.3.5.3).
#include <utility>

#include "model/document_parser.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model::detail {

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
