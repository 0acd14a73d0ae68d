// SPDX-License-Identifier: Apache-2.0
// Unit tests of engine/model: documents, layouts and font roles from XML.
#include "support/catch.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "model/document.hpp"
#include "support/source.hpp"

using namespace hongtou;
using namespace hongtou::model;

namespace {

using test::read_source;
using test::source_path;

/// Parses a document that must be valid.
document parse_ok(const std::string& xml) {
  document doc;
  diagnostics diags;
  const bool ok = parse_document(xml, "t.xml", doc, diags);
  std::string messages;
  for (const auto& d : diags.items()) messages += format(d) + "\n";
  INFO(messages);
  REQUIRE(ok);
  REQUIRE_FALSE(diags.has_errors());
  return doc;
}

/// "line:column: message" of the first diagnostic of an invalid document.
std::string first_error(const std::string& xml) {
  document doc;
  diagnostics diags;
  REQUIRE_FALSE(parse_document(xml, "t.xml", doc, diags));
  REQUIRE(diags.has_errors());
  const diagnostic& d = diags.items().front();
  CHECK(d.file == "t.xml");
  return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

/// A minimal valid document around a body.
std::string with_body(const std::string& body) {
  return "<gongwen>\n  <title>标题</title>\n  <body>\n" + body + "\n  </body>\n</gongwen>\n";
}

/// Text of a block, all spans joined.
std::string block_text(const block& b) {
  std::string s;
  for (const auto& sp : b.spans) s += sp.text;
  return s;
}

uint64_t fnv1a64(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace

// ---- the sample ----

TEST_CASE("samples/report.xml parses into header, title, seven blocks and a signature") {
  document doc;
  diagnostics diags;
  REQUIRE(load_document(source_path("samples/report.xml"), doc, diags));
  CHECK(diags.items().empty());
  CHECK(doc.layout == "gbt9704");
  CHECK(doc.head.issuer == "中共某某区委员会文件");
  CHECK(doc.head.doc_number == "某区委〔2024〕1号");
  CHECK(doc.head.copy_number.empty());
  CHECK(doc.title == "2023年度述职报告");
  CHECK(doc.addressee.empty());
  CHECK(doc.sig.present);
  CHECK(doc.sig.organ == "中共某某区委员会");
  CHECK(doc.sig.date == "2024年1月15日");

  REQUIRE(doc.body.size() == 7);
  const block& opening = doc.body[0];
  CHECK(opening.kind == block_kind::paragraph);
  REQUIRE(opening.spans.size() == 1);
  CHECK(opening.spans[0].lead_level == 0);
  CHECK(opening.spans[0].text ==
        "2023年，在市委、市政府的正确领导下，团结带领全区广大党员干部群众，认真履职尽责，"
        "较好地完成了各项工作任务，述职如下。");

  const char* const leads[] = {
      "一、围绕思想政治建设，强化政治担当。",     "二、围绕推动高质量发展，提升区域经济实力。",
      "三、围绕解放思想，全面激发改革创新活力。", "四、围绕持续加强作风整顿，着力解决民生问题。",
      "五、围绕法治建设，提升基层治理水平。",     "六、坚持从严治党，党的建设得到全面加强。"};
  for (size_t i = 1; i < 7; ++i) {
    const block& b = doc.body[i];
    INFO("block " << i);
    CHECK(b.kind == block_kind::paragraph);
    REQUIRE(b.spans.size() == 2);
    CHECK(b.spans[0].lead_level == 1);
    CHECK(b.spans[0].text == leads[i - 1]);
    CHECK(b.spans[1].lead_level == 0);
  }
  CHECK(doc.body[4].spans[1].text ==
        "坚持以人民为中心的发展思想，紧盯群众急难愁盼问题，以“能力建设提升年”活动为牵动，"
        "落实“五细”要求，以提升干部本领能力为根本，全力推进干部转作风走基层，以解决民生问题为突破，"
        "最大限度推动各种资源向民生倾斜，人民群众生活品质逐步提高。");
}

TEST_CASE("samples/report.xml keeps the seed's text byte for byte, without the watermark") {
  const document doc = parse_ok(read_source("samples/report.xml"));
  REQUIRE(doc.body.size() == 7);
  // FNV-1a 64 and byte length of each line of the seed report
  // (shared/seed/000_b33533129bd68bef.txt, "儿网www.bgzjy.cn" removed).
  const uint64_t hashes[] = {0x6e4bb4835e6af672ull, 0x25293bca0c8d5e84ull, 0xdac5332f0cd977d6ull,
                             0xea27f5d481b91c5cull, 0x695b9fc1f710a7a2ull, 0xf25fabef8c528792ull,
                             0x78e03d38b6efb1ddull};
  const size_t sizes[] = {172, 1523, 734, 947, 414, 1150, 1282};
  for (size_t i = 0; i < 7; ++i) {
    INFO("block " << i);
    const std::string text = block_text(doc.body[i]);
    CHECK(text.size() == sizes[i]);
    CHECK(fnv1a64(text) == hashes[i]);
  }
  CHECK(block_text(doc.body[1]).find("bgzjy") == std::string::npos);
  CHECK(block_text(doc.body[6]).find("全面构建 “街道大工委") != std::string::npos);
}

TEST_CASE("span and block positions are 1-based lines and character columns") {
  const document doc = parse_ok(with_body("    <p><lead level=\"2\">（一）要求。</lead>正文</p>"));
  REQUIRE(doc.body.size() == 1);
  CHECK(doc.title_pos.line == 2);
  CHECK(doc.title_pos.column == 3);
  CHECK(doc.body[0].pos.line == 4);
  CHECK(doc.body[0].pos.column == 5);
  REQUIRE(doc.body[0].spans.size() == 2);
  CHECK(doc.body[0].spans[0].pos.column == 8);
  CHECK(doc.body[0].spans[0].lead_level == 2);
  CHECK(doc.body[0].spans[1].pos.column == 37);  // after "<lead level="2">（一）要求。</lead>"
}

// ---- whitespace ----

TEST_CASE("a line break with indentation vanishes between CJK characters") {
  const document doc =
      parse_ok(with_body("    <p><lead level=\"1\">一、总体\n      要求。</lead>\n      第一行\n   "
                         "   第二行“引号”\n      。</p>"));
  REQUIRE(doc.body[0].spans.size() == 2);
  CHECK(doc.body[0].spans[0].text == "一、总体要求。");
  CHECK(doc.body[0].spans[1].text == "第一行第二行“引号”。");
}

TEST_CASE("other whitespace runs become one space; leading and trailing whitespace goes") {
  const document doc = parse_ok(
      with_body("    <p>  中文\n  English\n  text  with   spaces\t\tand 中文 “引号”\n  </p>"));
  CHECK(block_text(doc.body[0]) == "中文 English text with spaces and 中文 “引号”");
}

TEST_CASE("an ideographic space is not XML whitespace and is kept") {
  const document doc = parse_ok(with_body("<p>甲\u3000乙</p>"));
  CHECK(block_text(doc.body[0]) == "甲\u3000乙");
}

TEST_CASE("a title <br/> is stored as a newline, with the whitespace around it removed") {
  const document doc = parse_ok(
      "<gongwen><title>\n  关于加强\n  管理的 <br/>\n  "
      "通知\n</title><body><p>正文</p></body></gongwen>");
  CHECK(doc.title == "关于加强管理的\n通知");
}

TEST_CASE("header, addressee and heading elements are read") {
  const document doc = parse_ok(
      "<gongwen layout=\"letter-2\">\n"
      "  <header>\n"
      "    <copy-number>000001</copy-number>\n"
      "    <classification>机密★5年</classification>\n"
      "    <urgency>特急</urgency>\n"
      "    <issuer>某某局</issuer>\n"
      "  </header>\n"
      "  <title>通知</title>\n"
      "  <addressee>各区县\n    人民政府：</addressee>\n"
      "  <body><h level=\"3\">1.办法</h><p>正文</p></body>\n"
      "</gongwen>");
  CHECK(doc.layout == "letter-2");
  CHECK(doc.head.copy_number == "000001");
  CHECK(doc.head.classification == "机密★5年");
  CHECK(doc.head.urgency == "特急");
  CHECK(doc.head.issuer == "某某局");
  CHECK(doc.head.doc_number.empty());
  CHECK(doc.head.issuer_pos.line == 6);
  CHECK(doc.addressee == "各区县人民政府：");
  CHECK_FALSE(doc.sig.present);
  REQUIRE(doc.body.size() == 2);
  CHECK(doc.body[0].kind == block_kind::heading);
  CHECK(doc.body[0].level == 3);
  REQUIRE(doc.body[0].spans.size() == 1);
  CHECK(doc.body[0].spans[0].lead_level == 3);
  CHECK(doc.body[0].spans[0].text == "1.办法");
}

// ---- errors ----

TEST_CASE("malformed XML is an error at pugixml's offset") {
  CHECK(first_error("<gongwen>\n  <title>x</title>\n  <body><p>a</body>\n</gongwen>") ==
        "3:15: malformed XML: Start-end tags mismatch; expected </p> to close <p> from line 3:9");
  CHECK(first_error("<gongwen><title>t</title><body><p>a</p></body>") ==
        "1:46: malformed XML: Start-end tags mismatch; <gongwen> from line 1:1 is not closed");
}

TEST_CASE("a wrong root element is an error") {
  CHECK(first_error("<?xml version=\"1.0\"?>\n<doc/>") ==
        "2:1: expected root element <gongwen>, found <doc>");
  CHECK(first_error("") == "1:1: expected root element <gongwen>");
  CHECK(first_error("<gongwen><title>t</title><body><p>a</p></body></gongwen><gongwen/>") ==
        "1:57: only one root element is allowed; found <gongwen> after <gongwen>");
}

TEST_CASE("an unknown element is an error naming what was expected") {
  CHECK(first_error(with_body("    <foo>x</foo>")) ==
        "4:5: unknown element <foo> in <body>; expected <p>, <h>, <chapter> or <table>");
  CHECK(
      first_error("<gongwen>\n <titel>x</titel><body><p>a</p></body></gongwen>") ==
      "2:2: unknown element <titel> in <gongwen>; expected <fields>, <header>, <title>, "
      "<addressee>, "
      "<body>, <attachment-note>, <attendance>, <signature>, <note>, <forwarded>, <attachment> or "
      "<imprint>");
  CHECK(first_error(with_body("<p>正文<b>粗</b></p>")) ==
        "4:6: unknown element <b> in <p>; expected text, <lead> or <article>");
}

TEST_CASE("an unknown attribute is an error at the attribute") {
  CHECK(first_error(with_body("    <p class=\"x\">正文</p>")) ==
        "4:8: unknown attribute class on <p>; expected no attributes");
  CHECK(first_error(with_body("<h level=\"1\" bold=\"yes\">一、</h>")) ==
        "4:14: unknown attribute bold on <h>; expected level");
}

TEST_CASE("a missing <body> is an error at the root; a missing <title> is the layout's to judge") {
  // A 令 (GB/T 9704-2012 10.2) has no title: layouts say whether one is required
  // (<title required>, tests/unit/order_format_test.cpp).
  document untitled;
  diagnostics none;
  CHECK(
      parse_document("<gongwen>\n  <body><p>正文</p></body>\n</gongwen>", "t.xml", untitled, none));
  CHECK(untitled.title.empty());
  CHECK(untitled.root_pos.line == 1);
  CHECK(first_error("<gongwen>\n  <title>标题</title>\n</gongwen>") ==
        "1:1: missing <body> in <gongwen>");
  CHECK(first_error(
            "<gongwen><header><doc-number>1号</doc-number></header><title>t</title><body><p>a</p>"
            "</body></gongwen>") == "1:10: missing <issuer> in <header>");
}

TEST_CASE("elements out of the standard's order or repeated are errors") {
  CHECK(first_error("<gongwen>\n  <body><p>正文</p></body>\n  <title>标题</title>\n</gongwen>") ==
        "3:3: <title> must come before <body> in <gongwen>");
  CHECK(first_error("<gongwen><title>a</title><title>b</title><body><p>c</p></body></gongwen>") ==
        "1:26: duplicate <title> in <gongwen>; only one is allowed");
}

TEST_CASE("a heading level outside 1..4 is an error") {
  CHECK(first_error(with_body("    <h level=\"5\">一、标题</h>")) ==
        "4:8: level must be 1..4 (found \"5\")");
  CHECK(first_error(with_body("<p><lead level=\"x\">一、</lead>正文</p>")) ==
        "4:10: level must be 1..4 (found \"x\")");
  CHECK(first_error(with_body("<h>一、</h>")) ==
        "4:1: missing attribute level on <h>; expected level=\"1\" to \"4\"");
}

TEST_CASE("empty required text is an error") {
  CHECK(first_error("<gongwen>\n  <header><issuer>  </issuer></header>\n  <title>标题</title>\n"
                    "  <body><p>正文</p></body>\n</gongwen>") ==
        "2:11: empty <issuer>; expected text");
  CHECK(first_error("<gongwen><title>\n</title><body><p>a</p></body></gongwen>") ==
        "1:10: empty <title>; expected text");
  CHECK(first_error(with_body("    <p>  </p>")) == "4:5: empty <p>; expected text");
  CHECK(first_error(with_body("<p><lead level=\"1\"> </lead>正文</p>")) ==
        "4:4: empty <lead>; expected text");
  CHECK(first_error("<gongwen><title>t</title><body/></gongwen>") ==
        "1:26: empty <body>; expected <p>, <h>, <chapter> or <table>");
  CHECK(first_error("<gongwen><title><br/>t</title><body><p>a</p></body></gongwen>") ==
        "1:10: empty line in <title>: each <br/> must stand between text");
}

TEST_CASE("text directly in a container element is an error") {
  CHECK(first_error(with_body("    正文")) ==
        "4:5: text is not allowed directly in <body>; expected <p>, <h>, <chapter> or <table>");
  CHECK(
      first_error("<gongwen>\n  x<title>t</title><body><p>a</p></body></gongwen>") ==
      "2:3: text is not allowed directly in <gongwen>; expected <fields>, <header>, <title>, "
      "<addressee>, "
      "<body>, <attachment-note>, <attendance>, <signature>, <note>, <forwarded>, <attachment> or "
      "<imprint>");
  CHECK(first_error("<gongwen><title>t</title><body><p>a</p></body></gongwen>\n尾") ==
        "2:1: text is not allowed outside the root element <gongwen>");
  CHECK(first_error("前<gongwen><title>t</title><body><p>a</p></body></gongwen>") ==
        "1:1: text is not allowed outside the root element <gongwen>");
}

TEST_CASE("a <lead> must start its paragraph") {
  CHECK(first_error(with_body("<p>正文<lead level=\"1\">一、</lead></p>")) ==
        "4:6: <lead> must come first in <p>, and only once");
}

TEST_CASE("bytes that are not UTF-8 are an error at the byte") {
  CHECK(first_error("<gongwen>\n  <title>\xff</title>\n</gongwen>") ==
        "2:10: invalid UTF-8 byte 0xFF; the file must be UTF-8 text");
  CHECK(first_error(std::string("<gongwen>\x01</gongwen>")) ==
        "1:10: character U+0001 is a control character, not allowed in XML; remove it");
}

TEST_CASE("a bad layout name is an error") {
  CHECK(first_error("<gongwen layout=\"../x\"><title>t</title><body><p>a</p></body></gongwen>") ==
        "1:10: layout must be a layout name such as \"gbt9704\" (letters, digits, - and _)");
}

TEST_CASE("a missing document file is an error naming the path and the reason") {
  document doc;
  diagnostics diags;
  const std::string path = source_path("samples/no-such-file.xml");
  REQUIRE_FALSE(load_document(path, doc, diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].file == path);
  CHECK(diags.items()[0].message == "cannot open " + path + ": No such file or directory");
}

TEST_CASE("every prefix of the sample parses or fails cleanly") {
  const std::string xml = read_source("samples/report.xml");
  for (size_t n = 0; n < xml.size(); n += 3) {
    document doc;
    diagnostics diags;
    const bool ok = parse_document(xml.substr(0, n), "t.xml", doc, diags);
    REQUIRE(ok != diags.has_errors());
  }
}
