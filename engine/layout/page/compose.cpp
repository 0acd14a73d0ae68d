#include "layout/page/compose.hpp"

#include "layout/page/emit.hpp"
#include "layout/page/flow.hpp"

namespace hongtou::layout {

bool compose(const model::document& doc, const model::layout_spec& spec,
             const fonts::font_set& fonts, frames& out, diagnostics& diags,
             const seal_images& seals) {
  for (const auto& role : spec.font_roles()) {
    if (!fonts.get(role)) {
      diags.error(doc.source_name, 0, 0, "font role '" + role + "' was not loaded");
      return false;
    }
  }
  context ctx(doc, spec, fonts, diags, seals);
  std::vector<block> blocks = flow(ctx);
  const pagination plan = paginate(ctx, blocks);
  emit(ctx, blocks, plan, out);
  return !diags.has_errors();
}

}  // namespace hongtou::layout
