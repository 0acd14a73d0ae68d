// SPDX-License-Identifier: Apache-2.0
#pragma once
// Writing an output file so that a reader never sees half of it, a planted
// file cannot redirect it, and an interrupted write leaves at most one
// temporary file of a recognisable name, which the next write to the same
// path removes (write_file.cpp; docs/decisions.md, "Writing the output").
#include <cstdint>
#include <string>
#include <vector>

namespace hongtou::detail {

/// Writes bytes to `output`: into a new temporary file beside the file it
/// names (`<output>.tmp-hongtou`, created exclusively and locked while
/// written; when another process writes the same path at the same time,
/// `<output>.tmp-hongtou-<pid>-<random>`), flushed to the disk with fsync,
/// then renamed over it and the folder synced. A name already there is never
/// followed or opened for writing; a stale temporary file of an earlier,
/// killed write (ours: a regular file of this user, nobody holding its lock)
/// is removed first. A symbolic link at `output` is written through: its
/// target is replaced, the link kept. An existing file keeps its mode (and,
/// where allowed, its owner); anything but a regular file at the target is
/// refused. While the write is in progress its temporary file is listed for
/// remove_temporary_outputs(). False with `error` set ("what: reason").
bool write_atomically(const std::string& output, const std::vector<uint8_t>& bytes,
                      std::string& error);

/// Removes `path` when it is a stale temporary file of an earlier, killed
/// write (ours: a regular file of this user that nobody holds locked, with
/// bytes or older than two seconds; a link is never followed). True when it
/// was removed. For a caller cleaning a whole folder (hongtou batch --resume).
bool remove_stale_temporary(const std::string& path);

/// True when `a` and `b` name the same existing file (links followed).
bool same_file(const std::string& a, const std::string& b);

}  // namespace hongtou::detail
