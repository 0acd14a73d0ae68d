// SPDX-License-Identifier: Apache-2.0
// hongtou — command-line client of hongtou::engine. Only prints; all
// layout and PDF work happens in the library.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "api/hongtou.hpp"
#include "cli/merge.hpp"

namespace {

int print_diagnostics(const std::vector<hongtou::diagnostic>& diags) {
  for (const auto& d : diags) std::cerr << hongtou::format(d) << '\n';
  return 0;
}

int exit_code(hongtou::status s) {
  return static_cast<int>(s);
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
                 "Folder of font files searched before the system's fonts (repeatable)");
  bool no_system_fonts = false;
  app.add_flag("--no-system-fonts", no_system_fonts,
               "Search only the --font-dir folders, not the system's fonts (fontconfig)");
  app.add_option("--layout-dir", eopts.layout_dirs,
                 "Folder of layouts (<name>.xml) searched before <data-dir>/layouts (repeatable)");
  app.add_option("--template-dir", eopts.template_dirs,
                 "Folder of organisation templates (<name>.xml) searched before the document's "
                 "folder and <data-dir>/templates (repeatable)");

  std::string input, output, format = "pdf", data;
  hongtou::render_options ropts;
  CLI::App* render = app.add_subcommand("render", "Typeset a document");
  render->add_option("input", input, "Document XML")->required();
  render->add_option("-o,--output", output, "Output file (PDF, or trace text with --format trace)")
      ->required();
  render->add_option("--format", format, "pdf or trace")->check(CLI::IsMember({"pdf", "trace"}));
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

  // What both commands render with.
  for (CLI::App* cmd : {render, merge}) {
    cmd->add_option("--layout", ropts.layout_file,
                    "Layout file to use instead of the layout the document names");
    cmd->add_flag("--allow-images-outside", ropts.allow_images_outside,
                  "Let seal images lie outside the document's folder");
    cmd->add_flag("--strict-fonts", ropts.strict_fonts,
                  "Refuse font substitution: a character a role's face lacks is an error");
    cmd->add_flag("--preprinted-letterhead", ropts.preprinted_letterhead,
                  "Paper with a printed red head: leave out the red mark and line, move nothing");
    cmd->add_option("--creation-date", ropts.creation_date,
                    "PDF creation date YYYY-MM-DD[THH:MM:SS] (default: none, reproducible output)");
  }

  CLI::App* fonts = app.add_subcommand("fonts", "Show which font each role resolves to");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }

  eopts.system_fonts = !no_system_fonts;
  hongtou::engine eng(eopts);
  if (*render) {
    ropts.format = format == "trace" ? hongtou::output_format::trace : hongtou::output_format::pdf;
    if (!data.empty()) {
      std::vector<hongtou::diagnostic> diags;
      if (!hongtou::read_fields_file(data, ropts.fields, diags)) {
        print_diagnostics(diags);
        return exit_code(hongtou::status::input_error);
      }
    }
    hongtou::render_result r = eng.render_file(input, output, ropts);
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
