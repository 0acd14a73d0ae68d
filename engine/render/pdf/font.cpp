// SPDX-License-Identifier: Apache-2.0
// One embedded font: the subset from fonts::subset() as a Type0 font with an
// Identity-H encoding (DESIGN.md "PDF writing" 1–3). The objects are made in
// a fixed order, so the same document always gives the same bytes.
#include <cmath>
#include <cstdio>

#include "core/utf8.hpp"
#include "fonts/subset.hpp"
#include "render/pdf/document.hpp"

namespace hongtou::render::detail {

namespace {

int thousandths(double em) {
  return static_cast<int>(std::lround(em * 1000));
}

// Six capital letters derived from the font and its glyph set (stable).
std::string subset_tag(const font_use& use) {
  HPDF_MD5_CTX ctx;
  HPDF_MD5Init(&ctx);
  std::string key = use.face->postscript_name();
  HPDF_MD5Update(&ctx, reinterpret_cast<const HPDF_BYTE*>(key.data()),
                 static_cast<HPDF_UINT32>(key.size()));
  for (const auto& [gid, text] : use.glyph_text) {
    HPDF_BYTE b[4] = {static_cast<HPDF_BYTE>(gid >> 24), static_cast<HPDF_BYTE>(gid >> 16),
                      static_cast<HPDF_BYTE>(gid >> 8), static_cast<HPDF_BYTE>(gid)};
    HPDF_MD5Update(&ctx, b, 4);
  }
  HPDF_BYTE digest[16];
  HPDF_MD5Final(digest, &ctx);
  std::string tag;
  for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + digest[i] % 26);
  return tag;
}

// The font file: bare CID-keyed CFF as /FontFile3, TrueType as /FontFile2.
bool add_font_file(hpdf_document& doc, const fonts::font_subset& sub, HPDF_Dict descriptor,
                   HPDF_Dict cid_font) {
  if (sub.format == fonts::outline_format::cff_cid) {
    HPDF_Dict file = doc.new_stream(sub.bytes.data(), sub.bytes.size(), effort::fast);
    if (!file) return false;
    HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
    HPDF_Dict_Add(descriptor, "FontFile3", file);
    HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType0");
    return true;
  }
  HPDF_Dict file = doc.new_stream(sub.bytes.data(), sub.bytes.size(), effort::fast);
  if (!file) return false;
  HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(sub.bytes.size()));
  HPDF_Dict_Add(descriptor, "FontFile2", file);
  HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity");
  return true;
}

// Codes from the subset, and /DW with /W listing only the widths that differ:
// every glyph of the embedded program, .notdef (code 0) included, has its own
// width (ISO 19005-2 6.2.11.5).
bool add_widths(hpdf_document& doc, const fonts::font_subset& sub, font_use& use,
                HPDF_Dict cid_font) {
  std::map<int, int> width_count;
  use.width[0] = thousandths(use.face->advance(0));
  for (const auto& [gid, text] : use.glyph_text) {
    auto it = sub.code.find(gid);
    const uint32_t code = it == sub.code.end() ? 0 : it->second;
    use.code[gid] = code;
    const int w = thousandths(use.face->advance(gid));
    use.width[code] = w;
    ++width_count[w];
  }
  int dw = 1000;
  int best = 0;
  for (const auto& [w, n] : width_count)
    if (n > best) best = n, dw = w;
  HPDF_Dict_AddNumber(cid_font, "DW", dw);
  HPDF_Array warr = HPDF_Array_New(doc.mmgr());
  if (!warr) return false;
  HPDF_Array group = nullptr;
  uint32_t last = 0;
  for (const auto& [code, w] : use.width) {
    if (w == dw) continue;
    if (!group || code != last + 1) {
      HPDF_Array_AddNumber(warr, static_cast<HPDF_INT32>(code));
      group = HPDF_Array_New(doc.mmgr());
      if (!group) return false;
      HPDF_Array_Add(warr, group);
    }
    HPDF_Array_AddNumber(group, w);
    last = code;
  }
  return HPDF_Dict_Add(cid_font, "W", warr) == HPDF_OK;
}

bool add_system_info(hpdf_document& doc, fonts::font_subset& sub, HPDF_Dict cid_font) {
  HPDF_Dict sysinfo = HPDF_Dict_New(doc.mmgr());
  if (!sysinfo) return false;
  if (sub.registry.empty() || sub.ordering.empty())
    sub.registry = "Adobe", sub.ordering = "Identity";
  HPDF_Dict_Add(sysinfo, "Registry", HPDF_String_New(doc.mmgr(), sub.registry.c_str(), nullptr));
  HPDF_Dict_Add(sysinfo, "Ordering", HPDF_String_New(doc.mmgr(), sub.ordering.c_str(), nullptr));
  HPDF_Dict_AddNumber(sysinfo, "Supplement", sub.supplement);
  return HPDF_Dict_Add(cid_font, "CIDSystemInfo", sysinfo) == HPDF_OK;
}

void fill_descriptor(hpdf_document& doc, const fonts::face& face, const std::string& base,
                     HPDF_Dict descriptor) {
  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", base.c_str());
  HPDF_Dict_AddNumber(descriptor, "Flags",
                      4);  // symbolic: glyphs by CID, not by a standard encoding
  const fonts::ink_box bb = face.bbox();
  HPDF_Array bbox = HPDF_Array_New(doc.mmgr());
  if (bbox)  // else HPDF_Dict_Add records the error, and embed_font reports it
    for (double v : {bb.x_min, bb.y_min, bb.x_max, bb.y_max})
      HPDF_Array_AddNumber(bbox, thousandths(v));
  HPDF_Dict_Add(descriptor, "FontBBox", bbox);
  HPDF_Dict_AddNumber(descriptor, "ItalicAngle", static_cast<HPDF_INT32>(face.italic_angle()));
  HPDF_Dict_AddNumber(descriptor, "Ascent", thousandths(face.ascender()));
  HPDF_Dict_AddNumber(descriptor, "Descent", thousandths(face.descender()));
  HPDF_Dict_AddNumber(descriptor, "CapHeight", thousandths(face.em_top()));
  HPDF_Dict_AddNumber(descriptor, "StemV", 80);
}

// ToUnicode: every code back to its source text, so copy, search and
// pdftotext return the text exactly.
HPDF_Dict to_unicode(hpdf_document& doc, font_use& use) {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::map<uint32_t, std::string> by_code;
  for (const auto& [gid, text] : use.glyph_text)
    if (!text.empty()) by_code.emplace(use.code[gid], text);
  std::vector<std::pair<uint32_t, std::string>> entries(by_code.begin(), by_code.end());
  for (size_t i = 0; i < entries.size(); i += 100) {
    const size_t n = std::min<size_t>(100, entries.size() - i);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k)
      cmap += "<" + hex4(entries[k].first) + "> <" + utf16be_hex(entries[k].second) + ">\n";
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return doc.new_stream(reinterpret_cast<const uint8_t*>(cmap.data()), cmap.size());
}

}  // namespace

bool embed_font(hpdf_document& doc, font_use& use, bool preprocessed) {
  const fonts::face& face = *use.face;
  std::vector<uint32_t> glyphs;
  for (const auto& [gid, text] : use.glyph_text) glyphs.push_back(gid);
  fonts::font_subset sub;
  std::string error;
  if (!fonts::subset(face, glyphs, preprocessed, sub, error))
    return doc.fail_font(face.path(), error + (use.roles.empty() ? "" : " (" + use.roles + ")") +
                                          ": the font file is damaged or not a font hongtou can "
                                          "embed; replace it, or name another in fonts.xml");

  if (sub.format != fonts::outline_format::cff_cid && sub.bytes.empty())
    return doc.fail("empty subset of " + face.family());

  const std::string base = subset_tag(use) + "+" + face.postscript_name();
  const std::string failed = "cannot build the font objects of " + face.family();
  // libharu's calls take a null object (and record the error) but not a
  // null dictionary or array to put it in: each container is checked.
  HPDF_Dict descriptor = doc.new_dict();
  HPDF_Dict cid_font = doc.new_dict();
  if (!descriptor || !cid_font) return doc.fail(failed);
  HPDF_Dict_AddName(cid_font, "Type", "Font");
  HPDF_Dict_AddName(cid_font, "BaseFont", base.c_str());
  if (!add_font_file(doc, sub, descriptor, cid_font) || !add_widths(doc, sub, use, cid_font) ||
      !add_system_info(doc, sub, cid_font))
    return doc.fail(failed);
  fill_descriptor(doc, face, base, descriptor);
  HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
  HPDF_Dict unicode = to_unicode(doc, use);

  use.type0 = doc.new_dict();
  if (!use.type0) return doc.fail(failed);
  HPDF_Dict_AddName(use.type0, "Type", "Font");
  HPDF_Dict_AddName(use.type0, "Subtype", "Type0");
  HPDF_Dict_AddName(use.type0, "BaseFont", base.c_str());
  HPDF_Dict_AddName(use.type0, "Encoding", "Identity-H");
  HPDF_Array desc = HPDF_Array_New(doc.mmgr());
  if (!desc) return doc.fail(failed);
  HPDF_Array_Add(desc, cid_font);
  HPDF_Dict_Add(use.type0, "DescendantFonts", desc);
  HPDF_Dict_Add(use.type0, "ToUnicode", unicode);

  doc.add_to_id(base.data(), base.size());
  return doc.ok() || doc.fail(failed);
}

}  // namespace hongtou::render::detail
