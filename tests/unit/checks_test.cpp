// SPDX-License-Identifier: Apache-2.0
// Content rules of the 发文字号 and the 成文日期 (GB/T 9704-2012 7.2.5, 7.3.5.4): warnings.
#include <catch2/catch.hpp>

#include "model/checks.hpp"

using namespace hongtou;

namespace {

std::vector<std::string> warnings_for(const std::string& number, const std::string& date) {
  model::document doc;
  doc.source_name = "doc.xml";
  doc.head.doc_number = number;
  doc.sig.present = !date.empty();
  doc.sig.date = date;
  diagnostics diags;
  model::check_document(doc, diags);
  std::vector<std::string> out;
  for (const auto& d : diags.items()) {
    CHECK(d.level == severity::warning);
    out.push_back(d.message);
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& part) {
  for (const auto& s : v)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a well-formed document number and date give no warning") {
  CHECK(warnings_for("国发〔2012〕1号", "2012年7月1日").empty());
  CHECK(warnings_for("某区委〔2024〕15号", "2024年12月31日").empty());
}

TEST_CASE(
    "document numbers with the wrong brackets, a short year, 第 or zero padding are flagged") {
  CHECK(has(warnings_for("国发【2012】1号", ""), "六角括号"));
  CHECK(has(warnings_for("国发[2012]1号", ""), "六角括号"));
  CHECK(has(warnings_for("国发（2012）1号", ""), "六角括号"));
  CHECK(has(warnings_for("国发〔12〕1号", ""), "in full"));
  CHECK(has(warnings_for("国发〔2012〕第1号", ""), "第"));
  CHECK(has(warnings_for("国发〔2012〕01号", ""), "leading zeros"));
  CHECK(has(warnings_for("国发2012年1号", ""), "〔〕"));
}

TEST_CASE("dates with Chinese numerals, a short year or zero padding are flagged") {
  CHECK(has(warnings_for("", "二〇一二年七月一日"), "full year"));
  CHECK(has(warnings_for("", "12年7月1日"), "full year"));
  CHECK(has(warnings_for("", "2012年07月01日"), "leading zeros"));
  CHECK(has(warnings_for("", "2012年7月"), "day"));
}

namespace {

std::vector<std::string> mark_warnings(const std::string& copy, const std::string& secret,
                                       const std::string& urgent) {
  model::document doc;
  doc.source_name = "doc.xml";
  doc.head.copy_number = copy;
  doc.head.classification = secret;
  doc.head.urgency = urgent;
  diagnostics diags;
  model::check_document(doc, diags);
  std::vector<std::string> out;
  for (const auto& d : diags.items()) {
    CHECK(d.level == severity::warning);
    out.push_back(d.message);
  }
  return out;
}

}  // namespace

TEST_CASE("GB/T 9704-2012 7.2.1-7.2.3: well-formed 份号, 密级 and 紧急程度 give no warning") {
  CHECK(mark_warnings("000001", "机密★5年", "特急").empty());
  CHECK(mark_warnings("123456", "秘密", "加急").empty());
  CHECK(mark_warnings("", "绝密★长期", "平急").empty());
}

TEST_CASE("GB/T 9704-2012 7.2.1-7.2.3: malformed 份号, 密级 and 紧急程度 are flagged") {
  CHECK(has(mark_warnings("1", "", ""), "份号 '1': expected 6 Arabic digits"));
  CHECK(has(mark_warnings("０００００１", "", ""), "6 Arabic digits"));
  CHECK(has(mark_warnings("", "内部", ""), "密级 '内部': expected 绝密, 机密 or 秘密"));
  CHECK(has(mark_warnings("", "机密5年", ""), "★"));
  CHECK(has(mark_warnings("", "", "急"), "紧急程度 '急': expected 特急 or 加急"));
}
