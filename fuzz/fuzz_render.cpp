// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the whole render, XML to PDF bytes, through the public
// API (hongtou::engine::render_memory) with the committed test fonts. The
// input is a document, optionally followed by "\n====\n" and a layout: then
// the layout is written to a file of this process's own temporary folder and
// rendered with (render_options::layout_file), so the layout parser and what
// the layout code does with odd values are fuzzed too. Bad input must give
// an error diagnostic, never a crash, a hang, or an internal error.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include <hongtou/hongtou.hpp>

namespace fs = std::filesystem;

namespace {

constexpr std::string_view separator = "\n====\n";
// libFuzzer's -max_len bounds the inputs; this only keeps a misused run sane.
constexpr size_t max_input = 1u << 20;
// The engine keeps every layout file it has read; a fresh engine after this
// many keeps the memory bounded (and the fonts are read again, rarely).
constexpr unsigned layouts_per_engine = 64;

std::string source_path(const std::string& rel) {
  return (fs::path(HONGTOU_SOURCE_DIR) / rel).string();
}

hongtou::engine_options engine_options() {
  hongtou::engine_options o;
  o.data_dir = HONGTOU_SOURCE_DIR;
  o.fonts_file = source_path("tests/fonts/fonts.xml");
  o.font_dirs = {source_path("tests/fonts")};
  o.system_fonts = false;  // the same faces on every machine
  return o;
}

// This process's folder for layout files; removed when the fuzzer exits.
const fs::path& work_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("hongtou-fuzz-render-" + std::to_string(getpid()));
    fs::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(work_dir(), ec);
    });
    return d;
  }();
  return dir;
}

struct state {
  std::unique_ptr<hongtou::engine> eng = std::make_unique<hongtou::engine>(engine_options());
  unsigned layouts = 0;  // layout files the current engine has read
  unsigned long serial = 0;
};

state& st() {
  static state s;
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > max_input) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t cut = input.find(separator);
  const std::string_view xml = input.substr(0, cut);

  hongtou::render_options options;
  // Seal images (<seal src="seals/…">) and templates come from samples/;
  // nothing outside it may be read.
  options.image_folder = source_path("samples");
  fs::path layout_file;
  if (cut != std::string_view::npos) {
    if (st().layouts == layouts_per_engine) {
      st().eng = std::make_unique<hongtou::engine>(engine_options());
      st().layouts = 0;
    }
    ++st().layouts;
    // A new name each time: the engine caches layouts by file name, and
    // every input must have its own layout parsed.
    layout_file = work_dir() / ("fuzz" + std::to_string(++st().serial) + ".xml");
    const std::string_view layout = input.substr(cut + separator.size());
    std::ofstream(layout_file, std::ios::binary)
        .write(layout.data(), static_cast<std::streamsize>(layout.size()));
    options.layout_file = layout_file.string();
  }

  const hongtou::render_result r = st().eng->render_memory(xml, "fuzz.xml", options);
  if (!layout_file.empty()) {
    std::error_code ec;
    fs::remove(layout_file, ec);
  }

  // HONGTOU_FUZZ_VERBOSE=1 shows what a seed or an artifact renders to.
  static const bool verbose = std::getenv("HONGTOU_FUZZ_VERBOSE") != nullptr;
  // An internal error is an exception the engine caught: a bug.
  if (verbose || r.status == hongtou::status::internal_error) {
    std::fprintf(stderr, "status %d, %d pages, %zu bytes\n", static_cast<int>(r.status), r.pages,
                 r.bytes.size());
    for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", hongtou::format(d).c_str());
  }
  if (r.status == hongtou::status::internal_error) std::abort();
  if (r.ok()) {
    if (r.bytes.size() < 5 ||
        std::string_view(reinterpret_cast<const char*>(r.bytes.data()), 5) != "%PDF-")
      std::abort();
  } else {
    bool error = false;
    for (const auto& d : r.diagnostics) error = error || d.level == hongtou::severity::error;
    if (!error) std::abort();  // a failed render always says why
  }
  return 0;
}
