// Ingest jobs: an uploaded file, safe in the upload spool (upload_spool.h), read, parsed and
// stored in the background (jobs.h), exactly as `treatywatch ingest` stores a file: the same
// document builder, one PutDocument transaction, and the same re-anchoring of fact-check
// evidence when the document is a new version of an instrument
// (factcheck/evidence_reanchoring.h). The spool entry is removed only after the commit, so a
// server killed at any point either has the document or still has the entry, and on its next
// start RequeueSpooledUploads ingests what is left. Storing the same bytes twice stores nothing
// (store.h), so a job repeated after a crash cannot duplicate a document.
//
// A file the readers refuse (a corrupt PDF) fails its job with the reader's one-line message,
// naming the upload, never a server path; nothing is stored and the entry is dropped, since
// trying again cannot help. A store that fails (disk full) keeps the entry for the next start.
//
// Thread safety: both functions may be called from any thread.
#ifndef TREATYWATCH_SERVER_INGEST_JOB_H_
#define TREATYWATCH_SERVER_INGEST_JOB_H_

#include <cstdint>

#include "absl/status/status.h"
#include "server/jobs.h"
#include "server/upload_spool.h"

namespace tw::server {

class ServerState;

// Queues the ingest of `entry`; returns the job's id. `recovered`: the entry was left by an
// earlier run, which may have stored the document but not re-anchored yet.
std::int64_t SubmitIngestJob(JobQueue& jobs, const UploadSpool& spool, SpoolEntry entry,
                             bool recovered);

// Called once when the server starts (Server::Create): queues every upload a killed server
// had acknowledged but not finished. Nothing to do without a spool folder.
absl::Status RequeueSpooledUploads(ServerState& state);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_INGEST_JOB_H_
