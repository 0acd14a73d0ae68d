// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to render/pdf: what makes a file PDF/A-2b (ISO 19005-2) beyond
// what every PDF of the writer already is — the XMP metadata stream and the
// sRGB output intent (pdfa.cpp; docs/pdfa.md lists the clauses).
#include <cstddef>
#include <string>

#include "render/pdf/document.hpp"

namespace hongtou::render::detail {

/// The document information, written alike into the Info dictionary and
/// the XMP packet (ISO 19005-2 6.6.2.3.1: the two must agree).
struct pdf_metadata {
  std::string title;          // Title, dc:title
  std::string author;         // Author, dc:creator (one entry)
  std::string subject;        // Subject, dc:description
  std::string document_date;  // dc:date, "YYYY-MM-DD" (成文日期)
  std::string creation_date;  // CreationDate, xmp:CreateDate: "YYYY-MM-DD[THH:MM:SS]", UTC
  std::string tool;           // Creator and Producer, xmp:CreatorTool and pdf:Producer
};

/// The XMP packet (ISO 16684-1) of a PDF/A-2b file: pdfaid part 2,
/// conformance B, and the metadata; every text XML-escaped.
std::string xmp_packet(const pdf_metadata& m);

/// An XMP date of a creation date "YYYY-MM-DD[THH:MM:SS]": "YYYY-MM-DDTHH:MM:SSZ",
/// the instant the Info dictionary's D:YYYYMMDDHHmmSSZ names.
std::string xmp_date(const std::string& creation_date);

/// The Info dictionary's date of the same instant: "D:YYYYMMDDHHmmSSZ".
std::string info_date(const std::string& creation_date);

/// Adds the XMP packet as the catalog's /Metadata (uncompressed, ISO
/// 19005-2 6.6.2.1) and the sRGB profile as its /OutputIntents (6.2.3);
/// false when libharu fails (the document's error says why).
bool add_pdfa_catalog_entries(hpdf_document& doc, const std::string& xmp);

/// The sRGB ICC profile the build embeds (Debian's icc-profiles-free).
extern const unsigned char srgb_icc[];
extern const size_t srgb_icc_size;

}  // namespace hongtou::render::detail
