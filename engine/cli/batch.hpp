// SPDX-License-Identifier: Apache-2.0
#pragma once
// `hongtou batch`: many documents rendered in parallel by one engine, with
// a JSON report, a journal that lets a killed run resume, and shards that
// split one input set over several machines (docs/batch.md).
#include <cstdint>
#include <string>
#include <vector>

#include "api/hongtou.hpp"

namespace hongtou::cli {

struct batch_args {
  std::vector<std::string> inputs;         // XML files, folders, manifests (.jsonl, .ndjson)
  std::string output_dir;                  // created when missing
  int jobs = 0;                            // worker threads (0: one per core)
  std::string report;                      // the JSON report (empty: none)
  bool resume = false;                     // skip what the journal shows done
  unsigned shard_index = 0;                // --shard K/N: K
  unsigned shard_count = 0;                // N (0: no shard)
  bool quiet = false;                      // no progress, no summary line
  std::vector<std::string> merge_reports;  // --merge-reports: shard reports to join
};

/// Reads "K/N" (0 <= K < N); false with the reason otherwise.
bool parse_shard(const std::string& text, unsigned& index, unsigned& count, std::string& error);

/// The shard (0 … count-1) of an input path as the batch lists it: the first
/// 8 bytes of the SHA-256 of the path, big-endian, modulo count.
unsigned shard_of(const std::string& input, unsigned count);

/// Installs the batch's handlers of SIGINT, SIGTERM and SIGHUP: the first
/// signal stops starting documents (the ones in progress finish and the
/// report is written), a second one removes the temporary outputs and ends
/// the process by that signal.
void install_batch_signals();

/// Renders every document of args.inputs. Returns 0 when all succeeded (or
/// were skipped), 1 when some failed, 2 when the inputs cannot be listed or
/// the output folder cannot be made, 3 when the report cannot be written,
/// 128+N after signal N.
int run_batch(engine& eng, const engine_options& engine_opts, const batch_args& args,
              const render_options& options);

/// Joins the reports of shards (args.merge_reports) into args.report (or
/// standard output). Returns 0, 1 when a document failed or is listed twice,
/// 2 when a report cannot be read.
int run_merge_reports(const batch_args& args);

}  // namespace hongtou::cli
