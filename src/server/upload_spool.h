// UploadSpool: the folder where an uploaded file waits, whole and on disk, from the moment the
// server acknowledges it (202) until the document is committed to the store. A server killed
// in between finds the entry on its next start and ingests it then, so an acknowledged upload
// is never lost.
//
// An entry is two files named by the spool, never by the uploader (upload names are only
// metadata, so "../../etc/passwd" cannot become a path):
//   up-<32 hex>.<ext>  the body, exactly as received; <ext> is one of the readers' extensions
//                      (UploadExtension), since the readers choose the format by it
//   up-<32 hex>.json   the metadata (UploadMeta), written after the bytes
// Each is written as <name>.tmp, fsynced, renamed into place, and the folder fsynced, so after
// a crash a file is either whole or absent. The .json is the entry's commit mark: bytes without
// it were never acknowledged and are deleted by Recover, like every leftover .tmp.
//
// Thread safety: Put, Remove and Pending may be called from any thread; entry names are unique
// (128 random bits), so no two callers touch the same files.
#ifndef TREATYWATCH_SERVER_UPLOAD_SPOOL_H_
#define TREATYWATCH_SERVER_UPLOAD_SPOOL_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "doc/document.h"

namespace tw::server {

// What the uploader said about the file, and who uploaded it.
struct UploadMeta {
  doc::DocumentMeta meta;    // symbol, title, kind, date, lang, session, instrument, authors
  std::string display_name;  // the upload's file name made printable; shown, never a path
  std::string extension;     // ".pdf", ".docx", ...: the reader is chosen by it
  std::string owner;         // the user who uploaded it
};

nlohmann::json UploadMetaToJson(const UploadMeta& upload);
absl::StatusOr<UploadMeta> UploadMetaFromJson(const nlohmann::json& json);

struct SpoolEntry {
  std::string name;  // "up-<32 hex>"
  std::filesystem::path bytes_path;
  std::filesystem::path meta_path;
  UploadMeta upload;
};

class UploadSpool {
 public:
  explicit UploadSpool(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Writes `bytes` and `upload` durably (see above); when this returns OK the upload survives
  // a crash. Unavailable (naming no server path) when the disk refuses.
  absl::StatusOr<SpoolEntry> Put(std::string_view bytes, const UploadMeta& upload) const;

  // Deletes the entry: the metadata first (from then on it is not pending), then the bytes.
  absl::Status Remove(const SpoolEntry& entry) const;

  // After a crash: deletes .tmp files and bytes without metadata, and returns the acknowledged
  // entries, oldest first. An entry whose metadata does not parse is moved aside to
  // <name>.bad (kept for a person to look at) and not returned.
  absl::StatusOr<std::vector<SpoolEntry>> Recover() const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

// The upload's own name as something safe to show and to store as source_name: the last path
// component (after any '/' or '\'), NUL and control characters dropped, invalid UTF-8 replaced,
// at most kMaxDisplayNameBytes; "upload" when nothing is left.
inline constexpr std::size_t kMaxDisplayNameBytes = 200;
std::string UploadDisplayName(std::string_view file_name);

// The reader's extension for a file name (".pdf", ".docx", ".html", ".htm", ".xhtml", ".md",
// ".markdown", ".txt"), lowercase; InvalidArgument naming the accepted ones otherwise.
absl::StatusOr<std::string> UploadExtension(std::string_view display_name);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_UPLOAD_SPOOL_H_
