// SPDX-License-Identifier: Apache-2.0
#include "layout/shape/shape.hpp"

#include "core/c_ptr.hpp"

namespace hongtou::layout::shape {

std::vector<shaped_glyph> shape_text(const fonts::face& f, double size,
                                     const std::u32string& text) {
  std::vector<shaped_glyph> out;
  if (text.empty()) return out;
  c_ptr<hb_buffer_t, hb_buffer_destroy> owner(hb_buffer_create());
  hb_buffer_t* buf = owner.get();
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()),
                      static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  fonts::set_chinese_text(buf);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(f.hb_font(), buf, nullptr, 0);

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  const double scale = size / f.upem();
  out.reserve(count);
  for (unsigned g = 0; g < count; ++g)
    out.push_back({info[g].codepoint, info[g].cluster, pos[g].x_advance * scale});
  return out;
}

}  // namespace hongtou::layout::shape
