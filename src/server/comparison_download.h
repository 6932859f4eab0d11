// A comparison rendered as a file to save: the report formats of `treatywatch diff --format`
// (compare/report_*.h, comparison_json.h) with their media type and a file name made from the
// two documents' citations. Used by the diff API (?format=) and the compare page's downloads.
// Pure; thread-safe.
#ifndef TREATYWATCH_SERVER_COMPARISON_DOWNLOAD_H_
#define TREATYWATCH_SERVER_COMPARISON_DOWNLOAD_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "compare/comparison.h"

namespace tw::server {

struct RenderedFile {
  std::string body;
  std::string content_type;
  std::string filename;  // "A_AC.999_3-to-A_AC.999_3_Rev.1.docx" (RequestContext::Download
                         // makes it safe)
};

// `format`: json, html, md, docx or text; InvalidArgument naming them otherwise.
absl::StatusOr<RenderedFile> RenderComparisonFile(const compare::Comparison& comparison,
                                                  std::string_view format);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_COMPARISON_DOWNLOAD_H_
