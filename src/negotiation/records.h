// The record of a negotiation: sessions, statements, positions, recorded votes. Plain values;
// the store persists them (store/store.h), the importers read them (record_import.h,
// transcript_import.h), the analyses read them (vote_tally.h, coalitions.h).
#ifndef TREATYWATCH_NEGOTIATION_RECORDS_H_
#define TREATYWATCH_NEGOTIATION_RECORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tw::negotiation {

struct Session {
  int number = 0;               // 1-based, unique per instrument
  std::string instrument;       // may be empty (the only negotiation in the store)
  std::string title;            // "Third session"
  std::string start_date;       // YYYY-MM-DD
  std::string end_date;
  std::string venue;            // "New York"
  std::vector<std::string> agenda_items;  // "Item 4: general debate", in order
};

// Something an actor said on the record.
struct Statement {
  std::int64_t id = 0;  // 0 until stored
  std::string actor;    // actor id ("BRA")
  int session = 0;      // 0 if unknown
  std::string agenda_item;
  std::string date;     // YYYY-MM-DD or empty
  std::string text;
  std::string source_url;
  std::int64_t document_id = 0;  // the stored transcript or statement it came from; 0 if none
  // Provisions the statement cites, as the foundation's cross-reference parser resolved them
  // against the instrument's latest draft ("art24", "art24.p2"); empty when none.
  std::vector<std::string> cited_paths;
};

enum class Stance { kSupport, kOppose, kAmend, kReserve, kNeutral };
std::string_view StanceName(Stance stance);  // "support", "oppose", "amend", "reserve", "neutral"
bool ParseStance(std::string_view name, Stance* stance);  // any case

// An actor's stance on a provision or a topic, as of a date. The history is kept: a later
// position on the same (actor, subject) supersedes, never overwrites, the earlier one.
struct Position {
  std::int64_t id = 0;
  std::string actor;    // actor id
  std::string subject;  // a provision path ("art24") or a topic label ("scope: narrow")
  Stance stance = Stance::kNeutral;
  std::string date;     // YYYY-MM-DD
  std::string source_kind;  // "statement", "proposal", "note"
  std::string source;       // statement id, document symbol, or free text
  std::string note;
};

enum class Ballot { kYes, kNo, kAbstain, kAbsent };
std::string_view BallotName(Ballot ballot);  // "yes", "no", "abstain", "absent"
bool ParseBallot(std::string_view name, Ballot* ballot);  // any case

struct BallotCast {
  std::string actor;  // actor id (ISO alpha-3 for states)
  Ballot ballot = Ballot::kAbsent;
};

// A recorded vote. `ballots` holds every member state (those not listed at import are absent).
struct RecordedVote {
  std::string symbol;    // "A/RES/74/247"
  std::string body;      // "General Assembly"
  std::string date;      // YYYY-MM-DD
  std::string question;  // "Draft resolution A/C.3/74/L.11/Rev.1 as a whole"
  std::vector<BallotCast> ballots;  // sorted by actor id
};

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_RECORDS_H_
