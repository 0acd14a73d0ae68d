// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as a document (<gongwen>) through the model's
// parser and its checks, with a few field values and the organisation
// templates of templates/, so fields and template merging are reached too.
// Bad input must give an error diagnostic, never a crash, a hang or an
// exception. fuzz/README.md says how to run it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "model/checks.hpp"
#include "model/document.hpp"

namespace {

// Values for {{name}} fields, as an application might give them.
const hongtou::model::field_values& fields() {
  static const hongtou::model::field_values f = {{"date", "2024年3月1日"},
                                                 {"number", "3"},
                                                 {"organ", "某某市人民政府"},
                                                 {"signer.name", "张三"}};
  return f;
}

// <gongwen template="name">: templates/<name>.xml of the source tree, read
// from disk each time (a handful of small files), so the result depends on
// the input alone.
bool find_template(const std::string& name, std::string& text, std::string& source,
                   std::string& looked) {
  const std::filesystem::path dir = std::filesystem::path(HONGTOU_SOURCE_DIR) / "templates";
  looked = dir.string();
  if (name.empty() || name.find_first_of("/\\.") != std::string::npos) return false;
  const std::filesystem::path path = dir / (name + ".xml");
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  text = s.str();
  source = path.string();
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  hongtou::model::parse_options options;
  options.fields = &fields();
  options.find_template = find_template;
  hongtou::model::document doc;
  hongtou::diagnostics diags;
  const bool ok = hongtou::model::parse_document(xml, "fuzz.xml", doc, diags, options);
  // The contract of parse_document: a failure always says why.
  if (!ok && !diags.has_errors()) std::abort();
  if (ok) hongtou::model::check_document(doc, diags);
  for (const auto& d : diags.items()) (void)hongtou::format(d);
  return 0;
}
