// SPDX-License-Identifier: Apache-2.0
// `hongtou merge`, `render --data` and `render --layout FILE`, run as a user
// runs them: files in a folder of their own, exit statuses, the PDFs' text
// (pdftotext) and the messages on stderr.
#include "support/catch.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/source.hpp"

namespace {

namespace fs = std::filesystem;
using namespace hongtou::test;

fs::path case_dir(const std::string& name) {
  return fresh_dir("merge", name);
}

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The value of "key" in one JSON Lines record of samples/merge (plain strings only).
std::string value_of(const std::string& record, const std::string& key) {
  const std::string k = "\"" + key + "\": \"";
  const size_t at = record.find(k);
  if (at == std::string::npos) return {};
  const size_t from = at + k.size();
  return record.substr(from, record.find('"', from) - from);
}

// pdftotext's text of a PDF with line breaks removed (a value may wrap).
std::string pdf_text(const fs::path& pdf, const fs::path& dir) {
  run_result r = run("pdftotext " + quote(pdf.string()) + " -", dir);
  std::string joined;
  for (char c : r.out)
    if (c != '\n') joined += c;
  return joined;
}

}  // namespace

TEST_CASE("merge: 20 records give 20 PDFs, each with its record's values") {
  REQUIRE(tool_exists("pdftotext"));  // poppler-utils, installed by scripts/setup
  const fs::path dir = case_dir("twenty");
  const std::string records = source_path("samples/merge/records.jsonl");
  run_result r = run(cli() + " merge " + quote(source_path("samples/merge/renmian.xml")) + " " +
                         quote(records) + " -o out --name 文件名",
                     dir);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.find("hongtou: merge: 20 of 20 records written to out") != std::string::npos);
  const std::vector<std::string> recs = lines_of(records);
  REQUIRE(recs.size() == 20);
  for (const std::string& rec : recs) {
    const fs::path pdf = dir / "out" / (value_of(rec, "文件名") + ".pdf");
    REQUIRE(fs::exists(pdf));
    const std::string t = pdf_text(pdf, dir);
    CHECK(t.find("关于" + value_of(rec, "姓名") + "同志" + value_of(rec, "类别") + "的通知") !=
          std::string::npos);
    CHECK(t.find(value_of(rec, "事项")) != std::string::npos);
    CHECK(t.find("皖人常办〔2016〕" + value_of(rec, "序号") + "号") != std::string::npos);
  }
}

TEST_CASE("merge: a record with a missing field fails alone") {
  const fs::path dir = case_dir("missing");
  const std::vector<std::string> recs = lines_of(source_path("samples/merge/records.jsonl"));
  {
    std::ofstream out(dir / "records.jsonl");
    for (size_t i = 0; i < recs.size(); ++i) {
      std::string rec = recs[i];
      if (i == 6) rec = R"({"文件名": "07-缺", "序号": "7", "姓名": "某某", "类别": "免职"})";
      out << rec << "\n";
      if (i == 2) out << "\n";  // a blank line between records is skipped
    }
  }
  run_result r = run(cli() + " merge " + quote(source_path("samples/merge/renmian.xml")) +
                         " records.jsonl -o out --name 文件名 -j 2",
                     dir);
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find("records.jsonl:8: record 7 failed: " + source_path("samples/merge/renmian.xml") +
                   ":27:60: error: no value for field '事项'") != std::string::npos);
  CHECK(r.err.find("hongtou: merge: 19 of 20 records written to out; 1 failed") !=
        std::string::npos);
  size_t pdfs = 0;
  for (const auto& e : fs::directory_iterator(dir / "out")) {
    CHECK(e.path().extension() == ".pdf");  // no temporary file left
    ++pdfs;
  }
  CHECK(pdfs == 19);
  CHECK_FALSE(fs::exists(dir / "out" / "07-缺.pdf"));
}

TEST_CASE("merge: bad records, names and folders are reported, never silently skipped") {
  const fs::path dir = case_dir("bad");
  std::ofstream(dir / "records.jsonl") << "{\"文件名\": \"../x\"}\n{\"文件名\": \"a\"}\n"
                                       << "{\"文件名\": \"a\"}\nnot json\n";
  run_result r = run(cli() + " merge " + quote(source_path("samples/merge/renmian.xml")) +
                         " records.jsonl -o out --name 文件名",
                     dir);
  CHECK(r.status == 1);
  CHECK(r.err.find("records.jsonl:1: record 1 failed: field '文件名' cannot name a file: "
                   "\"../x\" starts with '.'") != std::string::npos);
  CHECK(r.err.find("records.jsonl:3: record 3 failed: its file name a.pdf is already that of "
                   "record 2") != std::string::npos);
  CHECK(r.err.find("records.jsonl:4: record 4 failed: records.jsonl:4:2: error: bad JSON: ") !=
        std::string::npos);
  run_result none = run(cli() + " merge " + quote(source_path("samples/merge/renmian.xml")) +
                            " nonexistent.jsonl -o out",
                        dir);
  CHECK(none.status == 2);
  CHECK(none.err.find("nonexistent.jsonl: error: cannot open the records: No such file or "
                      "directory") != std::string::npos);
}

TEST_CASE("render --data fills the fields from a JSON file") {
  const fs::path dir = case_dir("data");
  run_result r =
      run(cli() + " render " + quote(source_path("samples/report-template.xml")) + " --data " +
              quote(source_path("samples/report-data.json")) + " -o report.pdf",
          dir);
  INFO(r.err);
  REQUIRE(r.status == 0);
  run_result seed =
      run(cli() + " render " + quote(source_path("samples/report.xml")) + " -o seed.pdf", dir);
  REQUIRE(seed.status == 0);
  CHECK(slurp(dir / "report.pdf") == slurp(dir / "seed.pdf"));
  std::ofstream(dir / "bad.json") << "{\"区名\": [1]}";
  run_result bad = run(cli() + " render " + quote(source_path("samples/report-template.xml")) +
                           " --data bad.json -o x.pdf",
                       dir);
  CHECK(bad.status == 2);
  CHECK(bad.err ==
        "bad.json:1: error: field '区名' is an array; expected a string or a number "
        "(its text goes into the document)\n");
  CHECK_FALSE(fs::exists(dir / "x.pdf"));
}

TEST_CASE("render --layout FILE: a user's layout outside the repository, by path") {
  const fs::path dir = case_dir("layout");
  // An organisation's red head 40 mm below the type area, in its own folder.
  fs::create_directories(dir / "org");
  std::ofstream(dir / "org" / "my-head.xml")
      << "<layout name=\"my-head\" extends=\"gbt9704\"><issuer top=\"40mm\"/></layout>";
  run_result r = run(cli() + " render " + quote(source_path("samples/report.xml")) +
                         " --layout org/my-head.xml --format trace -o report.trace",
                     dir);
  INFO(r.err);
  REQUIRE(r.status == 0);
  // The mark's ink top: 37 mm type area + 40 mm.
  CHECK(slurp(dir / "report.trace").find("ink=77.00..") != std::string::npos);
  std::ofstream(dir / "org" / "bad.xml")
      << "<layout name=\"bad\" extends=\"gbt9704\">\n  <issuer top=\"forty\"/></layout>";
  run_result bad = run(cli() + " render " + quote(source_path("samples/report.xml")) +
                           " --layout org/bad.xml -o x.pdf",
                       dir);
  CHECK(bad.status == 2);
  CHECK(bad.err.rfind("org/bad.xml:2:11: error: bad length \"forty\" in top on <issuer>", 0) == 0);
}
