// XML parts of a DOCX: parsing with errors that name the file, the part and the position,
// and WordprocessingML names matched whatever prefix a part binds the namespace to (Word
// writes "w:", other producers may not; pugixml itself does not know namespaces).
//
// XmlPart owns the parsed document and the part's bytes (kept for exact source offsets).
// Not thread-safe to mutate; const access may be shared.
#ifndef TREATYWATCH_INGEST_DOCX_XML_H_
#define TREATYWATCH_INGEST_DOCX_XML_H_

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace tw::ingest {

class XmlPart {
 public:
  // Errors: "draft.docx: word/document.xml: line 3, column 7 (offset 1234): <what>".
  static absl::StatusOr<XmlPart> Parse(std::string_view file_name, std::string_view part_name,
                                       std::string bytes);

  pugi::xml_node root() const { return document_->document_element(); }
  const std::string& bytes() const { return bytes_; }
  const std::string& part_name() const { return part_name_; }

  // True when `node` is the WordprocessingML element `local` ("p", "t", "numPr").
  bool Is(const pugi::xml_node& node, std::string_view local) const;
  // The WordprocessingML attribute `local` of `node` ("val"), or "" when absent.
  const char* Attr(const pugi::xml_node& node, std::string_view local) const;
  bool HasAttr(const pugi::xml_node& node, std::string_view local) const;
  // First WordprocessingML child element named `local`, or an empty node.
  pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) const;
  // Local name when the element is in the WordprocessingML namespace, else "".
  std::string_view LocalName(const pugi::xml_node& node) const;

  // "line L, column C (offset B)" of a byte offset in this part, for messages.
  std::string Position(std::ptrdiff_t offset) const;

 private:
  XmlPart(std::string part_name, std::string bytes, std::unique_ptr<pugi::xml_document> document);
  std::string part_name_;
  std::string bytes_;
  std::unique_ptr<pugi::xml_document> document_;
  std::string prefix_;  // "w:" or "" for a default namespace
};

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_DOCX_XML_H_
