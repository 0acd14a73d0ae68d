// SPDX-License-Identifier: Apache-2.0
// Fields ({{name}}) filled from values, defaults and JSON, as a user of
// `--data` and of the API sees them: the text that reaches the page, and
// the errors, with the field's line and column.
#include <catch2/catch.hpp>

#include <string>

#include "api/hongtou.hpp"
#include "model/document.hpp"
#include "support/engine_options.hpp"
#include "support/render_text.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

const char* const doc_with_fields = R"(<gongwen>
  <fields><field name="日期" default="2024年1月2日"/><field name="名称"/></fields>
  <header><issuer>国务院办公厅文件</issuer><doc-number>国办发〔2024〕{{号}}号</doc-number></header>
  <title>关于{{名称}}的通知</title>
  <body><p>请{{名称}}按期报送。</p></body>
  <signature><organ>国务院办公厅</organ><date>{{日期}}</date></signature>
</gongwen>)";

render_result trace_of(const std::string& xml, const field_values& values) {
  engine eng(test::test_engine_options());
  render_options o;
  o.format = output_format::trace;
  o.fields = values;
  return eng.render_memory(xml, "doc.xml", o);
}

using test::first_error;
using test::text;

}  // namespace

TEST_CASE("fields are filled from the values, then from the defaults of <fields>") {
  const model::field_values values = {{"号", "7"}, {"名称", "各地区"}};
  model::parse_options o;
  o.fields = &values;
  model::document doc;
  diagnostics diags;
  REQUIRE(model::parse_document(doc_with_fields, "doc.xml", doc, diags, o));
  CHECK(doc.head.doc_number == "国办发〔2024〕7号");  // in an element's text
  CHECK(doc.title == "关于各地区的通知");
  CHECK(doc.body.front().spans.front().text == "请各地区按期报送。");
  CHECK(doc.sig.date == "2024年1月2日");  // the default
  const model::field_values more = {{"号", "7"}, {"名称", "各地区"}, {"日期", "2025年3月4日"}};
  o.fields = &more;
  REQUIRE(model::parse_document(doc_with_fields, "doc.xml", doc, diags, o));
  CHECK(doc.sig.date == "2025年3月4日");  // the value wins over the default
  // In an attribute too.
  const std::string sealed = R"(<gongwen><header><issuer>国务院办公厅文件</issuer></header>
  <title>t</title><body><p>a</p></body>
  <signature><organ>国务院办公厅</organ><date>2024年1月2日</date><seal src="{{印章}}"/></signature>
</gongwen>)";
  const model::field_values seal = {{"印章", "seals/a.png"}};
  o.fields = &seal;
  REQUIRE(model::parse_document(sealed, "doc.xml", doc, diags, o));
  CHECK(doc.sig.seals.front().src == "seals/a.png");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a missing field is an error naming it at its line and column") {
  render_result r = trace_of(doc_with_fields, {{"号", "7"}});
  CHECK(r.status == status::input_error);
  CHECK(first_error(r) ==
        "doc.xml:4:12: error: no value for field '名称'; give it in the data (--data FILE.json, "
        "a JSON object) or a default in <fields>: <field name=\"名称\" default=\"…\"/>");
  CHECK(r.bytes.empty());
}

TEST_CASE("a value is text, never markup, and {{{{ writes a literal {{") {
  const std::string xml = R"(<gongwen><header><issuer>国务院办公厅文件</issuer></header>
  <title>关于{{名称}}的通知</title><body><p>写作{{{{名称}}。</p></body></gongwen>)";
  render_result r = trace_of(xml, {{"名称", "<b>加粗</b>"}});
  REQUIRE(r.ok());
  CHECK(text(r).find("<b>加粗</b>") != std::string::npos);
  CHECK(text(r).find("写作{{名称}}。") != std::string::npos);
}

TEST_CASE("bad fields and bad values are errors") {
  const std::string open = R"(<gongwen><header><issuer>国务院办公厅文件</issuer></header>
<title>关于{{名称的通知</title><body><p>a</p></body></gongwen>)";
  CHECK(first_error(trace_of(open, {})) ==
        "doc.xml:2:10: error: unclosed field: \"{{\" without \"}}\"; write \"{{{{\" for a "
        "literal \"{{\"");
  const std::string one = R"(<gongwen><header><issuer>国务院办公厅文件</issuer></header>
<title>关于{{名称}}的通知</title><body><p>a</p></body></gongwen>)";
  CHECK(first_error(trace_of(one, {{"名称", std::string("a\x07z")}})) ==
        "doc.xml:2:10: error: the value of field '名称' is not XML text: character U+0007 is a "
        "control character, not allowed in XML");
}

TEST_CASE("field values come from a JSON object: strings, numbers, nested objects") {
  field_values v;
  std::vector<diagnostic> diags;
  REQUIRE(parse_fields_json(R"({"姓名": "张三", "人数": 12, "比例": 0.5, "签发": {"职务": "主任"},
                               "空": null})",
                            "data.json", v, diags));
  CHECK(v.at("姓名") == "张三");
  CHECK(v.at("人数") == "12");
  CHECK(v.at("比例") == "0.5");
  CHECK(v.at("签发.职务") == "主任");
  CHECK(v.count("空") == 0);

  diags.clear();
  CHECK_FALSE(parse_fields_json("{\"a\": true}", "data.json", v, diags));
  REQUIRE(diags.size() == 1);
  CHECK(format(diags[0]) ==
        "data.json:1: error: field 'a' is true or false; expected a string or a number (its "
        "text goes into the document)");

  diags.clear();
  CHECK_FALSE(parse_fields_json("{\n  \"a\": \"x\",\n  \"b\" 1\n}", "data.json", v, diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].line == 3);
  CHECK(diags[0].column == 7);
  CHECK(diags[0].message.rfind("bad JSON: ", 0) == 0);

  diags.clear();
  CHECK_FALSE(parse_fields_json("[1, 2]", "r.jsonl", v, diags, 5));
  REQUIRE(diags.size() == 1);
  CHECK(format(diags[0]).rfind("r.jsonl:5:1: error: expected a JSON object", 0) == 0);
}

TEST_CASE("the report template with the seed's data sets exactly the seed report") {
  std::vector<diagnostic> diags;
  field_values data;
  REQUIRE(read_fields_file(test::source_path("samples/report-data.json"), data, diags));
  engine eng(test::test_engine_options());
  render_options o;
  o.fields = data;
  render_result filled = eng.render_memory(
      test::read_file(test::source_path("samples/report-template.xml")), "report-template.xml", o);
  render_result seed =
      eng.render_memory(test::read_file(test::source_path("samples/report.xml")), "report.xml");
  REQUIRE(filled.ok());
  REQUIRE(seed.ok());
  CHECK(filled.bytes == seed.bytes);
}
