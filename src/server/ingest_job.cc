#include "server/ingest_job.h"

#include <fmt/format.h>

#include "doc/outline.h"
#include "factcheck/evidence_reanchoring.h"
#include "ingest/document_builder.h"
#include "server/server_state.h"

namespace tw::server {
namespace {

// The reader names the file it was given (the spool path); the uploader knows it by its own
// name, and the server's folders are none of their business.
std::string WithUploadName(std::string message, const SpoolEntry& entry) {
  const std::string path = entry.bytes_path.string();
  for (std::size_t at = message.find(path); at != std::string::npos;
       at = message.find(path, at)) {
    message.replace(at, path.size(), entry.upload.display_name);
    at += entry.upload.display_name.size();
  }
  return message;
}

absl::StatusOr<std::string> RunIngest(store::Store& store, const UploadSpool& spool,
                                      const SpoolEntry& entry, bool recovered,
                                      const JobProgress& progress) {
  progress(0.05, fmt::format("reading {}", entry.upload.display_name));
  // The reader picks the format from the extension; the spool file's own name has none.
  absl::StatusOr<doc::Document> built =
      ingest::BuildDocument(entry.bytes_path, entry.upload.meta, ingest::ReadOptions{});
  if (!built.ok()) {
    // The same bytes would fail the same way on every try: drop the entry.
    (void)spool.Remove(entry);
    return absl::Status(built.status().code(),
                        WithUploadName(std::string(built.status().message()), entry));
  }
  doc::Document& document = *built;
  document.meta.source_name = entry.upload.display_name;
  const doc::OutlineCounts counts = doc::CountOutline(document);
  progress(0.6, fmt::format("storing {} provisions", counts.provisions));
  absl::StatusOr<factcheck::StoredDocument> stored =
      factcheck::StoreDocumentAndReanchor(store, document, recovered);
  if (!stored.ok()) {
    return absl::Status(stored.status().code(),
                        fmt::format("{}: {}", entry.upload.display_name,
                                    std::string(stored.status().message())));
  }
  progress(0.95, stored->put.already_present ? "already stored" : "stored");
  if (absl::Status removed = spool.Remove(entry); !removed.ok()) return removed;
  return fmt::format("/documents/{}", stored->put.id);
}

}  // namespace

std::int64_t SubmitIngestJob(JobQueue& jobs, const UploadSpool& spool, SpoolEntry entry,
                             bool recovered) {
  const std::string title = entry.upload.display_name;
  const std::string owner = entry.upload.owner;
  return jobs.Submit("ingest", title, owner,
                     [spool, entry = std::move(entry), recovered](
                         store::Store& store, const JobProgress& progress) {
                       return RunIngest(store, spool, entry, recovered, progress);
                     });
}

absl::Status RequeueSpooledUploads(ServerState& state) {
  if (state.config().spool_dir.empty()) return absl::OkStatus();
  const UploadSpool spool(state.config().spool_dir);
  absl::StatusOr<std::vector<SpoolEntry>> pending = spool.Recover();
  if (!pending.ok()) return pending.status();
  for (SpoolEntry& entry : *pending) {
    SubmitIngestJob(state.jobs(), spool, std::move(entry), /*recovered=*/true);
  }
  return absl::OkStatus();
}

}  // namespace tw::server
