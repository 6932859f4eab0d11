// Phase timings for performance work: with TW_TRACE_TIMINGS=1 in the environment, a
// PhaseTimer prints one line per phase to stderr when the phase ends —
//   treatywatch: phase compare.weigh: 3.41 ms
// so a slow command shows where its time goes without a profiler. Unset (or "0"), a timer
// costs one cached flag test and prints nothing; output never depends on it.
//
// Thread-compatible: one timer per thread; the flag is read once, thread-safely.
#ifndef TREATYWATCH_COMPARE_PHASE_TIMER_H_
#define TREATYWATCH_COMPARE_PHASE_TIMER_H_

#include <chrono>
#include <string>
#include <string_view>

namespace tw::compare {

// Whether TW_TRACE_TIMINGS asks for phase timings.
bool PhaseTimingsEnabled();

class PhaseTimer {
 public:
  // Starts phase `name`.
  explicit PhaseTimer(std::string_view name);
  // Ends the current phase.
  ~PhaseTimer();
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

  // Ends the current phase and starts `name`.
  void Next(std::string_view name);

 private:
  void Report() const;

  bool enabled_;
  std::string name_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_PHASE_TIMER_H_
