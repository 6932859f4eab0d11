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

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_DOCUMENT_ARGUMENT_H_
