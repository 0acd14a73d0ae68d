// SPDX-License-Identifier: Apache-2.0
// What a user sees when something is wrong: the CLI is run as a subprocess
// on bad input, and each case checks the exit status, the "file:line:col:"
// diagnostic on stderr and that no output file (nor a temporary one) is left.
//
// Each TEST_CASE works in its own folder under HONGTOU_TEST_TMP/errors, so
// ctest may run them in parallel.
#include "support/catch.hpp"

#include "support/process.hpp"
#include "support/source.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using namespace hongtou::test;

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

// Writes `xml` as bad.xml in dir and renders it to out.pdf there.
run_result render_bad(const fs::path& dir, const std::string& xml) {
  write_file(dir / "bad.xml", xml);
  return run(cli() + " render bad.xml -o out.pdf", dir);
}

// A fresh, empty folder for one test case.
fs::path case_dir(const std::string& name) {
  return fresh_dir("errors", name);
}

// Files in `dir` named "out.pdf" or "out.pdf.tmp-*".
std::string output_leftovers(const fs::path& dir) {
  std::string found;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("out.pdf", 0) == 0) found += name + " ";
  }
  return found;
}

// The line of `text` that starts with `prefix`; empty if none.
std::string line_starting(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) return line;
  return {};
}

const char* const xml_decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

}  // namespace

TEST_CASE("cli errors: an unclosed tag is reported where the mismatch is found", "[errors][cli]") {
  const fs::path dir = case_dir("unclosed-tag");
  // <title> on line 3 is never closed, so the XML parser meets </gongwen>
  // while <title> is open: line 7, column 3 (the name after "</").
  write_file(dir / "bad.xml", std::string(xml_decl) +
                                  "<gongwen layout=\"gbt9704\">\n"  // 2
                                  "  <title>标题\n"                 // 3
                                  "  <body>\n"                      // 4
                                  "    <p>正文。</p>\n"             // 5
                                  "  </body>\n"                     // 6
                                  "</gongwen>\n");                  // 7
  const run_result r = run(cli() + " render bad.xml -o out.pdf", dir);
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "bad.xml:7:3: error: malformed XML: Start-end tags mismatch"));
  CHECK(output_leftovers(dir).empty());
}

TEST_CASE("cli errors: a malformed XML position counts characters not bytes", "[errors][cli]") {
  const fs::path dir = case_dir("mismatched-end-tag");
  // Line 3: two spaces, "<title>" (columns 3-9), 标题 (10-11), "</" (12-13),
  // "titel" from column 14 (it would be 18 if the column counted bytes).
  const run_result r = render_bad(dir, std::string(xml_decl) +
                                           "<gongwen layout=\"gbt9704\">\n"
                                           "  <title>标题</titel>\n"
                                           "  <body>\n"
                                           "    <p>正文。</p>\n"
                                           "  </body>\n"
                                           "</gongwen>\n");
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "bad.xml:3:14: error: malformed XML"));
  CHECK(output_leftovers(dir).empty());
}

// docs/model.md: every message "says what was expected". pugixml's
// pugixml's "Start-end tags mismatch" names neither the open element nor the
// line it was opened on; the engine adds both.
TEST_CASE("cli errors: an unclosed tag's message names the element left open", "[errors][cli]") {
  const fs::path dir = case_dir("unclosed-tag-named");
  const run_result r = render_bad(dir, std::string(xml_decl) +
                                           "<gongwen layout=\"gbt9704\">\n"
                                           "  <title>标题\n"
                                           "  <body>\n"
                                           "    <p>正文。</p>\n"
                                           "  </body>\n"
                                           "</gongwen>\n");
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "bad.xml:7:3:"));
  CHECK(contains(r.err, "expected </title> to close <title> from line 3:3"));
}

TEST_CASE("cli errors: a document that ends inside an element names it", "[errors][cli]") {
  const fs::path dir = case_dir("truncated");
  const run_result r = render_bad(dir, std::string(xml_decl) +
                                           "<gongwen>\n"
                                           "  <title>标题</title>\n"
                                           "  <body>\n"
                                           "    <p>正文。");
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "<p> from line 5:5 is not closed"));
  CHECK_FALSE(fs::exists(dir / "out.pdf"));
}

TEST_CASE("cli errors: an unknown element in <body> is named with what <body> takes",
          "[errors][cli]") {
  const fs::path dir = case_dir("unknown-element");
  const run_result r = render_bad(dir, std::string(xml_decl) +
                                           "<gongwen layout=\"gbt9704\">\n"  // 2
                                           "  <title>标题</title>\n"         // 3
                                           "  <body>\n"                      // 4
                                           "    <figure>图</figure>\n"       // 5: column 5
                                           "    <p>正文。</p>\n"
                                           "  </body>\n"
                                           "</gongwen>\n");
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(r.err,
                 "bad.xml:5:5: error: unknown element <figure> in <body>; expected <p>, <h>, "
                 "<chapter> or <table>"));
  CHECK(output_leftovers(dir).empty());
}

namespace {

// Writes dir/that.xml: tests/fonts/fonts.xml with the fangsong role's candidates
// replaced by one family that no system has. Returns "that.xml:LINE:COL:",
// the position of that <role> element.
std::string fonts_without_fangsong(const fs::path& dir) {
  std::string xml = slurp(source_path("tests/fonts/fonts.xml"));
  const size_t role = xml.find("<role name=\"fangsong\"");
  REQUIRE(role != std::string::npos);
  const size_t body = xml.find('>', role);
  const size_t end = xml.find("</role>", role);
  REQUIRE(body != std::string::npos);
  REQUIRE(end != std::string::npos);
  xml.replace(body + 1, end - body - 1, "\n    <font family=\"No Such Font 仿宋\"/>\n  ");
  write_file(dir / "that.xml", xml);

  // Only ASCII stands before <role> on its line, so bytes count as columns.
  const size_t line = static_cast<size_t>(std::count(xml.begin(), xml.begin() + role, '\n')) + 1;
  const size_t line_start = xml.rfind('\n', role) + 1;  // npos + 1 == 0 on line 1
  return "that.xml:" + std::to_string(line) + ":" + std::to_string(role - line_start + 1) + ":";
}

}  // namespace

TEST_CASE("cli errors: a role with no installed font stops the render", "[errors][cli]") {
  const fs::path dir = case_dir("missing-font-role");
  const std::string position = fonts_without_fangsong(dir);
  const run_result r = run(cli_with_fonts("that.xml") + " render " +
                               quote(source_path("samples/report.xml")) + " -o out.pdf",
                           dir);
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(r.err, position + " error: no font found for role 'fangsong'"));
  CHECK(contains(r.err, "No Such Font 仿宋"));
  CHECK(output_leftovers(dir).empty());
}

TEST_CASE("cli errors: hongtou fonts reports a role with no installed font as NOT FOUND",
          "[errors][cli]") {
  const fs::path dir = case_dir("missing-font-role-report");
  fonts_without_fangsong(dir);
  const run_result r = run(cli_with_fonts("that.xml") + " fonts", dir);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(line_starting(r.out, "fangsong"), "NOT FOUND"));
  // The other roles still resolve.
  CHECK_FALSE(line_starting(r.out, "hei").empty());
  CHECK_FALSE(contains(line_starting(r.out, "hei"), "NOT FOUND"));
  CHECK(contains(r.err, "'fangsong'"));
}

TEST_CASE("cli errors: a missing input file is named", "[errors][cli]") {
  const fs::path dir = case_dir("missing-input");
  const run_result r = run(cli() + " render missing.xml -o out.pdf", dir);
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "missing.xml"));
  CHECK(contains(r.err, "No such file or directory"));
  CHECK(output_leftovers(dir).empty());
}

TEST_CASE("cli errors: an output folder that does not exist is an output error", "[errors][cli]") {
  const fs::path dir = case_dir("missing-output-dir");
  const run_result r =
      run(cli() + " render " + quote(source_path("samples/report.xml")) + " -o nodir/out.pdf", dir);
  INFO("stderr: " << r.err);
  CHECK(r.status == 3);  // hongtou::status::output_error; -1 would be a crash
  CHECK(contains(r.err, "nodir/out.pdf"));
  CHECK_FALSE(fs::exists(dir / "nodir"));
  CHECK(output_leftovers(dir).empty());
}

TEST_CASE("cli: --version prints the version", "[errors][cli]") {
  const fs::path dir = case_dir("version");
  const run_result r = run(cli() + " --version", dir);
  CHECK(r.status == 0);
  CHECK(line_starting(r.out, "hongtou") == "hongtou 0.1.0");
}

TEST_CASE("cli: --help exits 0 and lists the subcommands", "[errors][cli]") {
  const fs::path dir = case_dir("help");
  const run_result r = run(cli() + " --help", dir);
  INFO("stdout: " << r.out);
  CHECK(r.status == 0);
  CHECK(contains(r.out, "render"));
  CHECK(contains(r.out, "fonts"));
}

TEST_CASE("cli errors: render without arguments is a usage error", "[errors][cli]") {
  const fs::path dir = case_dir("render-no-args");
  const run_result r = run(cli() + " render", dir);
  INFO("stderr: " << r.err);
  CHECK(r.status == 64);  // EX_USAGE, apart from a document's errors (2)
  CHECK(contains(r.err, "hongtou: "));
  CHECK(contains(r.err, "required"));
}

TEST_CASE("cli errors: a folder given as the input is named, not a crash", "[errors][cli]") {
  const fs::path dir = case_dir("folder-input");
  fs::create_directories(dir / "docs.xml");
  const run_result r = run(cli() + " render docs.xml -o out.pdf", dir);
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "docs.xml: error: cannot open docs.xml: it is a folder, not a file"));
  CHECK(output_leftovers(dir).empty());
}
