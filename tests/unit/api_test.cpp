// SPDX-License-Identifier: Apache-2.0
// The C++ facade as an embedding application uses it: in memory, repeated,
// from several threads, with diagnostics as values.
#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

#include "api/hongtou.hpp"
#include "support/engine_options.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

namespace {

std::string sample() {
  return test::read_file(test::source_path("samples/report.xml"));
}

engine_options options() {
  return test::test_engine_options();
}

}  // namespace

TEST_CASE("render_memory returns a PDF and the page count") {
  engine eng(options());
  render_result r = eng.render_memory(sample(), "report.xml");
  REQUIRE(r.ok());
  CHECK(r.pages == 5);
  REQUIRE(r.bytes.size() > 1000);
  CHECK(std::string(r.bytes.begin(), r.bytes.begin() + 5) == "%PDF-");
}

TEST_CASE("an engine renders the same document to the same bytes again and again") {
  engine eng(options());
  render_result a = eng.render_memory(sample(), "report.xml");
  render_result b = eng.render_memory(sample(), "report.xml");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.bytes == b.bytes);
  engine other(options());
  CHECK(other.render_memory(sample(), "report.xml").bytes == a.bytes);
}

TEST_CASE("one engine renders from several threads at once") {
  engine eng(options());
  const std::vector<uint8_t> want = eng.render_memory(sample(), "report.xml").bytes;
  REQUIRE_FALSE(want.empty());
  engine shared(options());  // cold: the threads race to load the layout and fonts
  std::vector<std::vector<uint8_t>> got(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] { got[i] = shared.render_memory(sample(), "report.xml").bytes; });
  for (auto& t : threads) t.join();
  for (const auto& g : got) CHECK(g == want);
}

TEST_CASE("errors come back as diagnostics on every call, and nothing is cached") {
  engine eng(options());
  const std::string xml =
      "<gongwen layout=\"no-such-layout\"><title>t</title><body><p>x</p></body></gongwen>";
  for (int i = 0; i < 2; ++i) {
    render_result r = eng.render_memory(xml, "doc.xml");
    CHECK(r.status == status::input_error);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics.front().message.find("no-such-layout") != std::string::npos);
    CHECK(r.bytes.empty());
  }
}

TEST_CASE("render_memory with the trace format gives the display list as text") {
  engine eng(options());
  render_options ro;
  ro.format = output_format::trace;
  render_result r = eng.render_memory(sample(), "report.xml", ro);
  REQUIRE(r.ok());
  std::string text(r.bytes.begin(), r.bytes.end());
  CHECK(text.rfind("frames page=210.00x297.00mm pages=5", 0) == 0);
}

TEST_CASE("pre-printed letterhead: the red mark and line are left out, nothing else moves") {
  engine eng(options());
  render_options plain, preprinted;
  plain.format = preprinted.format = output_format::trace;
  preprinted.preprinted_letterhead = true;
  const render_result a = eng.render_memory(sample(), "report.xml", plain);
  const render_result b = eng.render_memory(sample(), "report.xml", preprinted);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const std::string ta(a.bytes.begin(), a.bytes.end()), tb(b.bytes.begin(), b.bytes.end());
  CHECK(ta.find("run issuer") != std::string::npos);
  CHECK(tb.find("run issuer") == std::string::npos);
  CHECK(tb.find("rule separator") == std::string::npos);
  // Every other line is the same: remove the issuer run (and its gids line) and the separator.
  std::istringstream in(ta);
  std::string line, kept;
  bool skip_gids = false;
  while (std::getline(in, line)) {
    if (skip_gids) {
      skip_gids = false;
      continue;
    }
    if (line.find("run issuer") != std::string::npos) {
      skip_gids = true;
      continue;
    }
    if (line.find("rule separator") != std::string::npos) continue;
    kept += line + "\n";
  }
  CHECK(kept == tb);
}
