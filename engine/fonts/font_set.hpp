// SPDX-License-Identifier: Apache-2.0
#pragma once
// font_set: the font roles of fonts.xml a layout needs, resolved to faces.
// Every candidate of a role is asked of every provider in turn (family
// first, then file); the first face found wins, and the later ones found
// are the links of the role's own fallback chain (role_face::chain).
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "fonts/config.hpp"
#include "fonts/face.hpp"
#include "fonts/face_cache.hpp"
#include "fonts/provider.hpp"

namespace hongtou::fonts {

/// A role and the face it resolved to.
struct role_face {
  std::string role;  // the name asked for: a role, or a font name of fonts.xml's <alias>
  const face* font = nullptr;
  std::string matched_by;  // the candidate that found it, e.g. "family \"FandolFang Regular\""
  int rank = 0;            // 0-based position of that candidate in the role's list
  std::string found_by;    // the provider, e.g. "fontconfig"
  std::vector<const face*> chain;  // every candidate's face found, in order: `font` first
  std::string defined_as;          // the <role> of fonts.xml it resolved through
  double fake_bold = 0;            // em: the found candidate's fake bold (0 = none)
};

class font_set {
 public:
  font_set(const font_set&) = delete;
  font_set& operator=(const font_set&) = delete;

  /// Resolves `roles` (each required) and `optional` roles (loaded when
  /// fonts.xml defines them and a face is found; a warning otherwise). A
  /// role keeps the faces of all its candidates found, in order
  /// (role_face::chain): its first face, then the later links of the
  /// fallback chain of its text (the fallback role is a chain of fallbacks).
  /// A required role that is undefined or has no face adds an error at its
  /// <role> listing every candidate tried, and nullptr is returned.
  static std::unique_ptr<font_set> resolve(const font_config& config,
                                           const std::vector<std::string>& roles,
                                           const std::vector<std::string>& optional,
                                           const std::vector<const provider*>& providers,
                                           face_cache& cache, diagnostics& diags,
                                           const std::string& config_name = "fonts.xml");

  /// The face of a role, or nullptr when the role was not resolved.
  const face* get(const std::string& role) const;
  /// The resolution of a role, or nullptr.
  const role_face* find(const std::string& role) const;
  /// The faces of a role in order, its own face first; empty when not resolved.
  std::vector<const face*> chain(const std::string& role) const;
  /// Every resolved role, in the order asked for.
  const std::vector<role_face>& roles() const { return roles_; }
  /// The cache the faces live in (backends resolve font handles through it).
  const face_cache& cache() const { return *cache_; }

 private:
  font_set() = default;
  const face_cache* cache_ = nullptr;
  std::vector<role_face> roles_;
};

}  // namespace hongtou::fonts
