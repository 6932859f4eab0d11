#include "server/comparison_download.h"

#include <fmt/format.h>

#include "compare/comparison_json.h"
#include "compare/report_docx.h"
#include "compare/report_html.h"
#include "compare/report_markdown.h"
#include "compare/report_text.h"
#include "compare/report_wording.h"

namespace tw::server {
namespace {

constexpr std::size_t kMaxNameBytes = 60;

}  // namespace

absl::StatusOr<RenderedFile> RenderComparisonFile(const compare::Comparison& comparison,
                                                  std::string_view format) {
  RenderedFile file;
  std::string extension(format);
  if (format == "json") {
    file.body = compare::ComparisonToJson(comparison).dump(
        2, ' ', false, nlohmann::json::error_handler_t::replace);
    file.body += "\n";
    file.content_type = "application/json; charset=utf-8";
  } else if (format == "html") {
    file.body = compare::RenderHtml(comparison);
    file.content_type = "text/html; charset=utf-8";
  } else if (format == "md") {
    file.body = compare::RenderMarkdown(comparison);
    file.content_type = "text/markdown; charset=utf-8";
  } else if (format == "text") {
    file.body = compare::RenderText(comparison);
    file.content_type = "text/plain; charset=utf-8";
    extension = "txt";
  } else if (format == "docx") {
    absl::StatusOr<std::string> docx = compare::RenderDocx(comparison);
    if (!docx.ok()) return docx.status();
    file.body = *std::move(docx);
    file.content_type =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  } else {
    return absl::InvalidArgumentError(
        "parameter format must be json, html, md, docx or text, got \"" +
        std::string(format.substr(0, 40)) + "\"");
  }
  // A title standing in for a missing symbol can be long; a file name needs only its start.
  auto name = [](const compare::ComparedDocument& document) {
    return compare::ShortName(document).substr(0, kMaxNameBytes);
  };
  file.filename =
      fmt::format("{}-to-{}.{}", name(comparison.old_doc), name(comparison.new_doc), extension);
  return file;
}

}  // namespace tw::server
