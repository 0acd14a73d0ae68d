// SPDX-License-Identifier: Apache-2.0
// The CFF writers shared by the converter (cff_convert.cpp) and the copying
// subsetter (cff_subset.cpp): section 4 number encodings, section 5 INDEX.
// Section and table numbers refer to Adobe Technical Note #5176 (CFF, 4 Dec 2003).
#include "fonts/cff_format.hpp"

#include <utility>

namespace hongtou::fonts::cff::detail {

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

void put_int5(std::vector<uint8_t>& out, size_t v) {
  put_u8(out, 29);
  const auto w = static_cast<uint32_t>(v);
  put_u16(out, w >> 16);
  put_u16(out, w & 0xffff);
}

void put_cid_offsets(std::vector<uint8_t>& out, size_t charset, size_t fd_select,
                     size_t charstrings, size_t fd_array) {
  for (const auto& [offset, op] :
       {std::pair{charset, op_charset}, std::pair{fd_select, op_fd_select},
        std::pair{charstrings, op_charstrings}, std::pair{fd_array, op_fd_array}}) {
    put_int5(out, offset);
    put_op(out, op);
  }
}

size_t index_size(const std::vector<std::pair<const uint8_t*, size_t>>& items) {
  if (items.empty()) return 2;
  size_t total = 1;
  for (const auto& item : items) total += item.second;
  const unsigned off_size = total <= 0xff ? 1 : total <= 0xffff ? 2 : total <= 0xffffff ? 3 : 4;
  return 3 + (items.size() + 1) * off_size + total - 1;
}

void put_index(std::vector<uint8_t>& out,
               const std::vector<std::pair<const uint8_t*, size_t>>& items) {
  put_u16(out, static_cast<unsigned>(items.size()));
  if (items.empty()) return;
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
}

std::vector<uint8_t> make_index(const std::vector<std::pair<const uint8_t*, size_t>>& items) {
  std::vector<uint8_t> out;
  put_index(out, items);
  return out;
}

}  // namespace hongtou::fonts::cff::detail
