/* SPDX-License-Identifier: Apache-2.0 */
/* The C API (include/hongtou/hongtou.h), in C99, against the shared library:
 * a document rendered in memory and to a file with the committed test fonts,
 * a broken document's diagnostics with line and column, fields, the trace
 * format, NULL arguments. Usage: capi_test SOURCE_DIR SCRATCH_DIR */
#include <hongtou/hongtou.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static char* read_all(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* buf = malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  if (buf) buf[n] = 0;
  *size = (size_t)n;
  return buf;
}

static ht_engine* test_engine(const char* source) {
  char path[4096];
  ht_options* o = ht_options_create();
  CHECK(o != NULL);
  snprintf(path, sizeof path, "%s/tests/fonts/fonts.xml", source);
  CHECK(ht_options_set_fonts_file(o, path) == HT_OK);
  snprintf(path, sizeof path, "%s/tests/fonts", source);
  CHECK(ht_options_add_font_dir(o, path) == HT_OK);
  CHECK(ht_options_set_system_fonts(o, 0) == HT_OK);
  ht_engine* e = NULL;
  CHECK(ht_engine_create(o, &e) == HT_OK);
  ht_options_destroy(o); /* the engine keeps its own copy */
  return e;
}

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  const char* source = argv[1];
  const char* scratch = argv[2];
  char path[4096];

  CHECK(strcmp(ht_version(), "0.1.0") == 0);
  CHECK(strlen(ht_status_message(HT_INPUT_ERROR)) > 0);
  ht_engine* e = test_engine(source);

  /* The seed work report from memory: a PDF of 5 pages, no errors. */
  size_t size = 0;
  snprintf(path, sizeof path, "%s/samples/report.xml", source);
  char* xml = read_all(path, &size);
  CHECK(xml != NULL);
  ht_result* r = NULL;
  CHECK(ht_render_to_memory(e, xml, size, path, NULL, &r) == HT_OK);
  CHECK(ht_result_status(r) == HT_OK);
  size_t n = 0;
  const unsigned char* pdf = ht_result_bytes(r, &n);
  CHECK(n > 1000 && memcmp(pdf, "%PDF-", 5) == 0);
  CHECK(ht_result_pages(r) == 5);
  for (size_t i = 0; i < ht_result_diagnostic_count(r); ++i)
    CHECK(ht_result_diagnostic_severity(r, i) != HT_ERROR);
  ht_result_destroy(r);

  /* To a file. */
  char out[4096];
  snprintf(out, sizeof out, "%s/capi-report.pdf", scratch);
  CHECK(ht_render_to_file(e, path, out, NULL, &r) == HT_OK);
  CHECK(ht_result_pages(r) == 5);
  ht_result_destroy(r);
  size_t file_size = 0;
  char* written = read_all(out, &file_size);
  CHECK(written != NULL && file_size == n);

  /* The trimmed faces kept in a folder of ours, or in memory only: the same PDF. */
  for (int keep = 0; keep <= 1; ++keep) {
    ht_options* o = ht_options_create();
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/fonts/fonts.xml", source);
    CHECK(ht_options_set_fonts_file(o, dir) == HT_OK);
    snprintf(dir, sizeof dir, "%s/tests/fonts", source);
    CHECK(ht_options_add_font_dir(o, dir) == HT_OK);
    CHECK(ht_options_set_system_fonts(o, 0) == HT_OK);
    snprintf(dir, sizeof dir, "%s/capi-font-cache", scratch);
    CHECK(ht_options_set_font_cache_dir(o, dir) == HT_OK);
    CHECK(ht_options_set_font_cache(o, keep) == HT_OK);
    CHECK(ht_options_set_font_cache_dir(NULL, dir) == HT_BAD_ARGUMENT);
    CHECK(ht_options_set_font_cache(NULL, 1) == HT_BAD_ARGUMENT);
    ht_engine* cached = NULL;
    CHECK(ht_engine_create(o, &cached) == HT_OK);
    ht_options_destroy(o);
    size_t xml_size = 0;
    char* report = read_all(path, &xml_size);
    CHECK(ht_render_to_memory(cached, report, xml_size, path, NULL, &r) == HT_OK);
    size_t m = 0;
    const unsigned char* bytes = ht_result_bytes(r, &m);
    CHECK(m == file_size && memcmp(bytes, written, m) == 0);
    ht_result_destroy(r);
    free(report);
    ht_engine_destroy(cached);
  }
  free(written);
  free(xml);

  /* PDF/A-2b: PDF 1.7 with the XMP packet that names it. */
  {
    ht_render_options* pa = ht_render_options_create();
    CHECK(ht_render_options_set_pdfa(pa, 1) == HT_OK);
    CHECK(ht_render_options_set_pdfa(NULL, 1) == HT_BAD_ARGUMENT);
    size_t xml_size = 0;
    char* report = read_all(path, &xml_size);
    CHECK(ht_render_to_memory(e, report, xml_size, path, pa, &r) == HT_OK);
    size_t pdfa_size = 0;
    const unsigned char* pdfa = ht_result_bytes(r, &pdfa_size);
    CHECK(pdfa_size > 1000 && memcmp(pdfa, "%PDF-1.7\n", 9) == 0);
    const char* part = "<pdfaid:part>2</pdfaid:part>";
    int has_part = 0;
    for (size_t i = 0; i + strlen(part) <= pdfa_size && !has_part; ++i)
      has_part = memcmp(pdfa + i, part, strlen(part)) == 0;
    CHECK(has_part);
    ht_result_destroy(r);
    free(report);
    ht_render_options_destroy(pa);
  }

  /* A broken document: HT_INPUT_ERROR and the error's place. */
  const char* broken =
      "<gongwen>\n  <title>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知</title>\n"
      "  <body><p>各地要高度重视。</p><foo/></body>\n</gongwen>\n";
  CHECK(ht_render_to_memory(e, broken, strlen(broken), "broken.xml", NULL, &r) == HT_INPUT_ERROR);
  CHECK(r != NULL && ht_result_diagnostic_count(r) >= 1);
  int found = 0;
  for (size_t i = 0; i < ht_result_diagnostic_count(r); ++i)
    if (ht_result_diagnostic_severity(r, i) == HT_ERROR && ht_result_diagnostic_line(r, i) == 3 &&
        ht_result_diagnostic_column(r, i) == 24 &&
        strstr(ht_result_diagnostic_message(r, i), "unknown element <foo>") &&
        strstr(ht_result_diagnostic_text(r, i), "broken.xml:3:24: error: ") ==
            ht_result_diagnostic_text(r, i) &&
        strcmp(ht_result_diagnostic_file(r, i), "broken.xml") == 0)
      found = 1;
  CHECK(found);
  CHECK(ht_result_bytes(r, &n) != NULL || n == 0);
  CHECK(strcmp(ht_result_diagnostic_text(r, 99), "") == 0); /* out of range */
  ht_result_destroy(r);

  /* Fields and the trace format. */
  const char* fielded =
      "<gongwen><header><issuer>{{机关}}文件</issuer><doc-number>国办发〔2019〕3号</doc-number>"
      "</header><title>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知</title>"
      "<body><p>各地要高度重视。</p></body></gongwen>";
  ht_render_options* ro = ht_render_options_create();
  CHECK(ht_render_options_set_field(ro, "机关", "国务院办公厅") == HT_OK);
  CHECK(ht_render_options_set_format(ro, HT_FORMAT_TRACE) == HT_OK);
  CHECK(ht_render_to_memory(e, fielded, strlen(fielded), "fields.xml", ro, &r) == HT_OK);
  const unsigned char* trace = ht_result_bytes(r, &n);
  char* text = malloc(n + 1);
  memcpy(text, trace, n);
  text[n] = 0;
  CHECK(strstr(text, "\"国务院办公厅文件\"") != NULL);
  free(text);
  ht_result_destroy(r);
  CHECK(ht_render_options_set_format(ro, (ht_format)7) == HT_BAD_ARGUMENT);
  ht_render_options_destroy(ro);

  /* NULL arguments: a status, never a crash; no result. */
  r = (ht_result*)1;
  CHECK(ht_render_to_memory(NULL, "x", 1, "x.xml", NULL, &r) == HT_BAD_ARGUMENT && r == NULL);
  CHECK(ht_render_to_memory(e, NULL, 0, "x.xml", NULL, &r) == HT_INPUT_ERROR);
  ht_result_destroy(r);
  CHECK(ht_render_to_memory(e, "x", 1, NULL, NULL, &r) == HT_BAD_ARGUMENT);
  CHECK(ht_render_to_file(e, NULL, out, NULL, &r) == HT_BAD_ARGUMENT);
  CHECK(ht_engine_create(NULL, NULL) == HT_BAD_ARGUMENT);
  CHECK(ht_options_set_data_dir(NULL, "x") == HT_BAD_ARGUMENT);
  CHECK(ht_result_status(NULL) == HT_BAD_ARGUMENT);
  CHECK(ht_result_diagnostic_count(NULL) == 0);
  ht_result_destroy(NULL);
  ht_engine_destroy(NULL);
  ht_options_destroy(NULL);

  ht_engine_destroy(e);
  if (failures == 0) printf("capi: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
