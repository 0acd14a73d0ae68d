// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to engine/model: the value types of layout files, as builders of
// schema entries. Each builder binds an attribute name, its type and range,
// and the layout_spec field the value goes to (layout_schema.cpp).
#include <cstddef>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/layout_schema.hpp"

namespace hongtou::model::detail {

/// The field of layout_spec a value goes to: built from a lambda taking the
/// spec, or the spec and the instance index of a keyed element (heading).
template <class T>
class field {
 public:
  // Implicit on purpose: a table entry passes the lambda as it is.

  /// From `[](layout_spec& s) -> double& { return s.page.width; }`.
  template <class F, std::enable_if_t<std::is_invocable_r_v<T&, F, layout_spec&>, int> = 0>
  field(F f) : get_([f](layout_spec& s, size_t) -> T& { return f(s); }) {}
  /// From `[](layout_spec& s, size_t i) -> std::string& { return s.heading[i].role; }`.
  template <class F, std::enable_if_t<std::is_invocable_r_v<T&, F, layout_spec&, size_t> &&
                                          !std::is_invocable_r_v<T&, F, layout_spec&>,
                                      int> = 0>
  field(F f) : get_(std::move(f)) {}

  /// The field of instance i in s.
  T& operator()(layout_spec& s, size_t i) const { return get_(s, i); }

 private:
  std::function<T&(layout_spec&, size_t)> get_;
};

/// Whether a length may be 0.
enum class lower_bound { zero, positive };

/// A length "37mm", "16pt" or "1em" (em where the element has one) in pt.
attr_def length(const char* name, lower_bound lo, field<double> f);

/// A whole number of rows or cells in lo..hi.
attr_def count(const char* name, int lo, int hi, field<int> f);

/// A decimal number in [lo, hi] ((lo, hi] when lo_open); hi may be infinite.
attr_def number(const char* name, double lo, double hi, bool lo_open, field<double> f);

/// A colour: DeviceRGB "#RRGGBB", or DeviceCMYK "cmyk(C,M,Y,K)" in percent
/// 0..100 (offset print, GB/T 9704-2012 6.2).
attr_def colour(const char* name, field<device_color> f);

/// A font role name (lower-case letters, digits, - and _), or a font name
/// that fonts.xml's <alias> table maps to a role (e.g. "仿宋_GB2312").
attr_def role(const char* name, field<std::string> f);

/// The same, or "" for none.
attr_def role_or_none(const char* name, field<std::string> f);

/// Font roles or font names without spaces, separated by spaces; "" for none.
attr_def role_list(const char* name, field<std::vector<std::string>> f);

/// A text holding placeholder exactly once, e.g. "— {n} —".
attr_def pattern(const char* name, const char* placeholder, field<std::string> f);

/// Any non-empty text.
attr_def text(const char* name, field<std::string> f);
/// Any text; "" for none.
attr_def text_or_none(const char* name, field<std::string> f);

/// One of words; sets the index of the word. unsupported names what the
/// words are (e.g. "grid profile") when other values are planned but not
/// yet implemented ("unsupported grid profile …"); nullptr for a plain choice.
attr_def choice_index(const char* name, std::vector<const char*> words,
                      std::function<void(layout_spec&, size_t, size_t)> set,
                      const char* unsupported = nullptr);

/// One of the words of values, stored as its enumerator.
template <class E>
attr_def choice(const char* name, std::vector<std::pair<const char*, E>> values, field<E> f,
                const char* unsupported = nullptr) {
  std::vector<const char*> words;
  std::vector<E> enums;
  for (const auto& [word, e] : values) {
    words.push_back(word);
    enums.push_back(e);
  }
  return choice_index(
      name, std::move(words),
      [f, enums](layout_spec& s, size_t i, size_t which) { f(s, i) = enums[which]; }, unsupported);
}

/// "yes" or "no".
attr_def yes_no(const char* name, field<bool> f);

/// The attribute a, which may be missing (its element's check says when it must be given).
inline attr_def optional_attr(attr_def a) {
  a.optional = true;
  return a;
}

/// The attributes of a text style — role, size (no em), color — followed by more.
std::vector<attr_def> styled(field<text_style> f, std::vector<attr_def> more = {});

}  // namespace hongtou::model::detail
