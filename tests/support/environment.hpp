// SPDX-License-Identifier: Apache-2.0
#pragma once
// A layout, a fonts.xml and the faces of the layout's roles, loaded the way
// the engine loads them; for tests, the fuzz target and the benchmarks,
// which drive the stages one by one.
#include <memory>
#include <string>
#include <vector>

#include "fonts/face_cache.hpp"
#include "fonts/font_set.hpp"
#include "fonts/provider.hpp"
#include "model/font_config.hpp"
#include "model/layout_spec.hpp"

namespace hongtou::test {

struct font_environment {
  model::layout_spec spec;
  fonts::font_config config;
  std::vector<std::unique_ptr<fonts::provider>> providers;
  fonts::face_cache cache;
  std::unique_ptr<fonts::font_set> fonts;
  diagnostics diags;

  /// Loads `layout_file` and `fonts_file`; faces come from `font_dir` (when
  /// not empty), then from the system's fonts when `system_fonts` is set.
  font_environment(const std::string& layout_file, const std::string& fonts_file,
                   const std::string& font_dir, bool system_fonts) {
    model::load_layout_file(layout_file, spec, diags);
    model::load_font_config(fonts_file, config, diags);
    if (!font_dir.empty()) providers.push_back(fonts::folder_provider(font_dir));
    if (system_fonts) providers.push_back(fonts::system_provider());
    fonts = resolve(cache, diags);
  }

  /// The layout's roles resolved again, into `into`.
  std::unique_ptr<fonts::font_set> resolve(fonts::face_cache& into, diagnostics& d) const {
    std::vector<const fonts::provider*> ps;
    for (const auto& p : providers) ps.push_back(p.get());
    return fonts::font_set::resolve(config, spec.font_roles(), spec.optional_font_roles(), ps, into,
                                    d);
  }
};

}  // namespace hongtou::test
