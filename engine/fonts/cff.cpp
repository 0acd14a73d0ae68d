#include "fonts/cff.hpp"

#include <initializer_list>
#include <limits>
#include <utility>

// Section and table numbers below refer to Adobe Technical Note #5176 (CFF, 4 Dec 2003).
namespace hongtou::fonts::cff {
namespace {

// DICT operators (Tables 9, 10, 23); two-byte operators are 0x0c00 | second byte.
constexpr uint16_t escaped(unsigned b) {
  return static_cast<uint16_t>(0x0c00u | b);
}
constexpr uint16_t op_charset = 15;
constexpr uint16_t op_encoding = 16;
constexpr uint16_t op_charstrings = 17;
constexpr uint16_t op_private = 18;
constexpr uint16_t op_subrs = 19;
constexpr uint16_t op_charstring_type = escaped(6);
constexpr uint16_t op_ros = escaped(30);
constexpr uint16_t op_cid_count = escaped(34);
constexpr uint16_t op_fd_array = escaped(36);
constexpr uint16_t op_fd_select = escaped(37);
constexpr uint16_t op_font_name = escaped(38);

// SIDs below this name the standard strings (Appendix A); custom strings follow.
constexpr unsigned n_standard_strings = 391;

bool fail(std::string& error, const std::string& message) {
  error = "CFF: " + message;
  return false;
}

// A half-open byte range [begin, end) of the input.
struct range {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
};

// The input bytes; every read is preceded by a has() check.
class input {
 public:
  input(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  size_t size() const { return size_; }
  const uint8_t* at(size_t pos) const { return data_ + pos; }
  // True when [pos, pos + n) lies inside the input.
  bool has(size_t pos, size_t n) const { return pos <= size_ && n <= size_ - pos; }
  unsigned u8(size_t pos) const { return data_[pos]; }
  unsigned u16(size_t pos) const { return (u8(pos) << 8) | u8(pos + 1); }
  // Big-endian unsigned integer of n (1..4) bytes.
  uint32_t uint(size_t pos, unsigned n) const {
    uint32_t v = 0;
    for (unsigned i = 0; i < n; ++i) v = (v << 8) | u8(pos + i);
    return v;
  }

 private:
  const uint8_t* data_;
  size_t size_;
};

// An INDEX (section 5) whose offsets have been checked to be ascending and in bounds.
struct index_view {
  range bytes;  // the whole INDEX, count field included
  unsigned count = 0;
  unsigned off_size = 0;
  size_t offsets = 0;    // position of the offset array
  size_t data_base = 0;  // offset k (1-based) addresses data_base + k
};

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

// One DICT operand (section 4); reals are recognised but their value is not needed here.
struct operand {
  bool is_int = true;
  int32_t value = 0;
};

// One operator with its operands; `bytes` covers both, as they appear in the input.
struct dict_entry {
  uint16_t op = 0;
  std::vector<operand> operands;
  range bytes;
};

using dict = std::vector<dict_entry>;

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

const dict_entry* find(const dict& d, uint16_t op) {
  for (const auto& e : d)
    if (e.op == op) return &e;
  return nullptr;
}

// Integer operand i of entry e into v; false when it is missing or a real.
bool int_operand(const dict_entry& e, size_t i, int32_t& v) {
  if (i >= e.operands.size() || !e.operands[i].is_int) return false;
  v = e.operands[i].value;
  return true;
}

// The single non-negative integer operand of op; `present` false (and v = fallback) when absent.
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

// FDSelect (section 19), formats 0 and 3: every glyph must select an existing Font DICT.
bool check_fd_select(const input& in, size_t pos, unsigned n_glyphs, unsigned n_fds,
                     std::string& error) {
  if (!in.has(pos, 1)) return fail(error, "FDSelect out of bounds");
  const unsigned format = in.u8(pos++);
  if (format == 0) {
    if (!in.has(pos, n_glyphs)) return fail(error, "FDSelect format 0 out of bounds");
    for (unsigned g = 0; g < n_glyphs; ++g)
      if (in.u8(pos + g) >= n_fds) return fail(error, "FDSelect selects a missing Font DICT");
    return true;
  }
  if (format != 3) return fail(error, "FDSelect format " + std::to_string(format) + " unknown");
  if (!in.has(pos, 2)) return fail(error, "FDSelect out of bounds");
  const unsigned n_ranges = in.u16(pos);
  pos += 2;
  if (n_ranges == 0 || !in.has(pos, size_t{n_ranges} * 3 + 2))
    return fail(error, "FDSelect ranges out of bounds");
  unsigned previous = 0;
  for (unsigned i = 0; i < n_ranges; ++i, pos += 3) {
    const unsigned first = in.u16(pos);
    if ((i == 0 && first != 0) || (i > 0 && first <= previous))
      return fail(error, "FDSelect ranges not ascending from 0");
    if (in.u8(pos + 2) >= n_fds) return fail(error, "FDSelect selects a missing Font DICT");
    previous = first;
  }
  const unsigned sentinel = in.u16(pos);
  if (sentinel <= previous || sentinel < n_glyphs)
    return fail(error, "FDSelect sentinel does not cover all glyphs");
  return true;
}

// A Private DICT (section 15) with its local Subrs, as referenced by a Top or Font DICT.
struct private_view {
  bool present = false;
  range bytes;
  dict entries;
  bool has_subrs = false;
  index_view subrs;
};

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

// The first font of a CFF FontSet, fully checked.
struct font_view {
  index_view names;
  index_view top_dicts;
  index_view strings;
  index_view global_subrs;
  index_view charstrings;
  dict top;
  private_view priv;  // name-keyed fonts only
};

bool load(const input& in, font_view& f, cff_info& info, std::string& error) {
  f = font_view{};
  info = cff_info{};
  error.clear();

  // Header and the four INDEXes that follow it (sections 6-10).
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
  if (!read_dict(in, index_entry(in, f.top_dicts, 0), "Top", f.top, error)) return false;

  // Top DICT data shared by both kinds (section 9).
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
  const dict_entry* ros = find(f.top, op_ros);
  info.cid_keyed = ros != nullptr;
  size_t charset = 0;
  if (!offset_operand(f.top, op_charset, "charset", 0, charset, present, error)) return false;

  if (!info.cid_keyed) {
    // Name-keyed: predefined charsets (0..2) and encodings (0..1) need no data.
    std::vector<uint16_t> sids;
    if (charset > 2 && !read_charset(in, charset, info.glyph_count, sids, error)) return false;
    size_t encoding = 0;
    if (!offset_operand(f.top, op_encoding, "Encoding", 0, encoding, present, error)) return false;
    if (encoding > 1 && !check_encoding(in, encoding, error)) return false;
    return read_private(in, f.top, "Top", f.priv, error);
  }

  // CID-keyed (sections 18-19): ROS strings, a custom charset, FDArray and FDSelect.
  int32_t registry = 0;
  int32_t ordering = 0;
  int32_t supplement = 0;
  if (ros->operands.size() != 3 || !int_operand(*ros, 0, registry) ||
      !int_operand(*ros, 1, ordering) || !int_operand(*ros, 2, supplement))
    return fail(error, "ROS: bad operands");
  if (!sid_string(in, f.strings, registry, info.registry, error) ||
      !sid_string(in, f.strings, ordering, info.ordering, error))
    return false;
  info.supplement = supplement;
  if (charset <= 2) return fail(error, "CID-keyed font without a custom charset");
  if (!read_charset(in, charset, info.glyph_count, info.gid_to_cid, error)) return false;
  size_t fd_array_pos = 0;
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
  size_t fd_select = 0;
  if (!offset_operand(f.top, op_fd_select, "FDSelect", 0, fd_select, present, error)) return false;
  if (present && !check_fd_select(in, fd_select, info.glyph_count, fd_array.count, error))
    return false;
  return true;
}

// Output helpers (section 4 number encodings, section 5 INDEX).
void put_u8(std::vector<uint8_t>& out, unsigned v) {
  out.push_back(static_cast<uint8_t>(v));
}

void put_u16(std::vector<uint8_t>& out, unsigned v) {
  put_u8(out, (v >> 8) & 0xff);
  put_u8(out, v & 0xff);
}

void put_bytes(std::vector<uint8_t>& out, const input& in, range r) {
  out.insert(out.end(), in.at(r.begin), in.at(r.end));
}

void put_op(std::vector<uint8_t>& out, uint16_t op) {
  if (op >= 0x0c00) put_u8(out, 12);
  put_u8(out, op & 0xffu);
}

// Shortest integer encoding (Table 3).
void put_int(std::vector<uint8_t>& out, int32_t v) {
  if (v >= -107 && v <= 107) {
    put_u8(out, static_cast<unsigned>(v + 139));
  } else if (v >= 108 && v <= 1131) {
    const auto w = static_cast<unsigned>(v - 108);
    put_u8(out, (w >> 8) + 247);
    put_u8(out, w & 0xff);
  } else if (v >= -1131 && v <= -108) {
    const auto w = static_cast<unsigned>(-v - 108);
    put_u8(out, (w >> 8) + 251);
    put_u8(out, w & 0xff);
  } else if (v >= -32768 && v <= 32767) {
    put_u8(out, 28);
    put_u16(out, static_cast<uint16_t>(v));
  } else {
    put_u8(out, 29);
    const auto w = static_cast<uint32_t>(v);
    put_u16(out, w >> 16);
    put_u16(out, w & 0xffff);
  }
}

// Five-byte integer (op 29), used for every offset and size so DICT sizes never depend on them.
void put_int5(std::vector<uint8_t>& out, size_t v) {
  put_u8(out, 29);
  const auto w = static_cast<uint32_t>(v);
  put_u16(out, w >> 16);
  put_u16(out, w & 0xffff);
}

// An INDEX of byte strings.
std::vector<uint8_t> make_index(const std::vector<std::pair<const uint8_t*, size_t>>& items) {
  std::vector<uint8_t> out;
  put_u16(out, static_cast<unsigned>(items.size()));
  if (items.empty()) return out;
  size_t total = 1;
  for (const auto& item : items) total += item.second;
  const unsigned off_size = total <= 0xff ? 1 : total <= 0xffff ? 2 : total <= 0xffffff ? 3 : 4;
  put_u8(out, off_size);
  auto put_offset = [&](size_t v) {
    for (unsigned i = off_size; i-- > 0;) put_u8(out, (v >> (8 * i)) & 0xff);
  };
  size_t offset = 1;
  put_offset(offset);
  for (const auto& item : items) put_offset(offset += item.second);
  for (const auto& item : items) out.insert(out.end(), item.first, item.first + item.second);
  return out;
}

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

// Where the converted font's Top DICT points.
struct cid_layout {
  size_t charset = 0;
  size_t fd_select = 0;
  size_t charstrings = 0;
  size_t fd_array = 0;
};

}  // namespace

bool parse(const uint8_t* data, size_t size, cff_info& out, std::string& error) {
  font_view f;
  return load(input(data, size), f, out, error);
}

bool to_cid_keyed(const uint8_t* data, size_t size, std::vector<uint8_t>& out, std::string& error) {
  out.clear();
  const input in(data, size);
  font_view f;
  cff_info info;
  if (!load(in, f, info, error)) return false;
  if (info.cid_keyed) return fail(error, "font is already CID-keyed");
  if (f.names.count != 1 || f.top_dicts.count != 1)
    return fail(error, "FontSet with more than one font not supported");
  // Keeps every offset of the output within the int32 operands of op 29.
  if (size > static_cast<size_t>(std::numeric_limits<int32_t>::max() / 2))
    return fail(error, "font too large");
  const unsigned n = info.glyph_count;

  // String INDEX: the input's strings, then "Adobe", "Identity" and the Font DICT's FontName.
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
  const auto sid_registry = static_cast<int32_t>(n_standard_strings + f.strings.count);
  const std::vector<uint8_t> string_index = make_index(strings);

  // Private DICT: the input's, with Subrs pointing right behind it.
  std::vector<uint8_t> priv;
  for (const auto& e : f.priv.entries)
    if (e.op != op_subrs) put_bytes(priv, in, e.bytes);
  if (f.priv.has_subrs) {
    put_int5(priv, priv.size() + 6);  // this entry is 6 bytes long
    put_op(priv, op_subrs);
  }

  auto font_dict = [&](size_t private_offset) {
    std::vector<uint8_t> d;
    put_int(d, sid_registry + 2);
    put_op(d, op_font_name);
    put_int5(d, priv.size());
    put_int5(d, private_offset);
    put_op(d, op_private);
    return d;
  };
  auto top_dict = [&](const cid_layout& at) {
    std::vector<uint8_t> d;
    put_int(d, sid_registry);
    put_int(d, sid_registry + 1);
    put_int(d, /*supplement=*/0);
    put_op(d, op_ros);  // ROS must come first (section 18)
    for (const auto& e : f.top)
      if (keep_in_cid_top(e.op)) put_bytes(d, in, e.bytes);
    put_int(d, static_cast<int32_t>(n));
    put_op(d, op_cid_count);
    put_int5(d, at.charset);
    put_op(d, op_charset);
    put_int5(d, at.fd_select);
    put_op(d, op_fd_select);
    put_int5(d, at.charstrings);
    put_op(d, op_charstrings);
    put_int5(d, at.fd_array);
    put_op(d, op_fd_array);
    return d;
  };

  // charset CID = GID: format 2, one range 1..n-1 (format 0, empty, for .notdef alone).
  std::vector<uint8_t> charset;
  if (n >= 2) {
    put_u8(charset, 2);
    put_u16(charset, 1);
    put_u16(charset, n - 2);
  } else {
    put_u8(charset, 0);
  }
  // FDSelect format 3: one range, all glyphs -> FD 0.
  std::vector<uint8_t> fd_select;
  put_u8(fd_select, 3);
  put_u16(fd_select, 1);
  put_u16(fd_select, 0);
  put_u8(fd_select, 0);
  put_u16(fd_select, n);

  // Layout: header, Name, Top DICT, String, Global Subr INDEXes, charset, FDSelect, CharStrings,
  // FDArray, Private DICT, local Subrs. DICT sizes do not depend on the offsets they hold.
  const size_t top_index_size = make_index(top_dict(cid_layout{})).size();
  cid_layout at;
  at.charset =
      4 + f.names.bytes.size() + top_index_size + string_index.size() + f.global_subrs.bytes.size();
  at.fd_select = at.charset + charset.size();
  at.charstrings = at.fd_select + fd_select.size();
  at.fd_array = at.charstrings + f.charstrings.bytes.size();
  const size_t private_offset = at.fd_array + make_index(font_dict(0)).size();

  out.reserve(private_offset + priv.size() + f.priv.subrs.bytes.size());
  put_u8(out, 1);  // major
  put_u8(out, 0);  // minor
  put_u8(out, 4);  // hdrSize
  put_u8(out, 4);  // offSize
  put_bytes(out, in, f.names.bytes);
  const std::vector<uint8_t> top_index = make_index(top_dict(at));
  out.insert(out.end(), top_index.begin(), top_index.end());
  out.insert(out.end(), string_index.begin(), string_index.end());
  put_bytes(out, in, f.global_subrs.bytes);
  out.insert(out.end(), charset.begin(), charset.end());
  out.insert(out.end(), fd_select.begin(), fd_select.end());
  put_bytes(out, in, f.charstrings.bytes);
  const std::vector<uint8_t> fd_array = make_index(font_dict(private_offset));
  out.insert(out.end(), fd_array.begin(), fd_array.end());
  out.insert(out.end(), priv.begin(), priv.end());
  if (f.priv.has_subrs) put_bytes(out, in, f.priv.subrs.bytes);

  // Self-check: the layout holds and the result parses as the CID-keyed twin of the input.
  const size_t expected_size = private_offset + priv.size() + f.priv.subrs.bytes.size();
  cff_info check;
  std::string check_error;
  const bool ok = top_index.size() == top_index_size && out.size() == expected_size &&
                  parse(out.data(), out.size(), check, check_error) && check.cid_keyed &&
                  check.glyph_count == n;
  if (!ok) {
    out.clear();
    return fail(error, "internal error: converted font does not check (" + check_error + ")");
  }
  return true;
}

}  // namespace hongtou::fonts::cff
