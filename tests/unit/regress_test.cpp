// SPDX-License-Identifier: Apache-2.0
// Regression inputs found by the fuzzers (fuzz/README.md): every file of
// tests/regress goes through the parser or render its fuzz target drives, the
// way that target drives it, and must come back — with an error diagnostic or
// with success, never a crash, a hang or an internal error. One test case per
// file ("regress: <file>"); in a HONGTOU_SANITIZE build they check memory too.
// The kind of a file is its extension:
//   .document.xml  fuzz_document: model::parse_document (fields, templates/)
//   .layout.xml    fuzz_layout:   model::parse_layout (extends: layouts/, tests/layouts)
//   .fonts.xml     fuzz_fonts_xml: model::parse_font_config
//   .cff           fuzz_cff:      fonts::cff::parse, fonts::cff::to_cid_keyed
//   .render.xml    fuzz_render:   engine::render_memory, a layout after "\n====\n"
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "api/hongtou.hpp"
#include "fonts/cff.hpp"
#include "fonts/config.hpp"
#include "model/checks.hpp"
#include "model/document.hpp"
#include "model/font_config.hpp"
#include "model/layout_spec.hpp"
#include "support/engine_options.hpp"
#include "support/source.hpp"

namespace fs = std::filesystem;
using namespace hongtou;

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void show(const diagnostics& diags) {
  for (const auto& d : diags.items()) UNSCOPED_INFO(format(d));
}

// As fuzz/fuzz_document.cpp: field values, and the templates of templates/.
void run_document(const std::string& bytes) {
  static const model::field_values fields = {{"date", "2024年3月1日"},
                                             {"number", "3"},
                                             {"organ", "某某市人民政府"},
                                             {"signer.name", "张三"}};
  model::parse_options options;
  options.fields = &fields;
  options.find_template = [](const std::string& name, std::string& text, std::string& source,
                             std::string& looked) {
    looked = test::source_path("templates");
    if (name.empty() || name.find_first_of("/\\.") != std::string::npos) return false;
    source = test::source_path("templates/" + name + ".xml");
    if (!fs::is_regular_file(source)) return false;
    text = test::read_file(source);
    return true;
  };
  model::document doc;
  diagnostics diags;
  const bool ok = model::parse_document(bytes, "fuzz.xml", doc, diags, options);
  if (ok) model::check_document(doc, diags);
  show(diags);
  CHECK((ok || diags.has_errors()));
}

// As fuzz/fuzz_layout.cpp: parents from layouts/, then tests/layouts.
void run_layout(const std::string& bytes) {
  const model::layout_finder find = [](const std::string& name, std::string& text,
                                       std::string& source) {
    source = test::source_path("layouts") + ", " + test::source_path("tests/layouts");
    if (name.empty() || name.find_first_of("/\\.") != std::string::npos) return false;
    for (const char* dir : {"layouts/", "tests/layouts/"}) {
      const std::string path = test::source_path(dir + name + ".xml");
      if (!fs::is_regular_file(path)) continue;
      text = test::read_file(path);
      source = path;
      return true;
    }
    return false;
  };
  model::layout_spec spec;
  diagnostics diags;
  const bool ok = model::parse_layout(bytes, "fuzz.xml", spec, diags, find);
  if (ok) {
    fonts::font_config config;
    diagnostics d;
    REQUIRE(model::load_font_config(test::source_path("fonts/fonts.xml"), config, d));
    model::check_font_names(spec, config, diags);
  }
  show(diags);
  CHECK((ok || diags.has_errors()));
}

void run_fonts_xml(const std::string& bytes) {
  fonts::font_config config;
  diagnostics diags;
  const bool ok = model::parse_font_config(bytes, "fonts.xml", config, diags);
  show(diags);
  CHECK((ok || diags.has_errors()));
}

void run_cff(const std::string& text) {
  const std::vector<uint8_t> bytes(text.begin(), text.end());
  fonts::cff::cff_info info;
  std::string error;
  const bool parsed = fonts::cff::parse(bytes.data(), bytes.size(), info, error);
  INFO("parse: " << (parsed ? "ok" : error));
  CHECK((parsed || !error.empty()));
  std::vector<uint8_t> cid;
  error.clear();
  const bool converted = fonts::cff::to_cid_keyed(bytes.data(), bytes.size(), cid, error);
  INFO("to_cid_keyed: " << (converted ? "ok" : error));
  CHECK((converted || !error.empty()));
  if (converted) {
    fonts::cff::cff_info out;
    CHECK(fonts::cff::parse(cid.data(), cid.size(), out, error));
    CHECK(out.cid_keyed);
  }
}

// As fuzz/fuzz_render.cpp: the test fonts, seal images from samples/, and
// the part after the first "\n====\n" as the layout file.
void run_render(const std::string& bytes) {
  static engine eng(test::test_engine_options());
  constexpr std::string_view separator = "\n====\n";
  const size_t cut = bytes.find(separator);
  render_options options;
  options.image_folder = test::source_path("samples");
  fs::path layout_file;
  if (cut != std::string::npos) {
    const fs::path dir = fs::path(HONGTOU_TEST_TMP) / ("regress-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    static unsigned serial = 0;  // a new name each time: the engine caches layouts by name
    layout_file = dir / ("fuzz" + std::to_string(++serial) + ".xml");
    std::ofstream(layout_file, std::ios::binary) << bytes.substr(cut + separator.size());
    options.layout_file = layout_file.string();
  }
  const render_result r =
      eng.render_memory(std::string_view(bytes).substr(0, cut), "fuzz.xml", options);
  if (!layout_file.empty()) {
    std::error_code ec;
    fs::remove_all(layout_file.parent_path(), ec);
  }
  for (const auto& d : r.diagnostics) UNSCOPED_INFO(format(d));
  CHECK(r.status != status::internal_error);
  const bool error = std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                 [](const diagnostic& d) { return d.level == severity::error; });
  CHECK((r.ok() || error));
  if (r.ok()) CHECK(std::string(r.bytes.begin(), r.bytes.end()).rfind("%PDF-", 0) == 0);
}

using runner = void (*)(const std::string&);

struct kind {
  std::string_view extension;
  runner run;
};

const kind kinds[] = {{".document.xml", run_document},
                      {".layout.xml", run_layout},
                      {".fonts.xml", run_fonts_xml},
                      {".cff", run_cff},
                      {".render.xml", run_render}};

runner runner_of(const std::string& name) {
  for (const kind& k : kinds)
    if (ends_with(name, k.extension)) return k.run;
  return nullptr;
}

const fs::path regress_dir = fs::path(HONGTOU_SOURCE_DIR) / "tests" / "regress";

// The regression inputs: every file of tests/regress but its README.md,
// sorted; a file of no known kind fails the test below rather than being
// left out.
std::vector<std::string> regress_files() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(regress_dir, ec))
    if (entry.is_regular_file() && entry.path().filename() != "README.md")
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// One test case per file, registered before main as TEST_CASE registers
// its own, so that each file is a test of its own name (in ctest too).
struct file_test : Catch::ITestInvoker {
  explicit file_test(std::string file) : name(std::move(file)) {}
  void invoke() const override {
    const runner run = runner_of(name);
    REQUIRE(run);
    const std::string bytes = test::read_file((regress_dir / name).string());
    REQUIRE_FALSE(bytes.empty());
    run(bytes);
  }
  std::string name;
};

const bool registered = [] {
  for (const std::string& name : regress_files()) {
    const std::string test_name = "regress: " + name;
    // Catch keeps the invoker and copies the name.
    Catch::AutoReg(new file_test(name), CATCH_INTERNAL_LINEINFO, Catch::StringRef(),
                   Catch::NameAndTags{test_name, "[regress]"});
  }
  return true;
}();

}  // namespace

TEST_CASE("regress: every file of tests/regress has a known kind", "[regress]") {
  REQUIRE(registered);
  // A missing or emptied folder must not pass as "no regressions".
  INFO("no regression inputs in " << regress_dir.string());
  REQUIRE_FALSE(regress_files().empty());
  for (const std::string& name : regress_files()) {
    INFO(name << ": expected one of .document.xml .layout.xml .fonts.xml .cff .render.xml");
    CHECK(runner_of(name) != nullptr);
  }
}
