// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every element of the page stage shares while it sets its text: the
// document, the layout, the faces, the grid, the line breaker, and the
// reporting of characters set in a fallback face.
#include <map>
#include <set>
#include <string>

#include "core/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "layout/grid/grid.hpp"
#include "layout/inline/inline.hpp"
#include "layout/page/block.hpp"
#include "model/document.hpp"
#include "model/layout_spec.hpp"

namespace hongtou::layout {

/// A layout pattern with its "{n}" (there exactly once: the reader checks) set to n.
std::string numbered(const std::string& pattern, size_t n);

/// The text with `open` before and `close` after, unless it already starts
/// and ends with them (brackets of a 附注, "印发" after a date).
std::string enclosed(const std::string& text, const std::string& open, const std::string& close);

class context {
 public:
  context(const model::document& doc, const model::layout_spec& spec, const fonts::font_set& fonts,
          diagnostics& diags, const std::map<std::string, image>& seals);

  const model::document& doc;
  const model::layout_spec& spec;
  const fonts::font_set& fonts;
  diagnostics& diags;
  const grid g;
  break_finder breaks;
  const std::map<std::string, image>& seals;  // decoded seal images by src
  bool strict_fonts = false;  // a font substitution is an error (render_options::strict_fonts)

  /// The face of a style's role (never null: compose checks the roles first).
  const fonts::face* font(const model::text_style& s) const { return fonts.get(s.role); }
  /// The face a run is set in.
  const fonts::face& face_of(const glyph_run& run) const {
    return *fonts.cache().find(run.font.id);
  }
  /// A piece of text in a style, with its fallback chain (the style's role's
  /// later faces, then the fallback role's) and, when the layout sets the
  /// style's role's digits and Latin letters in a Latin font, its face.
  text_piece piece(const std::string& text, const model::text_style& s, element role,
                   int level = 0) const;
  /// The decoded image of a <seal>, or nullptr after reporting at the seal
  /// that it was not loaded.
  const image* seal_image(const model::seal& seal);
  /// Reports characters set in a fallback face (a warning, or an error with
  /// strict_fonts) and characters no face has (an error): never silent.
  void report_coverage(const prepared_text& p, const model::source_pos& pos);
  /// Distinct characters set in a fallback face so far.
  size_t substitutions() const { return reported_.size(); }
  /// Text set as justified lines across the type area, on the grid's cells:
  /// x final, y left for emit. `rest_indent` indents every line but the
  /// first; `inset` narrows every line from the left, `width` (0: the rest of
  /// the type area) is the lines' width; `widow_control` false leaves a
  /// one-character last line as it falls (flush-left table cells).
  std::vector<block_line> grid_lines(std::vector<text_piece> pieces, double first_indent,
                                     double rest_indent, const model::source_pos& pos,
                                     double inset = 0, double width = 0, bool widow_control = true);
  /// A label on one line at `label_x` (附件：1., 出席：) followed by `text` set
  /// as grid lines from `text_x` on, so every wrapped line starts under the
  /// text's first character; x from the type area's left.
  std::vector<block_line> labelled_lines(const std::string& label, const model::text_style& style,
                                         double label_x, text_piece text, double text_x,
                                         const model::source_pos& pos);
  /// Prepared text as one unjustified line whose left edge is at `x`, pt from
  /// the page's left edge; y left to the caller.
  static std::vector<glyph_run> runs_at(const prepared_text& p, double x);
  /// One line of natural-width text starting at x (pt from the type area's left); y left for emit.
  std::vector<glyph_run> line_at(const std::string& text, const model::text_style& s, element role,
                                 double x, const model::source_pos& pos);
  /// The cell a wide character of this size takes: the grid's at the body
  /// size, else none (its natural advance, one em).
  double cell_for(double size) const { return size == spec.body.style.size ? g.cell : 0; }
  /// The width of a text on the grid's cells, pt.
  double width_of(const std::string& text, const model::text_style& s, element role);
  /// A single line of natural-width text, centred on the type area, one run
  /// per face (a Latin or fallback face makes more than one); y not set.
  std::vector<glyph_run> centred_runs(const std::string& text, const model::text_style& s,
                                      element role, const model::source_pos& pos);

  /// Sets the vertical fields of a run whose em box top is at y. Grid text
  /// is placed by its em box; its ink is not measured (it costs a
  /// charstring interpretation per glyph).
  void place_em_top(glyph_run& run, double y) const;
  /// Places the runs of one line with their em boxes' tops at y and one
  /// baseline for the runs of a size, whatever their font: the em box of
  /// the line's reference face stands for all, so that mixed fonts (a 楷体
  /// run-in heading and 仿宋 text, a character from the fallback face) are
  /// level. The reference is the body text's face when the line has it (the
  /// face of the grid, GB/T 9704-2012 5.2.1), so that such a line keeps the
  /// baseline of the paragraph's other lines; else the face of most glyphs
  /// among the runs of the largest size, the fallback face not counted.
  void place_line(std::vector<glyph_run>& runs, double y) const;
  /// The same with the em box of `ref` for every run (rows that must keep
  /// the baseline of another line, e.g. 签发人 rows below the first).
  void place_line(std::vector<glyph_run>& runs, double y, const fonts::face& ref) const;
  /// Sets the vertical fields of a run from its baseline.
  void place_baseline(glyph_run& run, double baseline) const;
  /// Measures the ink top and bottom of a run's glyphs (what a ruler measures).
  void measure_ink(glyph_run& run) const;

 private:
  const fonts::face* body_face_;               // the body text's face: the grid's
  std::vector<const fonts::face*> fallbacks_;  // the fallback role's chain, in order
  // What each role of the layout gives its text pieces, worked out once.
  struct role_links {
    std::vector<const fonts::face*> chain;  // its own later faces, then fallbacks_
    bool latin = false;                     // digits and Latin letters in latin_
    double fake_bold = 0;                   // em: its face stands in for a bold one
  };
  std::map<std::string, role_links> links_;
  // Faces that stand in for a role's own: fallbacks_, and the later faces of
  // the roles' chains that are no role's own face.
  std::vector<const fonts::face*> substitutes_;
  const fonts::face* latin_ = nullptr;  // the layout's Latin face (spec §10), or nullptr
  void link_chains();
  bool is_fallback(const fonts::face* f) const;
  std::set<char32_t> reported_;  // substitutions already reported once
};

}  // namespace hongtou::layout
