#include "model/checks.hpp"

#include <utility>

#include "core/utf8.hpp"

namespace hongtou::model {

namespace {

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

// Reads a run of ASCII digits at s[i]; returns its length.
size_t digits_at(const std::u32string& s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && is_digit(s[i + n])) ++n;
  return n;
}

// GB/T 9704-2012 7.2.5: 机关代字〔年份〕序号号 — the year in full inside 六角括号 〔〕,
// the serial number without 第 and without zero padding.
void check_doc_number(const document& doc, diagnostics& diags) {
  const std::u32string n = utf8_decode(doc.head.doc_number);
  if (n.empty()) return;
  const source_pos& pos = doc.head.doc_number_pos;
  auto warn = [&](const std::string& message) {
    diags.warning(doc.source_name, pos.line, pos.column,
                  "发文字号 '" + doc.head.doc_number + "': " + message,
                  "GB/T 9704-2012 7.2.5: e.g. 国发〔2012〕1号");
  };
  for (char32_t wrong : {U'【', U'】', U'[', U']', U'（', U'）', U'(', U')', U'［', U'］'}) {
    if (n.find(wrong) != std::u32string::npos) {
      warn("the year goes in 六角括号 〔〕, not in other brackets");
      return;
    }
  }
  const size_t open = n.find(U'〔'), close = n.find(U'〕');
  if (open == std::u32string::npos || close == std::u32string::npos || close < open) {
    warn("expected the year in 〔〕");
    return;
  }
  if (close - open - 1 != 4 || digits_at(n, open + 1) != 4)
    warn("the year must be written in full, e.g. 〔2024〕");
  const size_t serial = close + 1;
  if (serial < n.size() && n[serial] == U'第') warn("no 第 before the serial number");
  const size_t s = serial < n.size() && n[serial] == U'第' ? serial + 1 : serial;
  const size_t len = digits_at(n, s);
  if (len == 0 || s + len >= n.size() || n[s + len] != U'号')
    warn("expected the serial number in Arabic digits followed by 号");
  else if (len > 1 && n[s] == U'0')
    warn("no leading zeros in the serial number");
}

// GB/T 9704-2012 7.3.5.4: 2012年7月1日 — Arabic digits, full year, no leading zeros.
void check_date(const document& doc, diagnostics& diags) {
  if (!doc.sig.present) return;
  const std::u32string d = utf8_decode(doc.sig.date);
  auto warn = [&](const std::string& message) {
    diags.warning(doc.source_name, doc.sig.pos.line, doc.sig.pos.column,
                  "成文日期 '" + doc.sig.date + "': " + message,
                  "GB/T 9704-2012 7.3.5.4: e.g. 2012年7月1日");
  };
  size_t i = 0;
  size_t y = digits_at(d, i);
  if (y != 4 || i + y >= d.size() || d[i + y] != U'年') {
    warn("expected the full year in Arabic digits followed by 年");
    return;
  }
  i += y + 1;
  for (char32_t unit : {U'月', U'日'}) {
    size_t len = digits_at(d, i);
    if (len == 0 || len > 2 || i + len >= d.size() || d[i + len] != unit) {
      warn(std::string("expected the ") + (unit == U'月' ? "month" : "day") + " in Arabic digits");
      return;
    }
    if (len == 2 && d[i] == U'0') warn("no leading zeros in month and day");
    i += len + 1;
  }
  if (i != d.size()) warn("unexpected text after 日");
}

}  // namespace

// 份号, 密级 and 紧急程度 are read into the model but not laid out yet: say so
// rather than drop them silently.
void check_unplaced(const document& doc, diagnostics& diags) {
  const std::pair<const std::string*, const char*> parts[] = {
      {&doc.head.copy_number, "<copy-number> (份号)"},
      {&doc.head.classification, "<classification> (密级和保密期限)"},
      {&doc.head.urgency, "<urgency> (紧急程度)"}};
  for (const auto& [text, name] : parts)
    if (!text->empty())
      diags.warning(doc.source_name, 0, 0,
                    std::string(name) + " is not laid out yet; it is left out",
                    "this version places the 发文机关标志 and the 发文字号 of the header");
}

void check_document(const document& doc, diagnostics& diags) {
  check_doc_number(doc, diags);
  check_date(doc, diags);
  check_unplaced(doc, diags);
}

}  // namespace hongtou::model
