// SPDX-License-Identifier: Apache-2.0
#pragma once
// Page composition per GB/T 9704-2012 clause 7: flow (document -> blocks),
// paginate (blocks -> pages), emit (placed blocks -> frames).
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "fonts/font_set.hpp"
#include "frames/frames.hpp"
#include "model/document.hpp"
#include "model/layout_spec.hpp"

namespace hongtou::layout {

/// The decoded seal images of a document by their src (pixels only: the
/// layout places them).
using seal_images = std::map<std::string, image>;

/// What one layout may take (hongtou::limits); 0 = no limit.
struct compose_limits {
  uint64_t pages = 0;
  uint64_t memory_bytes = 0;  // as layout_bytes counts it
};

/// Lays out the document into frames. `fonts` must hold the layout's roles
/// (layout_spec::font_roles(), and its fallback role when found); `seals`
/// every image the document's seals name. Problems of
/// the document (missing glyphs, page 1 without body) are added to diags;
/// returns false on errors. Past a limit nothing is emitted: the error
/// names the limit and the block where the document crosses it.
bool compose(const model::document& doc, const model::layout_spec& spec,
             const fonts::font_set& fonts, frames& out, diagnostics& diags,
             const seal_images& seals = {}, bool strict_fonts = false,
             const compose_limits& limits = {});

/// The same for a document the caller gives up: normalised in place, not
/// copied (a long document's model is megabytes).
bool compose(model::document&& doc, const model::layout_spec& spec, const fonts::font_set& fonts,
             frames& out, diagnostics& diags, const seal_images& seals = {},
             bool strict_fonts = false, const compose_limits& limits = {});

/// The document with its text normalised as the layout's <normalising>
/// asks (normalise.cpp): full-width punctuation and quotes in Chinese text,
/// 〔〕 in the 发文字号; each change a warning in diags.
/// Empty when nothing needs a change (no copy made).
std::optional<model::document> normalise(const model::document& doc, const model::layout_spec& spec,
                                         diagnostics& diags);

/// normalise() on the document itself; false when nothing needed a change.
bool normalise_in_place(model::document& doc, const model::layout_spec& spec, diagnostics& diags);

}  // namespace hongtou::layout
