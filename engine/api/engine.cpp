// SPDX-License-Identifier: Apache-2.0
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <new>

#include "api/creation_date.hpp"
#include "api/data_dir.hpp"
#include "api/hongtou.hpp"
#include "api/write_file.hpp"
#include "core/file.hpp"
#include "fonts/face_cache.hpp"
#include "fonts/font_set.hpp"
#include "fonts/provider.hpp"
#include "image/png.hpp"
#include "layout/page/compose.hpp"
#include "model/checks.hpp"
#include "model/document.hpp"
#include "model/font_config.hpp"
#include "model/layout_spec.hpp"
#include "render/pdf/pdf.hpp"
#include "render/trace/trace.hpp"

namespace hongtou {

// What a render needs besides the document: a layout, its fonts, and the
// warnings their loading produced (replayed with every render that uses them).
struct prepared_layout {
  model::layout_spec spec;
  std::unique_ptr<fonts::font_set> fonts;
  std::vector<diagnostic> warnings;
};

// Layouts and fonts are read once per engine and shared by all renders,
// from any thread; a failed load is not cached, so its errors come back on
// every call. Faces live in one cache, so a file used by several roles or
// layouts is opened once.
struct engine::impl {
  engine_options options;
  std::string data_dir;
  std::string fonts_file;
  std::vector<std::string> layout_dirs;
  std::vector<std::string> template_dirs;  // then the document's folder (template_finder)
  std::vector<std::unique_ptr<fonts::provider>> owned_providers;
  std::vector<const fonts::provider*> providers;  // memory, font folders, then the system
  fonts::face_cache faces;
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const prepared_layout>> layouts;

  // `cache_folder`: where the system provider keeps fontconfig's list (none: empty).
  void make_providers(const std::string& cache_folder) {
    std::vector<fonts::memory_font> memory;
    for (const auto& f : options.fonts) memory.push_back({f.name, f.bytes});
    if (!memory.empty()) owned_providers.push_back(fonts::memory_provider(std::move(memory)));
    for (const auto& dir : options.font_dirs)
      owned_providers.push_back(fonts::folder_provider(dir));
    if (options.system_fonts) owned_providers.push_back(fonts::system_provider({}, cache_folder));
    for (const auto& p : owned_providers) providers.push_back(p.get());
  }

  std::unique_ptr<fonts::font_set> resolve(const fonts::font_config& config,
                                           const std::vector<std::string>& roles,
                                           const std::vector<std::string>& optional,
                                           diagnostics& diags) {
    return fonts::font_set::resolve(config, roles, optional, providers, faces, diags, fonts_file);
  }

  /// A layout by name (`file` empty) or from a layout file, with its fonts.
  std::shared_ptr<const prepared_layout> layout(const std::string& name, const std::string& file,
                                                diagnostics& diags) {
    const std::string key = file.empty() ? name : "file:" + file;
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = layouts.find(key); it != layouts.end()) {
      for (const auto& w : it->second->warnings) diags.add(w);
      return it->second;
    }
    auto prepared = std::make_shared<prepared_layout>();
    diagnostics local;
    fonts::font_config fcfg;
    const bool read = file.empty()
                          ? model::load_layout(layout_dirs, name, prepared->spec, local)
                          : model::load_layout_file(file, prepared->spec, local, layout_dirs);
    if (!read || !model::load_font_config(fonts_file, fcfg, local) ||
        !model::check_font_names(prepared->spec, fcfg, local)) {
      diags.append(local);
      return nullptr;
    }
    prepared->fonts =
        resolve(fcfg, prepared->spec.font_roles(), prepared->spec.optional_font_roles(), local);
    diags.append(local);
    if (!prepared->fonts) return nullptr;
    prepared->warnings = local.items();
    layouts.emplace(key, prepared);
    return prepared;
  }
};

namespace {

// Finds an organisation template `<name>.xml` (<gongwen template>): in the
// engine's template folders, then the document's folder (the folder of its
// seal images), then the installed examples of <data_dir>/templates.
model::template_finder template_finder(const std::vector<std::string>& template_dirs,
                                       const std::string& data_dir, const std::string& doc_name,
                                       const render_options& o, uint64_t max_bytes) {
  namespace fs = std::filesystem;
  std::vector<std::string> dirs = template_dirs;
  std::string own =
      o.image_folder.empty() ? fs::path(doc_name).parent_path().string() : o.image_folder;
  dirs.push_back(own.empty() ? "." : own);
  dirs.push_back((fs::path(data_dir) / "templates").string());
  return [dirs, max_bytes](const std::string& name, std::string& text, std::string& source,
                           std::string& looked) {
    for (const std::string& dir : dirs) {
      looked += (looked.empty() ? "" : ", ") + dir;
      const std::string path = (fs::path(dir) / (name + ".xml")).string();
      std::error_code ec;
      if (!fs::is_regular_file(path, ec)) continue;
      std::string error;
      if (!read_regular_file(path, max_bytes, text, error)) {
        looked += " (" + path + ": " + error + ")";
        return false;
      }
      source = path;
      return true;
    }
    return false;
  };
}

// The seal images of a document, decoded with libpng under its limits, from
// the document's folder (GB/T 9704-2012 7.3.5.1). A missing, unreadable or
// outside image is an error at its <seal>.
bool load_seals(const model::document& doc, const std::string& name, const render_options& o,
                const limits& lim, layout::seal_images& out, diagnostics& diags) {
  // The seals of its signature and of the signatures of documents it forwards.
  std::vector<const model::seal*> all;
  auto add = [&all](const model::signature& sig) {
    for (const model::seal& s : sig.seals) all.push_back(&s);
    for (const model::signer& who : sig.signers) all.push_back(&who.stamp);
  };
  add(doc.sig);
  for (const model::attachment& a : doc.appendices) add(a.sig);
  if (all.empty()) return true;  // no file-system work for an unsealed document
  namespace fs = std::filesystem;
  fs::path base = o.image_folder.empty() ? fs::path(name).parent_path() : fs::path(o.image_folder);
  if (base.empty()) base = ".";
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(fs::absolute(base, ec), ec);
  bool ok = true;
  for (const model::seal* seal : all) {
    const model::seal& s = *seal;
    if (out.count(s.src)) continue;
    auto fail = [&](const std::string& message, const std::string& hint = {}) {
      diags.error(doc.source_name, s.pos.line, s.pos.column, message, hint);
      ok = false;
    };
    // A template's seals lie beside the template (model::seal::folder).
    const fs::path own =
        s.folder.empty() ? root : fs::weakly_canonical(fs::absolute(s.folder, ec), ec);
    const fs::path given(s.src);
    const fs::path full = fs::weakly_canonical(given.is_absolute() ? given : own / given, ec);
    const fs::path rel = full.lexically_relative(own);
    const bool inside = !given.is_absolute() && !rel.empty() && *rel.begin() != "..";
    if (!inside && !o.allow_images_outside) {
      fail("seal image \"" + s.src + "\" lies outside the " +
               (s.folder.empty() ? "document's" : "template's") + " folder",
           "put it beside the document, or allow it with --allow-images-outside "
           "(render_options::allow_images_outside)");
      continue;
    }
    raster::decoded_image d;
    std::string error;
    raster::png_limits png;
    png.max_pixels = lim.image_pixels == 0 ? SIZE_MAX : static_cast<size_t>(lim.image_pixels);
    png.max_file = lim.image_bytes == 0 ? SIZE_MAX : static_cast<size_t>(lim.image_bytes);
    if (!raster::read_png_file(full.string(), png, d, error)) {
      fail("cannot use seal image \"" + s.src + "\": " + error);
      continue;
    }
    image im;
    im.pixel_width = d.width;
    im.pixel_height = d.height;
    im.rgb = std::move(d.rgb);
    im.alpha = std::move(d.alpha);
    out.emplace(s.src, std::move(im));
  }
  return ok;
}

// Paper with a printed red head: what it carries is left out, nothing moves.
void omit_letterhead(frames& f) {
  for (page& pg : f.pages) {
    pg.runs.erase(std::remove_if(pg.runs.begin(), pg.runs.end(),
                                 [](const glyph_run& r) { return r.role == element::issuer; }),
                  pg.runs.end());
    pg.rules.erase(std::remove_if(pg.rules.begin(), pg.rules.end(),
                                  [](const rule& r) { return r.role == element::separator; }),
                   pg.rules.end());
  }
}

// The issuing organ of the PDF's information: the 发文机关署名 (GB/T
// 9704-2012 7.3.5), else the 发文机关标志 without its "文件" (7.2.4); the
// organs of a joint document joined with "、".
std::string issuing_organ(const model::document& doc) {
  std::vector<std::string> organs;
  if (!doc.sig.organ.empty()) {
    organs.push_back(doc.sig.organ);
    organs.insert(organs.end(), doc.sig.co_organs.begin(), doc.sig.co_organs.end());
  } else if (!doc.head.issuer.empty()) {
    organs.push_back(doc.head.issuer);
    organs.insert(organs.end(), doc.head.co_issuers.begin(), doc.head.co_issuers.end());
    const std::string suffix = "文件";
    std::string& last = organs.back();
    if (doc.head.issuer_suffix.empty() && organs.size() == 1 && last.size() > suffix.size() &&
        last.compare(last.size() - suffix.size(), suffix.size(), suffix) == 0)
      last.erase(last.size() - suffix.size());
  }
  std::string out;
  for (const std::string& o : organs) out += (out.empty() ? "" : "、") + o;
  return out;
}

// The 成文日期 "2024年5月31日" (Arabic numerals, GB/T 9704-2012 7.3.5.1) as
// "2024-05-31"; "" for a date of another form.
std::string iso_date(const std::string& date) {
  unsigned y = 0, m = 0, d = 0;
  int used = 0;
  if (std::sscanf(date.c_str(), "%4u年%2u月%2u日%n", &y, &m, &d, &used) != 3 ||
      static_cast<size_t>(used) != date.size() || y < 1000 || m < 1 || m > 12 || d < 1 || d > 31)
    return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, d);
  return buf;
}

// Runs an engine call; an exception (out of memory, a bug) becomes an
// internal-error diagnostic instead of crossing the library boundary.
template <class Result, class F>
Result guarded(F&& call) {
  try {
    return call();
  } catch (const std::bad_alloc&) {
    Result r;
    r.status = status::internal_error;
    r.diagnostics.push_back({severity::error, "", 0, 0, "out of memory", {}});
    return r;
  } catch (const std::exception& e) {
    Result r;
    r.status = status::internal_error;
    r.diagnostics.push_back(
        {severity::error, "", 0, 0, std::string("internal error: ") + e.what(), {}});
    return r;
  }
}

}  // namespace

engine::engine(engine_options options) : impl_(new impl) {
  impl_->options = std::move(options);
  impl_->data_dir =
      impl_->options.data_dir.empty() ? detail::default_data_dir() : impl_->options.data_dir;
  impl_->fonts_file =
      impl_->options.fonts_file.empty()
          ? (std::filesystem::path(impl_->data_dir) / "fonts" / "fonts.xml").string()
          : impl_->options.fonts_file;
  impl_->layout_dirs = impl_->options.layout_dirs;
  impl_->layout_dirs.push_back((std::filesystem::path(impl_->data_dir) / "layouts").string());
  impl_->template_dirs = impl_->options.template_dirs;
  impl_->faces.set_max_file_bytes(impl_->options.limits.font_bytes);
  fonts::trim_settings trim;
  if (impl_->options.font_cache)
    trim.folder = impl_->options.font_cache_dir.empty() ? detail::default_font_cache_dir()
                                                        : impl_->options.font_cache_dir;
  impl_->faces.set_trim(trim);
  impl_->make_providers(trim.folder);
}

engine::~engine() = default;

const char* engine::version() {
  return HONGTOU_VERSION;
}

render_result engine::render_memory(std::string_view xml, const std::string& name,
                                    const render_options& options) {
  return guarded<render_result>([&] { return render_memory_unguarded(xml, name, options); });
}

render_result engine::render_memory_unguarded(std::string_view xml, const std::string& name,
                                              const render_options& options, std::string* input) {
  render_result result;
  diagnostics diags;
  auto finish = [&](hongtou::status st) {
    result.status = st;
    result.diagnostics = diags.items();
    return result;
  };

  if (!options.creation_date.empty() && !detail::valid_creation_date(options.creation_date)) {
    diags.error("", 0, 0, detail::bad_creation_date(options.creation_date));
    return finish(status::input_error);
  }

  model::document doc;
  model::parse_options popts;
  popts.fields = &options.fields;
  const limits& lim = impl_->options.limits;
  popts.limits = &lim;
  popts.find_template =
      template_finder(impl_->template_dirs, impl_->data_dir, name, options, lim.input_bytes);
  if (lim.input_bytes != 0 && xml.size() > lim.input_bytes) {
    diags.error(name, 0, 0,
                over_limit("the document is " + byte_size(xml.size()), byte_size(lim.input_bytes),
                           "input_bytes"));
    return finish(status::input_error);
  }
  if (!model::parse_document(xml, name, doc, diags, popts)) return finish(status::input_error);
  if (input) std::string().swap(*input);  // the model holds what the render needs of it
  model::check_document(doc, diags);

  std::shared_ptr<const prepared_layout> prepared =
      impl_->layout(doc.layout, options.layout_file, diags);
  if (!prepared) return finish(status::input_error);

  layout::seal_images seals;
  if (!load_seals(doc, name, options, lim, seals, diags)) return finish(status::input_error);
  // What the PDF names of the document, as written (before normalising).
  const std::string author = issuing_organ(doc), subject = doc.head.doc_number,
                    document_date = iso_date(doc.sig.date);
  frames f;
  // The model goes to the layout, normalised in place, not copied.
  if (!layout::compose(std::move(doc), prepared->spec, *prepared->fonts, f, diags, seals,
                       options.strict_fonts, {lim.pages, lim.memory_bytes}))
    return finish(status::input_error);
  doc = model::document();  // given up: the PDF takes the memory
  result.pages = static_cast<int>(f.pages.size());
  if (options.preprinted_letterhead) omit_letterhead(f);

  if (options.format == output_format::trace) {
    std::string t = render::trace(f, prepared->fonts->cache());
    result.bytes.assign(t.begin(), t.end());
  } else {
    render::pdf_options pdf;
    pdf.creation_date = options.creation_date;
    pdf.producer = std::string("hongtou ") + version();
    pdf.preprocessed_subsetting = impl_->options.preprocess_fonts;
    pdf.pdfa = options.pdfa;
    pdf.author = author;
    pdf.subject = subject;
    pdf.document_date = document_date;
    for (const fonts::role_face& role : prepared->fonts->roles())
      for (const fonts::face* face : role.chain) {
        std::string& roles = pdf.face_roles[face->id()];
        roles += (roles.empty() ? "role '" : ", '") + role.role + "'";
      }
    // Each page's runs go once written (a long document's peak memory).
    switch (render::render_pdf(std::move(f), prepared->fonts->cache(), pdf, result.bytes, diags)) {
      case render::pdf_status::ok:
        break;
      case render::pdf_status::bad_font:
      case render::pdf_status::not_pdfa:
        return finish(status::input_error);
      case render::pdf_status::failed:
        return finish(status::output_error);
    }
  }
  return finish(status::ok);
}

render_result engine::render_file(const std::string& input, const std::string& output,
                                  const render_options& options) {
  return guarded<render_result>([&] { return render_file_unguarded(input, output, options); });
}

render_result engine::render_file_unguarded(const std::string& input, const std::string& output,
                                            const render_options& options) {
  // The output never replaces what the render reads.
  for (const std::string* read : {&input, &options.layout_file}) {
    if (read->empty() || !detail::same_file(*read, output)) continue;
    render_result r;
    r.status = status::output_error;
    r.diagnostics.push_back({severity::error,
                             output,
                             0,
                             0,
                             "cannot write " + output + ": it is the " +
                                 (read == &input ? "input" : "layout") +
                                 " file; choose another output",
                             {}});
    return r;
  }
  std::string xml;
  if (std::string error; !read_regular_file(input, impl_->options.limits.input_bytes, xml, error)) {
    render_result r;
    r.status = status::input_error;
    r.diagnostics.push_back(
        {severity::error, input, 0, 0, "cannot open " + input + ": " + error, {}});
    return r;
  }
  return render_memory_to_file_unguarded(xml, input, output, options, &xml);
}

render_result engine::render_memory_to_file(std::string_view xml, const std::string& name,
                                            const std::string& output,
                                            const render_options& options) {
  return guarded<render_result>(
      [&] { return render_memory_to_file_unguarded(xml, name, output, options); });
}

render_result engine::render_memory_to_file_unguarded(std::string_view xml, const std::string& name,
                                                      const std::string& output,
                                                      const render_options& options,
                                                      std::string* input) {
  if (std::error_code ec; std::filesystem::is_directory(output, ec)) {
    render_result r;
    r.status = status::output_error;
    r.diagnostics.push_back(
        {severity::error, output, 0, 0, "cannot write " + output + ": it is a folder", {}});
    return r;
  }
  render_result r = render_memory_unguarded(xml, name, options, input);
  if (!r.ok()) return r;

  // A temporary file beside the target, then an atomic rename.
  if (std::string error; !detail::write_atomically(output, r.bytes, error)) {
    r.status = status::output_error;
    r.diagnostics.push_back({severity::error, output, 0, 0, error, {}});
  }
  r.bytes.clear();
  return r;
}

font_report engine::fonts() {
  return guarded<font_report>([&] { return fonts_unguarded(); });
}

font_report engine::fonts_unguarded() {
  font_report report;
  diagnostics diags;
  fonts::font_config fcfg;
  if (!model::load_font_config(impl_->fonts_file, fcfg, diags)) {
    report.status = status::input_error;
    report.diagnostics = diags.items();
    return report;
  }
  for (const auto& role : fcfg.roles) {
    font_report_entry e;
    e.role = role.name;
    e.description = role.description;
    diagnostics one;
    auto set = impl_->resolve(fcfg, {role.name}, {}, one);
    if (const fonts::role_face* rf = set ? set->find(role.name) : nullptr) {
      e.found = true;
      e.family = rf->font->family();
      e.style = rf->font->style();
      e.path = rf->font->path();
      e.index = rf->font->index();
      e.matched_by = rf->matched_by;
      e.candidate_rank = rf->rank;
      e.found_by = rf->found_by;
    } else {
      report.status = status::input_error;
    }
    diags.append(one);
    report.roles.push_back(std::move(e));
  }
  report.diagnostics = diags.items();
  return report;
}

}  // namespace hongtou
