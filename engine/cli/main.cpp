// hongtou — command-line client of hongtou::engine. Only prints; all
// layout and PDF work happens in the library.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "api/hongtou.hpp"

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

  std::string input, output, format = "pdf";
  hongtou::render_options ropts;
  CLI::App* render = app.add_subcommand("render", "Typeset a document");
  render->add_option("input", input, "Document XML")->required();
  render->add_option("-o,--output", output, "Output file (PDF, or trace text with --format trace)")
      ->required();
  render->add_option("--format", format, "pdf or trace")->check(CLI::IsMember({"pdf", "trace"}));
  render->add_flag("--allow-images-outside", ropts.allow_images_outside,
                   "Let seal images lie outside the document's folder");
  render->add_flag("--strict-fonts", ropts.strict_fonts,
                   "Refuse font substitution: a character a role's face lacks is an error");
  render->add_flag("--preprinted-letterhead", ropts.preprinted_letterhead,
                   "Paper with a printed red head: leave out the red mark and line, move nothing");
  render->add_option(
      "--creation-date", ropts.creation_date,
      "PDF creation date YYYY-MM-DD[THH:MM:SS] (default: none, reproducible output)");

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
    hongtou::render_result r = eng.render_file(input, output, ropts);
    print_diagnostics(r.diagnostics);
    return exit_code(r.status);
  }
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
