// SPDX-License-Identifier: Apache-2.0
#include "fonts/subset.hpp"

#include <hb-subset.h>

#include "core/c_ptr.hpp"
#include "fonts/cff.hpp"
#include "fonts/trimmed.hpp"

namespace hongtou::fonts {
namespace {

using blob_ptr = c_ptr<hb_blob_t, hb_blob_destroy>;

// hb-subset to `glyphs` (renumbered) from `src`, the face or its trimmed copy.
c_ptr<hb_subset_plan_t, hb_subset_plan_destroy> plan_subset(const face& f, hb_face_t* src,
                                                            const std::vector<uint32_t>& glyphs,
                                                            bool flatten, std::string& error) {
  const auto input = detail::embedding_input(glyphs, flatten);
  if (!input) {
    error = "out of memory while subsetting " + f.family();
    return nullptr;
  }
  c_ptr<hb_subset_plan_t, hb_subset_plan_destroy> plan(
      hb_subset_plan_create_or_fail(src, input.get()));
  if (!plan) error = "cannot plan the subset of " + f.family();
  return plan;
}

// The bare CFF of a subset: CID-keyed fonts keep their CIDs and ROS
// (Noto CJK Adobe-Identity-0, Fandol Adobe-GB1-5); name-keyed ones (e.g.
// Latin Modern) become CID-keyed with CID = glyph id, since /CIDFontType0C
// is defined for CID-keyed CFF only. gid_to_cid stays empty when codes are
// the new glyph ids.
bool cff_bytes(const face& f, hb_face_t* sub, font_subset& out, std::vector<uint16_t>& gid_to_cid,
               std::string& error) {
  const blob_ptr cff(hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' ')));
  unsigned len = 0;
  const auto* data = reinterpret_cast<const uint8_t*>(hb_blob_get_data(cff.get(), &len));
  cff::cff_info info;
  if (!cff::parse(data, len, info, error)) {
    error = "cannot read the CFF of " + f.family() + ": " + error;
    return false;
  }
  if (!info.cid_keyed) {
    if (cff::to_cid_keyed(data, len, out.bytes, error)) return true;
    error = "cannot convert the CFF of " + f.family() + ": " + error;
    return false;
  }
  out.bytes.assign(data, data + len);
  gid_to_cid = std::move(info.gid_to_cid);
  if (!info.registry.empty() && !info.ordering.empty()) {
    out.registry = info.registry;
    out.ordering = info.ordering;
    out.supplement = info.supplement;
  }
  return true;
}

}  // namespace

c_ptr<hb_subset_input_t, hb_subset_input_destroy> detail::embedding_input(
    const std::vector<uint32_t>& glyphs, bool flatten) {
  c_ptr<hb_subset_input_t, hb_subset_input_destroy> input(hb_subset_input_create_or_fail());
  if (!input) return input;
  hb_set_t* gids = hb_subset_input_glyph_set(input.get());
  hb_set_add(gids, 0);
  for (uint32_t g : glyphs) hb_set_add(gids, g);
  hb_subset_input_set_flags(
      input.get(), HB_SUBSET_FLAGS_NO_HINTING |
                       (flatten ? HB_SUBSET_FLAGS_DESUBROUTINIZE : HB_SUBSET_FLAGS_DEFAULT));
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t :
       {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
        HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('V', 'O', 'R', 'G'),
        HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('D', 'S', 'I', 'G'),
        HB_TAG('c', 'm', 'a', 'p'), HB_TAG('p', 'o', 's', 't'), HB_TAG('k', 'e', 'r', 'n')})
    hb_set_add(drop, t);
  return input;
}

namespace {

// Whether hb-subset's desubroutinising pass runs. Desubroutinised CFF
// subsets are built several times faster and differ little in size for the
// few hundred glyphs of a document. From a preprocessed source without
// subroutines (FandolFang, every trimmed copy: flattened when made) the pass
// is left out: it would cost several times the rest of the subsetting and
// change no byte. From a source not preprocessed, it is the faster way.
bool flatten(bool preprocessed, bool has_subroutines) {
  return !preprocessed || has_subroutines;
}

}  // namespace

bool subset(const face& f, const std::vector<uint32_t>& glyphs, bool preprocessed, font_subset& out,
            std::string& error) {
  if (const trimmed_face* t = f.trimmed()) {
    std::vector<uint32_t> ids;
    if (t->map(glyphs, ids)) {
      if (const cff::copy_source* c = t->cff_copy())
        return detail::copy_from(f, *c, glyphs, ids, out, error);
      return detail::subset_from(f, t->source(preprocessed), glyphs, ids,
                                 flatten(preprocessed, false), out, error);
    }
  }
  if (const cff::copy_source* c = f.cff_copy())
    return detail::copy_from(f, *c, glyphs, glyphs, out, error);
  return detail::subset_whole(f, glyphs, preprocessed, out, error);
}

bool detail::copy_from(const face& f, const cff::copy_source& src,
                       const std::vector<uint32_t>& originals, const std::vector<uint32_t>& ids,
                       font_subset& out, std::string& error) {
  out = font_subset();
  out.format = outline_format::cff_cid;
  cff::copied_subset copy;
  if (!src.subset(ids, copy, error)) {
    error = "cannot subset " + f.family() + ": " + error;
    return false;
  }
  out.bytes = std::move(copy.bytes);
  const cff::cff_info& info = copy.info;
  if (!info.registry.empty() && !info.ordering.empty()) {
    out.registry = info.registry;
    out.ordering = info.ordering;
    out.supplement = info.supplement;
  }
  out.code[0] = 0;
  for (size_t i = 0; i < originals.size() && i < copy.cids.size(); ++i)
    out.code[originals[i]] = copy.cids[i];
  return true;
}

bool detail::subset_whole(const face& f, const std::vector<uint32_t>& glyphs, bool preprocessed,
                          font_subset& out, std::string& error) {
  return subset_from(f, f.subset_source(preprocessed), glyphs, glyphs,
                     flatten(preprocessed, f.cff_has_subroutines()), out, error);
}

bool detail::subset_from(const face& f, hb_face_t* src, const std::vector<uint32_t>& originals,
                         const std::vector<uint32_t>& ids, bool flatten, font_subset& out,
                         std::string& error) {
  out = font_subset();
  const auto plan = plan_subset(f, src, ids, flatten, error);
  if (!plan) return false;
  const c_ptr<hb_face_t, hb_face_destroy> sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) {
    error = "cannot subset " + f.family();
    return false;
  }

  std::vector<uint16_t> gid_to_cid;
  if (f.is_cff()) {
    out.format = outline_format::cff_cid;
    if (!cff_bytes(f, sub.get(), out, gid_to_cid, error)) return false;
  } else {
    out.format = outline_format::truetype;
    const blob_ptr blob(hb_face_reference_blob(sub.get()));
    unsigned len = 0;
    const auto* data = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob.get(), &len));
    if (len == 0) {
      error = "empty subset of " + f.family();
      return false;
    }
    out.bytes.assign(data, data + len);
  }

  // Codes: the new glyph id, or for CID-keyed CFF the CID the subset's
  // charset gives it; 0 (.notdef) for a glyph the plan did not keep.
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  auto code_of = [&](uint32_t gid) -> uint32_t {
    const hb_codepoint_t ng = hb_map_get(old_to_new, gid);
    if (ng == HB_MAP_VALUE_INVALID) return 0;
    if (gid_to_cid.empty()) return ng;
    return ng < gid_to_cid.size() ? gid_to_cid[ng] : 0;
  };
  out.code[0] = code_of(0);
  for (size_t i = 0; i < originals.size() && i < ids.size(); ++i)
    out.code[originals[i]] = code_of(ids[i]);
  return true;
}

}  // namespace hongtou::fonts
