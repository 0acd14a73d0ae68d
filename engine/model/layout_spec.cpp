// layouts/*.xml → layout_spec. The format is documented in docs/model.md
// ("Layout files"); every field is required so that no number of the
// standard hides in C++.
#include "model/layout_spec.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/units.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model {
namespace {

using detail::xml_source;

std::string tag(const char* name) {
  return "<" + std::string(name) + ">";
}

/// Parses "12", "12.5", ".5" (no sign, no exponent) into v.
bool parse_decimal(std::string_view s, double& v) {
  size_t digits = 0, dots = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c == '.')
      ++dots;
    else
      return false;
  }
  if (digits == 0 || dots > 1) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v);
}

class layout_parser {
 public:
  layout_parser(std::string_view xml, const std::string& name, diagnostics& diags)
      : src_(xml, name, diags) {}

  bool run(layout_spec& out) {
    pugi::xml_document xdoc;
    if (!src_.parse(xdoc, pugi::parse_default)) return false;
    layout_spec spec;
    read_root(xdoc.document_element(), spec);
    if (src_.errors() > 0) return false;
    out = std::move(spec);
    return true;
  }

 private:
  /// Reads the attributes of one element, each required; finish() reports
  /// the attributes nobody asked for.
  class attrs {
   public:
    attrs(xml_source& src, pugi::xml_node n) : src_(src), n_(n) {}

    /// A length "12.5mm" / "16pt" (or "1em" after set_em) in pt; 0 on error.
    double length(const char* name, bool allow_zero = false) {
      const pugi::xml_attribute a = get(name);
      if (!a) return 0;
      const std::string_view v = a.value();
      double number = 0, factor = 0;
      const std::string_view unit = v.size() >= 2 ? v.substr(v.size() - 2) : std::string_view();
      if (unit == "pt")
        factor = 1;
      else if (unit == "mm")
        factor = mm_to_pt(1);
      else if (unit == "em" && em_ > 0)
        factor = em_;
      if (factor == 0 || !parse_decimal(v.substr(0, v.size() - 2), number)) {
        bad(a, "length",
            em_ > 0 ? "a number and a unit: \"37mm\", \"16pt\" or \"1em\" (this element's size)"
                    : "a number and a unit: \"37mm\" or \"16pt\"");
        return 0;
      }
      if (number == 0 && !allow_zero) {
        src_.error_at(n_, a,
                      std::string(name) + " on " + tag(n_.name()) + " must be greater than 0");
        return 0;
      }
      return number * factor;
    }

    /// A whole number in lo..hi; lo on error.
    int count(const char* name, int lo, int hi) {
      const pugi::xml_attribute a = get(name);
      if (!a) return lo;
      int n = 0;
      if (!detail::parse_whole(a.value(), n) || n < lo || n > hi) {
        bad(a, "count", "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        return lo;
      }
      return n;
    }

    /// A decimal number in (lo, hi] when lo_open, else [lo, hi]; hi on error.
    double number(const char* name, double lo, double hi, bool lo_open) {
      const pugi::xml_attribute a = get(name);
      if (!a) return hi;
      double v = 0;
      if (!parse_decimal(a.value(), v) || (lo_open ? v <= lo : v < lo) || v > hi) {
        char range[80];
        std::snprintf(range, sizeof range, "a number %s %g and at most %g",
                      lo_open ? "greater than" : "at least", lo, hi);
        bad(a, "number", range);
        return hi;
      }
      return v;
    }

    /// A colour "#RRGGBB".
    rgb color(const char* name) {
      const pugi::xml_attribute a = get(name);
      if (!a) return {};
      const std::string_view v = a.value();
      unsigned channel[3] = {0, 0, 0};
      bool ok = v.size() == 7 && v[0] == '#';
      for (size_t i = 0; ok && i < 3; ++i) {
        const auto r = std::from_chars(v.data() + 1 + 2 * i, v.data() + 3 + 2 * i, channel[i], 16);
        ok = r.ec == std::errc() && r.ptr == v.data() + 3 + 2 * i;
      }
      if (!ok) {
        bad(a, "colour", "\"#RRGGBB\", e.g. \"#FF0000\"");
        return {};
      }
      return {channel[0] / 255.0, channel[1] / 255.0, channel[2] / 255.0};
    }

    /// A name of lower-case letters, digits, - and _.
    std::string word(const char* name) {
      const pugi::xml_attribute a = get(name);
      if (!a) return {};
      if (!detail::is_word(a.value())) {
        bad(a, "name", "lower-case letters, digits, - and _");
        return {};
      }
      return a.value();
    }

    /// A text that must contain `placeholder` exactly once, e.g. "— {n} —".
    std::string pattern(const char* name, std::string_view placeholder) {
      const pugi::xml_attribute a = get(name);
      if (!a) return {};
      const std::string_view v = a.value();
      const size_t at = v.find(placeholder);
      if (at == std::string_view::npos || v.find(placeholder, at + 1) != std::string_view::npos) {
        bad(a, "pattern", "text with " + std::string(placeholder) + " once, e.g. \"— {n} —\"");
        return {};
      }
      return a.value();
    }

    /// A text style: role, size, color; later lengths may then use em.
    text_style style() {
      text_style s;
      s.role = word("role");
      s.size = length("size");
      s.color = color("color");
      em_ = s.size;
      return s;
    }

    void finish() {
      for (pugi::xml_attribute a = n_.first_attribute(); a; a = a.next_attribute()) {
        const bool known = std::any_of(used_.begin(), used_.end(), [&](const char* s) {
          return std::strcmp(s, a.name()) == 0;
        });
        if (known) continue;
        std::string expected;
        for (size_t i = 0; i < used_.size(); ++i)
          expected += (i == 0 ? "" : i + 1 == used_.size() ? " or " : ", ") + std::string(used_[i]);
        src_.error_at(n_, a,
                      "unknown attribute " + std::string(a.name()) + " on " + tag(n_.name()) +
                          "; expected " + (expected.empty() ? "none" : expected));
      }
    }

   private:
    pugi::xml_attribute get(const char* name) {
      used_.push_back(name);
      const pugi::xml_attribute a = n_.attribute(name);
      if (!a) src_.error_at(n_, "missing attribute " + std::string(name) + " on " + tag(n_.name()));
      return a;
    }
    void bad(pugi::xml_attribute a, const char* what, const std::string& expected) {
      src_.error_at(n_, a,
                    std::string("bad ") + what + " \"" + a.value() + "\" in " + a.name() + " on " +
                        tag(n_.name()) + "; expected " + expected);
    }

    xml_source& src_;
    pugi::xml_node n_;
    std::vector<const char*> used_;
    double em_ = 0;  // size of this element's text; 0 = "em" not allowed
  };

  void read_root(pugi::xml_node root, layout_spec& spec) {
    if (!root || std::strcmp(root.name(), "layout") != 0) {
      src_.error_at(root ? src_.offset_of(root) : 0,
                    "expected root element <layout>" +
                        (root ? ", found " + tag(root.name()) : std::string()));
      return;
    }
    {
      attrs a(src_, root);
      spec.name = a.word("name");
      a.finish();
    }
    static const char* const names[] = {"page",       "type-area", "grid",      "issuer",
                                        "doc-number", "separator", "title",     "addressee",
                                        "body",       "heading",   "signature", "page-number"};
    std::vector<pugi::xml_node> seen(std::size(names));
    pugi::xml_node headings[4];
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        src_.error_at(c, "text is not allowed in <layout>; expected elements");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      size_t i = 0;
      while (i < std::size(names) && std::strcmp(names[i], c.name()) != 0) ++i;
      if (i == std::size(names)) {
        std::string expected;
        for (size_t k = 0; k < std::size(names); ++k)
          expected += (k == 0 ? "" : k + 1 == std::size(names) ? " or " : ", ") + tag(names[k]);
        src_.error_at(c, "unknown element " + tag(c.name()) + " in <layout>; expected " + expected);
        continue;
      }
      if (std::strcmp(names[i], "heading") == 0) {
        read_heading(c, spec, headings);
        continue;
      }
      if (seen[i]) {
        src_.error_at(c, "duplicate " + tag(c.name()) + " in <layout>; only one is allowed");
        continue;
      }
      seen[i] = c;
      read_element(i, c, spec);
    }
    for (size_t i = 0; i < std::size(names); ++i)
      if (!seen[i] && std::strcmp(names[i], "heading") != 0)
        src_.error_at(root, "missing " + tag(names[i]) + " in <layout>");
    for (int level = 1; level <= 4; ++level)
      if (!headings[level - 1])
        src_.error_at(root,
                      "missing <heading level=\"" + std::to_string(level) + "\"> in <layout>");

    // The type area must lie on the page (small tolerance for rounding).
    if (seen[0] && seen[1]) {
      constexpr double eps = 1e-6;
      if (spec.margin_left + spec.area_width > spec.page_width + eps ||
          spec.margin_top + spec.area_height > spec.page_height + eps)
        src_.error_at(seen[1], "the type area does not fit on the page");
    }
  }

  void read_heading(pugi::xml_node c, layout_spec& spec, pugi::xml_node (&headings)[4]) {
    attrs a(src_, c);
    const int level = a.count("level", 1, 4);
    const text_style s = a.style();
    a.finish();
    const std::string_view v = c.attribute("level").value();
    if (v.size() != 1 || v[0] < '1' || v[0] > '4') return;  // reported by count()
    if (headings[level - 1]) {
      src_.error_at(c, "duplicate <heading level=\"" + std::to_string(level) + "\"> in <layout>");
      return;
    }
    headings[level - 1] = c;
    spec.heading[level - 1] = s;
  }

  void read_element(size_t i, pugi::xml_node c, layout_spec& spec) {
    reject_children(c);
    attrs a(src_, c);
    switch (i) {
      case 0:  // page
        spec.page_width = a.length("width");
        spec.page_height = a.length("height");
        break;
      case 1:  // type-area
        spec.margin_top = a.length("top", /*allow_zero=*/true);
        spec.margin_left = a.length("left", /*allow_zero=*/true);
        spec.area_width = a.length("width");
        spec.area_height = a.length("height");
        break;
      case 2:  // grid
        spec.grid_profile = a.word("profile");
        if (c.attribute("profile") && spec.grid_profile != "gb-exact")
          src_.error_at(c, c.attribute("profile"),
                        "unsupported grid profile \"" +
                            std::string(c.attribute("profile").value()) + "\"; expected gb-exact");
        spec.chars_per_line = a.count("chars-per-line", 1, 200);
        spec.lines_per_page = a.count("lines-per-page", 1, 200);
        spec.gap_ratio = a.number("gap-ratio", 0, 10, /*lo_open=*/false);
        break;
      case 3:  // issuer
        spec.issuer = a.style();
        spec.issuer_top = a.length("top", /*allow_zero=*/true);
        spec.issuer_max_width = a.length("max-width");
        spec.issuer_min_scale = a.number("min-scale", 0, 1, /*lo_open=*/true);
        break;
      case 4:  // doc-number
        spec.doc_number = a.style();
        spec.doc_number_rows_before = a.count("rows-before", 0, 50);
        break;
      case 5:  // separator
        spec.separator_color = a.color("color");
        spec.separator_width = a.length("width");
        spec.separator_thickness = a.length("thickness");
        spec.separator_offset = a.length("offset", /*allow_zero=*/true);
        break;
      case 6:  // title
        spec.title = a.style();
        spec.title_line_pitch = a.length("line-pitch");
        spec.title_rows_before = a.count("rows-before", 0, 50);
        break;
      case 7:  // addressee
        spec.addressee = a.style();
        spec.addressee_rows_before = a.count("rows-before", 0, 50);
        break;
      case 8:  // body
        spec.body = a.style();
        spec.body_rows_before = a.count("rows-before", 0, 50);
        spec.first_line_indent = a.count("first-line-indent", 0, 50);
        break;
      case 10:  // signature
        spec.signature = a.style();
        spec.signature_rows_before = a.count("rows-before", 0, 50);
        spec.signature_right_indent = a.count("right-indent", 0, 50);
        spec.date_offset = a.count("date-offset", 0, 50);
        break;
      default:  // 11: page-number
        spec.page_number = a.style();
        spec.page_number_below = a.length("below", /*allow_zero=*/true);
        spec.page_number_inset = a.length("inset", /*allow_zero=*/true);
        spec.page_number_format = a.pattern("format", "{n}");
        break;
    }
    a.finish();
  }

  void reject_children(pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element || c.type() == pugi::node_pcdata ||
          c.type() == pugi::node_cdata) {
        src_.error_at(c, tag(n.name()) + " must be empty; its values are attributes");
        return;
      }
  }

  xml_source src_;
};

}  // namespace

bool parse_layout(std::string_view xml, const std::string& source_name, layout_spec& out,
                  diagnostics& diags) {
  return detail::run_parser<layout_parser>(xml, source_name, out, diags, "the layout");
}

bool load_layout(const std::string& path, layout_spec& out, diagnostics& diags) {
  return detail::load_file(path, out, diags, &parse_layout);
}

}  // namespace hongtou::model
