// SPDX-License-Identifier: Apache-2.0
#include "cli/batch.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "api/write_file.hpp"
#include "cli/progress.hpp"
#include "cli/sha256.hpp"
#include "core/file.hpp"

namespace hongtou::cli {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

constexpr const char* journal_format = "hongtou-batch-1";

// The first termination signal (0: none yet), set by the handler.
std::atomic<int> stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void on_batch_signal(int sig) {
  int none = 0;
  if (stop_signal.compare_exchange_strong(none, sig)) return;
  // The second signal: no more waiting for the documents in progress.
  hongtou::remove_temporary_outputs();
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// One document of the run, from its listing to its result.
struct document {
  std::string input;       // as listed: the report's "input", the shard's key
  std::string output_rel;  // relative to the output folder ('/'-separated); empty: none
  std::string output;      // the output folder joined with output_rel
  std::string data;        // a JSON file of field values (empty: none)
  render_options options;
  std::string manifest;  // the manifest it comes from (empty: none)
  int manifest_line = 0;
  bool has_problem = false;  // known to fail before rendering (a bad manifest record, …)
  diagnostic problem;

  // The result.
  bool finished = false;
  std::string status;  // "ok", "failed", "skipped"
  int pages = 0;
  uint64_t bytes = 0;
  std::string sha256;
  double milliseconds = 0;
  std::vector<std::string> warnings;
  diagnostic error;
};

diagnostic error_at(const std::string& file, int line, int column, const std::string& message) {
  diagnostic d;
  d.level = severity::error;
  d.file = file;
  d.line = line;
  d.column = column;
  d.message = message;
  return d;
}

bool ends_with_ci(const std::string& s, const std::string& tail) {
  if (s.size() < tail.size()) return false;
  for (size_t i = 0; i < tail.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - tail.size() + i])) != tail[i])
      return false;
  return true;
}

// "name.xml" -> "name.pdf"; another name gets ".pdf" appended.
std::string pdf_name(const std::string& xml_name) {
  if (ends_with_ci(xml_name, ".xml")) return xml_name.substr(0, xml_name.size() - 4) + ".pdf";
  return xml_name + ".pdf";
}

// Why a manifest's "output" cannot name a file below the output folder
// (empty: it can).
std::string output_problem(const std::string& out) {
  if (out.empty()) return "is empty";
  if (out[0] == '/') return "is an absolute path";
  if (!ends_with_ci(out, ".pdf")) return "does not end in .pdf";
  for (const auto& part : fs::path(out))
    if (part == "..") return "holds \"..\"";
  for (const char c : out)
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20)
      return "holds '\\' or a control character";
  return {};
}

// A path from a manifest, relative to the manifest's folder unless absolute.
std::string beside(const std::string& manifest, const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  const fs::path folder = fs::path(manifest).parent_path();
  return folder.empty() ? path : (folder / path).string();
}

// nlohmann's message without its "[json.exception.…] " prefix.
std::string json_message(const std::exception& e) {
  std::string m = e.what();
  if (m.rfind("[json.exception.", 0) == 0) {
    const size_t end = m.find("] ");
    if (end != std::string::npos) m = m.substr(end + 2);
  }
  return m;
}

// The documents of one manifest line.
document manifest_record(const std::string& manifest, int line, const std::string& text,
                         const render_options& base) {
  document doc;
  doc.options = base;
  doc.input = manifest + ":" + std::to_string(line);
  doc.manifest = manifest;
  doc.manifest_line = line;
  const auto fail = [&](int column, const std::string& message) {
    doc.has_problem = true;
    doc.problem = error_at(manifest, line, column, message);
    return doc;
  };
  json record;
  try {
    record = json::parse(text);
  } catch (const json::parse_error& e) {
    return fail(static_cast<int>(e.byte), "bad JSON in the manifest: " + json_message(e));
  }
  if (!record.is_object()) return fail(1, "a manifest record must be a JSON object");
  for (const auto& [key, value] : record.items())
    if (key != "input" && key != "output" && key != "data" && key != "options")
      return fail(1, "unknown key \"" + key + "\" in the record (input, output, data, options)");
  const auto string_of = [&](const char* key, std::string& out) -> std::string {
    const auto it = record.find(key);
    if (it == record.end()) return {};
    if (!it->is_string()) return std::string("\"") + key + "\" must be a string";
    out = it->get<std::string>();
    return {};
  };
  std::string input, output, data;
  for (auto [key, out] : {std::pair<const char*, std::string*>{"input", &input},
                          {"output", &output},
                          {"data", &data}})
    if (std::string why = string_of(key, *out); !why.empty()) return fail(1, why);
  if (input.empty()) return fail(1, "the record has no \"input\" (the document's path)");
  doc.input = beside(manifest, input);
  if (record.contains("output")) {
    if (std::string why = output_problem(output); !why.empty())
      return fail(1, "the record's \"output\" " + output + " " + why +
                         " (a .pdf path relative to the output folder)");
    doc.output_rel = fs::path(output).lexically_normal().generic_string();
  } else {
    doc.output_rel = pdf_name(fs::path(doc.input).filename().string());
  }
  if (record.contains("data")) {
    if (data.empty()) return fail(1, "the record's \"data\" is empty");
    doc.data = beside(manifest, data);
  }
  if (const auto it = record.find("options"); it != record.end()) {
    if (!it->is_object()) return fail(1, "the record's \"options\" must be an object");
    for (const auto& [key, value] : it->items()) {
      if (key == "layout" || key == "creation_date") {
        if (!value.is_string()) return fail(1, "option \"" + key + "\" must be a string");
        if (key == "layout")
          doc.options.layout_file = beside(manifest, value.get<std::string>());
        else
          doc.options.creation_date = value.get<std::string>();
      } else if (key == "strict_fonts" || key == "preprinted_letterhead" || key == "pdfa") {
        if (!value.is_boolean()) return fail(1, "option \"" + key + "\" must be true or false");
        const bool on = value.get<bool>();
        (key == "strict_fonts"            ? doc.options.strict_fonts
         : key == "preprinted_letterhead" ? doc.options.preprinted_letterhead
                                          : doc.options.pdfa) = on;
      } else {
        return fail(1, "unknown option \"" + key +
                           "\" (layout, creation_date, strict_fonts, preprinted_letterhead, pdfa)");
      }
    }
  }
  return doc;
}

bool read_manifest(const std::string& path, const render_options& base, std::vector<document>& out,
                   std::string& fatal) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fatal = path + ": error: cannot open the manifest: " + std::strerror(errno);
    return false;
  }
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    out.push_back(manifest_record(path, n, line, base));
  }
  if (in.bad()) {
    fatal = path + ": error: cannot read the manifest: " + std::strerror(errno);
    return false;
  }
  return true;
}

// Every *.xml below `folder`, sorted bytewise by their path relative to it;
// hidden files and folders are left out, links to folders not followed.
bool list_folder(const std::string& folder, const render_options& base, std::vector<document>& out,
                 std::string& fatal) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    std::error_code type_ec;
    if (!ends_with_ci(name, ".xml") || !entry.is_regular_file(type_ec)) continue;
    found.push_back(entry.path().lexically_relative(folder).generic_string());
  }
  if (ec) {
    fatal = folder + ": error: cannot list the folder: " + ec.message();
    return false;
  }
  std::sort(found.begin(), found.end());
  for (const std::string& rel : found) {
    document doc;
    doc.input = (fs::path(folder) / rel).string();
    doc.output_rel = pdf_name(rel);
    doc.options = base;
    out.push_back(std::move(doc));
  }
  return true;
}

bool list_inputs(const batch_args& args, const render_options& base, std::vector<document>& docs,
                 std::string& fatal) {
  for (const std::string& input : args.inputs) {
    struct stat st {};
    if (::stat(input.c_str(), &st) != 0) {
      fatal = input + ": error: cannot read the input: " + std::strerror(errno);
      return false;
    }
    if (S_ISDIR(st.st_mode)) {
      if (!list_folder(input, base, docs, fatal)) return false;
    } else if (ends_with_ci(input, ".jsonl") || ends_with_ci(input, ".ndjson")) {
      if (!S_ISREG(st.st_mode)) {
        fatal = input + ": error: cannot read the manifest: it is not a regular file";
        return false;
      }
      if (!read_manifest(input, base, docs, fatal)) return false;
    } else {
      document doc;
      doc.input = input;
      doc.output_rel = pdf_name(fs::path(input).filename().string());
      doc.options = base;
      docs.push_back(std::move(doc));
    }
  }
  return true;
}

// The render options and engine settings that shape a PDF, as text: part
// of each input's digest, so that a resumed run with other options renders
// again.
std::string canonical_options(const engine_options& e, const render_options& o) {
  std::string text;
  const auto add = [&](const char* key, const std::string& value) {
    text += key;
    text += '=';
    text += std::to_string(value.size());
    text += ':';
    text += value;
    text += '\n';
  };
  add("data_dir", e.data_dir);
  add("fonts_file", e.fonts_file);
  for (const auto& d : e.font_dirs) add("font_dir", d);
  for (const auto& d : e.layout_dirs) add("layout_dir", d);
  for (const auto& d : e.template_dirs) add("template_dir", d);
  add("system_fonts", e.system_fonts ? "1" : "0");
  add("format", o.format == output_format::pdf ? "pdf" : "trace");
  add("layout", o.layout_file);
  add("creation_date", o.creation_date);
  add("image_folder", o.image_folder);
  add("allow_images_outside", o.allow_images_outside ? "1" : "0");
  add("preprinted_letterhead", o.preprinted_letterhead ? "1" : "0");
  add("strict_fonts", o.strict_fonts ? "1" : "0");
  add("pdfa", o.pdfa ? "1" : "0");
  return text;
}

std::string input_digest(const std::string& options_text, const std::string& xml,
                         const std::string& data) {
  sha256 h;
  h.update(journal_format);
  h.update("\n");
  h.update(engine::version());
  h.update("\n");
  h.update(options_text);
  h.update("xml=" + std::to_string(xml.size()) + ":");
  h.update(xml);
  h.update("\ndata=" + std::to_string(data.size()) + ":");
  h.update(data);
  return h.final_hex();
}

// One line of the journal.
struct journal_entry {
  std::string input_sha256, sha256;
  uint64_t bytes = 0;
  int pages = 0;
};

// The complete lines of a journal, the last record of an output winning; a
// line that is not a record (the end of a killed write) is left out.
// `valid_end` is the offset after the last complete line.
std::map<std::string, journal_entry> read_journal(const std::string& path, off_t& valid_end) {
  std::map<std::string, journal_entry> entries;
  valid_end = 0;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  off_t offset = 0;
  while (std::getline(in, line)) {
    const bool complete = !in.eof();
    offset += static_cast<off_t>(line.size()) + (complete ? 1 : 0);
    if (!complete) break;
    valid_end = offset;
    try {
      const json j = json::parse(line);
      if (!j.is_object() || j.value("format", "") != journal_format) continue;
      journal_entry e;
      e.input_sha256 = j.at("input_sha256").get<std::string>();
      e.sha256 = j.at("sha256").get<std::string>();
      e.bytes = j.at("bytes").get<uint64_t>();
      e.pages = j.at("pages").get<int>();
      entries[j.at("output").get<std::string>()] = e;
    } catch (const std::exception&) {
      continue;
    }
  }
  return entries;
}

// Whether `name` is that of a temporary file of write_atomically:
// "<name>.tmp-hongtou" or "<name>.tmp-hongtou-<pid>-<16 hex digits>".
bool temporary_name(const std::string& name) {
  static const std::string tag = ".tmp-hongtou";
  const size_t at = name.rfind(tag);
  if (at == std::string::npos || at == 0) return false;
  const std::string rest = name.substr(at + tag.size());
  if (rest.empty()) return true;
  if (rest[0] != '-') return false;
  const size_t dash = rest.find('-', 1);
  if (dash == std::string::npos || dash == 1) return false;
  for (size_t i = 1; i < dash; ++i)
    if (!std::isdigit(static_cast<unsigned char>(rest[i]))) return false;
  const std::string hex = rest.substr(dash + 1);
  if (hex.size() != 16) return false;
  for (const char c : hex)
    if (!std::isdigit(static_cast<unsigned char>(c)) && (c < 'a' || c > 'f')) return false;
  return true;
}

// The stale temporary files below the output folder, of a killed run.
size_t remove_stale_temporaries(const std::string& folder) {
  size_t removed = 0;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec) || it->is_symlink(type_ec)) continue;
    if (temporary_name(it->path().filename().string()) &&
        detail::remove_stale_temporary(it->path().string()))
      ++removed;
  }
  return removed;
}

// The journal: one JSON line per PDF in place, each on the disk before the next.
class journal {
 public:
  bool open(const std::string& path, bool keep, off_t valid_end, std::string& error) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd_ < 0) {
      error = std::strerror(errno);
      return false;
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      error = "another hongtou batch is writing it (use another output folder or --shard)";
      return false;
    }
    // Without --resume a fresh journal; with it, the complete lines kept.
    if (::ftruncate(fd_, keep ? valid_end : 0) != 0 || ::lseek(fd_, 0, SEEK_END) < 0) {
      error = std::strerror(errno);
      return false;
    }
    return true;
  }
  ~journal() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool append(const json& record, std::string& error) {
    const std::string line = record.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    std::lock_guard<std::mutex> lock(mutex_);
    size_t done = 0;
    while (done < line.size()) {
      const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error = std::strerror(errno);
        return false;
      }
      done += static_cast<size_t>(n);
    }
    if (::fdatasync(fd_) != 0) {
      error = std::strerror(errno);
      return false;
    }
    return true;
  }

 private:
  int fd_ = -1;
  std::mutex mutex_;
};

// value with `decimals` decimals, as the report prints it ("12.3", not
// "12.300000000000001").
double round_to(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return std::strtod(text, nullptr);
}

json diagnostic_json(const diagnostic& d) {
  json e;
  e["file"] = d.file;
  e["line"] = d.line;
  e["column"] = d.column;
  e["message"] = d.message + (d.hint.empty() ? "" : " (" + d.hint + ")");
  return e;
}

json document_json(const document& d) {
  json j;
  j["input"] = d.input;
  j["output"] = d.output.empty() ? json(nullptr) : json(d.output);
  j["status"] = d.status;
  j["pages"] = d.pages;
  j["bytes"] = d.bytes;
  j["sha256"] = d.sha256.empty() ? json(nullptr) : json(d.sha256);
  j["milliseconds"] = round_to(d.milliseconds, 1);
  j["warnings"] = d.warnings;
  if (d.status == "failed") j["error"] = diagnostic_json(d.error);
  return j;
}

// A report's "summary" from its documents.
json summary_json(const json& documents, double wall_seconds, int jobs, const json& shard,
                  bool interrupted, size_t not_started) {
  size_t rendered = 0, skipped = 0, failed = 0;
  uint64_t pages = 0, bytes = 0;
  for (const json& d : documents) {
    const std::string status = d.value("status", "");
    if (status == "ok") ++rendered;
    if (status == "skipped") ++skipped;
    if (status == "failed") ++failed;
    if (status != "failed") {
      pages += d.value("pages", uint64_t{0});
      bytes += d.value("bytes", uint64_t{0});
    }
  }
  json s;
  s["documents"] = documents.size();
  s["rendered"] = rendered;
  s["skipped"] = skipped;
  s["failed"] = failed;
  s["not_started"] = not_started;
  s["pages"] = pages;
  s["bytes"] = bytes;
  s["wall_seconds"] = round_to(wall_seconds, 3);
  const double per = wall_seconds > 0 ? 1 / wall_seconds : 0;
  s["documents_per_second"] = round_to(static_cast<double>(documents.size()) * per, 2);
  s["pages_per_second"] = round_to(static_cast<double>(pages) * per, 2);
  s["jobs"] = jobs;
  s["shard"] = shard;
  s["interrupted"] = interrupted;
  return s;
}

bool write_json(const std::string& path, const json& j, std::string& error) {
  const std::string text = j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  return detail::write_atomically(path, std::vector<uint8_t>(text.begin(), text.end()), error);
}

// The first error of a failed render (or its first diagnostic).
diagnostic first_error(const std::vector<diagnostic>& diags, const std::string& input) {
  for (const diagnostic& d : diags)
    if (d.level == severity::error) return d;
  if (!diags.empty()) return diags.front();
  return error_at(input, 0, 0, "the render failed");
}

}  // namespace

bool parse_shard(const std::string& text, unsigned& index, unsigned& count, std::string& error) {
  const size_t slash = text.find('/');
  const auto number = [](const std::string& s, unsigned& out) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
      return false;
    out = static_cast<unsigned>(std::stoul(s));
    return true;
  };
  if (slash == std::string::npos || !number(text.substr(0, slash), index) ||
      !number(text.substr(slash + 1), count)) {
    error = "--shard " + text + ": expected K/N, two whole numbers with 0 <= K < N (e.g. 0/4)";
    return false;
  }
  if (count == 0 || index >= count) {
    error = "--shard " + text + ": K must be at least 0 and less than N (here N is " +
            std::to_string(count) + ", so K is 0 to " +
            (count ? std::to_string(count - 1) : std::string("nothing")) + ")";
    return false;
  }
  return true;
}

unsigned shard_of(const std::string& input, unsigned count) {
  sha256 h;
  h.update(input);
  const std::string digest = h.final_bytes();
  uint64_t key = 0;
  for (int i = 0; i < 8; ++i) key = (key << 8) | static_cast<unsigned char>(digest[i]);
  return static_cast<unsigned>(key % count);
}

void install_batch_signals() {
  struct sigaction action {};
  action.sa_handler = on_batch_signal;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &action, nullptr);
}

int run_batch(engine& eng, const engine_options& engine_opts, const batch_args& args,
              const render_options& options) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<document> all;
  if (std::string fatal; !list_inputs(args, options, all, fatal)) {
    std::cerr << fatal << '\n';
    return 2;
  }

  // Outputs: below the output folder, each claimed by one document only.
  std::map<std::string, size_t> claimed;
  for (size_t i = 0; i < all.size(); ++i) {
    document& d = all[i];
    if (d.has_problem) continue;
    const std::string output = (fs::path(args.output_dir) / d.output_rel).string();
    const auto [at, fresh] = claimed.emplace(d.output_rel, i);
    if (fresh) {
      d.output = output;
    } else {
      d.has_problem = true;
      d.problem = error_at(d.manifest.empty() ? d.input : d.manifest, d.manifest_line, 0,
                           "its output " + output + " is already that of " + all[at->second].input);
    }
  }

  // This shard's part, in the order listed.
  std::vector<document> docs;
  for (document& d : all)
    if (args.shard_count == 0 || shard_of(d.input, args.shard_count) == args.shard_index)
      docs.push_back(std::move(d));
  all.clear();

  std::error_code ec;
  fs::create_directories(args.output_dir, ec);
  if (ec || !fs::is_directory(args.output_dir)) {
    std::cerr << args.output_dir << ": error: cannot create the output folder: "
              << (ec ? ec.message() : "it is not a folder") << '\n';
    return 2;
  }
  const std::string journal_path =
      (fs::path(args.output_dir) / (args.shard_count
                                        ? ".hongtou-journal-" + std::to_string(args.shard_index) +
                                              "-of-" + std::to_string(args.shard_count) + ".jsonl"
                                        : std::string(".hongtou-journal.jsonl")))
          .string();
  std::map<std::string, journal_entry> done_before;
  off_t valid_end = 0;
  if (args.resume) {
    done_before = read_journal(journal_path, valid_end);
    remove_stale_temporaries(args.output_dir);
  }
  journal log;
  if (std::string error; !log.open(journal_path, args.resume, valid_end, error)) {
    std::cerr << journal_path << ": error: cannot open the journal: " << error << '\n';
    return 2;
  }

  unsigned jobs = args.jobs > 0 ? static_cast<unsigned>(args.jobs)
                                : std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads =
      static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(jobs, docs.size())));

  progress bar(docs.size(), args.quiet);
  std::atomic<bool> journal_failed{false};
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) {
      if (stop_signal.load() != 0) return;
      document& d = docs[i];
      bar.started(d.input);
      const auto t0 = std::chrono::steady_clock::now();
      const auto fail = [&](const diagnostic& why) {
        d.status = "failed";
        d.error = why;
      };
      [&] {
        if (d.has_problem) return fail(d.problem);
        std::string xml, data, error;
        if (!read_regular_file(d.input, engine_opts.limits.input_bytes, xml, error))
          return fail(error_at(d.input, 0, 0, "cannot open " + d.input + ": " + error));
        if (!d.data.empty()) {
          if (!read_regular_file(d.data, engine_opts.limits.input_bytes, data, error))
            return fail(error_at(d.data, 0, 0, "cannot open the data " + d.data + ": " + error));
          std::vector<diagnostic> diags;
          if (!parse_fields_json(data, d.data, d.options.fields, diags))
            return fail(first_error(diags, d.data));
        }
        const std::string digest =
            input_digest(canonical_options(engine_opts, d.options), xml, data);
        if (args.resume) {
          const auto it = done_before.find(d.output_rel);
          std::string sha, why;
          uint64_t size = 0;
          struct stat st {};
          if (it != done_before.end() && it->second.input_sha256 == digest &&
              ::lstat(d.output.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
              static_cast<uint64_t>(st.st_size) == it->second.bytes &&
              sha256_file(d.output, sha, size, why) && sha == it->second.sha256) {
            d.status = "skipped";
            d.pages = it->second.pages;
            d.bytes = it->second.bytes;
            d.sha256 = sha;
            return;
          }
        }
        render_result r = eng.render_memory(xml, d.input, d.options);
        for (const diagnostic& w : r.diagnostics)
          if (w.level == severity::warning) d.warnings.push_back(format(w));
        if (!r.ok()) return fail(first_error(r.diagnostics, d.input));
        std::error_code dir_ec;
        const fs::path parent = fs::path(d.output).parent_path();
        if (!parent.empty()) fs::create_directories(parent, dir_ec);
        if (!detail::write_atomically(d.output, r.bytes, error))
          return fail(error_at(d.output, 0, 0, "cannot write " + d.output + ": " + error));
        d.status = "ok";
        d.pages = r.pages;
        d.bytes = r.bytes.size();
        d.sha256 = sha256_hex(r.bytes.data(), r.bytes.size());
        json entry;
        entry["format"] = journal_format;
        entry["output"] = d.output_rel;
        entry["input"] = d.input;
        entry["input_sha256"] = digest;
        entry["sha256"] = d.sha256;
        entry["bytes"] = d.bytes;
        entry["pages"] = d.pages;
        if (!log.append(entry, error) && !journal_failed.exchange(true))
          bar.message(journal_path + ": warning: cannot append to the journal: " + error +
                      " (--resume will render the documents again)");
      }();
      d.milliseconds =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      d.finished = true;
      bar.finished(d.status == "failed", d.pages);
      if (d.status == "failed") bar.message(format(d.error));
    }
  };
  std::vector<std::thread> workers;
  for (unsigned j = 1; j < threads; ++j) workers.emplace_back(work);
  work();
  for (auto& t : workers) t.join();
  bar.stop();

  const int sig = stop_signal.load();
  json documents = json::array();
  size_t failed = 0, not_started = 0, rendered = 0, skipped = 0;
  uint64_t pages = 0;
  for (const document& d : docs) {
    if (!d.finished) {
      ++not_started;
      continue;
    }
    documents.push_back(document_json(d));
    if (d.status == "failed") ++failed;
    if (d.status == "ok") ++rendered;
    if (d.status == "skipped") ++skipped;
    if (d.status != "failed") pages += static_cast<uint64_t>(d.pages);
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const json shard =
      args.shard_count
          ? json(std::to_string(args.shard_index) + "/" + std::to_string(args.shard_count))
          : json(nullptr);
  int status = failed ? 1 : 0;
  if (!args.report.empty()) {
    json report;
    report["documents"] = documents;
    report["summary"] =
        summary_json(documents, wall, static_cast<int>(threads), shard, sig != 0, not_started);
    if (std::string error; !write_json(args.report, report, error)) {
      std::cerr << args.report << ": error: cannot write the report: " << error << '\n';
      status = 3;
    }
  }
  if (!args.quiet) {
    char rates[96];
    std::snprintf(rates, sizeof rates, "%.1f s, %.1f documents/s, %.1f pages/s", wall,
                  wall > 0 ? static_cast<double>(documents.size()) / wall : 0.0,
                  wall > 0 ? static_cast<double>(pages) / wall : 0.0);
    std::cerr << "hongtou: batch: " << rendered + skipped << " of " << docs.size()
              << " documents written to " << args.output_dir;
    if (skipped) std::cerr << " (" << skipped << " skipped, already done)";
    if (failed) std::cerr << "; " << failed << " failed";
    if (not_started) std::cerr << "; " << not_started << " not started";
    std::cerr << "; " << rates << '\n';
    if (sig) std::cerr << "hongtou: batch: interrupted by " << ::strsignal(sig) << '\n';
  }
  if (sig) return 128 + sig;
  return status;
}

int run_merge_reports(const batch_args& args) {
  json documents = json::array();
  double wall = 0;
  int jobs = 0;
  bool interrupted = false;
  size_t not_started = 0;
  json shards = json::array();
  for (const std::string& path : args.merge_reports) {
    std::string text, error;
    if (!read_regular_file(path, 0, text, error)) {
      std::cerr << path << ": error: cannot open the report: " << error << '\n';
      return 2;
    }
    json report;
    try {
      report = json::parse(text);
      if (!report.is_object() || !report.contains("documents") || !report["documents"].is_array())
        throw std::runtime_error("it has no \"documents\" array");
      for (const json& d : report["documents"]) {
        if (!d.is_object() || !d.contains("input") || !d["input"].is_string())
          throw std::runtime_error("a document without \"input\"");
        documents.push_back(d);
      }
      const json s = report.value("summary", json::object());
      wall = std::max(wall, s.value("wall_seconds", 0.0));
      jobs += s.value("jobs", 0);
      interrupted = interrupted || s.value("interrupted", false);
      not_started += s.value("not_started", size_t{0});
      shards.push_back(s.contains("shard") ? s["shard"] : json(nullptr));
    } catch (const std::exception& e) {
      std::cerr << path << ": error: not a report of hongtou batch: " << json_message(e) << '\n';
      return 2;
    }
  }
  std::stable_sort(documents.begin(), documents.end(), [](const json& a, const json& b) {
    return a["input"].get<std::string>() < b["input"].get<std::string>();
  });
  bool twice = false;
  std::set<std::string> outputs;
  for (size_t i = 0; i < documents.size(); ++i) {
    const std::string input = documents[i]["input"].get<std::string>();
    if (i > 0 && documents[i - 1]["input"].get<std::string>() == input) {
      std::cerr << "hongtou: error: " << input
                << " is in two reports (were the shards given the same inputs and N?)\n";
      twice = true;
    }
    const json& out = documents[i].value("output", json(nullptr));
    if (out.is_string() && !outputs.insert(out.get<std::string>()).second) {
      std::cerr << "hongtou: error: two documents have the output " << out.get<std::string>()
                << '\n';
      twice = true;
    }
  }
  if (twice) return 1;
  json merged;
  merged["documents"] = documents;
  merged["summary"] = summary_json(documents, wall, jobs, json(nullptr), interrupted, not_started);
  merged["summary"]["shards"] = shards;
  size_t failed = merged["summary"]["failed"].get<size_t>();
  if (args.report.empty()) {
    std::cout << merged.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  } else if (std::string error; !write_json(args.report, merged, error)) {
    std::cerr << args.report << ": error: cannot write the report: " << error << '\n';
    return 3;
  }
  if (!args.quiet)
    std::cerr << "hongtou: batch: " << args.merge_reports.size()
              << " reports joined: " << documents.size() << " documents, " << failed << " failed\n";
  return failed ? 1 : 0;
}

}  // namespace hongtou::cli
