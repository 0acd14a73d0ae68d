// SPDX-License-Identifier: Apache-2.0
// The copying subsetter, subset_by_copy(): a CID-keyed CFF without subroutines subset by copying
// the charstrings it keeps. Such charstrings call nothing, so they are complete as they are: the
// subset needs only new INDEXes, charset, FDSelect and FDArray around them, and one pass over
// each charstring that leaves its hints out (strip_hints), never an interpreter.
// Section and table numbers refer to Adobe Technical Notes #5176 (CFF, 4 Dec 2003) and #5177
// (Type 2 charstrings).
#include <algorithm>
#include <array>
#include <limits>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "fonts/cff.hpp"
#include "fonts/cff_format.hpp"

namespace hongtou::fonts::cff {
using namespace detail;

namespace {

inline constexpr uint16_t op_unique_id = 13;
inline constexpr uint16_t op_xuid = 14;

using items = std::vector<std::pair<const uint8_t*, size_t>>;

// A copyable font, read and checked.
struct source {
  font_view f;
  cff_info info;
  std::vector<dict> font_dicts;      // the FDArray's, in order
  std::vector<private_view> privs;   // their Private DICTs
  std::vector<uint8_t> fd_of_glyph;  // FDSelect: glyph id -> Font DICT
};

// Reads the font and checks that it is one CID-keyed font without subroutines.
bool load_copyable(const input& in, source& s, std::string& error) {
  if (!load(in, s.f, s.info, error)) return false;
  if (!s.info.cid_keyed) return fail(error, "font is not CID-keyed");
  if (s.f.names.count != 1 || s.f.top_dicts.count != 1)
    return fail(error, "FontSet with more than one font not supported");
  if (s.f.global_subrs.count > 0) return fail(error, "font has global subroutines");
  // Keeps every offset of the output within the int32 operands of op 29.
  if (in.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max() / 2))
    return fail(error, "font too large");

  size_t pos = 0;
  bool present = false;
  if (!offset_operand(s.f.top, op_fd_array, "FDArray", 0, pos, present, error)) return false;
  index_view fd_array;
  if (!read_index(in, pos, "FDArray", fd_array, error)) return false;
  s.font_dicts.resize(fd_array.count);
  s.privs.resize(fd_array.count);
  for (unsigned i = 0; i < fd_array.count; ++i) {
    const std::string what = "Font DICT " + std::to_string(i);
    if (!read_dict(in, index_entry(in, fd_array, i), what, s.font_dicts[i], error) ||
        !read_private(in, s.font_dicts[i], what, s.privs[i], error))
      return false;
    if (s.privs[i].has_subrs && s.privs[i].subrs.count > 0)
      return fail(error, what + " has local subroutines");
  }
  if (!offset_operand(s.f.top, op_fd_select, "FDSelect", 0, pos, present, error)) return false;
  if (!present) {
    s.fd_of_glyph.assign(s.info.glyph_count, 0);
    return true;
  }
  return read_fd_select(in, pos, s.info.glyph_count, fd_array.count, s.fd_of_glyph, error);
}

// Top DICT entries that locate parts of the font, rewritten for the subset, or identify the
// whole font (UniqueID, XUID), which the subset is not.
bool rewritten_in_top(uint16_t op) {
  return op == op_charset || op == op_encoding || op == op_charstrings || op == op_private ||
         op == op_fd_array || op == op_fd_select || op == op_unique_id || op == op_xuid;
}

// The parts of the subset that do not depend on where they land.
struct subset_parts {
  std::vector<uint32_t> keep;               // old glyph ids, ascending, .notdef first
  std::vector<unsigned> fds;                // the old Font DICTs kept, ascending
  std::vector<uint8_t> charset;             // new glyph id -> CID
  std::vector<uint8_t> fd_select;           // new glyph id -> new Font DICT
  std::vector<std::vector<uint8_t>> privs;  // Private DICTs of the kept Font DICTs, without Subrs
  std::vector<uint8_t> stripped;            // the kept charstrings without hints, end to end
  items charstrings;
};

// A Type 2 charstring without its hints (Adobe TN #5177, 4.3): the stem
// operators and hintmask/cntrmask with their mask bytes left out, a width
// given with the first of them moved to the moveto or endchar that follows.
// The outline is unchanged: hints only guide rasterisers at small sizes.
// False (out unspecified) for what a charstring without subroutines should
// not hold there, or a charstring cut short: the caller keeps it whole.
bool strip_hints(const uint8_t* cs, size_t n, std::vector<uint8_t>& out) {
  const size_t start = out.size();     // appended to out; cut back on failure by the caller
  size_t args_begin = 0;               // where the operands of the coming operator begin
  size_t args = 0;                     // how many there are
  size_t first_len = 0;                // the length of the first of them
  size_t width_at = 0, width_len = 0;  // a width moved on; length 0: none
  bool cleared = false;  // the first stack-clearing operator (which may carry the width) seen
  size_t stems = 0;
  // The length of a token by its first byte: an operand's, 0 for an operator.
  static constexpr auto operand_length = [] {
    std::array<uint8_t, 256> t{};
    for (unsigned b = 0; b < 256; ++b)
      t[b] = b == 28 ? 3 : b < 32 ? 0 : b <= 246 ? 1 : b <= 254 ? 2 : 5;
    return t;
  }();
  for (size_t i = 0; i < n;) {
    const unsigned b = cs[i];
    if (const size_t len = operand_length[b]) {
      if (len > n - i) return false;
      if (args++ == 0) {
        args_begin = i;
        first_len = len;
      }
      i += len;
      continue;
    }
    const size_t op_len = b == 12 ? 2 : 1;
    if (op_len > n - i) return false;
    const size_t op_at = i;
    i += op_len;
    switch (b) {
      case 1:     // hstem
      case 3:     // vstem
      case 18:    // hstemhm
      case 23:    // vstemhm
      case 19:    // hintmask
      case 20: {  // cntrmask
        size_t pairs = args;
        if (!cleared && pairs % 2 == 1) {
          width_at = args_begin;
          width_len = first_len;
          --pairs;
        }
        if (pairs % 2 != 0) return false;
        cleared = true;
        stems += pairs / 2;  // before a mask: its implicit vstems
        if (b == 19 || b == 20) {
          const size_t mask = (stems + 7) / 8;
          if (mask > n - i) return false;
          i += mask;
        }
        args = 0;
        continue;
      }
      case 21:  // rmoveto
      case 22:  // hmoveto
      case 4:   // vmoveto
      case 14:  // endchar
        if (width_len != 0) {
          out.insert(out.end(), cs + width_at, cs + width_at + width_len);
          width_len = 0;
        }
        cleared = true;
        break;
      case 10:  // callsubr
      case 29:  // callgsubr
      case 11:  // return
        return false;
      default:
        if (width_len != 0) return false;  // drawing before the first moveto
        break;
    }
    // The operands and the operator, as they are.
    out.insert(out.end(), cs + (args > 0 ? args_begin : op_at), cs + i);
    args = 0;
  }
  return args == 0 && width_len == 0 && out.size() - start <= n;
}

// Charset (section 13): format 2 ranges when they are shorter than format 0's list.
std::vector<uint8_t> make_charset(const std::vector<uint16_t>& cids) {
  std::vector<std::pair<unsigned, unsigned>> ranges;  // first CID, number left
  for (size_t g = 1; g < cids.size(); ++g) {
    if (!ranges.empty() && ranges.back().second < 0xffff &&
        ranges.back().first + ranges.back().second + 1 == cids[g])
      ++ranges.back().second;
    else
      ranges.emplace_back(cids[g], 0);
  }
  std::vector<uint8_t> out;
  if (1 + ranges.size() * 4 < 1 + (cids.size() - 1) * 2) {
    put_u8(out, 2);
    for (const auto& r : ranges) {
      put_u16(out, r.first);
      put_u16(out, r.second);
    }
  } else {
    put_u8(out, 0);
    for (size_t g = 1; g < cids.size(); ++g) put_u16(out, cids[g]);
  }
  return out;
}

// FDSelect (section 19): format 3 ranges, or format 0 when shorter.
std::vector<uint8_t> make_fd_select(const std::vector<uint8_t>& fd_of_new) {
  std::vector<std::pair<unsigned, unsigned>> ranges;  // first glyph, Font DICT
  for (size_t g = 0; g < fd_of_new.size(); ++g)
    if (ranges.empty() || ranges.back().second != fd_of_new[g])
      ranges.emplace_back(static_cast<unsigned>(g), fd_of_new[g]);
  std::vector<uint8_t> out;
  if (5 + ranges.size() * 3 < 1 + fd_of_new.size()) {
    put_u8(out, 3);
    put_u16(out, static_cast<unsigned>(ranges.size()));
    for (const auto& r : ranges) {
      put_u16(out, r.first);
      put_u8(out, r.second);
    }
    put_u16(out, static_cast<unsigned>(fd_of_new.size()));
  } else {
    put_u8(out, 0);
    out.insert(out.end(), fd_of_new.begin(), fd_of_new.end());
  }
  return out;
}

// The charstrings of a source without their hints, made as glyphs are first asked for.
struct hintless_charstrings {
  std::mutex mutex;
  std::vector<uint8_t> bytes;                                  // end to end
  std::unordered_map<uint32_t, std::pair<size_t, size_t>> at;  // glyph -> offset, length
};

// Everything but the DICTs that hold offsets, from the glyphs to keep.
bool make_parts(const input& in, const source& s, const std::vector<uint32_t>& glyphs,
                hintless_charstrings& hintless, subset_parts& p, std::string& error) {
  p.keep.reserve(glyphs.size() + 1);
  p.keep.push_back(0);
  p.keep.insert(p.keep.end(), glyphs.begin(), glyphs.end());
  std::sort(p.keep.begin(), p.keep.end());
  p.keep.erase(std::unique(p.keep.begin(), p.keep.end()), p.keep.end());
  if (p.keep.back() >= s.info.glyph_count)
    return fail(error, "glyph " + std::to_string(p.keep.back()) + " beyond the font's " +
                           std::to_string(s.info.glyph_count));

  std::vector<int> new_fd(s.font_dicts.size(), -1);
  for (uint32_t g : p.keep) new_fd[s.fd_of_glyph[g]] = 0;
  for (unsigned fd = 0; fd < new_fd.size(); ++fd)
    if (new_fd[fd] == 0) {
      new_fd[fd] = static_cast<int>(p.fds.size());
      p.fds.push_back(fd);
    }

  std::vector<uint16_t> cids;
  std::vector<uint8_t> fd_of_new;
  cids.reserve(p.keep.size());
  fd_of_new.reserve(p.keep.size());
  p.charstrings.reserve(p.keep.size());
  for (uint32_t g : p.keep) {
    cids.push_back(s.info.gid_to_cid[g]);
    fd_of_new.push_back(static_cast<uint8_t>(new_fd[s.fd_of_glyph[g]]));
    const range r = index_entry(in, s.f.charstrings, g);
    p.charstrings.emplace_back(in.at(r.begin), r.size());
  }
  // Without hints, as hb-subset made them: each glyph's made once per
  // source (a face keeps its source as long as its engine), then copied.
  std::lock_guard<std::mutex> lock(hintless.mutex);
  std::vector<std::pair<size_t, size_t>> slices(p.keep.size());  // in hintless.bytes
  size_t total = 0;
  for (size_t k = 0; k < p.keep.size(); ++k) {
    auto [it, added] = hintless.at.try_emplace(p.keep[k]);
    if (added) {
      const size_t at = hintless.bytes.size();
      if (strip_hints(p.charstrings[k].first, p.charstrings[k].second, hintless.bytes)) {
        it->second = {at, hintless.bytes.size() - at};
      } else {  // kept whole
        hintless.bytes.resize(at);
        hintless.bytes.insert(hintless.bytes.end(), p.charstrings[k].first,
                              p.charstrings[k].first + p.charstrings[k].second);
        it->second = {at, p.charstrings[k].second};
      }
    }
    slices[k] = it->second;
    total += it->second.second;
  }
  p.stripped.resize(total);
  size_t used = 0;
  for (size_t k = 0; k < p.keep.size(); ++k) {
    std::copy_n(hintless.bytes.data() + slices[k].first, slices[k].second,
                p.stripped.data() + used);
    p.charstrings[k] = {p.stripped.data() + used, slices[k].second};
    used += slices[k].second;
  }
  p.charset = make_charset(cids);
  p.fd_select = make_fd_select(fd_of_new);

  for (unsigned fd : p.fds) {
    std::vector<uint8_t> priv;
    for (const auto& e : s.privs[fd].entries)
      if (e.op != op_subrs) put_bytes(priv, in, e.bytes);  // an empty Subrs INDEX: left out
    p.privs.push_back(std::move(priv));
  }
  return true;
}

// Where the subset's parts land.
struct subset_layout {
  size_t charset = 0, fd_select = 0, charstrings = 0, fd_array = 0;
  std::vector<size_t> privs;
};

std::vector<uint8_t> make_top_dict(const input& in, const source& s, const subset_layout& at) {
  std::vector<uint8_t> d;
  for (const auto& e : s.f.top)
    if (!rewritten_in_top(e.op)) put_bytes(d, in, e.bytes);  // ROS first, as in the input
  put_cid_offsets(d, at.charset, at.fd_select, at.charstrings, at.fd_array);
  return d;
}

// The kept Font DICTs, each pointing to its Private DICT.
std::vector<std::vector<uint8_t>> make_font_dicts(const input& in, const source& s,
                                                  const subset_parts& p, const subset_layout& at) {
  std::vector<std::vector<uint8_t>> dicts;
  for (size_t i = 0; i < p.fds.size(); ++i) {
    std::vector<uint8_t> d;
    for (const auto& e : s.font_dicts[p.fds[i]])
      if (e.op != op_private) put_bytes(d, in, e.bytes);
    put_int5(d, p.privs[i].size());
    put_int5(d, i < at.privs.size() ? at.privs[i] : 0);
    put_op(d, op_private);
    dicts.push_back(std::move(d));
  }
  return dicts;
}

items as_items(const std::vector<std::vector<uint8_t>>& parts) {
  items out;
  for (const auto& part : parts) out.emplace_back(part.data(), part.size());
  return out;
}

// Layout: header, Name, Top DICT, String, Global Subr INDEXes, charset, FDSelect, CharStrings,
// FDArray, the Private DICTs. DICT sizes do not depend on the offsets they hold.
subset_layout place(const input& in, const source& s, const subset_parts& p) {
  subset_layout at;
  const std::vector<uint8_t> top = make_top_dict(in, s, at);
  at.charset = 4 + s.f.names.bytes.size() + index_size({{top.data(), top.size()}}) +
               s.f.strings.bytes.size() + s.f.global_subrs.bytes.size();
  at.fd_select = at.charset + p.charset.size();
  at.charstrings = at.fd_select + p.fd_select.size();
  at.fd_array = at.charstrings + index_size(p.charstrings);
  size_t next = at.fd_array + index_size(as_items(make_font_dicts(in, s, p, at)));
  for (const auto& priv : p.privs) {
    at.privs.push_back(next);
    next += priv.size();
  }
  return at;
}

void write_subset(const input& in, const source& s, const subset_parts& p, const subset_layout& at,
                  std::vector<uint8_t>& out) {
  put_u8(out, 1);  // major
  put_u8(out, 0);  // minor
  put_u8(out, 4);  // hdrSize
  put_u8(out, 4);  // offSize
  put_bytes(out, in, s.f.names.bytes);
  const std::vector<uint8_t> top = make_top_dict(in, s, at);
  put_index(out, {{top.data(), top.size()}});
  put_bytes(out, in, s.f.strings.bytes);
  put_bytes(out, in, s.f.global_subrs.bytes);
  out.insert(out.end(), p.charset.begin(), p.charset.end());
  out.insert(out.end(), p.fd_select.begin(), p.fd_select.end());
  put_index(out, p.charstrings);
  put_index(out, as_items(make_font_dicts(in, s, p, at)));
  for (const auto& priv : p.privs) out.insert(out.end(), priv.begin(), priv.end());
}

}  // namespace

struct copy_source::state {
  const uint8_t* data = nullptr;
  size_t size = 0;
  source src;
  std::shared_ptr<const void> owner;
  mutable hintless_charstrings hintless;
};

copy_source::copy_source(std::unique_ptr<state> s) : s_(std::move(s)) {}
copy_source::~copy_source() = default;

std::unique_ptr<copy_source> copy_source::open(const uint8_t* data, size_t size, std::string& error,
                                               std::shared_ptr<const void> owner) {
  auto s = std::make_unique<state>();
  if (!load_copyable(input(data, size), s->src, error)) return nullptr;
  s->data = data;
  s->size = size;
  s->owner = std::move(owner);
  return std::unique_ptr<copy_source>(new copy_source(std::move(s)));
}

bool copy_source::subset(const std::vector<uint32_t>& glyphs, copied_subset& out,
                         std::string& error) const {
  out = copied_subset();
  const input in(s_->data, s_->size);
  const source& s = s_->src;
  subset_parts p;
  if (!make_parts(in, s, glyphs, s_->hintless, p, error)) return false;
  const subset_layout at = place(in, s, p);
  const size_t expected = at.privs.back() + p.privs.back().size();
  out.bytes.reserve(expected);
  write_subset(in, s, p, at, out.bytes);

  // Self-check: the layout holds and the result parses as a CID-keyed font of the kept glyphs.
  std::string check_error;
  if (out.bytes.size() != expected ||
      !parse(out.bytes.data(), out.bytes.size(), out.info, check_error) || !out.info.cid_keyed ||
      out.info.glyph_count != p.keep.size()) {
    out = copied_subset();
    return fail(error, "internal error: subset font does not check (" + check_error + ")");
  }
  out.cids.reserve(glyphs.size());
  for (uint32_t g : glyphs) out.cids.push_back(s.info.gid_to_cid[g]);
  return true;
}

bool copyable(const uint8_t* data, size_t size) {
  std::string error;
  return copy_source::open(data, size, error) != nullptr;
}

bool subset_by_copy(const uint8_t* data, size_t size, const std::vector<uint32_t>& glyphs,
                    copied_subset& out, std::string& error) {
  out = copied_subset();
  const auto source = copy_source::open(data, size, error);
  return source && source->subset(glyphs, out, error);
}

}  // namespace hongtou::fonts::cff
