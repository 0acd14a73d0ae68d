// SPDX-License-Identifier: Apache-2.0
#include "model/xml_source.hpp"

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
  const pugi::xml_parse_result r =
      doc.load_buffer(text_.data(), text_.size(), options, pugi::encoding_utf8);
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
  return true;
}

line_col xml_source::pos_at(size_t offset) {
  if (offset == no_offset) return {};
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n')))
        line_starts_.push_back(i + 1);
  }
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
  size_t column = 1;  // counted in characters, not bytes
  for (size_t i = *it; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
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

bool read_file(const std::string& path, std::string& text, diagnostics& diags) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    diags.error(path, 0, 0, "cannot open " + path + ": " + std::generic_category().message(errno));
    return false;
  }
  text.clear();
  char buf[65536];
  size_t got = 0;
  while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) text.append(buf, got);
  if (std::ferror(f.get())) {
    diags.error(path, 0, 0, "cannot read " + path + ": " + std::generic_category().message(errno));
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
