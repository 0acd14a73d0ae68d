// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sealed documents in layout tests: the synthetic sample seal of
// samples/seals, decoded once, and composing a document whose seals all
// name it as "seal.png".
#include <string>
#include <vector>

#include "image/png.hpp"
#include "unit/fixture.hpp"

namespace hongtou::test {

/// samples/seals/sample-seal.png as the page stage receives it.
inline image read_sample(const char* path) {
  raster::decoded_image d;
  std::string error;
  REQUIRE(raster::read_png_file(source_path(path), {}, d, error));
  image out;
  out.pixel_width = d.width;
  out.pixel_height = d.height;
  out.rgb = d.rgb;
  out.alpha = d.alpha;
  return out;
}

/// The synthetic sample seal, 472 × 472 px.
inline const image& sample_seal() {
  static const image im = read_sample("samples/seals/sample-seal.png");
  return im;
}

/// The synthetic sample signature seal (签名章), 283 × 142 px.
inline const image& sample_signature() {
  static const image im = read_sample("samples/seals/sample-signature.png");
  return im;
}

/// Lays out a document whose <seal src="seal.png"> is the sample seal and
/// <seal src="signature.png"> the sample signature seal, REQUIREing success;
/// the diagnostics are shown when it fails.
inline frames compose_sealed_xml(const std::string& xml) {
  const auto& env = environment::get();
  model::document doc;
  diagnostics diags;
  REQUIRE(model::parse_document(xml, "sealed.xml", doc, diags));
  frames f;
  const bool ok =
      layout::compose(doc, env.spec, *env.fonts, f, diags,
                      {{"seal.png", sample_seal()}, {"signature.png", sample_signature()}});
  for (const auto& d : diags.items()) INFO(format(d));
  REQUIRE(ok);
  return merge_lines(std::move(f));
}

/// The signature on a document's last page (points into the frames, which
/// must outlive it): its 署名 or signers' offices, the date, the last body
/// line above them and the seals.
struct signature_page {
  std::vector<const glyph_run*> names;
  const glyph_run* date = nullptr;
  const glyph_run* last_body = nullptr;
  std::vector<image> seals;
};

inline signature_page signature_of(const frames& f) {
  const page& pg = f.pages.back();
  signature_page out;
  out.names = runs_of(pg, element::signature);
  const auto dates = runs_of(pg, element::date);
  const auto bodies = runs_of(pg, element::body);
  REQUIRE(dates.size() == 1);
  REQUIRE_FALSE(bodies.empty());
  out.date = dates.front();
  out.last_body = bodies.back();
  out.seals = pg.images;
  return out;
}

}  // namespace hongtou::test
