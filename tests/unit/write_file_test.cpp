// SPDX-License-Identifier: Apache-2.0
// Writing the output (engine::render_file, render_memory_to_file): through a
// symbolic link to its target, the existing file's mode kept, anything but a
// regular file refused, and a link planted at a temporary name never followed.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/engine_options.hpp"
#include "support/process.hpp"
#include "support/source.hpp"

namespace fs = std::filesystem;

namespace {

fs::path case_dir(const std::string& name) {
  return hongtou::test::fresh_dir("write", name);
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

hongtou::engine& engine() {
  static hongtou::engine eng(hongtou::test::test_engine_options());
  return eng;
}

const std::string report = hongtou::test::source_path("samples/report.xml");

}  // namespace

TEST_CASE("output: a symbolic link is written through, the link and the file's mode kept",
          "[write]") {
  const fs::path dir = case_dir("symlink");
  write(dir / "real.pdf", "old");
  ::chmod((dir / "real.pdf").c_str(), 0640);
  fs::create_symlink("real.pdf", dir / "link.pdf");
  const hongtou::render_result r = engine().render_file(report, (dir / "link.pdf").string());
  REQUIRE(r.ok());
  CHECK(fs::is_symlink(dir / "link.pdf"));
  CHECK(fs::read_symlink(dir / "link.pdf") == "real.pdf");
  CHECK(hongtou::test::read_file((dir / "real.pdf").string()).rfind("%PDF-", 0) == 0);
  struct stat st {};
  REQUIRE(::stat((dir / "real.pdf").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  for (const auto& e : fs::directory_iterator(dir))  // no temporary file left
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("output: anything but a regular file at the target is refused", "[write]") {
  const hongtou::render_result r = engine().render_file(report, "/dev/null");
  CHECK(r.status == hongtou::status::output_error);
  REQUIRE(!r.diagnostics.empty());
  CHECK(r.diagnostics.back().message ==
        "cannot write /dev/null: it is not a regular file (- writes to standard output)");
}

TEST_CASE("output: a link planted at a temporary name is never followed", "[write]") {
  const fs::path dir = case_dir("planted");
  write(dir / "victim", "keep me");
  // Links at the temporary names a predictable scheme would use: the old
  // <output>.tmp-<pid>, and with a counter.
  fs::create_symlink(dir / "victim", dir / ("out.pdf.tmp-" + std::to_string(::getpid())));
  for (int k = 0; k < 199; ++k)
    fs::create_symlink(dir / "victim", dir / ("out.pdf.tmp-" + std::to_string(::getpid()) + "-" +
                                              std::to_string(k)));
  const hongtou::render_result r = engine().render_file(report, (dir / "out.pdf").string());
  CHECK(r.ok());
  CHECK(hongtou::test::read_file((dir / "victim").string()) == "keep me");
  CHECK(hongtou::test::read_file((dir / "out.pdf").string()).rfind("%PDF-", 0) == 0);
  size_t links = 0;
  for (const auto& e : fs::directory_iterator(dir)) links += fs::is_symlink(e.path()) ? 1 : 0;
  CHECK(links == 200);  // the planted links are left as they were, none removed
}

TEST_CASE("output: a link planted at the fixed temporary name is never followed", "[write]") {
  const fs::path dir = case_dir("planted-fixed");
  write(dir / "victim", "keep me");
  fs::create_symlink(dir / "victim", dir / "out.pdf.tmp-hongtou");
  const hongtou::render_result r = engine().render_file(report, (dir / "out.pdf").string());
  CHECK(r.ok());
  CHECK(hongtou::test::read_file((dir / "victim").string()) == "keep me");
  CHECK(fs::is_symlink(dir / "out.pdf.tmp-hongtou"));  // left as it was
  CHECK(hongtou::test::read_file((dir / "out.pdf").string()).rfind("%PDF-", 0) == 0);
}

TEST_CASE("output: the temporary file a killed write left is removed by the next write",
          "[write]") {
  const fs::path dir = case_dir("stale");
  // What a SIGKILL between the write and the rename leaves: our file, with
  // bytes, that nobody holds locked.
  write(dir / "out.pdf.tmp-hongtou", "%PDF-1.7 half");
  const hongtou::render_result r = engine().render_file(report, (dir / "out.pdf").string());
  REQUIRE(r.ok());
  CHECK(!fs::exists(dir / "out.pdf.tmp-hongtou"));
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);  // out.pdf alone
}

TEST_CASE("output: a temporary file another write holds locked is left alone", "[write]") {
  const fs::path dir = case_dir("live");
  write(dir / "out.pdf.tmp-hongtou", "%PDF-1.7 being written");
  const int fd = ::open((dir / "out.pdf.tmp-hongtou").c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);  // as the writer that created it holds it
  const hongtou::render_result r = engine().render_file(report, (dir / "out.pdf").string());
  CHECK(r.ok());
  ::close(fd);
  CHECK(hongtou::test::read_file((dir / "out.pdf.tmp-hongtou").string()) ==
        "%PDF-1.7 being written");
  CHECK(hongtou::test::read_file((dir / "out.pdf").string()).rfind("%PDF-", 0) == 0);
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 2);  // no temporary file of this write is left
}

TEST_CASE("output: remove_temporary_outputs with no write in progress removes nothing", "[write]") {
  const fs::path dir = case_dir("remove-none");
  write(dir / "out.pdf.tmp-hongtou", "not in flight");
  hongtou::remove_temporary_outputs();
  CHECK(fs::exists(dir / "out.pdf.tmp-hongtou"));
}
