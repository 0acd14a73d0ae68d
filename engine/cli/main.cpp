// SPDX-License-Identifier: Apache-2.0
// hongtou — command-line client of hongtou::engine. Only prints; all
// layout and PDF work happens in the library.
#include <CLI/CLI.hpp>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "api/creation_date.hpp"
#include "api/hongtou.hpp"
#include "api/write_file.hpp"
#include "cli/batch.hpp"
#include "cli/limits.hpp"
#include "cli/merge.hpp"
#include "cli/usage.hpp"
#include "core/file.hpp"

namespace {

// Every message not tied to a file starts with "hongtou:".
int print_diagnostics(const std::vector<hongtou::diagnostic>& diags) {
  for (const auto& d : diags)
    std::cerr << (d.file.empty() ? "hongtou: " : "") << hongtou::format(d) << '\n';
  return 0;
}

int usage_error(const std::string& message) {
  std::cerr << "hongtou: " << message << "\nRun with --help for more information.\n";
  return hongtou::cli::exit_usage;
}

// The option or command a misspelt word of the command line meant, as
// "--fonts" or "render"; "" when every word is known or none is near.
std::string suggestion(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> options, flags, commands;
  std::vector<const CLI::App*> apps = {&app};
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    apps.push_back(sub);
    commands.push_back(sub->get_name());
  }
  for (const CLI::App* a : apps)
    for (const CLI::Option* o : a->get_options())
      for (const std::string& l : o->get_lnames()) {
        options.push_back("--" + l);
        if (o->get_items_expected_max() == 0) flags.push_back("--" + l);
      }
  bool command_seen = false;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.rfind("--", 0) == 0) {
      word = word.substr(0, word.find('='));
      if (std::find(options.begin(), options.end(), word) == options.end())
        return hongtou::cli::nearest(word, options);
    } else if (word[0] != '-' && !command_seen) {
      if (std::find(commands.begin(), commands.end(), word) != commands.end()) {
        command_seen = true;
      } else if (i == 1 || argv[i - 1][0] != '-' ||
                 std::find(flags.begin(), flags.end(), std::string(argv[i - 1])) != flags.end()) {
        return hongtou::cli::nearest(word, commands);
      }
    }
  }
  return "";
}

// ".pdf" or ".trace" of a path, lower-cased; "" for another or none.
std::string known_extension(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return "";
  std::string ext = path.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pdf" || ext == ".trace" ? ext : "";
}

int exit_code(hongtou::status s) {
  return static_cast<int>(s);
}

// SIGINT, SIGTERM, SIGHUP: the temporary files of the outputs being written
// are removed, then the signal ends the process as it would have.
extern "C" void on_termination_signal(int sig) {
  hongtou::remove_temporary_outputs();
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void remove_temporaries_on_signals() {
  struct sigaction action {};
  action.sa_handler = on_termination_signal;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &action, nullptr);
}

// Standard input, up to max_bytes (0: any); false with the reason otherwise.
bool read_stdin(uint64_t max_bytes, std::string& out, std::string& error) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    out.append(buffer, static_cast<size_t>(n));
    if (max_bytes && out.size() > max_bytes) {
      error = hongtou::over_limit("it is larger", hongtou::byte_size(max_bytes), "input_bytes");
      return false;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"hongtou: GB/T 9704-2012 official documents (公文) from XML to PDF", "hongtou"};
  app.set_version_flag("--version", std::string("hongtou ") + hongtou::engine::version());
  app.require_subcommand(1);

  hongtou::engine_options eopts;
  app.add_option("--data-dir", eopts.data_dir, "Folder holding layouts/ and fonts/");
  app.add_option("--fonts", eopts.fonts_file,
                 "fonts.xml to use instead of <data-dir>/fonts/fonts.xml");
  app.add_option("--font-dir", eopts.font_dirs,
                 "Folder of font files searched before the system's fonts (repeatable)")
      ->check(CLI::ExistingDirectory);
  bool no_system_fonts = false;
  app.add_flag("--no-system-fonts", no_system_fonts,
               "Search only the --font-dir folders, not the system's fonts (fontconfig)");
  std::string font_cache;
  bool no_font_cache = false;
  app.add_option("--font-cache", font_cache,
                 "Folder of the trimmed copies of big CJK faces, each made once, that make "
                 "every render faster (default: $XDG_CACHE_HOME/hongtou/fonts)");
  app.add_flag("--no-font-cache", no_font_cache,
               "Keep no trimmed copies on disk: make them in memory each run (slower; the same "
               "PDF)");
  app.add_option("--layout-dir", eopts.layout_dirs,
                 "Folder of layouts (<name>.xml) searched before <data-dir>/layouts (repeatable)");
  app.add_option("--template-dir", eopts.template_dirs,
                 "Folder of organisation templates (<name>.xml) searched before the document's "
                 "folder and <data-dir>/templates (repeatable)");
  std::vector<std::string> limit_specs;
  app.add_option("--limit", limit_specs,
                 "Set a limit, name=N (0: none; K, M, G for bytes), repeatable: " +
                     hongtou::cli::limit_names())
      ->type_name("NAME=N");

  std::string input, output, format = "pdf", data;
  hongtou::render_options ropts;
  CLI::App* render = app.add_subcommand("render", "Typeset a document");
  render->add_option("input", input, "Document XML, or - for standard input")->required();
  render->add_option("-o,--output", output, "Output file, or - for standard output")->required();
  CLI::Option* format_option =
      render
          ->add_option("--format", format,
                       "pdf or trace (default: from the output's extension, .trace for trace)")
          ->check(CLI::IsMember({"pdf", "trace"}));
  render->add_option("--data", data, "JSON object of field values for the document's {{fields}}");

  hongtou::cli::merge_args margs;
  CLI::App* merge = app.add_subcommand(
      "merge", "Render one PDF per record: a document with {{fields}} and a JSON Lines file");
  merge->add_option("document", margs.document, "Document XML with {{fields}}")->required();
  merge->add_option("records", margs.records, "JSON Lines: one object of field values a line")
      ->required();
  merge->add_option("-o,--output", margs.output_dir, "Output folder (created when missing)")
      ->required();
  merge->add_option("--name", margs.name_field,
                    "Field whose value names each PDF (default: the record number)");
  merge->add_option("-j,--jobs", margs.jobs, "Worker threads (default: one per core)");

  hongtou::cli::batch_args bargs;
  std::string shard_text;
  CLI::App* batch = app.add_subcommand(
      "batch", "Render many documents in parallel: XML files, folders, JSON Lines manifests");
  batch->add_option("inputs", bargs.inputs,
                    "Document XML files, folders (every *.xml below them), manifests (.jsonl, "
                    ".ndjson: one {\"input\": …} a line)");
  batch->add_option("-o,--output", bargs.output_dir, "Output folder (created when missing)");
  CLI::Option* jobs_option =
      batch->add_option("-j,--jobs", bargs.jobs, "Worker threads (default: one per core)");
  batch->add_option("--report", bargs.report,
                    "Write a JSON report of every document (with --merge-reports: the joined one)");
  batch->add_flag("--resume", bargs.resume,
                  "Skip the documents the output folder's journal shows done and unchanged");
  batch->add_option("--shard", shard_text, "Render only shard K of N (0 <= K < N) of the inputs")
      ->type_name("K/N");
  batch->add_flag("--quiet", bargs.quiet, "No progress and no summary line (errors still print)");
  batch
      ->add_option("--merge-reports", bargs.merge_reports,
                   "Join the --report files of shards into one (written to --report, else stdout)")
      ->type_name("REPORT");

  // What the commands render with.
  for (CLI::App* cmd : {render, merge, batch}) {
    cmd->add_option("--layout", ropts.layout_file,
                    "Layout file to use instead of the layout the document names");
    cmd->add_flag("--allow-images-outside", ropts.allow_images_outside,
                  "Let seal images lie outside the document's folder");
    cmd->add_flag("--strict-fonts", ropts.strict_fonts,
                  "Refuse font substitution: a character a role's face lacks is an error");
    cmd->add_flag("--preprinted-letterhead", ropts.preprinted_letterhead,
                  "Paper with a printed red head: leave out the red mark and line, move nothing");
    cmd->add_option("--date,--creation-date", ropts.creation_date,
                    "PDF creation date YYYY-MM-DD[THH:MM:SS] (default: none, reproducible output)");
    cmd->add_flag("--pdfa", ropts.pdfa,
                  "Archival PDF/A-2b (ISO 19005-2): XMP metadata, sRGB output intent");
  }

  CLI::App* fonts = app.add_subcommand("fonts", "Show which font each role resolves to");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    const std::string hint = suggestion(app, argc, argv);
    return usage_error(e.what() + (hint.empty() ? std::string() : "; did you mean " + hint + "?"));
  }

  for (const std::string& spec : limit_specs)
    if (std::string error; !hongtou::cli::set_limit(spec, eopts.limits, error))
      return usage_error(error);
  eopts.system_fonts = !no_system_fonts;
  if (no_font_cache && !font_cache.empty())
    return usage_error("--font-cache and --no-font-cache contradict each other");
  eopts.font_cache = !no_font_cache;
  eopts.font_cache_dir = font_cache;
  // One --date for every document of a batch or merge: a bad one is a
  // mistake of the command line, refused before any document is rendered.
  if ((*batch || *merge) && !ropts.creation_date.empty() &&
      !hongtou::detail::valid_creation_date(ropts.creation_date))
    return usage_error(std::string(*batch ? "batch" : "merge") + ": " +
                       hongtou::detail::bad_creation_date(ropts.creation_date));
  if (*batch) {
    if (!bargs.merge_reports.empty()) {
      if (!bargs.inputs.empty() || !bargs.output_dir.empty() || bargs.resume || !shard_text.empty())
        return usage_error(
            "batch --merge-reports joins reports only: no INPUT, -o, --resume or --shard (the "
            "joined report goes to --report, else to standard output)");
      return hongtou::cli::run_merge_reports(bargs);
    }
    if (bargs.inputs.empty())
      return usage_error("batch: no INPUT (document XML files, folders or .jsonl manifests)");
    if (bargs.output_dir.empty()) return usage_error("batch: -o OUTDIR is required");
    if (jobs_option->count() && bargs.jobs < 1)
      return usage_error("batch: -j " + std::to_string(bargs.jobs) + ": at least 1 worker");
    if (!shard_text.empty())
      if (std::string error;
          !hongtou::cli::parse_shard(shard_text, bargs.shard_index, bargs.shard_count, error))
        return usage_error("batch: " + error);
    // Fonts prepared once for fast subsetting: every document after the
    // first renders several times faster.
    eopts.preprocess_fonts = true;
    hongtou::cli::install_batch_signals();
    hongtou::engine eng(eopts);
    return hongtou::cli::run_batch(eng, eopts, bargs, ropts);
  }
  remove_temporaries_on_signals();
  hongtou::engine eng(eopts);
  if (*render) {
    // The format from the output's extension unless --format says it; a
    // --format the extension contradicts is a mistake.
    const std::string ext = known_extension(output);
    if (format_option->count() == 0)
      format = ext == ".trace" ? "trace" : "pdf";
    else if (!ext.empty() && ext != "." + format)
      return usage_error("the output " + output + " is named as " + ext.substr(1) +
                         ", but --format is " + format);
    ropts.format = format == "trace" ? hongtou::output_format::trace : hongtou::output_format::pdf;
    if (ropts.pdfa && format == "trace")
      return usage_error("--pdfa makes a PDF, but the output " + output + " is a trace");
    for (const std::string* read : {&data, &eopts.fonts_file})
      if (!read->empty() && output != "-" && hongtou::detail::same_file(*read, output)) {
        std::cerr << output << ": error: cannot write " << output << ": it is the "
                  << (read == &data ? "data" : "fonts.xml") << " file; choose another output\n";
        return exit_code(hongtou::status::output_error);
      }
    if (!data.empty()) {
      std::vector<hongtou::diagnostic> diags;
      if (!hongtou::read_fields_file(data, ropts.fields, diags)) {
        print_diagnostics(diags);
        return exit_code(hongtou::status::input_error);
      }
    }
    if (input != "-" && output != "-") {
      hongtou::render_result r = eng.render_file(input, output, ropts);
      print_diagnostics(r.diagnostics);
      return exit_code(r.status);
    }
    // "-": the document from standard input (seal images beside the current
    // folder), the output to standard output.
    std::string xml;
    std::string name = input;
    if (input == "-") {
      name = "<stdin>";
      if (std::string error; !read_stdin(eopts.limits.input_bytes, xml, error)) {
        std::cerr << "hongtou: error: cannot read standard input: " << error << '\n';
        return exit_code(hongtou::status::input_error);
      }
    } else if (std::string error;
               !hongtou::read_regular_file(input, eopts.limits.input_bytes, xml, error)) {
      std::cerr << input << ": error: cannot open " << input << ": " << error << '\n';
      return exit_code(hongtou::status::input_error);
    }
    hongtou::render_result r;
    if (output != "-") {
      r = eng.render_memory_to_file(xml, name, output, ropts);
    } else {
      r = eng.render_memory(xml, name, ropts);
      if (r.ok() && (std::fwrite(r.bytes.data(), 1, r.bytes.size(), stdout) != r.bytes.size() ||
                     std::fflush(stdout) != 0)) {
        std::cerr << "hongtou: cannot write to standard output: " << std::strerror(errno) << '\n';
        return exit_code(hongtou::status::output_error);
      }
    }
    print_diagnostics(r.diagnostics);
    return exit_code(r.status);
  }
  if (*merge) return hongtou::cli::run_merge(eng, margs, ropts);
  if (*fonts) {
    hongtou::font_report rep = eng.fonts();
    for (const auto& e : rep.roles) {
      std::cout << e.role;
      if (!e.description.empty()) std::cout << " (" << e.description << ")";
      if (e.found) {
        std::cout << ": " << e.family << " " << e.style << " — " << e.path;
        if (e.index) std::cout << " #" << e.index;
        std::cout << " [" << e.matched_by << " via " << e.found_by
                  << (e.candidate_rank == 0 ? ", preferred" : ", substitute") << "]\n";
      } else {
        std::cout << ": NOT FOUND\n";
      }
    }
    print_diagnostics(rep.diagnostics);
    return exit_code(rep.status);
  }
  return 0;
}
