// SPDX-License-Identifier: Apache-2.0
#pragma once
// flow: the document and its layout -> a sequence of blocks. One function
// per element family, each in its own file; flow() runs them in the order
// of the format (GB/T 9704-2012 7.1: 版头, 主体, 版记).
#include <optional>
#include <string>
#include <vector>

#include "layout/page/block.hpp"
#include "layout/page/context.hpp"

namespace hongtou::layout {

/// What the element flows pass on: the bottom of the fixed blocks of page 1
/// so far (empty while there are none), which the next element measures from.
struct flow_state {
  std::optional<double> fixed_bottom;
};

/// 份号, 密级和保密期限, 紧急程度 at the top left of page 1 (header_marks.cpp, 7.2.1–7.2.3).
void flow_header_marks(context& ctx, flow_state& state, std::vector<block>& out);
/// 版头: 发文机关标志, 发文字号, the red separator (header.cpp, GB/T 9704-2012 7.2).
void flow_header(context& ctx, flow_state& state, std::vector<block>& out);
/// A fixed block of one line of runs (header_marks.cpp).
block fixed_block(element role, std::vector<glyph_run> runs, const model::source_pos& pos = {});
/// A fixed block of one line of text at `x` from the type area's left, its
/// em box's top at `em_top` (header_marks.cpp: 份号, 密级, 紧急程度; the letter's head).
block fixed_line(context& ctx, const std::string& text, const model::text_style& style,
                 element role, double x, double em_top, const model::source_pos& pos);
/// The 发文机关标志 (header.cpp, 7.2.4): single, or joint unless `lead_only`
/// (10.1: a letter shows the lead organ's), as fixed blocks; its ink bottom,
/// or nothing when the document has no mark.
std::optional<double> place_issuer(context& ctx, std::vector<block>& out, bool lead_only);
/// 信函格式 (letterhead.cpp, 10.1): the mark from the paper's top, the red
/// double rules, 份号/密级/紧急程度 left and the 发文字号 right under the first.
void flow_letterhead(context& ctx, flow_state& state, std::vector<block>& out);
/// 标题 (title.cpp, 7.3.1).
void flow_title(context& ctx, flow_state& state, std::vector<block>& out);
/// 主送机关 and 正文 (body.cpp, 7.3.2, 7.3.3).
void flow_body(context& ctx, flow_state& state, std::vector<block>& out);
/// 附件说明 (attachment_note.cpp, 7.3.4).
void flow_attachment_note(context& ctx, flow_state& state, std::vector<block>& out);
/// 出席, 请假, 列席 of a 纪要 (attendance.cpp, 10.3).
void flow_attendance(context& ctx, flow_state& state, std::vector<block>& out);
/// 发文机关署名 and 成文日期 (signature.cpp, 7.3.5).
void flow_signature(context& ctx, flow_state& state, std::vector<block>& out);

/// The signature block of a 署名 and 成文日期 (signature.cpp, 7.3.5); false
/// after reporting an error.
bool signature_block(context& ctx, const model::signature& sig, block& b);
/// A sealed signature's names, date and seals into `b` (seals.cpp, 7.3.5.1);
/// false after reporting a seal whose image was not loaded.
bool seal_signature(context& ctx, const model::signature& sig,
                    const std::vector<prepared_text>& names, const prepared_text& date, block& b);

/// A signature of signers with signature seals into `b` (signer_seals.cpp,
/// 7.3.5.3); false after reporting a seal whose image was not loaded.
bool signer_signature(context& ctx, const model::signature& sig, const prepared_text& date,
                      block& b);

/// 附注 (note.cpp, 7.3.6).
void flow_note(context& ctx, flow_state& state, std::vector<block>& out);
/// A 附注's block, its brackets added unless written (note.cpp, 7.3.6).
block note_block(context& ctx, const std::string& note, const model::source_pos& pos);

/// Forwarded documents and 附件, each on new pages (attachments.cpp, 7.3.7).
void flow_attachments(context& ctx, flow_state& state, std::vector<block>& out);
/// 版记 (imprint.cpp, 7.4).
void flow_imprint(context& ctx, flow_state& state, std::vector<block>& out);

/// 签发人 (signers.cpp, 7.2.6): the rows of names from the em top `top`, 居右空一字,
/// into `out`; returns the em top of the last row, where the 发文字号 goes.
double place_signers(context& ctx, const model::header& h, double top, block& out);
/// Where a title breaks: the first cluster of each line (title_breaking.cpp, 7.3.1);
/// `names` (organ names) are kept whole like the layout's terms.
std::vector<size_t> break_title(const prepared_text& p, const model::layout_spec& spec,
                                double width, const std::vector<std::u32string>& names = {});
/// The organ names a document carries: issuers, signing organs, the
/// 主送机关 one by one (title.cpp).
std::vector<std::u32string> organ_names(const model::document& doc);
/// A title's lines, centred on the type area, broken at its <br/>s and where
/// break_title() chooses; y left to the caller (title.cpp, 7.3.1).
std::vector<block_line> title_lines(context& ctx, const std::string& title,
                                    const model::text_style& style, element role,
                                    const model::source_pos& pos);
/// A table of a body (table.cpp): its block, then one grid block per note.
void table_blocks(context& ctx, const model::block& blk, std::vector<block>& out);
/// Moves lines set from the type area's left so that each is centred on it.
void centre_lines(const grid& g, std::vector<block_line>& lines);
/// A paragraph, heading or chapter title of a body, set on the grid (body.cpp, 7.3.3).
block body_paragraph(context& ctx, const model::block& blk);
/// Every chapter title followed by body text (of the 正文 or of an
/// attachment) keeps with it, at least the layout's rows-after above it (body.cpp).
void keep_chapters_with_next(const model::layout_spec& spec, std::vector<block>& blocks);

/// Runs the element flows of the document's format.
std::vector<block> flow(context& ctx);

}  // namespace hongtou::layout
