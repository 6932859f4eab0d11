#include "server/jobs.h"

#include <memory>

namespace tw::server {
namespace {

std::string_view JobStateName(JobState state) {
  switch (state) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kDone: return "done";
    case JobState::kFailed: return "failed";
  }
  return "queued";
}

}  // namespace

nlohmann::json JobStatusJson(const JobStatus& status) {
  return {{"id", status.id},           {"kind", status.kind},
          {"title", status.title},     {"owner", status.owner},
          {"state", JobStateName(status.state)},
          {"progress", status.progress}, {"message", status.message},
          {"result_url", status.result_url}};
}

JobQueue::JobQueue(std::string store_url)
    : store_url_(std::move(store_url)), worker_([this] { RunJobs(); }) {}

JobQueue::~JobQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

std::int64_t JobQueue::Submit(std::string kind, std::string title, std::string owner,
                              JobWork work) {
  std::int64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
    JobStatus status;
    status.id = id;
    status.kind = std::move(kind);
    status.title = std::move(title);
    status.owner = std::move(owner);
    status.message = "waiting for earlier jobs";
    statuses_[id] = std::move(status);
    queue_.emplace_back(id, std::move(work));
  }
  changed_.notify_all();
  return id;
}

std::optional<JobStatus> JobQueue::Get(std::int64_t id) const {
  std::lock_guard lock(mutex_);
  auto found = statuses_.find(id);
  if (found == statuses_.end()) return std::nullopt;
  return found->second;
}

std::vector<JobStatus> JobQueue::List() const {
  std::lock_guard lock(mutex_);
  std::vector<JobStatus> list;
  for (auto it = statuses_.rbegin(); it != statuses_.rend(); ++it) list.push_back(it->second);
  return list;
}

void JobQueue::WaitIdle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return (queue_.empty() && !running_job_) || stopping_; });
}

void JobQueue::set_on_finished(std::function<void()> on_finished) {
  std::lock_guard lock(mutex_);
  on_finished_ = std::move(on_finished);
}

void JobQueue::RunJobs() {
  std::unique_ptr<store::Store> store;
  for (;;) {
    std::pair<std::int64_t, JobWork> job;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      running_job_ = true;
      statuses_[job.first].state = JobState::kRunning;
      statuses_[job.first].message = "starting";
    }
    const std::int64_t id = job.first;
    auto progress = [this, id](double fraction, std::string_view step) {
      std::lock_guard lock(mutex_);
      JobStatus& status = statuses_[id];
      status.progress = std::clamp(fraction, 0.0, 1.0);
      status.message = std::string(step);
    };
    absl::StatusOr<std::string> result = absl::InternalError("no store");
    if (store == nullptr) {
      auto opened = store::OpenStore(store_url_);
      if (opened.ok()) {
        store = std::move(*opened);
      } else {
        result = opened.status();
      }
    }
    if (store != nullptr) {
      // The one exception boundary of a job: a library throw fails the job, not the server.
      try {
        result = job.second(*store, progress);
      } catch (const std::exception& e) {
        result = absl::InternalError(std::string("internal error: ") + e.what());
      }
    }
    std::function<void()> on_finished;
    {
      std::lock_guard lock(mutex_);
      on_finished = on_finished_;
    }
    // Before the job shows as done: a page that sees "done" and follows result_url must not get
    // an answer cached from before the job's writes.
    if (on_finished) on_finished();
    {
      std::lock_guard lock(mutex_);
      JobStatus& status = statuses_[id];
      if (result.ok()) {
        status.state = JobState::kDone;
        status.progress = 1;
        status.message = "done";
        status.result_url = *result;
      } else {
        status.state = JobState::kFailed;
        status.message = std::string(result.status().message());
      }
      running_job_ = false;
      // Forget the oldest finished jobs beyond the limit.
      std::size_t finished = 0;
      for (auto it = statuses_.rbegin(); it != statuses_.rend();) {
        const bool done = it->second.state == JobState::kDone ||
                          it->second.state == JobState::kFailed;
        if (done && ++finished > kMaxFinished) {
          it = decltype(it)(statuses_.erase(std::next(it).base()));
        } else {
          ++it;
        }
      }
    }
    changed_.notify_all();
  }
}

}  // namespace tw::server
