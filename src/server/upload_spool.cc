#include "server/upload_spool.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "text/utf8.h"

namespace tw::server {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMetaSuffix = ".json";
constexpr std::string_view kTempSuffix = ".tmp";
constexpr std::string_view kPrefix = "up-";
// A metadata file is a few hundred bytes; anything bigger was not written by Put.
constexpr std::uintmax_t kMaxMetaBytes = 1u << 20;

std::string NewEntryName() {
  unsigned char random[16];
  randombytes_buf(random, sizeof random);
  std::string name(kPrefix);
  for (unsigned char byte : random) name += fmt::format("{:02x}", byte);
  return name;
}

absl::Status DiskError(std::string_view what) {
  // The message names no server path: it may reach the uploader.
  return absl::UnavailableError(
      fmt::format("the upload could not be saved on the server ({}: {})", what,
                  std::strerror(errno)));
}

absl::Status SyncFolder(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return DiskError("opening the spool folder");
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) return DiskError("syncing the spool folder");
  return absl::OkStatus();
}

// <path>.tmp, written whole, fsynced, renamed to <path>: after a crash <path> is whole or absent.
absl::Status WriteDurably(const fs::path& path, std::string_view bytes) {
  const fs::path temp = path.string() + std::string(kTempSuffix);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return DiskError("creating a spool file");
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      absl::Status error = DiskError("writing a spool file");
      ::close(fd);
      ::unlink(temp.c_str());
      return error;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    absl::Status error = DiskError("syncing a spool file");
    ::close(fd);
    ::unlink(temp.c_str());
    return error;
  }
  ::close(fd);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    absl::Status error = DiskError("renaming a spool file");
    ::unlink(temp.c_str());
    return error;
  }
  return absl::OkStatus();
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool IsEntryName(std::string_view name) {
  if (name.size() != kPrefix.size() + 32 || name.substr(0, kPrefix.size()) != kPrefix) {
    return false;
  }
  return std::all_of(name.begin() + kPrefix.size(), name.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

std::string StringField(const nlohmann::json& json, const char* key) {
  auto found = json.find(key);
  return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

nlohmann::json UploadMetaToJson(const UploadMeta& upload) {
  const doc::DocumentMeta& meta = upload.meta;
  return {{"symbol", meta.symbol},         {"title", meta.title},
          {"kind", meta.kind},             {"date", meta.date},
          {"lang", meta.lang},             {"session", meta.session},
          {"instrument", meta.instrument}, {"authors", meta.authors},
          {"display_name", upload.display_name}, {"extension", upload.extension},
          {"owner", upload.owner}};
}

absl::StatusOr<UploadMeta> UploadMetaFromJson(const nlohmann::json& json) {
  if (!json.is_object()) return absl::InvalidArgumentError("upload metadata is not an object");
  UploadMeta upload;
  doc::DocumentMeta& meta = upload.meta;
  meta.symbol = StringField(json, "symbol");
  meta.title = StringField(json, "title");
  meta.kind = StringField(json, "kind");
  meta.date = StringField(json, "date");
  meta.lang = StringField(json, "lang");
  meta.instrument = StringField(json, "instrument");
  if (auto session = json.find("session"); session != json.end() && session->is_number_integer()) {
    meta.session = session->get<int>();
  }
  if (auto authors = json.find("authors"); authors != json.end() && authors->is_array()) {
    for (const auto& author : *authors) {
      if (author.is_string()) meta.authors.push_back(author.get<std::string>());
    }
  }
  upload.display_name = StringField(json, "display_name");
  upload.extension = StringField(json, "extension");
  upload.owner = StringField(json, "owner");
  if (!UploadExtension("x" + upload.extension).ok()) {
    return absl::InvalidArgumentError("upload metadata names no known file type");
  }
  return upload;
}

std::string UploadDisplayName(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  std::string kept;
  for (char c : file_name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) continue;
    kept += c;
  }
  // Invalid UTF-8 becomes '?', byte by byte, so the name can be stored and shown.
  std::string name;
  std::string_view rest = kept;
  while (!rest.empty()) {
    const std::optional<std::size_t> bad = text::FindInvalidUtf8(rest);
    if (!bad) {
      name.append(rest);
      break;
    }
    name.append(rest.substr(0, *bad));
    name += '?';
    rest.remove_prefix(*bad + 1);
  }
  if (name.size() > kMaxDisplayNameBytes) {
    std::size_t cut = kMaxDisplayNameBytes;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  while (!name.empty() && (name.front() == '.' || name.front() == ' ')) name.erase(0, 1);
  return name.empty() ? "upload" : name;
}

absl::StatusOr<std::string> UploadExtension(std::string_view display_name) {
  static constexpr std::string_view kExtensions[] = {".pdf", ".docx", ".html",     ".htm",
                                                     ".xhtml", ".md", ".markdown", ".txt"};
  const std::size_t dot = display_name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string extension(display_name.substr(dot));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (std::string_view known : kExtensions) {
      if (extension == known) return extension;
    }
  }
  return absl::InvalidArgumentError(
      "upload a .pdf, .docx, .html, .md or .txt file (the file name's extension says which)");
}

absl::StatusOr<SpoolEntry> UploadSpool::Put(std::string_view bytes,
                                            const UploadMeta& upload) const {
  std::error_code error;
  fs::create_directories(dir_, error);
  if (error) return absl::UnavailableError("the upload could not be saved on the server "
                                           "(the spool folder cannot be created)");
  SpoolEntry entry;
  entry.name = NewEntryName();
  entry.bytes_path = dir_ / (entry.name + upload.extension);
  entry.meta_path = dir_ / (entry.name + std::string(kMetaSuffix));
  entry.upload = upload;
  if (absl::Status s = WriteDurably(entry.bytes_path, bytes); !s.ok()) return s;
  // The bytes' rename must be on disk before the metadata can say the entry is whole.
  if (absl::Status s = SyncFolder(dir_); !s.ok()) return s;
  const std::string meta =
      UploadMetaToJson(upload).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (absl::Status s = WriteDurably(entry.meta_path, meta); !s.ok()) {
    fs::remove(entry.bytes_path, error);
    return s;
  }
  if (absl::Status s = SyncFolder(dir_); !s.ok()) return s;
  return entry;
}

absl::Status UploadSpool::Remove(const SpoolEntry& entry) const {
  std::error_code error;
  fs::remove(entry.meta_path, error);
  if (error) return absl::UnavailableError("cannot remove a finished upload from the spool");
  fs::remove(entry.bytes_path, error);
  if (error) return absl::UnavailableError("cannot remove a finished upload from the spool");
  return SyncFolder(dir_);
}

absl::StatusOr<std::vector<SpoolEntry>> UploadSpool::Recover() const {
  std::vector<SpoolEntry> entries;
  std::error_code error;
  if (!fs::exists(dir_, error)) return entries;
  std::vector<std::pair<fs::file_time_type, SpoolEntry>> found;
  std::vector<fs::path> leftovers;
  for (fs::directory_iterator it(dir_, error), end; !error && it != end; it.increment(error)) {
    const std::string file = it->path().filename().string();
    if (EndsWith(file, kTempSuffix)) {
      leftovers.push_back(it->path());
      continue;
    }
    const std::string stem = file.substr(0, file.find('.'));
    if (!IsEntryName(stem)) continue;
    if (!EndsWith(file, kMetaSuffix)) {
      if (!fs::exists(dir_ / (stem + std::string(kMetaSuffix))) && !EndsWith(file, ".bad")) {
        leftovers.push_back(it->path());  // bytes never acknowledged
      }
      continue;
    }
    const std::string name = stem;
    SpoolEntry entry;
    entry.name = name;
    entry.meta_path = it->path();
    absl::StatusOr<UploadMeta> upload = absl::InvalidArgumentError("unreadable");
    std::error_code size_error;
    const std::uintmax_t size = fs::file_size(entry.meta_path, size_error);
    if (!size_error && size <= kMaxMetaBytes) {
      std::ifstream in(entry.meta_path, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      const nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
      upload = UploadMetaFromJson(json);
    }
    if (upload.ok()) {
      entry.bytes_path = dir_ / (name + upload->extension);
      if (!fs::exists(entry.bytes_path)) upload = absl::DataLossError("bytes missing");
    }
    if (!upload.ok()) {
      std::error_code ignored;
      fs::rename(entry.meta_path, entry.meta_path.string() + ".bad", ignored);
      continue;
    }
    entry.upload = *std::move(upload);
    found.emplace_back(it->last_write_time(), std::move(entry));
  }
  if (error) return absl::UnavailableError("cannot list the upload spool: " + error.message());
  for (const fs::path& path : leftovers) fs::remove(path, error);
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [time, entry] : found) entries.push_back(std::move(entry));
  if (!leftovers.empty()) {
    if (absl::Status s = SyncFolder(dir_); !s.ok()) return s;
  }
  return entries;
}

}  // namespace tw::server
