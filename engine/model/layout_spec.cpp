// SPDX-License-Identifier: Apache-2.0
// layouts/*.xml -> layout_spec (docs/model.md, "Layout files"): each file of
// the lineage is read as written (layout_raw.cpp), parents are found through
// `extends`, the files are merged attribute by attribute (the child wins),
// and only then is every value checked and converted, by the schema table
// (layout_schema.cpp), so that "1em" in a child uses a size its parent gave.
#include "model/layout_spec.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "core/units.hpp"
#include "model/layout_raw.hpp"
#include "model/layout_schema.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model {
namespace {

using detail::element_def;
using detail::element_key;
using detail::layout_errors;
using detail::raw_element;
using detail::raw_layout;
using detail::raw_value;
using detail::tag;
using merged_elements = std::map<element_key, raw_element>;

/// Reads the parents of chain.back() until one extends none; chain[0] is
/// the layout asked for. False after reporting a cycle or a parent that is
/// missing, misnamed or in error.
bool read_parents(std::vector<raw_layout>& chain, const layout_finder& find, diagnostics& diags) {
  layout_errors errors(diags);
  while (!chain.back().extends.text.empty()) {
    const std::string parent = chain.back().extends.text;
    const detail::written_at at = chain.back().extends.where;
    for (size_t i = 0; i < chain.size(); ++i) {
      if (chain[i].name != parent) continue;
      std::string path;
      for (size_t k = i; k < chain.size(); ++k) path += chain[k].name + " -> ";
      errors.add(at, "layout '" + parent + "' extends itself (" + path + parent + ")");
      return false;
    }
    std::string text, source;
    if (!find) {
      errors.add(at, "no layout '" + parent + "'; no folder to look in was given");
      return false;
    }
    if (!find(parent, text, source)) {
      errors.add(at,
                 "no layout '" + parent + "'" + (source.empty() ? "" : "; looked in " + source));
      return false;
    }
    raw_layout raw;
    if (!detail::read_raw_layout(text, source, chain.size(), raw, diags)) return false;
    if (raw.name != parent) {
      errors.add(raw.name_at, "this layout is named '" + raw.name + "' but was looked up as '" +
                                  parent + "' (by extends in " + at.file + ")");
      return false;
    }
    chain.push_back(std::move(raw));
  }
  return true;
}

/// The elements of the lineage, attribute by attribute, nearest layout winning.
merged_elements merge(const std::vector<raw_layout>& chain) {
  merged_elements merged;
  for (auto layout = chain.rbegin(); layout != chain.rend(); ++layout)
    for (const auto& [key, e] : layout->elements) {
      raw_element& m = merged[key];
      m.where = e.where;
      for (const auto& [name, v] : e.attrs) m.attrs[name] = v;
    }
  return merged;
}

/// Checks and converts the merged elements into a layout_spec.
class converter {
 public:
  converter(const merged_elements& merged, const raw_layout& top, bool has_parent,
            diagnostics& diags)
      : merged_(merged), top_(top), errors_(diags) {
    if (has_parent) in_ = " in layout '" + top.name + "' or the layouts it extends";
  }

  bool run(layout_spec& spec) {
    for (const element_def& def : detail::layout_schema()) {
      if (!def.key) convert(def, 0, spec);
      for (int key = def.key_lo; def.key && key <= def.key_hi; ++key) convert(def, key, spec);
    }
    if (errors_.count() == 0) check_page_size(spec);
    if (errors_.count() == 0) check_type_area(spec);
    for (const element_def& def : detail::layout_schema())
      if (def.check && !def.key && errors_.count() == 0) def.check(values_of(def), spec, errors_);
    return errors_.count() == 0;
  }

 private:
  void convert(const element_def& def, int key, layout_spec& spec) {
    const auto it = merged_.find({def.name, key});
    if (it == merged_.end()) {
      errors_.add(top_.root, "missing " + detail::instance_tag(def, key) +
                                 (in_.empty() ? " in <layout>" : in_));
      return;
    }
    const size_t index = def.key ? static_cast<size_t>(key - def.key_lo) : 0;
    detail::value_context c{def.name, nullptr, index, def.em_from, em_of(def, key)};
    for (const detail::attr_def& a : def.attrs) {
      c.attribute = a.name;
      if (const raw_value* v = value(def.name, key, a.name))
        a.convert(*v, c, spec, errors_);
      else if (!a.optional)
        errors_.add(it->second.where,
                    "missing attribute " + std::string(a.name) + " on " + tag(def.name) + in_);
    }
  }

  /// The merged values of an element without a key, for its check.
  detail::element_values values_of(const element_def& def) const {
    return {merged_.at({def.name, 0}).where,
            [this, name = def.name](const char* attribute) { return value(name, 0, attribute); },
            in_};
  }

  const raw_value* value(const char* element, int key, const char* attribute) const {
    const auto e = merged_.find({element, key});
    if (e == merged_.end()) return nullptr;
    const auto v = e->second.attrs.find(attribute);
    return v == e->second.attrs.end() ? nullptr : &v->second;
  }

  /// 1em of def's lengths in pt: the size of def.em_from (the same instance
  /// when that is def itself); empty when there is none or it is in error.
  std::optional<double> em_of(const element_def& def, int key) const {
    if (!def.em_from) return {};
    const raw_value* size =
        value(def.em_from, std::string_view(def.name) == def.em_from ? key : 0, "size");
    if (!size) return {};
    const std::optional<double> pt = detail::parse_absolute_length(size->text);
    return pt && *pt > 0 ? pt : std::nullopt;
  }

  /// A PDF page is 3 to 14,400 units (1/72 in) on each side (ISO 32000-1,
  /// Annex C.2), which libharu enforces when it adds the page: checked here,
  /// at the value, so a layout beyond it is an input error.
  void check_page_size(const layout_spec& s) {
    constexpr double min_pt = 3, max_pt = 14'400;
    for (const char* side : {"width", "height"}) {
      const double pt = std::string_view(side) == "width" ? s.page.width : s.page.height;
      if (pt >= min_pt && pt <= max_pt) continue;
      char text[160];
      std::snprintf(text, sizeof text,
                    "%s on <page> is %.1f mm; a PDF page is %.2f mm to %.0f mm on each side "
                    "(ISO 32000-1, Annex C)",
                    side, pt_to_mm(pt), pt_to_mm(min_pt), pt_to_mm(max_pt));
      errors_.add(value("page", 0, side)->where, text);
    }
  }

  /// The type area must lie on the page (a small tolerance for rounding).
  /// The error is at the <type-area>, or at the page's size when a nearer
  /// layout of the lineage wrote it.
  void check_type_area(const layout_spec& s) {
    constexpr double eps = 1e-6;
    const bool wide = s.type_area.left + s.type_area.width > s.page.width + eps;
    const bool tall = s.type_area.top + s.type_area.height > s.page.height + eps;
    if (!wide && !tall) return;
    const raw_value* page = value("page", 0, wide ? "width" : "height");
    const raw_value* offset = value("type-area", 0, wide ? "left" : "top");
    const raw_value* extent = value("type-area", 0, wide ? "width" : "height");
    const raw_element& area = merged_.at({"type-area", 0});
    if (page->depth < std::min(offset->depth, extent->depth))
      errors_.add(page->where, "the type area does not fit on the page");
    else
      errors_.add(area.where, "the type area does not fit on the page");
  }

  const merged_elements& merged_;
  const raw_layout& top_;
  layout_errors errors_;
  std::string in_;  // " in layout 'x' or the layouts it extends", or empty without a parent
};

/// Reads xml and its parents into out; expected_name, when not empty, is
/// the name the layout was looked up by.
bool read_layout(std::string_view xml, const std::string& source, const std::string& expected_name,
                 layout_spec& out, diagnostics& diags, const layout_finder& find) {
  std::vector<raw_layout> chain(1);
  if (!detail::read_raw_layout(xml, source, 0, chain[0], diags)) return false;
  if (!expected_name.empty() && chain[0].name != expected_name) {
    diags.error(chain[0].name_at.file, chain[0].name_at.line, chain[0].name_at.column,
                "this layout is named '" + chain[0].name + "' but was looked up as '" +
                    expected_name + "'");
    return false;
  }
  if (!read_parents(chain, find, diags)) return false;
  layout_spec spec{};
  const merged_elements merged = merge(chain);
  if (!converter(merged, chain[0], chain.size() > 1, diags).run(spec)) return false;
  spec.name = chain[0].name;
  for (const raw_layout& l : chain) spec.lineage.push_back(l.name);
  out = std::move(spec);
  return true;
}

/// Finds `<dir>/<name>.xml` in the first of dirs that has it. When none
/// has, source names the folders (and a file that could not be read).
layout_finder folder_finder(std::vector<std::string> dirs) {
  return [dirs = std::move(dirs)](const std::string& name, std::string& text, std::string& source) {
    std::string looked, trouble;
    for (const std::string& dir : dirs) {
      const std::string path = (std::filesystem::path(dir) / (name + ".xml")).string();
      looked += (looked.empty() ? "" : ", ") + dir;
      std::error_code ec;
      if (!std::filesystem::is_regular_file(path, ec)) continue;
      diagnostics local;
      if (detail::read_file(path, text, local)) {
        source = path;
        return true;
      }
      if (trouble.empty()) trouble = "; " + local.items().front().message;
    }
    source = (looked.empty() ? "no folder" : looked) + trouble;
    return false;
  };
}

}  // namespace

std::vector<std::string> layout_spec::font_roles() const {
  std::vector<std::string> roles;
  auto add = [&](const text_style& s) {
    if (std::find(roles.begin(), roles.end(), s.role) == roles.end()) roles.push_back(s.role);
  };
  add(body.style);
  add(issuer.style);
  add(doc_number.style);
  add(title.style);
  add(addressee.style);
  for (const auto& h : heading) add(h.style);
  add(signature.style);
  add(page_number.style);
  add(copy_number.style);
  add(classification.style);
  add(urgency.style);
  add(attachment_note.style);
  add(note.style);
  add(imprint.style);
  add(attachment_label.style);
  add(attachment_title.style);
  add(caption.style);
  add(table.style);
  add({table.header_role, table.style.size, table.style.color});
  add(table_caption.style);
  add(contents.style);
  add({contents.heading_role, contents.style.size, contents.style.color});
  add(signer.style);
  if (separator_star.shown) add(separator_star.style);
  add({signer.label_role, signer.style.size, signer.style.color});
  add(chapter.style);
  add(article.style);
  add(attendance.style);
  add({attendance.label_role, attendance.style.size, attendance.style.color});
  return roles;
}

std::vector<std::string> layout_spec::optional_font_roles() const {
  std::vector<std::string> roles;
  for (const std::string* r : {&fallback_role, &latin.role})
    if (!r->empty() && std::find(roles.begin(), roles.end(), *r) == roles.end())
      roles.push_back(*r);
  return roles;
}

bool parse_layout(std::string_view xml, const std::string& source_name, layout_spec& out,
                  diagnostics& diags, const layout_finder& find) {
  return read_layout(xml, source_name, {}, out, diags, find);
}

bool load_layout(const std::vector<std::string>& dirs, const std::string& name, layout_spec& out,
                 diagnostics& diags) {
  if (!detail::is_word(name)) {
    diags.error({}, 0, 0,
                "bad layout name \"" + name + "\"; expected lower-case letters, digits, - and _");
    return false;
  }
  const layout_finder find = folder_finder(dirs);
  std::string text, source;
  if (!find(name, text, source)) {
    diags.error({}, 0, 0, "no layout '" + name + "'; looked in " + source);
    return false;
  }
  return read_layout(text, source, name, out, diags, find);
}

bool load_layout_file(const std::string& path, layout_spec& out, diagnostics& diags,
                      const std::vector<std::string>& more_dirs) {
  std::string text;
  if (!detail::read_file(path, text, diags)) return false;
  const std::string dir = std::filesystem::path(path).parent_path().string();
  std::vector<std::string> dirs{dir.empty() ? "." : dir};
  dirs.insert(dirs.end(), more_dirs.begin(), more_dirs.end());
  return read_layout(text, path, {}, out, diags, folder_finder(dirs));
}

bool check_font_names(const layout_spec& spec, const fonts::font_config& config,
                      diagnostics& diags) {
  bool ok = true;
  for (const auto& [name, at] : spec.font_names) {
    if (config.lookup(name)) continue;
    diags.error(at.file, at.line, at.column,
                "font '" + name + "' is neither a <role> nor an <alias> of fonts.xml",
                "use a role of fonts.xml (fangsong, xiaobiaosong, hei, kai …) or add "
                "<alias name=\"" +
                    name + "\" role=\"…\"/> to fonts.xml");
    ok = false;
  }
  return ok;
}

}  // namespace hongtou::model
