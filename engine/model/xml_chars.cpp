// SPDX-License-Identifier: Apache-2.0
// The characters of an XML file, checked on its bytes before pugixml reads
// it, so that every character is judged where it is written — as itself or
// as a character reference (&#0; expands to a character the text may not
// hold) — and reported at its line:column. pugixml expands references
// without looking at what they give, and keeps unknown entities as text.
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "core/file.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model::detail {

namespace {

// One decoded UTF-8 sequence: its code point and length; len 0 = ill-formed.
struct decoded {
  char32_t cp = 0;
  size_t len = 0;
};

decoded decode_at(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const size_t len = c < 0x80                   ? 1
                     : (c >= 0xC2 && c <= 0xDF) ? 2
                     : (c >= 0xE0 && c <= 0xEF) ? 3
                     : (c >= 0xF0 && c <= 0xF4) ? 4
                                                : 0;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
  if (len == 0 || i + len > s.size()) return {};
  for (size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return {};
  return {cp, len};
}

bool is_xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string code(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// "U+202E RIGHT-TO-LEFT OVERRIDE", with ICU's name when it has one.
std::string named(char32_t cp) {
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = u_charName(static_cast<UChar32>(cp), U_UNICODE_CHAR_NAME, name,
                               static_cast<int32_t>(sizeof name), &status);
  return U_SUCCESS(status) && n > 0 ? code(cp) + " " + std::string(name, static_cast<size_t>(n))
                                    : code(cp);
}

bool is_mark(char32_t cp) {
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

// Where the scan is: in text or an attribute value references count and the
// characters are a document's; in comments, CDATA and instructions only
// XML's own rule applies.
enum class place { text, tag, value, comment, cdata, instruction };

}  // namespace

const char* refused_char(char32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return nullptr;
  if (cp < 0x20) return "a control character, not allowed in XML";
  if (cp >= 0x7F && cp <= 0x9F) return "a control character";
  if (cp >= 0xD800 && cp <= 0xDFFF) return "a surrogate code point, not a character";
  if (cp > 0x10FFFF) return "past the last code point, U+10FFFF";
  if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return "a noncharacter";
  return nullptr;
}

bool removed_char(char32_t cp) {
  // Bidirectional controls (they reorder what a reader sees, never what
  // the PDF sets) and zero-width characters (nothing to set).
  return cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         cp == 0x2060 || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

size_t find_invalid_char(std::string_view s, std::string& what) {
  for (size_t i = 0; i < s.size();) {
    const decoded d = decode_at(s, i);
    if (d.len == 0) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X",
                    static_cast<unsigned>(static_cast<unsigned char>(s[i])));
      what = buf;
      return i;
    }
    if (const char* why = refused_char(d.cp)) {
      what = "character " + named(d.cp) + " is " + why;
      return i;
    }
    i += d.len;
  }
  return no_offset;
}

bool xml_source::scan_chars() {
  const std::string_view s = text_;
  const size_t errors_before = errors_;
  place at = place::text;
  char quote = 0;
  size_t marks = 0;  // combining marks in a row
  struct removal {
    size_t count = 0, first = 0;
  };
  std::map<char32_t, removal> removals;
  auto judge = [&](char32_t cp, size_t offset, const std::string& written) {
    if (!is_xml_char(cp) || refused_char(cp)) {
      const char* why = refused_char(cp);
      error_at(offset, "character " + named(cp) + written + " is " +
                           (why ? why : "not allowed in XML") + "; remove it");
      return;
    }
    if (removed_char(cp)) {
      removal& r = removals[cp];
      if (r.count++ == 0) r.first = offset;
      needs_removal_ = true;
    }
    if (is_mark(cp)) {
      if (++marks == limits_.cluster_marks + 1 && limits_.cluster_marks != 0)
        error_at(offset, over_limit("combining marks on one character",
                                    std::to_string(limits_.cluster_marks), "cluster_marks"));
    } else {
      marks = 0;
    }
  };
  // A reference at s[i] == '&' in text or a value; returns its length.
  auto reference = [&](size_t i) -> size_t {
    size_t end = s.find(';', i);
    if (end == std::string_view::npos || end - i > 40) end = i;
    const std::string_view ref = s.substr(i + 1, end > i ? end - i - 1 : 0);
    if (ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos") {
      marks = 0;
      return end - i + 1;
    }
    if (ref.size() >= 2 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      uint64_t v = 0;
      bool ok = !digits.empty();
      for (char c : digits) {
        const int d = c >= '0' && c <= '9'          ? c - '0'
                      : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                    : -1;
        if (d < 0) ok = false;
        if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + static_cast<uint64_t>(d < 0 ? 0 : d);
      }
      if (ok) {
        judge(static_cast<char32_t>(v > 0x10FFFF ? 0x110000 : v), i,
              " (written &" + std::string(ref) + ";)");
        return end - i + 1;
      }
    }
    if (end > i)
      error_at(i, "unknown entity &" + std::string(ref.substr(0, 20)) +
                      "; — XML's own are &amp; &lt; &gt; &quot; &apos;, or write the character "
                      "itself");
    else
      error_at(i, "a bare '&'; write it as &amp;");
    return end > i ? end - i + 1 : 1;
  };
  auto starts = [&](size_t i, std::string_view what) { return s.substr(i, what.size()) == what; };

  size_t i = starts(0, "\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark, which pugixml drops
  while (i < s.size() && errors_ < errors_before + 10) {
    const char c = s[i];
    if (at == place::text && c == '<') {
      marks = 0;
      if (starts(i, "<!--")) {
        at = place::comment, i += 4;
      } else if (starts(i, "<![CDATA[")) {
        at = place::cdata, i += 9;
      } else if (starts(i, "<?")) {
        at = place::instruction, i += 2;
      } else if (starts(i, "<!")) {
        error_at(i, std::string(starts(i, "<!DOCTYPE") ? "a DOCTYPE declaration"
                                                       : "a markup declaration") +
                        " is not allowed: a document has no use for one, and its entities "
                        "are never expanded; remove it");
        return false;
      } else {
        at = place::tag, ++i;
      }
      continue;
    }
    if ((at == place::comment && starts(i, "-->")) || (at == place::cdata && starts(i, "]]>"))) {
      at = place::text, i += 3;
      continue;
    }
    if (at == place::instruction && starts(i, "?>")) {
      at = place::text, i += 2;
      continue;
    }
    if (at == place::tag && (c == '"' || c == '\'')) {
      at = place::value, quote = c, ++i;
      continue;
    }
    if (at == place::value && c == quote) {
      at = place::tag, ++i, marks = 0;
      continue;
    }
    if (at == place::tag && c == '>') {
      at = place::text, ++i;
      continue;
    }
    if ((at == place::text || at == place::value) && c == '&') {
      i += reference(i);
      continue;
    }
    const decoded d = decode_at(s, i);
    if (d.len == 0) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X; the file must be UTF-8 text",
                    static_cast<unsigned>(static_cast<unsigned char>(c)));
      error_at(i, buf);
      return false;  // the rest cannot be read reliably
    }
    if (at == place::text || at == place::value || at == place::cdata)
      judge(d.cp, i, "");
    else if (!is_xml_char(d.cp))
      error_at(i, "character " + named(d.cp) + " is not allowed in XML");
    i += d.len;
  }
  std::vector<std::pair<char32_t, removal>> in_order(removals.begin(), removals.end());
  std::sort(in_order.begin(), in_order.end(),
            [](const auto& a, const auto& b) { return a.second.first < b.second.first; });
  for (const auto& [cp, r] : in_order) {
    const line_col p = pos_at(r.first);
    diags_.warning(name_, p.line, p.column,
                   "removed " + std::to_string(r.count) + " × " + named(cp) +
                       " (first here): bidirectional controls and zero-width characters are "
                       "not set in a document");
  }
  return errors_ == errors_before;
}

}  // namespace hongtou::model::detail
