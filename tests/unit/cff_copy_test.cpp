// SPDX-License-Identifier: Apache-2.0
// The copying subsetter, cff::copyable() and cff::subset_by_copy(), on the committed CID-keyed
// fonts (FandolFang has no subroutines; Noto Serif CJK has them until hb-subset flattens it):
// what it keeps (glyphs, CIDs, charstrings, Font DICTs), how FreeType draws the result, and the
// input it refuses.
#include "fonts/cff.hpp"

#include <catch2/catch.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fonts/cff_format.hpp"
#include "unit/cff_fixture.hpp"

using namespace hongtou::test;

namespace {

namespace cff = hongtou::fonts::cff;
namespace detail = hongtou::fonts::cff::detail;

// In a bare CID-keyed CFF FreeType takes the glyph index as a CID.

struct ros {
  std::string registry, ordering;
  int supplement = -1;
};

ros ft_ros(FT_Face face) {
  FT_Bool is_cid = 0;
  REQUIRE(FT_Get_CID_Is_Internally_CID_Keyed(face, &is_cid) == 0);
  REQUIRE(is_cid);
  const char* registry = nullptr;
  const char* ordering = nullptr;
  FT_Int supplement = -1;
  REQUIRE(FT_Get_CID_Registry_Ordering_Supplement(face, &registry, &ordering, &supplement) == 0);
  REQUIRE(registry);
  REQUIRE(ordering);
  return {registry, ordering, supplement};
}

// --- The structure of a CID-keyed CFF, read with the library's own bounds-checked readers.

using entry_bytes = std::vector<std::vector<uint8_t>>;  // DICT entries, operands and operator

entry_bytes entries_of(const detail::input& in, const detail::dict& d,
                       std::initializer_list<uint16_t> left_out) {
  entry_bytes out;
  for (const auto& e : d)
    if (std::find(left_out.begin(), left_out.end(), e.op) == left_out.end())
      out.emplace_back(in.at(e.bytes.begin), in.at(e.bytes.end));
  return out;
}

struct cid_font {
  std::vector<uint8_t> bytes;
  detail::font_view f;
  cff::cff_info info;
  std::vector<entry_bytes> font_dicts;  // per Font DICT, without Private
  std::vector<entry_bytes> privates;    // per Font DICT, its Private DICT without Subrs
  std::vector<uint8_t> fd_of_glyph;     // FDSelect
  entry_bytes top;                      // Top DICT without the entries that locate parts

  std::vector<uint8_t> charstring(unsigned gid) const {
    const detail::input in(bytes.data(), bytes.size());
    const detail::range r = detail::index_entry(in, f.charstrings, gid);
    return std::vector<uint8_t>(in.at(r.begin), in.at(r.end));
  }
};

constexpr uint16_t op_unique_id = 13;
constexpr uint16_t op_xuid = 14;

cid_font read_cid_font(const std::vector<uint8_t>& bytes) {
  cid_font font;
  font.bytes = bytes;
  const detail::input in(font.bytes.data(), font.bytes.size());
  std::string error;
  const bool loaded = detail::load(in, font.f, font.info, error);
  INFO(error);
  REQUIRE(loaded);
  REQUIRE(font.info.cid_keyed);
  size_t pos = 0;
  bool present = false;
  REQUIRE(
      detail::offset_operand(font.f.top, detail::op_fd_array, "FDArray", 0, pos, present, error));
  REQUIRE(present);
  detail::index_view fd_array;
  REQUIRE(detail::read_index(in, pos, "FDArray", fd_array, error));
  for (unsigned i = 0; i < fd_array.count; ++i) {
    detail::dict d;
    detail::private_view priv;
    REQUIRE(detail::read_dict(in, detail::index_entry(in, fd_array, i), "Font DICT", d, error));
    REQUIRE(detail::read_private(in, d, "Font DICT", priv, error));
    font.font_dicts.push_back(entries_of(in, d, {detail::op_private}));
    font.privates.push_back(entries_of(in, priv.entries, {detail::op_subrs}));
  }
  REQUIRE(
      detail::offset_operand(font.f.top, detail::op_fd_select, "FDSelect", 0, pos, present, error));
  if (present)
    REQUIRE(detail::read_fd_select(in, pos, font.info.glyph_count, fd_array.count, font.fd_of_glyph,
                                   error));
  else
    font.fd_of_glyph.assign(font.info.glyph_count, 0);
  font.top = entries_of(
      in, font.f.top,
      {detail::op_charset, detail::op_encoding, detail::op_charstrings, detail::op_private,
       detail::op_fd_array, detail::op_fd_select, op_unique_id, op_xuid});
  return font;
}

// --- Inputs.

std::vector<uint8_t> whole_cff(const std::string& path) {
  const hb_ptr<hb_face_t> face = open_face(path, 0);
  REQUIRE(face);
  return cff_table(face.get());
}

// Glyph ids of text in face (every character must have one).
std::vector<uint32_t> glyphs_of(hb_face_t* face, const std::u32string& text) {
  hb_ptr<hb_font_t> font(hb_font_create(face));
  std::vector<uint32_t> glyphs;
  for (char32_t c : text) {
    hb_codepoint_t gid = 0;
    INFO("U+" << std::hex << static_cast<unsigned>(c));
    REQUIRE(hb_font_get_nominal_glyph(font.get(), c, &gid));
    glyphs.push_back(gid);
  }
  return glyphs;
}

// The CFF of Noto Serif CJK SC Bold subset to the sample text and more plus three glyphs of the
// Font DICT that .notdef selects (no character reaches it), flattened by hb-subset: copyable, with
// several Font DICTs and CIDs unlike the glyph ids.
std::vector<uint8_t> noto_flat_cff() {
  const hb_ptr<hb_face_t> face = open_face(noto_path, 0);
  REQUIRE(face);
  const cid_font whole = read_cid_font(cff_table(face.get()));
  hb_ptr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
  REQUIRE(input);
  // Characters in several Font DICTs: Hanzi, Latin, full-width forms, quotes, Roman numerals.
  for (char32_t c : sample_text + U"Ab1 ０１ＡＢ‘’“”Ⅰ×")
    hb_set_add(hb_subset_input_unicode_set(input.get()), c);
  unsigned added = 0;
  for (unsigned g = 1; g < whole.info.glyph_count && added < 3; ++g)
    if (whole.fd_of_glyph[g] == whole.fd_of_glyph[0]) {
      hb_set_add(hb_subset_input_glyph_set(input.get()), g);
      ++added;
    }
  REQUIRE(added == 3);
  hb_set_clear(hb_subset_input_set(input.get(), HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_DESUBROUTINIZE);
  hb_ptr<hb_face_t> result(hb_subset_or_fail(face.get(), input.get()));
  REQUIRE(result);
  return cff_table(result.get());
}

// subset_by_copy() that must succeed.
cff::copied_subset copy_subset(const std::vector<uint8_t>& bytes,
                               const std::vector<uint32_t>& glyphs) {
  cff::copied_subset out;
  std::string error;
  const bool ok = cff::subset_by_copy(bytes.data(), bytes.size(), glyphs, out, error);
  INFO(error);
  REQUIRE(ok);
  CHECK(error.empty());
  return out;
}

// The old glyph ids a subset keeps, in their new order: .notdef, then the distinct glyphs
// ascending.
std::vector<uint32_t> kept(const std::vector<uint32_t>& glyphs) {
  std::set<uint32_t> s(glyphs.begin(), glyphs.end());
  s.insert(0);
  return std::vector<uint32_t>(s.begin(), s.end());
}

// What every copied subset of src to glyphs must be: CID-keyed with src's ROS, name and Top DICT
// values, the kept glyphs in ascending old order with their CIDs and unchanged charstrings, each
// selecting a Font DICT equal to its old one, no Font DICT unused, and cids in the order asked.
void check_copy(const cid_font& src, const std::vector<uint32_t>& glyphs,
                const cff::copied_subset& out) {
  const std::vector<uint32_t> old = kept(glyphs);
  cff::cff_info info;
  std::string error;
  REQUIRE(cff::parse(out.bytes.data(), out.bytes.size(), info, error));
  CHECK(info.cid_keyed);
  CHECK(info.registry == src.info.registry);
  CHECK(info.ordering == src.info.ordering);
  CHECK(info.supplement == src.info.supplement);
  CHECK(info.font_name == src.info.font_name);
  REQUIRE(info.glyph_count == old.size());
  CHECK(out.info.cid_keyed);
  CHECK(out.info.glyph_count == info.glyph_count);
  CHECK(out.info.gid_to_cid == info.gid_to_cid);
  CHECK(out.info.registry == info.registry);
  CHECK(out.info.ordering == info.ordering);

  REQUIRE(out.cids.size() == glyphs.size());
  for (size_t i = 0; i < glyphs.size(); ++i) {
    INFO("glyph " << i << " asked: " << glyphs[i]);
    CHECK(out.cids[i] == src.info.gid_to_cid[glyphs[i]]);
  }

  const cid_font sub = read_cid_font(out.bytes);
  CHECK(sub.top == src.top);
  std::set<unsigned> fds_used;
  for (unsigned k = 0; k < old.size(); ++k) {
    INFO("new glyph " << k << ", old glyph " << old[k]);
    CHECK(sub.info.gid_to_cid[k] == src.info.gid_to_cid[old[k]]);
    // The source's charstring, without its hints (shorter, or the same when it has none); that
    // it draws the same is checked through FreeType below.
    CHECK(sub.charstring(k).size() <= src.charstring(old[k]).size());
    const unsigned fd = sub.fd_of_glyph[k];
    const unsigned old_fd = src.fd_of_glyph[old[k]];
    fds_used.insert(fd);
    CHECK(sub.font_dicts[fd] == src.font_dicts[old_fd]);
    CHECK(sub.privates[fd] == src.privates[old_fd]);
  }
  CHECK(fds_used.size() == sub.font_dicts.size());

  // Every kept glyph draws as in the source, with the same advance.
  const ft_library library = open_freetype();
  const ft_face source = open_cff(library.get(), src.bytes);
  const ft_face subset = open_cff(library.get(), out.bytes);
  for (unsigned k = 0; k < old.size(); ++k) {
    const unsigned cid = src.info.gid_to_cid[old[k]];
    INFO("new glyph " << k << ", CID " << cid);
    CHECK(load_outline(subset.get(), cid) == load_outline(source.get(), cid));
  }
}

// FreeType opens the subset as a CID-keyed CFF with src's ROS and units, reads each kept glyph's
// CID from the charset, and draws every kept glyph exactly as in src.
void check_drawn(const cid_font& src, const std::vector<uint32_t>& glyphs,
                 const cff::copied_subset& out) {
  const ft_library library = open_freetype();
  const ft_face source = open_cff(library.get(), src.bytes);
  const ft_face subset = open_cff(library.get(), out.bytes);
  const ros source_ros = ft_ros(source.get());
  const ros subset_ros = ft_ros(subset.get());
  CHECK(subset_ros.registry == source_ros.registry);
  CHECK(subset_ros.ordering == source_ros.ordering);
  CHECK(subset_ros.supplement == source_ros.supplement);
  CHECK(subset->units_per_EM == source->units_per_EM);
  const std::vector<uint32_t> old = kept(glyphs);
  for (unsigned k = 0; k < old.size(); ++k) {
    const unsigned cid = src.info.gid_to_cid[old[k]];
    INFO("new glyph " << k << ", old glyph " << old[k] << ", CID " << cid);
    FT_UInt ft_cid = 0;
    REQUIRE(FT_Get_CID_From_Glyph_Index(subset.get(), k, &ft_cid) == 0);
    CHECK(ft_cid == cid);
    const outline expected = load_outline(source.get(), cid);
    const outline actual = load_outline(subset.get(), cid);
    REQUIRE(actual.points.size() == expected.points.size());
    REQUIRE(actual.contours.size() == expected.contours.size());
    CHECK(actual.points == expected.points);
    CHECK(actual.tags == expected.tags);
    CHECK(actual.contours == expected.contours);
    CHECK(actual.advance == expected.advance);
  }
}

// A copied subset of one Font DICT (where every offset is a five-byte integer and the Private
// DICT comes last) rebuilt with what it lacks: a Global Subr, a local Subr, Top DICT entries.
struct additions {
  bool global_subr = false;
  bool local_subr = false;
  std::vector<uint8_t> top;  // DICT entries appended to the Top DICT
};

std::vector<uint8_t> with(const std::vector<uint8_t>& base, const additions& add) {
  const detail::input in(base.data(), base.size());
  detail::font_view f;
  cff::cff_info info;
  std::string error;
  REQUIRE(detail::load(in, f, info, error));
  const cid_font font = read_cid_font(base);
  REQUIRE(font.font_dicts.size() == 1);
  const std::vector<uint8_t> subr = {11};  // return
  const std::vector<uint8_t> gsubrs = add.global_subr
                                          ? detail::make_index({{subr.data(), subr.size()}})
                                          : std::vector<uint8_t>(in.at(f.global_subrs.bytes.begin),
                                                                 in.at(f.global_subrs.bytes.end));

  // The Top DICT with its offsets moved by delta, which depends only on the sizes of the parts.
  const auto top_dict = [&](size_t delta) {
    std::vector<uint8_t> d;
    for (const auto& e : f.top) {
      if (e.op == detail::op_charset || e.op == detail::op_fd_select ||
          e.op == detail::op_charstrings || e.op == detail::op_fd_array) {
        REQUIRE(in.u8(e.bytes.begin) == 29);
        detail::put_int5(d, static_cast<size_t>(e.operands.at(0).value) + delta);
        detail::put_op(d, e.op);
      } else {
        d.insert(d.end(), in.at(e.bytes.begin), in.at(e.bytes.end));
      }
    }
    d.insert(d.end(), add.top.begin(), add.top.end());
    return d;
  };
  const std::vector<uint8_t> sized = top_dict(0);
  const size_t delta = detail::index_size({{sized.data(), sized.size()}}) + gsubrs.size() -
                       f.top_dicts.bytes.size() - f.global_subrs.bytes.size();
  const std::vector<uint8_t> top = top_dict(delta);

  std::vector<uint8_t> out(base.begin(), base.begin() + static_cast<long>(f.top_dicts.bytes.begin));
  detail::put_index(out, {{top.data(), top.size()}});
  out.insert(out.end(), in.at(f.strings.bytes.begin), in.at(f.strings.bytes.end));
  out.insert(out.end(), gsubrs.begin(), gsubrs.end());
  out.insert(out.end(), in.at(f.global_subrs.bytes.end), in.at(in.size()));

  // The Font DICT's Private operands, moved by delta; the Private DICT, with a Subrs INDEX.
  size_t pos = 0;
  bool present = false;
  REQUIRE(detail::offset_operand(f.top, detail::op_fd_array, "FDArray", 0, pos, present, error));
  detail::index_view fd_array;
  REQUIRE(detail::read_index(in, pos, "FDArray", fd_array, error));
  detail::dict font_dict;
  REQUIRE(
      detail::read_dict(in, detail::index_entry(in, fd_array, 0), "Font DICT", font_dict, error));
  const detail::dict_entry* priv = detail::find(font_dict, detail::op_private);
  REQUIRE(priv);
  REQUIRE(priv->bytes.size() == 11);  // two five-byte integers and the operator
  size_t priv_size = static_cast<size_t>(priv->operands.at(0).value);
  const size_t priv_at = static_cast<size_t>(priv->operands.at(1).value);
  REQUIRE(priv_at + priv_size == base.size());
  std::vector<uint8_t> subrs;
  if (add.local_subr) {
    detail::put_int5(out, priv_size + 6);
    detail::put_op(out, detail::op_subrs);
    priv_size += 6;
    detail::put_index(out, {{subr.data(), subr.size()}});
  }
  std::vector<uint8_t> operands;
  detail::put_int5(operands, priv_size);
  detail::put_int5(operands, priv_at + delta);
  detail::put_op(operands, detail::op_private);
  std::copy(operands.begin(), operands.end(),
            out.begin() + static_cast<long>(priv->bytes.begin + delta));
  return out;
}

// Every proper prefix of bytes is refused, with an error, by copyable() and subset_by_copy().
void check_truncations(const std::vector<uint8_t>& bytes, const std::vector<size_t>& lengths,
                       const std::vector<uint32_t>& glyphs) {
  REQUIRE(cff::copyable(bytes.data(), bytes.size()));
  cff::copied_subset out;
  std::string error;
  for (size_t length : lengths) {
    INFO("truncated to " << length << " of " << bytes.size() << " bytes");
    REQUIRE(length < bytes.size());
    // Copies let ASan see reads past the end.
    const std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(length));
    REQUIRE_FALSE(cff::copyable(cut.data(), cut.size()));
    error.clear();
    REQUIRE_FALSE(cff::subset_by_copy(cut.data(), cut.size(), glyphs, out, error));
    REQUIRE_FALSE(error.empty());
    REQUIRE(out.bytes.empty());
  }
}

std::vector<size_t> every_length(size_t size) {
  std::vector<size_t> lengths(size);
  for (size_t i = 0; i < size; ++i) lengths[i] = i;
  return lengths;
}

}  // namespace

TEST_CASE("cff copyable: CID-keyed fonts without subroutines", "[cff]") {
  const std::vector<uint8_t> fandol = whole_cff(fandol_path);
  cff::cff_info info;
  std::string error;
  REQUIRE(cff::parse(fandol.data(), fandol.size(), info, error));
  REQUIRE(info.cid_keyed);
  REQUIRE_FALSE(cff::has_subroutines(fandol.data(), fandol.size()));
  CHECK(cff::copyable(fandol.data(), fandol.size()));

  // hb-subset of FandolFang, as the damage tests use.
  const std::vector<uint8_t> fandol_sub = fandol_subset_cff();
  REQUIRE_FALSE(cff::has_subroutines(fandol_sub.data(), fandol_sub.size()));
  CHECK(cff::copyable(fandol_sub.data(), fandol_sub.size()));

  // Noto Serif CJK flattened by hb-subset: no subroutines left.
  const hb_ptr<hb_face_t> noto = open_face(noto_path, 0);
  REQUIRE(noto);
  const hb_ptr<hb_face_t> flat = subset(noto.get(), sample_text, HB_SUBSET_FLAGS_DESUBROUTINIZE);
  const std::vector<uint8_t> flat_bytes = cff_table(flat.get());
  REQUIRE(cff::parse(flat_bytes.data(), flat_bytes.size(), info, error));
  REQUIRE(info.cid_keyed);
  REQUIRE_FALSE(cff::has_subroutines(flat_bytes.data(), flat_bytes.size()));
  CHECK(cff::copyable(flat_bytes.data(), flat_bytes.size()));
  const std::vector<uint8_t> many_fds = noto_flat_cff();
  CHECK(cff::copyable(many_fds.data(), many_fds.size()));
}

TEST_CASE("cff copyable: name-keyed fonts, subroutines and junk are not", "[cff]") {
  const std::vector<uint8_t> name_keyed = synthetic_name_keyed_font();
  cff::cff_info info;
  std::string error;
  REQUIRE(cff::parse(name_keyed.data(), name_keyed.size(), info, error));
  REQUIRE_FALSE(info.cid_keyed);
  CHECK_FALSE(cff::copyable(name_keyed.data(), name_keyed.size()));

  // The same font made CID-keyed: it still calls local and global subroutines.
  std::vector<uint8_t> cid;
  REQUIRE(cff::to_cid_keyed(name_keyed.data(), name_keyed.size(), cid, error));
  REQUIRE(cff::parse(cid.data(), cid.size(), info, error));
  REQUIRE(info.cid_keyed);
  REQUIRE(cff::has_subroutines(cid.data(), cid.size()));
  CHECK_FALSE(cff::copyable(cid.data(), cid.size()));

  // The committed Noto Serif CJK subset, and hb-subset's subset of it without flattening.
  const hb_ptr<hb_face_t> noto = open_face(noto_path, 0);
  REQUIRE(noto);
  const std::vector<uint8_t> noto_bytes = cff_table(noto.get());
  if (cff::has_subroutines(noto_bytes.data(), noto_bytes.size()))
    CHECK_FALSE(cff::copyable(noto_bytes.data(), noto_bytes.size()));
  else
    WARN("the committed Noto subset has no subroutines: nothing to refuse");
  const hb_ptr<hb_face_t> sub = subset(noto.get(), sample_text, HB_SUBSET_FLAGS_DEFAULT);
  const std::vector<uint8_t> sub_bytes = cff_table(sub.get());
  if (cff::has_subroutines(sub_bytes.data(), sub_bytes.size()))
    CHECK_FALSE(cff::copyable(sub_bytes.data(), sub_bytes.size()));

  CHECK_FALSE(cff::copyable(nullptr, 0));
  const std::vector<uint8_t> junk = {1, 0, 4, 4, 0xFF};
  CHECK_FALSE(cff::copyable(junk.data(), junk.size()));
}

TEST_CASE("cff copyable: a copied subset given subroutines is not", "[cff]") {
  const hb_ptr<hb_face_t> face = open_face(fandol_path, 0);
  REQUIRE(face);
  const std::vector<uint8_t> fandol = cff_table(face.get());
  const std::vector<uint8_t> base = copy_subset(fandol, glyphs_of(face.get(), sample_text)).bytes;
  REQUIRE(with(base, {}) == base);  // the rebuilding alone changes no byte

  for (const auto& [global, local] : {std::pair{true, false}, std::pair{false, true}}) {
    INFO((global ? "a Global Subr" : "a local Subr"));
    additions add;
    add.global_subr = global;
    add.local_subr = local;
    const std::vector<uint8_t> bytes = with(base, add);
    cff::cff_info info;
    std::string error;
    REQUIRE(cff::parse(bytes.data(), bytes.size(), info, error));
    REQUIRE(info.cid_keyed);
    REQUIRE(cff::has_subroutines(bytes.data(), bytes.size()));
    CHECK_FALSE(cff::copyable(bytes.data(), bytes.size()));
    cff::copied_subset out;
    CHECK_FALSE(cff::subset_by_copy(bytes.data(), bytes.size(), {1}, out, error));
    CHECK(error.find("subroutines") != std::string::npos);
    CHECK(out.bytes.empty());
  }
}

TEST_CASE("cff subset_by_copy: the subset drops the whole font's UniqueID and XUID", "[cff]") {
  const hb_ptr<hb_face_t> face = open_face(fandol_path, 0);
  REQUIRE(face);
  const std::vector<uint32_t> glyphs = glyphs_of(face.get(), sample_text);
  const std::vector<uint8_t> base = copy_subset(cff_table(face.get()), glyphs).bytes;
  // No committed font has them: UniqueID 4242, XUID [1 2 3].
  additions add;
  cff_bytes::op(add.top, {4242}, 13);
  cff_bytes::op(add.top, {1, 2, 3}, 14);
  const cid_font src = read_cid_font(with(base, add));
  REQUIRE(detail::find(src.f.top, op_unique_id));
  REQUIRE(detail::find(src.f.top, op_xuid));
  REQUIRE(cff::copyable(src.bytes.data(), src.bytes.size()));

  const std::vector<uint32_t> sub_glyphs = {3, 1};
  const cff::copied_subset out = copy_subset(src.bytes, sub_glyphs);
  check_copy(src, sub_glyphs, out);
  check_drawn(src, sub_glyphs, out);
  const cid_font sub = read_cid_font(out.bytes);
  CHECK_FALSE(detail::find(sub.f.top, op_unique_id));
  CHECK_FALSE(detail::find(sub.f.top, op_xuid));
}

TEST_CASE("cff subset_by_copy: FandolFang keeps the glyphs' CIDs and charstrings", "[cff]") {
  const hb_ptr<hb_face_t> face = open_face(fandol_path, 0);
  REQUIRE(face);
  const cid_font src = read_cid_font(cff_table(face.get()));
  std::vector<uint32_t> glyphs = glyphs_of(face.get(), sample_text);
  std::reverse(glyphs.begin(), glyphs.end());
  glyphs.push_back(glyphs[2]);  // a duplicate
  REQUIRE_FALSE(std::is_sorted(glyphs.begin(), glyphs.end()));
  const std::set<uint32_t> distinct(glyphs.begin(), glyphs.end());
  REQUIRE(distinct.size() == sample_text.size());
  REQUIRE_FALSE(distinct.count(0));

  const cff::copied_subset out = copy_subset(src.bytes, glyphs);
  CHECK(out.info.glyph_count == distinct.size() + 1);
  CHECK(out.bytes.size() < src.bytes.size() / 100);
  check_copy(src, glyphs, out);

  // The same, with the new glyph ids spelled out: .notdef, then the old ids ascending.
  const std::vector<uint32_t> old(distinct.begin(), distinct.end());
  REQUIRE(out.info.gid_to_cid.size() == old.size() + 1);
  CHECK(out.info.gid_to_cid[0] == 0);
  for (size_t k = 0; k < old.size(); ++k)
    CHECK(out.info.gid_to_cid[k + 1] == src.info.gid_to_cid[old[k]]);
}

TEST_CASE("cff subset_by_copy: a flattened Noto subset keeps CIDs unlike its glyph ids", "[cff]") {
  const cid_font src = read_cid_font(noto_flat_cff());
  // Every fifth glyph, and the glyphs whose CID is not their glyph id, from the last down.
  std::vector<uint32_t> glyphs;
  for (unsigned g = src.info.glyph_count - 1; g > 0; --g)
    if (g % 5 == 0 || src.info.gid_to_cid[g] != g) glyphs.push_back(g);
  REQUIRE(std::any_of(glyphs.begin(), glyphs.end(),
                      [&](uint32_t g) { return src.info.gid_to_cid[g] != g; }));
  const cff::copied_subset out = copy_subset(src.bytes, glyphs);
  check_copy(src, glyphs, out);
  check_drawn(src, glyphs, out);
}

TEST_CASE("cff subset_by_copy: FreeType draws the kept glyphs as in FandolFang", "[cff]") {
  const hb_ptr<hb_face_t> face = open_face(fandol_path, 0);
  REQUIRE(face);
  const cid_font src = read_cid_font(cff_table(face.get()));
  std::vector<uint32_t> glyphs = glyphs_of(face.get(), sample_text);
  glyphs.push_back(glyphs[0]);
  check_drawn(src, glyphs, copy_subset(src.bytes, glyphs));

  // A wider spread: every 97th glyph and the last, the last asked first.
  glyphs = {src.info.glyph_count - 1};
  for (unsigned g = 1; g < src.info.glyph_count; g += 97) glyphs.push_back(g);
  const cff::copied_subset out = copy_subset(src.bytes, glyphs);
  check_copy(src, glyphs, out);
  check_drawn(src, glyphs, out);
}

TEST_CASE("cff subset_by_copy: no glyphs asked keeps .notdef alone", "[cff]") {
  const cid_font src = read_cid_font(whole_cff(fandol_path));
  for (const std::vector<uint32_t>& glyphs :
       {std::vector<uint32_t>{}, std::vector<uint32_t>{0}, std::vector<uint32_t>{0, 0}}) {
    INFO(glyphs.size() << " glyphs asked");
    const cff::copied_subset out = copy_subset(src.bytes, glyphs);
    CHECK(out.info.glyph_count == 1);
    CHECK(out.info.gid_to_cid == std::vector<uint16_t>{0});
    CHECK(out.cids == std::vector<uint16_t>(glyphs.size(), 0));
    check_copy(src, glyphs, out);
    check_drawn(src, glyphs, out);
    CHECK(read_cid_font(out.bytes).font_dicts.size() == 1);
  }
  // From a font with several Font DICTs too.
  const cid_font noto = read_cid_font(noto_flat_cff());
  const cff::copied_subset out = copy_subset(noto.bytes, {});
  check_copy(noto, {}, out);
  CHECK(read_cid_font(out.bytes).font_dicts.size() == 1);
}

TEST_CASE("cff subset_by_copy: only the Font DICTs the glyphs select are kept", "[cff]") {
  // FandolFang has one Font DICT, which every subset keeps.
  const hb_ptr<hb_face_t> fandol_face = open_face(fandol_path, 0);
  REQUIRE(fandol_face);
  const cid_font fandol = read_cid_font(cff_table(fandol_face.get()));
  REQUIRE(fandol.font_dicts.size() == 1);
  const std::vector<uint32_t> fandol_glyphs = glyphs_of(fandol_face.get(), sample_text);
  CHECK(read_cid_font(copy_subset(fandol.bytes, fandol_glyphs).bytes).font_dicts.size() == 1);

  // The flattened Noto subset has several: the glyphs of each alone keep that one and the one
  // .notdef selects.
  const cid_font src = read_cid_font(noto_flat_cff());
  REQUIRE(src.font_dicts.size() >= 4);
  const unsigned notdef_fd = src.fd_of_glyph[0];
  for (unsigned fd = 0; fd < src.font_dicts.size(); ++fd) {
    INFO("Font DICT " << fd << " of " << src.font_dicts.size() << "; .notdef selects "
                      << notdef_fd);
    std::vector<uint32_t> glyphs;
    for (unsigned g = src.info.glyph_count - 1; g > 0; --g)
      if (src.fd_of_glyph[g] == fd) glyphs.push_back(g);
    REQUIRE_FALSE(glyphs.empty());
    const cff::copied_subset out = copy_subset(src.bytes, glyphs);
    check_copy(src, glyphs, out);
    check_drawn(src, glyphs, out);
    CHECK(read_cid_font(out.bytes).font_dicts.size() == (fd == notdef_fd ? 1u : 2u));
  }

  // Glyphs of two Font DICTs besides .notdef's keep three.
  std::vector<uint32_t> glyphs;
  std::set<unsigned> fds = {notdef_fd};
  for (unsigned g = 1; g < src.info.glyph_count && fds.size() < 3; ++g)
    if (fds.insert(src.fd_of_glyph[g]).second) glyphs.push_back(g);
  REQUIRE(glyphs.size() == 2);
  const cff::copied_subset out = copy_subset(src.bytes, glyphs);
  check_copy(src, glyphs, out);
  CHECK(read_cid_font(out.bytes).font_dicts.size() == 3);
}

TEST_CASE("cff subset_by_copy: a glyph beyond the font is refused", "[cff]") {
  const std::vector<uint8_t> bytes = whole_cff(fandol_path);
  cff::cff_info info;
  std::string error;
  REQUIRE(cff::parse(bytes.data(), bytes.size(), info, error));
  for (uint32_t beyond :
       {info.glyph_count, info.glyph_count + 7, std::numeric_limits<uint32_t>::max()}) {
    INFO("glyph " << beyond << " of " << info.glyph_count);
    cff::copied_subset out;
    out.bytes = {1, 2, 3};
    out.cids = {7};
    error.clear();
    CHECK_FALSE(cff::subset_by_copy(bytes.data(), bytes.size(), {1, beyond, 2}, out, error));
    CHECK(error.find("beyond") != std::string::npos);
    CHECK(out.bytes.empty());
    CHECK(out.cids.empty());
    CHECK(out.info.glyph_count == 0);
  }
  // The last glyph is not beyond.
  cff::copied_subset out;
  CHECK(cff::subset_by_copy(bytes.data(), bytes.size(), {info.glyph_count - 1}, out, error));
}

TEST_CASE("cff subset_by_copy: fonts that are not copyable are refused with an error", "[cff]") {
  const std::vector<uint8_t> name_keyed = synthetic_name_keyed_font();
  cff::copied_subset out;
  std::string error;
  CHECK_FALSE(cff::subset_by_copy(name_keyed.data(), name_keyed.size(), {1}, out, error));
  CHECK_FALSE(error.empty());
  CHECK(out.bytes.empty());

  std::vector<uint8_t> cid;
  REQUIRE(cff::to_cid_keyed(name_keyed.data(), name_keyed.size(), cid, error));
  error.clear();
  CHECK_FALSE(cff::subset_by_copy(cid.data(), cid.size(), {1}, out, error));
  CHECK(error.find("subroutines") != std::string::npos);

  const std::vector<uint8_t> noto = whole_cff(noto_path);
  REQUIRE(cff::has_subroutines(noto.data(), noto.size()));
  error.clear();
  CHECK_FALSE(cff::subset_by_copy(noto.data(), noto.size(), {1}, out, error));
  CHECK(error.find("subroutines") != std::string::npos);

  error.clear();
  CHECK_FALSE(cff::subset_by_copy(nullptr, 0, {}, out, error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("cff subset_by_copy: every truncation is refused with an error", "[cff]") {
  // hb-subset's FandolFang subset, a copied subset of it, and the flattened Noto subset (FDSelect,
  // several Font DICTs): every length.
  const std::vector<uint8_t> fandol_sub = fandol_subset_cff();
  std::vector<uint32_t> all;
  {
    cff::cff_info info;
    std::string error;
    REQUIRE(cff::parse(fandol_sub.data(), fandol_sub.size(), info, error));
    for (uint32_t g = 1; g < info.glyph_count; ++g) all.push_back(g);
  }
  check_truncations(fandol_sub, every_length(fandol_sub.size()), all);
  const std::vector<uint8_t> copied = copy_subset(fandol_sub, {all[1], all[3]}).bytes;
  check_truncations(copied, every_length(copied.size()), {1});
  const std::vector<uint8_t> noto = noto_flat_cff();
  check_truncations(noto, every_length(noto.size()), {1, 2, 3});

  // The whole FandolFang: its first 4096 lengths, then 400 spread over the rest and the last 64.
  const std::vector<uint8_t> fandol = whole_cff(fandol_path);
  REQUIRE(fandol.size() > 8192);
  std::vector<size_t> lengths = every_length(4096);
  for (size_t i = 0; i < 400; ++i) lengths.push_back(4096 + (fandol.size() - 4096) * i / 400);
  for (size_t n = 64; n > 0; --n) lengths.push_back(fandol.size() - n);
  check_truncations(fandol, lengths, {1, 4559});
}

TEST_CASE("cff subset_by_copy: mutated fonts never crash", "[cff]") {
  const std::vector<uint8_t> bytes = fandol_subset_cff();
  std::mt19937 random(/*seed=*/9704);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<size_t> position(0, bytes.size() - 1);
  const std::vector<uint32_t> glyphs = {3, 1, 2};
  for (int round = 0; round < 3000; ++round) {
    std::vector<uint8_t> mutated = bytes;
    for (int k = 0; k <= round % 4; ++k)
      mutated[position(random)] = static_cast<uint8_t>(byte(random));
    cff::copied_subset out;
    std::string error;
    if (cff::subset_by_copy(mutated.data(), mutated.size(), glyphs, out, error)) {
      cff::cff_info info;
      REQUIRE(cff::parse(out.bytes.data(), out.bytes.size(), info, error));
      CHECK(info.cid_keyed);
      CHECK(info.glyph_count == 4);
      CHECK(out.cids.size() == glyphs.size());
    } else {
      CHECK_FALSE(error.empty());
      CHECK(out.bytes.empty());
    }
  }
}

TEST_CASE("cff subset_by_copy: hints are left out as hb-subset leaves them out", "[cff]") {
  const hb_ptr<hb_face_t> face = open_face(fandol_path, 0);
  REQUIRE(face);
  const cid_font src = read_cid_font(cff_table(face.get()));
  const std::vector<uint32_t> glyphs = glyphs_of(face.get(), sample_text);
  const cff::copied_subset out = copy_subset(src.bytes, glyphs);
  CHECK(out.bytes.size() <
        hongtou::test::cff_table(subset(face.get(), sample_text, HB_SUBSET_FLAGS_DEFAULT).get())
            .size());
  // hb-subset without hints, keeping the glyph ids: its charstring of each old glyph.
  const cid_font hintless = read_cid_font(cff_table(
      subset(face.get(), sample_text, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_RETAIN_GIDS)
          .get()));
  const cid_font sub = read_cid_font(out.bytes);
  const std::vector<uint32_t> old = kept(glyphs);
  for (unsigned k = 0; k < old.size(); ++k) {
    INFO("new glyph " << k << ", old glyph " << old[k]);
    CHECK(sub.charstring(k) == hintless.charstring(old[k]));
    if (k > 0) CHECK(sub.charstring(k).size() < src.charstring(old[k]).size());  // .notdef has none
  }
}
