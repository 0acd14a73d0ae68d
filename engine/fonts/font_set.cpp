// SPDX-License-Identifier: Apache-2.0
#include "fonts/font_set.hpp"

#include <algorithm>

namespace hongtou::fonts {
namespace {

std::string describe(const font_candidate& c) {
  std::string out;
  if (!c.family.empty())
    out = "family \"" + c.family + (c.style.empty() ? "" : " " + c.style) + "\"";
  if (!c.file.empty()) {
    if (!out.empty()) out += " or ";
    out += "file \"" + c.file + "\"" + (c.index ? " #" + std::to_string(c.index) : "");
  }
  return out;
}

// The first face a provider finds for the candidate: per provider the family,
// then the file. A source that is no usable font counts as not found.
const face* find_face(const font_candidate& c, const std::vector<const provider*>& providers,
                      face_cache& cache, std::string& found_by) {
  for (const provider* p : providers) {
    if (!p) continue;
    for (bool by_family : {true, false}) {
      font_source src;
      const bool hit = by_family ? !c.family.empty() && p->find_family(c, src)
                                 : !c.file.empty() && p->find_file(c, src);
      if (!hit) continue;
      std::string error;
      if (const face* f = cache.open(src, error)) {
        found_by = src.found_by;
        return f;
      }
    }
  }
  return nullptr;
}

// What fonts.xml allows as a role's name: lower-case letters, digits, - and _.
bool is_role_name(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace

const face* font_set::get(const std::string& role) const {
  const role_face* r = find(role);
  return r ? r->font : nullptr;
}

const role_face* font_set::find(const std::string& role) const {
  for (const auto& r : roles_)
    if (r.role == role) return &r;
  return nullptr;
}

std::vector<const face*> font_set::chain(const std::string& role) const {
  const role_face* r = find(role);
  return r ? r->chain : std::vector<const face*>{};
}

std::unique_ptr<font_set> font_set::resolve(const font_config& config,
                                            const std::vector<std::string>& roles,
                                            const std::vector<std::string>& optional,
                                            const std::vector<const provider*>& providers,
                                            face_cache& cache, diagnostics& diags,
                                            const std::string& config_name) {
  std::unique_ptr<font_set> set(new font_set());
  set->cache_ = &cache;
  bool ok = true;
  std::vector<std::string> wanted = roles;
  wanted.insert(wanted.end(), optional.begin(), optional.end());
  for (size_t w = 0; w < wanted.size(); ++w) {
    const std::string& role_name = wanted[w];
    const bool required = w < roles.size();
    if (set->find(role_name)) continue;
    const font_role* role = config.lookup(role_name);  // a role, or a font name's alias
    if (!role && !required) continue;
    if (!role) {
      diags.error(config_name, 0, 0, "font role '" + role_name + "' is not defined",
                  "the layout asks for it; add " +
                      (is_role_name(role_name) ? "a <role name=\"" + role_name + "\">"
                                               : "an <alias name=\"" + role_name +
                                                     "\" role=\"…\"/> for the font name") +
                      " to fonts.xml");
      ok = false;
      continue;
    }
    std::string tried;
    bool found = false;
    for (size_t rank = 0; rank < role->candidates.size(); ++rank) {
      const font_candidate& cand = role->candidates[rank];
      if (!tried.empty()) tried += ", ";
      tried += describe(cand);
      role_face r{role_name, nullptr, describe(cand), static_cast<int>(rank), {}, {}, role->name};
      r.font = find_face(cand, providers, cache, r.found_by);
      if (!r.font) continue;
      if (found) {  // a further face: a later link of the role's chain
        auto& chain = set->roles_.back().chain;
        if (std::find(chain.begin(), chain.end(), r.font) == chain.end()) chain.push_back(r.font);
        continue;
      }
      r.chain.push_back(r.font);
      r.fake_bold = cand.fake_bold;
      set->roles_.push_back(std::move(r));
      found = true;
    }
    if (!found && required) {
      diags.error(config_name, role->line, role->column,
                  "no font found for role '" + role_name + "'",
                  "tried " + (tried.empty() ? std::string("no candidates") : tried) +
                      "; install one of them or add a candidate to fonts.xml");
      ok = false;
    } else if (!found) {
      diags.warning(config_name, role->line, role->column,
                    "no font found for the optional role '" + role_name + "'", "tried " + tried);
    }
  }
  if (!ok) return nullptr;
  return set;
}

}  // namespace hongtou::fonts
