// SPDX-License-Identifier: Apache-2.0
// Benchmarks of the pipeline on the work report: each stage in process, and
// the whole render through the facade. Targets (10–20 ms per document) are
// checked here, never in unit tests.
#include <benchmark/benchmark.h>

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "api/hongtou.hpp"
#include "fonts/subset.hpp"
#include "fonts/trimmed.hpp"
#include "layout/page/compose.hpp"
#include "model/document.hpp"
#include "model/layout_spec.hpp"
#include "render/pdf/deflate.hpp"
#include "render/pdf/pdf.hpp"
#include "support/environment.hpp"
#include "support/source.hpp"

namespace {

std::string source(const std::string& rel) {
  std::ifstream in(std::string(HONGTOU_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The work report with the default fonts.xml and the system's fonts, as a
// user's render finds them.
struct setup {
  std::string xml = source("samples/report.xml");
  hongtou::test::font_environment fonts{std::string(HONGTOU_SOURCE_DIR) + "/layouts/gbt9704.xml",
                                        std::string(HONGTOU_SOURCE_DIR) + "/fonts/fonts.xml", "",
                                        /*system_fonts=*/true};
  const hongtou::model::layout_spec& spec = fonts.spec;
};

setup& env() {
  static setup s;
  return s;
}

std::string long_document(size_t pages);

// The document of a stage benchmark: arg 0 the report, 1 the 1,000-page
// document (long_document below).
const std::string& stage_document(int64_t which) {
  static const std::string thousand = long_document(1000);
  return which == 0 ? env().xml : thousand;
}

void label_document(benchmark::State& state) {
  state.SetLabel(state.range(0) == 0 ? "samples/report.xml" : "1,000-page document");
}

// The frames of a document, laid out with the report's layout and fonts.
hongtou::frames composed(const std::string& xml) {
  hongtou::model::document doc;
  hongtou::diagnostics d;
  hongtou::model::parse_document(xml, "report.xml", doc, d);
  hongtou::frames f;
  hongtou::layout::compose(doc, env().spec, *env().fonts.fonts, f, d);
  return f;
}

void parse_document(benchmark::State& state) {
  const std::string& xml = stage_document(state.range(0));
  label_document(state);
  for (auto _ : state) {
    hongtou::model::document doc;
    hongtou::diagnostics d;
    benchmark::DoNotOptimize(hongtou::model::parse_document(xml, "report.xml", doc, d));
  }
}
BENCHMARK(parse_document)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void load_fonts(benchmark::State& state) {
  for (auto _ : state) {
    hongtou::diagnostics d;
    hongtou::fonts::face_cache cache;
    auto set = env().fonts.resolve(cache, d);
    benchmark::DoNotOptimize(set.get());
  }
}
BENCHMARK(load_fonts)->Unit(benchmark::kMillisecond);

void compose(benchmark::State& state) {
  hongtou::model::document doc;
  hongtou::diagnostics d;
  hongtou::model::parse_document(stage_document(state.range(0)), "report.xml", doc, d);
  label_document(state);
  for (auto _ : state) {
    hongtou::frames f;
    benchmark::DoNotOptimize(hongtou::layout::compose(doc, env().spec, *env().fonts.fonts, f, d));
  }
}
BENCHMARK(compose)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Subsetting, serialisation and compression of the composed frames. Arg 0
// the document; arg 1: subset from faces preprocessed once (before the
// timed loop). The big faces from their trimmed copies, made in memory by
// the first render, before the timed loop.
void render_pdf(benchmark::State& state) {
  const hongtou::frames f = composed(stage_document(state.range(0)));
  label_document(state);
  hongtou::diagnostics d;
  hongtou::render::pdf_options o;
  o.preprocessed_subsetting = state.range(1) != 0;
  std::vector<uint8_t> warm;
  hongtou::render::render_pdf(f, env().fonts.cache, o, warm, d);
  for (auto _ : state) {
    std::vector<uint8_t> out;
    benchmark::DoNotOptimize(hongtou::render::render_pdf(f, env().fonts.cache, o, out, d));
  }
}
BENCHMARK(render_pdf)->ArgsProduct({{0, 1}, {0, 1}})->Unit(benchmark::kMillisecond);

// The whole document through the public facade, as a long-lived engine (batch,
// service) uses it; arg 1: fonts preprocessed for subsetting. The first render,
// which loads and prepares the fonts, happens before the timed loop.
void engine_render_memory(benchmark::State& state) {
  hongtou::engine_options o;
  o.preprocess_fonts = state.range(0) != 0;
  hongtou::engine eng(o);
  eng.render_memory(env().xml, "report.xml");
  for (auto _ : state) {
    auto r = eng.render_memory(env().xml, "report.xml");
    benchmark::DoNotOptimize(r.bytes.data());
  }
}
BENCHMARK(engine_render_memory)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// A new engine for each render, as a one-off embedding does: options,
// fontconfig, the fonts opened, the document rendered (trimmed copies from
// the user's cache folder, as the CLI).
void engine_cold_render(benchmark::State& state) {
  for (auto _ : state) {
    hongtou::engine eng{hongtou::engine_options{}};
    auto r = eng.render_memory(env().xml, "report.xml");
    benchmark::DoNotOptimize(r.bytes.data());
  }
}
BENCHMARK(engine_cold_render)->Unit(benchmark::kMillisecond);

// The report with its 发文字号 and first paragraph changed: distinct documents,
// as a service renders them (nothing of one render can be reused for the next).
std::string variant(size_t i) {
  std::string xml = env().xml;
  const std::string number = "某区委〔2024〕1号";
  xml.replace(xml.find(number), number.size(), "某区委〔2024〕" + std::to_string(i + 2) + "号");
  const std::string first = "<p>2023年，";
  xml.replace(xml.find(first), first.size(), "<p>第" + std::to_string(i + 1) + "次，2023年，");
  return xml;
}

// A warm engine, one more distinct document per iteration; arg 1: preprocess_fonts.
void engine_distinct_documents(benchmark::State& state) {
  hongtou::engine_options o;
  o.preprocess_fonts = state.range(0) != 0;
  hongtou::engine eng(o);
  eng.render_memory(env().xml, "report.xml");
  std::vector<std::string> docs;
  for (size_t i = 0; i < 64; ++i) docs.push_back(variant(i));
  size_t i = 0;
  for (auto _ : state) {
    auto r = eng.render_memory(docs[i++ % docs.size()], "report.xml");
    benchmark::DoNotOptimize(r.bytes.data());
  }
}
BENCHMARK(engine_distinct_documents)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The glyphs each face shows in the report's frames.
std::map<uint32_t, std::vector<uint32_t>> glyphs_by_face(const hongtou::frames& f) {
  std::map<uint32_t, std::vector<uint32_t>> out;
  for (const auto& pg : f.pages)
    for (const auto& run : pg.runs)
      for (const auto& g : run.glyphs) out[run.font.id].push_back(g.id);
  for (auto& [id, gs] : out) {
    std::sort(gs.begin(), gs.end());
    gs.erase(std::unique(gs.begin(), gs.end()), gs.end());
  }
  return out;
}

// Subsetting one face of the report to the glyphs it shows: arg 0 the
// face's rank among the faces used, arg 1 preprocessed (1) or not (0), arg 2
// as fonts::subset does it (1: from the trimmed copy, made before the timed
// loop, or by copying the charstrings of a CFF without subroutines) or by
// hb-subset from the whole face (0).
void subset_face(benchmark::State& state) {
  const hongtou::frames f = composed(env().xml);
  const auto used = glyphs_by_face(f);
  if (static_cast<size_t>(state.range(0)) >= used.size()) {
    state.SkipWithError("no such face");
    return;
  }
  const auto& [id, glyphs] = *std::next(used.begin(), state.range(0));
  const hongtou::fonts::face* face = env().fonts.cache.find(id);
  const bool pre = state.range(1) != 0;
  const bool trimmed = state.range(2) != 0;
  if (trimmed && !face->trimmed() && !face->cff_copy()) {
    state.SkipWithError("subset by hb-subset from the whole face only");
    return;
  }
  face->subset_source(pre);  // preprocessing is not what is timed
  if (trimmed && face->trimmed()) face->trimmed()->source(pre);
  state.SetLabel(std::filesystem::path(face->path()).filename().string() + ", " +
                 std::to_string(glyphs.size()) + " glyphs");
  for (auto _ : state) {
    hongtou::fonts::font_subset out;
    std::string error;
    benchmark::DoNotOptimize(
        trimmed ? hongtou::fonts::subset(*face, glyphs, pre, out, error)
                : hongtou::fonts::detail::subset_whole(*face, glyphs, pre, out, error));
  }
}
BENCHMARK(subset_face)
    ->ArgsProduct({{0, 1, 2, 3, 4}, {0, 1}, {0, 1}})
    ->Unit(benchmark::kMillisecond);

// Deflate of the report's font subsets, the bulk of the file: arg 0 as the
// PDF writer does it (libdeflate, level 1: effort::fast), arg 1 as libharu
// did (zlib, its default level 6), arg 2 libdeflate at level 6
// (effort::dense, what the writer used before for font programs).
void deflate_subsets(benchmark::State& state) {
  const hongtou::frames f = composed(env().xml);
  std::vector<uint8_t> payload;
  for (const auto& [id, glyphs] : glyphs_by_face(f)) {
    hongtou::fonts::font_subset out;
    std::string error;
    hongtou::fonts::subset(*env().fonts.cache.find(id), glyphs, false, out, error);
    payload.insert(payload.end(), out.bytes.begin(), out.bytes.end());
  }
  const bool zlib = state.range(0) == 1;
  const auto effort = state.range(0) == 2 ? hongtou::render::detail::effort::dense
                                          : hongtou::render::detail::effort::fast;
  state.SetLabel(zlib                  ? "zlib"
                 : state.range(0) == 2 ? "libdeflate, level 6"
                                       : "libdeflate, level 1");
  std::vector<uint8_t> packed(compressBound(payload.size()));
  size_t size = 0;
  for (auto _ : state) {
    if (zlib) {
      uLongf n = packed.size();
      compress2(packed.data(), &n, payload.data(), payload.size(), Z_DEFAULT_COMPRESSION);
      size = n;
    } else {
      size = hongtou::render::detail::deflate(payload.data(), payload.size(), effort).size();
    }
    benchmark::DoNotOptimize(size);
  }
  state.counters["ratio"] = static_cast<double>(size) / static_cast<double>(payload.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * payload.size()));
}
BENCHMARK(deflate_subsets)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// A long document of N pages (about) from the corpus texts, under the
// report's head: the whole render in a warm engine, with preprocess_fonts.
std::string long_document(size_t pages) {
  std::string paragraphs;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(HONGTOU_SOURCE_DIR) + "/tests/data/corpus"))
    paragraphs += hongtou::test::corpus_paragraphs(
        std::filesystem::relative(e.path(), HONGTOU_SOURCE_DIR).string(), 3);
  // About 520 characters of body text fill a page (22 rows of 28, less the
  // ends of paragraphs); UTF-8 Chinese is 3 bytes a character.
  std::string body;
  for (size_t at = 0; body.size() / 3 < pages * 520;) {
    const size_t end = paragraphs.find("</p>", at) + 4;
    body += paragraphs.substr(at, end - at);
    at = end < paragraphs.size() ? end : 0;
  }
  std::string xml = env().xml;
  const size_t from = xml.find("<body>") + 6, to = xml.find("</body>");
  return xml.replace(from, to - from, body);
}

void long_document_render(benchmark::State& state) {
  const std::string xml = long_document(static_cast<size_t>(state.range(0)));
  hongtou::engine_options o;
  o.preprocess_fonts = true;
  hongtou::engine eng(o);
  int pages = eng.render_memory(env().xml, "report.xml").pages;
  for (auto _ : state) {
    auto r = eng.render_memory(xml, "long.xml");
    pages = r.pages;
    benchmark::DoNotOptimize(r.bytes.data());
  }
  state.counters["pages"] = pages;
}
BENCHMARK(long_document_render)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
