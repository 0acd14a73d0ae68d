/* SPDX-License-Identifier: Apache-2.0 */
/* Renders a 公文 XML file to PDF through the installed library (C99).
 * Usage: render_c DOC.xml OUT.pdf */
#include <hongtou/hongtou.h>

#include <stdio.h>

int main(int argc, char** argv) {
  if (argc != 3) return 64;
  ht_engine* engine = NULL;
  if (ht_engine_create(NULL, &engine) != HT_OK) return 1;
  ht_result* result = NULL;
  ht_status status = ht_render_to_file(engine, argv[1], argv[2], NULL, &result);
  for (size_t i = 0; i < ht_result_diagnostic_count(result); ++i)
    fprintf(stderr, "%s\n", ht_result_diagnostic_text(result, i));
  if (status == HT_OK) printf("render_c: %d pages\n", ht_result_pages(result));
  ht_result_destroy(result);
  ht_engine_destroy(engine);
  return status == HT_OK ? 0 : 2;
}
