// SPDX-License-Identifier: Apache-2.0
// Benchmarks of the pipeline on the work report: each stage in process, and
// the whole render through the facade. Targets (10–20 ms per document) are
// checked here, never in unit tests.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "api/hongtou.hpp"
#include "layout/page/compose.hpp"
#include "model/document.hpp"
#include "model/layout_spec.hpp"
#include "render/pdf/pdf.hpp"
#include "support/environment.hpp"

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

void parse_document(benchmark::State& state) {
  for (auto _ : state) {
    hongtou::model::document doc;
    hongtou::diagnostics d;
    benchmark::DoNotOptimize(hongtou::model::parse_document(env().xml, "report.xml", doc, d));
  }
}
BENCHMARK(parse_document)->Unit(benchmark::kMillisecond);

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
  hongtou::model::parse_document(env().xml, "report.xml", doc, d);
  for (auto _ : state) {
    hongtou::frames f;
    benchmark::DoNotOptimize(hongtou::layout::compose(doc, env().spec, *env().fonts.fonts, f, d));
  }
}
BENCHMARK(compose)->Unit(benchmark::kMillisecond);

// Arg 1: subset from faces preprocessed once (before the timed loop).
void render_pdf(benchmark::State& state) {
  hongtou::model::document doc;
  hongtou::diagnostics d;
  hongtou::model::parse_document(env().xml, "report.xml", doc, d);
  hongtou::frames f;
  hongtou::layout::compose(doc, env().spec, *env().fonts.fonts, f, d);
  hongtou::render::pdf_options o;
  o.preprocessed_subsetting = state.range(0) != 0;
  std::vector<uint8_t> warm;
  hongtou::render::render_pdf(f, env().fonts.cache, o, warm, d);
  for (auto _ : state) {
    std::vector<uint8_t> out;
    benchmark::DoNotOptimize(hongtou::render::render_pdf(f, env().fonts.cache, o, out, d));
  }
}
BENCHMARK(render_pdf)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

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

}  // namespace

BENCHMARK_MAIN();
