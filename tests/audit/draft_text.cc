#include "draft_text.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "ingest/document_builder.h"
#include "ingest/reader.h"

namespace tw::audit::test_support {

doc::Document ParseDraftText(std::string_view text, doc::DocumentMeta meta) {
  ingest::ReadOptions options;
  options.limits.max_file_bytes = std::max(options.limits.max_file_bytes, text.size() + 1);
  absl::StatusOr<doc::SourceText> source =
      ingest::ReadSource("draft.txt", text, ingest::SourceFormat::kText, options);
  EXPECT_TRUE(source.ok()) << source.status();
  if (!source.ok()) return {};
  if (meta.source_name.empty()) meta.source_name = "draft.txt";
  return ingest::BuildDocumentFromSource(*std::move(source), meta);
}

}  // namespace tw::audit::test_support
