// SPDX-License-Identifier: Apache-2.0
#pragma once
// The CLI's --limit name=value (docs/limits.md): one of hongtou::limits set
// from the command line.
#include <string>

#include "api/hongtou.hpp"

namespace hongtou::cli {

/// Sets the limit `spec` names ("input_bytes=64M", "pages=0"): a whole
/// number, with K, M or G (powers of 1024) for the byte limits; 0 = no
/// limit. False with a message naming what was expected otherwise.
bool set_limit(const std::string& spec, hongtou::limits& limits, std::string& error);

/// The limits' names, "input_bytes, elements, …", for --help.
std::string limit_names();

}  // namespace hongtou::cli
