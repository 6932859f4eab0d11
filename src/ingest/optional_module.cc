#include "ingest/optional_module.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace tw::ingest {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> ModuleDirectories() {
  std::vector<fs::path> directories;
  // Set, it is the only place: a packager or a test can then say exactly which modules run.
  if (const char* configured = std::getenv("TREATYWATCH_MODULE_DIR");
      configured != nullptr && *configured != '\0') {
    directories.emplace_back(configured);
    return directories;
  }
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  if (!error) directories.push_back(program.parent_path().parent_path() / "lib" / "treatywatch");
  directories.emplace_back(TW_MODULE_DIR);
  return directories;
}

using EntryFunction = const void* (*)();

absl::StatusOr<const void*> Load(std::string_view file, std::string_view entry,
                                 std::string_view purpose) {
  std::string tried;
  std::string last_error;
  for (const fs::path& directory : ModuleDirectories()) {
    const fs::path path = directory / file;
    std::error_code error;
    if (!fs::exists(path, error)) {
      tried += tried.empty() ? path.string() : ", " + path.string();
      continue;
    }
    // RTLD_LOCAL: the module's libraries stay out of the global symbol scope.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      last_error = fmt::format("{}: {}", path.string(), why != nullptr ? why : "cannot be loaded");
      continue;
    }
    auto function = reinterpret_cast<EntryFunction>(dlsym(handle, std::string(entry).c_str()));
    if (function == nullptr) {
      return absl::FailedPreconditionError(
          fmt::format("{}: not a treatywatch module (no {})", path.string(), entry));
    }
    const void* table = function();
    if (table == nullptr || *static_cast<const int*>(table) != kOptionalModuleAbi) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: built for another version of treatywatch; rebuild or reinstall it",
          path.string()));
    }
    return table;
  }
  if (!last_error.empty()) {
    return absl::FailedPreconditionError(
        fmt::format("{} needs the module {}, which failed to load: {}", purpose, file,
                    last_error));
  }
  return absl::FailedPreconditionError(fmt::format(
      "{} needs the module {}, which is not installed (looked in {}; set "
      "TREATYWATCH_MODULE_DIR to its directory)",
      purpose, file, tried));
}

}  // namespace

absl::StatusOr<const void*> LoadOptionalModule(std::string_view file, std::string_view entry,
                                               std::string_view purpose) {
  static std::mutex mutex;
  static auto* loaded = new std::map<std::string, absl::StatusOr<const void*>, std::less<>>;
  std::lock_guard lock(mutex);
  auto it = loaded->find(file);
  if (it == loaded->end()) {
    it = loaded->emplace(std::string(file), Load(file, entry, purpose)).first;
  }
  return it->second;
}

}  // namespace tw::ingest
