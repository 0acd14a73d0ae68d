// SPDX-License-Identifier: Apache-2.0
#pragma once
// CFF (Compact Font Format, Adobe TN #5176) support for embedding subset fonts as
// /FontFile3 /Subtype /CIDFontType0C: a validating parser, a name-keyed -> CID-keyed converter
// and a subsetter that copies the charstrings of fonts without subroutines.
//
//   hongtou::fonts::cff::cff_info info;
//   std::string error;
//   if (!hongtou::fonts::cff::parse(data, size, info, error)) { /* report error */ }
//   std::vector<uint8_t> cid;
//   if (!info.cid_keyed && hongtou::fonts::cff::to_cid_keyed(data, size, cid, error)) {
//     // embed `cid`; content-stream codes (CIDs) are the subset's glyph ids
//   }
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hongtou::fonts::cff {

/// What parse() learns about a CFF font (the first font of the FontSet).
struct cff_info {
  /// True when the Top DICT has ROS (the font is CID-keyed).
  bool cid_keyed = false;
  /// Number of glyphs (CharStrings INDEX count); at least 1 after a successful parse.
  unsigned glyph_count = 0;
  /// Charset mapping GID -> CID (gid 0 -> 0), glyph_count entries; empty unless cid_keyed.
  std::vector<uint16_t> gid_to_cid;
  /// PostScript name from the Name INDEX; empty when the entry is empty.
  std::string font_name;
  /// ROS Registry string (e.g. "Adobe"); empty unless cid_keyed.
  std::string registry;
  /// ROS Ordering string (e.g. "Identity"); empty unless cid_keyed.
  std::string ordering;
  /// ROS Supplement; 0 unless cid_keyed.
  int supplement = 0;
};

/// Parses and validates a bare CFF table ('CFF ' of an OpenType font); every structure is
/// bounds-checked. Returns false and sets error on malformed or unsupported data (CFF2, Type 1
/// charstrings); `out` is reset first and is unspecified after a failure.
bool parse(const uint8_t* data, size_t size, cff_info& out, std::string& error);

/// True when the CFF has subroutines (global Subrs, or local Subrs of a
/// Private DICT); true also when its front cannot be read. A font without
/// any is subset faster without hb-subset's desubroutinising pass, which
/// would give the same charstrings.
bool has_subroutines(const uint8_t* data, size_t size);

/// Converts a name-keyed CFF into an equivalent CID-keyed one (ROS Adobe-Identity-0, CID = GID, one
/// Font DICT holding the input's Private DICT and local Subrs); global subrs and CharStrings are
/// copied unchanged. Returns false and sets error on malformed input or when the input is already
/// CID-keyed; `out` is cleared first.
bool to_cid_keyed(const uint8_t* data, size_t size, std::vector<uint8_t>& out, std::string& error);

/// True when the CFF is one CID-keyed font without subroutines (FandolFang; every trimmed copy of
/// a CJK face, flattened when made): the fonts subset_by_copy() takes.
bool copyable(const uint8_t* data, size_t size);

/// What subset_by_copy() makes.
struct copied_subset {
  std::vector<uint8_t> bytes;  // the subset CFF
  std::vector<uint16_t> cids;  // the CID of each glyph asked for, in the order asked
  cff_info info;               // the subset as parse() reads it (ROS, glyph count)
};

/// Subsets a copyable CFF to `glyphs` (glyph ids; .notdef is always kept) by copying their
/// charstrings without their hints (as hb-subset's NO_HINTING gives them; the outlines are
/// unchanged): the new glyph ids follow the old ones' order, every
/// glyph keeps its CID, and only the Font DICTs the glyphs select are kept, with their Private
/// DICTs. Returns false and sets error on malformed input, a font that is not copyable or a glyph
/// beyond the font; `out` is reset first.
bool subset_by_copy(const uint8_t* data, size_t size, const std::vector<uint32_t>& glyphs,
                    copied_subset& out, std::string& error);

/// A copyable CFF read and checked once, to be subset many times as
/// subset_by_copy() does (which reads the whole font again each time): a
/// face keeps one. `owner` keeps the bytes alive as long as the source.
class copy_source {
 public:
  /// nullptr, with the reason in error, when the CFF is not copyable.
  static std::unique_ptr<copy_source> open(const uint8_t* data, size_t size, std::string& error,
                                           std::shared_ptr<const void> owner = nullptr);
  ~copy_source();
  copy_source(const copy_source&) = delete;
  copy_source& operator=(const copy_source&) = delete;
  /// subset_by_copy() of the font. Thread-safe.
  bool subset(const std::vector<uint32_t>& glyphs, copied_subset& out, std::string& error) const;

 private:
  struct state;
  explicit copy_source(std::unique_ptr<state> s);
  std::unique_ptr<state> s_;
};

}  // namespace hongtou::fonts::cff
