// DocxPackage: read access to the parts (zip members) of a DOCX held in memory, with the
// zip-bomb limit checked before and while inflating. Also resolves the package relationships
// that say where the main document and its numbering, styles and footnotes parts are.
//
// Owns its libzip handle; borrows the bytes, which must outlive it. Not thread-safe.
#ifndef TREATYWATCH_INGEST_DOCX_PACKAGE_H_
#define TREATYWATCH_INGEST_DOCX_PACKAGE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "ingest/reader.h"

struct zip;

namespace tw::ingest {

class DocxPackage {
 public:
  // Errors name the file: "draft.docx: not a DOCX (zip) file: Not a zip archive".
  static absl::StatusOr<DocxPackage> Open(std::string_view name, std::string_view bytes,
                                          const IngestLimits& limits);
  DocxPackage(DocxPackage&&) noexcept;
  DocxPackage& operator=(DocxPackage&&) noexcept;
  ~DocxPackage();

  bool Has(std::string_view member) const;
  // The member's bytes. ResourceExhausted when it, or all members read so far together,
  // inflate beyond limits.max_uncompressed_bytes; DataLoss when the zip data is damaged.
  absl::StatusOr<std::string> Read(std::string_view member);
  // The same, or nullopt when the member does not exist.
  absl::StatusOr<std::optional<std::string>> ReadIfPresent(std::string_view member);

 private:
  struct ZipCloser {
    void operator()(zip* archive) const;
  };
  DocxPackage(std::string name, std::unique_ptr<zip, ZipCloser> archive, std::size_t budget);

  std::string name_;
  std::unique_ptr<zip, ZipCloser> archive_;
  std::size_t budget_;  // bytes that may still be inflated
};

// Resolves a relationship target against the folder of the part that owns the .rels file:
// ("word/document.xml", "numbering.xml") -> "word/numbering.xml"; "/word/x.xml" -> "word/x.xml".
std::string ResolvePartTarget(std::string_view source_part, std::string_view target);

// The .rels member that holds the relationships of `part` ("word/_rels/document.xml.rels").
std::string RelationshipsPartOf(std::string_view part);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_DOCX_PACKAGE_H_
