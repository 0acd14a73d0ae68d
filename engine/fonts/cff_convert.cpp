// SPDX-License-Identifier: Apache-2.0
// The name-keyed -> CID-keyed CFF converter, to_cid_keyed(). Section and table numbers refer to
// Adobe Technical Note #5176 (CFF, 4 Dec 2003).
#include "fonts/cff.hpp"

#include <initializer_list>
#include <limits>
#include <utility>

#include "fonts/cff_format.hpp"

namespace hongtou::fonts::cff {
using namespace detail;

namespace {

using detail::make_index;  // beside the one-item overload below

std::vector<uint8_t> make_index(const std::vector<uint8_t>& item) {
  return make_index({{item.data(), item.size()}});
}

// Top DICT entries of a name-keyed font that stay valid in the CID-keyed one: name strings,
// metrics, FontMatrix and FontBBox. Offsets, Encoding and the UniqueID/XUID of the original
// (not of this subset) are dropped.
bool keep_in_cid_top(uint16_t op) {
  switch (op) {
    case 0:            // version
    case 1:            // Notice
    case 2:            // FullName
    case 3:            // FamilyName
    case 4:            // Weight
    case 5:            // FontBBox
    case escaped(0):   // Copyright
    case escaped(1):   // isFixedPitch
    case escaped(2):   // ItalicAngle
    case escaped(3):   // UnderlinePosition
    case escaped(4):   // UnderlineThickness
    case escaped(5):   // PaintType
    case escaped(6):   // CharstringType
    case escaped(7):   // FontMatrix
    case escaped(8):   // StrokeWidth
    case escaped(21):  // PostScript
    case escaped(22):  // BaseFontName
    case escaped(23):  // BaseFontBlend
      return true;
    default:
      return false;
  }
}

// Where the converted font's parts land: what its Top DICT points to, and the Private DICT.
struct cid_layout {
  size_t charset = 0;
  size_t fd_select = 0;
  size_t charstrings = 0;
  size_t fd_array = 0;
  size_t private_dict = 0;  // the Font DICT's Private; not in the Top DICT
};

// The parts of the converted font that do not depend on where they land.
struct cid_parts {
  unsigned glyph_count = 0;
  int32_t sid_registry = 0;  // "Adobe"; "Identity" and the FontName follow it
  std::vector<uint8_t> string_index;
  std::vector<uint8_t> priv;
  std::vector<uint8_t> charset;
  std::vector<uint8_t> fd_select;
};

// Loads a font and checks that it is one name-keyed font of a convertible size.
bool load_convertible(const input& in, font_view& f, cff_info& info, std::string& error) {
  if (!load(in, f, info, error)) return false;
  if (info.cid_keyed) return fail(error, "font is already CID-keyed");
  if (f.names.count != 1 || f.top_dicts.count != 1)
    return fail(error, "FontSet with more than one font not supported");
  // Keeps every offset of the output within the int32 operands of op 29.
  if (in.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max() / 2))
    return fail(error, "font too large");
  return true;
}

// String INDEX: the input's strings, then "Adobe", "Identity" and the Font DICT's FontName.
bool make_strings(const input& in, const font_view& f, const cff_info& info, cid_parts& p,
                  std::string& error) {
  if (f.strings.count + 3 > 0xffff - n_standard_strings) return fail(error, "String INDEX full");
  const std::string registry = "Adobe";
  const std::string ordering = "Identity";
  std::vector<std::pair<const uint8_t*, size_t>> strings;
  for (unsigned i = 0; i < f.strings.count; ++i) {
    const range r = index_entry(in, f.strings, i);
    strings.emplace_back(in.at(r.begin), r.size());
  }
  for (const std::string* s :
       std::initializer_list<const std::string*>{&registry, &ordering, &info.font_name})
    strings.emplace_back(reinterpret_cast<const uint8_t*>(s->data()), s->size());
  p.sid_registry = static_cast<int32_t>(n_standard_strings + f.strings.count);
  p.string_index = make_index(strings);
  return true;
}

// Private DICT: the input's, with Subrs pointing right behind it.
std::vector<uint8_t> make_private(const input& in, const private_view& input_priv) {
  std::vector<uint8_t> priv;
  for (const auto& e : input_priv.entries)
    if (e.op != op_subrs) put_bytes(priv, in, e.bytes);
  if (input_priv.has_subrs) {
    put_int5(priv, priv.size() + 6);  // this entry is 6 bytes long
    put_op(priv, op_subrs);
  }
  return priv;
}

// charset CID = GID: format 2, one range 1..n-1 (format 0, empty, for .notdef alone).
std::vector<uint8_t> make_charset(unsigned n) {
  std::vector<uint8_t> charset;
  if (n >= 2) {
    put_u8(charset, 2);
    put_u16(charset, 1);
    put_u16(charset, n - 2);
  } else {
    put_u8(charset, 0);
  }
  return charset;
}

// FDSelect format 3: one range, all glyphs -> FD 0.
std::vector<uint8_t> make_fd_select(unsigned n) {
  std::vector<uint8_t> fd_select;
  put_u8(fd_select, 3);
  put_u16(fd_select, 1);
  put_u16(fd_select, 0);
  put_u8(fd_select, 0);
  put_u16(fd_select, n);
  return fd_select;
}

// The one Font DICT: FontName and the Private DICT at private_offset.
std::vector<uint8_t> make_font_dict(const cid_parts& p, size_t private_offset) {
  std::vector<uint8_t> d;
  put_int(d, p.sid_registry + 2);
  put_op(d, op_font_name);
  put_int5(d, p.priv.size());
  put_int5(d, private_offset);
  put_op(d, op_private);
  return d;
}

// The Top DICT: ROS, the kept entries of the input's, CIDCount and the offsets of `at`.
std::vector<uint8_t> make_top_dict(const input& in, const font_view& f, const cid_parts& p,
                                   const cid_layout& at) {
  std::vector<uint8_t> d;
  put_int(d, p.sid_registry);
  put_int(d, p.sid_registry + 1);
  put_int(d, /*supplement=*/0);
  put_op(d, op_ros);  // ROS must come first (section 18)
  for (const auto& e : f.top)
    if (keep_in_cid_top(e.op)) put_bytes(d, in, e.bytes);
  put_int(d, static_cast<int32_t>(p.glyph_count));
  put_op(d, op_cid_count);
  put_cid_offsets(d, at.charset, at.fd_select, at.charstrings, at.fd_array);
  return d;
}

// Layout: header, Name, Top DICT, String, Global Subr INDEXes, charset, FDSelect, CharStrings,
// FDArray, Private DICT, local Subrs. DICT sizes do not depend on the offsets they hold.
cid_layout place(const font_view& f, const cid_parts& p, size_t top_index_size) {
  cid_layout at;
  at.charset = 4 + f.names.bytes.size() + top_index_size + p.string_index.size() +
               f.global_subrs.bytes.size();
  at.fd_select = at.charset + p.charset.size();
  at.charstrings = at.fd_select + p.fd_select.size();
  at.fd_array = at.charstrings + f.charstrings.bytes.size();
  at.private_dict = at.fd_array + make_index(make_font_dict(p, 0)).size();
  return at;
}

// Writes the converted font laid out as `at` into out; returns the size of its Top DICT INDEX.
size_t write_font(const input& in, const font_view& f, const cid_parts& p, const cid_layout& at,
                  std::vector<uint8_t>& out) {
  out.reserve(at.private_dict + p.priv.size() + f.priv.subrs.bytes.size());
  put_u8(out, 1);  // major
  put_u8(out, 0);  // minor
  put_u8(out, 4);  // hdrSize
  put_u8(out, 4);  // offSize
  put_bytes(out, in, f.names.bytes);
  const std::vector<uint8_t> top_index = make_index(make_top_dict(in, f, p, at));
  out.insert(out.end(), top_index.begin(), top_index.end());
  out.insert(out.end(), p.string_index.begin(), p.string_index.end());
  put_bytes(out, in, f.global_subrs.bytes);
  out.insert(out.end(), p.charset.begin(), p.charset.end());
  out.insert(out.end(), p.fd_select.begin(), p.fd_select.end());
  put_bytes(out, in, f.charstrings.bytes);
  const std::vector<uint8_t> fd_array = make_index(make_font_dict(p, at.private_dict));
  out.insert(out.end(), fd_array.begin(), fd_array.end());
  out.insert(out.end(), p.priv.begin(), p.priv.end());
  if (f.priv.has_subrs) put_bytes(out, in, f.priv.subrs.bytes);
  return top_index.size();
}

// True when out parses as a CID-keyed font of n glyphs; else check_error says why (or is empty).
bool parses_as_cid_keyed(const std::vector<uint8_t>& out, unsigned n, std::string& check_error) {
  cff_info check;
  return parse(out.data(), out.size(), check, check_error) && check.cid_keyed &&
         check.glyph_count == n;
}

}  // namespace

bool to_cid_keyed(const uint8_t* data, size_t size, std::vector<uint8_t>& out, std::string& error) {
  out.clear();
  const input in(data, size);
  font_view f;
  cff_info info;
  if (!load_convertible(in, f, info, error)) return false;
  cid_parts p;
  p.glyph_count = info.glyph_count;
  if (!make_strings(in, f, info, p, error)) return false;
  p.priv = make_private(in, f.priv);
  p.charset = make_charset(p.glyph_count);
  p.fd_select = make_fd_select(p.glyph_count);

  const size_t top_index_size = make_index(make_top_dict(in, f, p, cid_layout{})).size();
  const cid_layout at = place(f, p, top_index_size);
  const size_t written_top_index_size = write_font(in, f, p, at, out);

  // Self-check: the layout holds and the result parses as the CID-keyed twin of the input.
  const size_t expected_size = at.private_dict + p.priv.size() + f.priv.subrs.bytes.size();
  std::string check_error;
  const bool ok = written_top_index_size == top_index_size && out.size() == expected_size &&
                  parses_as_cid_keyed(out, p.glyph_count, check_error);
  if (!ok) {
    out.clear();
    return fail(error, "internal error: converted font does not check (" + check_error + ")");
  }
  return true;
}

}  // namespace hongtou::fonts::cff
