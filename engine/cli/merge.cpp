// SPDX-License-Identifier: Apache-2.0
#include "cli/merge.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>
#include <vector>

namespace hongtou::cli {

namespace {

struct record {
  int line = 0;         // in the records file
  std::string json;     // its text
  std::string output;   // the PDF's path
  std::string problem;  // why it cannot be rendered before trying (empty: none)
  render_result result;
};

// A file name from a field's value: one path component, no hidden file.
std::string file_name_problem(const std::string& name) {
  if (name.empty()) return "is empty";
  if (name.size() > 200) return "is longer than 200 bytes";
  if (name[0] == '.') return "starts with '.'";
  for (const char c : name)
    if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
      return "holds '/', '\\' or a control character";
  return {};
}

bool read_records(const std::string& path, std::vector<record>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": error: cannot open the records: " << std::strerror(errno) << '\n';
    return false;
  }
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines between
    out.push_back({n, line, {}, {}, {}});
  }
  if (in.bad()) {
    std::cerr << path << ": error: cannot read the records: " << std::strerror(errno) << '\n';
    return false;
  }
  return true;
}

}  // namespace

int run_merge(engine& eng, const merge_args& args, const render_options& options) {
  namespace fs = std::filesystem;
  std::vector<record> records;
  if (!read_records(args.records, records)) return 2;
  if (records.empty()) {
    std::cerr << args.records << ": error: no records (one JSON object per line)\n";
    return 2;
  }
  std::error_code ec;
  fs::create_directories(args.output_dir, ec);
  if (ec || !fs::is_directory(args.output_dir)) {
    std::cerr << args.output_dir << ": error: cannot create the output folder: "
              << (ec ? ec.message() : "it is not a folder") << '\n';
    return 2;
  }

  // Each record's values and file name, before any rendering.
  const size_t width = std::to_string(records.size()).size();
  std::vector<field_values> values(records.size());
  std::map<std::string, size_t> used;  // file name -> record index
  for (size_t i = 0; i < records.size(); ++i) {
    record& r = records[i];
    std::vector<diagnostic> diags;
    if (!parse_fields_json(r.json, args.records, values[i], diags, r.line)) {
      r.problem = diags.empty() ? "bad record" : format(diags.front());
      continue;
    }
    std::string name = std::to_string(i + 1);
    name.insert(0, width - name.size(), '0');
    if (!args.name_field.empty()) {
      const auto it = values[i].find(args.name_field);
      if (it == values[i].end()) {
        r.problem = "no field '" + args.name_field + "' to name its PDF (--name)";
        continue;
      }
      if (std::string why = file_name_problem(it->second); !why.empty()) {
        r.problem =
            "field '" + args.name_field + "' cannot name a file: \"" + it->second + "\" " + why;
        continue;
      }
      name = it->second;
    }
    name += ".pdf";
    if (const auto [at, fresh] = used.emplace(name, i); !fresh) {
      r.problem =
          "its file name " + name + " is already that of record " + std::to_string(at->second + 1);
      continue;
    }
    r.output = (fs::path(args.output_dir) / name).string();
  }

  // One engine for all workers: layouts and fonts are read once.
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < records.size(); i = next++) {
      if (!records[i].problem.empty()) continue;
      render_options o = options;
      o.fields = std::move(values[i]);
      records[i].result = eng.render_file(args.document, records[i].output, o);
    }
  };
  unsigned jobs = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, records.size()));
  std::vector<std::thread> workers;
  for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  for (auto& t : workers) t.join();

  size_t failed = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const record& r = records[i];
    const std::string where =
        args.records + ":" + std::to_string(r.line) + ": record " + std::to_string(i + 1);
    if (!r.problem.empty()) {
      ++failed;
      std::cerr << where << " failed: " << r.problem << '\n';
      continue;
    }
    if (!r.result.ok()) ++failed;
    for (const diagnostic& d : r.result.diagnostics)
      std::cerr << where << (r.result.ok() ? "" : " failed") << ": " << format(d) << '\n';
  }
  std::cerr << "hongtou: merge: " << records.size() - failed << " of " << records.size()
            << " records written to " << args.output_dir;
  if (failed) std::cerr << "; " << failed << " failed";
  std::cerr << '\n';
  return failed ? 1 : 0;
}

}  // namespace hongtou::cli
