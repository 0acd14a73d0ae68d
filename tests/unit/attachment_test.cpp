// SPDX-License-Identifier: Apache-2.0
// 附件 as documents of their own (GB/T 9704-2012 7.3.7), in millimetres on
// the display list. Texts from the bulletin 国办发〔2018〕108号 and its
// attachment (tests/data/corpus).
#include <catch2/catch.hpp>

#include "unit/fixture.hpp"

using namespace hongtou;
using test::compose_ok;
using test::runs_of;
using test::text_of;

namespace {

constexpr double cell = 156.0 / 28;      // 5.2.3
constexpr double pitch = cell * 15 / 8;  // 3.2

std::string attachment(const std::string& title, const std::string& items) {
  return "<attachment><title>" + title + "</title><body>" + items + "</body></attachment>";
}

std::string bulletin(const std::string& attachments, const std::string& note_items) {
  return "<gongwen><header><issuer>国务院办公厅文件</issuer></header><title>国务院办公厅关于对"
         "国务院第五次大督查<br/>发现的典型经验做法给予表扬的通报</title><body><p>为表扬先进，树立"
         "典型，经国务院同意，对130项地方典型经验做法予以通报表扬。</p></body>"
         "<attachment-note>" +
         note_items +
         "</attachment-note><signature><organ>国务院办公厅</organ><date>2018年11月19日</date>"
         "</signature>" +
         attachments + "</gongwen>";
}

const std::string items =
    "<p>1.北京市大力推进外国人来华工作许可制度改革。</p>"
    "<p>2.北京市西城区推进“三纵两横一平台”紧密型医联体建设。</p>";

}  // namespace

TEST_CASE(
    "GB/T 9704-2012 7.3.7: an attachment starts a new page: 附件 in 黑体 顶格 on row 1, its title "
    "centred on row 3, its body below") {
  const frames f =
      compose_ok(bulletin(attachment("国务院第五次大督查发现的典型经验做法<br/>（共130项）", items),
                          "<item>国务院第五次大督查发现的典型经验做法（共130项）</item>"));
  REQUIRE(f.pages.size() == 2);
  const page& pg = f.pages[1];
  // Nothing of the attachment on page 1.
  CHECK(runs_of(f.pages[0], element::attachment).empty());
  const auto parts = runs_of(pg, element::attachment);
  REQUIRE(parts.size() == 3);  // the label, the title's two lines
  const glyph_run& label = *parts[0];
  CHECK(text_of(label) == "附件");  // a single attachment has no number
  CHECK(label.font.id == test::environment::get().fonts->get("hei")->id());
  CHECK(label.size == 16);
  CHECK(test::mm(label.em_top) == Approx(37).margin(0.05));
  CHECK(test::mm(label.left()) == Approx(28).margin(0.05));
  const glyph_run& title = *parts[1];
  CHECK(title.size == 22);
  // Row 3, the 22 pt type centred on the row's cell.
  const double row3_centre = 37 + 2 * pitch + cell / 2;
  CHECK(test::mm((title.em_top + title.em_bottom) / 2) == Approx(row3_centre).margin(0.05));
  CHECK(test::mm((title.left() + title.right()) / 2) == Approx(106).margin(0.05));
  CHECK(test::mm(parts[2]->em_top - title.em_top) == Approx(pitch).margin(0.05));
  // The body after one empty row, indented two cells like the 正文.
  const auto body = runs_of(pg, element::body);
  REQUIRE_FALSE(body.empty());
  CHECK(test::mm(body[0]->em_top) == Approx(37 + 5 * pitch).margin(0.05));
  CHECK(test::mm(body[0]->left()) == Approx(28 + 2 * cell).margin(0.05));
  // Page numbers go on; the outline has the attachment.
  CHECK_FALSE(runs_of(pg, element::page_number).empty());
  bool listed = false;
  for (const auto& o : f.outline)
    if (o.page == 2 && o.title == "附件　国务院第五次大督查发现的典型经验做法（共130项）")
      listed = true;
  CHECK(listed);
}

TEST_CASE("GB/T 9704-2012 7.3.7: several attachments are numbered, each on its own new page") {
  const frames f =
      compose_ok(bulletin(attachment("典型经验做法", items) + attachment("表扬名单", items),
                          "<item>典型经验做法</item><item>表扬名单</item>"));
  REQUIRE(f.pages.size() == 3);
  for (int i = 1; i <= 2; ++i) {
    const auto parts = runs_of(f.pages[static_cast<size_t>(i)], element::attachment);
    REQUIRE_FALSE(parts.empty());
    CHECK(text_of(*parts[0]) == "附件" + std::to_string(i));
    CHECK(test::mm(parts[0]->em_top) == Approx(37).margin(0.05));
  }
}
