// Runs a real binary (the treatywatch CLI, the fixture tools) as a user would, capturing its
// exit code, stdout and stderr. Used by end-to-end tests only.
#ifndef TREATYWATCH_TESTS_E2E_CLI_RUNNER_H_
#define TREATYWATCH_TESTS_E2E_CLI_RUNNER_H_

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace tw::testing {

struct RunResult {
  int exit_code = -1;  // -1: did not exit normally
  int signal = 0;      // the signal that ended it, if any
  std::string out;
  std::string err;
};

RunResult Run(const std::vector<std::string>& argv,
              std::chrono::seconds timeout = std::chrono::seconds(300));

// The treatywatch binary and a fresh database path in a fresh temp folder.
std::string TreatywatchBinary();
std::string ToolBinary(const std::string& name);  // tools/<name>
std::filesystem::path CorpusDir();
std::filesystem::path SourceDir();
// A file of the demo corpus (demo/NAME in the source tree).
std::string DemoFile(const std::string& name);

// A temp folder removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Runs treatywatch with `--db db` prepended.
RunResult Tw(const std::filesystem::path& db, std::vector<std::string> args);

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& bytes);

}  // namespace tw::testing

#endif  // TREATYWATCH_TESTS_E2E_CLI_RUNNER_H_
