// JobQueue: long work (ingesting an uploaded PDF, tracing a corpus) run in the background so
// the server keeps answering; pages poll a job's progress (GET /api/v1/jobs/ID).
//
// Jobs run one at a time on one background thread with a store of its own, in submission
// order: ingests write, and one writer at a time is what SQLite allows anyway.
// Finished jobs are kept (the newest kMaxFinished) so a page reloaded later still finds them.
//
// Thread safety: every method may be called from any thread.
#ifndef TREATYWATCH_SERVER_JOBS_H_
#define TREATYWATCH_SERVER_JOBS_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "store/store.h"

namespace tw::server {

enum class JobState { kQueued, kRunning, kDone, kFailed };

struct JobStatus {
  std::int64_t id = 0;
  std::string kind;   // "ingest", ...
  std::string title;  // "A-AC-291-22.pdf"
  std::string owner;  // who submitted it
  JobState state = JobState::kQueued;
  double progress = 0;     // 0..1
  std::string message;     // the current step, or the error
  std::string result_url;  // where to look when done ("/documents/7")
};

nlohmann::json JobStatusJson(const JobStatus& status);

// Reports progress from inside a job: fraction done (0..1) and the current step.
using JobProgress = std::function<void(double fraction, std::string_view step)>;
// The work: returns the URL of what it made, or an error shown to the user.
using JobWork = std::function<absl::StatusOr<std::string>(store::Store&, const JobProgress&)>;

class JobQueue {
 public:
  static constexpr std::size_t kMaxFinished = 200;

  explicit JobQueue(std::string store_url);
  ~JobQueue();  // finishes the running job, drops queued ones
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  std::int64_t Submit(std::string kind, std::string title, std::string owner, JobWork work);
  std::optional<JobStatus> Get(std::int64_t id) const;
  std::vector<JobStatus> List() const;  // newest first
  // Blocks until no job is queued or running (tests, shutdown).
  void WaitIdle();
  // Called on the job thread after each job ends, done or failed, once its writes are
  // committed (the server clears its response cache there).
  void set_on_finished(std::function<void()> on_finished);

 private:
  void RunJobs();

  std::string store_url_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::int64_t, JobStatus> statuses_;
  std::deque<std::pair<std::int64_t, JobWork>> queue_;
  std::int64_t next_id_ = 1;
  bool running_job_ = false;
  bool stopping_ = false;
  std::function<void()> on_finished_;
  std::thread worker_;
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_JOBS_H_
