// SPDX-License-Identifier: Apache-2.0
// End-to-end checks of the PDF the CLI writes for samples/report.xml, made
// with the tools a user would reach for: poppler (pdffonts, pdftotext,
// pdfinfo, pdftoppm), qpdf and, when installed, MuPDF's mutool.
//
// The sample is rendered once per test process into its own folder under
// HONGTOU_TEST_TMP (ctest runs each TEST_CASE as a separate process, maybe in
// parallel) and removed at exit unless HONGTOU_KEEP_TEST_TMP is set.
#include "support/catch.hpp"

#include <unistd.h>
#include "pdf/pdf_support.hpp"
#include "support/process.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace hongtou::test;

const char* const em_dash = "\xE2\x80\x94";  // U+2014, around page numbers

// ---- running commands ----

std::string sample_path() {
  return std::string(HONGTOU_SOURCE_DIR) + "/samples/report.xml";
}

// ---- the rendered sample, shared by the test cases of one process ----

struct rendered {
  fs::path dir, pdf;
  run_result result;
  rendered() {
    dir = fs::path(HONGTOU_TEST_TMP) / ("pdf-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    pdf = dir / "report.pdf";
    result = run(cli() + " render " + quote(sample_path()) + " -o report.pdf", dir);
  }
  ~rendered() {
    if (!std::getenv("HONGTOU_KEEP_TEST_TMP")) {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  }
  rendered(const rendered&) = delete;
  rendered& operator=(const rendered&) = delete;
};

const rendered& report() {
  static const rendered r;
  return r;
}

// Renders the sample once and fails the calling test if that went wrong.
#define REQUIRE_REPORT(r)                   \
  const rendered& r = report();             \
  INFO("hongtou stderr: " << r.result.err); \
  REQUIRE(r.result.status == 0);            \
  REQUIRE(fs::is_regular_file(r.pdf))

// ---- text helpers ----

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream in(s);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The value of "Key:   value" in pdfinfo's output; empty if absent.
std::string info_field(const std::string& info, const std::string& key) {
  for (const auto& line : lines_of(info))
    if (line.rfind(key + ":", 0) == 0) return trim(line.substr(key.size() + 1));
  return {};
}

bool has_info_field(const std::string& info, const std::string& key) {
  for (const auto& line : lines_of(info))
    if (line.rfind(key + ":", 0) == 0) return true;
  return false;
}

// Removes ASCII white space, U+00A0 and U+3000.
std::string without_space(const std::string& s) {
  std::string r;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      i += 1;
      continue;
    }
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 2;
      continue;
    }
    r += c;
  }
  return r;
}

// Removes page numbers "—N—" from text without white space.
std::string without_page_numbers(std::string s) {
  const std::string dash = em_dash;
  size_t pos = 0;
  while ((pos = s.find(dash, pos)) != std::string::npos) {
    size_t i = pos + dash.size();
    const size_t digits = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i > digits && s.compare(i, dash.size(), dash) == 0)
      s.erase(pos, i + dash.size() - pos);
    else
      pos += dash.size();
  }
  return s;
}

std::string decode_entities(const std::string& s) {
  static const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  std::string r;
  for (size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& e : entities) {
      const std::string name = e.first;
      if (s.compare(i, name.size(), name) == 0) {
        r += e.second;
        i += name.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) r += s[i++];
  }
  return r;
}

std::string without_tags(const std::string& s) {
  std::string r;
  bool in_tag = false;
  for (char c : s) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      r += c;
  }
  return decode_entities(r);
}

// The text of every element opened by `open` and closed by `close` in the
// sample, inner tags removed.
std::vector<std::string> sample_texts(const std::string& open, const std::string& close) {
  const std::string xml = slurp(sample_path());
  std::vector<std::string> texts;
  for (size_t pos = xml.find(open); pos != std::string::npos; pos = xml.find(open, pos)) {
    const size_t begin = pos + open.size();
    const size_t end = xml.find(close, begin);
    if (end == std::string::npos) break;
    texts.push_back(without_tags(xml.substr(begin, end - begin)));
    pos = end + close.size();
  }
  return texts;
}

// ---- PPM (P6, maxval 255) ----

// Red pixels (the issuer mark, the separator rule) in the upper, middle and
// lower third of the image.
struct thirds {
  long upper = 0, middle = 0, lower = 0;
};

bool is_red_at(const ppm_image& img, int x, int y) {
  const size_t at =
      (static_cast<size_t>(y) * static_cast<size_t>(img.width) + static_cast<size_t>(x)) * 3;
  return static_cast<unsigned char>(img.rgb[at]) > 200 &&
         static_cast<unsigned char>(img.rgb[at + 1]) < 80 &&
         static_cast<unsigned char>(img.rgb[at + 2]) < 80;
}

thirds red_pixels(const ppm_image& img) {
  thirds t;
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      if (is_red_at(img, x, y)) {
        const int third = y * 3 / img.height;
        (third == 0 ? t.upper : third == 1 ? t.middle : t.lower) += 1;
      }
    }
  }
  return t;
}

}  // namespace

TEST_CASE("pdf: every font is an embedded subset CID font with a ToUnicode map", "[pdf][cli]") {
  require_tool("pdffonts");
  REQUIRE_REPORT(r);
  const run_result fonts = run("pdffonts report.pdf", r.dir);
  REQUIRE(fonts.status == 0);
  INFO("pdffonts:\n" << fonts.out);

  const auto lines = lines_of(fonts.out);
  size_t first = 0;
  while (first < lines.size() && lines[first].rfind("---", 0) != 0) ++first;
  REQUIRE(first < lines.size());
  int count = 0;
  for (size_t i = first + 1; i < lines.size(); ++i) {
    const auto w = words_of(lines[i]);
    if (w.empty()) continue;
    ++count;
    INFO("font line: " << lines[i]);
    // name type… encoding emb sub uni object-number generation
    REQUIRE(w.size() >= 8);
    const size_t n = w.size();
    CHECK(w[n - 5] == "yes");  // emb
    CHECK(w[n - 4] == "yes");  // sub
    CHECK(w[n - 3] == "yes");  // uni
    std::string type;
    for (size_t k = 1; k + 6 < n; ++k) type += (type.empty() ? "" : " ") + w[k];
    CHECK((type == "CID Type 0C" || type == "CID TrueType"));
    const std::string& name = w[0];
    REQUIRE(name.size() > 7);
    bool tag = name[6] == '+';
    for (size_t k = 0; k < 6; ++k) tag = tag && name[k] >= 'A' && name[k] <= 'Z';
    CHECK(tag);
  }
  CHECK(count >= 3);
}

TEST_CASE("pdf: the text layer holds every paragraph of the sample", "[pdf][cli]") {
  require_tool("pdftotext");
  REQUIRE_REPORT(r);
  const run_result t = run("pdftotext -enc UTF-8 report.pdf report.txt", r.dir);
  REQUIRE(t.status == 0);
  const std::string raw = without_space(slurp(r.dir / "report.txt"));
  // The page numbers are in the text layer, between the paragraphs' text.
  CHECK(raw.find(std::string(em_dash) + "1" + em_dash) != std::string::npos);
  const std::string text = without_page_numbers(raw);
  REQUIRE(!text.empty());

  const auto paragraphs = sample_texts("<p>", "</p>");
  REQUIRE(paragraphs.size() == 7);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const std::string p = without_space(paragraphs[i]);
    size_t cut = std::min<size_t>(p.size(), 60);  // on a UTF-8 boundary
    while (cut < p.size() && (static_cast<unsigned char>(p[cut]) & 0xC0) == 0x80) --cut;
    INFO("paragraph " << i + 1 << ": " << p.substr(0, cut) << "…");
    CHECK(text.find(p) != std::string::npos);
  }
}

TEST_CASE("pdf: the text layer has no watermark of the seed's source", "[pdf][cli]") {
  require_tool("pdftotext");
  REQUIRE_REPORT(r);
  const run_result t = run("pdftotext -enc UTF-8 report.pdf -", r.dir);
  REQUIRE(t.status == 0);
  REQUIRE(!t.out.empty());
  CHECK(t.out.find("bgzjy") == std::string::npos);
}

TEST_CASE("pdf: qpdf --check finds no error", "[pdf][cli]") {
  require_tool("qpdf");
  REQUIRE_REPORT(r);
  const run_result c = run("qpdf --check report.pdf", r.dir);
  INFO("qpdf stdout:\n" << c.out << "\nqpdf stderr:\n" << c.err);
  CHECK(c.status == 0);
}

TEST_CASE("pdf: rendering twice gives byte-identical files", "[pdf][cli]") {
  REQUIRE_REPORT(r);
  const run_result again = run(cli() + " render " + quote(sample_path()) + " -o again.pdf", r.dir);
  INFO("hongtou stderr: " << again.err);
  REQUIRE(again.status == 0);
  const std::string a = slurp(r.pdf), b = slurp(r.dir / "again.pdf");
  REQUIRE(!a.empty());
  CHECK(a == b);
}

TEST_CASE("pdf: --creation-date sets CreationDate which is absent by default", "[pdf][cli]") {
  require_tool("pdfinfo");
  REQUIRE_REPORT(r);
  const run_result dated =
      run(cli() + " render " + quote(sample_path()) + " -o dated.pdf --creation-date 2024-01-15",
          r.dir);
  INFO("hongtou stderr: " << dated.err);
  REQUIRE(dated.status == 0);
  CHECK(slurp(r.dir / "dated.pdf") != slurp(r.pdf));

  const run_result info = run("pdfinfo -isodates dated.pdf", r.dir);
  REQUIRE(info.status == 0);
  INFO("pdfinfo:\n" << info.out);
  CHECK(info_field(info.out, "CreationDate").rfind("2024-01-15", 0) == 0);

  const run_result plain = run("pdfinfo -isodates report.pdf", r.dir);
  REQUIRE(plain.status == 0);
  INFO("pdfinfo (no date):\n" << plain.out);
  CHECK_FALSE(has_info_field(plain.out, "CreationDate"));
}

TEST_CASE("pdf: pdfinfo shows the title and at least 4 A4 pages", "[pdf][cli]") {
  require_tool("pdfinfo");
  REQUIRE_REPORT(r);
  const run_result info = run("pdfinfo report.pdf", r.dir);
  REQUIRE(info.status == 0);
  INFO("pdfinfo:\n" << info.out);

  CHECK(info_field(info.out, "Title") == "2023年度述职报告");
  CHECK(std::atoi(info_field(info.out, "Pages").c_str()) >= 4);

  // "595.276 x 841.89 pts (A4)"
  std::istringstream size(info_field(info.out, "Page size"));
  double w = 0, h = 0;
  std::string x;
  size >> w >> x >> h;
  CHECK(x == "x");
  CHECK(std::fabs(w - 595.276) < 0.01);
  CHECK(std::fabs(h - 841.89) < 0.01);
}

TEST_CASE("pdf: the outline lists the six level-1 headings in order", "[pdf][cli]") {
  require_tool("qpdf");
  REQUIRE_REPORT(r);
  // qpdf decodes the UTF-16BE titles (<FEFF…>) into UTF-8 JSON strings.
  const run_result json = run("qpdf --json --json-key=outlines report.pdf", r.dir);
  REQUIRE(json.status == 0);
  INFO("qpdf --json:\n" << json.out);

  std::vector<std::string> titles;
  const std::string key = "\"title\": \"";
  for (size_t pos = json.out.find(key); pos != std::string::npos; pos = json.out.find(key, pos)) {
    pos += key.size();
    std::string t;
    while (pos < json.out.size() && json.out[pos] != '"') {
      if (json.out[pos] == '\\' && pos + 1 < json.out.size()) ++pos;
      t += json.out[pos++];
    }
    titles.push_back(t);
  }

  const auto leads = sample_texts("<lead level=\"1\">", "</lead>");
  REQUIRE(leads.size() == 6);
  REQUIRE(titles.size() == leads.size());
  for (size_t i = 0; i < leads.size(); ++i) {
    INFO("outline entry " << i + 1);
    CHECK(titles[i] == leads[i]);
  }
}

TEST_CASE("pdf: page 1 shows red in its upper third and none in its lower third", "[pdf][cli]") {
  require_tool("pdftoppm");
  REQUIRE_REPORT(r);
  const run_result ppm = run("pdftoppm -r 30 -f 1 -l 1 -singlefile report.pdf page1", r.dir);
  INFO("pdftoppm stderr: " << ppm.err);
  REQUIRE(ppm.status == 0);
  ppm_image img;
  REQUIRE(read_ppm(r.dir / "page1.ppm", img));
  const thirds red = red_pixels(img);
  INFO("red pixels: upper " << red.upper << ", middle " << red.middle << ", lower " << red.lower);
  CHECK(red.upper >= 100);
  CHECK(red.lower == 0);
}

TEST_CASE("pdf: MuPDF draws page 1 too", "[pdf][cli]") {
  if (!tool_exists("mutool")) HT_SKIP("mutool (MuPDF) is not installed");
  REQUIRE_REPORT(r);
  const run_result draw = run("mutool draw -o mu.ppm -r 30 report.pdf 1", r.dir);
  INFO("mutool stderr: " << draw.err);
  REQUIRE(draw.status == 0);
  CHECK(draw.err.find("error") == std::string::npos);
  ppm_image img;
  REQUIRE(read_ppm(r.dir / "mu.ppm", img));
  const thirds red = red_pixels(img);
  INFO("red pixels: upper " << red.upper << ", middle " << red.middle << ", lower " << red.lower);
  CHECK(red.upper >= 100);
  CHECK(red.lower == 0);
}

namespace {

// Bands of consecutive pixel rows holding red, in pixel rows [first, last].
std::vector<std::pair<int, int>> red_bands(const ppm_image& img) {
  std::vector<std::pair<int, int>> bands;
  for (int y = 0; y < img.height; ++y) {
    bool red = false;
    for (int x = 0; x < img.width && !red; ++x) red = is_red_at(img, x, y);
    if (!red) continue;
    if (!bands.empty() && bands.back().second == y - 1)
      bands.back().second = y;
    else
      bands.push_back({y, y});
  }
  return bands;
}

}  // namespace

// A ruler on the printed page: page 1 rasterised at 300 dpi (0.085 mm per
// pixel); the red mark's ink starts 35 mm below the type area (72 mm), the
// red rule spans the type area (28–184 mm) and is about 1.5 pt thick.
TEST_CASE("pdf: measured at 300 dpi the red head sits where GB/T 9704 puts it", "[pdf][cli]") {
  require_tool("pdftoppm");
  REQUIRE_REPORT(r);
  const run_result ppm = run("pdftoppm -r 300 -f 1 -l 1 -singlefile report.pdf ruler", r.dir);
  REQUIRE(ppm.status == 0);
  ppm_image img;
  REQUIRE(read_ppm(r.dir / "ruler.ppm", img));
  const double mm_per_px = 25.4 / 300;
  auto bands = red_bands(img);
  REQUIRE(bands.size() == 2);  // the mark, the rule
  CHECK(bands[0].first * mm_per_px == Approx(72.0).margin(0.15));
  const double rule_top = bands[1].first * mm_per_px;
  const double rule_bottom = (bands[1].second + 1) * mm_per_px;
  CHECK(rule_bottom - rule_top == Approx(1.5 * 25.4 / 72).margin(0.15));
  const int y = (bands[1].first + bands[1].second) / 2;
  int left = 0, right = img.width - 1;
  while (left < img.width && !is_red_at(img, left, y)) ++left;
  while (right > 0 && !is_red_at(img, right, y)) --right;
  CHECK(left * mm_per_px == Approx(28.0).margin(0.15));
  CHECK((right + 1) * mm_per_px == Approx(184.0).margin(0.15));
}

// DESIGN.md "PDF writing": flate on every stream (fonts, ToUnicode, pages).
TEST_CASE("pdf: every stream is flate-compressed", "[pdf][cli]") {
  REQUIRE_REPORT(r);
  const std::string pdf = slurp(r.pdf);
  int streams = 0;
  for (size_t at = pdf.find("stream\r\n"); at != std::string::npos;
       at = pdf.find("stream\r\n", at + 1)) {
    if (at >= 3 && pdf.compare(at - 3, 3, "end") == 0) continue;  // "endstream"
    const size_t obj = pdf.rfind(" obj", at);
    REQUIRE(obj != std::string::npos);
    const std::string dict = pdf.substr(obj, at - obj);
    INFO("stream dictionary: " << dict);
    CHECK(dict.find("/FlateDecode") != std::string::npos);
    ++streams;
  }
  // 4 fonts × (font file + ToUnicode) + 5 pages.
  CHECK(streams >= 13);
}

// A name-keyed CFF font (Latin Modern, from fonts-lmodern) goes through the
// conversion to CID-keyed CFF before it is embedded as CIDFontType0C: here it
// sets the page numbers, and poppler and MuPDF must both read and draw it.
TEST_CASE("pdf: a name-keyed CFF font is embedded converted and draws in poppler and MuPDF",
          "[pdf][cli]") {
  const char* lm = "/usr/share/texmf/fonts/opentype/public/lm/lmroman10-regular.otf";
  if (!fs::exists(lm)) HT_SKIP("fonts-lmodern is not installed");
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / ("name-keyed-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string fonts = slurp(std::string(HONGTOU_SOURCE_DIR) + "/fonts/fonts.xml");
  const std::string role = "<role name=\"songti-digits\"";
  const size_t at = fonts.find(role);
  REQUIRE(at != std::string::npos);
  const size_t body = fonts.find('>', at) + 1;
  fonts.insert(body, "\n    <font family=\"Latin Modern Roman\" style=\"10 Regular\"/>");
  {
    std::ofstream out(dir / "fonts.xml", std::ios::binary);
    out << fonts;
  }
  const run_result r =
      run(system_cli() + " --fonts fonts.xml render " + quote(sample_path()) + " -o lm.pdf", dir);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  const run_result pf = run("pdffonts lm.pdf", dir);
  INFO("pdffonts: " << pf.out);
  std::string lm_line;
  std::istringstream lines(pf.out);
  for (std::string line; std::getline(lines, line);)
    if (line.find("LMRoman10-Regular") != std::string::npos) lm_line = line;
  REQUIRE_FALSE(lm_line.empty());
  CHECK(lm_line.find("CID Type 0C") != std::string::npos);
  CHECK(lm_line.find("yes yes yes") != std::string::npos);
  CHECK(run("qpdf --check lm.pdf", dir).status == 0);
  const run_result text = run("pdftotext -f 2 -l 2 lm.pdf -", dir);
  std::string compact = text.out;
  compact.erase(std::remove_if(compact.begin(), compact.end(),
                               [](unsigned char c) { return std::isspace(c) != 0; }),
                compact.end());
  CHECK(compact.find(std::string(em_dash) + "2" + em_dash) != std::string::npos);
  // The page number is drawn: dark pixels in the bottom band, left of centre on page 2.
  REQUIRE(run("pdftoppm -r 72 -f 2 -l 2 -singlefile lm.pdf p2", dir).status == 0);
  ppm_image img;
  REQUIRE(read_ppm(dir / "p2.ppm", img));
  long dark = 0;
  for (int y = img.height * 88 / 100; y < img.height * 93 / 100; ++y)
    for (int x = 0; x < img.width / 2; ++x) {
      const size_t i =
          (static_cast<size_t>(y) * static_cast<size_t>(img.width) + static_cast<size_t>(x)) * 3;
      if (static_cast<unsigned char>(img.rgb[i]) < 100) ++dark;
    }
  CHECK(dark > 20);
  if (tool_exists("mutool")) {
    const run_result mu = run("mutool draw -o mu.ppm -r 30 lm.pdf 2", dir);
    CHECK(mu.status == 0);
    CHECK(mu.err.find("error") == std::string::npos);
  }
  if (!std::getenv("HONGTOU_KEEP_TEST_TMP")) fs::remove_all(dir);
}
