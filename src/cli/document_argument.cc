#include "cli/document_argument.h"

#include <filesystem>
#include <future>

#include <fmt/format.h>

#include "ingest/document_builder.h"

namespace tw::cli {

namespace fs = std::filesystem;

namespace {

bool IsFile(const std::string& argument) {
  std::error_code error;
  return fs::is_regular_file(argument, error);
}

absl::StatusOr<doc::Document> ParseFile(const std::string& path) {
  return ingest::BuildDocument(path, doc::DocumentMeta{}, ingest::ReadOptions{});
}

}  // namespace

absl::StatusOr<doc::Document> LoadDocumentArgument(CliContext& context,
                                                   const std::string& argument) {
  if (IsFile(argument)) return ParseFile(argument);
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<doc::Document> document = (*store)->LoadDocument(argument);
  if (!document.ok() && absl::IsNotFound(document.status())) {
    return absl::NotFoundError(fmt::format(
        "{} (neither a stored document's id or symbol nor a file)", std::string(document.status().message())));
  }
  return document;
}

DocumentPair LoadDocumentPair(CliContext& context, const std::string& first,
                              const std::string& second) {
  if (!IsFile(first) || !IsFile(second)) {
    absl::StatusOr<doc::Document> loaded = LoadDocumentArgument(context, first);
    if (!loaded.ok()) return {std::move(loaded), absl::CancelledError()};
    return {std::move(loaded), LoadDocumentArgument(context, second)};
  }
  std::future<absl::StatusOr<doc::Document>> on_other_thread =
      std::async(std::launch::async, ParseFile, second);
  absl::StatusOr<doc::Document> loaded = ParseFile(first);
  return {std::move(loaded), on_other_thread.get()};
}

}  // namespace tw::cli
