// SPDX-License-Identifier: Apache-2.0
#pragma once
// The PDF creation date a caller may give (render_options::creation_date).
#include <string>

namespace hongtou::detail {

/// True for "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" naming a real day and time
/// (a leap day only in a leap year), years 1000 to 9999.
bool valid_creation_date(const std::string& s);

/// What is wrong with a creation date valid_creation_date() refuses, for the
/// message of a render and of the command line alike.
std::string bad_creation_date(const std::string& s);

}  // namespace hongtou::detail
