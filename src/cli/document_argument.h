// A document named on the command line: a stored document (id or symbol) or, when the argument
// names an existing file, that file read and parsed on the spot without storing it — so
// `treatywatch diff old.docx new.pdf` works on a fresh machine with no database.
#ifndef TREATYWATCH_CLI_DOCUMENT_ARGUMENT_H_
#define TREATYWATCH_CLI_DOCUMENT_ARGUMENT_H_

#include <string>

#include "absl/status/statusor.h"
#include "cli/cli_context.h"
#include "doc/document.h"

namespace tw::cli {

absl::StatusOr<doc::Document> LoadDocumentArgument(CliContext& context, const std::string& argument);

// The two documents a comparison names. When both are files they are read and parsed at once,
// one on another thread: parsing is most of the time a short comparison takes. Stored
// documents come one after the other through the one store connection.
struct DocumentPair {
  absl::StatusOr<doc::Document> first;
  absl::StatusOr<doc::Document> second;
};
DocumentPair LoadDocumentPair(CliContext& context, const std::string& first,
                              const std::string& second);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_DOCUMENT_ARGUMENT_H_
