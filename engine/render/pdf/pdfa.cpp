// SPDX-License-Identifier: Apache-2.0
#include "render/pdf/pdfa.hpp"

#include <cstdio>

namespace hongtou::render::detail {

namespace {

// Text as XML character data or an attribute value.
std::string xml_escaped(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// One rdf:Description of a schema, or "" when it has no property.
std::string description(const std::string& prefix, const std::string& uri,
                        const std::string& properties) {
  if (properties.empty()) return {};
  return "  <rdf:Description rdf:about=\"\" xmlns:" + prefix + "=\"" + uri + "\">\n" + properties +
         "  </rdf:Description>\n";
}

std::string simple(const std::string& name, const std::string& value) {
  if (value.empty()) return {};
  return "   <" + name + ">" + xml_escaped(value) + "</" + name + ">\n";
}

// A language alternative (dc:title, dc:description) of one default entry.
std::string lang_alt(const std::string& name, const std::string& value) {
  if (value.empty()) return {};
  return "   <" + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(value) +
         "</rdf:li></rdf:Alt></" + name + ">\n";
}

// An ordered array (dc:creator, dc:date) of one entry.
std::string seq(const std::string& name, const std::string& value) {
  if (value.empty()) return {};
  return "   <" + name + "><rdf:Seq><rdf:li>" + xml_escaped(value) + "</rdf:li></rdf:Seq></" +
         name + ">\n";
}

}  // namespace

namespace {

// The fields of "YYYY-MM-DD[THH:MM:SS]" (the engine has checked it); false
// for an empty date.
bool date_fields(const std::string& date, int (&v)[6]) {
  for (int& x : v) x = 0;
  return std::sscanf(date.c_str(), "%d-%d-%dT%d:%d:%d", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) >=
         3;
}

std::string formatted(const char* format, const int (&v)[6]) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v[0], v[1], v[2], v[3], v[4], v[5]);
  return buf;
}

}  // namespace

std::string xmp_date(const std::string& creation_date) {
  int v[6];
  if (!date_fields(creation_date, v)) return {};
  return formatted("%04d-%02d-%02dT%02d:%02d:%02dZ", v);
}

std::string info_date(const std::string& creation_date) {
  int v[6];
  if (!date_fields(creation_date, v)) return {};
  return formatted("D:%04d%02d%02d%02d%02d%02dZ", v);
}

std::string xmp_packet(const pdf_metadata& m) {
  const std::string created = xmp_date(m.creation_date);
  // ISO 19005-2 6.6.2.1: the packet header with its byte-order mark and id.
  std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  // 6.6.4: the identification schema.
  x += description("pdfaid", "http://www.aiim.org/pdfa/ns/id/",
                   simple("pdfaid:part", "2") + simple("pdfaid:conformance", "B"));
  // 6.6.2.3.1: each entry of the Info dictionary and its XMP equivalent.
  x += description("dc", "http://purl.org/dc/elements/1.1/",
                   simple("dc:format", "application/pdf") + lang_alt("dc:title", m.title) +
                       seq("dc:creator", m.author) + lang_alt("dc:description", m.subject) +
                       seq("dc:date", m.document_date));
  x += description("xmp", "http://ns.adobe.com/xap/1.0/",
                   simple("xmp:CreatorTool", m.tool) + simple("xmp:CreateDate", created));
  x += description("pdf", "http://ns.adobe.com/pdf/1.3/", simple("pdf:Producer", m.tool));
  x += " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}

bool add_pdfa_catalog_entries(hpdf_document& doc, const std::string& xmp) {
  HPDF_Dict catalog = doc.get()->catalog;
  // The metadata stream: not filtered, so that a reader without PDF finds it.
  HPDF_Dict meta = HPDF_DictStream_New(doc.mmgr(), doc.xref());
  if (!meta) return false;
  meta->filter = HPDF_STREAM_FILTER_NONE;
  if (HPDF_Dict_AddName(meta, "Type", "Metadata") != HPDF_OK ||
      HPDF_Dict_AddName(meta, "Subtype", "XML") != HPDF_OK ||
      HPDF_Stream_Write(meta->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                        static_cast<HPDF_UINT>(xmp.size())) != HPDF_OK ||
      HPDF_Dict_Add(catalog, "Metadata", meta) != HPDF_OK)
    return false;

  // The output intent: the colour space DeviceRGB and DeviceGray stand for.
  HPDF_Dict profile = doc.new_stream(srgb_icc, srgb_icc_size);
  if (!profile || HPDF_Dict_AddNumber(profile, "N", 3) != HPDF_OK) return false;
  HPDF_Dict intent = doc.new_dict();
  if (!intent) return false;
  const char* name = "sRGB IEC61966-2.1";
  if (HPDF_Dict_AddName(intent, "Type", "OutputIntent") != HPDF_OK ||
      HPDF_Dict_AddName(intent, "S", "GTS_PDFA1") != HPDF_OK ||
      HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                    HPDF_String_New(doc.mmgr(), name, nullptr)) != HPDF_OK ||
      HPDF_Dict_Add(intent, "Info", HPDF_String_New(doc.mmgr(), name, nullptr)) != HPDF_OK ||
      HPDF_Dict_Add(intent, "DestOutputProfile", profile) != HPDF_OK)
    return false;
  HPDF_Array intents = HPDF_Array_New(doc.mmgr());
  if (!intents || HPDF_Array_Add(intents, intent) != HPDF_OK) return false;
  return HPDF_Dict_Add(catalog, "OutputIntents", intents) == HPDF_OK;
}

}  // namespace hongtou::render::detail
