// SPDX-License-Identifier: Apache-2.0
// XML → document: the whitespace rule and the inline text — text-only
// elements, <br/>, and the spans of <p>, <h> and <chapter>, with the <lead>
// or <article> a paragraph starts with. The rule and every message are
// documented in docs/model.md.
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/utf8.hpp"
#include "model/document.hpp"
#include "model/document_parser.hpp"

namespace hongtou::model::detail {
namespace {

/// Characters between which a line break in the XML source vanishes: CJK
/// ideographs, kana, hangul, CJK and full-width punctuation, and the general
/// punctuation Chinese text uses at full width (— … “ ” ‘ ’ ·).
bool is_cjk(char32_t c) {
  switch (c) {
    case 0x00B7:
    case 0x2014:
    case 0x2015:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2025:
    case 0x2026:
      return true;
    default:
      break;
  }
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x9FFF) ||
         (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE1F) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

}  // namespace

// ---- the whitespace rule ----

bool is_xml_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_blank(const char* s) {
  for (; *s; ++s)
    if (!is_xml_space(static_cast<unsigned char>(*s))) return false;
  return true;
}

std::vector<std::string> normalise_whitespace(const std::vector<std::u32string>& pieces) {
  std::vector<std::u32string> out(pieces.size());
  char32_t prev = 0;  // last kept character; 0 = none yet
  bool pending = false, pending_break = false;
  size_t pending_piece = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    for (char32_t c : pieces[i]) {
      if (is_xml_space(c)) {
        if (!pending) {
          pending = true;
          pending_break = false;
          pending_piece = i;
        }
        if (c == '\n' || c == '\r') pending_break = true;
        continue;
      }
      if (pending && prev != 0 && !(pending_break && is_cjk(prev) && is_cjk(c)))
        out[pending_piece].push_back(U' ');
      pending = false;
      out[i].push_back(c);
      prev = c;
    }
  }
  std::vector<std::string> result;
  result.reserve(out.size());
  for (const auto& s : out) result.push_back(utf8_encode(s));
  return result;
}

// ---- text-only elements ----

std::vector<std::u32string> document_parser::raw_text(pugi::xml_node n, bool allow_br) {
  std::vector<std::u32string> lines(1);
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      lines.back() += utf8_decode(c.value());
    } else if (c.type() == pugi::node_element) {
      if (allow_br && std::strcmp(c.name(), "br") == 0) {
        check_attributes(c, {});
        if (c.first_child()) error_at(c, "<br/> must be empty");
        lines.emplace_back();
      } else {
        error_at(c, "unknown element " + tag(c.name()) + " in " + tag(n.name()) + "; expected " +
                        (allow_br ? "text or <br/>" : "text only"));
      }
    }
  }
  return lines;
}

std::string document_parser::read_text(pugi::xml_node n,
                                       const std::vector<const char*>& attributes) {
  check_attributes(n, attributes);
  std::string text = normalise_whitespace(raw_text(n, false)).front();
  if (text.empty()) error_at(n, "empty " + tag(n.name()) + "; expected text");
  return text;
}

// ---- headings and paragraphs ----

int document_parser::read_level(pugi::xml_node n) {
  check_attributes(n, {"level"});
  const pugi::xml_attribute a = n.attribute("level");
  if (!a) {
    error_at(n, "missing attribute level on " + tag(n.name()) + "; expected level=\"1\" to \"4\"");
    return 0;
  }
  const std::string v = a.value();
  if (v.size() != 1 || v[0] < '1' || v[0] > '4') {
    error_at(offset_of(n, a), "level must be 1..4 (found \"" + shorten(v) + "\")");
    return 0;
  }
  return v[0] - '0';
}

void document_parser::read_heading(pugi::xml_node n, std::vector<block>& body) {
  block b;
  b.kind = block_kind::heading;
  b.pos = pos_of(n);
  b.level = read_level(n);
  span s;
  s.pos = b.pos;
  s.lead_level = b.level;  // a standalone heading is set in its level's font throughout
  s.text = normalise_whitespace(raw_text(n, false)).front();
  if (s.text.empty()) error_at(n, "empty <h>; expected text");
  b.spans.push_back(std::move(s));
  body.push_back(std::move(b));
}

void document_parser::read_chapter(pugi::xml_node n, std::vector<block>& body) {
  block b;
  b.kind = block_kind::chapter;
  b.pos = pos_of(n);
  span s;
  s.pos = b.pos;
  s.text = read_text(n);  // no attributes, text only, not empty
  b.spans.push_back(std::move(s));
  body.push_back(std::move(b));
}

// The run-in start of a paragraph: <lead level="N"> (a heading) or
// <article> (the number of an article, 条).
void document_parser::read_run_in(pugi::xml_node c, span& lead, std::u32string& raw) {
  lead.pos = pos_of(c);
  if (std::strcmp(c.name(), "lead") == 0) {
    lead.lead_level = read_level(c);
  } else {
    check_attributes(c, {});
    lead.article = true;
  }
  raw = raw_text(c, false).front();
  if (normalise_whitespace({raw}).front().empty())
    error_at(c, "empty " + tag(c.name()) + "; expected text");
}

void document_parser::read_paragraph(pugi::xml_node n, std::vector<block>& body) {
  check_attributes(n, {});
  block b;
  b.kind = block_kind::paragraph;
  b.pos = pos_of(n);
  span lead, rest;
  std::u32string lead_raw, rest_raw;
  bool has_lead = false, has_text = false;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      if (!has_text && !is_blank(c.value())) {
        has_text = true;
        rest.pos = pos_of(c);
      }
      rest_raw += utf8_decode(c.value());
    } else if (c.type() == pugi::node_element) {
      if (std::strcmp(c.name(), "lead") != 0 && std::strcmp(c.name(), "article") != 0) {
        error_at(
            c, "unknown element " + tag(c.name()) + " in <p>; expected text, <lead> or <article>");
      } else if (has_lead || has_text) {
        error_at(c, tag(c.name()) + " must come first in <p>, and only once");
      } else {
        has_lead = true;
        read_run_in(c, lead, lead_raw);
      }
    }
  }
  // The whitespace run between </lead> and the text is one run: both pieces at once.
  std::vector<std::string> texts = normalise_whitespace({lead_raw, rest_raw});
  if (has_lead) {
    lead.text = std::move(texts[0]);
    // After an article's number the layout puts its own separator (U+3000).
    if (lead.article && !lead.text.empty() && lead.text.back() == ' ') lead.text.pop_back();
    if (lead.article && !texts[1].empty() && texts[1].front() == ' ') texts[1].erase(0, 1);
    b.spans.push_back(std::move(lead));
  }
  if (!texts[1].empty()) {
    rest.text = std::move(texts[1]);
    b.spans.push_back(std::move(rest));
  }
  if (!has_lead && !has_text) error_at(n, "empty <p>; expected text");
  body.push_back(std::move(b));
}

}  // namespace hongtou::model::detail
