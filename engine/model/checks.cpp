// SPDX-License-Identifier: Apache-2.0
#include "model/checks.hpp"

#include <algorithm>
#include <iterator>
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
  if (doc.head.number == header::number_kind::minutes) return;  // 10.3: the organ's own form
  if (doc.head.number == header::number_kind::order) {  // 10.2: 令号, 第N号 (maybe in brackets)
    const size_t di = n.find(U'第');
    if (di == std::u32string::npos || digits_at(n, di + 1) == 0 ||
        n.find(U'号', di) == std::u32string::npos)
      diags.warning(doc.source_name, pos.line, pos.column,
                    "令号 '" + doc.head.doc_number + "': expected 第N号",
                    "GB/T 9704-2012 10.2: e.g. 第227号");
    return;
  }
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

namespace {

// 7.2.1: 份号 "一般用6位3号阿拉伯数字"; 7.2.2: 密级 绝密, 机密 or 秘密, with
// ★ and the period when one is given; 7.2.3: 紧急程度 特急 or 加急 (telegrams
// also 特提 and 平急).
void check_header_marks(const document& doc, diagnostics& diags) {
  const header& h = doc.head;
  auto warn = [&](const source_pos& pos, const std::string& message, const char* hint) {
    diags.warning(doc.source_name, pos.line, pos.column, message, hint);
  };
  if (!h.copy_number.empty()) {
    const bool six_digits =
        h.copy_number.size() == 6 && std::all_of(h.copy_number.begin(), h.copy_number.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; });
    if (!six_digits)
      warn(h.copy_number_pos, "份号 '" + h.copy_number + "': expected 6 Arabic digits",
           "GB/T 9704-2012 7.2.1: e.g. 000001");
  }
  if (!h.classification.empty()) {
    const std::string& c = h.classification;
    const bool level =
        c.rfind("绝密", 0) == 0 || c.rfind("机密", 0) == 0 || c.rfind("秘密", 0) == 0;
    const std::string rest = level ? c.substr(std::string("绝密").size()) : std::string();
    if (!level || (!rest.empty() && rest.rfind("★", 0) != 0))
      warn(h.classification_pos,
           "密级 '" + c + "': expected 绝密, 机密 or 秘密, then ★ and the period when one is given",
           "GB/T 9704-2012 7.2.2: e.g. 机密★5年");
  }
  if (!h.urgency.empty()) {
    const char* const allowed[] = {"特急", "加急", "特提", "平急"};
    if (std::none_of(std::begin(allowed), std::end(allowed),
                     [&](const char* a) { return h.urgency == a; }))
      warn(h.urgency_pos, "紧急程度 '" + h.urgency + "': expected 特急 or 加急",
           "GB/T 9704-2012 7.2.3: telegrams also 特提 or 平急");
  }
}

}  // namespace

void check_document(const document& doc, diagnostics& diags) {
  check_doc_number(doc, diags);
  check_date(doc, diags);
  check_header_marks(doc, diags);
}

}  // namespace hongtou::model
