#include "compare/phase_timer.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace tw::compare {

bool PhaseTimingsEnabled() {
  static const bool enabled = [] {
    const char* value = std::getenv("TW_TRACE_TIMINGS");
    return value != nullptr && *value != '\0' && std::string_view(value) != "0";
  }();
  return enabled;
}

PhaseTimer::PhaseTimer(std::string_view name) : enabled_(PhaseTimingsEnabled()) {
  if (!enabled_) return;
  name_ = name;
  start_ = std::chrono::steady_clock::now();
}

PhaseTimer::~PhaseTimer() { Report(); }

void PhaseTimer::Next(std::string_view name) {
  if (!enabled_) return;
  Report();
  name_ = name;
  start_ = std::chrono::steady_clock::now();
}

void PhaseTimer::Report() const {
  if (!enabled_) return;
  const std::chrono::duration<double, std::milli> elapsed =
      std::chrono::steady_clock::now() - start_;
  // One write per line, so lines of concurrent timers do not interleave.
  const std::string line = fmt::format("treatywatch: phase {}: {:.2f} ms\n", name_, elapsed.count());
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace tw::compare
