#include "ingest/reader.h"

#include <sodium.h>

#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "ingest/docx_reader.h"
#include "ingest/html_reader.h"
#include "ingest/markdown_reader.h"
#include "ingest/pdf_reader.h"
#include "ingest/txt_reader.h"

namespace tw::ingest {
namespace {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof digest);
  for (unsigned char byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 0xF]);
  }
  return hex;
}

std::string HumanBytes(std::uintmax_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

absl::Status CheckDocumentBytes(std::string_view name, std::string_view bytes,
                                const IngestLimits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: {} bytes, over the limit of {} bytes for one document", name,
                    bytes.size(), limits.max_file_bytes));
  }
  if (bytes.empty()) return absl::InvalidArgumentError(fmt::format("{}: the file is empty", name));
  return absl::OkStatus();
}

absl::StatusOr<doc::SourceText> ReadSource(std::string_view name, std::string_view bytes,
                                           SourceFormat format, const ReadOptions& options) {
  switch (format) {
    case SourceFormat::kText: return ReadPlainText(name, bytes, options);
    case SourceFormat::kMarkdown: return ReadMarkdown(name, bytes, options);
    case SourceFormat::kHtml: return ReadHtml(name, bytes, options);
    case SourceFormat::kDocx: return ReadDocx(name, bytes, options);
    case SourceFormat::kPdf: return ReadPdf(name, bytes, options);
  }
  return absl::InternalError("unknown source format");
}

absl::StatusOr<LoadedSource> ReadSourceFile(const std::filesystem::path& path,
                                            const ReadOptions& options) {
  const std::string name = path.string();
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    return absl::NotFoundError(fmt::format("{}: no such file", name));
  }
  if (!std::filesystem::is_regular_file(status)) {
    return absl::InvalidArgumentError(fmt::format("{}: not a regular file", name));
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) return absl::UnavailableError(fmt::format("{}: {}", name, error.message()));
  if (size == 0) return absl::InvalidArgumentError(fmt::format("{}: the file is empty", name));
  if (size > options.limits.max_file_bytes) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: the file is {}, over the {} limit for one document", name,
                    HumanBytes(size), HumanBytes(options.limits.max_file_bytes)));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::PermissionDeniedError(fmt::format("{}: cannot be opened", name));
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    return absl::DataLossError(fmt::format("{}: read {} of {} bytes", name, in.gcount(), size));
  }
  absl::StatusOr<SourceFormat> format = DetectFormat(name, bytes);
  if (!format.ok()) return format.status();
  absl::StatusOr<doc::SourceText> text = ReadSource(name, bytes, *format, options);
  if (!text.ok()) return text.status();
  return LoadedSource{*std::move(text), *format, Sha256Hex(bytes)};
}

}  // namespace tw::ingest
