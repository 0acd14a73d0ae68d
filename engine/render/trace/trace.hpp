// SPDX-License-Identifier: Apache-2.0
#pragma once
// The trace backend: frames as stable text, for golden tests and for
// reading a layout with a ruler in millimetres.
#include <string>

#include "fonts/face_cache.hpp"
#include "frames/frames.hpp"

namespace hongtou::render {

/// Renders frames as text: one line per rule, rectangle, image and run,
/// positions in mm from the page's top-left corner, rounded to 0.01 mm;
/// runs name their face (a face of `faces`) by its PostScript name.
std::string trace(const frames& f, const fonts::face_cache& faces);

}  // namespace hongtou::render
