// SPDX-License-Identifier: Apache-2.0
// compose: flow -> paginate -> emit, once; twice when the 主送机关 would
// leave page 1 without body text (GB/T 9704-2012 7.3.3: 公文首页必须显示正文),
// which 7.3.2 mends by moving them to the 版记 as "主送：…".
#include "layout/page/compose.hpp"

#include "core/file.hpp"
#include "layout/page/emit.hpp"
#include "layout/page/flow.hpp"

namespace hongtou::layout {

namespace {

struct laid_out {
  std::vector<block> blocks;
  pagination plan;
};

laid_out lay_out(context& ctx) {
  laid_out l;
  l.blocks = flow(ctx);
  l.plan = paginate(ctx, l.blocks);
  return l;
}

// The document with its 主送机关 in the 版记 (7.3.2), a 版记 made when it has none.
model::document addressee_in_imprint(const model::document& doc) {
  model::document moved = doc;
  // Ended as the 抄送 is, with a full stop (7.4.2), where page 1 had the colon (7.3.2).
  const std::string colon = "：";
  std::string to = doc.addressee;
  if (to.size() >= colon.size() && to.compare(to.size() - colon.size(), colon.size(), colon) == 0)
    to.resize(to.size() - colon.size());
  moved.end.addressee = enclosed(to, "", "。");
  moved.end.addressee_pos = doc.title_pos;
  if (!moved.end.present) {
    moved.end.present = true;
    moved.end.pos = doc.title_pos;
  }
  moved.addressee.clear();
  return moved;
}

// The bytes the lines set for the blocks hold; emit copies them into the
// display list, so a layout takes about twice this.
uint64_t layout_bytes(const std::vector<block>& blocks) {
  uint64_t bytes = blocks.capacity() * sizeof(block);
  for (const block& b : blocks) {
    bytes += b.lines.capacity() * sizeof(block_line) + b.rules.capacity() * sizeof(rule);
    for (const block_line& l : b.lines) {
      bytes += l.runs.capacity() * sizeof(glyph_run);
      for (const glyph_run& r : l.runs) bytes += r.glyphs.capacity() * sizeof(positioned_glyph);
    }
    for (const image& im : b.images) bytes += im.rgb.capacity() + im.alpha.capacity();
  }
  return bytes;
}

// False after an error when the layout crosses a limit: too many pages
// (named at the first block past the last page allowed), or too much memory.
bool within(const laid_out& l, const model::document& doc, const compose_limits& limits,
            diagnostics& diags) {
  if (limits.pages != 0 && static_cast<uint64_t>(l.plan.pages) > limits.pages) {
    model::source_pos at = doc.root_pos;
    for (size_t b = 0; b < l.blocks.size(); ++b)
      if (static_cast<uint64_t>(l.plan.block_page[b]) >= limits.pages) {
        if (l.blocks[b].pos.line > 0) at = l.blocks[b].pos;
        break;
      }
    diags.error(doc.source_name, at.line, at.column,
                over_limit("the document takes " + std::to_string(l.plan.pages) + " pages",
                           std::to_string(limits.pages), "pages"),
                "page " + std::to_string(limits.pages + 1) + " would begin here");
    return false;
  }
  if (const uint64_t bytes = 2 * layout_bytes(l.blocks);
      limits.memory_bytes != 0 && bytes > limits.memory_bytes) {
    diags.error(doc.source_name, doc.root_pos.line, doc.root_pos.column,
                over_limit("its layout takes " + byte_size(bytes), byte_size(limits.memory_bytes),
                           "memory_bytes"));
    return false;
  }
  return true;
}

// What compose() requires of the document before anything is normalised.
bool ready(const model::document& source, const model::layout_spec& spec,
           const fonts::font_set& fonts, diagnostics& diags) {
  for (const auto& role : spec.font_roles()) {
    if (!fonts.get(role)) {
      diags.error(source.source_name, 0, 0, "font role '" + role + "' was not loaded");
      return false;
    }
  }
  if (spec.title.required && source.title.empty()) {
    diags.error(source.source_name, source.root_pos.line, source.root_pos.column,
                "no <title>; the layout '" + spec.name + "' requires one (GB/T 9704-2012 7.3.1)",
                "add <title>…</title> after the <header>, or use a layout without titles "
                "(layout=\"order\" for a 命令（令）)");
    return false;
  }
  if (spec.imprint.printer && source.end.present && source.end.printer.empty()) {
    diags.error(source.source_name, source.end.pos.line, source.end.pos.column,
                "missing <printer> and <print-date> in <imprint>; the layout '" + spec.name +
                    "' sets the 印发 row (GB/T 9704-2012 7.4.3)",
                "add <printer>…</printer><print-date>…</print-date>, or use a layout without "
                "it (layout=\"letter\")");
    return false;
  }
  return true;
}

// compose() of a normalised document.
bool compose_normalised(const model::document& doc, const model::layout_spec& spec,
                        const fonts::font_set& fonts, frames& out, diagnostics& diags,
                        const seal_images& seals, bool strict_fonts, const compose_limits& limits) {
  // Each attempt reports into its own list; only the one emitted is kept.
  diagnostics first;
  context ctx(doc, spec, fonts, first, seals);
  ctx.strict_fonts = strict_fonts;
  laid_out l = lay_out(ctx);
  if (!l.plan.body_on_first_page && !doc.addressee.empty() && doc.end.addressee.empty()) {
    const model::document moved = addressee_in_imprint(doc);
    diagnostics second;
    context again(moved, spec, fonts, second, seals);
    again.strict_fonts = strict_fonts;
    laid_out m = lay_out(again);
    if (m.plan.body_on_first_page) {
      if (!within(m, doc, limits, diags)) return false;
      second.warning(doc.source_name, doc.title_pos.line, doc.title_pos.column,
                     "the 主送机关 would leave page 1 without body text; moved to the 版记 as "
                     "\"主送：…\" (GB/T 9704-2012 7.3.2)",
                     "shorten the title or the addressee list to keep them on page 1");
      emit(again, m.blocks, m.plan, out);
      diags.append(second);
      return !diags.has_errors();
    }
  }
  if (!l.plan.body_on_first_page)
    first.warning(doc.source_name, doc.title_pos.line, doc.title_pos.column,
                  "page 1 shows no body text (GB/T 9704 requires it)",
                  "shorten the title or the addressee list");
  if (!within(l, doc, limits, diags)) return false;
  emit(ctx, l.blocks, l.plan, out);
  diags.append(first);
  return !diags.has_errors();
}

}  // namespace

bool compose(const model::document& source, const model::layout_spec& spec,
             const fonts::font_set& fonts, frames& out, diagnostics& diags,
             const seal_images& seals, bool strict_fonts, const compose_limits& limits) {
  if (!ready(source, spec, fonts, diags)) return false;
  const std::optional<model::document> normalised = normalise(source, spec, diags);
  return compose_normalised(normalised ? *normalised : source, spec, fonts, out, diags, seals,
                            strict_fonts, limits);
}

bool compose(model::document&& doc, const model::layout_spec& spec, const fonts::font_set& fonts,
             frames& out, diagnostics& diags, const seal_images& seals, bool strict_fonts,
             const compose_limits& limits) {
  if (!ready(doc, spec, fonts, diags)) return false;
  normalise_in_place(doc, spec, diags);
  return compose_normalised(doc, spec, fonts, out, diags, seals, strict_fonts, limits);
}

}  // namespace hongtou::layout
