// SPDX-License-Identifier: Apache-2.0
// The validating CFF parser: INDEX, DICT, charset, Encoding, FDSelect and Private DICT readers,
// and parse(). Section and table numbers refer to Adobe Technical Note #5176 (CFF, 4 Dec 2003).
#include "fonts/cff.hpp"

#include <utility>

#include "fonts/cff_format.hpp"

namespace hongtou::fonts::cff {
namespace detail {

bool fail(std::string& error, const std::string& message) {
  error = "CFF: " + message;
  return false;
}

bool read_index(const input& in, size_t pos, const std::string& what, index_view& ix,
                std::string& error) {
  ix = index_view{};
  ix.bytes.begin = pos;
  if (!in.has(pos, 2)) return fail(error, what + " INDEX: count out of bounds");
  ix.count = in.u16(pos);
  if (ix.count == 0) {
    ix.bytes.end = pos + 2;
    return true;
  }
  if (!in.has(pos + 2, 1)) return fail(error, what + " INDEX: offSize out of bounds");
  ix.off_size = in.u8(pos + 2);
  if (ix.off_size < 1 || ix.off_size > 4)
    return fail(error, what + " INDEX: offSize " + std::to_string(ix.off_size) + " not in 1..4");
  ix.offsets = pos + 3;
  const size_t n_offsets = size_t{ix.count} + 1;
  if (!in.has(ix.offsets, n_offsets * ix.off_size))
    return fail(error, what + " INDEX: offset array out of bounds");
  ix.data_base = ix.offsets + n_offsets * ix.off_size - 1;
  uint32_t previous = 0;
  for (size_t i = 0; i < n_offsets; ++i) {
    const uint32_t off = in.uint(ix.offsets + i * ix.off_size, ix.off_size);
    if (i == 0 && off != 1) return fail(error, what + " INDEX: first offset is not 1");
    if (off < previous) return fail(error, what + " INDEX: offsets not ascending");
    previous = off;
  }
  if (!in.has(ix.data_base, previous)) return fail(error, what + " INDEX: data out of bounds");
  ix.bytes.end = ix.data_base + previous;
  return true;
}

// Entry i (< count) of a checked INDEX.
range index_entry(const input& in, const index_view& ix, unsigned i) {
  const size_t at = ix.offsets + size_t{i} * ix.off_size;
  return {ix.data_base + in.uint(at, ix.off_size),
          ix.data_base + in.uint(at + ix.off_size, ix.off_size)};
}

bool read_dict(const input& in, range r, const std::string& what, dict& d, std::string& error) {
  d.clear();
  std::vector<operand> stack;
  size_t start = r.begin;
  size_t pos = r.begin;
  // Operand of `n` bytes after the first one.
  auto need = [&](size_t n) { return n < r.end - pos; };
  while (pos < r.end) {
    const unsigned b0 = in.u8(pos);
    if (b0 <= 21) {
      uint16_t op = static_cast<uint16_t>(b0);
      if (b0 == 12) {
        if (!need(1)) return fail(error, what + " DICT: truncated two-byte operator");
        op = escaped(in.u8(pos + 1));
        ++pos;
      }
      ++pos;
      d.push_back({op, std::move(stack), {start, pos}});
      stack.clear();
      start = pos;
      continue;
    }
    operand v;
    if (b0 == 28) {
      if (!need(2)) return fail(error, what + " DICT: truncated operand");
      v.value = static_cast<int16_t>(in.u16(pos + 1));
      pos += 3;
    } else if (b0 == 29) {
      if (!need(4)) return fail(error, what + " DICT: truncated operand");
      v.value = static_cast<int32_t>(in.uint(pos + 1, 4));
      pos += 5;
    } else if (b0 == 30) {
      // Real: nibbles up to and including the 0xf end nibble (Table 5).
      v.is_int = false;
      for (bool done = false; !done;) {
        ++pos;
        if (pos >= r.end) return fail(error, what + " DICT: unterminated real operand");
        const unsigned b = in.u8(pos);
        done = (b >> 4) == 0xf || (b & 0xf) == 0xf;
      }
      ++pos;
    } else if (b0 >= 32 && b0 <= 246) {
      v.value = static_cast<int32_t>(b0) - 139;
      ++pos;
    } else if (b0 >= 247 && b0 <= 254) {
      if (!need(1)) return fail(error, what + " DICT: truncated operand");
      const unsigned high = b0 <= 250 ? b0 - 247 : b0 - 251;
      const auto magnitude = static_cast<int32_t>(high * 256 + in.u8(pos + 1) + 108);
      v.value = b0 <= 250 ? magnitude : -magnitude;
      pos += 2;
    } else {
      return fail(error, what + " DICT: reserved byte " + std::to_string(b0));
    }
    stack.push_back(v);
  }
  if (!stack.empty()) return fail(error, what + " DICT: operands without operator at the end");
  return true;
}

namespace {

// Integer operand i of entry e into v; false when it is missing or a real.
bool int_operand(const dict_entry& e, size_t i, int32_t& v) {
  if (i >= e.operands.size() || !e.operands[i].is_int) return false;
  v = e.operands[i].value;
  return true;
}

}  // namespace

const dict_entry* find(const dict& d, uint16_t op) {
  for (const auto& e : d)
    if (e.op == op) return &e;
  return nullptr;
}

bool offset_operand(const dict& d, uint16_t op, const std::string& what, size_t fallback, size_t& v,
                    bool& present, std::string& error) {
  const dict_entry* e = find(d, op);
  present = e != nullptr;
  v = fallback;
  if (!e) return true;
  int32_t x = 0;
  if (e->operands.size() != 1 || !int_operand(*e, 0, x) || x < 0)
    return fail(error, what + ": bad operand");
  v = static_cast<size_t>(x);
  return true;
}

namespace {

// The string for a SID: custom strings only; standard strings (SID < 391) come back empty.
bool sid_string(const input& in, const index_view& strings, int32_t sid, std::string& s,
                std::string& error) {
  s.clear();
  if (sid < 0) return fail(error, "negative SID");
  if (static_cast<unsigned>(sid) < n_standard_strings) return true;
  const unsigned i = static_cast<unsigned>(sid) - n_standard_strings;
  if (i >= strings.count) return fail(error, "SID " + std::to_string(sid) + " beyond String INDEX");
  const range r = index_entry(in, strings, i);
  s.assign(reinterpret_cast<const char*>(in.at(r.begin)), r.size());
  return true;
}

// Charset (section 13) at pos for n glyphs into ids (gid 0 -> 0).
bool read_charset(const input& in, size_t pos, unsigned n, std::vector<uint16_t>& ids,
                  std::string& error) {
  ids.assign(n, 0);
  if (!in.has(pos, 1)) return fail(error, "charset out of bounds");
  const unsigned format = in.u8(pos++);
  if (format == 0) {
    if (!in.has(pos, size_t{n - 1} * 2)) return fail(error, "charset format 0 out of bounds");
    for (unsigned g = 1; g < n; ++g, pos += 2) ids[g] = static_cast<uint16_t>(in.u16(pos));
    return true;
  }
  if (format != 1 && format != 2)
    return fail(error, "charset format " + std::to_string(format) + " unknown");
  const size_t left_size = format == 1 ? 1 : 2;
  for (unsigned g = 1; g < n;) {
    if (!in.has(pos, 2 + left_size)) return fail(error, "charset range out of bounds");
    const uint32_t first = in.u16(pos);
    const uint32_t n_left = in.uint(pos + 2, static_cast<unsigned>(left_size));
    pos += 2 + left_size;
    for (uint32_t k = 0; k <= n_left && g < n; ++k) {
      if (first + k > 0xffff) return fail(error, "charset range beyond 65535");
      ids[g++] = static_cast<uint16_t>(first + k);
    }
  }
  return true;
}

// Custom Encoding (section 12): only checked, a CID-keyed font has none.
bool check_encoding(const input& in, size_t pos, std::string& error) {
  if (!in.has(pos, 2)) return fail(error, "Encoding out of bounds");
  const unsigned format = in.u8(pos);
  const unsigned n = in.u8(pos + 1);
  pos += 2;
  if ((format & 0x7f) == 0) {
    pos += n;
  } else if ((format & 0x7f) == 1) {
    pos += size_t{n} * 2;
  } else {
    return fail(error, "Encoding format " + std::to_string(format & 0x7f) + " unknown");
  }
  if (format & 0x80) {
    if (!in.has(pos, 1)) return fail(error, "Encoding supplements out of bounds");
    pos += 1 + size_t{in.u8(pos)} * 3;
  }
  if (pos > in.size()) return fail(error, "Encoding out of bounds");
  return true;
}

}  // namespace

bool read_fd_select(const input& in, size_t pos, unsigned n_glyphs, unsigned n_fds,
                    std::vector<uint8_t>& fds, std::string& error) {
  fds.clear();
  if (!in.has(pos, 1)) return fail(error, "FDSelect out of bounds");
  const unsigned format = in.u8(pos++);
  if (format == 0) {
    if (!in.has(pos, n_glyphs)) return fail(error, "FDSelect format 0 out of bounds");
    fds.assign(in.at(pos), in.at(pos + n_glyphs));
    for (uint8_t fd : fds)
      if (fd >= n_fds) return fail(error, "FDSelect selects a missing Font DICT");
    return true;
  }
  if (format != 3) return fail(error, "FDSelect format " + std::to_string(format) + " unknown");
  if (!in.has(pos, 2)) return fail(error, "FDSelect out of bounds");
  const unsigned n_ranges = in.u16(pos);
  pos += 2;
  if (n_ranges == 0 || !in.has(pos, size_t{n_ranges} * 3 + 2))
    return fail(error, "FDSelect ranges out of bounds");
  fds.reserve(n_glyphs);
  for (unsigned i = 0; i < n_ranges; ++i, pos += 3) {
    const unsigned first = in.u16(pos);
    const unsigned fd = in.u8(pos + 2);
    const unsigned next = in.u16(pos + 3);  // the next range's first glyph, or the sentinel
    if (i == 0 && first != 0) return fail(error, "FDSelect ranges not ascending from 0");
    if (next <= first) return fail(error, "FDSelect ranges not ascending from 0");
    if (fd >= n_fds) return fail(error, "FDSelect selects a missing Font DICT");
    for (unsigned g = first; g < next && g < n_glyphs; ++g) fds.push_back(static_cast<uint8_t>(fd));
  }
  if (fds.size() < n_glyphs) return fail(error, "FDSelect sentinel does not cover all glyphs");
  return true;
}

namespace {

// Header and the four INDEXes that follow it (sections 6-10), the font name and the Top DICT.
bool load_front(const input& in, font_view& f, cff_info& info, std::string& error) {
  if (!in.has(0, 4)) return fail(error, "header out of bounds");
  if (in.u8(0) != 1)
    return fail(error, "major version " + std::to_string(in.u8(0)) + " not supported (CFF2?)");
  const unsigned header_size = in.u8(2);
  if (header_size < 4 || in.u8(3) > 4) return fail(error, "bad header");
  if (!read_index(in, header_size, "Name", f.names, error) ||
      !read_index(in, f.names.bytes.end, "Top DICT", f.top_dicts, error) ||
      !read_index(in, f.top_dicts.bytes.end, "String", f.strings, error) ||
      !read_index(in, f.strings.bytes.end, "Global Subr", f.global_subrs, error))
    return false;
  if (f.names.count == 0 || f.top_dicts.count == 0) return fail(error, "empty FontSet");
  const range name = index_entry(in, f.names, 0);
  info.font_name.assign(reinterpret_cast<const char*>(in.at(name.begin)), name.size());
  return read_dict(in, index_entry(in, f.top_dicts, 0), "Top", f.top, error);
}

// Top DICT data shared by both kinds (section 9): CharstringType and CharStrings.
bool load_charstrings(const input& in, font_view& f, cff_info& info, std::string& error) {
  const dict_entry* type = find(f.top, op_charstring_type);
  int32_t charstring_type = 2;
  if (type && (type->operands.size() != 1 || !int_operand(*type, 0, charstring_type)))
    return fail(error, "CharstringType: bad operand");
  if (charstring_type != 2)
    return fail(error, "CharstringType " + std::to_string(charstring_type) + " not supported");
  size_t pos = 0;
  bool present = false;
  if (!offset_operand(f.top, op_charstrings, "CharStrings", 0, pos, present, error)) return false;
  if (!present) return fail(error, "no CharStrings");
  if (!read_index(in, pos, "CharStrings", f.charstrings, error)) return false;
  if (f.charstrings.count == 0) return fail(error, "CharStrings INDEX is empty");
  info.glyph_count = f.charstrings.count;
  return true;
}

// Name-keyed: predefined charsets (0..2) and encodings (0..1) need no data.
bool load_name_keyed(const input& in, font_view& f, const cff_info& info, size_t charset,
                     std::string& error) {
  std::vector<uint16_t> sids;
  if (charset > 2 && !read_charset(in, charset, info.glyph_count, sids, error)) return false;
  size_t encoding = 0;
  bool present = false;
  if (!offset_operand(f.top, op_encoding, "Encoding", 0, encoding, present, error)) return false;
  if (encoding > 1 && !check_encoding(in, encoding, error)) return false;
  return read_private(in, f.top, "Top", f.priv, error);
}

// ROS (section 18): Registry and Ordering strings and the Supplement.
bool load_ros(const input& in, const font_view& f, const dict_entry& ros, cff_info& info,
              std::string& error) {
  int32_t registry = 0;
  int32_t ordering = 0;
  int32_t supplement = 0;
  if (ros.operands.size() != 3 || !int_operand(ros, 0, registry) ||
      !int_operand(ros, 1, ordering) || !int_operand(ros, 2, supplement))
    return fail(error, "ROS: bad operands");
  if (!sid_string(in, f.strings, registry, info.registry, error) ||
      !sid_string(in, f.strings, ordering, info.ordering, error))
    return false;
  info.supplement = supplement;
  return true;
}

// FDArray (section 19): every Font DICT and its Private DICT; n_fds is their number.
bool load_fd_array(const input& in, const font_view& f, unsigned& n_fds, std::string& error) {
  size_t fd_array_pos = 0;
  bool present = false;
  if (!offset_operand(f.top, op_fd_array, "FDArray", 0, fd_array_pos, present, error)) return false;
  if (!present) return fail(error, "CID-keyed font without FDArray");
  index_view fd_array;
  if (!read_index(in, fd_array_pos, "FDArray", fd_array, error)) return false;
  if (fd_array.count == 0) return fail(error, "FDArray INDEX is empty");
  for (unsigned i = 0; i < fd_array.count; ++i) {
    const std::string what = "Font DICT " + std::to_string(i);
    dict font_dict;
    private_view priv;
    if (!read_dict(in, index_entry(in, fd_array, i), what, font_dict, error) ||
        !read_private(in, font_dict, what, priv, error))
      return false;
  }
  n_fds = fd_array.count;
  return true;
}

// CID-keyed (sections 18-19): ROS strings, a custom charset, FDArray and FDSelect.
bool load_cid_keyed(const input& in, const font_view& f, const dict_entry& ros, size_t charset,
                    cff_info& info, std::string& error) {
  if (!load_ros(in, f, ros, info, error)) return false;
  if (charset <= 2) return fail(error, "CID-keyed font without a custom charset");
  if (!read_charset(in, charset, info.glyph_count, info.gid_to_cid, error)) return false;
  unsigned n_fds = 0;
  if (!load_fd_array(in, f, n_fds, error)) return false;
  size_t fd_select = 0;
  bool present = false;
  if (!offset_operand(f.top, op_fd_select, "FDSelect", 0, fd_select, present, error)) return false;
  std::vector<uint8_t> fds;
  if (present && !read_fd_select(in, fd_select, info.glyph_count, n_fds, fds, error)) return false;
  return true;
}

}  // namespace

bool read_private(const input& in, const dict& owner, const std::string& what, private_view& p,
                  std::string& error) {
  p = private_view{};
  const dict_entry* e = find(owner, op_private);
  if (!e) return true;
  int32_t size = 0;
  int32_t offset = 0;
  if (e->operands.size() != 2 || !int_operand(*e, 0, size) || !int_operand(*e, 1, offset) ||
      size < 0 || offset < 0)
    return fail(error, what + " Private: bad operands");
  if (!in.has(static_cast<size_t>(offset), static_cast<size_t>(size)))
    return fail(error, what + " Private DICT out of bounds");
  p.present = true;
  p.bytes = {static_cast<size_t>(offset), static_cast<size_t>(offset) + static_cast<size_t>(size)};
  if (!read_dict(in, p.bytes, what + " Private", p.entries, error)) return false;
  size_t subrs = 0;
  if (!offset_operand(p.entries, op_subrs, what + " Subrs", 0, subrs, p.has_subrs, error))
    return false;
  if (p.has_subrs) {
    if (subrs > in.size() - p.bytes.begin) return fail(error, what + " Subrs out of bounds");
    if (!read_index(in, p.bytes.begin + subrs, what + " Subrs", p.subrs, error)) return false;
  }
  return true;
}

bool load(const input& in, font_view& f, cff_info& info, std::string& error) {
  f = font_view{};
  info = cff_info{};
  error.clear();
  if (!load_front(in, f, info, error) || !load_charstrings(in, f, info, error)) return false;
  const dict_entry* ros = find(f.top, op_ros);
  info.cid_keyed = ros != nullptr;
  size_t charset = 0;
  bool present = false;
  if (!offset_operand(f.top, op_charset, "charset", 0, charset, present, error)) return false;
  if (!info.cid_keyed) return load_name_keyed(in, f, info, charset, error);
  return load_cid_keyed(in, f, *ros, charset, info, error);
}

// True when the font has global Subrs, or local Subrs in the Private DICT
// (name-keyed) or in any Font DICT's (CID-keyed); true too when the front
// of the font cannot be read, the cautious answer.
bool any_subroutines(const input& in) {
  font_view f;
  cff_info info;
  std::string error;
  if (!load_front(in, f, info, error)) return true;
  if (f.global_subrs.count > 0) return true;
  std::vector<dict> owners;
  size_t pos = 0;
  bool cid = false;
  if (!offset_operand(f.top, op_fd_array, "FDArray", 0, pos, cid, error)) return true;
  if (cid) {
    index_view fd_array;
    if (!read_index(in, pos, "FDArray", fd_array, error)) return true;
    for (unsigned i = 0; i < fd_array.count; ++i) {
      owners.emplace_back();
      if (!read_dict(in, index_entry(in, fd_array, i), "Font DICT", owners.back(), error))
        return true;
    }
  } else {
    owners.push_back(f.top);
  }
  for (const dict& owner : owners) {
    private_view priv;
    if (!read_private(in, owner, "Private", priv, error)) return true;
    if (priv.has_subrs && priv.subrs.count > 0) return true;
  }
  return false;
}

}  // namespace detail

bool parse(const uint8_t* data, size_t size, cff_info& out, std::string& error) {
  detail::font_view f;
  return detail::load(detail::input(data, size), f, out, error);
}

bool has_subroutines(const uint8_t* data, size_t size) {
  return detail::any_subroutines(detail::input(data, size));
}

}  // namespace hongtou::fonts::cff
