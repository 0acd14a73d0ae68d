// SPDX-License-Identifier: Apache-2.0
// Organisation templates (<gongwen template>): what a document takes from
// one, what it overrides, and the errors — measured on the trace of the
// display list in mm, as a typesetter checks the page.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "api/hongtou.hpp"
#include "model/document.hpp"
#include "support/engine_options.hpp"
#include "support/render_text.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;
namespace fs = std::filesystem;

namespace {

render_result render(const std::string& xml, const std::string& name = "doc.xml") {
  engine eng(test::test_engine_options());
  render_options o;
  o.format = output_format::trace;
  return eng.render_memory(xml, name, o);
}

using test::first_error;
using test::text;

// Left and right edge (mm) over the runs of one element on page 1: the
// "x=L..R" of its trace lines "  run <element> … x=L..R …".
std::pair<double, double> extent(const std::string& trace, const std::string& element) {
  double left = 1e9, right = -1e9;
  const std::string page1 = trace.substr(0, trace.find("\npage 2"));
  const std::string head = "  run " + element + " ";
  std::istringstream lines(page1);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(head, 0) != 0) continue;
    const size_t x = line.find(" x=");
    const size_t dots = line.find("..", x);
    if (x == std::string::npos || dots == std::string::npos) continue;
    left = std::min(left, std::stod(line.substr(x + 3, dots - x - 3)));
    right = std::max(right, std::stod(line.substr(dots + 2)));
  }
  return {left, right};
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

const char* const joint_doc = R"(<gongwen template="zhongban-guoban">
  <header><doc-number>中办发〔2024〕1号</doc-number></header>
  <title>关于做好有关工作的通知</title>
  <body><p>各地区各部门要认真贯彻执行。</p></body>
  <signature><date>2024年1月2日</date></signature>
  <imprint><print-date>2024年1月3日</print-date></imprint>
</gongwen>)";

}  // namespace

TEST_CASE("GB/T 9704-2012 7.2.4: a joint template's mark, at its width, centred") {
  render_result r = render(joint_doc, test::source_path("samples/doc.xml"));
  REQUIRE(r.ok());
  const std::string t = text(r);
  CHECK(t.find("\"中共中央办公厅\"") != std::string::npos);
  CHECK(t.find("\"国务院办公厅\"") != std::string::npos);
  const auto [left, right] = extent(t, "issuer");
  CHECK(right - left == Approx(150.0).margin(0.05));  // <issuer width="150mm">
  CHECK((left + right) / 2 == Approx(106.0).margin(0.05));
}

TEST_CASE("GB/T 9704-2012 7.3.5.1 and 7.4.2: the template's organs, seals and 印发机关") {
  render_result r = render(joint_doc, test::source_path("samples/doc.xml"));
  REQUIRE(r.ok());
  const std::string t = text(r);
  CHECK(count(t, "image seal ") == 2);  // its seals, found beside the template
  CHECK(t.find("\"中共中央办公厅秘书局\"") != std::string::npos);  // a template field's default
  // The document's own parts stay: its date, its 印发日期.
  model::parse_options o;
  o.find_template = [](const std::string& name, std::string& xml, std::string& source,
                       std::string&) {
    source = test::source_path("templates/" + name + ".xml");
    xml = test::read_file(source);
    return true;
  };
  model::document doc;
  diagnostics diags;
  REQUIRE(model::parse_document(joint_doc, "doc.xml", doc, diags, o));
  CHECK(doc.sig.date == "2024年1月2日");
  CHECK(doc.end.print_date == "2024年1月3日");
  CHECK(doc.end.printer == "中共中央办公厅秘书局");
  CHECK(doc.sig.organ == "中共中央办公厅");
  CHECK(doc.sig.co_organs == std::vector<std::string>{"国务院办公厅"});
  REQUIRE(doc.sig.seals.size() == 2);
  CHECK(doc.sig.seals[0].folder == test::source_path("templates"));
  CHECK(doc.template_name == "zhongban-guoban");
}

TEST_CASE("the document's own elements win over its template's") {
  const std::string xml = R"(<gongwen template="guoban">
  <header><issuer>国务院文件</issuer><doc-number>国发〔2024〕1号</doc-number></header>
  <title>关于做好有关工作的通知</title>
  <body><p>各地区各部门要认真贯彻执行。</p></body>
  <signature><organ>国务院</organ><date>2024年1月2日</date></signature>
</gongwen>)";
  render_result r = render(xml, test::source_path("samples/doc.xml"));
  REQUIRE(r.ok());
  const std::string t = text(r);
  CHECK(t.find("\"国务院文件\"") != std::string::npos);
  CHECK(t.find("国务院办公厅") == std::string::npos);
  CHECK(count(t, "image seal ") == 0);                // the seals go with the template's organs
  CHECK(t.find("run imprint") == std::string::npos);  // no <imprint>: the template adds none
}

TEST_CASE("template errors name the template, or what the document still lacks") {
  CHECK(first_error(render("<gongwen template=\"nonesuch\"><body><p>a</p></body></gongwen>"))
            .rfind("doc.xml:1:10: error: no template 'nonesuch'; looked in ", 0) == 0);
  CHECK(first_error(render("<gongwen template=\"Bad Name\"><body><p>a</p></body></gongwen>")) ==
        "doc.xml:1:10: error: template must be a template name such as \"my-organ\" "
        "(lower-case letters, digits, - and _): the file <name>.xml in a template folder");
  // The 版记 row needs its date, which no template gives.
  const std::string no_date = R"(<gongwen template="guoban">
  <header><doc-number>国办发〔2024〕1号</doc-number></header>
  <title>关于做好有关工作的通知</title>
  <body><p>a</p></body>
  <imprint><cc>各省、自治区、直辖市人民政府。</cc></imprint>
</gongwen>)";
  CHECK(first_error(render(no_date, test::source_path("samples/doc.xml"))) ==
        test::source_path("samples/doc.xml") +
            ":5:3: error: missing <print-date> in <imprint>; it goes with <printer>");
}

TEST_CASE("a template beside the document, with its format and a broken one's errors") {
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / "template-beside";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "xian.xml") << R"(<template layout="letter">
  <header><issuer>某某县人民政府办公室</issuer></header>
  <signature><organ>某某县人民政府办公室</organ></signature>
</template>)";
  std::ofstream(dir / "broken.xml") << "<template><header><isuer>x</isuer></header></template>";
  const std::string doc = R"(<gongwen template="xian">
  <header><doc-number>某政办函〔2024〕1号</doc-number></header>
  <title>关于有关事项的函</title><body><p>a</p></body>
  <signature><date>2024年1月2日</date></signature>
</gongwen>)";
  render_result r = render(doc, (dir / "doc.xml").string());
  REQUIRE(r.ok());
  CHECK(text(r).find("w=170.00") != std::string::npos);  // the letter's double rules (10.1)
  const std::string broken = R"(<gongwen template="broken"><body><p>a</p></body></gongwen>)";
  CHECK(first_error(render(broken, (dir / "doc.xml").string())) ==
        (dir / "broken.xml").string() +
            ":1:19: error: unknown element <isuer> in <header>; expected <copy-number>, "
            "<classification>, <urgency>, <issuer>, <issuer-suffix>, <doc-number>, "
            "<order-number>, <minutes-number> or <signer>");
}
