#include "ingest/docx_package.h"

#include <fmt/format.h>
#include <zip.h>

#include <vector>

namespace tw::ingest {
namespace {

constexpr std::size_t kReadChunk = 64u << 10;

std::string HumanBytes(std::size_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

void DocxPackage::ZipCloser::operator()(zip* archive) const { zip_discard(archive); }

DocxPackage::DocxPackage(std::string name, std::unique_ptr<zip, ZipCloser> archive,
                         std::size_t budget)
    : name_(std::move(name)), archive_(std::move(archive)), budget_(budget) {}
DocxPackage::DocxPackage(DocxPackage&&) noexcept = default;
DocxPackage& DocxPackage::operator=(DocxPackage&&) noexcept = default;
DocxPackage::~DocxPackage() = default;

absl::StatusOr<DocxPackage> DocxPackage::Open(std::string_view name, std::string_view bytes,
                                              const IngestLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    std::string message =
        fmt::format("{}: cannot read the zip data: {}", name, zip_error_strerror(&error));
    zip_error_fini(&error);
    return absl::ResourceExhaustedError(message);
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) {
    zip_source_free(source);
    std::string message =
        fmt::format("{}: not a valid DOCX (zip) file: {}", name, zip_error_strerror(&error));
    zip_error_fini(&error);
    return absl::InvalidArgumentError(message);
  }
  zip_error_fini(&error);
  return DocxPackage(std::string(name), std::unique_ptr<zip, ZipCloser>(archive),
                     limits.max_uncompressed_bytes);
}

bool DocxPackage::Has(std::string_view member) const {
  return zip_name_locate(archive_.get(), std::string(member).c_str(), 0) >= 0;
}

absl::StatusOr<std::optional<std::string>> DocxPackage::ReadIfPresent(std::string_view member) {
  if (!Has(member)) return std::optional<std::string>();
  absl::StatusOr<std::string> bytes = Read(member);
  if (!bytes.ok()) return bytes.status();
  return std::optional<std::string>(*std::move(bytes));
}

absl::StatusOr<std::string> DocxPackage::Read(std::string_view member) {
  const std::string member_name(member);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_.get(), member_name.c_str(), 0, &stat) != 0) {
    return absl::NotFoundError(fmt::format("{}: {} is missing", name_, member));
  }
  // The declared size is checked first, so a bomb is refused before anything is inflated; the
  // running count below catches a member that lies about its size.
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > budget_) {
    return absl::ResourceExhaustedError(fmt::format(
        "{}: {}: inflates to {}, over the {} limit for uncompressed DOCX content", name_, member,
        HumanBytes(static_cast<std::size_t>(stat.size)), HumanBytes(budget_)));
  }
  zip_file_t* file = zip_fopen(archive_.get(), member_name.c_str(), 0);
  if (!file) {
    return absl::DataLossError(
        fmt::format("{}: {}: cannot be opened: {}", name_, member, zip_strerror(archive_.get())));
  }
  std::string out;
  if (stat.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(stat.size));
  std::vector<char> chunk(kReadChunk);
  while (true) {
    const zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
    if (n < 0) {
      std::string message =
          fmt::format("{}: {}: damaged zip data: {}", name_, member, zip_file_strerror(file));
      zip_fclose(file);
      return absl::DataLossError(message);
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > budget_) {
      zip_fclose(file);
      return absl::ResourceExhaustedError(
          fmt::format("{}: {}: inflates to more than the {} limit for uncompressed DOCX content",
                      name_, member, HumanBytes(budget_)));
    }
    out.append(chunk.data(), static_cast<std::size_t>(n));
  }
  zip_fclose(file);
  budget_ -= out.size();
  return out;
}

std::string RelationshipsPartOf(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
  const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return fmt::format("{}_rels/{}.rels", folder, file);
}

std::string ResolvePartTarget(std::string_view source_part, std::string_view target) {
  std::vector<std::string> parts;
  if (!target.empty() && target.front() == '/') {
    target.remove_prefix(1);
  } else {
    std::string_view folder = source_part;
    const std::size_t slash = folder.rfind('/');
    folder = slash == std::string_view::npos ? "" : folder.substr(0, slash);
    while (!folder.empty()) {
      const std::size_t next = folder.find('/');
      parts.emplace_back(folder.substr(0, next));
      if (next == std::string_view::npos) break;
      folder.remove_prefix(next + 1);
    }
  }
  while (!target.empty()) {
    const std::size_t next = target.find('/');
    const std::string_view segment = target.substr(0, next);
    if (segment == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!segment.empty() && segment != ".") {
      parts.emplace_back(segment);
    }
    if (next == std::string_view::npos) break;
    target.remove_prefix(next + 1);
  }
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

}  // namespace tw::ingest
