// A small negotiation record for the store tests (negotiation/records.h, actor.h): sessions,
// statements citing provisions, a position history, recorded votes and user-defined actors,
// with every field set and text in several scripts. Describe() prints a value with every field,
// so that EXPECT_EQ(Describe(a), Describe(b)) compares two values whole and shows the
// difference.
#ifndef TREATYWATCH_TESTS_STORE_STORE_TEST_NEGOTIATION_H_
#define TREATYWATCH_TESTS_STORE_STORE_TEST_NEGOTIATION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "negotiation/actor.h"
#include "negotiation/records.h"
#include "store/store.h"

namespace tw::store::testing {

negotiation::Session SampleSession(std::string_view instrument, int number);

// Four statements by BRA, RUS, "group:eu" and "org:eff" over sessions 1 and 2, citing art24,
// art24.p2, art240, art2 and art5; `document_id` (0 for none) on the first two.
std::vector<negotiation::Statement> SampleStatements(std::int64_t document_id);

// BRA's stance on art24 over three dates (oppose, then amend, then support), and others.
std::vector<negotiation::Position> SamplePositions();

// A recorded vote with ballots sorted by actor id, every ballot kind present.
negotiation::RecordedVote SampleVote(std::string_view symbol);

// A user-defined negotiating group with aliases and sorted members, and an organisation.
negotiation::Actor SampleGroup();
negotiation::Actor SampleOrganisation();

// Puts all of the above through the Store API (a session of two instruments, the statements,
// positions, two votes, two actors); every put is expected to succeed.
void PutSampleRecord(Store& store, std::int64_t document_id);

std::string Describe(const negotiation::Session& session);
std::string Describe(const negotiation::Statement& statement);
std::string Describe(const negotiation::Position& position);
std::string Describe(const negotiation::RecordedVote& vote);
std::string Describe(const negotiation::Actor& actor);
template <typename T>
std::string Describe(const std::vector<T>& values) {
  std::string out;
  for (const T& value : values) out += Describe(value) + "\n";
  return out;
}

}  // namespace tw::store::testing

#endif  // TREATYWATCH_TESTS_STORE_STORE_TEST_NEGOTIATION_H_
