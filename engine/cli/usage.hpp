// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the CLI tells a user who typed something it does not know: the
// nearest option or command it does know (usage.cpp).
#include <string>
#include <vector>

namespace hongtou::cli {

/// Exit statuses: sysexits' EX_USAGE for a command line that is wrong; the
/// library's statuses (0, 2 input, 3 output, 4 internal) for a render.
constexpr int exit_usage = 64;

/// The known word nearest to `word` (at most 2 edits, and fewer than half
/// its letters), or "" when none is near.
std::string nearest(const std::string& word, const std::vector<std::string>& known);

}  // namespace hongtou::cli
