#include "cli/document_argument.h"

#include <filesystem>

#include <fmt/format.h>

#include "ingest/document_builder.h"

namespace tw::cli {

namespace fs = std::filesystem;

absl::StatusOr<doc::Document> LoadDocumentArgument(CliContext& context,
                                                   const std::string& argument) {
  std::error_code error;
  if (fs::is_regular_file(argument, error)) {
    doc::DocumentMeta meta;
    return ingest::BuildDocument(argument, meta, ingest::ReadOptions{});
  }
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<doc::Document> document = (*store)->LoadDocument(argument);
  if (!document.ok() && absl::IsNotFound(document.status())) {
    return absl::NotFoundError(fmt::format(
        "{} (neither a stored document's id or symbol nor a file)", std::string(document.status().message())));
  }
  return document;
}

}  // namespace tw::cli
