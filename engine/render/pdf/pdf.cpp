#include "render/pdf/pdf.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "core/c_ptr.hpp"
#include "core/number.hpp"
#include "core/utf8.hpp"
#include "fonts/subset.hpp"

namespace hongtou::render {

namespace {

// libharu reports errors through a callback; we only record the first.
struct hpdf_error_state {
  HPDF_STATUS error = 0;
  HPDF_STATUS detail = 0;
};

void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* st = static_cast<hpdf_error_state*>(user);
  if (st->error == 0) {
    st->error = error;
    st->detail = detail;
  }
}

using hpdf_doc_ptr = c_ptr<HPDF_Doc_Rec, HPDF_Free>;

// Numbers in content streams: fixed precision, trailing zeros trimmed, so
// the same frames always give the same bytes.
std::string num(double v) {
  return compact(v, 3);
}

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFFu);
  return buf;
}

std::string utf16be_hex(const std::string& utf8) {
  std::string out;
  for (char32_t c : utf8_decode(utf8)) {
    if (c >= 0x10000) {
      char32_t v = c - 0x10000;
      out += hex4(0xD800 + static_cast<unsigned>(v >> 10));
      out += hex4(0xDC00 + static_cast<unsigned>(v & 0x3FF));
    } else {
      out += hex4(static_cast<unsigned>(c));
    }
  }
  return out;
}

std::vector<HPDF_BYTE> utf16be_bom(const std::string& utf8) {
  std::vector<HPDF_BYTE> out{0xFE, 0xFF};
  for (char32_t c : utf8_decode(utf8)) {
    auto put = [&](unsigned u) {
      out.push_back(static_cast<HPDF_BYTE>(u >> 8));
      out.push_back(static_cast<HPDF_BYTE>(u & 0xFF));
    };
    if (c >= 0x10000) {
      char32_t v = c - 0x10000;
      put(0xD800 + static_cast<unsigned>(v >> 10));
      put(0xDC00 + static_cast<unsigned>(v & 0x3FF));
    } else {
      put(static_cast<unsigned>(c));
    }
  }
  return out;
}

// One embedded font: the glyphs a face shows in the document.
struct font_use {
  const fonts::face* face = nullptr;
  std::map<uint32_t, std::string> glyph_text;  // old gid -> cluster text
  std::map<uint32_t, uint32_t> code;           // old gid -> code in content streams
  std::map<uint32_t, int> width;               // code -> width in 1/1000 em
  HPDF_Dict type0 = nullptr;
};

class pdf_writer {
 public:
  pdf_writer(const frames& f, const fonts::face_cache& faces, const pdf_options& o, diagnostics& d)
      : frames_(f), faces_(faces), options_(o), diags_(d) {}

  bool run(std::vector<uint8_t>& out) {
    doc_.reset(HPDF_New(on_hpdf_error, &err_));
    if (!doc_) return fail("cannot create the PDF document");
    HPDF_SetCompressionMode(doc_.get(), HPDF_COMP_ALL);
    if (!collect_fonts()) return false;
    for (auto& [key, use] : fonts_)
      if (!embed_font(use)) return false;
    if (!write_pages()) return false;
    write_outline();
    write_info();
    if (HPDF_SaveToStream(doc_.get()) != HPDF_OK) return fail("cannot write the PDF");
    HPDF_UINT32 size = HPDF_GetStreamSize(doc_.get());
    out.resize(size);
    HPDF_UINT32 got = size;
    if (HPDF_ReadFromStream(doc_.get(), out.data(), &got) != HPDF_OK && got != size)
      return fail("cannot read the PDF back from memory");
    out.resize(got);
    return err_.error == 0 || fail("libharu error");
  }

 private:
  bool fail(const std::string& what) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " (libharu status 0x%04X/%u)", static_cast<unsigned>(err_.error),
                  static_cast<unsigned>(err_.detail));
    diags_.error("", 0, 0, what + (err_.error ? buf : ""));
    return false;
  }

  HPDF_MMgr mmgr() { return doc_->mmgr; }
  HPDF_Xref xref() { return doc_->xref; }

  HPDF_Dict new_dict() {
    HPDF_Dict d = HPDF_Dict_New(mmgr());
    HPDF_Xref_Add(xref(), d);  // into the xref before any container (DESIGN.md trap 4)
    return d;
  }

  HPDF_Dict new_stream(const uint8_t* data, size_t size) {
    HPDF_Dict d = HPDF_DictStream_New(mmgr(), xref());
    d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream_Write(d->stream, data, static_cast<HPDF_UINT>(size));
    return d;
  }

  static std::string font_key(const fonts::face* f) {
    return f->path() + "#" + std::to_string(f->index());
  }

  // The face of a run's font handle; nullptr for a handle no face has.
  const fonts::face* face_of(const glyph_run& run) const { return faces_.find(run.font.id); }

  bool collect_fonts() {
    for (const auto& pg : frames_.pages)
      for (const auto& run : pg.runs) {
        if (run.glyphs.empty()) continue;
        const fonts::face* face = face_of(run);
        if (!face) return fail("a run names font " + std::to_string(run.font.id) + ", which is no loaded face");
        font_use& use = fonts_[font_key(face)];
        use.face = face;
        for (const auto& g : run.glyphs) {
          auto it = use.glyph_text.find(g.id);
          if (it == use.glyph_text.end() || (it->second.empty() && !g.text.empty()))
            use.glyph_text[g.id] = g.text;
        }
      }
    return true;
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

  // Subsets the face to the used glyphs (fonts::subset) and builds the Type0
  // font: Identity-H codes, CFF as CIDFontType0C or TrueType as FontFile2.
  bool embed_font(font_use& use) {
    const fonts::face& face = *use.face;
    std::vector<uint32_t> glyphs;
    for (const auto& [gid, text] : use.glyph_text) glyphs.push_back(gid);
    fonts::font_subset sub;
    std::string error;
    if (!fonts::subset(face, glyphs, options_.preprocessed_subsetting, sub, error))
      return fail(error);

    std::string base = subset_tag(use) + "+" + face.postscript_name();
    HPDF_Dict descriptor = new_dict();
    HPDF_Dict cid_font = new_dict();
    HPDF_Dict_AddName(cid_font, "Type", "Font");
    HPDF_Dict_AddName(cid_font, "BaseFont", base.c_str());
    if (sub.format == fonts::outline_format::cff_cid) {
      HPDF_Dict file = new_stream(sub.bytes.data(), sub.bytes.size());
      HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
      HPDF_Dict_Add(descriptor, "FontFile3", file);
      HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType0");
    } else {
      if (sub.bytes.empty()) return fail("empty subset of " + face.family());
      HPDF_Dict file = new_stream(sub.bytes.data(), sub.bytes.size());
      HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(sub.bytes.size()));
      HPDF_Dict_Add(descriptor, "FontFile2", file);
      HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
      HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity");
    }

    // Codes and widths.
    std::map<int, int> width_count;
    for (const auto& [gid, text] : use.glyph_text) {
      auto it = sub.code.find(gid);
      const uint32_t code = it == sub.code.end() ? 0 : it->second;
      use.code[gid] = code;
      int w = static_cast<int>(std::lround(face.advance(gid) * 1000));
      use.width[code] = w;
      ++width_count[w];
    }
    int dw = 1000;
    int best = 0;
    for (const auto& [w, n] : width_count)
      if (n > best) best = n, dw = w;
    HPDF_Dict_AddNumber(cid_font, "DW", dw);
    HPDF_Array warr = HPDF_Array_New(mmgr());
    HPDF_Array group = nullptr;
    unsigned last = 0;
    for (const auto& [code, w] : use.width) {
      if (w == dw) continue;
      if (!group || code != last + 1) {
        HPDF_Array_AddNumber(warr, static_cast<HPDF_INT32>(code));
        group = HPDF_Array_New(mmgr());
        HPDF_Array_Add(warr, group);
      }
      HPDF_Array_AddNumber(group, w);
      last = code;
    }
    HPDF_Dict_Add(cid_font, "W", warr);

    HPDF_Dict sysinfo = HPDF_Dict_New(mmgr());
    if (sub.registry.empty() || sub.ordering.empty())
      sub.registry = "Adobe", sub.ordering = "Identity";
    HPDF_Dict_Add(sysinfo, "Registry", HPDF_String_New(mmgr(), sub.registry.c_str(), nullptr));
    HPDF_Dict_Add(sysinfo, "Ordering", HPDF_String_New(mmgr(), sub.ordering.c_str(), nullptr));
    HPDF_Dict_AddNumber(sysinfo, "Supplement", sub.supplement);
    HPDF_Dict_Add(cid_font, "CIDSystemInfo", sysinfo);

    HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    HPDF_Dict_AddName(descriptor, "FontName", base.c_str());
    HPDF_Dict_AddNumber(descriptor, "Flags",
                        4);  // symbolic: glyphs by CID, not by a standard encoding
    fonts::ink_box bb = face.bbox();
    HPDF_Array bbox = HPDF_Array_New(mmgr());
    for (double v : {bb.x_min, bb.y_min, bb.x_max, bb.y_max})
      HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(std::lround(v * 1000)));
    HPDF_Dict_Add(descriptor, "FontBBox", bbox);
    HPDF_Dict_AddNumber(descriptor, "ItalicAngle", static_cast<HPDF_INT32>(face.italic_angle()));
    HPDF_Dict_AddNumber(descriptor, "Ascent",
                        static_cast<HPDF_INT32>(std::lround(face.ascender() * 1000)));
    HPDF_Dict_AddNumber(descriptor, "Descent",
                        static_cast<HPDF_INT32>(std::lround(face.descender() * 1000)));
    HPDF_Dict_AddNumber(descriptor, "CapHeight",
                        static_cast<HPDF_INT32>(std::lround(face.em_top() * 1000)));
    HPDF_Dict_AddNumber(descriptor, "StemV", 80);
    HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);

    // ToUnicode: every code back to its source text.
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
      size_t n = std::min<size_t>(100, entries.size() - i);
      cmap += std::to_string(n) + " beginbfchar\n";
      for (size_t k = i; k < i + n; ++k)
        cmap += "<" + hex4(entries[k].first) + "> <" + utf16be_hex(entries[k].second) + ">\n";
      cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Dict to_unicode = new_stream(reinterpret_cast<const uint8_t*>(cmap.data()), cmap.size());

    use.type0 = new_dict();
    HPDF_Dict_AddName(use.type0, "Type", "Font");
    HPDF_Dict_AddName(use.type0, "Subtype", "Type0");
    HPDF_Dict_AddName(use.type0, "BaseFont", base.c_str());
    HPDF_Dict_AddName(use.type0, "Encoding", "Identity-H");
    HPDF_Array desc = HPDF_Array_New(mmgr());
    HPDF_Array_Add(desc, cid_font);
    HPDF_Dict_Add(use.type0, "DescendantFonts", desc);
    HPDF_Dict_Add(use.type0, "ToUnicode", to_unicode);

    HPDF_MD5Update(&id_ctx_, reinterpret_cast<const HPDF_BYTE*>(base.data()),
                   static_cast<HPDF_UINT32>(base.size()));
    return err_.error == 0 || fail("cannot build the font objects of " + face.family());
  }

  // BT … TJ … ET for one run: glyphs by code, each at its exact x.
  std::string show_run(HPDF_Page page, const glyph_run& run) {
    font_use& use = fonts_[font_key(face_of(run))];
    const char* name = HPDF_Page_GetLocalFontName(page, use.type0);
    const double h = frames_.page_height;
    std::string s = "BT\n/" + std::string(name ? name : "F0") + " " + num(run.size) + " Tf\n" +
                    num(run.color.r) + " " + num(run.color.g) + " " + num(run.color.b) + " rg\n";
    if (run.h_scale != 1) s += num(run.h_scale * 100) + " Tz\n";
    s += "1 0 0 1 " + num(run.left()) + " " + num(h - run.baseline) + " Tm\n[";
    double pen = run.left();
    for (size_t i = 0; i < run.glyphs.size(); ++i) {
      const positioned_glyph& g = run.glyphs[i];
      if (i > 0) {
        // Move the pen from where the previous glyph left it to this glyph's x.
        double adj = std::round((g.x - pen) / run.h_scale / run.size * -1000.0 * 1000) / 1000;
        if (adj != 0) {
          s += num(adj);
          pen -= adj / 1000.0 * run.size * run.h_scale;
        }
      }
      unsigned code = use.code[g.id];
      s += "<" + hex4(code) + ">";
      pen += use.width[code] / 1000.0 * run.size * run.h_scale;
    }
    s += "] TJ\n";
    if (run.h_scale != 1) s += "100 Tz\n";  // Tz is graphics state and outlives ET
    s += "ET\n";
    return s;
  }

  bool write_pages() {
    for (const auto& pg : frames_.pages) {
      HPDF_Page page = HPDF_AddPage(doc_.get());
      if (!page) return fail("cannot add a page");
      HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(frames_.page_width));
      HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(frames_.page_height));
      pages_.push_back(page);
      for (const auto& r : pg.rects) {
        HPDF_Page_GSave(page);
        HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(r.color.r),
                             static_cast<HPDF_REAL>(r.color.g), static_cast<HPDF_REAL>(r.color.b));
        HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(r.x),
                            static_cast<HPDF_REAL>(frames_.page_height - r.y - r.height),
                            static_cast<HPDF_REAL>(r.width), static_cast<HPDF_REAL>(r.height));
        HPDF_Page_Fill(page);
        HPDF_Page_GRestore(page);
      }
      for (const auto& r : pg.rules) {
        HPDF_Page_GSave(page);
        HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(r.color.r),
                               static_cast<HPDF_REAL>(r.color.g),
                               static_cast<HPDF_REAL>(r.color.b));
        HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(r.thickness));
        HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
        auto y = static_cast<HPDF_REAL>(frames_.page_height - r.y);
        HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(r.x), y);
        HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(r.x + r.width), y);
        HPDF_Page_Stroke(page);
        HPDF_Page_GRestore(page);
      }
      std::string content;
      for (const auto& run : pg.runs)
        if (!run.glyphs.empty()) content += show_run(page, run);
      auto* attr = static_cast<HPDF_PageAttr>(page->attr);
      HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                        static_cast<HPDF_UINT>(content.size()));
      HPDF_MD5Update(&id_ctx_, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                     static_cast<HPDF_UINT32>(content.size()));
      // Images (seals) go over the text they cover.
      for (const auto& im : pg.images)
        if (!draw_image(page, im)) return false;
    }
    return err_.error == 0 || fail("cannot write the page contents");
  }

  // An image from raw pixels, its alpha as a flate-compressed /SMask
  // (DESIGN.md trap 4); never through libharu's PNG loader (trap 5).
  bool draw_image(HPDF_Page page, const image& im) {
    const size_t pixels = static_cast<size_t>(im.pixel_width) * im.pixel_height;
    if (pixels == 0 || im.rgb.size() != pixels * 3 || (!im.alpha.empty() && im.alpha.size() != pixels))
      return fail("an image's pixel data does not match its size");
    HPDF_Image img = HPDF_LoadRawImageFromMem(doc_.get(), im.rgb.data(), im.pixel_width,
                                              im.pixel_height, HPDF_CS_DEVICE_RGB, 8);
    if (!img) return fail("cannot add an image");
    if (!im.alpha.empty()) {
      HPDF_Image mask = HPDF_LoadRawImageFromMem(doc_.get(), im.alpha.data(), im.pixel_width,
                                                 im.pixel_height, HPDF_CS_DEVICE_GRAY, 8);
      if (!mask) return fail("cannot add an image's transparency");
      mask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
      if (HPDF_Image_AddSMask(img, mask) != HPDF_OK) return fail("cannot add an image's transparency");
    }
    img->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_MD5Update(&id_ctx_, im.rgb.data(), static_cast<HPDF_UINT32>(im.rgb.size()));
    HPDF_MD5Update(&id_ctx_, im.alpha.data(), static_cast<HPDF_UINT32>(im.alpha.size()));
    return HPDF_Page_DrawImage(page, img, static_cast<HPDF_REAL>(im.x),
                               static_cast<HPDF_REAL>(frames_.page_height - im.y - im.height),
                               static_cast<HPDF_REAL>(im.width),
                               static_cast<HPDF_REAL>(im.height)) == HPDF_OK ||
           fail("cannot draw an image");
  }

  // One outline entry per level-1 heading, titles as UTF-16BE (trap 4).
  void write_outline() {
    if (frames_.outline.empty()) return;
    for (const auto& o : frames_.outline) {
      if (o.page < 1 || o.page > static_cast<int>(pages_.size())) continue;
      HPDF_Outline item = HPDF_CreateOutline(doc_.get(), nullptr, "", nullptr);
      if (!item) continue;
      auto title = utf16be_bom(o.title);
      HPDF_Dict_Add(item, "Title",
                    HPDF_Binary_New(mmgr(), title.data(), static_cast<HPDF_UINT>(title.size())));
      HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[static_cast<size_t>(o.page - 1)]);
      HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(frames_.page_height - o.y));
      HPDF_Outline_SetDestination(item, dst);
    }
    HPDF_SetPageMode(doc_.get(), HPDF_PAGE_MODE_USE_OUTLINE);
  }

  void write_info() {
    HPDF_SetInfoAttr(doc_.get(), HPDF_INFO_PRODUCER, options_.producer.c_str());
    if (!frames_.title.empty() && doc_->info) {
      auto title = utf16be_bom(frames_.title);
      HPDF_Dict_Add(doc_->info, "Title",
                    HPDF_Binary_New(mmgr(), title.data(), static_cast<HPDF_UINT>(title.size())));
    }
    if (!options_.creation_date.empty()) {
      HPDF_Date d{};
      int y = 0, mo = 0, da = 0, hh = 0, mi = 0, ss = 0;
      int n = std::sscanf(options_.creation_date.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &da, &hh,
                          &mi, &ss);
      if (n >= 3) {
        d.year = y, d.month = mo, d.day = da, d.hour = hh, d.minutes = mi, d.seconds = ss;
        d.ind = 'Z';
        HPDF_SetInfoDateAttr(doc_.get(), HPDF_INFO_CREATION_DATE, d);
      }
    }
    // /ID from the content, so identical input gives identical bytes.
    HPDF_BYTE digest[16];
    HPDF_MD5Final(digest, &id_ctx_);
    HPDF_Array id = HPDF_Array_New(mmgr());
    HPDF_Array_Add(id, HPDF_Binary_New(mmgr(), digest, 16));
    HPDF_Array_Add(id, HPDF_Binary_New(mmgr(), digest, 16));
    HPDF_Dict_Add(doc_->trailer, "ID", id);
  }

  const frames& frames_;
  const fonts::face_cache& faces_;
  const pdf_options& options_;
  diagnostics& diags_;
  hpdf_error_state err_;
  hpdf_doc_ptr doc_;
  std::map<std::string, font_use> fonts_;
  std::vector<HPDF_Page> pages_;
  HPDF_MD5_CTX id_ctx_ = init_md5();

  static HPDF_MD5_CTX init_md5() {
    HPDF_MD5_CTX c;
    HPDF_MD5Init(&c);
    return c;
  }
};

}  // namespace

bool render_pdf(const frames& f, const fonts::face_cache& faces, const pdf_options& options,
                std::vector<uint8_t>& out, diagnostics& diags) {
  pdf_writer w(f, faces, options, diags);
  return w.run(out);
}

}  // namespace hongtou::render
