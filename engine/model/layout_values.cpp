// SPDX-License-Identifier: Apache-2.0
// The value types of layout files: each builder returns a schema entry whose
// converter checks the text, reports "bad <type> …" at the value and fills
// the field (docs/model.md, "Layout files", lists the messages).
#include "model/layout_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "core/number.hpp"
#include "core/units.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model::detail {
namespace {

/// Reports `bad <what> "<text>" in <attribute> on <element>; expected <expected>`.
void bad(const raw_value& v, const value_context& c, layout_errors& errors, const char* what,
         const std::string& expected) {
  errors.add(v.where, std::string("bad ") + what + " \"" + v.text + "\" in " + c.attribute +
                          " on " + tag(c.element) + "; expected " + expected);
}

/// What a length may look like on this element.
std::string length_syntax(const value_context& c, bool em_here) {
  if (!em_here) return "a number and a unit: \"37mm\" or \"16pt\"";
  const std::string whose = std::string_view(c.em_from) == c.element
                                ? std::string("this element's size")
                                : "the size of " + tag(c.em_from);
  return "a number and a unit: \"37mm\", \"16pt\" or \"1em\" (" + whose + ")";
}

attr_def length_attr(const char* name, lower_bound lo, bool em_ok, field<double> f) {
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            const bool em_here = em_ok && c.em_from != nullptr;
            const std::string_view t = v.text;
            const std::string_view unit = t.size() >= 2 ? t.substr(t.size() - 2) : t.substr(0, 0);
            double factor = 0, value = 0;
            if (unit == "pt") {
              factor = 1;
            } else if (unit == "mm") {
              factor = mm_to_pt(1);
            } else if (unit == "em" && em_here) {
              if (!c.em) return;  // the size it refers to is in error, and reported
              factor = *c.em;
            }
            if (factor == 0 || !parse_decimal(t.substr(0, t.size() - 2), value)) {
              bad(v, c, errors, "length", length_syntax(c, em_here));
              return;
            }
            if (value == 0 && lo == lower_bound::positive) {
              errors.add(v.where,
                         std::string(name) + " on " + tag(c.element) + " must be greater than 0");
              return;
            }
            f(s, c.index) = value * factor;
          }};
}

}  // namespace

std::string tag(std::string_view name) {
  return "<" + std::string(name) + ">";
}

std::string instance_tag(const element_def& def, int key) {
  if (!def.key) return tag(def.name);
  return tag(std::string(def.name) + " " + def.key + "=\"" + std::to_string(key) + "\"");
}

std::string or_list(const std::vector<std::string>& items) {
  if (items.empty()) return "none";
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
  return out;
}

std::optional<double> parse_absolute_length(std::string_view text) {
  double value = 0;
  if (text.size() < 2 || !parse_decimal(text.substr(0, text.size() - 2), value)) return {};
  const std::string_view unit = text.substr(text.size() - 2);
  if (unit == "pt") return value;
  if (unit == "mm") return mm_to_pt(value);
  return {};
}

attr_def length(const char* name, lower_bound lo, field<double> f) {
  return length_attr(name, lo, /*em_ok=*/true, std::move(f));
}

attr_def count(const char* name, int lo, int hi, field<int> f) {
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            int n = 0;
            if (!parse_whole(v.text, n) || n < lo || n > hi) {
              bad(v, c, errors, "count",
                  "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
              return;
            }
            f(s, c.index) = n;
          }};
}

attr_def number(const char* name, double lo, double hi, bool lo_open, field<double> f) {
  std::string range =
      std::string("a number ") + (lo_open ? "greater than " : "at least ") + compact(lo, 6);
  if (std::isfinite(hi)) range += " and at most " + compact(hi, 6);
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            double x = 0;
            if (!parse_decimal(v.text, x) || (lo_open ? x <= lo : x < lo) || x > hi) {
              bad(v, c, errors, "number", range);
              return;
            }
            f(s, c.index) = x;
          }};
}

namespace {

// "#RRGGBB" as DeviceRGB.
bool parse_rgb(std::string_view t, device_color& out) {
  unsigned channel[3] = {0, 0, 0};
  bool ok = t.size() == 7 && t[0] == '#';
  for (size_t i = 0; ok && i < 3; ++i) {
    const char* from = t.data() + 1 + 2 * i;
    const auto r = std::from_chars(from, from + 2, channel[i], 16);
    ok = r.ec == std::errc() && r.ptr == from + 2;
  }
  if (ok) out = rgb{channel[0] / 255.0, channel[1] / 255.0, channel[2] / 255.0};
  return ok;
}

// "cmyk(C,M,Y,K)", each a percentage 0..100 (spaces allowed around them), as DeviceCMYK.
bool parse_cmyk(std::string_view t, device_color& out) {
  constexpr std::string_view open = "cmyk(";
  if (t.size() < open.size() + 1 || t.substr(0, open.size()) != open || t.back() != ')')
    return false;
  t = t.substr(open.size(), t.size() - open.size() - 1);
  double channel[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < 4; ++i) {
    const size_t comma = t.find(',');
    if ((comma == std::string_view::npos) != (i == 3)) return false;
    std::string_view part = t.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!parse_decimal(part, channel[i]) || channel[i] < 0 || channel[i] > 100) return false;
    t = i == 3 ? std::string_view() : t.substr(comma + 1);
  }
  out = device_color::cmyk(channel[0] / 100, channel[1] / 100, channel[2] / 100, channel[3] / 100);
  return true;
}

}  // namespace

attr_def colour(const char* name, field<device_color> f) {
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            device_color value;
            if (!parse_rgb(v.text, value) && !parse_cmyk(v.text, value)) {
              bad(v, c, errors, "colour",
                  "\"#RRGGBB\", e.g. \"#FF0000\", or \"cmyk(C,M,Y,K)\" with C, M, Y and K in "
                  "percent from 0 to 100, e.g. \"cmyk(0,100,100,0)\"");
              return;
            }
            f(s, c.index) = value;
          }};
}

namespace {

// A font role (lower-case letters, digits, - and _) or a font name that
// fonts.xml's <alias> table may map to one ("仿宋_GB2312", "Times New
// Roman"): not empty, no control characters, no space at either end.
// Whether fonts.xml knows it is checked when the roles are resolved.
bool is_font_name(std::string_view s) {
  return !s.empty() && s.front() != ' ' && s.back() != ' ' &&
         std::none_of(s.begin(), s.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

// Remembers where a font name was first written (layout_spec::font_names).
void note_font_name(layout_spec& s, const std::string& name, const raw_value& v) {
  if (!name.empty())
    s.font_names.emplace(name,
                         layout_spec::name_source{v.where.file, v.where.line, v.where.column});
}

constexpr const char* role_syntax =
    "a font role (lower-case letters, digits, - and _) or a font name of fonts.xml's <alias>";

}  // namespace

attr_def role(const char* name, field<std::string> f) {
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            if (!is_font_name(v.text)) {
              bad(v, c, errors, "name", role_syntax);
              return;
            }
            note_font_name(s, v.text, v);
            f(s, c.index) = v.text;
          }};
}

attr_def role_or_none(const char* name, field<std::string> f) {
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            if (!v.text.empty() && !is_font_name(v.text)) {
              bad(v, c, errors, "name", std::string(role_syntax) + ", or \"\" for none");
              return;
            }
            note_font_name(s, v.text, v);
            f(s, c.index) = v.text;
          }};
}

attr_def role_list(const char* name, field<std::vector<std::string>> f) {
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            std::vector<std::string> names;
            size_t at = 0;
            while (at < v.text.size()) {
              const size_t end = std::min(v.text.find(' ', at), v.text.size());
              if (end > at) names.push_back(v.text.substr(at, end - at));
              at = end + 1;
            }
            if (std::any_of(v.text.begin(), v.text.end(), [](char ch) {
                  return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F;
                })) {
              bad(v, c, errors, "list of names",
                  "font roles or font names of fonts.xml's <alias>, separated by spaces");
              return;
            }
            for (const std::string& n : names) note_font_name(s, n, v);
            f(s, c.index) = std::move(names);
          }};
}

attr_def pattern(const char* name, const char* placeholder, field<std::string> f) {
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            const size_t at = v.text.find(placeholder);
            if (at == std::string::npos || v.text.find(placeholder, at + 1) != std::string::npos) {
              bad(v, c, errors, "pattern",
                  "text with " + std::string(placeholder) + " once, e.g. \"— {n} —\"");
              return;
            }
            f(s, c.index) = v.text;
          }};
}

attr_def text(const char* name, field<std::string> f) {
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            if (v.text.empty()) {
              bad(v, c, errors, "text", "non-empty text");
              return;
            }
            f(s, c.index) = v.text;
          }};
}

attr_def text_or_none(const char* name, field<std::string> f) {
  return {name, [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors&) {
            f(s, c.index) = v.text;
          }};
}

attr_def choice_index(const char* name, std::vector<const char*> words,
                      std::function<void(layout_spec&, size_t, size_t)> set,
                      const char* unsupported) {
  return {name,
          [=](const raw_value& v, const value_context& c, layout_spec& s, layout_errors& errors) {
            std::vector<std::string> allowed;
            for (size_t k = 0; k < words.size(); ++k) {
              if (v.text == words[k]) return set(s, c.index, k);
              allowed.emplace_back(words[k]);
            }
            if (unsupported)
              errors.add(v.where, std::string("unsupported ") + unsupported + " \"" + v.text +
                                      "\"; expected " + or_list(allowed));
            else
              bad(v, c, errors, "choice", or_list(allowed));
          }};
}

attr_def yes_no(const char* name, field<bool> f) {
  return choice<bool>(name, {{"yes", true}, {"no", false}}, std::move(f));
}

std::vector<attr_def> styled(field<text_style> f, std::vector<attr_def> more) {
  std::vector<attr_def> attrs = {
      role("role", [f](layout_spec& s, size_t i) -> std::string& { return f(s, i).role; }),
      length_attr("size", lower_bound::positive,
                  /*em_ok=*/false,
                  [f](layout_spec& s, size_t i) -> double& { return f(s, i).size; }),
      colour("color", [f](layout_spec& s, size_t i) -> device_color& { return f(s, i).color; }),
  };
  for (auto& a : more) attrs.push_back(std::move(a));
  return attrs;
}

}  // namespace hongtou::model::detail
