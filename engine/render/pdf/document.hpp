// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to render/pdf: the libharu document with the object helpers every
// part of the writer uses, and the embedding of one font (font.cpp).
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/c_ptr.hpp"
#include "core/diagnostic.hpp"
#include "fonts/face.hpp"
#include "render/pdf/deflate.hpp"

namespace hongtou::render::detail {

/// A libharu document that reports its first error into diagnostics.
class hpdf_document {
 public:
  /// Throws std::bad_alloc when even its reserve cannot be had.
  explicit hpdf_document(diagnostics& diags);
  ~hpdf_document();
  hpdf_document(const hpdf_document&) = delete;
  hpdf_document& operator=(const hpdf_document&) = delete;

  /// The document; nullptr when it could not be created.
  HPDF_Doc get() const { return doc_.get(); }
  /// True while libharu has had no error: none reported to the handler,
  /// none left in the document's error record (its internal functions set
  /// that record without calling the handler), and no allocation served
  /// from the reserve.
  bool ok() const;
  /// Adds an error (with libharu's status, if any); returns false. Throws
  /// std::bad_alloc instead when libharu's first error was an allocation it
  /// could not get, so that the render ends as out of memory, not as an
  /// output error.
  bool fail(const std::string& what);
  /// Adds an error of the input: the font file at `path` could not be
  /// subset or read; returns false. bad_font() is true from then on.
  bool fail_font(const std::string& path, const std::string& what);
  bool bad_font() const { return bad_font_; }
  HPDF_MMgr mmgr() const { return doc_->mmgr; }
  HPDF_Xref xref() const { return doc_->xref; }
  /// A dictionary in the xref (added before it goes into any container:
  /// DESIGN.md trap 4); nullptr when libharu cannot make it (ok() is false).
  HPDF_Dict new_dict();
  /// A flate-compressed stream holding the bytes; nullptr as new_dict().
  HPDF_Dict new_stream(const uint8_t* data, size_t size, effort e = effort::dense);
  /// Makes the stream of `d` hold `data` compressed by detail::deflate(),
  /// with its /Filter /FlateDecode: libharu then writes the bytes as they
  /// are, instead of compressing them itself with zlib. False (reported by
  /// the caller, as libharu's own calls) when it cannot.
  bool set_deflated(HPDF_Dict d, const uint8_t* data, size_t size, effort e = effort::dense);
  /// Compresses the content stream of a finished page (set_deflated).
  bool deflate_content(HPDF_Page page);
  /// The digest the file's /ID is made of: everything the content depends on.
  void add_to_id(const void* data, size_t size);
  /// Finishes the /ID digest.
  void final_id(HPDF_BYTE (&digest)[16]);

 private:
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user);
  static void* allocate(HPDF_UINT size);
  static void release(void* p);

  // Memory libharu is given when operator new fails (document.cpp).
  struct reserve {
    unsigned char* base;
    size_t size, used;
  };
  static thread_local reserve* active_reserve_;  // this thread's document's
  diagnostics& diags_;
  HPDF_STATUS error_ = 0, detail_ = 0;
  unsigned failed_allocations_;  // allocate()'s failures on this thread at construction
  std::unique_ptr<unsigned char[]> reserve_bytes_;
  reserve reserve_;
  reserve* outer_reserve_;  // the thread's active reserve before this document
  bool bad_font_ = false;
  c_ptr<HPDF_Doc_Rec, HPDF_Free> doc_;
  HPDF_MD5_CTX id_;
};

/// Four upper-case hex digits of the low 16 bits, e.g. "01AF".
std::string hex4(unsigned v);

/// The UTF-16 code units of a UTF-8 text (surrogate pairs beyond the BMP).
std::vector<uint16_t> utf16_units(const std::string& utf8);

/// The UTF-16BE of a UTF-8 text as hex digits, e.g. "4E2D6587".
std::string utf16be_hex(const std::string& utf8);

/// Four upper-case hex digits of the low 16 bits appended to `out`.
void append_hex4(std::string& out, unsigned v);

/// What a content stream needs of one glyph of an embedded font.
struct glyph_slot {
  uint32_t code = 0;
  int width = 0;                      // 1/1000 em
  const std::string* text = nullptr;  // the text its ToUnicode entry gives
};

/// One embedded font: the glyphs a face shows in the document.
struct font_use {
  const fonts::face* face = nullptr;
  std::map<uint32_t, std::string> glyph_text;  // old gid -> cluster text
  std::map<uint32_t, uint32_t> code;           // old gid -> code in content streams
  std::map<uint32_t, int> width;               // code -> width in 1/1000 em
  HPDF_Dict type0 = nullptr;
  std::string roles;  // "role 'fangsong'", for a message about the face
  /// (old gid, slot), ascending, after index_glyphs(): a few hundred
  /// entries, where a table by gid would take 65,536 for a Noto CJK face.
  std::vector<std::pair<uint32_t, glyph_slot>> slots;
  /// Open addressing over `slots` (index + 1; 0 empty), a power of two at
  /// least twice their number: a content stream looks up every glyph.
  std::vector<uint32_t> slot_table;
  /// The slot of an old gid index_glyphs() filled.
  const glyph_slot& slot(uint32_t gid) const;
};

/// Fills use.slots from code, width and glyph_text (after embed_font).
void index_glyphs(font_use& use);

/// Subsets the face to the used glyphs and builds its Type0 font: Identity-H
/// codes, CFF as CIDFontType0C or TrueType as FontFile2, /W, ToUnicode. Fills
/// use.code, use.width and use.type0; false after reporting an error.
bool embed_font(hpdf_document& doc, font_use& use, bool preprocessed);

}  // namespace hongtou::render::detail
