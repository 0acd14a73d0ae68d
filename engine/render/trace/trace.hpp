#pragma once
// The trace backend: frames as stable text, for golden tests and for
// reading a layout with a ruler in millimetres.
#include <string>

#include "frames/frames.hpp"

namespace hongtou::render {

/// Renders frames as text: one line per run and rule, positions in mm
/// from the page's top-left corner, rounded to 0.01 mm.
std::string trace(const frames& f);

}  // namespace hongtou::render
