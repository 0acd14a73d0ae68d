// SPDX-License-Identifier: Apache-2.0
// 命令（令）格式 (GB/T 9704-2012 10.2), layouts/order.xml, in millimetres on the display list:
// the mark 20 mm below the type-area top, the 令号 centred 2 empty rows below it, no separator
// and no title, the body 2 empty rows below the 令号, the signer's office and signature seal.
// Text: 中华人民共和国国务院令第227号 (samples/order-227.xml).
#include <catch2/catch.hpp>

#include <string>

#include "model/checks.hpp"
#include "unit/fixture.hpp"
#include "unit/seal_fixture.hpp"

using namespace hongtou;

namespace {

constexpr double cell = 156.0 / 28;   // 5.2.3
constexpr double gap = cell * 7 / 8;  // 3.2
constexpr double pitch = cell + gap;  // one row
const std::string order_body =
    "<body><p>现发布《国务院行政机构设置和编制管理条例》，自发布之日起施行。</p></body>"
    "<signature><signer><office>总理</office><seal src=\"signature.png\"/></signer>"
    "<date>1997年8月3日</date></signature>";

const model::layout_spec& order_layout() {
  static const model::layout_spec spec = [] {
    model::layout_spec s;
    diagnostics diags;
    const std::string file = test::source_path("layouts/order.xml");
    REQUIRE(model::parse_layout(test::read_file(file), file, s, diags, test::source_layouts()));
    return s;
  }();
  return spec;
}

bool compose_order(const std::string& xml, frames& f, diagnostics& diags,
                   const model::layout_spec& spec = order_layout()) {
  model::document doc;
  if (!model::parse_document(xml, "order.xml", doc, diags)) return false;
  return layout::compose(doc, spec, *test::environment::get().fonts, f, diags,
                         {{"signature.png", test::sample_signature()}});
}

std::string order(const std::string& number) {
  return "<gongwen layout=\"order\"><header><issuer>中华人民共和国国务院令</issuer>" + number +
         "</header>" + order_body + "</gongwen>";
}

}  // namespace

TEST_CASE("GB/T 9704-2012 10.2: the 令 mark 20 mm below the type area, the 令号 2 rows below") {
  frames f;
  diagnostics diags;
  REQUIRE(compose_order(order("<order-number>第227号</order-number>"), f, diags));
  model::document doc;
  REQUIRE(
      model::parse_document(order("<order-number>第227号</order-number>"), "o.xml", doc, diags));
  model::check_document(doc, diags);
  for (const auto& d : diags.items())
    CHECK(d.level != severity::warning);  // 第227号 is well formed
  const frames lines = test::merge_lines(f);
  const page& p1 = lines.pages[0];
  const auto mark = test::runs_of(p1, element::issuer);
  const auto number = test::runs_of(p1, element::doc_number);
  REQUIRE(mark.size() == 1);
  REQUIRE(number.size() == 1);
  // The mark: red, its ink top 20 mm below the type-area top (37 mm), centred, condensed to fit.
  CHECK(test::mm(mark[0]->ink_top) == Approx(37 + 20).margin(0.05));
  CHECK(test::mm((mark[0]->left() + mark[0]->right()) / 2) == Approx(106).margin(0.05));
  CHECK(mark[0]->color == rgb{1, 0, 0});
  // The 令号: centred, 2 empty rows below the mark's ink (as the 发文字号, 7.2.5).
  CHECK(test::text_of(*number[0]) == "第227号");
  CHECK(test::mm((number[0]->left() + number[0]->right()) / 2) == Approx(106).margin(0.05));
  CHECK(test::mm(number[0]->em_top - mark[0]->ink_bottom) == Approx(gap + 2 * pitch).margin(0.05));
  // No separator, no title.
  CHECK(p1.rules.empty());
  CHECK(test::runs_of(p1, element::title).empty());
  // The body: on the grid row nearest 2 empty rows below the 令号.
  const auto body = test::runs_of(p1, element::body);
  REQUIRE_FALSE(body.empty());
  const double below = test::mm(body.front()->em_top - number[0]->em_bottom);
  CHECK(below == Approx(gap + 2 * pitch).margin(pitch / 2));
  const double row = (test::mm(body.front()->em_top) - 37) / pitch;
  CHECK(row == Approx(std::round(row)).margin(1e-3));
  // The signature: the office and the signature seal (7.3.5.3), the date below.
  CHECK(test::runs_of(p1, element::signature).size() == 1);
  CHECK(test::runs_of(p1, element::date).size() == 1);
  CHECK(p1.images.size() == 1);
}

TEST_CASE("GB/T 9704-2012 10.2: a 令号 that is not 第N号 is warned about; one number only") {
  frames f;
  diagnostics diags;
  model::document doc;
  REQUIRE(model::parse_document(order("<order-number>227号</order-number>"), "o.xml", doc, diags));
  model::check_document(doc, diags);  // the content rules (as the engine runs them)
  bool warned = false;
  for (const auto& d : diags.items())
    warned = warned || d.message == "令号 '227号': expected 第N号";
  CHECK(warned);
  diagnostics both;
  CHECK_FALSE(compose_order(
      order("<doc-number>国发〔1997〕1号</doc-number><order-number>第227号</order-number>"), f,
      both));
  REQUIRE_FALSE(both.items().empty());
  CHECK(both.items().front().message ==
        "<order-number> after another number; a 版头 holds one of <doc-number>, <order-number> "
        "and <minutes-number>");
}

TEST_CASE("GB/T 9704-2012 7.3.1: the general format requires a title; the 令 format has none") {
  frames f;
  diagnostics diags;
  const std::string doc =
      "<gongwen>\n<header><issuer>国务院文件</issuer></header>" + order_body + "</gongwen>";
  CHECK_FALSE(compose_order(doc, f, diags, test::environment::get().spec));
  REQUIRE(diags.items().size() == 1);
  const diagnostic& d = diags.items().front();
  CHECK(d.line == 1);
  CHECK(d.column == 1);
  CHECK(d.message == "no <title>; the layout 'gbt9704' requires one (GB/T 9704-2012 7.3.1)");
  CHECK_FALSE(order_layout().title.required);
  CHECK_FALSE(order_layout().separator.shown);
}
