// SPDX-License-Identifier: Apache-2.0
// The text layer gives back every character as written, also where one glyph
// stands for two characters: in the test fallback face ― (U+2015, horizontal
// bar) and — (U+2014, em dash) share a glyph; ― is set from it in the body,
// — around the page numbers. A ToUnicode map can give that glyph one text
// only; the other comes from an /ActualText span.
#include "support/catch.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "pdf/pdf_support.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using namespace hongtou::test;

TEST_CASE("pdf: characters that share a glyph come back from pdftotext as written", "[pdf][cli]") {
  require_tool("pdftotext");
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / ("text-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  // 国发〔2018〕44号, with a horizontal bar where the published text has a comma.
  std::ofstream(dir / "bar.xml", std::ios::binary)
      << "<gongwen><title>国务院关于2018年度国家科学技术奖励的决定</title><body>"
         "<p>全国科学技术工作者要向刘永坦院士―钱七虎院士学习。</p></body></gongwen>";
  const run_result r = run(cli() + " render bar.xml -o bar.pdf", dir);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  // The test faces: ― is not in the 仿宋 face and comes from the fallback,
  // whose glyph for it is its em dash.
  REQUIRE(r.err.find("U+2015") != std::string::npos);
  const run_result t = run("pdftotext -enc UTF-8 bar.pdf -", dir);
  REQUIRE(t.status == 0);
  INFO("text: " << t.out);
  CHECK(t.out.find("刘永坦院士\xE2\x80\x95钱七虎院士") != std::string::npos);  // ―
  CHECK(t.out.find("\xE2\x80\x94") != std::string::npos);  // — of the page number
  CHECK(t.out.find("院士\xE2\x80\x94钱") == std::string::npos);
  fs::remove_all(dir);
}
