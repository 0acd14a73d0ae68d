// SPDX-License-Identifier: Apache-2.0
#pragma once
// frames: the display list, the contract between layout and every backend.
// Per page, positioned glyph runs, rules, filled rectangles and images, in
// points from the page's top-left corner (y grows downwards). Nothing
// downstream re-measures text. Depends on core only: a run names its face by
// a handle that backends resolve through the fonts module.
#include <cstdint>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/short_text.hpp"

namespace hongtou {

/// The 公文 element an item belongs to (GB/T 9704-2012 clause 7).
enum class element {
  copy_number,      // 份号
  classification,   // 密级和保密期限
  urgency,          // 紧急程度
  issuer,           // 发文机关标志
  doc_number,       // 发文字号
  signer,           // 签发人
  separator,        // 版头中的分隔线
  title,            // 标题
  addressee,        // 主送机关
  body,             // 正文
  heading,          // 结构层次序数 (run-in or standalone)
  chapter,          // a regulation's chapter title (章)
  article,          // a regulation's article number (条), run in
  attachment_note,  // 附件说明
  attendance,       // 出席, 请假, 列席 of a 纪要 (10.3)
  signature,        // 发文机关署名
  date,             // 成文日期
  seal,             // 印章
  note,             // 附注
  attachment,       // 附件: its label and title
  caption,          // a regulation's 题注, below its title
  contents,         // a regulation's 目录: its heading and entries
  table,            // a table: its 表题, unit and 续表 lines, its lines, its notes
  table_header,     // a table's header cells
  table_cell,       // a table's body cells
  imprint,          // 版记: 抄送机关, 印发机关和印发日期, its rules
  page_number       // 页码
};

/// Stable lower-case name of an element, e.g. "doc-number".
const char* element_name(element e);

/// A face, as the fonts module numbers it (fonts::face::id()); 0 = none.
struct font_handle {
  uint32_t id = 0;
  bool operator==(const font_handle& o) const { return id == o.id; }
  bool operator!=(const font_handle& o) const { return id != o.id; }
};

/// One glyph: id in its face, pen x (page coordinates), and the source text
/// of the cluster it starts (empty for later glyphs of the same cluster).
struct positioned_glyph {
  uint32_t id = 0;
  short_text text;     // 12 bytes: with id, x and advance 32 a glyph
  double x = 0;        // left of the glyph's advance box, pt from the page's left edge
  double advance = 0;  // the advance the layout gave it (grid cell, justified), pt
};
static_assert(sizeof(positioned_glyph) == 32, "a glyph of the display list takes 32 bytes");

/// Glyphs of one face, size and colour on one baseline.
struct glyph_run {
  element role = element::body;
  int level = 0;  // heading level for element::heading
  font_handle font;
  double size = 16;    // pt (em size before horizontal scaling)
  double h_scale = 1;  // horizontal scale (1 = 100 %)
  device_color color;
  double stroke = 0;    // > 0: fake bold: filled, then stroked in its colour with this width, pt
  double baseline = 0;  // pt from the page's top edge
  double em_top = 0;    // top of the ideographic em box, pt from the page's top edge
  double em_bottom = 0;
  bool ink_measured = false;  // ink_* are measured only where placement depends on them
  double ink_top = 0;         // top and bottom of the glyphs' ink, pt from the page's top edge
  double ink_bottom = 0;
  std::vector<positioned_glyph> glyphs;
  /// Left edge of the first glyph's advance box.
  double left() const { return glyphs.empty() ? 0 : glyphs.front().x; }
  /// Right edge of the last glyph's advance box.
  double right() const { return glyphs.empty() ? 0 : glyphs.back().x + glyphs.back().advance; }
};

/// A straight horizontal line.
struct rule {
  element role = element::separator;
  double x = 0, y = 0;  // left end, vertical centre of the stroke (pt)
  double width = 0, thickness = 0;
  device_color color;
};

/// A filled rectangle.
struct filled_rect {
  element role = element::seal;
  double x = 0, y = 0;  // top-left corner (pt)
  double width = 0, height = 0;
  device_color color;
};

/// A raster image (a seal): 8-bit RGB pixels, optionally with 8-bit alpha,
/// drawn into the box over the text beneath it.
struct image {
  element role = element::seal;
  double x = 0, y = 0;  // top-left corner of the box (pt)
  double width = 0, height = 0;
  uint32_t pixel_width = 0, pixel_height = 0;
  std::vector<uint8_t> rgb;    // pixel_width · pixel_height · 3 bytes, rows top to bottom
  std::vector<uint8_t> alpha;  // pixel_width · pixel_height bytes, or empty for opaque
};

struct page {
  int number = 0;  // 1-based physical page number
  std::vector<glyph_run> runs;
  std::vector<rule> rules;
  std::vector<filled_rect> rects;
  std::vector<image> images;
};

/// An outline (bookmark) entry: a level-1 heading, a chapter title or an
/// attachment, and where it starts.
struct outline_entry {
  std::string title;
  int page = 1;
  double y = 0;  // pt from the page's top edge
};

/// What line breaking did to the text set on the grid, for proofing: lines
/// counted once each, as emitted.
struct layout_stats {
  size_t lines = 0;          // lines of text set on the grid
  size_t push_in = 0;        // lines that hold their text by compressing marks
  size_t push_out = 0;       // full lines spread over the slack a push-out left
  size_t hanging = 0;        // lines whose last mark hangs past the edge
  size_t one_char_last = 0;  // paragraphs' last lines of one character and its marks
  size_t fallback = 0;       // distinct characters set in a fallback face
};

struct frames {
  double page_width = 0, page_height = 0;
  std::string title;  // document title for the PDF Info dictionary
  std::vector<page> pages;
  std::vector<outline_entry> outline;
  layout_stats stats;
};

inline const char* element_name(element e) {
  switch (e) {
    case element::copy_number:
      return "copy-number";
    case element::classification:
      return "classification";
    case element::urgency:
      return "urgency";
    case element::issuer:
      return "issuer";
    case element::doc_number:
      return "doc-number";
    case element::signer:
      return "signer";
    case element::separator:
      return "separator";
    case element::title:
      return "title";
    case element::addressee:
      return "addressee";
    case element::body:
      return "body";
    case element::heading:
      return "heading";
    case element::chapter:
      return "chapter";
    case element::article:
      return "article";
    case element::attachment_note:
      return "attachment-note";
    case element::attendance:
      return "attendance";
    case element::note:
      return "note";
    case element::attachment:
      return "attachment";
    case element::caption:
      return "caption";
    case element::contents:
      return "contents";
    case element::table:
      return "table";
    case element::table_header:
      return "table-header";
    case element::table_cell:
      return "table-cell";
    case element::imprint:
      return "imprint";
    case element::signature:
      return "signature";
    case element::date:
      return "date";
    case element::seal:
      return "seal";
    case element::page_number:
      return "page-number";
  }
  return "?";
}

}  // namespace hongtou
