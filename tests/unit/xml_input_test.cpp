// SPDX-License-Identifier: Apache-2.0
// Hostile XML at the model: characters written as references, DOCTYPEs and
// entities, bidirectional controls, combining marks, element counts, depth,
// text lengths, and positions on a one-line file.
#include "support/catch.hpp"

#include <string>

#include "model/document.hpp"
#include "model/font_config.hpp"
#include "model/layout_spec.hpp"

using namespace hongtou;
using namespace hongtou::model;

namespace {

std::string with_body(const std::string& body) {
  return "<gongwen><title>标题</title><body>" + body + "</body></gongwen>";
}

struct parsed {
  bool ok = false;
  document doc;
  diagnostics diags;
  /// "line:column: message" of the first diagnostic.
  std::string first() const {
    if (diags.items().empty()) return "";
    const diagnostic& d = diags.items().front();
    return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
  }
};

parsed parse(const std::string& xml, const hongtou::limits& l = {}) {
  parsed p;
  parse_options o;
  o.limits = &l;
  p.ok = parse_document(xml, "t.xml", p.doc, p.diags, o);
  return p;
}

}  // namespace

TEST_CASE("a character reference is judged like the character it writes, at its place") {
  // Before, &#0; cut the paragraph short without a word.
  const parsed nul = parse(with_body("<p>前文&#0;后文</p>"));
  CHECK_FALSE(nul.ok);
  CHECK(nul.first() ==
        "1:38: character U+0000 (written &#0;) is a control character, not allowed in XML; "
        "remove it");
  CHECK(parse(with_body("<p>前文&#xD800;后文</p>")).first() ==
        "1:38: character U+D800 (written &#xD800;) is a surrogate code point, not a character; "
        "remove it");
  CHECK(parse(with_body("<p>a&#xFFFF;</p>")).first() ==
        "1:37: character U+FFFF (written &#xFFFF;) is a noncharacter; remove it");
  CHECK(parse(with_body("<p>a&#x1B;</p>")).first().find("U+001B (written &#x1B;)") !=
        std::string::npos);
  CHECK(parse(with_body("<p>a&#7;</p>")).first().find("U+0007") != std::string::npos);
  CHECK(parse(with_body("<p>a&#x110000;</p>")).first().find("past the last code point") !=
        std::string::npos);
  // In an attribute as well.
  CHECK(parse("<gongwen layout=\"a&#1;b\"><title>t</title><body><p>a</p></body></gongwen>")
            .first()
            .rfind("1:19: character U+0001", 0) == 0);
  // Literal C1 controls and noncharacters, which XML itself allows.
  CHECK(parse(with_body("<p>a\xC2\x85</p>")).first() ==
        "1:37: character U+0085 is a control character; remove it");
  CHECK(parse(with_body("<p>a\xEF\xB7\x90</p>")).first().find("U+FDD0") != std::string::npos);
  // Good references still work.
  const parsed good = parse(with_body("<p>&#x4E00;&#20108;&amp;&lt;</p>"));
  REQUIRE(good.ok);
  CHECK(good.doc.body.at(0).spans.at(0).text == "一二&<");
}

TEST_CASE("a DOCTYPE is refused, and no entity is ever printed literally") {
  const parsed dt =
      parse("<!DOCTYPE gongwen [<!ENTITY x \"某某\">]>\n" + with_body("<p>前&x;后</p>"));
  CHECK_FALSE(dt.ok);
  CHECK(dt.first() ==
        "1:1: a DOCTYPE declaration is not allowed: a document has no use for one, and its "
        "entities are never expanded; remove it");
  CHECK(parse(with_body("<p>前&x;后</p>")).first() ==
        "1:37: unknown entity &x; — XML's own are &amp; &lt; &gt; &quot; &apos;, or write the "
        "character itself");
  CHECK(parse(with_body("<p>A & B</p>")).first() == "1:38: a bare '&'; write it as &amp;");
  // Inside a comment or CDATA nothing is a reference.
  const parsed cdata = parse(with_body("<!-- &x; --><p><![CDATA[&x; & &#0;]]></p>"));
  REQUIRE(cdata.ok);
  CHECK(cdata.doc.body.at(0).spans.at(0).text == "&x; & &#0;");
}

TEST_CASE("the layout and fonts.xml readers check characters and DOCTYPEs too") {
  layout_spec spec;
  diagnostics d1;
  CHECK_FALSE(parse_layout("<!DOCTYPE x><layout/>", "l.xml", spec, d1));
  REQUIRE_FALSE(d1.items().empty());
  CHECK(d1.items()[0].message.find("DOCTYPE") != std::string::npos);
  fonts::font_config fc;
  diagnostics d2;
  CHECK_FALSE(parse_font_config("<fonts><role name=\"a&#0;\"/></fonts>", "f.xml", fc, d2));
  REQUIRE_FALSE(d2.items().empty());
  CHECK(d2.items()[0].message.find("U+0000") != std::string::npos);
}

TEST_CASE("bidirectional controls and zero-width characters are removed with a warning") {
  const parsed p = parse(with_body("<p>前\xE2\x80\xAE文&#x200B;字&#x200B;</p>"));
  REQUIRE(p.ok);
  CHECK(p.doc.body.at(0).spans.at(0).text == "前文字");
  REQUIRE(p.diags.items().size() == 2);
  CHECK(p.first() ==
        "1:37: removed 1 × U+202E RIGHT-TO-LEFT OVERRIDE (first here): bidirectional controls "
        "and zero-width characters are not set in a document");
  CHECK(p.diags.items()[1].message.rfind("removed 2 × U+200B ZERO WIDTH SPACE", 0) == 0);
  CHECK(p.diags.items()[1].level == severity::warning);
}

TEST_CASE("limits: combining marks, elements, depth, paragraph and title lengths") {
  std::string zalgo = "e";
  for (int i = 0; i < 17; ++i) zalgo += "\xCC\x81";  // U+0301
  CHECK(parse(with_body("<p>" + zalgo + "</p>")).first() ==
        "1:53: combining marks on one character, more than the limit of 16 "
        "(limits::cluster_marks)");
  CHECK(parse(with_body("<p>e\xCC\x81\xCC\x81</p>")).ok);

  hongtou::limits small;
  small.elements = 5;
  CHECK(parse(with_body("<p>a</p><p>b</p><p>c</p>"), small).first() ==
        "1:49: too many elements, more than the limit of 5 (limits::elements)");
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += "<x>";
  for (int i = 0; i < 70; ++i) deep += "</x>";
  deep += "</gongwen>";
  CHECK(parse("<gongwen>" + deep).first() ==
        "1:199: elements nested too deep, more than the limit of 64 (limits::depth)");

  small = {};
  small.paragraph_chars = 10;
  CHECK(parse(with_body("<p>一二三四五<lead level=\"1\">六七八九十甲</lead></p>"), small).first() ==
        "1:33: the text of <p> has 11 characters, more than the limit of 10 "
        "(limits::paragraph_chars)");
  CHECK(parse(with_body("<p>一二三四五</p><p>六七八九十甲</p>"), small).ok);  // per paragraph
  small.title_chars = 3;
  CHECK(parse(with_body("<p>a</p>"), small).ok);  // 标题: 2
  CHECK(parse("<gongwen><title>一二<br/>三四</title><body><p>a</p></body></gongwen>", small)
            .first() ==
        "1:10: the <title> has 5 characters, more than the limit of 3 "
        "(limits::title_chars)");
  // 0: no limit.
  hongtou::limits none;
  none.elements = none.depth = 0;
  CHECK(parse("<gongwen>" + deep, none).first().find("unknown element <x>") != std::string::npos);
}

TEST_CASE("positions on a one-line file are exact far along the line") {
  // 50,000 headings on one line: every heading's position is taken (before,
  // each was counted from the line's start: 31 s); the columns come from
  // checkpoints every 1,024 bytes and must be exact on both sides of them.
  std::string body;
  for (int i = 0; i < 50000; ++i) body += "<h level=\"1\">一、</h>";
  const parsed p = parse(with_body(body + "<h level=\"x\">二</h>"));
  CHECK_FALSE(p.ok);
  // <gongwen><title>标题</title><body> is 32 characters; each heading 19.
  const int column = 33 + 50000 * 19 + 3;  // the level attribute of the last one
  CHECK(p.first() == "1:" + std::to_string(column) + ": level must be 1..4 (found \"x\")");
}
