// SPDX-License-Identifier: Apache-2.0
#pragma once
// The PDF creation date a caller may give (render_options::creation_date).
#include <string>

namespace hongtou::detail {

/// True for "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" naming a real day and time
/// (a leap day only in a leap year), years 1000 to 9999.
bool valid_creation_date(const std::string& s);

}  // namespace hongtou::detail
