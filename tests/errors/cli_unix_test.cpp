// SPDX-License-Identifier: Apache-2.0
// The CLI as a Unix user expects it: "-" for standard input and output, the
// format from the output's extension, a --format it contradicts refused,
// usage errors (64) apart from document errors (2), a suggestion for a
// misspelt option or command, a missing --font-dir refused, a strictly
// checked --creation-date, the real errno of a file error, "hongtou:" on
// every message not tied to a file. Each case in its own folder.
#include "support/catch.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/process.hpp"
#include "support/source.hpp"

namespace {

namespace fs = std::filesystem;
using namespace hongtou::test;

fs::path case_dir(const std::string& name) {
  return fresh_dir("unix", name);
}

const std::string report = quote(source_path("samples/report.xml"));

}  // namespace

TEST_CASE("cli: - reads the document from standard input and writes to standard output", "[cli]") {
  const fs::path dir = case_dir("stdio");
  const run_result file = run(cli() + " render " + report + " -o file.pdf", dir);
  REQUIRE(file.status == 0);
  const run_result to_stdout = run(cli() + " render " + report + " -o -", dir);
  CHECK(to_stdout.status == 0);
  CHECK(to_stdout.out == slurp(dir / "file.pdf"));  // the same bytes
  CHECK(!fs::exists(dir / "-"));
  const run_result from_stdin = run(cli() + " render - -o stdin.pdf < " + report, dir);
  CHECK(from_stdin.status == 0);
  CHECK(slurp(dir / "stdin.pdf").rfind("%PDF-", 0) == 0);
  const run_result both = run(cli() + " render - -o - < " + report, dir);
  CHECK(both.status == 0);
  CHECK(both.out == slurp(dir / "stdin.pdf"));
  // A broken document on standard input is named <stdin>.
  const run_result bad = run("printf '<gongwen>' | " + cli() + " render - -o -", dir);
  CHECK(bad.status == 2);
  CHECK(contains(bad.err, "<stdin>:1:"));
}

TEST_CASE("cli: the format follows the output's extension; a contradicting --format is refused",
          "[cli]") {
  const fs::path dir = case_dir("format");
  CHECK(run(cli() + " render " + report + " -o x.trace", dir).status == 0);
  CHECK(slurp(dir / "x.trace").rfind("frames page=", 0) == 0);
  CHECK(run(cli() + " render " + report + " -o x.TRACE", dir).status == 0);
  CHECK(slurp(dir / "x.TRACE").rfind("frames page=", 0) == 0);
  CHECK(run(cli() + " render " + report + " -o x.out --format trace", dir).status == 0);
  CHECK(slurp(dir / "x.out").rfind("frames page=", 0) == 0);
  const run_result r = run(cli() + " render " + report + " -o y.trace --format pdf", dir);
  CHECK(r.status == 64);
  CHECK(contains(r.err, "hongtou: the output y.trace is named as trace, but --format is pdf"));
  CHECK(!fs::exists(dir / "y.trace"));
}

TEST_CASE("cli: a misspelt option or command is a usage error with a suggestion", "[cli]") {
  const fs::path dir = case_dir("misspelt");
  const run_result option =
      run(cli() + " render " + report + " -o x.pdf --creaton-date 2024-01-01", dir);
  CHECK(option.status == 64);
  CHECK(contains(option.err, "did you mean --creation-date?"));
  const run_result command = run(cli() + " rendr " + report + " -o x.pdf", dir);
  CHECK(command.status == 64);
  CHECK(contains(command.err, "did you mean render?"));
  CHECK(contains(command.err, "hongtou: "));
  CHECK(!fs::exists(dir / "x.pdf"));
}

TEST_CASE("cli: a --font-dir that does not exist is a usage error", "[cli]") {
  const fs::path dir = case_dir("font-dir");
  const run_result r = run(cli_with_fonts(source_path("tests/fonts/fonts.xml")) +
                               " --font-dir nowhere render " + report + " -o x.pdf",
                           dir);
  CHECK(r.status == 64);
  CHECK(contains(r.err, "hongtou: --font-dir: Directory does not exist: nowhere"));
}

TEST_CASE("cli: --creation-date is checked: a date that is not real is an input error", "[cli]") {
  const fs::path dir = case_dir("creation-date");
  for (const char* bad : {"yesterday", "2024-13-45", "2023-02-29", "2024-01-01T24:00:00",
                          "2024-1-1", "2024-01-01 10:00:00"}) {
    INFO(bad);
    const run_result r =
        run(cli() + " render " + report + " -o x.pdf --creation-date " + quote(bad), dir);
    CHECK(r.status == 2);
    CHECK(contains(r.err, std::string("hongtou: error: bad creation date \"") + bad +
                              "\": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"));
    CHECK(!fs::exists(dir / "x.pdf"));
  }
  for (const char* good : {"2024-02-29", "2024-05-31T09:30:00"}) {
    INFO(good);
    CHECK(run(cli() + " render " + report + " -o x.pdf --creation-date " + good, dir).status == 0);
  }
}

TEST_CASE("cli: a file error gives the real reason", "[cli]") {
  const fs::path dir = case_dir("errno");
  // A folder the output may not be created in: sysfs refuses even root, a
  // folder without write permission everyone else. The clean-up after the
  // failure must not replace its reason (EACCES) with its own (ENOENT).
  std::string target = "/sys/hongtou-test.pdf";
  if (::geteuid() != 0 || !fs::is_directory("/sys")) {
    fs::create_directories(dir / "locked");
    ::chmod((dir / "locked").c_str(), 0555);
    target = (dir / "locked" / "x.pdf").string();
  }
  const run_result r = run(cli() + " render " + report + " -o " + quote(target), dir);
  ::chmod((dir / "locked").c_str(), 0755);
  INFO(r.err);
  CHECK(r.status == 3);
  CHECK(contains(r.err, "cannot create the output file: Permission denied"));
}
