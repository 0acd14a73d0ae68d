// SPDX-License-Identifier: Apache-2.0
#pragma once
// `hongtou merge`: one document per record of a JSON Lines file, from one
// template document whose fields the records fill.
#include <string>

#include "api/hongtou.hpp"

namespace hongtou::cli {

struct merge_args {
  std::string document;    // the document with fields ({{name}})
  std::string records;     // JSON Lines: one object of field values per line
  std::string output_dir;  // created when missing
  std::string name_field;  // the field whose value names each PDF (empty: the record number)
  unsigned jobs = 0;       // worker threads (0: one per core)
};

/// Renders every record; prints each failure (with its record's line) and a
/// summary on stderr. Returns 0 when all succeeded, 1 when some failed, 2
/// when the records cannot be read at all.
int run_merge(engine& eng, const merge_args& args, const render_options& options);

}  // namespace hongtou::cli
