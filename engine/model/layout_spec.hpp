// SPDX-License-Identifier: Apache-2.0
#pragma once
// layout_spec: a format (layouts/*.xml) as typed data — page, type area,
// grid, and the style and placement of every element. All lengths are in
// points, converted from the units the data file writes ("37mm", "16pt",
// "1em"). The layout file is the only source of these numbers: nothing here
// has a default, and a layout that `extends` another restates only what
// differs (docs/model.md, "Layout files").
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/color.hpp"
#include "core/diagnostic.hpp"
#include "fonts/config.hpp"

namespace hongtou::model {

/// Style of one text element: font role, size, colour.
struct text_style {
  std::string role;  // a font role of fonts/fonts.xml: fangsong, xiaobiaosong, hei, …
  double size;       // pt
  device_color color;
};

/// How body rows are derived from the type area (GB/T 9704-2012 5.2.3 and
/// 3.2; layout/grid/grid.cpp): gb_exact, a row one cell plus 7/8 of it, row
/// 1's em top on the type-area top; word_compat, rows of Word's 28.95 pt
/// (linePitch 579 twips), fixed, rows of the layout's pitch: both from the
/// type-area top, the body size's em box centred in each row.
enum class grid_profile { gb_exact, word_compat, fixed };

/// Where a line goes across the type area.
enum class side { left, right, centre };

struct layout_spec {
  std::string name;                  // e.g. "gbt9704"
  std::vector<std::string> lineage;  // name, then every layout it extends, nearest first

  // GB/T 9704-2012 5.1, 5.2.1: paper and type area (版心).
  struct {
    double width, height;
  } page;
  struct {
    double top, left, width, height;
  } type_area;

  // GB/T 9704-2012 5.2.3 and 3.2 (行): the character grid.
  struct {
    grid_profile profile;
    int chars_per_line, lines_per_page;
    double gap_ratio;  // gb_exact: gap between glyph rows / cell (7/8 for 3号 text)
    double pitch;      // fixed: the layout's row pitch; word_compat: 28.95 pt; gb_exact: 0
  } grid;

  // Breaking the lines of text set on the grid: GB/T 15835-2011 (and GB/T
  // 9704-1999: 数字、年份不能回行), a number never parted from its unit. Word
  // lists are texts of words separated by spaces.
  struct {
    std::string units;         // kept with the Arabic number before them (年 万元 % mg/km)
    std::string roman_units;   // kept with the Roman numeral before them (Ⅰ型)
    bool squeeze_punctuation;  // 标点挤压 of adjacent marks on grid cells (clreq 3.1.6.2)
    bool widow_control;        // a last line of one character takes one more from above
    bool push_in;              // marks compressed to hold a segment (clreq 3.1.6.3)
    bool hanging_punctuation;  // a line-end 。，、 may hang past the right edge
  } line_breaking;

  // GB/T 9704-2012 7.2.1, 7.2.2: 份号 and 密级和保密期限, 顶格 on their row of
  // the type area (1 and 2). 7.2.3: 紧急程度 on the row after those above it.
  struct {
    text_style style;
    int row;
  } copy_number, classification;
  struct {
    text_style style;
  } urgency;

  // GB/T 9704-2012 7.2.4: 发文机关标志.
  struct {
    text_style style;
    double top;               // glyph ink top below the type-area top (or the paper's)
    bool top_from_paper;      // 10.1: `top` measured from the paper's top edge
    double max_width;         // widest the mark may be
    double min_scale;         // narrowest horizontal scale
    double joint_line_pitch;  // a joint mark: from one organ's baseline to the next
    double suffix_gap;        // a joint mark: between the names and "文件"
  } issuer;

  // GB/T 9704-2012 10.1 信函格式: red double rules under the mark and near
  // the paper's foot; 份号, 密级, 紧急程度 left and the 发文字号 right under
  // the first.
  struct {
    bool shown;  // the letter format's head instead of 7.2's
    device_color color;
    double width;         // of both double rules, centred (170 mm)
    double thick, thin;   // the two strokes' widths
    double gap;           // between the strokes
    double below_mark;    // the first rule's top edge below the mark's ink bottom
    double above_bottom;  // the second rule's bottom edge above the paper's bottom edge
    double text_gap;      // from the first rule's bottom edge to the elements' em top
  } letterhead;

  // GB/T 9704-2012 7.2.5: 发文字号.
  struct {
    text_style style;
    int rows_before;  // empty rows between the mark and the number
  } doc_number;

  // GB/T 9704-2012 7.2.6: 签发人 of an upward document, 居右空一字 on the
  // 发文字号's row, which moves to 居左空一字; several names, two a row.
  struct {
    text_style style;        // the names (楷体)
    std::string label;       // e.g. "签发人："
    std::string label_role;  // the label's font role (仿宋), in the names' size and colour
    int right_indent;        // cells
    int per_row;             // names a row
    double gap;              // between two names of a row
    int doc_number_indent;   // cells: the 发文字号's left indent beside them
  } signer;

  // GB/T 9704-2012 7.2.7: 版头中的分隔线.
  struct {
    bool shown;  // 10.2: the 命令（令）格式 has none
    device_color color;
    double width, thickness;
    double offset;  // below the 发文字号 em-box bottom
  } separator;

  // The red star some Party organs centre on the separator (common practice;
  // GB/T 9704-2012 7.2.7 has the line only): a glyph, the line broken around it.
  struct {
    bool shown;
    text_style style;  // the star's face (★ U+2605), size and colour
    double gap;        // between the star's ink and each half of the line
  } separator_star;

  // Input normalisation (GB/T 15834-2011: full-width punctuation in Chinese
  // text; GB/T 9704-2012 7.2.4: 〔〕 around the year of a 发文字号); every
  // change is reported.
  struct {
    bool punctuation;  // half-width , . : ; ? ! ( ) in Chinese context to full width
    bool quotes;       // straight quotes in Chinese context to “” ‘’
    bool doc_number;   // [2024] 【2024】 (2024) in a 发文字号 to 〔2024〕
  } normalising;

  // GB/T 9704-2012 7.3.1: 标题.
  struct {
    bool required;  // 7.3.1: every document has one; 10.2: a 令 has none
    text_style style;
    double line_pitch;
    int rows_before;  // empty rows below the separator
  } title;

  // Choosing title line breaks (GB/T 9704-2012 7.3.1 asks for 词意完整 and a
  // 梯形 or 菱形 shape; the weights are common practice): every cost in pt.
  // Word lists are texts of words separated by spaces.
  struct {
    int max_lines;               // never more lines than this
    int extra_lines;             // lines tried beyond the fewest that fit
    double search_limit;         // give up the exhaustive search beyond this many combinations
    std::string free_before;     // no cost for a break before this text (e.g. "关于")
    std::string natural_after;   // words a break after costs `natural` (关于, 、) …
    std::string natural_before;  // … words a break before does (有关) …
    std::string leads;           // … and after free_before, these (开展) or a number
    double natural;              // a break at those words
    std::string kinds;           // 文种: whole, and with the particle before them
    std::string particle;        // begins a line only with a kind after it (的)
    std::string suffixes;        // one-character words kept with the word before (厅)
    std::string terms;           // names and terms kept whole (人民政府, 办公厅, …)
    std::string note_open;       // opening brackets kept with the text before (（)
    double word_break;           // a break at a word boundary
    double inside_word;          // a break inside a word, a number, brackets or a kind
    double near_full_ratio;      // a line wider than this share of the type area …
    double near_full;            // … costs this
    double unevenness;           // weight of the width difference of neighbouring lines
    double longer_below;         // two lines, the lower longer, no natural break (上长下短)
    double hourglass;            // a line shorter than both neighbours (沙漏)
    double extra_line;           // per line beyond the fewest
  } title_breaking;

  // GB/T 9704-2012 7.3.2: 主送机关.
  struct {
    text_style style;
    int rows_before;  // empty rows below the title
  } addressee;

  // GB/T 9704-2012 7.3.3: 正文.
  struct {
    text_style style;
    int rows_before;        // empty rows below the title when there is no addressee
    int first_line_indent;  // cells
  } body;

  // GB/T 9704-2012 7.3.3: 结构层次序数 1..4 (index 0..3), standalone and run in.
  struct {
    text_style style;
    bool bold;           // fake bold (not asked for by 7.3.3; many local rules want it)
    double bold_stroke;  // the stroke width of fake bold, pt
  } heading[4];

  // Regulations issued by a 印发通知 (common practice; GB/T 9704-2012 has no
  // rule for them): a chapter title (章) centred on its own body row, and the
  // number of an article (条) run in at the start of its paragraph.
  struct {
    text_style style;
    int rows_before;  // empty rows above it (none when it starts a body)
    int rows_after;   // empty rows below it, at least
  } chapter;
  struct {
    text_style style;
    std::string separator;  // set after the number unless the text starts with it (U+3000)
  } article;

  // GB/T 9704-2012 7.3.4: 附件说明, below the body; several attachments are
  // numbered, a long name wraps under its own first character.
  struct {
    text_style style;
    int rows_before;     // empty rows below the body
    int indent;          // cells before the label (左空二字)
    std::string label;   // e.g. "附件："
    std::string number;  // "{n}" stands for the number, e.g. "{n}." (several attachments only)
  } attachment_note;

  // GB/T 9704-2012 10.3: a 纪要's 出席, 请假 and 列席 lines, below the body
  // (or the 附件说明): the label in 黑体 with its colon, the units and names
  // in 仿宋, wrapped lines under the first character after the colon.
  struct {
    text_style style;        // the units and names
    std::string label_role;  // the label's face, in the names' size and colour
    int rows_before;         // empty rows above the first line
    int indent;              // cells before the label (左空二字)
    std::string colon;       // after the label, e.g. "："
  } attendance;

  // GB/T 9704-2012 7.3.5.2: 不加盖印章的公文.
  struct {
    text_style style;
    int rows_before;   // empty rows between the body and the 署名
    int right_indent;  // cells (右空二字)
    int date_offset;   // the date's first character this many cells right of the name's
    int carry_lines;   // body lines taken to the next page so the signature never stands alone
    double min_pitch;  // 7.3.5.5: a page's rows may close up to this pitch before lines are carried
  } signature;

  // GB/T 9704-2012 7.3.5.1: 加盖印章的公文: the date 右空四字, the (last)
  // 署名 centred above it, the seal centred on both and pressing them; a
  // joint document's seals one per organ, aligned, never touching.
  struct {
    double diameter;        // when the document gives none
    int rows_before;        // empty rows between the body and the (first) 署名
    int date_right_indent;  // cells (右空四字)
    double lift;  // the seal's centre above that of its 署名 (and 日期), share of the diameter
    double gap;   // joint documents: the least space between two seals
    int per_row;  // joint documents: the most seals side by side
  } seal;

  // GB/T 9704-2012 7.3.5.3: 加盖签发人签名章: the signature seal 右空四字,
  // the signer's office to its left with 2 cells between, centred on the
  // seal; the date one empty row below the seal, 右空四字; joint signers one
  // a row, offices and seals in columns.
  struct {
    double height;          // of the seal, when the document gives none
    int rows_before;        // empty rows between the body and the first signer
    int right_indent;       // cells from the seal column's right edge (右空四字)
    int office_gap;         // cells between the office and the seal
    int date_rows;          // empty rows between the lowest seal and the date
    int date_right_indent;  // cells (右空四字)
  } signer_seal;

  // GB/T 9704-2012 7.3.6: 附注, on the row after the 成文日期, in brackets.
  struct {
    text_style style;
    int indent;               // cells (居左空二字)
    std::string open, close;  // the brackets added when the text has none, e.g. "（", "）"
  } note;

  // GB/T 9704-2012 7.3.7: 附件 on new pages: "附件" and its number 顶格 on row
  // 1, the attachment's title centred on row 3, then its body like the 正文.
  struct {
    text_style style;
    std::string text;    // e.g. "附件"
    std::string number;  // "{n}" stands for the number when there are several, e.g. "{n}"
  } attachment_label;
  struct {
    text_style style;
    int row;         // the row of its first line
    int rows_after;  // empty rows between it and the attachment's body
  } attachment_title;

  // A regulation's 题注 and 目录 below its title (common practice; GB/T
  // 9704-2012 has no rule for them): each line on its own body row, centred;
  // a 题注 too long for a line breaks at its full-width spaces.
  struct {
    text_style style;
    int rows_before;  // empty rows between the title and it
  } caption;
  struct {
    text_style style;          // the entries
    std::string heading;       // the line above the entries, e.g. "目　　录"; empty = none
    std::string heading_role;  // its face (at the entries' size and colour)
    int rows_before;           // empty rows between the title (or 题注) and it
    bool centred;              // entries centred; else `indent` cells from the left
    int indent;
  } contents;

  // Tables of a body (common practice; spec §5.5): cell text in its own size
  // and pitch, not the body grid's; the row after the table returns to the grid.
  struct {
    text_style style;         // body cells (a <table size> changes the size)
    std::string header_role;  // header cells' face
    double line_height;       // a cell's line pitch, in ems of its text size
    double padding_x;         // pt, left and right inside a cell
    double padding_y;         // pt, above and below a cell's text
    double rule;              // pt, the lines between cells
    double outer_rule;        // pt, the table's frame
    double header_rule;       // pt, the line under the header rows
    device_color rule_color;
    bool repeat_header;     // the header rows again on each continued page
    std::string continued;  // over a continued part ("{n}": the caption's number); "" = none
  } table;
  struct {
    text_style style;  // 表题 (the <caption> of a table), centred on a body row; the unit line
    double gap;        // pt between the caption's (or unit's) row and the table's top
  } table_caption;

  // A forwarded document (转发通知) on new pages after the notice, as an
  // attachment is but without a label: its title (in the attachment title's
  // style) on this row, then its 主送机关 and body as the document's own are set.
  struct {
    int title_row;
  } forwarded;

  // GB/T 9704-2012 7.4: 版记, built up from its last rule on the type-area
  // bottom of the last page; one body row per line of text.
  struct {
    text_style style;
    double inset;             // 左右各空一字
    std::string to_label;     // the 主送机关 moved here (7.3.2), e.g. "主送："
    std::string cc_label;     // e.g. "抄送："
    std::string date_suffix;  // added after the 印发日期, e.g. "印发"
    device_color rule_color;
    double rule_width;
    double outer_rule, inner_rule;  // thickness of the first and last rules, and of the others
    bool even_page;  // on an even page, after a blank page if need be (printing on both sides)
    bool rules;      // its rules (10.1: a letter's 版记 has none)
    bool printer;    // its 印发机关 and 印发日期 row (10.1: a letter's has none)
  } imprint;

  // GB/T 9704-2012 7.5: 页码.
  struct {
    text_style style;
    double below;        // the dash's stroke below the type-area bottom
    double inset;        // 空一字, pt
    std::string format;  // "{n}" stands for the number, e.g. "— {n} —"
    side odd, even;      // where odd and even pages put it (7.5: outer sides; or centred)
    bool first_page;     // whether page 1 shows its number
  } page_number;

  // The optional font role for characters a role's face lacks
  // (empty: no fallback).
  std::string fallback_role;

  // Spec §10: the font of Arabic digits and Latin letters (and the marks
  // inside a Latin word or number) in the text of the listed font roles.
  struct {
    std::string role;                // optional font role; empty: in the CJK font
    std::vector<std::string> roles;  // the roles whose text takes it (fangsong)
  } latin;

  /// Where the layout (or a layout it extends) first names each font role or
  /// font name, for the error when fonts.xml has neither such a <role> nor
  /// such an <alias> (check_font_names).
  struct name_source {
    std::string file;
    int line = 0, column = 0;
  };
  std::map<std::string, name_source> font_names;

  /// The roles every document of this layout needs, in a stable order
  /// (fallback_role and latin.role not included: they are optional).
  std::vector<std::string> font_roles() const;
  /// The optional roles, loaded when fonts.xml has them and a face is
  /// found: the fallback role and the Latin role (each when not empty).
  std::vector<std::string> optional_font_roles() const;
  /// Cell (character pitch): type-area width / chars per line.
  double cell() const { return type_area.width / grid.chars_per_line; }
  /// Row pitch of the gb_exact profile: cell · (1 + gap ratio).
  double pitch() const { return cell() * (1.0 + grid.gap_ratio); }
};

/// Finds the text of a layout by name, for `extends`: sets text and the
/// name diagnostics use (its path), or returns false when there is none
/// (then source_name, if set, says where it looked: "no layout 'x'; looked in …").
using layout_finder =
    std::function<bool(const std::string& name, std::string& text, std::string& source_name)>;

/// Errors, at the layout's attribute, for the font roles and names the layout
/// uses that `config` knows neither as a <role> nor as an <alias>; false when
/// there was one.
bool check_font_names(const layout_spec& spec, const fonts::font_config& config,
                      diagnostics& diags);

/// Parses a layout definition; parents named by `extends` come from `find`
/// (nullptr: `extends` is an error). On failure returns false with diagnostics.
bool parse_layout(std::string_view xml, const std::string& source_name, layout_spec& out,
                  diagnostics& diags, const layout_finder& find = {});

/// Loads layout `name` from the first of `dirs` holding `<name>.xml`; its
/// parents are looked up the same way. On failure returns false with diagnostics.
bool load_layout(const std::vector<std::string>& dirs, const std::string& name, layout_spec& out,
                 diagnostics& diags);

/// Reads and parses one layout file; its parents are looked up in its own
/// folder, then in more_dirs (the engine's layout folders).
bool load_layout_file(const std::string& path, layout_spec& out, diagnostics& diags,
                      const std::vector<std::string>& more_dirs = {});

}  // namespace hongtou::model
