// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to engine/fonts/cff_*.cpp: the CFF structures, readers and writers shared by the
// validating parser (cff_read.cpp), the CID-keyed converter (cff_convert.cpp) and the copying
// subsetter (cff_subset.cpp). Not part of the API.
// Section and table numbers refer to Adobe Technical Note #5176 (CFF, 4 Dec 2003).
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fonts/cff.hpp"

namespace hongtou::fonts::cff::detail {

// DICT operators (Tables 9, 10, 23); two-byte operators are 0x0c00 | second byte.
constexpr uint16_t escaped(unsigned b) {
  return static_cast<uint16_t>(0x0c00u | b);
}
inline constexpr uint16_t op_charset = 15;
inline constexpr uint16_t op_encoding = 16;
inline constexpr uint16_t op_charstrings = 17;
inline constexpr uint16_t op_private = 18;
inline constexpr uint16_t op_subrs = 19;
inline constexpr uint16_t op_charstring_type = escaped(6);
inline constexpr uint16_t op_ros = escaped(30);
inline constexpr uint16_t op_cid_count = escaped(34);
inline constexpr uint16_t op_fd_array = escaped(36);
inline constexpr uint16_t op_fd_select = escaped(37);
inline constexpr uint16_t op_font_name = escaped(38);

// SIDs below this name the standard strings (Appendix A); custom strings follow.
inline constexpr unsigned n_standard_strings = 391;

// Sets error to "CFF: " + message; returns false.
bool fail(std::string& error, const std::string& message);

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

// A Private DICT (section 15) with its local Subrs, as referenced by a Top or Font DICT.
struct private_view {
  bool present = false;
  range bytes;
  dict entries;
  bool has_subrs = false;
  index_view subrs;
};

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

// Reads and checks the INDEX at pos; `what` names it in errors.
bool read_index(const input& in, size_t pos, const std::string& what, index_view& ix,
                std::string& error);

// Entry i (< count) of a checked INDEX.
range index_entry(const input& in, const index_view& ix, unsigned i);

// Reads the DICT in r into d; `what` names it in errors.
bool read_dict(const input& in, range r, const std::string& what, dict& d, std::string& error);

// The Private DICT and local Subrs that owner (a Top or Font DICT) points to, if any.
bool read_private(const input& in, const dict& owner, const std::string& what, private_view& p,
                  std::string& error);

// Reads and checks the whole font into f and info (what parse() does); error is cleared first.
bool load(const input& in, font_view& f, cff_info& info, std::string& error);

// The first entry of op in d, or nullptr.
const dict_entry* find(const dict& d, uint16_t op);

// The single non-negative integer operand of op; `present` false (and v = fallback) when absent.
bool offset_operand(const dict& d, uint16_t op, const std::string& what, size_t fallback, size_t& v,
                    bool& present, std::string& error);

// FDSelect (section 19), formats 0 and 3, at pos into fds (glyph -> Font DICT), every entry
// below n_fds.
bool read_fd_select(const input& in, size_t pos, unsigned n_glyphs, unsigned n_fds,
                    std::vector<uint8_t>& fds, std::string& error);

// --- Writers (cff_write.cpp).

void put_u8(std::vector<uint8_t>& out, unsigned v);
void put_u16(std::vector<uint8_t>& out, unsigned v);
void put_bytes(std::vector<uint8_t>& out, const input& in, range r);
// A DICT operator, escaped ones as two bytes.
void put_op(std::vector<uint8_t>& out, uint16_t op);
// Shortest integer encoding (Table 3).
void put_int(std::vector<uint8_t>& out, int32_t v);
// Five-byte integer (op 29), used for every offset and size so DICT sizes never depend on them.
void put_int5(std::vector<uint8_t>& out, size_t v);
// The Top DICT entries locating a CID-keyed font's parts (five-byte offsets): charset,
// FDSelect, CharStrings, FDArray.
void put_cid_offsets(std::vector<uint8_t>& out, size_t charset, size_t fd_select,
                     size_t charstrings, size_t fd_array);
// An INDEX of byte strings: appended to out, as a vector, or its size.
void put_index(std::vector<uint8_t>& out,
               const std::vector<std::pair<const uint8_t*, size_t>>& items);
size_t index_size(const std::vector<std::pair<const uint8_t*, size_t>>& items);
std::vector<uint8_t> make_index(const std::vector<std::pair<const uint8_t*, size_t>>& items);

}  // namespace hongtou::fonts::cff::detail
