// SPDX-License-Identifier: Apache-2.0
#include "render/pdf/document.hpp"

#include <hpdf_pages.h>

#include "core/utf8.hpp"
#include "render/pdf/deflate.hpp"

#include <algorithm>
#include <cstdio>
#include <new>

namespace hongtou::render::detail {

void hpdf_document::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* self = static_cast<hpdf_document*>(user);
  if (self->error_ == 0) {  // the first error is the one that explains the rest
    self->error_ = error;
    self->detail_ = detail;
  }
}

namespace {
// The allocations libharu could not get on this thread. A document lives on
// the thread that renders it, and libharu's allocator takes no user pointer.
thread_local unsigned failed_allocations = 0;
constexpr size_t reserve_bytes = 64 * 1024;
}  // namespace

thread_local hpdf_document::reserve* hpdf_document::active_reserve_ = nullptr;

// libharu allocates through operator new (nothrow): its memory is the
// engine's, and an allocation it cannot get fails the way ours do
// (docs/decisions.md "libharu's memory"). When operator new fails, libharu
// is served from the document's reserve instead, so it never sees a null:
// some of its own failure paths use what they just freed (AddResource of
// HPDF_Page_New, in 2.3.0 and still upstream). The failure is counted, and
// ok() and fail() end the render as out of memory at the writer's next check.
void* hpdf_document::allocate(HPDF_UINT size) {
  const size_t bytes = size ? size : 1;
  void* p = ::operator new(bytes, std::nothrow);
  if (p) return p;
  ++failed_allocations;
  if (reserve* r = active_reserve_) {
    const size_t need = (bytes + 15) & ~static_cast<size_t>(15);
    if (need <= r->size - r->used) {
      p = r->base + r->used;
      r->used += need;
    }
  }
  return p;
}

void hpdf_document::release(void* p) {
  const reserve* r = active_reserve_;
  if (r && p >= r->base && p < r->base + r->size) return;  // the reserve goes as a whole
  ::operator delete(p);
}

hpdf_document::hpdf_document(diagnostics& diags)
    : diags_(diags),
      failed_allocations_(failed_allocations),
      reserve_bytes_(new unsigned char[reserve_bytes]),
      reserve_{reserve_bytes_.get(), reserve_bytes, 0},
      outer_reserve_(active_reserve_) {
  active_reserve_ = &reserve_;
  HPDF_MD5Init(&id_);
  doc_.reset(HPDF_NewEx(on_error, allocate, release, 0, this));
}

hpdf_document::~hpdf_document() {
  doc_.reset();  // while this document's reserve is still the active one
  active_reserve_ = outer_reserve_;
}

bool hpdf_document::ok() const {
  return error_ == 0 && failed_allocations == failed_allocations_ &&
         (!doc_ || HPDF_GetError(doc_.get()) == HPDF_OK);
}

bool hpdf_document::fail(const std::string& what) {
  // Whatever libharu made of it, a failure after an allocation it could not
  // get is out of memory.
  if (failed_allocations != failed_allocations_) throw std::bad_alloc();
  if (error_ == 0 && doc_)
    error_ = HPDF_GetError(doc_.get()), detail_ = HPDF_GetErrorDetail(doc_.get());
  char buf[64];
  std::snprintf(buf, sizeof buf, " (libharu status 0x%04X/%u)", static_cast<unsigned>(error_),
                static_cast<unsigned>(detail_));
  diags_.error("", 0, 0, what + (error_ ? buf : ""));
  return false;
}

bool hpdf_document::fail_font(const std::string& path, const std::string& what) {
  bad_font_ = true;
  diags_.error(path, 0, 0, what);
  return false;
}

HPDF_Dict hpdf_document::new_dict() {
  HPDF_Dict d = HPDF_Dict_New(mmgr());
  // HPDF_Xref_Add frees the object when it fails.
  if (!d || HPDF_Xref_Add(xref(), d) != HPDF_OK) return nullptr;
  return d;
}

HPDF_Dict hpdf_document::new_stream(const uint8_t* data, size_t size, effort e) {
  HPDF_Dict d = HPDF_DictStream_New(mmgr(), xref());
  if (!d || !set_deflated(d, data, size, e)) return nullptr;
  return d;
}

namespace {

// The /Filter of a stream set_deflated() filled. libharu writes a /Filter
// only for the filters it applies itself (and drops any such entry of a
// stream it does not filter), so the entry is written by the dictionary's
// write hook, after its other entries.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

}  // namespace

bool hpdf_document::set_deflated(HPDF_Dict d, const uint8_t* data, size_t size, effort e) {
  const std::vector<uint8_t> packed = deflate(data, size, e);
  if (packed.empty()) return false;
  HPDF_MemStream_FreeData(d->stream);
  if (HPDF_Stream_Write(d->stream, packed.data(), static_cast<HPDF_UINT>(packed.size())) != HPDF_OK)
    return false;
  d->filter = HPDF_STREAM_FILTER_NONE;
  d->write_fn = write_flate_filter;
  return true;
}

bool hpdf_document::deflate_content(HPDF_Page page) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  // The memory stream's buffers in order: what the page's operators wrote.
  HPDF_Stream s = attr->stream;
  std::vector<uint8_t> content;
  content.reserve(s->size);
  for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(s); i < n; ++i) {
    HPDF_UINT len = 0;
    const HPDF_BYTE* buf = HPDF_MemStream_GetBufPtr(s, i, &len);
    if (!buf) return fail("cannot read a page's content back");
    content.insert(content.end(), buf, buf + len);
  }
  if (content.size() != s->size) return fail("cannot read a page's content back");
  return set_deflated(attr->contents, content.data(), content.size()) ||
         fail("cannot compress a page's content");
}

void hpdf_document::add_to_id(const void* data, size_t size) {
  HPDF_MD5Update(&id_, static_cast<const HPDF_BYTE*>(data), static_cast<HPDF_UINT32>(size));
}

void hpdf_document::final_id(HPDF_BYTE (&digest)[16]) {
  HPDF_MD5Final(digest, &id_);
}

std::string hex4(unsigned v) {
  std::string s;
  append_hex4(s, v);
  return s;
}

void append_hex4(std::string& out, unsigned v) {
  static const char digits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 15];
}

namespace {

// Where open addressing starts looking for a gid in a table of `size` (a power of two).
size_t slot_hash(uint32_t gid, size_t size) {
  return (gid * 0x9E3779B1u) & (size - 1);  // Fibonacci hashing spreads consecutive gids
}

}  // namespace

void index_glyphs(font_use& use) {
  use.slots.clear();
  use.slots.reserve(use.glyph_text.size());
  for (const auto& [gid, text] : use.glyph_text) {  // ascending
    glyph_slot slot;
    slot.code = use.code[gid];
    slot.width = use.width[slot.code];
    slot.text = &text;
    use.slots.emplace_back(gid, slot);
  }
  size_t size = 16;
  while (size < 2 * use.slots.size()) size *= 2;
  use.slot_table.assign(size, 0);
  for (size_t i = 0; i < use.slots.size(); ++i) {
    size_t h = slot_hash(use.slots[i].first, size);
    while (use.slot_table[h] != 0) h = (h + 1) & (size - 1);
    use.slot_table[h] = static_cast<uint32_t>(i + 1);
  }
}

const glyph_slot& font_use::slot(uint32_t gid) const {
  // Every glyph shown is in glyph_text, so the search ends on it.
  for (size_t h = slot_hash(gid, slot_table.size());; h = (h + 1) & (slot_table.size() - 1)) {
    const uint32_t i = slot_table[h];
    if (i == 0 || slots[i - 1].first == gid) return slots[i == 0 ? 0 : i - 1].second;
  }
}

std::vector<uint16_t> utf16_units(const std::string& utf8) {
  std::vector<uint16_t> out;
  for (char32_t c : utf8_decode(utf8)) {
    if (c >= 0x10000) {
      const char32_t v = c - 0x10000;
      out.push_back(static_cast<uint16_t>(0xD800 + (v >> 10)));
      out.push_back(static_cast<uint16_t>(0xDC00 + (v & 0x3FF)));
    } else {
      out.push_back(static_cast<uint16_t>(c));
    }
  }
  return out;
}

std::string utf16be_hex(const std::string& utf8) {
  std::string out;
  for (uint16_t u : utf16_units(utf8)) out += hex4(u);
  return out;
}

}  // namespace hongtou::render::detail
