// SPDX-License-Identifier: Apache-2.0
// The engine gives its model to the layout and its frames to the PDF writer
// (compose(document&&), render_pdf(frames&&)), so that a long document does
// not hold them beside the PDF: the results are those of the copying calls,
// byte for byte, and the frames handed over keep no runs.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/document.hpp"
#include "render/pdf/pdf.hpp"
#include "render/trace/trace.hpp"
#include "support/source.hpp"
#include "unit/fixture.hpp"

using namespace hongtou;

TEST_CASE("handover: a model and frames given up give the same trace and PDF", "[handover]") {
  const test::font_environment& env = test::environment::get();
  REQUIRE(env.fonts);
  // The report has half-width punctuation the layout normalises: the model changes in place.
  const std::string xml = test::read_source("samples/report.xml");
  model::document doc;
  diagnostics parse_diags;
  REQUIRE(model::parse_document(xml, "report.xml", doc, parse_diags));

  frames kept, given;
  diagnostics kept_diags, given_diags;
  REQUIRE(layout::compose(doc, env.spec, *env.fonts, kept, kept_diags));
  model::document copy = doc;
  REQUIRE(layout::compose(std::move(copy), env.spec, *env.fonts, given, given_diags));
  CHECK(render::trace(given, env.cache) == render::trace(kept, env.cache));
  CHECK(given_diags.items().size() == kept_diags.items().size());

  std::vector<uint8_t> from_kept, from_given;
  diagnostics d1, d2;
  REQUIRE(render::render_pdf(kept, env.cache, {}, from_kept, d1) == render::pdf_status::ok);
  REQUIRE(render::render_pdf(std::move(given), env.cache, {}, from_given, d2) ==
          render::pdf_status::ok);
  CHECK(from_given == from_kept);
  size_t runs_left = 0, runs_kept = 0;
  for (const page& p : given.pages) runs_left += p.runs.size();  // NOLINT: inspected on purpose
  for (const page& p : kept.pages) runs_kept += p.runs.size();
  CHECK(runs_left == 0);
  CHECK(runs_kept > 0);
  CHECK(given.pages.size() == kept.pages.size());
}
