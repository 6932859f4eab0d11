#include "compare/ooxml_writer.h"

#include <fmt/format.h>
#include <zip.h>

#include <cstdio>

#include "compare/printable_text.h"

namespace tw::compare {
namespace {

// 2001-01-01 00:00 in MS-DOS form, the only timestamp a zip member header carries. Set as DOS
// fields directly: a time_t would be converted through the local time zone.
constexpr zip_uint16_t kDosDate = (21 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;

constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// libzip reads the member sources only in zip_close, so the parts must outlive the archive.
absl::StatusOr<std::string> ReadBack(zip_source_t* buffer) {
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    if (size > 0) {
      bytes.resize(static_cast<std::size_t>(size));
      const zip_int64_t read =
          zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
      if (read != size) bytes.clear();
    }
    zip_source_close(buffer);
  }
  if (bytes.empty()) return absl::InternalError("cannot read back the zip");
  return bytes;
}

}  // namespace

absl::StatusOr<std::string> ZipParts(const std::vector<DocxPart>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) return absl::InternalError(zip_error_strerror(&error));
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    return absl::InternalError(
        fmt::format("cannot create the zip: {}", zip_error_strerror(&error)));
  }
  for (const DocxPart& part : parts) {
    zip_source_t* member = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
    const zip_int64_t index =
        member ? zip_file_add(archive, part.name.c_str(), member, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0 || zip_file_set_dostime(archive, static_cast<zip_uint64_t>(index), kDosTime,
                                          kDosDate, 0) < 0) {
      if (member && index < 0) zip_source_free(member);
      std::string message = fmt::format("cannot add {}: {}", part.name, zip_strerror(archive));
      zip_discard(archive);
      zip_source_free(buffer);
      return absl::InternalError(message);
    }
  }
  if (zip_close(archive) != 0) {
    std::string message = fmt::format("cannot write the zip: {}", zip_strerror(archive));
    zip_discard(archive);
    zip_source_free(buffer);
    return absl::InternalError(message);
  }
  absl::StatusOr<std::string> bytes = ReadBack(buffer);
  zip_source_free(buffer);
  return bytes;
}

absl::StatusOr<std::string> WriteDocxPackage(const std::string& document_xml,
                                             const std::vector<WordPart>& parts) {
  constexpr std::string_view kWordMl =
      "application/vnd.openxmlformats-officedocument.wordprocessingml";
  constexpr std::string_view kRelationships =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::string content_types = fmt::format(
      "{}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
      "Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
      "Extension=\"xml\" ContentType=\"application/xml\"/><Override "
      "PartName=\"/word/document.xml\" ContentType=\"{}.document.main+xml\"/>",
      kXmlDeclaration, kWordMl);
  std::string document_rels = fmt::format(
      "{}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
      kXmlDeclaration);
  std::vector<DocxPart> members = {
      {"[Content_Types].xml", ""},
      {"_rels/.rels", fmt::format("{}<Relationships "
                                  "xmlns=\"http://schemas.openxmlformats.org/package/2006/relations"
                                  "hips\"><Relationship Id=\"rId1\" Type=\"{}/officeDocument\" "
                                  "Target=\"word/document.xml\"/></Relationships>\n",
                                  kXmlDeclaration, kRelationships)},
      {"word/_rels/document.xml.rels", ""},
      {"word/document.xml", document_xml}};
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const std::string kind = EscapeMarkup(parts[k].kind);
    content_types += fmt::format("<Override PartName=\"/word/{}.xml\" ContentType=\"{}.{}+xml\"/>",
                                 kind, kWordMl, kind);
    document_rels += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/{}\" Target=\"{}.xml\"/>",
                                 k + 1, kRelationships, kind, kind);
    members.push_back({fmt::format("word/{}.xml", parts[k].kind), parts[k].xml});
  }
  members[0].bytes = content_types + "</Types>\n";
  members[2].bytes = document_rels + "</Relationships>\n";
  return ZipParts(members);
}

}  // namespace tw::compare
