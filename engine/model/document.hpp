// SPDX-License-Identifier: Apache-2.0
#pragma once
// The document model: what a 公文 says, independent of how it is laid out.
// Elements follow GB/T 9704-2012 clause 7 (7.1–7.4); the XML
// vocabulary is documented in docs/model.md and schema/gongwen.rng.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace hongtou::model {

/// 1-based position of an element in its source file (0 = unknown).
struct source_pos {
  int line = 0;
  int column = 0;
};

/// A piece of inline text. lead_level > 0 marks a run-in heading (the lead
/// sentence of a paragraph, e.g. "一、…。"), set in that heading level's font;
/// the rest of the paragraph stays in the body font (fonts: GB/T 9704-2012
/// 7.3.3; run-in headings are common practice). `article` marks the number
/// of an article (条) of a regulation run in the same way, e.g. "第一条",
/// set in the layout's article style (common practice).
struct span {
  std::string text;  // UTF-8, whitespace normalised (see docs/model.md)
  int lead_level = 0;
  bool article = false;
  source_pos pos;
};

enum class block_kind {
  paragraph,  // <p>: first-line indent 2 字, justified
  heading,    // <h level="N">: a heading standing alone as its own paragraph
  chapter,    // <chapter>: a chapter title (章) of a regulation, centred on its own line
  table,      // <table>: a table (表格)
};

/// How a table cell's text sits across its cell; automatic: centred when
/// every body cell of its column fits on one line, else left (header cells centred).
enum class cell_align { automatic, left, centre, right, decimal };

/// A cell of a table: its text, where it starts and how far it spans.
struct table_cell {
  std::string text;  // whitespace normalised; "\n" marks an explicit break (<br/>); may be empty
  int row = 0, column = 0;  // where it starts: 0-based within its section (head or body)
  int colspan = 1, rowspan = 1;
  cell_align align = cell_align::automatic;
  source_pos pos;
};

/// A column of a table: its width and alignment (<column>).
struct table_column {
  enum class unit { none, share, mm, em };  // none: automatic from the content
  unit width_unit = unit::none;
  double width = 0;  // shares, mm, or characters of the table's text size
  cell_align align = cell_align::automatic;
  source_pos pos;
};

/// A table (表格) of a body (common practice; spec §5.5): an optional 表题 and
/// unit line above it, header rows repeated on continued pages, body rows,
/// notes below. Cells are checked at reading: each row fills every column,
/// spans stay inside their section and do not overlap.
struct table {
  std::string caption, unit;  // empty = none
  source_pos caption_pos, unit_pos;
  double size = 0;                         // pt, the cells' text size; 0 = the layout's
  int repeat_header = -1;                  // -1: the layout's; 0 no; 1 yes
  int columns = 0;                         // the column count
  std::vector<table_column> column_specs;  // one per column, or empty
  source_pos columns_pos;
  std::vector<table_cell> head, body;  // in document order (row by row)
  int head_rows = 0, body_rows = 0;
  std::vector<span> notes;  // 注：… below the table, one paragraph each
  source_pos pos;
};

struct block {
  block_kind kind = block_kind::paragraph;
  int level = 0;  // heading level 1..4 for block_kind::heading
  std::vector<span> spans;
  std::shared_ptr<const table> tab;  // block_kind::table
  source_pos pos;
};

/// 版头 (GB/T 9704-2012 7.2).
struct header {
  std::string copy_number;     // 份号, e.g. "000001"
  std::string classification;  // 密级和保密期限, e.g. "机密★5年"
  std::string urgency;         // 紧急程度, e.g. "特急"
  std::string issuer;  // 发文机关标志, e.g. "中共某某区委员会文件"; the lead organ of a joint mark
  double issuer_width =
      0;  // mm, the mark's width as the organ fixes it (<issuer width>); 0 = natural
  std::vector<std::string> co_issuers;  // the other organs of a joint mark (联合行文), in order
  std::string issuer_suffix;            // "文件" right of a joint mark's names (empty = none)
  std::string doc_number;  // 发文字号, e.g. "某区委〔2024〕1号", or the 令号
  /// What doc_number is: a 发文字号 (7.2.5), a 令号 (<order-number>, 10.2: 第N号)
  /// or a 纪要's number (<minutes-number>, 10.3: its own form, e.g. 第5期).
  enum class number_kind { doc, order, minutes };
  number_kind number = number_kind::doc;
  std::vector<std::string> signers;  // 签发人 of an upward document (上行文), in order
  source_pos signers_pos;
  source_pos copy_number_pos, classification_pos, urgency_pos, issuer_pos, doc_number_pos;
};

/// 发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5).
/// A seal image (印章) that presses on the signature (GB/T 9704-2012 7.3.5.1).
struct seal {
  std::string src;      // the PNG file, relative to the document's folder
  double diameter = 0;  // mm, a round organ seal; 0 = the layout's
  double height = 0;    // mm, a signer's signature seal; 0 = the layout's
  std::string folder;   // the folder src is relative to: a template's (empty: the document's)
  source_pos pos;
};

/// A signer who signs with a signature seal (签发人签名章, GB/T 9704-2012
/// 7.3.5.3), e.g. in an order (命令): the office held and the seal.
struct signer {
  std::string office;  // 职务, in full, e.g. "国务院总理"
  seal stamp;          // the signature seal (签名章)
  source_pos pos;
};

struct signature {
  bool present = false;
  std::string organ;                   // the (lead) organ
  std::vector<std::string> co_organs;  // the other organs of a joint document, in order
  std::string date;
  std::vector<seal> seals;  // empty = not sealed (7.3.5.2); else one per organ, in order (7.3.5.1)
  std::vector<signer> signers;  // 7.3.5.3: signers instead of organs, the lead first
  source_pos pos;
};

/// One line of the 附件说明 (GB/T 9704-2012 7.3.4): an attachment's name.
/// One line of a 纪要's attendance (GB/T 9704-2012 10.3): 出席, 请假 or 列席
/// and the units and names after it.
struct attendance_line {
  std::string label;  // e.g. "出席", without the colon
  std::string names;  // e.g. "张三、李四"
  source_pos pos;
};

struct attachment_item {
  std::string name;  // e.g. "国务院第五次大督查发现的典型经验做法（共130项）", no final punctuation
  source_pos pos;
};

/// An attachment (附件, GB/T 9704-2012 7.3.7) as a document of its own: on new
/// pages after the 正文, with its own title and body (a regulation issued by a
/// 印发通知, a forwarded 请示 …).
struct attachment {
  std::string title;  // "\n" marks an explicit line break
  std::vector<block> body;
  source_pos pos, title_pos;
  // A forwarded document (转发通知: the 请示, 报告 or 意见 the notice
  // forwards) has no 附件 label and may have its own 主送机关, signature and 附注.
  bool forwarded = false;
  std::string addressee;  // empty = none
  signature sig;          // sig.present = false: none
  std::string note;       // empty = none
  source_pos note_pos;
  // A regulation's 题注 (its history: "（2007年4月5日…公布　2019年4月3日…修订）")
  // and 目录 (its chapters) below its title (common practice).
  std::string caption;  // "\n" marks an explicit line break; empty = none
  source_pos caption_pos;
  std::vector<attachment_item> contents;  // the 目录's entries in order; empty = none
};

/// 版记 (GB/T 9704-2012 7.4): 抄送机关, 印发机关 and 印发日期 at the foot of the last page.
struct imprint {
  bool present = false;
  std::string addressee;  // 主送机关 moved here (7.3.2), without the label (empty = none)
  std::string cc;  // 抄送机关 without the label, e.g. "国务院各部委，各直属机构。" (empty = none)
  std::string printer;     // 印发机关, e.g. "国务院办公厅"
  std::string print_date;  // 印发日期, e.g. "2019年1月9日" ("印发" is added)
  /// One of the other elements of the 版记 (7.4.1), e.g. "联系人：…　电话：…".
  struct other {
    std::string text;
    source_pos pos;
  };
  std::vector<other> others;  // between the 抄送 and the 印发 row, in order (empty = none)
  source_pos pos, addressee_pos, cc_pos, printer_pos, print_date_pos;
};

struct document {
  std::string source_name;         // file name used in diagnostics
  std::string layout = "gbt9704";  // name of the layouts/*.xml to use
  std::string template_name;  // <gongwen template>: the organisation template used (empty = none)
  header head;
  std::string title;      // 标题; "\n" marks an explicit line break
  std::string addressee;  // 主送机关 (empty = none)
  std::vector<block> body;
  std::vector<attachment_item> attachments;  // 附件说明, in order (empty = none)
  source_pos attachments_pos;
  std::vector<attendance_line> attendance;  // a 纪要's 出席, 请假, 列席, in order (empty = none)
  signature sig;
  std::string note;  // 附注 (7.3.6), as written, e.g. "（此件公开发布）" (empty = none)
  source_pos note_pos;
  std::vector<attachment> appendices;  // forwarded documents, then 附件, after the 附注, in order
  imprint end;
  source_pos title_pos;
  source_pos root_pos;  // the <gongwen> element
};

/// The values of a document's fields ({{name}} in its text and attributes).
using field_values = std::map<std::string, std::string>;

/// Finds an organisation template (<gongwen template="name">): its XML text
/// and the file name its diagnostics carry; false with `looked` saying where
/// it looked when there is none.
using template_finder = std::function<bool(const std::string& name, std::string& text,
                                           std::string& source, std::string& looked)>;

struct parse_options {
  const field_values* fields = nullptr;     // null: no values (defaults only)
  template_finder find_template;            // empty: a template attribute is an error
  const hongtou::limits* limits = nullptr;  // null: the defaults of hongtou::limits
};

/// Parses a document from XML text: its template merged in, its fields
/// filled. On failure returns false and adds an error diagnostic (file,
/// line, column, what was expected) to diags. Throws std::bad_alloc when
/// memory runs out (the engine's internal error, not the input's).
bool parse_document(std::string_view xml, const std::string& source_name, document& out,
                    diagnostics& diags, const parse_options& options);
bool parse_document(std::string_view xml, const std::string& source_name, document& out,
                    diagnostics& diags);

/// Reads and parses a document file; a missing/unreadable file is an error.
bool load_document(const std::string& path, document& out, diagnostics& diags);

}  // namespace hongtou::model
