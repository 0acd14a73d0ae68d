// SPDX-License-Identifier: Apache-2.0
#include "model/xml_source.hpp"

#include "core/file.hpp"
#include "core/utf8.hpp"

#include <cctype>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <memory>
#include <system_error>

namespace hongtou::model::detail {

namespace {

struct open_tag {
  std::string name;
  size_t offset = 0;
};

// The innermost element still open at `end`, found by a light scan of the
// tags before it (comments, CDATA, PIs and quoted attribute values skipped).
// Only used to explain a mismatch pugixml reported.
bool innermost_open(std::string_view text, size_t end, open_tag& out) {
  std::vector<open_tag> stack;
  size_t i = 0;
  auto skip_past = [&](std::string_view marker) {
    size_t at = text.find(marker, i);
    i = at == std::string_view::npos || at >= end ? end : at + marker.size();
  };
  while (i < end) {
    if (text[i] != '<') {
      ++i;
      continue;
    }
    std::string_view rest = text.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      skip_past("-->");
    } else if (rest.substr(0, 9) == "<![CDATA[") {
      skip_past("]]>");
    } else if (rest.substr(0, 2) == "<?") {
      skip_past("?>");
    } else if (rest.substr(0, 2) == "<!") {
      skip_past(">");
    } else {
      bool closing = rest.size() > 1 && rest[1] == '/';
      size_t start = i + (closing ? 2 : 1), j = start;
      while (j < end && !std::isspace(static_cast<unsigned char>(text[j])) && text[j] != '>' &&
             text[j] != '/')
        ++j;
      std::string name(text.substr(start, j - start));
      char quote = 0;
      bool self_closing = false;
      for (; j < end; ++j) {
        char c = text[j];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          self_closing = j > 0 && text[j - 1] == '/';
          break;
        }
      }
      if (j >= end && !closing) break;  // the tag the error is in
      if (closing) {
        if (!stack.empty() && stack.back().name == name) stack.pop_back();
      } else if (!self_closing) {
        stack.push_back({name, i});
      }
      i = j + 1;
    }
  }
  if (stack.empty()) return false;
  out = stack.back();
  return true;
}

}  // namespace

bool xml_source::parse(pugi::xml_document& doc, unsigned options) {
  if (!scan_chars()) return false;
  const pugi::xml_parse_result r =
      doc.load_buffer(text_.data(), text_.size(), options, pugi::encoding_utf8);
  if (r.status == pugi::status_out_of_memory) throw std::bad_alloc();
  if (!r) {
    size_t at = r.offset < 0 ? 0 : std::min(static_cast<size_t>(r.offset), text_.size());
    std::string message = std::string("malformed XML: ") + r.description();
    open_tag open;
    if (r.status == pugi::status_end_element_mismatch) {
      // Name the element left open and where it began (pugixml names neither).
      if (at + 1 >= text_.size()) {  // the text ended with elements open
        if (innermost_open(text_, text_.size(), open)) {
          line_col where = pos_at(open.offset);
          message += "; <" + open.name + "> from line " + std::to_string(where.line) + ":" +
                     std::to_string(where.column) + " is not closed";
        }
      } else if (size_t tag = text_.rfind("</", at);
                 tag != std::string_view::npos && innermost_open(text_, tag, open)) {
        line_col where = pos_at(open.offset);
        message += "; expected </" + open.name + "> to close <" + open.name + "> from line " +
                   std::to_string(where.line) + ":" + std::to_string(where.column);
      }
    }
    error_at(at, std::move(message));
    return false;
  }
  return check_tree(doc);
}

namespace {

// The value without the characters the scan found to remove.
void strip(const char* value, std::string& out) {
  out.clear();
  for (const char32_t cp : utf8_decode(value))
    if (!removed_char(cp)) utf8_append(out, cp);
}

}  // namespace

bool xml_source::check_tree(pugi::xml_document& doc) {
  // Iterative: a file nested a million deep must not exhaust the stack.
  uint64_t elements = 0, depth = 0;
  std::string kept;
  pugi::xml_node n = doc.first_child();
  while (n) {
    if (n.type() == pugi::node_element) {
      ++elements;
      if (limits_.elements != 0 && elements > limits_.elements) {
        error_at(n, over_limit("too many elements", std::to_string(limits_.elements), "elements"));
        return false;
      }
      if (limits_.depth != 0 && depth + 1 > limits_.depth) {
        error_at(n, over_limit("elements nested too deep", std::to_string(limits_.depth), "depth"));
        return false;
      }
      if (needs_removal_)
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
          strip(a.value(), kept);
          if (kept != a.value()) set_value(a, kept.c_str());
        }
    } else if (needs_removal_ && (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata)) {
      strip(n.value(), kept);
      if (kept != n.value()) set_value(n, kept.c_str());
    }
    if (n.first_child()) {
      n = n.first_child();
      ++depth;
      continue;
    }
    while (n && !n.next_sibling()) {
      n = n.parent();
      if (depth-- == 0) n = {};
    }
    if (n) n = n.next_sibling();
  }
  return true;
}

bool xml_source::check_text_lengths(pugi::xml_node root, uint64_t max, const char* limit_name) {
  if (max == 0) return true;
  // Post-order over the tree with one counter per open element: an element
  // is measured when it closes, and its characters count for its parent.
  struct open_element {
    pugi::xml_node node;
    uint64_t chars = 0;
    bool reported = false;
    bool has_text = false;  // text of its own, not only whitespace: a paragraph, not a container
  };
  std::vector<open_element> stack{{root}};
  pugi::xml_node n = root.first_child();
  bool ok = true;
  auto close = [&] {
    open_element done = stack.back();
    stack.pop_back();
    if (done.has_text && !done.reported && done.chars > max) {
      error_at(done.node, over_limit("the text of <" + std::string(done.node.name()) + "> has " +
                                         std::to_string(done.chars) + " characters",
                                     std::to_string(max), limit_name));
      ok = false;
      done.reported = true;
    }
    if (!stack.empty()) {
      stack.back().chars += done.chars;
      stack.back().reported |= done.reported;  // one message for the innermost
    }
  };
  while (n) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      for (const char* p = n.value(); *p; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if ((c & 0xC0) != 0x80) ++stack.back().chars;
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') stack.back().has_text = true;
      }
    } else if (n.type() == pugi::node_element && n.first_child()) {
      stack.push_back({n});
      n = n.first_child();
      continue;
    }
    while (!n.next_sibling() && stack.size() > 1) {
      n = stack.back().node;
      close();
    }
    n = n.next_sibling();
  }
  while (!stack.empty()) close();
  return ok;
}

line_col xml_source::pos_at(size_t offset) {
  if (offset == no_offset) return {};
  // Columns are counted in characters, not bytes.
  auto counts = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  if (line_starts_.empty()) {
    // One pass for the whole file: line starts and checkpoint columns.
    line_starts_.push_back(0);
    checkpoint_columns_.reserve(text_.size() / checkpoint_bytes + 1);
    uint32_t column = 1;
    for (size_t i = 0; i < text_.size(); ++i) {
      if (i % checkpoint_bytes == 0) checkpoint_columns_.push_back(column);
      const char c = text_[i];
      if (c == '\n' || (c == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
        line_starts_.push_back(i + 1);
        column = 1;
      } else if (counts(c) && column < UINT32_MAX) {
        ++column;
      }
    }
  }
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
  // Count from the nearer of the line's start and the last checkpoint before offset.
  size_t from = *it, column = 1;
  if (const size_t mark = offset / checkpoint_bytes * checkpoint_bytes; mark > from) {
    from = mark;
    column = checkpoint_columns_[mark / checkpoint_bytes];
  }
  for (size_t i = from; i < offset; ++i)
    if (counts(text_[i])) ++column;
  const auto line = static_cast<size_t>(it - line_starts_.begin()) + 1;
  return {static_cast<int>(std::min<size_t>(line, INT_MAX)),
          static_cast<int>(std::min<size_t>(column, INT_MAX))};
}

size_t xml_source::offset_of(pugi::xml_node n) const {
  // pugixml gives the offset of an element's name, one past its '<'.
  const ptrdiff_t off = n.offset_debug();
  if (off <= 0 || static_cast<size_t>(off) > text_.size()) return off == 0 ? 0 : no_offset;
  return static_cast<size_t>(off) - (n.type() == pugi::node_element ? 1 : 0);
}

size_t xml_source::offset_of(pugi::xml_node n, pugi::xml_attribute a) const {
  const ptrdiff_t off = n.offset_debug();
  if (off < 0) return offset_of(n);
  // The attribute name lies in the same parse buffer as the element name.
  const auto base = reinterpret_cast<uintptr_t>(n.name()) - static_cast<uintptr_t>(off);
  const auto at = reinterpret_cast<uintptr_t>(a.name());
  if (at < base || at - base >= text_.size()) return offset_of(n);
  return static_cast<size_t>(at - base);
}

void xml_source::error_at(size_t offset, std::string message) {
  if (errors_ == max_errors_) diags_.error(name_, 0, 0, "too many errors; stopping here");
  if (errors_++ >= max_errors_) return;
  const line_col p = pos_at(offset);
  diags_.error(name_, p.line, p.column, std::move(message));
}

bool read_file(const std::string& path, std::string& text, diagnostics& diags, uint64_t max_bytes) {
  if (std::string error; !read_regular_file(path, max_bytes, text, error)) {
    diags.error(path, 0, 0, "cannot open " + path + ": " + error);
    return false;
  }
  return true;
}

bool is_word(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

bool parse_whole(std::string_view s, int& n) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
  return !s.empty() && s[0] != '-' && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

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

}  // namespace hongtou::model::detail
