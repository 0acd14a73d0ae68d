/* SPDX-License-Identifier: Apache-2.0 */
/* clang-format off */
/* hongtou — GB/T 9704-2012 official documents (公文) from XML to PDF: the C API
 * of the installed library (C99; C++ callers may use <hongtou/hongtou.hpp>).
 *
 * A complete program (cc demo.c $(pkg-config --cflags --libs hongtou)):
 *
 *   #include <hongtou/hongtou.h>
 *   #include <stdio.h>
 *   #include <string.h>
 *
 *   int main(void) {
 *     const char* xml =
 *         "<gongwen><header><issuer>国务院办公厅文件</issuer>"
 *         "<doc-number>国办发〔2019〕3号</doc-number></header>"
 *         "<title>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知</title>"
 *         "<body><p>各地要高度重视。</p></body></gongwen>";
 *     ht_engine* engine = NULL;
 *     if (ht_engine_create(NULL, &engine) != HT_OK) return 1;
 *     ht_result* result = NULL;
 *     ht_status status =
 *         ht_render_to_memory(engine, xml, strlen(xml), "notice.xml", NULL, &result);
 *     for (size_t i = 0; i < ht_result_diagnostic_count(result); ++i)
 *       fprintf(stderr, "%s\n", ht_result_diagnostic_text(result, i));
 *     if (status == HT_OK) {
 *       size_t size = 0;
 *       const unsigned char* pdf = ht_result_bytes(result, &size);
 *       FILE* out = fopen("notice.pdf", "wb");
 *       if (out) fwrite(pdf, 1, size, out), fclose(out);
 *     }
 *     ht_result_destroy(result);
 *     ht_engine_destroy(engine);
 *     return status == HT_OK ? 0 : 2;
 *   }
 *
 * Ownership: every object a function creates (ht_options, ht_render_options,
 * ht_engine, ht_result) belongs to the caller, who frees it with its
 * _destroy function (NULL is accepted and ignored). A pointer a function
 * returns into an object (bytes, diagnostic texts) stays valid until that
 * object is destroyed. Strings passed in are copied; they may be freed when
 * the call returns. Strings are UTF-8 and NUL-terminated unless a length is
 * given. No function throws, prints or aborts: failures come back as
 * ht_status values, and problems in a document as the result's diagnostics.
 *
 * Threads: an engine may render from several threads at once; options,
 * render options and results are used by one thread at a time.
 */
/* clang-format on */
#ifndef HONGTOU_H
#define HONGTOU_H

#include <stddef.h>

#if defined(_WIN32)
#define HT_API
#else
#define HT_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** What a call produced. Since: 0.1 */
typedef enum ht_status {
  HT_OK = 0,
  HT_INPUT_ERROR = 2,    /* the document, a layout or fonts.xml is wrong, or a font is missing */
  HT_OUTPUT_ERROR = 3,   /* the output could not be written */
  HT_INTERNAL_ERROR = 4, /* out of memory, or a bug: the diagnostics say which */
  HT_BAD_ARGUMENT = 5    /* a NULL or invalid argument (no result is made) */
} ht_status;

/** The output of a render. Since: 0.1 */
typedef enum ht_format {
  HT_FORMAT_PDF = 0,
  HT_FORMAT_TRACE = 1 /* a text dump of every position, for tests */
} ht_format;

/** How serious a diagnostic is. Since: 0.1 */
typedef enum ht_severity { HT_NOTE = 0, HT_WARNING = 1, HT_ERROR = 2 } ht_severity;

typedef struct ht_options ht_options;               /* how an engine finds data and fonts */
typedef struct ht_render_options ht_render_options; /* the choices of one render */
typedef struct ht_engine ht_engine;                 /* layouts and fonts, kept across renders */
typedef struct ht_result ht_result;                 /* what a render produced */

/** The library's version, e.g. "0.1.0"; a static string. Since: 0.1 */
HT_API const char* ht_version(void);

/** A short English description of a status; a static string. Since: 0.1 */
HT_API const char* ht_status_message(ht_status status);

/* ---- engine options ---- */

/** New options with the defaults (installed data, system fonts); NULL when
 * out of memory. Since: 0.1 */
HT_API ht_options* ht_options_create(void);
/** Since: 0.1 */
HT_API void ht_options_destroy(ht_options* options);
/** The folder holding layouts/, fonts/ and templates/. Since: 0.1 */
HT_API ht_status ht_options_set_data_dir(ht_options* options, const char* dir);
/** The fonts.xml to use instead of <data dir>/fonts/fonts.xml. Since: 0.1 */
HT_API ht_status ht_options_set_fonts_file(ht_options* options, const char* path);
/** A font folder searched before the system's fonts (in the order added). Since: 0.1 */
HT_API ht_status ht_options_add_font_dir(ht_options* options, const char* dir);
/** A folder of layouts searched before the data folder's. Since: 0.1 */
HT_API ht_status ht_options_add_layout_dir(ht_options* options, const char* dir);
/** A font handed over in memory (the bytes are copied), found by family or
 * by `name` as a file name of fonts.xml. Since: 0.1 */
HT_API ht_status ht_options_add_font(ht_options* options, const char* name, const void* bytes,
                                     size_t size);
/** Whether the system's fonts (fontconfig) are searched: 1 (default) or 0. Since: 0.1 */
HT_API ht_status ht_options_set_system_fonts(ht_options* options, int on);
/** The folder keeping the trimmed copies of big CJK faces that make subsetting
 * fast, and fontconfig's list of faces ("" = $XDG_CACHE_HOME/hongtou/fonts,
 * the default). Since: 0.1 */
HT_API ht_status ht_options_set_font_cache_dir(ht_options* options, const char* dir);
/** Whether those are kept on disk: 1 (default) or 0 (the copies made in memory
 * by each engine, fontconfig started; the PDF is the same). Since: 0.1 */
HT_API ht_status ht_options_set_font_cache(ht_options* options, int on);

/* ---- render options ---- */

/** New render options: PDF, no fields, reproducible output; NULL when out of memory. Since: 0.1 */
HT_API ht_render_options* ht_render_options_create(void);
/** Since: 0.1 */
HT_API void ht_render_options_destroy(ht_render_options* options);
/** Since: 0.1 */
HT_API ht_status ht_render_options_set_format(ht_render_options* options, ht_format format);
/** The value of the document's field {{name}}. Since: 0.1 */
HT_API ht_status ht_render_options_set_field(ht_render_options* options, const char* name,
                                             const char* value);
/** The PDF's creation date, "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS". Since: 0.1 */
HT_API ht_status ht_render_options_set_creation_date(ht_render_options* options, const char* date);
/** A layout file to use instead of the one the document names. Since: 0.1 */
HT_API ht_status ht_render_options_set_layout_file(ht_render_options* options, const char* path);
/** Refuse font substitution (1) or allow it with a warning (0, default). Since: 0.1 */
HT_API ht_status ht_render_options_set_strict_fonts(ht_render_options* options, int on);
/** Archival PDF/A-2b, ISO 19005-2 (1), or plain PDF (0, default); a layout in
 * CMYK is then an input error (docs/pdfa.md). Since: 0.1 */
HT_API ht_status ht_render_options_set_pdfa(ht_render_options* options, int on);

/* ---- engines and renders ---- */

/** A new engine in *out (NULL options: the defaults). The layouts and fonts
 * are read on first use. Since: 0.1 */
HT_API ht_status ht_engine_create(const ht_options* options, ht_engine** out);
/** Since: 0.1 */
HT_API void ht_engine_destroy(ht_engine* engine);

/** Renders `size` bytes of XML; `name` places the diagnostics and is the
 * folder seal images are relative to. *out receives the result whatever the
 * status (except HT_BAD_ARGUMENT, when it is NULL). Since: 0.1 */
HT_API ht_status ht_render_to_memory(ht_engine* engine, const char* xml, size_t size,
                                     const char* name, const ht_render_options* options,
                                     ht_result** out);
/** Renders a file to a file, written to a temporary file beside it and
 * renamed, so that a failed render leaves nothing behind. Since: 0.1 */
HT_API ht_status ht_render_to_file(ht_engine* engine, const char* input, const char* output,
                                   const ht_render_options* options, ht_result** out);

/* ---- results ---- */

/** Since: 0.1 */
HT_API ht_status ht_result_status(const ht_result* result);
/** The PDF or trace of ht_render_to_memory (empty for ht_render_to_file):
 * its size in *size (if not NULL). Since: 0.1 */
HT_API const unsigned char* ht_result_bytes(const ht_result* result, size_t* size);
/** The number of pages. Since: 0.1 */
HT_API int ht_result_pages(const ht_result* result);
/** Since: 0.1 */
HT_API size_t ht_result_diagnostic_count(const ht_result* result);
/** Diagnostic i (0-based); for an i out of range: HT_NOTE, "" and 0. Since: 0.1 */
HT_API ht_severity ht_result_diagnostic_severity(const ht_result* result, size_t i);
/** Since: 0.1 */
HT_API const char* ht_result_diagnostic_file(const ht_result* result, size_t i);
/** 1-based; 0 when the diagnostic has no position. Since: 0.1 */
HT_API int ht_result_diagnostic_line(const ht_result* result, size_t i);
/** Since: 0.1 */
HT_API int ht_result_diagnostic_column(const ht_result* result, size_t i);
/** Since: 0.1 */
HT_API const char* ht_result_diagnostic_message(const ht_result* result, size_t i);
/** The whole diagnostic as the CLI prints it, "file:line:column: error: message". Since: 0.1 */
HT_API const char* ht_result_diagnostic_text(const ht_result* result, size_t i);
/** Since: 0.1 */
HT_API void ht_result_destroy(ht_result* result);

#ifdef __cplusplus
}
#endif

#endif /* HONGTOU_H */
