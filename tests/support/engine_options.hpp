// SPDX-License-Identifier: Apache-2.0
#pragma once
// An engine for tests: the source tree's data and the committed test fonts
// only, never the system's.
#include <string>

#include "api/hongtou.hpp"

namespace hongtou::test {

/// Options of an engine that reads layouts/ from the source tree and faces
/// from tests/fonts alone.
inline engine_options test_engine_options() {
  engine_options o;
  o.data_dir = HONGTOU_SOURCE_DIR;
  o.fonts_file = std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts/fonts.xml";
  o.font_dirs = {std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts"};
  o.system_fonts = false;
  return o;
}

}  // namespace hongtou::test
