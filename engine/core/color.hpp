#pragma once
// Colours as the layout data gives them and the backends paint them.

namespace hongtou {

/// A DeviceRGB colour, each channel 0..1.
struct rgb {
  double r = 0, g = 0, b = 0;
  bool operator==(const rgb& o) const { return r == o.r && g == o.g && b == o.b; }
  bool operator!=(const rgb& o) const { return !(*this == o); }
};

}  // namespace hongtou
