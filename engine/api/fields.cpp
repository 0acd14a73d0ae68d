// SPDX-License-Identifier: Apache-2.0
// Field values from JSON (nlohmann-json): `--data values.json` and each
// record of `hongtou merge`. The values become document text, so only
// strings and numbers are taken; the model checks them as XML text.
#include <nlohmann/json.hpp>

#include <string>

#include "api/hongtou.hpp"
#include "core/file.hpp"

namespace hongtou {

namespace {

constexpr int max_depth = 16;

// 1-based line and column (in characters) of a byte offset of text.
void position_of(std::string_view text, size_t offset, int& line, int& column) {
  line = 1;
  column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
}

struct reader {
  const std::string& name;
  int line;
  std::vector<diagnostic>& diags;
  field_values& out;

  void error(const std::string& message) {
    diags.push_back({severity::error, name, line, 0, message, {}});
  }

  bool read(const nlohmann::json& value, const std::string& prefix, int depth) {
    bool ok = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
      const nlohmann::json& v = it.value();
      if (v.is_string()) {
        out[key] = v.get<std::string>();
      } else if (v.is_number_integer() || v.is_number_unsigned()) {
        out[key] = v.dump();
      } else if (v.is_number_float()) {
        out[key] = v.dump();  // the shortest text that reads back as the same number
      } else if (v.is_null()) {
        out.erase(key);  // no value: the default, or an error naming the field
      } else if (v.is_object() && depth < max_depth) {
        ok = read(v, key, depth + 1) && ok;
      } else {
        error("field '" + key + "' is " +
              (v.is_boolean() ? "true or false"
               : v.is_array() ? "an array"
                              : "nested too deeply") +
              "; expected a string or a number (its text goes into the document)");
        ok = false;
      }
    }
    return ok;
  }
};

}  // namespace

bool parse_fields_json(std::string_view json, const std::string& name, field_values& out,
                       std::vector<diagnostic>& diags, int first_line) {
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(json.begin(), json.end());
  } catch (const nlohmann::json::parse_error& e) {
    int line = 0, column = 0;
    position_of(json, e.byte > 0 ? e.byte - 1 : 0, line, column);
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: …" → "…"
    if (const size_t colon = what.find(": "); colon != std::string::npos)
      what = what.substr(colon + 2);
    diags.push_back(
        {severity::error, name, first_line + line - 1, column, "bad JSON: " + what, {}});
    return false;
  }
  if (!value.is_object()) {
    diags.push_back({severity::error,
                     name,
                     first_line,
                     1,
                     "expected a JSON object of field values, e.g. {\"姓名\": \"张三\"}",
                     {}});
    return false;
  }
  reader r{name, first_line, diags, out};
  return r.read(value, {}, 0);
}

bool read_fields_file(const std::string& path, field_values& out, std::vector<diagnostic>& diags) {
  std::string text, error;
  // A data file is text, not a dump: the default input limit holds for it.
  if (!read_regular_file(path, limits{}.input_bytes, text, error)) {
    diags.push_back({severity::error, path, 0, 0, "cannot read " + path + ": " + error, {}});
    return false;
  }
  return parse_fields_json(text, path, out, diags);
}

}  // namespace hongtou
