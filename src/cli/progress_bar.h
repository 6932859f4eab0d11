// ProgressBar: a one-line progress display on stderr for long work. Draws only when stderr
// is a terminal (and not with --json), so piped and scripted runs stay quiet.
#ifndef TREATYWATCH_CLI_PROGRESS_BAR_H_
#define TREATYWATCH_CLI_PROGRESS_BAR_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace tw::cli {

class ProgressBar {
 public:
  ProgressBar(std::size_t total, bool enabled);
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Marks `done` items finished, currently working on `item`.
  void Update(std::size_t done, std::string_view item);

 private:
  void Clear();

  std::size_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_PROGRESS_BAR_H_
