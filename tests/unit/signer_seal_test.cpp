// SPDX-License-Identifier: Apache-2.0
// Signatures with signature seals (加盖签发人签名章, GB/T 9704-2012 7.3.5.3),
// in millimetres on the display list: two empty rows below the body, the
// seal 右空四字, the office two cells left of it and centred on it, the date
// 右空四字 one empty row below the seal; joint signers one a row in columns.
// The seal is the synthetic sample signature seal (283 × 142 px).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>

#include <filesystem>
#include <fstream>

#include "api/hongtou.hpp"
#include "support/engine_options.hpp"
#include "unit/seal_fixture.hpp"

using namespace hongtou;
namespace fs = std::filesystem;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // 3.2
constexpr double right = 184;            // the type area's right edge
constexpr double ratio = 283.0 / 142;    // the sample's width over its height

const std::string body =
    "<p>现将《个人所得税专项附加扣除暂行办法》印发给你们，请认真贯彻执行。</p>";

std::string signed_doc(const std::vector<std::string>& offices, const std::string& height = {}) {
  std::string sig = "<signature>";
  for (const auto& o : offices)
    sig += "<signer><office>" + o + "</office><seal src=\"signature.png\"" +
           (height.empty() ? "" : " height=\"" + height + "\"") + "/></signer>";
  return "<gongwen><header><issuer>国务院文件</issuer><doc-number>国发〔2018〕41号</doc-number>"
         "</header><title>国务院关于印发个人所得税<br/>专项附加扣除暂行办法的通知</title><body>" +
         body + "</body>" + sig + "<date>2018年12月13日</date></signature></gongwen>";
}

double mid_y(const glyph_run& r) {
  return test::mm((r.em_top + r.em_bottom) / 2);
}

}  // namespace

TEST_CASE(
    "GB/T 9704-2012 7.3.5.3: the signature seal 右空四字, the office 2 cells left of it and "
    "centred on it, two empty rows below the body, the date 右空四字 one empty row below") {
  const frames f = test::compose_sealed_xml(signed_doc({"国务院总理"}));
  const test::signature_page p = test::signature_of(f);
  REQUIRE(p.names.size() == 1);
  REQUIRE(p.seals.size() == 1);
  const image& seal = p.seals.front();
  const glyph_run& office = *p.names.front();
  CHECK(test::mm(seal.height) == Approx(12).margin(0.01));  // the layout's height
  CHECK(test::mm(seal.width) == Approx(12 * ratio).margin(0.01));
  CHECK(test::mm(seal.x + seal.width) == Approx(right - 4 * cell).margin(0.05));
  CHECK(test::mm(seal.x) - test::mm(office.right()) == Approx(2 * cell).margin(0.05));
  CHECK(test::mm(seal.y + seal.height / 2) == Approx(mid_y(office)).margin(0.05));
  CHECK(test::mm(office.em_top - p.last_body->em_top) == Approx(3 * pitch).margin(0.05));
  CHECK(test::mm(p.date->em_top - office.em_top) == Approx(2 * pitch).margin(0.05));
  CHECK(test::mm(p.date->right()) == Approx(right - 4 * cell).margin(0.05));
  // The empty row between the seal and the date: the seal ends above the next row.
  CHECK(test::mm(seal.y + seal.height) < test::mm(office.em_top) + pitch);
  CHECK(test::text_of(office) == "国务院总理");
}

TEST_CASE(
    "GB/T 9704-2012 7.3.5.3: joint signers one a row, the lead first, offices and seals in "
    "columns") {
  const frames f = test::compose_sealed_xml(signed_doc({"国务院总理", "中央军事委员会主席"}));
  const test::signature_page p = test::signature_of(f);
  REQUIRE(p.names.size() == 2);
  REQUIRE(p.seals.size() == 2);
  CHECK(test::text_of(*p.names[0]) == "国务院总理");
  CHECK(test::text_of(*p.names[1]) == "中央军事委员会主席");
  // Rows as many apart as a seal and the 3 mm seal gap need: 15 mm → 2 rows.
  CHECK(test::mm(p.names[1]->em_top - p.names[0]->em_top) == Approx(2 * pitch).margin(0.05));
  for (size_t i = 0; i < 2; ++i) {
    INFO("signer " << i);
    const image& seal = p.seals[i];
    CHECK(test::mm(seal.x + seal.width) == Approx(right - 4 * cell).margin(0.05));
    CHECK(test::mm(seal.x) - test::mm(p.names[i]->right()) == Approx(2 * cell).margin(0.05));
    CHECK(test::mm(seal.y + seal.height / 2) == Approx(mid_y(*p.names[i])).margin(0.05));
  }
  CHECK(test::mm(p.seals[1].y) - test::mm(p.seals[0].y + p.seals[0].height) >= 3 - 0.01);
  CHECK(test::mm(p.date->em_top - p.names[1]->em_top) == Approx(2 * pitch).margin(0.05));
}

TEST_CASE(
    "GB/T 9704-2012 7.3.5.3: a tall signature seal keeps one empty row above the date and clear "
    "of the body") {
  const frames f = test::compose_sealed_xml(signed_doc({"国务院总理"}, "24mm"));
  const test::signature_page p = test::signature_of(f);
  REQUIRE(p.seals.size() == 1);
  const image& seal = p.seals.front();
  const glyph_run& office = *p.names.front();
  CHECK(test::mm(seal.height) == Approx(24).margin(0.01));
  // The seal reaches 2.79 + 12 mm below the office's em top: into the next
  // row, so the date goes one row lower, with an empty row between.
  CHECK(test::mm(p.date->em_top - office.em_top) == Approx(3 * pitch).margin(0.05));
  CHECK(test::mm(seal.y + seal.height) < test::mm(office.em_top) + 2 * pitch);
  CHECK(test::mm(seal.y) > test::mm(p.last_body->em_bottom));
}

TEST_CASE("a <signature> has organs or signers, and a signer its office and seal") {
  const auto error_of = [](const std::string& sig) {
    model::document doc;
    diagnostics diags;
    const std::string xml = "<gongwen><title>t</title><body><p>a</p></body><signature>" + sig +
                            "</signature></gongwen>";
    REQUIRE_FALSE(model::parse_document(xml, "t.xml", doc, diags));
    REQUIRE(diags.has_errors());
    return diags.items().front().message;
  };
  const std::string signer = "<signer><office>国务院总理</office><seal src=\"s.png\"/></signer>";
  CHECK(error_of("<organ>国务院</organ>" + signer + "<date>2018年12月13日</date>")
            .find("has both <organ> and <signer>") != std::string::npos);
  CHECK(error_of("<date>2018年12月13日</date>").find("needs <organ>") != std::string::npos);
  CHECK(error_of(signer + "<date>2018年12月13日</date><seal src=\"s.png\"/>")
            .find("a <signer> carries its seal inside it") != std::string::npos);
  CHECK(error_of("<signer><office>国务院总理</office></signer><date>2018年12月13日</date>") ==
        "missing <seal> in <signer>");
  CHECK(error_of("<signer><office>国务院总理</office><seal src=\"s.png\" diameter=\"42mm\"/>"
                 "</signer><date>2018年12月13日</date>")
            .find("diameter") != std::string::npos);
  CHECK(error_of("<signer><office>国务院总理</office><seal src=\"s.png\" height=\"0mm\"/>"
                 "</signer><date>2018年12月13日</date>")
            .find("bad height \"0mm\" on <seal>") != std::string::npos);
}

TEST_CASE("a signature seal is read beside the document; a missing one is an error at its <seal>") {
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / ("signer-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(test::source_path("samples/seals/sample-signature.png"), dir / "signature.png");
  std::ofstream(dir / "ok.xml", std::ios::binary) << signed_doc({"国务院总理"});
  std::string missing = signed_doc({"国务院总理"});
  missing.replace(missing.find("signature.png"), 13, "none.png");
  std::ofstream(dir / "missing.xml", std::ios::binary) << missing;
  engine eng(test::test_engine_options());
  const render_result ok = eng.render_file((dir / "ok.xml").string(), (dir / "ok.pdf").string());
  for (const auto& d : ok.diagnostics) INFO(format(d));
  REQUIRE(ok.ok());
  CHECK(test::read_file((dir / "ok.pdf").string()).find("/Subtype /Image") != std::string::npos);
  const render_result bad =
      eng.render_file((dir / "missing.xml").string(), (dir / "m.pdf").string());
  REQUIRE(bad.status == status::input_error);
  CHECK(bad.diagnostics.front().message.find("cannot use seal image \"none.png\"") !=
        std::string::npos);
  // Columns count characters: the <seal>'s, past the office's Chinese text.
  const std::string before = missing.substr(0, missing.find("<seal"));
  const auto chars = std::count_if(before.begin(), before.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  CHECK(bad.diagnostics.front().column == chars + 1);
  CHECK_FALSE(fs::exists(dir / "m.pdf"));
}
