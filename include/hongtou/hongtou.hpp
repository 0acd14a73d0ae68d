// SPDX-License-Identifier: Apache-2.0
#pragma once
// hongtou — GB/T 9704-2012 official documents (公文) from XML to PDF: the C++
// API of the installed library (C++17; the C API is <hongtou/hongtou.h>).
//
//   #include <hongtou/hongtou.hpp>
//
//   hongtou::engine eng;                       // data from the installed folder
//   auto r = eng.render_file("doc.xml", "doc.pdf");
//   for (const auto& d : r.diagnostics) std::cerr << hongtou::format(d) << '\n';
//   return r.ok() ? 0 : 2;
//
// The engine never prints; problems come back as diagnostics. Link with
// find_package(hongtou) and hongtou::hongtou, or `pkg-config --libs hongtou`.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#if defined(_WIN32)
#define HONGTOU_API
#define HONGTOU_LOCAL
#else
#define HONGTOU_API __attribute__((visibility("default")))
#define HONGTOU_LOCAL __attribute__((visibility("hidden")))  // members that are not API
#endif

namespace hongtou {

enum class severity { note, warning, error };

/// One problem found in a document, a data file or the environment.
/// line/column are 1-based; 0 means "no position" (e.g. a missing font).
struct diagnostic {
  severity level = severity::error;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string hint;
};

/// "file:line:column: error: message" (position parts omitted when 0).
HONGTOU_API std::string format(const diagnostic& d);

/// What a render call produced.
enum class status {
  ok = 0,
  input_error = 2,     // the document, a layout or fonts.xml is wrong, or a font is missing
  output_error = 3,    // the output could not be written
  internal_error = 4,  // out of memory, or a bug: the message says which
};

enum class output_format { pdf, trace };

/// A font an application hands over in memory.
struct font_data {
  std::string name;  // a file name fonts.xml candidates may give, e.g. "FZXiaoBiaoSong.ttf"
  std::vector<uint8_t> bytes;
};

/// What one render may take in, with defaults safe for a service that
/// renders uploads. Past a limit the render stops with an input error that
/// names it ("…, more than the limit of 16 MiB (limits::input_bytes)").
/// 0 means no limit. docs/limits.md lists them with their reasons.
struct limits {
  /// Bytes of one file read: a document, template, data file, layout, fonts.xml.
  uint64_t input_bytes = 16u << 20;
  /// XML elements in one file, and how deeply they nest.
  uint64_t elements = 200'000;
  uint64_t depth = 64;
  /// Characters of one paragraph, heading, list item or table cell, and of the title.
  uint64_t paragraph_chars = 100'000;
  uint64_t title_chars = 1'000;
  /// Pages of one document.
  uint64_t pages = 5'000;
  /// Memory the layout of one document may take, as it counts it (the lines
  /// set and the display list); the fonts, shared by all renders, are not counted.
  uint64_t memory_bytes = 1ull << 30;
  /// Combining marks on one character (U+0301 …); a real text needs two or three.
  uint64_t cluster_marks = 16;
  /// Pixels (width · height) and file bytes of one seal image.
  uint64_t image_pixels = 16'000'000;
  uint64_t image_bytes = 32u << 20;
  /// Bytes of one font file (a CJK collection is 20–120 MB).
  uint64_t font_bytes = 512u << 20;
};

struct engine_options {
  /// Folder holding layouts/, fonts/ and templates/ (empty: share/hongtou
  /// beside the installed library, or beside the bin/ of a program linked
  /// with it statically; else HONGTOU_DATA_DIR from the environment; else the
  /// source tree, for the build tree's own binaries).
  std::string data_dir;
  /// fonts.xml to use (empty: <data_dir>/fonts/fonts.xml).
  std::string fonts_file;
  /// Extra folders of layouts (`<name>.xml`), searched before <data_dir>/layouts.
  std::vector<std::string> layout_dirs;
  /// Folders of organisation templates (`<name>.xml`, <gongwen template>),
  /// searched before the document's folder and <data_dir>/templates.
  std::vector<std::string> template_dirs;
  /// Font folders searched before the system's fonts, in order.
  std::vector<std::string> font_dirs;
  /// Fonts handed over in memory, searched first: fonts.xml candidates find
  /// them by family name, or by `name` as a file name.
  std::vector<font_data> fonts;
  /// Whether the system's fonts (fontconfig) are searched after those.
  bool system_fonts = true;
  /// Prepare each font once for fast subsetting (hb_subset_preprocess): the
  /// first document pays 0.2–3 s per face, every later one renders several
  /// times faster. For batch runs and services, not for one-off renders.
  bool preprocess_fonts = false;
  /// Big CJK faces (20,000 glyphs or more) are subset from a trimmed copy
  /// holding the characters of GB 2312 and the common punctuation and
  /// symbols, several times faster than from the whole face. The copies are
  /// kept in this folder, each made once per font file, beside fontconfig's
  /// list of faces (read back, without starting fontconfig, while its
  /// configuration and font folders are unchanged); empty (the default):
  /// $XDG_CACHE_HOME/hongtou/fonts, else ~/.cache/hongtou/fonts.
  std::string font_cache_dir;
  /// false: keep nothing on disk; each engine makes its copies in memory on
  /// first use (0.1–0.5 s a face) and starts fontconfig. The PDF is the same
  /// either way.
  bool font_cache = true;
  /// What one render may take in (see limits).
  hongtou::limits limits;
};

/// The values of a document's fields: {{name}} in its text and attributes.
using field_values = std::map<std::string, std::string>;

struct render_options {
  output_format format = output_format::pdf;
  /// Values of the document's fields (empty: its defaults only).
  field_values fields;
  /// A layout file to use instead of the one the document names (empty:
  /// the document's); its `extends` finds layouts beside it, then the engine's.
  std::string layout_file;
  /// PDF creation date "YYYY-MM-DD[THH:MM:SS]"; empty keeps output reproducible.
  std::string creation_date;
  /// The folder seal images (<seal src="…">) are relative to (empty: the
  /// document's folder; for render_memory, the folder of its name).
  std::string image_folder;
  /// Whether a seal image may lie outside that folder (an absolute path,
  /// "../", a link out of it). Off: a service must not read other files.
  bool allow_images_outside = false;
  /// For paper that already carries the red head (预印红头纸套打): every
  /// element keeps its place, the red 发文机关标志 and separator are not drawn.
  bool preprinted_letterhead = false;
  /// Refuse font substitution: a character the role's face lacks is an
  /// error listing it, not a character set in a fallback face.
  bool strict_fonts = false;
  /// Archival output, PDF/A-2b (ISO 19005-2): XMP metadata, an sRGB output
  /// intent, no device colour but RGB and grey (docs/pdfa.md).
  bool pdfa = false;
};

struct render_result {
  hongtou::status status = hongtou::status::ok;
  std::vector<diagnostic> diagnostics;
  std::vector<uint8_t> bytes;  // the PDF or trace (render_memory only)
  int pages = 0;
  bool ok() const { return status == hongtou::status::ok; }
};

/// Reads field values from a JSON object: strings and numbers, nested
/// objects as dotted names ("signer.name"), null as no value. `name` and
/// `first_line` place the diagnostics (a JSON Lines record's line). False,
/// with errors in diags, for bad JSON or a value of another kind.
HONGTOU_API bool parse_fields_json(std::string_view json, const std::string& name,
                                   field_values& out, std::vector<diagnostic>& diags,
                                   int first_line = 1);

/// Reads a JSON file of field values (see parse_fields_json).
HONGTOU_API bool read_fields_file(const std::string& path, field_values& out,
                                  std::vector<diagnostic>& diags);

/// One resolved font role, for reports (`hongtou fonts`).
struct font_report_entry {
  std::string role, description;
  bool found = false;
  std::string family, style, path, matched_by;
  std::string found_by;  // where: "fontconfig", "folder <dir>", "memory"
  unsigned index = 0;
  int candidate_rank = 0;  // 0 = the first (preferred) candidate
};

struct font_report {
  hongtou::status status = hongtou::status::ok;
  std::vector<font_report_entry> roles;
  std::vector<diagnostic> diagnostics;
};

/// Removes the temporary files of the outputs being written at this moment
/// (render_file, render_memory_to_file): for a program's SIGINT/SIGTERM
/// handler, which then ends the process. Async-signal-safe: no lock, no
/// allocation, only unlink(2). A write whose file was removed fails with an
/// output error instead of renaming it into place.
HONGTOU_API void remove_temporary_outputs() noexcept;

/// The engine reads its layouts and fonts on first use and keeps them for
/// later renders; one engine may render from several threads at once.
class HONGTOU_API engine {
 public:
  explicit engine(engine_options options = {});
  ~engine();
  engine(const engine&) = delete;
  engine& operator=(const engine&) = delete;

  /// Renders XML text into bytes (PDF or trace); `name` is used in diagnostics.
  render_result render_memory(std::string_view xml, const std::string& name,
                              const render_options& options = {});

  /// Renders a file to a file. The output is written to a temporary file in
  /// the same folder and renamed, so a failed render leaves no output behind.
  render_result render_file(const std::string& input, const std::string& output,
                            const render_options& options = {});

  /// Renders XML text (`name` places the diagnostics and the seal images) to
  /// a file, written as render_file writes it.
  render_result render_memory_to_file(std::string_view xml, const std::string& name,
                                      const std::string& output,
                                      const render_options& options = {});

  /// Resolves every role of fonts.xml and reports the face each one uses.
  font_report fonts();

  /// Library version, e.g. "0.1.0".
  static const char* version();

 private:
  // `input`, when given, holds xml and is freed once it is parsed.
  HONGTOU_LOCAL render_result render_memory_unguarded(std::string_view xml, const std::string& name,
                                                      const render_options& options,
                                                      std::string* input = nullptr);
  HONGTOU_LOCAL render_result render_file_unguarded(const std::string& input,
                                                    const std::string& output,
                                                    const render_options& options);
  HONGTOU_LOCAL render_result render_memory_to_file_unguarded(std::string_view xml,
                                                              const std::string& name,
                                                              const std::string& output,
                                                              const render_options& options,
                                                              std::string* input = nullptr);
  HONGTOU_LOCAL font_report fonts_unguarded();

  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace hongtou
