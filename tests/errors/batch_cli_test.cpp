// SPDX-License-Identifier: Apache-2.0
// `hongtou batch`, run as a user runs it: a generated corpus of 500
// documents (tests/batch/make_corpus.py) with broken ones among them, the
// report, the journal after a SIGKILL and --resume, SIGTERM, shards and
// --merge-reports, manifests, and the command line's mistakes.
#include "support/catch.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/progress.hpp"
#include "support/process.hpp"
#include "support/source.hpp"

namespace {

namespace fs = std::filesystem;
using namespace hongtou::test;
using json = nlohmann::json;

fs::path case_dir(const std::string& name) {
  return fresh_dir("batch", name);
}

// COUNT generated documents in dir/in (and the three broken ones with `broken`).
void make_corpus(const fs::path& dir, int count, bool broken) {
  run_result r = run("python3 " + quote(source_path("tests/batch/make_corpus.py")) + " " +
                         quote(HONGTOU_SOURCE_DIR) + " in " + std::to_string(count) +
                         (broken ? " --broken" : ""),
                     dir);
  INFO(r.err);
  REQUIRE(r.status == 0);
}

std::string batch() {
  return cli() + " batch";
}

json read_json(const fs::path& p) {
  return json::parse(slurp(p));
}

// The files below `dir` (relative, sorted) whose names end in `tail`.
std::vector<std::string> files_below(const fs::path& dir, const std::string& tail) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.size() >= tail.size() &&
        name.compare(name.size() - tail.size(), tail.size(), tail) == 0)
      out.push_back(e.path().lexically_relative(dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The temporary files of write_atomically below `dir`.
std::vector<std::string> temporaries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-hongtou") != std::string::npos)
      out.push_back(e.path().lexically_relative(dir).generic_string());
  return out;
}

size_t lines_in(const fs::path& p) {
  const std::string text = slurp(p);
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A command started in the background (`exec`ed by sh, so its pid is the CLI's).
struct background {
  pid_t pid = -1;
  explicit background(const std::string& cmd, const fs::path& dir) {
    const std::string full = "cd " + quote(dir.string()) + " && exec " + cmd + " >" +
                             quote((dir / "bg.out").string()) + " 2>" +
                             quote((dir / "bg.err").string());
    pid = ::fork();
    if (pid == 0) {
      ::execl("/bin/sh", "sh", "-c", full.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  // The raw wait status.
  int wait() {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
  }
};

// Waits (up to 60 s) until the file has at least n lines; false if it never does.
bool wait_for_lines(const fs::path& p, size_t n, pid_t pid) {
  for (int i = 0; i < 6000; ++i) {
    if (lines_in(p) >= n) return true;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return false;  // ended already
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

TEST_CASE("batch: 500 generated documents give the same PDF/A files at -j 1 and -j 2", "[batch]") {
  const fs::path dir = case_dir("five-hundred");
  make_corpus(dir, 500, true);
  run_result one = run(batch() + " in -o out1 -j 1 --report r1.json --pdfa --date 2024-05-31", dir);
  run_result two = run(batch() + " in -o out2 -j 2 --report r2.json --pdfa --date 2024-05-31", dir);
  INFO(one.err);
  INFO(two.err);
  CHECK(one.status == 1);  // the three broken documents
  CHECK(two.status == 1);
  // Each broken document's error at its file:line:column, the rest rendered.
  for (const run_result* r : {&one, &two}) {
    CHECK(contains(r->err, "in/broken/malformed.xml:5:12: error: malformed XML"));
    CHECK(contains(r->err, "in/broken/unknown-element.xml:6:5: error: unknown element <marquee>"));
    CHECK(contains(r->err, "in/broken/empty.xml:1:1: error:"));
    CHECK(contains(r->err, "hongtou: batch: 500 of 503 documents written to "));
  }
  const std::vector<std::string> pdfs = files_below(dir / "out1", ".pdf");
  REQUIRE(pdfs.size() == 500);
  REQUIRE(files_below(dir / "out2", ".pdf") == pdfs);
  for (const std::string& p : pdfs) {
    INFO(p);
    const std::string bytes = slurp(dir / "out1" / p);
    REQUIRE(bytes == slurp(dir / "out2" / p));
    REQUIRE(contains(bytes, "<pdfaid:part>2</pdfaid:part>"));
  }
  // The report's SHA-256 is that of each file (coreutils' sha256sum).
  std::map<std::string, std::string> sums;
  {
    const run_result s = run("find out1 -name '*.pdf' -exec sha256sum {} +", dir);
    REQUIRE(s.status == 0);
    std::istringstream lines(s.out);
    for (std::string sum, path; lines >> sum >> path;) sums[path] = sum;
  }
  REQUIRE(sums.size() == 500);
  // The reports: every input once, in the order listed, the same but for times.
  const json r1 = read_json(dir / "r1.json"), r2 = read_json(dir / "r2.json");
  REQUIRE(r1["documents"].size() == 503);
  REQUIRE(r2["documents"].size() == 503);
  std::set<std::string> inputs;
  std::string previous;
  for (size_t i = 0; i < 503; ++i) {
    json a = r1["documents"][i], b = r2["documents"][i];
    const std::string input = a["input"];
    CHECK(inputs.insert(input).second);
    CHECK(previous < input);  // bytewise order of the folder's listing
    previous = input;
    CHECK(a["milliseconds"].is_number());
    a.erase("milliseconds");
    b.erase("milliseconds");
    const std::string out1 = a["output"].is_string() ? a["output"].get<std::string>() : "";
    if (!out1.empty()) b["output"] = "out1" + b["output"].get<std::string>().substr(4);
    CHECK(a == b);
    if (a["status"] == "ok") {
      CHECK(a["pages"].get<int>() > 0);
      CHECK(a["sha256"].get<std::string>().size() == 64);
      CHECK(a["bytes"].get<uint64_t>() == fs::file_size(dir / out1));
      CHECK(a["sha256"] == sums[out1]);
    } else {
      CHECK(a["status"] == "failed");
      CHECK(contains(input, "in/broken/"));
      CHECK(a["error"]["line"].get<int>() > 0);
      CHECK(a["error"]["column"].get<int>() > 0);
      CHECK(a["error"]["file"] == input);
    }
  }
  const json& s = r1["summary"];
  CHECK(s["documents"] == 503);
  CHECK(s["rendered"] == 500);
  CHECK(s["failed"] == 3);
  CHECK(s["skipped"] == 0);
  CHECK(s["jobs"] == 1);
  CHECK(r2["summary"]["jobs"] == 2);
  CHECK(s["interrupted"] == false);
  CHECK(s["pages"] == r2["summary"]["pages"]);
  CHECK(s["bytes"] == r2["summary"]["bytes"]);
  // The journal: one line per PDF.
  CHECK(lines_in(dir / "out1" / ".hongtou-journal.jsonl") == 500);
  CHECK(temporaries(dir / "out1").empty());
}

TEST_CASE("batch: after a SIGKILL, --resume completes the run with the same PDFs", "[batch]") {
  REQUIRE(tool_exists("qpdf"));
  const fs::path dir = case_dir("kill");
  make_corpus(dir, 200, false);
  run_result clean = run(batch() + " in -o clean -j 2 --quiet", dir);
  REQUIRE(clean.status == 0);

  background killed(batch() + " in -o out -j 2", dir);
  const bool midway = wait_for_lines(dir / "out" / ".hongtou-journal.jsonl", 20, killed.pid);
  ::kill(killed.pid, SIGKILL);
  const int raw = killed.wait();
  REQUIRE(midway);
  REQUIRE(WIFSIGNALED(raw));
  // Only whole PDFs: each is the clean run's, byte for byte.
  const std::vector<std::string> partial = files_below(dir / "out", ".pdf");
  CHECK(partial.size() < 200);
  for (const std::string& p : partial) {
    INFO(p);
    REQUIRE(slurp(dir / "out" / p) == slurp(dir / "clean" / p));
  }
  REQUIRE(!partial.empty());
  CHECK(run("qpdf --check " + quote("out/" + partial.front()), dir).status == 0);
  // A temporary file of a killed write, and files that only look like one
  // (which --resume must leave alone).
  const fs::path g = dir / "out" / "g00";
  fs::create_directories(g);
  std::ofstream(g / "stale.pdf.tmp-hongtou") << "%PDF-1.7 half";
  std::ofstream(g / "stale.pdf.tmp-hongtou-4242-0123456789abcdef") << "%PDF-1.7 half";
  std::ofstream(g / "notes.tmp-hongtou.txt") << "mine";
  std::ofstream(g / "other.pdf.tmp-hongtou-x") << "mine";
  std::ofstream(dir / "target.txt") << "mine";
  fs::create_symlink(dir / "target.txt", g / "link.pdf.tmp-hongtou");

  run_result resumed = run(batch() + " in -o out -j 2 --resume --report r.json", dir);
  INFO(resumed.err);
  REQUIRE(resumed.status == 0);
  const json r = read_json(dir / "r.json");
  CHECK(r["summary"]["documents"] == 200);
  CHECK(r["summary"]["skipped"].get<int>() >= static_cast<int>(partial.size()) - 2);
  CHECK(r["summary"]["skipped"].get<int>() > 0);
  CHECK(r["summary"]["rendered"].get<int>() + r["summary"]["skipped"].get<int>() == 200);
  for (const json& d : r["documents"])
    if (d["status"] == "skipped") {
      CHECK(d["pages"].get<int>() > 0);
      CHECK(d["sha256"].get<std::string>().size() == 64);
    }
  const std::vector<std::string> pdfs = files_below(dir / "out", ".pdf");
  REQUIRE(pdfs == files_below(dir / "clean", ".pdf"));
  for (const std::string& p : pdfs) {
    INFO(p);
    REQUIRE(slurp(dir / "out" / p) == slurp(dir / "clean" / p));
  }
  std::vector<std::string> left = temporaries(dir / "out");
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"g00/link.pdf.tmp-hongtou", "g00/notes.tmp-hongtou.txt",
                                         "g00/other.pdf.tmp-hongtou-x"});
  CHECK(slurp(dir / "target.txt") == "mine");

  // Once more: everything is skipped; with another option, nothing is.
  run_result again = run(batch() + " in -o out --resume --report again.json", dir);
  CHECK(again.status == 0);
  CHECK(read_json(dir / "again.json")["summary"]["skipped"] == 200);
  CHECK(contains(again.err, "(200 skipped, already done)"));
  // A PDF changed since is rendered again.
  { std::ofstream(dir / "out" / pdfs.front(), std::ios::app) << "x"; }
  run_result repair = run(batch() + " in -o out --resume --report repair.json", dir);
  CHECK(repair.status == 0);
  CHECK(read_json(dir / "repair.json")["summary"]["rendered"] == 1);
  CHECK(slurp(dir / "out" / pdfs.front()) == slurp(dir / "clean" / pdfs.front()));
}

TEST_CASE("batch: --resume renders again what other options would change", "[batch]") {
  const fs::path dir = case_dir("resume-options");
  make_corpus(dir, 6, false);
  REQUIRE(run(batch() + " in -o out --quiet", dir).status == 0);
  run_result same = run(batch() + " in -o out --resume --report same.json", dir);
  CHECK(read_json(dir / "same.json")["summary"]["skipped"] == 6);
  run_result other =
      run(batch() + " in -o out --resume --preprinted-letterhead --report other.json", dir);
  CHECK(other.status == 0);
  CHECK(read_json(dir / "other.json")["summary"]["skipped"] == 0);
  CHECK(read_json(dir / "other.json")["summary"]["rendered"] == 6);
  // Without --resume the journal starts afresh.
  REQUIRE(run(batch() + " in/g00 -o out --quiet", dir).status == 0);
  CHECK(lines_in(dir / "out" / ".hongtou-journal.jsonl") == 1);
}

TEST_CASE("batch: SIGTERM stops the run with a report and no temporary file", "[batch]") {
  const fs::path dir = case_dir("term");
  make_corpus(dir, 200, false);
  background term(batch() + " in -o out -j 2 --report r.json", dir);
  const bool midway = wait_for_lines(dir / "out" / ".hongtou-journal.jsonl", 10, term.pid);
  ::kill(term.pid, SIGTERM);
  const int raw = term.wait();
  REQUIRE(midway);
  INFO(slurp(dir / "bg.err"));
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 143);
  const json r = read_json(dir / "r.json");
  CHECK(r["summary"]["interrupted"] == true);
  const int done = r["summary"]["documents"];
  CHECK(done >= 10);
  CHECK(done < 200);
  CHECK(r["summary"]["not_started"].get<int>() == 200 - done);
  for (const json& d : r["documents"]) {
    CHECK(d["status"] == "ok");
    CHECK(fs::file_size(dir / d["output"].get<std::string>()) == d["bytes"].get<uint64_t>());
  }
  CHECK(files_below(dir / "out", ".pdf").size() == static_cast<size_t>(done));
  CHECK(temporaries(dir / "out").empty());
  CHECK(contains(slurp(dir / "bg.err"), "hongtou: batch: interrupted by"));
}

TEST_CASE("batch: four shards cover the inputs once, and their reports join", "[batch]") {
  const fs::path dir = case_dir("shards");
  make_corpus(dir, 120, false);
  std::string cmd;
  for (int k = 0; k < 4; ++k)
    cmd += batch() + " in -o out -j 1 --quiet --shard " + std::to_string(k) + "/4 --report s" +
           std::to_string(k) + ".json & ";
  run_result r = run("{ " + cmd + "wait; }", dir);
  REQUIRE(r.status == 0);
  std::multiset<std::string> seen;
  for (int k = 0; k < 4; ++k) {
    const json s = read_json(dir / ("s" + std::to_string(k) + ".json"));
    CHECK(s["summary"]["shard"] == std::to_string(k) + "/4");
    CHECK(s["summary"]["documents"].get<int>() > 10);  // 30 expected of each
    for (const json& d : s["documents"]) seen.insert(d["input"].get<std::string>());
    CHECK(fs::exists(dir / "out" / (".hongtou-journal-" + std::to_string(k) + "-of-4.jsonl")));
  }
  CHECK(seen.size() == 120);
  CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == 120);
  CHECK(files_below(dir / "out", ".pdf").size() == 120);

  run_result merged =
      run(batch() + " --merge-reports s0.json s1.json s2.json s3.json --report all.json", dir);
  INFO(merged.err);
  REQUIRE(merged.status == 0);
  const json all = read_json(dir / "all.json");
  REQUIRE(all["documents"].size() == 120);
  for (size_t i = 1; i < 120; ++i)
    CHECK(all["documents"][i - 1]["input"].get<std::string>() <
          all["documents"][i]["input"].get<std::string>());
  CHECK(all["summary"]["rendered"] == 120);
  CHECK(all["summary"]["jobs"] == 4);
  // A shard's report given twice is refused.
  run_result twice = run(batch() + " --merge-reports s0.json s1.json s0.json", dir);
  CHECK(twice.status == 1);
  CHECK(contains(twice.err, "is in two reports"));
  // The same shard run again lists the same documents.
  REQUIRE(run(batch() + " in -o again --quiet --shard 2/4 --report again.json", dir).status == 0);
  CHECK(read_json(dir / "again.json")["documents"].size() ==
        read_json(dir / "s2.json")["documents"].size());
}

TEST_CASE("batch: a failed document in a shard's report fails the joined one", "[batch]") {
  const fs::path dir = case_dir("merge-failed");
  make_corpus(dir, 3, true);
  CHECK(run(batch() + " in -o out --quiet --shard 0/2 --report a.json", dir).status >= 0);
  CHECK(run(batch() + " in -o out --quiet --shard 1/2 --report b.json", dir).status >= 0);
  run_result merged = run(batch() + " --merge-reports a.json b.json", dir);
  CHECK(merged.status == 1);
  const json all = json::parse(merged.out);  // on standard output without --report
  CHECK(all["summary"]["documents"] == 6);
  CHECK(all["summary"]["failed"] == 3);
  CHECK(run(batch() + " --merge-reports missing.json", dir).status == 2);
}

TEST_CASE("batch: a command line's mistakes exit 64, a missing input 2", "[batch]") {
  const fs::path dir = case_dir("usage");
  make_corpus(dir, 2, false);
  for (const char* shard : {"4/4", "x", "1/0", "-1/3", "1/", "2"}) {
    run_result r = run(batch() + " in -o out --shard " + quote(shard), dir);
    INFO(shard << ": " << r.err);
    CHECK(r.status == 64);
    CHECK(contains(r.err, "--shard"));
  }
  run_result zero = run(batch() + " in -o out -j 0", dir);
  CHECK(zero.status == 64);
  CHECK(contains(zero.err, "-j 0"));
  CHECK(run(batch() + " in", dir).status == 64);
  CHECK(run(batch() + " -o out", dir).status == 64);
  CHECK(run(batch() + " --merge-reports a.json -o out", dir).status == 64);
  // One bad --date is one error of the command line, not one per document.
  run_result date = run(batch() + " in -o out --date 2024-06-01T00:00:00Z", dir);
  CHECK(date.status == 64);
  CHECK(contains(date.err, "hongtou: batch: bad creation date \"2024-06-01T00:00:00Z\""));
  CHECK(std::count(date.err.begin(), date.err.end(), '\n') == 2);
  CHECK(!fs::exists(dir / "out"));
  run_result missing = run(batch() + " in nothing-here.xml -o out", dir);
  CHECK(missing.status == 2);
  CHECK(contains(missing.err, "nothing-here.xml: error: cannot read the input"));
  CHECK(!fs::exists(dir / "out"));
  run_result manifest = run(batch() + " nothing.jsonl -o out", dir);
  CHECK(manifest.status == 2);
}

TEST_CASE("batch: manifest records, good and bad, and duplicate outputs", "[batch]") {
  const fs::path dir = case_dir("manifest");
  make_corpus(dir, 4, false);
  fs::create_directories(dir / "jobs");
  fs::copy_file(source_path("samples/report-template.xml"), dir / "jobs" / "template.xml");
  fs::copy_file(source_path("samples/report-data.json"), dir / "jobs" / "values.json");
  const std::vector<std::string> docs = files_below(dir / "in", ".xml");
  REQUIRE(docs.size() == 4);
  {
    std::ofstream m(dir / "jobs" / "m.jsonl");
    m << R"({"input": "../in/)" << docs[0] << R"(", "output": "a/first.pdf"})" << '\n'
      << R"({"input": "template.xml", "data": "values.json", "options": {"preprinted_letterhead": true}})"
      << '\n'
      << "\n"
      << R"({"input": "../in/)" << docs[1] << R"(", "output": "../escape.pdf"})" << '\n'
      << R"({"input": "../in/)" << docs[1] << R"(", "output": "/tmp/abs.pdf"})" << '\n'
      << R"({"input": "../in/)" << docs[1] << R"(", "output": "b.txt"})" << '\n'
      << R"({"output": "c.pdf"})" << '\n'
      << R"({"input": "../in/)" << docs[1] << R"(", "colour": "red"})" << '\n'
      << R"({"input": "../in/)" << docs[1] << R"(", "options": {"pdfa": "yes"}})" << '\n'
      << R"({"input": "../in/)" << docs[2] << R"(", "output": "a/first.pdf"})" << '\n'
      << "{not json\n"
      << R"({"input": "../in/)" << docs[3] << R"(", "options": {"strict_fonts": false}})" << '\n';
  }
  run_result r = run(batch() + " jobs/m.jsonl -o out --report r.json", dir);
  INFO(r.err);
  CHECK(r.status == 1);
  const json rep = read_json(dir / "r.json");
  REQUIRE(rep["documents"].size() == 11);
  std::map<int, json> by_line;  // the failed records by manifest line
  for (const json& d : rep["documents"])
    if (d["status"] == "failed" && d["error"]["file"] == "jobs/m.jsonl")
      by_line[d["error"]["line"].get<int>()] = d;
  CHECK(by_line.size() == 8);
  CHECK(contains(by_line[4]["error"]["message"], "\"..\""));
  CHECK(contains(by_line[5]["error"]["message"], "absolute"));
  CHECK(contains(by_line[6]["error"]["message"], ".pdf"));
  CHECK(contains(by_line[7]["error"]["message"], "no \"input\""));
  CHECK(contains(by_line[8]["error"]["message"], "unknown key \"colour\""));
  CHECK(contains(by_line[9]["error"]["message"], "\"pdfa\" must be true or false"));
  CHECK(contains(by_line[11]["error"]["message"], "bad JSON"));
  CHECK(contains(r.err, "jobs/m.jsonl:11:"));
  // The duplicate output: the later record fails, naming the earlier one.
  bool duplicate = false;
  for (const json& d : rep["documents"])
    if (d["status"] == "failed" &&
        contains(d["error"]["message"], "is already that of jobs/../in/"))
      duplicate = d["input"] == "jobs/../in/" + docs[2];
  CHECK(duplicate);
  CHECK(fs::exists(dir / "out" / "a" / "first.pdf"));
  CHECK(fs::exists(dir / "out" / "template.pdf"));
  CHECK(fs::exists(dir / "out" / fs::path(docs[3]).filename().replace_extension(".pdf")));
  CHECK(rep["summary"]["rendered"] == 3);
  CHECK(rep["summary"]["failed"] == 8);
  CHECK(!fs::exists(dir / "escape.pdf"));

  // Two file inputs of the same name: the later one fails.
  fs::create_directories(dir / "x");
  fs::copy_file(dir / "in" / docs[0], dir / "x" / fs::path(docs[0]).filename());
  run_result dup = run(batch() + " " + quote("in/" + docs[0]) + " " +
                           quote("x/" + fs::path(docs[0]).filename().string()) + " -o dup",
                       dir);
  CHECK(dup.status == 1);
  CHECK(contains(dup.err, "is already that of in/" + docs[0]));
}

TEST_CASE("batch: hidden files and folders are left out, --quiet prints only errors", "[batch]") {
  const fs::path dir = case_dir("hidden");
  make_corpus(dir, 3, true);
  fs::create_directories(dir / "in" / ".cache");
  fs::copy_file(dir / "in" / "broken" / "empty.xml", dir / "in" / ".cache" / "x.xml");
  fs::copy_file(dir / "in" / "broken" / "empty.xml", dir / "in" / ".hidden.xml");
  fs::create_directory_symlink(dir / "in" / "broken", dir / "in" / "linked");
  run_result q = run(batch() + " in -o out --quiet --report r.json", dir);
  CHECK(q.status == 1);
  CHECK(read_json(dir / "r.json")["documents"].size() == 6);
  CHECK(contains(q.err, "in/broken/empty.xml:1:1: error:"));
  CHECK(!contains(q.err, "hongtou: batch:"));
  // Not a terminal: a summary line, no bar.
  run_result plain = run(batch() + " in -o out2", dir);
  CHECK(contains(plain.err, "hongtou: batch: 3 of 6 documents written to out2; 3 failed; "));
  CHECK(!contains(plain.err, "\033[K"));
}

TEST_CASE("batch: the progress line counts wide characters as two columns", "[batch]") {
  using hongtou::cli::display_columns;
  using hongtou::cli::fit_columns;
  CHECK(display_columns("abc") == 3);
  CHECK(display_columns("国务院办公厅") == 12);
  CHECK(display_columns("ａ１") == 4);       // fullwidth forms
  CHECK(display_columns("e\xcc\x81") == 1);  // a combining accent
  CHECK(fit_columns("short.xml", 20) == "short.xml");
  CHECK(fit_columns("in/g00/notice-0001.xml", 12) == "…ce-0001.xml");
  CHECK(display_columns(fit_columns("in/g00/notice-0001.xml", 12)) == 12);
  // A wide character is never cut in half: 7 columns hold "…" and 3 of them.
  CHECK(fit_columns("国务院办公厅文件.xml", 11) == "…厅文件.xml");
  CHECK(fit_columns("国务院办公厅", 7) == "…办公厅");
  CHECK(fit_columns("国务院办公厅", 6) == "…公厅");
  CHECK(display_columns(fit_columns("国务院办公厅", 6)) == 5);
  CHECK(fit_columns("a\tb\033[31m", 10) == "ab[31m");  // controls left out
  CHECK(fit_columns("bad \xff byte", 20) == "bad \xef\xbf\xbd byte");
  CHECK(fit_columns("anything", 0).empty());
}
