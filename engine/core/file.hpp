// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading an input file safely: only a regular file is read (a FIFO, a
// device such as /dev/zero or a folder is refused without blocking), and
// never more than a limit.
#include <cstdint>
#include <string>

namespace hongtou {

/// Reads the regular file at path into out (replacing it). False with the
/// reason in error ("it is a folder", "it is not a regular file (a FIFO)",
/// "it is 20 MiB, more than the limit of 16 MiB (limits::input_bytes)",
/// the system's reason) otherwise. max_bytes 0 = no limit; limit_name names
/// the limit in the message.
bool read_regular_file(const std::string& path, uint64_t max_bytes, std::string& out,
                       std::string& error, const char* limit_name = "input_bytes");

/// Checks that path names a regular file of at most max_bytes (0 = any)
/// without opening it, for files another library opens (fonts, through
/// HarfBuzz). False with the reason in error.
bool check_regular_file(const std::string& path, uint64_t max_bytes, std::string& error,
                        const char* limit_name);

/// "16 MiB", "300 KiB" or "512 bytes" for messages.
std::string byte_size(uint64_t bytes);

/// The message for a limit exceeded: "<what>, more than the limit of <limit>
/// (limits::<name>)"; limit as the message shows it ("16 MiB", "64").
std::string over_limit(const std::string& what, const std::string& limit, const char* name);

}  // namespace hongtou
