#pragma once
// Page composition per GB/T 9704-2012: header, title, body flow on the
// grid, signature, page numbers (spec §4, §5, §8).
#include <string>
#include <vector>

#include "frames/frames.hpp"
#include "model/document.hpp"
#include "model/layout_spec.hpp"

namespace hongtou::layout {

/// Font roles the layout uses, in a stable order.
std::vector<std::string> required_roles(const model::layout_spec& spec);

/// Roles used when fonts.xml defines them: "fallback", the face for
/// characters a role's own face lacks (spec §10.2).
std::vector<std::string> optional_roles();

/// Lays out the document into frames. Problems of the document (missing
/// glyphs, text too wide) are added to diags; returns false on errors.
bool compose(const model::document& doc, const model::layout_spec& spec,
             const fonts::font_set& fonts, frames& out, diagnostics& diags);

}  // namespace hongtou::layout
