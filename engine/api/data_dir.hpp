// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where an engine finds its data (layouts/, fonts/fonts.xml, templates/) when
// engine_options::data_dir does not say, and keeps its trimmed faces when
// engine_options::font_cache_dir does not.
#include <string>

namespace hongtou::detail {

/// The data folder: share/hongtou beside the installed library (or the
/// program it is linked into), else HONGTOU_DATA_DIR from the environment,
/// else the source tree for the build tree's own binaries, else the
/// configured install prefix's. The first that holds layouts/.
std::string default_data_dir();

/// The user's cache folder for trimmed faces (XDG Base Directory
/// Specification): $XDG_CACHE_HOME/hongtou/fonts, else
/// $HOME/.cache/hongtou/fonts; "" (copies in memory) when neither is an
/// absolute path.
std::string default_font_cache_dir();

}  // namespace hongtou::detail
