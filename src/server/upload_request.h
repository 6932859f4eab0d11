// AcceptUpload: one upload request (multipart/form-data: the file in the field "file", and the
// metadata fields of `treatywatch ingest`: symbol, title, kind, date, lang, session, instrument,
// authors) checked, written whole to the upload spool and queued for ingest — or, when the
// store already holds the same bytes, answered with that document and nothing queued.
// POST /api/v1/documents and the upload form (POST /documents/upload) both call it.
//
// Everything the request controls is bounded (kMaxFieldBytes, the readers' file size limit)
// and checked before a byte is written; the file's name is only metadata (upload_spool.h).
//
// Thread safety: one call per request, on the request's worker thread.
#ifndef TREATYWATCH_SERVER_UPLOAD_REQUEST_H_
#define TREATYWATCH_SERVER_UPLOAD_REQUEST_H_

#include <cstdint>
#include <optional>

#include "absl/status/statusor.h"
#include "doc/document.h"
#include "server/request_context.h"

namespace tw::server {

inline constexpr std::size_t kMaxFieldBytes = 1000;

struct UploadOutcome {
  std::optional<std::int64_t> job_id;              // queued
  std::optional<doc::DocumentMeta> already_present;  // the same file is stored
};

absl::StatusOr<UploadOutcome> AcceptUpload(RequestContext& ctx);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_UPLOAD_REQUEST_H_
