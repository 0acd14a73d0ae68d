// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to engine/api: reading a whole input file (a document, a template,
// a data file) with the reason on failure.
#include <cstddef>
#include <string>

namespace hongtou::detail {

/// Reads the file at path into out (appending); false with the reason in
/// error for a folder, a file that cannot be opened or read, or one larger
/// than max_bytes.
bool read_whole_file(const std::string& path, std::string& out, std::string& error,
                     size_t max_bytes = static_cast<size_t>(-1));

}  // namespace hongtou::detail
