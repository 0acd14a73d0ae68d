// SPDX-License-Identifier: Apache-2.0
#pragma once
// Colours as the layout data gives them and the backends paint them.

namespace hongtou {

/// The colour space a colour is painted in.
enum class color_space {
  device_rgb,   // screens and office printers
  device_cmyk,  // offset print: GB/T 9704-2012 6.2 asks for red ink of at least Y80% M80%
};

/// A colour in a PDF device colour space: DeviceRGB (r, g, b) or DeviceCMYK
/// (c, m, y, k); each channel 0..1. `rgb{r, g, b}` makes a DeviceRGB colour.
struct device_color {
  double r = 0, g = 0, b = 0;  // DeviceRGB
  color_space space = color_space::device_rgb;
  double c = 0, m = 0, y = 0, k = 0;  // DeviceCMYK

  /// A DeviceCMYK colour.
  static device_color cmyk(double cyan, double magenta, double yellow, double black) {
    device_color o;
    o.space = color_space::device_cmyk;
    o.c = cyan;
    o.m = magenta;
    o.y = yellow;
    o.k = black;
    return o;
  }
  bool is_cmyk() const { return space == color_space::device_cmyk; }
  /// The same space and the same channels of that space.
  bool operator==(const device_color& o) const {
    if (space != o.space) return false;
    return is_cmyk() ? c == o.c && m == o.m && y == o.y && k == o.k
                     : r == o.r && g == o.g && b == o.b;
  }
  bool operator!=(const device_color& o) const { return !(*this == o); }
};

/// The name of the type when it held DeviceRGB only: `rgb{1, 0, 0}` is red.
using rgb = device_color;

}  // namespace hongtou
