// SPDX-License-Identifier: Apache-2.0
// PDF/A-2b (ISO 19005-2), one test per requirement the engine could break,
// asserted on the file as a reader sees it: qpdf's JSON of every object,
// qpdf's decoded streams, pdfinfo's Info and XMP, xmllint on the packet,
// FreeType on the embedded font programs. docs/pdfa.md maps each clause to
// its test here.
#include <ft2build.h>
#include <catch2/catch.hpp>
#include FT_FREETYPE_H
#include FT_CID_H
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "pdf/pdf_support.hpp"
#include "support/process.hpp"
#include "support/source.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace hongtou::test;

namespace {

// A PDF written by the CLI, with qpdf's JSON of its objects.
struct pdf_file {
  fs::path dir, path;
  std::string bytes;
  json objects;  // "obj:N G R" -> {"value": …} or {"stream": {"dict": …}}
  json trailer;
};

pdf_file load(const fs::path& dir, const std::string& name) {
  pdf_file f;
  f.dir = dir;
  f.path = dir / name;
  f.bytes = slurp(f.path);
  const run_result r = run("qpdf --json " + quote(name), dir);
  INFO(r.err);
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  f.objects = j.at("qpdf").at(1);
  f.trailer = f.objects.at("trailer").at("value");
  return f;
}

// Renders a sample (or a file of the case's folder) with the CLI and `args`.
pdf_file render(const std::string& area, const std::string& input, const std::string& args = "") {
  require_tool("qpdf");
  require_tool("pdfinfo");
  const fs::path dir = fresh_dir("pdfa", area);
  const std::string in = fs::exists(dir / input) ? input : source_path(input);
  const run_result r = run(cli() + " render " + quote(in) + " -o out.pdf --pdfa " + args, dir);
  INFO(r.err);
  REQUIRE(r.status == 0);
  return load(dir, "out.pdf");
}

// An object's dictionary (a stream's own dictionary for a stream).
json dict(const pdf_file& f, const std::string& ref) {
  const json& o = f.objects.at("obj:" + ref);
  return o.contains("stream") ? o.at("stream").at("dict") : o.at("value");
}

bool is_stream(const pdf_file& f, const std::string& ref) {
  return f.objects.at("obj:" + ref).contains("stream");
}

// A stream's data, decoded.
std::string stream_data(const pdf_file& f, const std::string& ref) {
  const std::string num = ref.substr(0, ref.find(' '));
  const run_result r =
      run("qpdf --show-object=" + num + " --filtered-stream-data " + quote(f.path.string()), f.dir);
  REQUIRE(r.status == 0);
  return r.out;
}

json catalog(const pdf_file& f) {
  return dict(f, f.trailer.at("/Root").get<std::string>());
}

// Every object's dictionary, streams' included.
std::vector<std::pair<std::string, json>> all_dicts(const pdf_file& f) {
  std::vector<std::pair<std::string, json>> out;
  for (const auto& [key, o] : f.objects.items()) {
    if (key.rfind("obj:", 0) != 0) continue;
    const json d = o.contains("stream") ? o.at("stream").at("dict") : o.at("value");
    if (d.is_object()) out.emplace_back(key.substr(4), d);
  }
  return out;
}

// pdfinfo's value of an Info entry ("Title:  …"), "" when absent.
std::string info_entry(const pdf_file& f, const std::string& key) {
  const run_result r = run("pdfinfo -isodates " + quote(f.path.string()), f.dir);
  std::smatch m;
  const std::regex re("(^|\n)" + key + ":\\s*([^\n]*)");
  return std::regex_search(r.out, m, re) ? m[2].str() : std::string();
}

// The XMP packet (pdfinfo -meta).
std::string xmp(const pdf_file& f) {
  return run("pdfinfo -meta " + quote(f.path.string()), f.dir).out;
}

// The text of an XMP property: a simple one, or the one entry of its array.
std::string xmp_property(const std::string& packet, const std::string& name) {
  std::smatch m;
  const std::regex re("<" + name + ">(?:<rdf:(?:Alt|Seq)><rdf:li[^>]*>)?([^<]*)<");
  return std::regex_search(packet, m, re) ? m[1].str() : std::string();
}

std::string unescaped(std::string s) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  }
  return s;
}

// The content streams of every page, decoded.
std::string all_content(const pdf_file& f) {
  std::string out;
  for (const auto& [ref, d] : all_dicts(f)) {
    if (d.value("/Type", "") != "/Page") continue;
    const json& c = d.at("/Contents");
    std::vector<std::string> parts;
    if (c.is_array())
      for (const json& part : c) parts.push_back(part.get<std::string>());
    else
      parts.push_back(c.get<std::string>());
    for (const std::string& part : parts) out += stream_data(f, part) + "\n";
  }
  return out;
}

// The widths /W and /DW give each code (ISO 32000-1 9.7.4.3).
struct widths {
  double fallback = 1000;
  std::map<long, double> of;
  double at(long code) const {
    const auto it = of.find(code);
    return it == of.end() ? fallback : it->second;
  }
};

widths cid_widths(const json& cid_font) {
  widths w;
  if (cid_font.contains("/DW")) w.fallback = cid_font.at("/DW").get<double>();
  if (!cid_font.contains("/W")) return w;
  const json& a = cid_font.at("/W");
  for (size_t i = 0; i < a.size();) {
    const long first = a[i].get<long>();
    if (a[i + 1].is_array()) {
      long c = first;
      for (const json& v : a[i + 1]) w.of[c++] = v.get<double>();
      i += 2;
    } else {
      for (long c = first; c <= a[i + 1].get<long>(); ++c) w.of[c] = a[i + 2].get<double>();
      i += 3;
    }
  }
  return w;
}

const std::string sealed = "samples/bulletin-sealed.xml";
const std::string report = "samples/report.xml";

}  // namespace

TEST_CASE(
    "pdfa: the header names PDF 1.7, then a comment of four bytes above 127 (ISO 19005-2 "
    "6.1.2)",
    "[pdfa]") {
  const pdf_file f = render("header", report);
  REQUIRE(f.bytes.compare(0, 9, "%PDF-1.7\n") == 0);
  REQUIRE(f.bytes[9] == '%');
  for (size_t i = 10; i < 14; ++i) CHECK(static_cast<unsigned char>(f.bytes[i]) > 127);
}

TEST_CASE("pdfa: the trailer has an /ID of two 16-byte strings and no /Encrypt (6.1.3)", "[pdfa]") {
  const pdf_file f = render("trailer", report);
  CHECK_FALSE(f.trailer.contains("/Encrypt"));
  REQUIRE(f.trailer.contains("/ID"));
  const json id = f.trailer.at("/ID");
  REQUIRE(id.size() == 2);
  for (const json& part : id) {
    const std::string s = part.get<std::string>();  // "b:" and 32 hex digits
    CHECK(s.size() == 2 + 32);
  }
  // The /ID is made of the content: another document, another /ID.
  const pdf_file other = render("trailer-other", sealed);
  CHECK(other.trailer.at("/ID") != id);
}

TEST_CASE(
    "pdfa: the file passes qpdf's check; streams use FlateDecode only, no external file "
    "(6.1.7)",
    "[pdfa]") {
  const pdf_file f = render("streams", sealed);
  const run_result check = run("qpdf --check out.pdf", f.dir);
  INFO(check.out);
  CHECK(check.status == 0);
  CHECK(contains(check.out, "No syntax or stream encoding errors"));
  size_t streams = 0;
  for (const auto& [ref, d] : all_dicts(f)) {
    if (!is_stream(f, ref)) continue;
    ++streams;
    for (const char* key : {"/F", "/FFilter", "/FDecodeParms"}) CHECK_FALSE(d.contains(key));
    if (d.contains("/Filter"))  // no LZW, no Crypt (6.1.7.2)
      CHECK(
          (d.at("/Filter") == "/FlateDecode" || d.at("/Filter") == json::array({"/FlateDecode"})));
  }
  CHECK(streams > 10);
}

TEST_CASE("pdfa: one GTS_PDFA1 output intent with an embedded sRGB display profile (6.2.3)",
          "[pdfa]") {
  const pdf_file f = render("intent", report);
  const json intents = catalog(f).at("/OutputIntents");
  REQUIRE(intents.size() == 1);
  const json intent = dict(f, intents[0].get<std::string>());
  CHECK(intent.at("/Type") == "/OutputIntent");
  CHECK(intent.at("/S") == "/GTS_PDFA1");
  CHECK(intent.at("/OutputConditionIdentifier") == "u:sRGB IEC61966-2.1");
  const std::string profile_ref = intent.at("/DestOutputProfile").get<std::string>();
  REQUIRE(is_stream(f, profile_ref));
  CHECK(dict(f, profile_ref).at("/N") == 3);
  const std::string icc = stream_data(f, profile_ref);
  REQUIRE(icc.size() > 128);
  // The ICC header: its size, version 2 or 4, a display ('mntr') RGB profile, 'acsp'.
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(icc[i]); };
  CHECK(((byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3)) ==
        static_cast<int>(icc.size()));
  CHECK((byte(8) == 2 || byte(8) == 4));
  CHECK(icc.substr(12, 4) == "mntr");
  CHECK(icc.substr(16, 4) == "RGB ");
  CHECK(icc.substr(36, 4) == "acsp");
}

TEST_CASE(
    "pdfa: colours are RGB or grey only; a layout in CMYK is refused with a reason "
    "(6.2.4.3)",
    "[pdfa]") {
  const pdf_file f = render("colours", sealed);
  const std::string content = all_content(f);
  REQUIRE(contains(content, " rg\n"));
  for (const char* op : {" k\n", " K\n", "/DeviceCMYK", " cs\n", " CS\n", " sc\n", " scn\n"})
    CHECK_FALSE(contains(content, op));
  for (const auto& [ref, d] : all_dicts(f))
    if (d.value("/Subtype", "") == "/Image") {
      const std::string cs = d.at("/ColorSpace").get<std::string>();
      CHECK((cs == "/DeviceRGB" || cs == "/DeviceGray"));
    }

  // The same document with a red head in CMYK for offset printing.
  const fs::path dir = fresh_dir("pdfa", "cmyk");
  {
    std::ofstream layout(dir / "cmyk.xml");
    layout << "<layout name=\"cmyk\" extends=\"gbt9704\"><issuer color=\"cmyk(0,100,100,0)\"/>"
              "<separator color=\"cmyk(0,100,100,0)\"/></layout>\n";
  }
  const run_result r =
      run(cli() + " render " + quote(source_path(report)) + " -o out.pdf --layout cmyk.xml --pdfa",
          dir);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "CMYK colours, which PDF/A-2b with its sRGB output intent cannot hold"));
  CHECK_FALSE(fs::exists(dir / "out.pdf"));
  // Without --pdfa the CMYK layout renders.
  CHECK(run(cli() + " render " + quote(source_path(report)) + " -o out.pdf --layout cmyk.xml", dir)
            .status == 0);
}

TEST_CASE(
    "pdfa: a seal's page blends in a DeviceRGB transparency group; images have no "
    "Alternates, OPI or Interpolate (6.2.8, 6.2.10)",
    "[pdfa]") {
  const pdf_file f = render("transparency", sealed);
  size_t sealed_pages = 0, pages = 0;
  for (const auto& [ref, d] : all_dicts(f)) {
    if (d.value("/Subtype", "") == "/Image") {
      CHECK_FALSE(d.contains("/Alternates"));
      CHECK_FALSE(d.contains("/OPI"));
      CHECK((!d.contains("/Interpolate") || d.at("/Interpolate") == false));
    }
    if (d.value("/Type", "") == "/ExtGState")
      for (const char* key : {"/TR", "/TR2", "/HTP", "/HTO"}) CHECK_FALSE(d.contains(key));
    if (d.value("/Type", "") != "/Page") continue;
    ++pages;
    bool has_smask = false;
    const json res = d.at("/Resources");
    if (res.contains("/XObject"))
      for (const auto& [name, x] : res.at("/XObject").items())
        has_smask = has_smask || dict(f, x.get<std::string>()).contains("/SMask");
    if (!has_smask) {
      CHECK_FALSE(d.contains("/Group"));
      continue;
    }
    ++sealed_pages;
    REQUIRE(d.contains("/Group"));
    const json g = dict(f, d.at("/Group").get<std::string>());
    CHECK(g.at("/S") == "/Transparency");
    CHECK(g.at("/CS") == "/DeviceRGB");
  }
  CHECK(sealed_pages == 1);
  CHECK(pages > sealed_pages);
}

TEST_CASE(
    "pdfa: every font is embedded with ToUnicode, and its /W and /DW are the widths of "
    "its program (6.2.11.4, 6.2.11.5)",
    "[pdfa]") {
  const pdf_file f = render("fonts", report);
  FT_Library ft = nullptr;
  REQUIRE(FT_Init_FreeType(&ft) == 0);
  size_t fonts = 0, cff = 0, truetype = 0, checked = 0;
  for (const auto& [ref, d] : all_dicts(f)) {
    if (d.value("/Type", "") != "/Font" || d.value("/Subtype", "") != "/Type0") continue;
    ++fonts;
    INFO("font " << d.value("/BaseFont", ""));
    CHECK(d.at("/Encoding") == "/Identity-H");
    REQUIRE(d.contains("/ToUnicode"));
    CHECK(contains(stream_data(f, d.at("/ToUnicode").get<std::string>()), "beginbfchar"));
    const json cid = dict(f, d.at("/DescendantFonts").at(0).get<std::string>());
    const json desc = dict(f, cid.at("/FontDescriptor").get<std::string>());
    const bool is_cff = cid.at("/Subtype") == "/CIDFontType0";
    std::string program;
    if (is_cff) {
      ++cff;
      REQUIRE(desc.contains("/FontFile3"));
      CHECK(dict(f, desc.at("/FontFile3").get<std::string>()).at("/Subtype") == "/CIDFontType0C");
      program = stream_data(f, desc.at("/FontFile3").get<std::string>());
    } else {
      ++truetype;
      CHECK(cid.at("/Subtype") == "/CIDFontType2");
      CHECK(cid.at("/CIDToGIDMap") == "/Identity");  // 6.2.11.3.2
      REQUIRE(desc.contains("/FontFile2"));
      program = stream_data(f, desc.at("/FontFile2").get<std::string>());
    }
    FT_Face face = nullptr;
    REQUIRE(FT_New_Memory_Face(ft, reinterpret_cast<const FT_Byte*>(program.data()),
                               static_cast<FT_Long>(program.size()), 0, &face) == 0);
    const widths w = cid_widths(cid);
    // TrueType: code = CID = glyph index (Identity). A bare CID-keyed CFF:
    // FreeType takes the CID as the glyph index, and a CID the font lacks
    // does not load.
    for (FT_UInt code = 0; code < static_cast<FT_UInt>(face->num_glyphs); ++code) {
      INFO("code " << code << " of " << face->num_glyphs);
      const FT_Error error = FT_Load_Glyph(face, code, FT_LOAD_NO_SCALE);
      if (is_cff && error) continue;
      REQUIRE(error == 0);
      const double advance =
          static_cast<double>(face->glyph->metrics.horiAdvance) * 1000.0 / face->units_per_EM;
      CHECK(std::abs(w.at(code) - advance) <= 1.0);
      ++checked;
    }
    FT_Done_Face(face);
  }
  FT_Done_FreeType(ft);
  CHECK(fonts >= 4);
  CHECK(cff >= 3);
  CHECK(truetype >= 1);
  CHECK(checked > 100);
}

TEST_CASE(
    "pdfa: the catalog holds no actions, forms, optional content, embedded files or "
    "encryption (6.1.3, 6.5, 6.8, 6.9, 6.11)",
    "[pdfa]") {
  const pdf_file f = render("catalog", sealed);
  const std::set<std::string> allowed = {"/Type",     "/Pages",      "/Outlines",      "/PageMode",
                                         "/Metadata", "/PageLabels", "/OutputIntents", "/Lang"};
  const json cat = catalog(f);
  for (const auto& [key, value] : cat.items()) {
    INFO(key);
    CHECK(allowed.count(key) == 1);
  }
  for (const auto& [ref, d] : all_dicts(f)) {
    for (const char* key : {"/JS", "/JavaScript", "/AA", "/OpenAction", "/EmbeddedFiles", "/AF"})
      CHECK_FALSE(d.contains(key));
    CHECK(d.value("/Subtype", "") != "/Annot");
  }
}

TEST_CASE("pdfa: the metadata is unfiltered, well-formed XMP naming PDF/A-2b (6.6.2.1, 6.6.4)",
          "[pdfa]") {
  require_tool("xmllint");
  const pdf_file f = render("xmp", report);
  const std::string ref = catalog(f).at("/Metadata").get<std::string>();
  const json d = dict(f, ref);
  CHECK(d.at("/Type") == "/Metadata");
  CHECK(d.at("/Subtype") == "/XML");
  CHECK_FALSE(d.contains("/Filter"));
  const std::string packet = stream_data(f, ref);
  CHECK(packet.rfind("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", 0) == 0);
  CHECK(contains(packet, "<?xpacket end=\"r\"?>"));
  // Readable without decoding the stream: the packet's bytes are in the file as they are.
  CHECK(contains(f.bytes, "<pdfaid:part>2</pdfaid:part>"));
  CHECK(xmp_property(packet, "pdfaid:part") == "2");
  CHECK(xmp_property(packet, "pdfaid:conformance") == "B");
  {
    std::ofstream out(f.dir / "packet.xml", std::ios::binary);
    out << packet;
  }
  const run_result lint = run("xmllint --noout packet.xml", f.dir);
  INFO(lint.err);
  CHECK(lint.status == 0);
}

TEST_CASE(
    "pdfa: Info and XMP say the same: title, organ, 发文字号, tool, creation date "
    "(6.6.2.3.1)",
    "[pdfa]") {
  const pdf_file f = render("agree", report, "--date 2024-05-31T09:30:00");
  const std::string packet = xmp(f);
  CHECK(info_entry(f, "Title") == "2023年度述职报告");
  CHECK(xmp_property(packet, "dc:title") == "2023年度述职报告");
  CHECK(info_entry(f, "Author") == "中共某某区委员会");
  CHECK(xmp_property(packet, "dc:creator") == "中共某某区委员会");
  CHECK(info_entry(f, "Subject") == "某区委〔2024〕1号");
  CHECK(xmp_property(packet, "dc:description") == "某区委〔2024〕1号");
  const std::string tool = info_entry(f, "Producer");
  CHECK(tool.rfind("hongtou ", 0) == 0);
  CHECK(info_entry(f, "Creator") == tool);
  CHECK(xmp_property(packet, "xmp:CreatorTool") == tool);
  CHECK(xmp_property(packet, "pdf:Producer") == tool);
  CHECK(info_entry(f, "CreationDate") == "2024-05-31T09:30:00Z");
  CHECK(xmp_property(packet, "xmp:CreateDate") == "2024-05-31T09:30:00Z");
  CHECK(info_entry(f, "ModDate").empty());
  CHECK_FALSE(contains(packet, "xmp:ModifyDate"));
  // The 成文日期 of the signature (2024年1月15日) as the document's date.
  CHECK(xmp_property(packet, "dc:date") == "2024-01-15");
}

TEST_CASE(
    "pdfa: without --date neither Info nor XMP has a date of the render, and two runs are "
    "byte-identical",
    "[pdfa]") {
  const pdf_file a = render("no-date", sealed);
  CHECK(info_entry(a, "CreationDate").empty());
  CHECK_FALSE(contains(xmp(a), "xmp:CreateDate"));
  const pdf_file b = render("no-date-again", sealed);
  CHECK(a.bytes == b.bytes);
  // --pdfa is a different file of the same content: a different /ID.
  const fs::path dir = fresh_dir("pdfa", "plain");
  REQUIRE(run(cli() + " render " + quote(source_path(sealed)) + " -o plain.pdf", dir).status == 0);
  const pdf_file plain = load(dir, "plain.pdf");
  CHECK(plain.trailer.at("/ID") != a.trailer.at("/ID"));
  CHECK_FALSE(catalog(plain).contains("/Metadata"));
  CHECK_FALSE(catalog(plain).contains("/OutputIntents"));
}

TEST_CASE(
    "pdfa: a joint document's organs are its author; XML's special characters are escaped "
    "in the XMP",
    "[pdfa]") {
  require_tool("xmllint");
  const pdf_file joint = render("joint", "samples/notice-joint-sealed.xml");
  const std::string organs = info_entry(joint, "Author");
  CHECK(contains(organs, "、"));
  CHECK(xmp_property(xmp(joint), "dc:creator") == organs);

  // A title and a 发文字号 with &, < and > in them.
  const fs::path dir = fresh_dir("pdfa", "escaped-src");
  std::string xml = read_source(report);
  const std::string title = "<title>2023年度述职报告</title>";
  REQUIRE(contains(xml, title));
  xml.replace(xml.find(title), title.size(), "<title>关于A&amp;B&lt;试行&gt;的报告</title>");
  {
    std::ofstream out(dir / "escaped.xml", std::ios::binary);
    out << xml;
  }
  const run_result r = run(cli() + " render escaped.xml -o out.pdf --pdfa", dir);
  INFO(r.err);
  REQUIRE(r.status == 0);
  const pdf_file f = load(dir, "out.pdf");
  const std::string packet = xmp(f);
  CHECK(contains(packet, "关于A&amp;B&lt;试行&gt;的报告"));
  CHECK(unescaped(xmp_property(packet, "dc:title")) == "关于A&B<试行>的报告");
  CHECK(info_entry(f, "Title") == "关于A&B<试行>的报告");
  {
    std::ofstream out(dir / "packet.xml", std::ios::binary);
    out << packet;
  }
  CHECK(run("xmllint --noout packet.xml", dir).status == 0);
}

TEST_CASE("pdfa: --pdfa with a trace output is a mistake of the command line", "[pdfa]") {
  const fs::path dir = fresh_dir("pdfa", "trace");
  const run_result r =
      run(cli() + " render " + quote(source_path(report)) + " -o out.trace --pdfa", dir);
  CHECK(r.status == 64);
  CHECK(contains(r.err, "--pdfa makes a PDF, but the output out.trace is a trace"));
  CHECK_FALSE(fs::exists(dir / "out.trace"));
}

TEST_CASE("pdfa: merge --pdfa writes every record's PDF as PDF/A", "[pdfa]") {
  require_tool("pdfinfo");
  const fs::path dir = fresh_dir("pdfa", "merge");
  const run_result r =
      run(cli() + " merge " + quote(source_path("samples/merge/renmian.xml")) + " " +
              quote(source_path("samples/merge/records.jsonl")) + " -o out --pdfa -j 2",
          dir);
  INFO(r.err);
  REQUIRE(r.status == 0);
  size_t pdfs = 0;
  for (const auto& e : fs::directory_iterator(dir / "out")) {
    ++pdfs;
    const std::string meta = run("pdfinfo -meta " + quote(e.path().string()), dir).out;
    CHECK(contains(meta, "<pdfaid:part>2</pdfaid:part>"));
  }
  CHECK(pdfs == 20);
}
