// Reading a small text file a command was given (a CSV, a JSON list, a transcript) whole, with
// a size limit, and errors that name the file.
#ifndef TREATYWATCH_CLI_TEXT_FILE_H_
#define TREATYWATCH_CLI_TEXT_FILE_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace tw::cli {

inline constexpr std::size_t kMaxImportFileBytes = 64u << 20;

absl::StatusOr<std::string> ReadTextFile(const std::string& path,
                                         std::size_t max_bytes = kMaxImportFileBytes);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_TEXT_FILE_H_
