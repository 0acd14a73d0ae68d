// SPDX-License-Identifier: Apache-2.0
// The C API (include/hongtou/hongtou.h) over hongtou::engine: opaque handles
// owning C++ objects; every entry catches what the C++ side may throw, so
// nothing but a status crosses into C.
#include <hongtou/hongtou.h>

#include <memory>
#include <new>
#include <string>
#include <vector>

#include "api/hongtou.hpp"

struct ht_options {
  hongtou::engine_options value;
};

struct ht_render_options {
  hongtou::render_options value;
};

struct ht_engine {
  explicit ht_engine(hongtou::engine_options o) : value(std::move(o)) {}
  hongtou::engine value;
};

struct ht_result {
  hongtou::render_result value;
  std::vector<std::string> texts;  // format() of each diagnostic, made once
};

namespace {

constexpr ht_status bad = HT_BAD_ARGUMENT;

// Runs f, turning an exception into HT_INTERNAL_ERROR.
template <class F>
ht_status guarded(F&& f) noexcept {
  try {
    return f();
  } catch (...) {
    return HT_INTERNAL_ERROR;
  }
}

ht_status to_status(hongtou::status s) {
  return static_cast<ht_status>(static_cast<int>(s));
}

const hongtou::diagnostic* diagnostic_at(const ht_result* r, size_t i) {
  return r && i < r->value.diagnostics.size() ? &r->value.diagnostics[i] : nullptr;
}

// A result for a render that could not run at all (out of memory, an exception).
ht_status internal_failure(ht_result** out, const char* what) noexcept {
  try {
    auto r = std::make_unique<ht_result>();
    r->value.status = hongtou::status::internal_error;
    r->value.diagnostics.push_back({hongtou::severity::error, "", 0, 0, what, ""});
    r->texts.push_back(hongtou::format(r->value.diagnostics.back()));
    *out = r.release();
  } catch (...) {
    *out = nullptr;
  }
  return HT_INTERNAL_ERROR;
}

template <class Render>
ht_status render_into(ht_result** out, Render&& render) noexcept {
  *out = nullptr;
  try {
    auto r = std::make_unique<ht_result>();
    r->value = render();
    for (const auto& d : r->value.diagnostics) r->texts.push_back(hongtou::format(d));
    const ht_status s = to_status(r->value.status);
    *out = r.release();
    return s;
  } catch (const std::bad_alloc&) {
    return internal_failure(out, "out of memory");
  } catch (...) {
    return internal_failure(out, "internal error in the C API");
  }
}

}  // namespace

extern "C" {

const char* ht_version(void) {
  return hongtou::engine::version();
}

const char* ht_status_message(ht_status status) {
  switch (status) {
    case HT_OK:
      return "ok";
    case HT_INPUT_ERROR:
      return "the document, a layout or fonts.xml is wrong, or a font is missing";
    case HT_OUTPUT_ERROR:
      return "the output could not be written";
    case HT_INTERNAL_ERROR:
      return "internal error (out of memory, or a bug)";
    case HT_BAD_ARGUMENT:
      return "a NULL or invalid argument";
  }
  return "unknown status";
}

ht_options* ht_options_create(void) {
  return new (std::nothrow) ht_options();
}
void ht_options_destroy(ht_options* options) {
  delete options;
}

ht_status ht_options_set_data_dir(ht_options* o, const char* dir) {
  if (!o || !dir) return bad;
  return guarded([&] { return o->value.data_dir = dir, HT_OK; });
}

ht_status ht_options_set_fonts_file(ht_options* o, const char* path) {
  if (!o || !path) return bad;
  return guarded([&] { return o->value.fonts_file = path, HT_OK; });
}

ht_status ht_options_add_font_dir(ht_options* o, const char* dir) {
  if (!o || !dir) return bad;
  return guarded([&] { return o->value.font_dirs.emplace_back(dir), HT_OK; });
}

ht_status ht_options_add_layout_dir(ht_options* o, const char* dir) {
  if (!o || !dir) return bad;
  return guarded([&] { return o->value.layout_dirs.emplace_back(dir), HT_OK; });
}

ht_status ht_options_add_font(ht_options* o, const char* name, const void* bytes, size_t size) {
  if (!o || !name || (!bytes && size > 0)) return bad;
  return guarded([&] {
    const auto* b = static_cast<const uint8_t*>(bytes);
    o->value.fonts.push_back({name, std::vector<uint8_t>(b, b + size)});
    return HT_OK;
  });
}

ht_status ht_options_set_system_fonts(ht_options* o, int on) {
  if (!o) return bad;
  o->value.system_fonts = on != 0;
  return HT_OK;
}

ht_status ht_options_set_font_cache_dir(ht_options* o, const char* dir) {
  if (!o || !dir) return bad;
  return guarded([&] { return o->value.font_cache_dir = dir, HT_OK; });
}

ht_status ht_options_set_font_cache(ht_options* o, int on) {
  if (!o) return bad;
  o->value.font_cache = on != 0;
  return HT_OK;
}

ht_render_options* ht_render_options_create(void) {
  return new (std::nothrow) ht_render_options();
}
void ht_render_options_destroy(ht_render_options* options) {
  delete options;
}

ht_status ht_render_options_set_format(ht_render_options* o, ht_format format) {
  if (!o || (format != HT_FORMAT_PDF && format != HT_FORMAT_TRACE)) return bad;
  o->value.format =
      format == HT_FORMAT_PDF ? hongtou::output_format::pdf : hongtou::output_format::trace;
  return HT_OK;
}

ht_status ht_render_options_set_field(ht_render_options* o, const char* name, const char* value) {
  if (!o || !name || !value) return bad;
  return guarded([&] { return o->value.fields[name] = value, HT_OK; });
}

ht_status ht_render_options_set_creation_date(ht_render_options* o, const char* date) {
  if (!o || !date) return bad;
  return guarded([&] { return o->value.creation_date = date, HT_OK; });
}

ht_status ht_render_options_set_layout_file(ht_render_options* o, const char* path) {
  if (!o || !path) return bad;
  return guarded([&] { return o->value.layout_file = path, HT_OK; });
}

ht_status ht_render_options_set_strict_fonts(ht_render_options* o, int on) {
  if (!o) return bad;
  o->value.strict_fonts = on != 0;
  return HT_OK;
}

ht_status ht_render_options_set_pdfa(ht_render_options* o, int on) {
  if (!o) return bad;
  o->value.pdfa = on != 0;
  return HT_OK;
}

ht_status ht_engine_create(const ht_options* options, ht_engine** out) {
  if (!out) return bad;
  *out = nullptr;
  return guarded([&] {
    *out = new ht_engine(options ? options->value : hongtou::engine_options{});
    return HT_OK;
  });
}

void ht_engine_destroy(ht_engine* engine) {
  delete engine;
}

ht_status ht_render_to_memory(ht_engine* engine, const char* xml, size_t size, const char* name,
                              const ht_render_options* options, ht_result** out) {
  if (!out) return bad;
  *out = nullptr;
  if (!engine || (!xml && size > 0) || !name) return bad;
  static const hongtou::render_options defaults;
  return render_into(out, [&] {
    return engine->value.render_memory(std::string_view(xml ? xml : "", size), name,
                                       options ? options->value : defaults);
  });
}

ht_status ht_render_to_file(ht_engine* engine, const char* input, const char* output,
                            const ht_render_options* options, ht_result** out) {
  if (!out) return bad;
  *out = nullptr;
  if (!engine || !input || !output) return bad;
  static const hongtou::render_options defaults;
  return render_into(out, [&] {
    return engine->value.render_file(input, output, options ? options->value : defaults);
  });
}

ht_status ht_result_status(const ht_result* r) {
  return r ? to_status(r->value.status) : bad;
}

const unsigned char* ht_result_bytes(const ht_result* r, size_t* size) {
  if (size) *size = r ? r->value.bytes.size() : 0;
  return r ? r->value.bytes.data() : nullptr;
}

int ht_result_pages(const ht_result* r) {
  return r ? r->value.pages : 0;
}

size_t ht_result_diagnostic_count(const ht_result* r) {
  return r ? r->value.diagnostics.size() : 0;
}

ht_severity ht_result_diagnostic_severity(const ht_result* r, size_t i) {
  const hongtou::diagnostic* d = diagnostic_at(r, i);
  if (!d) return HT_NOTE;
  switch (d->level) {
    case hongtou::severity::note:
      return HT_NOTE;
    case hongtou::severity::warning:
      return HT_WARNING;
    case hongtou::severity::error:
      return HT_ERROR;
  }
  return HT_NOTE;
}

const char* ht_result_diagnostic_file(const ht_result* r, size_t i) {
  const hongtou::diagnostic* d = diagnostic_at(r, i);
  return d ? d->file.c_str() : "";
}

int ht_result_diagnostic_line(const ht_result* r, size_t i) {
  const hongtou::diagnostic* d = diagnostic_at(r, i);
  return d ? d->line : 0;
}

int ht_result_diagnostic_column(const ht_result* r, size_t i) {
  const hongtou::diagnostic* d = diagnostic_at(r, i);
  return d ? d->column : 0;
}

const char* ht_result_diagnostic_message(const ht_result* r, size_t i) {
  const hongtou::diagnostic* d = diagnostic_at(r, i);
  return d ? d->message.c_str() : "";
}

const char* ht_result_diagnostic_text(const ht_result* r, size_t i) {
  return r && i < r->texts.size() ? r->texts[i].c_str() : "";
}

void ht_result_destroy(ht_result* result) {
  delete result;
}

}  // extern "C"
