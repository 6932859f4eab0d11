#include "server/upload_request.h"

#include <sodium.h>

#include <charconv>

#include <fmt/format.h>

#include "ingest/document_builder.h"
#include "ingest/reader.h"
#include "server/ingest_job.h"
#include "server/upload_spool.h"
#include "text/utf8.h"

namespace tw::server {
namespace {

// A metadata field: at most kMaxFieldBytes of valid UTF-8 without control characters.
absl::StatusOr<std::string> Field(const RequestContext& ctx, std::string_view name) {
  std::string value = ctx.Param(name);
  if (value.size() > kMaxFieldBytes) {
    return absl::InvalidArgumentError(
        fmt::format("{} is too long ({} bytes; at most {})", name, value.size(), kMaxFieldBytes));
  }
  if (text::FindInvalidUtf8(value)) {
    return absl::InvalidArgumentError(fmt::format("{} is not valid UTF-8", name));
  }
  for (char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return absl::InvalidArgumentError(fmt::format("{} holds a control character", name));
    }
  }
  const std::size_t first = value.find_first_not_of(' ');
  if (first == std::string::npos) return std::string();
  return value.substr(first, value.find_last_not_of(' ') - first + 1);
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string hex;
  for (unsigned char byte : digest) hex += fmt::format("{:02x}", byte);
  return hex;
}

// The metadata fields as `treatywatch ingest` takes them.
absl::StatusOr<doc::DocumentMeta> MetaFields(const RequestContext& ctx) {
  doc::DocumentMeta meta;
  meta.kind = "";
  struct Text {
    const char* name;
    std::string* target;
  };
  for (const Text& field : {Text{"symbol", &meta.symbol}, Text{"title", &meta.title},
                            Text{"kind", &meta.kind}, Text{"date", &meta.date},
                            Text{"lang", &meta.lang}, Text{"instrument", &meta.instrument}}) {
    absl::StatusOr<std::string> value = Field(ctx, field.name);
    if (!value.ok()) return value.status();
    *field.target = *std::move(value);
  }
  if (meta.kind.empty()) meta.kind = "reference";
  if (meta.lang.empty()) meta.lang = "en";
  absl::StatusOr<std::string> session = Field(ctx, "session");
  if (!session.ok()) return session.status();
  if (!session->empty()) {
    constexpr int kMaxSession = 1000;
    auto [end, error] =
        std::from_chars(session->data(), session->data() + session->size(), meta.session);
    if (error != std::errc() || end != session->data() + session->size() || meta.session < 0 ||
        meta.session > kMaxSession) {
      return absl::InvalidArgumentError(fmt::format(
          "session must be a whole number from 0 to {}, not \"{}\"", kMaxSession, *session));
    }
  }
  absl::StatusOr<std::string> authors = Field(ctx, "authors");
  if (!authors.ok()) return authors.status();
  std::size_t start = 0;
  while (start < authors->size()) {
    const std::size_t comma = std::min(authors->find(',', start), authors->size());
    std::string name = authors->substr(start, comma - start);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (!name.empty()) meta.authors.push_back(name);
    start = comma + 1;
  }
  if (absl::Status valid = ingest::ValidateMeta(meta); !valid.ok()) {
    // The builder speaks in CLI options ("--date"); the form calls them fields.
    std::string message(valid.message());
    for (std::size_t at = message.find("--"); at != std::string::npos; at = message.find("--")) {
      message.erase(at, 2);
    }
    return absl::InvalidArgumentError(message);
  }
  return meta;
}

}  // namespace

absl::StatusOr<UploadOutcome> AcceptUpload(RequestContext& ctx) {
  if (!ctx.request.is_multipart_form_data() || !ctx.request.has_file("file")) {
    return absl::InvalidArgumentError(
        "send the document as multipart/form-data, the file in a field named \"file\"");
  }
  const httplib::MultipartFormData& file = ctx.request.get_file_value("file");
  if (file.content.empty()) return absl::InvalidArgumentError("the uploaded file is empty");
  const ingest::IngestLimits limits;
  if (file.content.size() > limits.max_file_bytes) {
    return absl::OutOfRangeError(fmt::format("the file is {} bytes; at most {} are read",
                                             file.content.size(), limits.max_file_bytes));
  }
  UploadMeta upload;
  upload.display_name = UploadDisplayName(file.filename);
  absl::StatusOr<std::string> extension = UploadExtension(upload.display_name);
  if (!extension.ok()) return extension.status();
  upload.extension = *extension;
  absl::StatusOr<doc::DocumentMeta> meta = MetaFields(ctx);
  if (!meta.ok()) return meta.status();
  upload.meta = *std::move(meta);
  upload.owner = ctx.user ? ctx.user->name : std::string();

  if (ctx.config().spool_dir.empty()) {
    return absl::UnavailableError("this server takes no uploads (it was started without a spool "
                                  "folder)");
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<std::optional<doc::DocumentMeta>> existing =
      (*store)->FindBySha256(Sha256Hex(file.content));
  if (!existing.ok()) return existing.status();
  UploadOutcome outcome;
  if (existing->has_value()) {
    outcome.already_present = **existing;
    return outcome;
  }

  const UploadSpool spool(ctx.config().spool_dir);
  absl::StatusOr<SpoolEntry> entry = spool.Put(file.content, upload);
  if (!entry.ok()) return entry.status();
  const std::string what = fmt::format(
      "{}{}{}", upload.display_name, upload.meta.symbol.empty() ? "" : " as ", upload.meta.symbol);
  outcome.job_id = SubmitIngestJob(ctx.jobs(), spool, *std::move(entry), /*recovered=*/false);
  ctx.Audit("document.upload", fmt::format("job {}", *outcome.job_id), what);
  return outcome;
}

}  // namespace tw::server
