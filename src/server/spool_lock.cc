#include "server/spool_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

namespace tw::server {

absl::StatusOr<SpoolLock> SpoolLock::Acquire(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return absl::UnavailableError(
        fmt::format("{}: cannot create the upload spool folder: {}", dir.string(),
                    error.message()));
  }
  const std::filesystem::path lock_path = dir / kSpoolLockFile;
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return absl::UnavailableError(fmt::format("{}: cannot open: {}", lock_path.string(),
                                              std::strerror(errno)));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int cause = errno;
    ::close(fd);
    if (cause == EWOULDBLOCK) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: another treatywatch serve uses this upload spool folder; give each server its "
          "own --spool",
          dir.string()));
    }
    return absl::UnavailableError(fmt::format("{}: cannot lock: {}", lock_path.string(),
                                              std::strerror(cause)));
  }
  return SpoolLock(fd);
}

SpoolLock& SpoolLock::operator=(SpoolLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

SpoolLock::~SpoolLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace tw::server
