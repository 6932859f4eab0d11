// SpoolLock: one `treatywatch serve` per upload spool folder. Two servers sharing a spool would
// each re-queue, at start, entries the other is still ingesting and remove each other's files;
// with two servers on one PostgreSQL database (docs/deploy.md) that mistake is one missing
// `--spool` away. The lock is flock(2) on <spool>/.lock, held for the life of the process:
// the kernel releases it when the process dies, even by SIGKILL, so a crash never leaves a
// stale lock behind.
#ifndef TREATYWATCH_SERVER_SPOOL_LOCK_H_
#define TREATYWATCH_SERVER_SPOOL_LOCK_H_

#include <filesystem>

#include "absl/status/statusor.h"

namespace tw::server {

// The lock's file inside the spool folder; not an upload.
inline constexpr char kSpoolLockFile[] = ".lock";

class SpoolLock {
 public:
  // Creates the folder if needed and takes the lock. FailedPrecondition naming the folder when
  // another process holds it; Unavailable when the folder cannot be created or opened.
  static absl::StatusOr<SpoolLock> Acquire(const std::filesystem::path& dir);

  SpoolLock(SpoolLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  SpoolLock& operator=(SpoolLock&& other) noexcept;
  SpoolLock(const SpoolLock&) = delete;
  SpoolLock& operator=(const SpoolLock&) = delete;
  ~SpoolLock();

 private:
  explicit SpoolLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_SPOOL_LOCK_H_
