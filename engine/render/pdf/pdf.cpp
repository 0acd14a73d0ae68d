// SPDX-License-Identifier: Apache-2.0
#include "render/pdf/pdf.hpp"

#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <new>
#include <optional>

#include "core/number.hpp"
#include "core/utf8.hpp"
#include "render/pdf/document.hpp"
#include "render/pdf/pdfa.hpp"

namespace hongtou::render {

namespace {

using detail::font_use;
using detail::pdf_metadata;

// Numbers in content streams: fixed precision, trailing zeros trimmed, so
// the same frames always give the same bytes.
std::string num(double v) {
  return compact(v, 3);
}

// The operator setting the fill colour inside a text object: "r g b rg"
// (DeviceRGB) or "c m y k k" (DeviceCMYK, offset print: GB/T 9704-2012 6.2).
std::string fill_colour(const device_color& c) {
  if (c.is_cmyk()) return num(c.c) + " " + num(c.m) + " " + num(c.y) + " " + num(c.k) + " k\n";
  return num(c.r) + " " + num(c.g) + " " + num(c.b) + " rg\n";
}

HPDF_REAL real(double v) {
  return static_cast<HPDF_REAL>(v);
}

// The fill colour of the graphics state, in the colour's space.
void set_fill(HPDF_Page page, const device_color& c) {
  if (c.is_cmyk())
    HPDF_Page_SetCMYKFill(page, real(c.c), real(c.m), real(c.y), real(c.k));
  else
    HPDF_Page_SetRGBFill(page, real(c.r), real(c.g), real(c.b));
}

// The stroke colour of the graphics state, in the colour's space.
void set_stroke(HPDF_Page page, const device_color& c) {
  if (c.is_cmyk())
    HPDF_Page_SetCMYKStroke(page, real(c.c), real(c.m), real(c.y), real(c.k));
  else
    HPDF_Page_SetRGBStroke(page, real(c.r), real(c.g), real(c.b));
}

// Info and outline strings: UTF-16BE with a byte-order mark (DESIGN.md trap 4).
// A text string of the outline or the Info dictionary: UTF-16BE with its
// byte-order mark, cut after `max_units` UTF-16 units (never inside a
// surrogate pair) with "…" — a PDF string holds at most 65,535 bytes in
// libharu, and a reader's outline shows a line, not a page; the body keeps
// the whole text (docs/decisions.md).
std::vector<HPDF_BYTE> utf16be_bom(const std::string& utf8, size_t max_units = 1000) {
  std::vector<uint16_t> units = detail::utf16_units(utf8);
  if (units.size() > max_units) {
    size_t keep = max_units - 1;
    if (keep > 0 && units[keep - 1] >= 0xD800 && units[keep - 1] < 0xDC00) --keep;
    units.resize(keep);
    units.push_back(0x2026);  // …
  }
  std::vector<HPDF_BYTE> out{0xFE, 0xFF};
  for (uint16_t u : units) {
    out.push_back(static_cast<HPDF_BYTE>(u >> 8));
    out.push_back(static_cast<HPDF_BYTE>(u & 0xFF));
  }
  return out;
}

class pdf_writer {
 public:
  pdf_writer(const frames& f, const fonts::face_cache& faces, const pdf_options& o, diagnostics& d)
      : frames_(f), faces_(faces), options_(o), doc_(d) {}

  bool run(std::vector<uint8_t>& out) {
    // HPDF_NewEx fails only when it cannot get memory, and reports nothing.
    if (!doc_.get()) throw std::bad_alloc();
    if (options_.pdfa && !pdfa_colours()) return false;
    HPDF_SetCompressionMode(doc_.get(), HPDF_COMP_ALL);
    // PDF/A-2 is a profile of ISO 32000-1, PDF 1.7 (ISO 19005-2 6.1.2).
    if (options_.pdfa) doc_.get()->pdf_version = HPDF_VER_17;
    if (!collect_fonts()) return false;
    for (auto& [key, use] : fonts_) {
      if (!detail::embed_font(doc_, use, options_.preprocessed_subsetting)) return false;
      detail::index_glyphs(use);
    }
    if (!write_pages()) return false;
    write_outline();
    if (!doc_.ok()) return doc_.fail("cannot write the outline");
    write_info();
    if (!doc_.ok()) return doc_.fail("cannot write the document information");
    if (options_.pdfa && !detail::add_pdfa_catalog_entries(doc_, detail::xmp_packet(metadata())))
      return doc_.fail("cannot write the PDF/A metadata and output intent");
    if (HPDF_SaveToStream(doc_.get()) != HPDF_OK) return doc_.fail("cannot write the PDF");
    HPDF_UINT32 size = HPDF_GetStreamSize(doc_.get());
    out.resize(size);
    HPDF_UINT32 got = size;
    if (HPDF_ReadFromStream(doc_.get(), out.data(), &got) != HPDF_OK && got != size)
      return doc_.fail("cannot read the PDF back from memory");
    out.resize(got);
    return doc_.ok() || doc_.fail("libharu error");
  }

  bool bad_font() const { return doc_.bad_font(); }
  /// Frees each page's runs of `f` (the frames written) once the page is written.
  void release_runs_of(frames& f) { releasable_ = &f; }
  bool not_pdfa() const { return not_pdfa_; }

 private:
  static std::string font_key(const fonts::face* f) {
    return f->path() + "#" + std::to_string(f->index());
  }

  // The face of a run's font handle; nullptr for a handle no face has.
  const fonts::face* face_of(const glyph_run& run) const { return faces_.find(run.font.id); }

  // PDF/A-2b with the sRGB output intent holds DeviceRGB and DeviceGray
  // only (ISO 19005-2 6.2.4.3): a layout's CMYK colours (offset printing,
  // GB/T 9704-2012 6.2) are refused rather than converted without a profile.
  bool pdfa_colours() {
    for (const auto& pg : frames_.pages) {
      bool cmyk = false;
      for (const auto& r : pg.rects) cmyk = cmyk || r.color.is_cmyk();
      for (const auto& r : pg.rules) cmyk = cmyk || r.color.is_cmyk();
      for (const auto& r : pg.runs) cmyk = cmyk || r.color.is_cmyk();
      if (!cmyk) continue;
      not_pdfa_ = true;
      doc_.fail("page " + std::to_string(pg.number) +
                " has CMYK colours, which PDF/A-2b with its sRGB output intent cannot hold "
                "(ISO 19005-2 6.2.4.3); use a layout with RGB colours for --pdfa, or leave "
                "--pdfa out for offset printing");
      return false;
    }
    return true;
  }

  // The document information of both Info and XMP.
  pdf_metadata metadata() const {
    return {frames_.title,          options_.author,        options_.subject,
            options_.document_date, options_.creation_date, options_.producer};
  }

  // The glyphs each face shows, with the text of the cluster each one starts.
  // A glyph's text is the first non-empty one it shows; `known` (by glyph
  // id, per face) spares the map a lookup for every glyph already given one.
  bool collect_fonts() {
    std::map<const font_use*, std::vector<bool>> known;
    for (const auto& pg : frames_.pages)
      for (const auto& run : pg.runs) {
        if (run.glyphs.empty()) continue;
        const fonts::face* face = face_of(run);
        if (!face)
          return doc_.fail("a run names font " + std::to_string(run.font.id) +
                           ", which is no loaded face");
        font_use& use = use_of(run);
        if (!use.face) {
          use.face = face;
          if (const auto r = options_.face_roles.find(face->id()); r != options_.face_roles.end())
            use.roles = r->second;
        }
        std::vector<bool>& has_text = known[&use];
        for (const auto& g : run.glyphs) {
          if (g.id < has_text.size() && has_text[g.id]) continue;
          auto it = use.glyph_text.find(g.id);
          if (it == use.glyph_text.end() || (it->second.empty() && !g.text.empty()))
            use.glyph_text[g.id] = g.text;
          if (!g.text.empty()) {
            if (g.id >= has_text.size()) has_text.resize(g.id + 1);
            has_text[g.id] = true;
          }
        }
      }
    return true;
  }

  // What a page's content stream has set so far of the text state and the
  // fill colour, which outlive BT/ET (ISO 32000-1 9.3.1, 8.4.1): each
  // operator is written when its value changes, not for every run. A page
  // begins with the initial state (no font, Tc 0, Tz 100); the fill is
  // unknown until set, since libharu's operators may have set one.
  struct text_state {
    const char* font = nullptr;
    double size = 0;
    std::optional<device_color> fill;
    double spacing = 0;  // Tc, unscaled text space units (pt)
    double h_scale = 1;  // Tz / 100
  };

  // The character spacing most gaps of a run share: the gap left after each
  // glyph's advance (a justified line's extra space, the same after every
  // glyph), so that the TJ array needs a number only where a gap differs.
  // Rounded to 7 decimals of a point: over a line of 50 glyphs the pen
  // drifts by less than the 0.001 of a thousandth of an em that the
  // adjustments are written with, and the drift is corrected where it
  // reaches that. `current` when no gap occurs twice.
  double common_spacing(const glyph_run& run, double current) {
    if (run.glyphs.size() < 3) return current;
    gaps_.clear();
    for (size_t i = 1; i < run.glyphs.size(); ++i) {
      const positioned_glyph& a = run.glyphs[i - 1];
      const double end = a.x + slots_[i - 1]->width / 1000.0 * run.size * run.h_scale;
      gaps_.push_back(std::round((run.glyphs[i].x - end) / run.h_scale * 1e7) / 1e7);
    }
    std::sort(gaps_.begin(), gaps_.end());
    double best = current;
    size_t best_count = 1;
    for (size_t i = 0; i < gaps_.size();) {
      size_t j = i;
      while (j < gaps_.size() && gaps_[j] == gaps_[i]) ++j;
      if (j - i > best_count) best = gaps_[i], best_count = j - i;
      i = j;
    }
    return best;
  }

  // BT … TJ … ET for one run: glyphs by code, each at its exact x, the gap
  // most of them share as character spacing (Tc), runs of glyphs that need
  // no adjustment in one string. A glyph
  // whose text is not the one the font's ToUnicode map gives it (one glyph
  // for two characters, e.g. ― and — in one face) is shown inside a marked
  // span with its own /ActualText (ISO 32000-1 14.9.4), so that copying and
  // pdftotext give back the source text.
  void show_run(HPDF_Page page, const glyph_run& run, text_state& state, std::string& s) {
    font_use& use = use_of(run);
    const char* name = HPDF_Page_GetLocalFontName(page, use.type0);
    if (!name) return;  // libharu's error is in the document; write_pages reports it
    const double h = frames_.page_height;
    s += "BT\n";
    if (!state.font || std::strcmp(name, state.font) != 0 || run.size != state.size) {
      s += '/';
      s += name;
      s += ' ';
      append_compact(s, run.size, 3);
      s += " Tf\n";
      state.font = name;
      state.size = run.size;
    }
    if (state.fill != run.color) {
      s += fill_colour(run.color);
      state.fill = run.color;
    }
    if (run.h_scale != state.h_scale) {
      append_compact(s, run.h_scale * 100, 3);
      s += " Tz\n";
      state.h_scale = run.h_scale;
    }
    slots_.clear();  // each glyph's slot, looked up once
    for (const positioned_glyph& g : run.glyphs) slots_.push_back(&use.slot(g.id));
    const double spacing = common_spacing(run, state.spacing);
    if (spacing != state.spacing) {
      append_compact(s, spacing, 7);
      s += " Tc\n";
      state.spacing = spacing;
    }
    s += "1 0 0 1 ";
    append_compact(s, run.left(), 3);
    s += ' ';
    append_compact(s, h - run.baseline, 3);
    s += " Tm\n[";
    double pen = run.left();
    bool in_string = false;  // a <…> string is open
    auto close_string = [&] {
      if (in_string) s += '>';
      in_string = false;
    };
    for (size_t i = 0; i < run.glyphs.size(); ++i) {
      const positioned_glyph& g = run.glyphs[i];
      if (i > 0) {
        // Move the pen from where the previous glyph left it to this glyph's x.
        double adj = std::round((g.x - pen) / run.h_scale / run.size * -1000.0 * 1000) / 1000;
        if (adj != 0) {
          close_string();
          append_compact(s, adj, 3);
          pen -= adj / 1000.0 * run.size * run.h_scale;
        }
      }
      const detail::glyph_slot& slot = *slots_[i];
      const bool own_text = g.text != *slot.text;
      if (own_text) {
        close_string();
        s += "] TJ\n/Span <</ActualText <FEFF";
        s += detail::utf16be_hex(g.text.str());
        s += ">>> BDC\n[";
      }
      if (!in_string) s += '<';
      in_string = true;
      detail::append_hex4(s, slot.code);
      if (own_text) {
        close_string();
        s += "] TJ\nEMC\n[";
      }
      pen += (slot.width / 1000.0 * run.size + spacing) * run.h_scale;
    }
    close_string();
    s += "] TJ\nET\n";
  }

  // The embedded font of a run's face, found once per face handle.
  font_use& use_of(const glyph_run& run) {
    if (auto it = use_by_handle_.find(run.font.id); it != use_by_handle_.end()) return *it->second;
    font_use& use = fonts_[font_key(face_of(run))];
    use_by_handle_.emplace(run.font.id, &use);
    return use;
  }

  // Appends content to the page's content stream (and to the document's /ID).
  void write_content(HPDF_Page page, const std::string& content) {
    if (content.empty()) return;
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                      static_cast<HPDF_UINT>(content.size()));
    doc_.add_to_id(content.data(), content.size());
  }

  // Fake bold (a face without a bold weight): the glyphs filled, then
  // stroked in the fill colour with the run's stroke width, round joins so
  // that sharp corners grow no spikes; the graphics state is restored after.
  void show_stroked_run(HPDF_Page page, const glyph_run& run, text_state state) {
    HPDF_Page_GSave(page);
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(run.stroke));
    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
    set_stroke(page, run.color);
    HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE);
    std::string content;
    show_run(page, run, state, content);  // a copy of the state: Q restores the one before
    write_content(page, content);
    HPDF_Page_GRestore(page);
  }

  bool write_pages() {
    for (const auto& pg : frames_.pages) {
      if (!doc_.ok()) return doc_.fail("cannot write the page contents");
      HPDF_Page page = HPDF_AddPage(doc_.get());
      if (!page) return doc_.fail("cannot add a page");
      HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(frames_.page_width));
      HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(frames_.page_height));
      pages_.push_back(page);
      for (const auto& r : pg.rects) {
        HPDF_Page_GSave(page);
        set_fill(page, r.color);
        HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(r.x),
                            static_cast<HPDF_REAL>(frames_.page_height - r.y - r.height),
                            static_cast<HPDF_REAL>(r.width), static_cast<HPDF_REAL>(r.height));
        HPDF_Page_Fill(page);
        HPDF_Page_GRestore(page);
      }
      for (const auto& r : pg.rules) {
        HPDF_Page_GSave(page);
        set_stroke(page, r.color);
        HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(r.thickness));
        HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
        auto y = static_cast<HPDF_REAL>(frames_.page_height - r.y);
        HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(r.x), y);
        HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(r.x + r.width), y);
        HPDF_Page_Stroke(page);
        HPDF_Page_GRestore(page);
      }
      std::string content;
      text_state state;
      for (const auto& run : pg.runs) {
        if (run.glyphs.empty()) continue;
        // After an error libharu's objects may be freed or half-built (a
        // failed HPDF_Dict_Add frees what it was given): stop at the first.
        if (!doc_.ok()) return doc_.fail("cannot write the page contents");
        if (run.stroke > 0) {
          write_content(page, content);  // the runs before it, in order
          content.clear();
          show_stroked_run(page, run, state);
        } else {
          show_run(page, run, state, content);
        }
      }
      if (!doc_.ok()) return doc_.fail("cannot write the page contents");
      write_content(page, content);
      // Images (seals) go over the text they cover.
      for (const auto& im : pg.images)
        if (!draw_image(page, im)) return false;
      if (options_.pdfa && !transparency_group(page, pg)) return false;
      if (!doc_.deflate_content(page)) return false;
      if (releasable_) std::vector<glyph_run>().swap(releasable_->pages[pages_.size() - 1].runs);
    }
    return doc_.ok() || doc_.fail("cannot write the page contents");
  }

  // An image from raw pixels, its alpha as a flate-compressed /SMask
  // (DESIGN.md trap 4); never through libharu's PNG loader (trap 5).
  bool draw_image(HPDF_Page page, const image& im) {
    const size_t pixels = static_cast<size_t>(im.pixel_width) * im.pixel_height;
    if (pixels == 0 || im.rgb.size() != pixels * 3 ||
        (!im.alpha.empty() && im.alpha.size() != pixels))
      return doc_.fail("an image's pixel data does not match its size");
    HPDF_Image img = HPDF_LoadRawImageFromMem(doc_.get(), im.rgb.data(), im.pixel_width,
                                              im.pixel_height, HPDF_CS_DEVICE_RGB, 8);
    if (!img) return doc_.fail("cannot add an image");
    if (!im.alpha.empty()) {
      HPDF_Image mask = HPDF_LoadRawImageFromMem(doc_.get(), im.alpha.data(), im.pixel_width,
                                                 im.pixel_height, HPDF_CS_DEVICE_GRAY, 8);
      if (!mask) return doc_.fail("cannot add an image's transparency");
      if (!doc_.set_deflated(mask, im.alpha.data(), im.alpha.size()))
        return doc_.fail("cannot add an image's transparency");
      if (HPDF_Image_AddSMask(img, mask) != HPDF_OK)
        return doc_.fail("cannot add an image's transparency");
    }
    if (!doc_.set_deflated(img, im.rgb.data(), im.rgb.size()))
      return doc_.fail("cannot add an image");
    doc_.add_to_id(im.rgb.data(), im.rgb.size());
    doc_.add_to_id(im.alpha.data(), im.alpha.size());
    return HPDF_Page_DrawImage(page, img, static_cast<HPDF_REAL>(im.x),
                               static_cast<HPDF_REAL>(frames_.page_height - im.y - im.height),
                               static_cast<HPDF_REAL>(im.width),
                               static_cast<HPDF_REAL>(im.height)) == HPDF_OK ||
           doc_.fail("cannot draw an image");
  }

  // A page showing a seal's alpha blends in sRGB, the output intent's
  // space, named by its page group (ISO 19005-2 6.2.10, ISO 32000-1 11.6.6).
  bool transparency_group(HPDF_Page page, const hongtou::page& pg) {
    const bool alpha = std::any_of(pg.images.begin(), pg.images.end(),
                                   [](const image& im) { return !im.alpha.empty(); });
    if (!alpha) return true;
    HPDF_Dict group = doc_.new_dict();
    return (group && HPDF_Dict_AddName(group, "Type", "Group") == HPDF_OK &&
            HPDF_Dict_AddName(group, "S", "Transparency") == HPDF_OK &&
            HPDF_Dict_AddName(group, "CS", "DeviceRGB") == HPDF_OK &&
            HPDF_Dict_Add(page, "Group", group) == HPDF_OK) ||
           doc_.fail("cannot write a page's transparency group");
  }

  // One outline entry per level-1 heading, titles as UTF-16BE (trap 4).
  void write_outline() {
    if (frames_.outline.empty()) return;
    for (const auto& o : frames_.outline) {
      if (o.page < 1 || o.page > static_cast<int>(pages_.size())) continue;
      if (!doc_.ok()) return;  // run() reports it; libharu's objects may be half-built
      HPDF_Outline item = HPDF_CreateOutline(doc_.get(), nullptr, "", nullptr);
      if (!item) return;
      auto title = utf16be_bom(o.title);
      HPDF_Dict_Add(
          item, "Title",
          HPDF_Binary_New(doc_.mmgr(), title.data(), static_cast<HPDF_UINT>(title.size())));
      HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[static_cast<size_t>(o.page - 1)]);
      HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(frames_.page_height - o.y));
      HPDF_Outline_SetDestination(item, dst);
    }
    HPDF_SetPageMode(doc_.get(), HPDF_PAGE_MODE_USE_OUTLINE);
  }

  // A text entry of the Info dictionary, as UTF-16BE (trap 4); part of /ID.
  void info_text(const char* key, const std::string& value) {
    if (value.empty() || !doc_.get()->info) return;
    auto text = utf16be_bom(value);
    HPDF_Dict_Add(doc_.get()->info, key,
                  HPDF_Binary_New(doc_.mmgr(), text.data(), static_cast<HPDF_UINT>(text.size())));
    doc_.add_to_id(key, std::strlen(key) + 1);
    doc_.add_to_id(value.data(), value.size());
  }

  // Info: the title, the issuing organ as author, the 发文字号 as subject,
  // the engine as creator and producer (the XMP packet says the same).
  void write_info() {
    HPDF_SetInfoAttr(doc_.get(), HPDF_INFO_PRODUCER, options_.producer.c_str());
    HPDF_SetInfoAttr(doc_.get(), HPDF_INFO_CREATOR, options_.producer.c_str());
    info_text("Title", frames_.title);
    info_text("Author", options_.author);
    info_text("Subject", options_.subject);
    // The creation date in UTC, "D:YYYYMMDDHHmmSSZ" (ISO 32000-1 7.9.4), the
    // instant the XMP's xmp:CreateDate names.
    if (const std::string date = detail::info_date(options_.creation_date);
        !date.empty() && doc_.get()->info)
      HPDF_Dict_Add(doc_.get()->info, "CreationDate",
                    HPDF_String_New(doc_.mmgr(), date.c_str(), nullptr));
    // /ID from the content, so identical input gives identical bytes.
    if (options_.pdfa) doc_.add_to_id("PDF/A-2b", 8);
    HPDF_BYTE digest[16];
    doc_.final_id(digest);
    HPDF_Array id = HPDF_Array_New(doc_.mmgr());
    if (!id) return;  // libharu's error stands; run() reports it
    HPDF_Array_Add(id, HPDF_Binary_New(doc_.mmgr(), digest, 16));
    HPDF_Array_Add(id, HPDF_Binary_New(doc_.mmgr(), digest, 16));
    HPDF_Dict_Add(doc_.get()->trailer, "ID", id);
  }

  const frames& frames_;
  const fonts::face_cache& faces_;
  const pdf_options& options_;
  detail::hpdf_document doc_;
  std::map<std::string, font_use> fonts_;
  std::map<uint32_t, font_use*> use_by_handle_;
  // common_spacing()'s gaps and show_run()'s slots, kept for their capacity.
  std::vector<double> gaps_;
  std::vector<const detail::glyph_slot*> slots_;
  frames* releasable_ = nullptr;  // the frames written, when their runs may go page by page
  std::vector<HPDF_Page> pages_;
  bool not_pdfa_ = false;
};

}  // namespace

namespace {

pdf_status render_with(pdf_writer& w, std::vector<uint8_t>& out) {
  if (w.run(out)) return pdf_status::ok;
  if (w.not_pdfa()) return pdf_status::not_pdfa;
  return w.bad_font() ? pdf_status::bad_font : pdf_status::failed;
}

}  // namespace

pdf_status render_pdf(const frames& f, const fonts::face_cache& faces, const pdf_options& options,
                      std::vector<uint8_t>& out, diagnostics& diags) {
  pdf_writer w(f, faces, options, diags);
  return render_with(w, out);
}

pdf_status render_pdf(frames&& f, const fonts::face_cache& faces, const pdf_options& options,
                      std::vector<uint8_t>& out, diagnostics& diags) {
  pdf_writer w(f, faces, options, diags);
  w.release_runs_of(f);
  return render_with(w, out);
}

}  // namespace hongtou::render
