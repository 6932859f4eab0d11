#include "ingest/docx_xml.h"

#include <fmt/format.h>

#include <cstring>

#include "text/utf8.h"

namespace tw::ingest {
namespace {

constexpr std::string_view kTransitionalNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kStrictNamespace = "http://purl.oclc.org/ooxml/wordprocessingml/main";

std::string WordPrefix(const pugi::xml_node& root) {
  for (const pugi::xml_attribute& attribute : root.attributes()) {
    const std::string_view name = attribute.name();
    const std::string_view value = attribute.value();
    if (value != kTransitionalNamespace && value != kStrictNamespace) continue;
    if (name == "xmlns") return "";
    if (name.substr(0, 6) == "xmlns:") return std::string(name.substr(6)) + ":";
  }
  return "w:";
}

}  // namespace

XmlPart::XmlPart(std::string part_name, std::string bytes,
                 std::unique_ptr<pugi::xml_document> document)
    : part_name_(std::move(part_name)), bytes_(std::move(bytes)), document_(std::move(document)) {
  prefix_ = WordPrefix(document_->document_element());
}

absl::StatusOr<XmlPart> XmlPart::Parse(std::string_view file_name, std::string_view part_name,
                                       std::string bytes) {
  const bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  if (!utf16) {
    if (const auto bad = text::FindInvalidUtf8(bytes)) {
      const text::LineColumn lc = text::LineColumnAt(bytes, *bad);
      return absl::InvalidArgumentError(
          fmt::format("{}: {}: invalid UTF-8 at line {}, column {} (byte {})", file_name, part_name,
                      lc.line, lc.column, *bad));
    }
  }
  auto document = std::make_unique<pugi::xml_document>();
  pugi::xml_parse_result result;
  try {
    result = document->load_buffer(bytes.data(), bytes.size(),
                                   pugi::parse_default | pugi::parse_ws_pcdata_single);
  } catch (const std::exception& e) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: {}: cannot be parsed: {}", file_name, part_name, e.what()));
  }
  XmlPart part(std::string(part_name), std::move(bytes), std::move(document));
  if (!result) {
    return absl::InvalidArgumentError(fmt::format("{}: {}: {}: {}", file_name, part_name,
                                                  part.Position(result.offset),
                                                  result.description()));
  }
  if (!part.document_->document_element()) {
    return absl::InvalidArgumentError(fmt::format("{}: {}: no root element", file_name, part_name));
  }
  return part;
}

std::string XmlPart::Position(std::ptrdiff_t offset) const {
  const std::size_t at = offset < 0 ? 0 : std::min(static_cast<std::size_t>(offset), bytes_.size());
  const text::LineColumn lc = text::LineColumnAt(bytes_, at);
  return fmt::format("line {}, column {} (offset {})", lc.line, lc.column, at);
}

std::string_view XmlPart::LocalName(const pugi::xml_node& node) const {
  const std::string_view name = node.name();
  if (name.size() <= prefix_.size() || name.substr(0, prefix_.size()) != prefix_) return "";
  const std::string_view local = name.substr(prefix_.size());
  return prefix_.empty() && local.find(':') != std::string_view::npos ? std::string_view() : local;
}

bool XmlPart::Is(const pugi::xml_node& node, std::string_view local) const {
  const std::string_view name = node.name();
  return name.size() == prefix_.size() + local.size() &&
         name.substr(0, prefix_.size()) == prefix_ && name.substr(prefix_.size()) == local;
}

const char* XmlPart::Attr(const pugi::xml_node& node, std::string_view local) const {
  for (const pugi::xml_attribute& attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    if (name.size() == prefix_.size() + local.size() && name.substr(0, prefix_.size()) == prefix_ &&
        name.substr(prefix_.size()) == local) {
      return attribute.value();
    }
  }
  return "";
}

bool XmlPart::HasAttr(const pugi::xml_node& node, std::string_view local) const {
  for (const pugi::xml_attribute& attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    if (name.size() == prefix_.size() + local.size() && name.substr(0, prefix_.size()) == prefix_ &&
        name.substr(prefix_.size()) == local) {
      return true;
    }
  }
  return false;
}

pugi::xml_node XmlPart::Child(const pugi::xml_node& node, std::string_view local) const {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && Is(child, local)) return child;
  }
  return pugi::xml_node();
}

}  // namespace tw::ingest
