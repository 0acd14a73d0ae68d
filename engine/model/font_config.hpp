// SPDX-License-Identifier: Apache-2.0
#pragma once
// fonts/fonts.xml -> fonts::font_config (font roles and their candidates,
// best first). The fonts module resolves the result to loaded faces.
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "fonts/config.hpp"

namespace hongtou::model {

/// Parses fonts.xml. On failure returns false with a diagnostic; throws
/// std::bad_alloc when memory runs out.
bool parse_font_config(std::string_view xml, const std::string& source_name,
                       fonts::font_config& out, diagnostics& diags);

/// Reads and parses a fonts.xml file.
bool load_font_config(const std::string& path, fonts::font_config& out, diagnostics& diags);

}  // namespace hongtou::model
