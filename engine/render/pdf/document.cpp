// SPDX-License-Identifier: Apache-2.0
#include "render/pdf/document.hpp"

#include "core/utf8.hpp"

#include <cstdio>

namespace hongtou::render::detail {

void hpdf_document::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* self = static_cast<hpdf_document*>(user);
  if (self->error_ == 0) {  // the first error is the one that explains the rest
    self->error_ = error;
    self->detail_ = detail;
  }
}

hpdf_document::hpdf_document(diagnostics& diags) : diags_(diags) {
  HPDF_MD5Init(&id_);
  doc_.reset(HPDF_New(on_error, this));
}

bool hpdf_document::fail(const std::string& what) {
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
  HPDF_Xref_Add(xref(), d);
  return d;
}

HPDF_Dict hpdf_document::new_stream(const uint8_t* data, size_t size) {
  HPDF_Dict d = HPDF_DictStream_New(mmgr(), xref());
  d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Stream_Write(d->stream, data, static_cast<HPDF_UINT>(size));
  return d;
}

void hpdf_document::add_to_id(const void* data, size_t size) {
  HPDF_MD5Update(&id_, static_cast<const HPDF_BYTE*>(data), static_cast<HPDF_UINT32>(size));
}

void hpdf_document::final_id(HPDF_BYTE (&digest)[16]) {
  HPDF_MD5Final(digest, &id_);
}

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFFu);
  return buf;
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
