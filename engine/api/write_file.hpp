// SPDX-License-Identifier: Apache-2.0
#pragma once
// Writing an output file so that a reader never sees half of it and a
// planted file cannot redirect it (write_file.cpp).
#include <cstdint>
#include <string>
#include <vector>

namespace hongtou::detail {

/// Writes bytes to `output`: into a new temporary file beside the file it
/// names (created exclusively, so an existing name or symbolic link there is
/// never followed), then renamed over it. A symbolic link at `output` is
/// written through: its target is replaced, the link kept. An existing file
/// keeps its mode (and, where allowed, its owner); anything but a regular
/// file at the target is refused. False with `error` set ("what: reason").
bool write_atomically(const std::string& output, const std::vector<uint8_t>& bytes,
                      std::string& error);

}  // namespace hongtou::detail
