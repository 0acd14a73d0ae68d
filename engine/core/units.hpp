// SPDX-License-Identifier: Apache-2.0
#pragma once
// Length units. Everything downstream of the layout spec is in PDF points
// (1/72 in); millimetres appear only at the edges (data files, tests, trace).

namespace hongtou {

/// Points per millimetre (72 / 25.4).
constexpr double pt_per_mm = 72.0 / 25.4;

/// Millimetres to points.
constexpr double mm_to_pt(double mm) {
  return mm * pt_per_mm;
}

/// Points to millimetres.
constexpr double pt_to_mm(double pt) {
  return pt / pt_per_mm;
}

}  // namespace hongtou
