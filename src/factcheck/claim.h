// Claim: something an actor asserted on the record that an observer decided to check ("Article
// 28 already contains all the safeguards of the Budapest Convention"). A plain value; the store
// keeps claims (store/factcheck_record.h), the detector proposes them (check_worthiness.h), the
// matcher finds earlier ones that say the same (claim_matcher.h).
#ifndef TREATYWATCH_FACTCHECK_CLAIM_H_
#define TREATYWATCH_FACTCHECK_CLAIM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tw::factcheck {

// How much a source is worth as a record of what was said, best first. A verdict built on a
// webcast transcript should say so; one built on the official record need not.
enum class SourceGrade { kOfficialRecord, kWrittenSubmission, kWebcast, kThirdPartyReport };

// "official-record", "written-submission", "webcast", "third-party-report".
std::string_view SourceGradeName(SourceGrade grade);
bool ParseSourceGrade(std::string_view name, SourceGrade* grade);  // any case

struct Claim {
  std::int64_t id = 0;         // 0 until stored
  std::string text;            // the words as said (or as confirmed from a detected sentence)
  std::string actor;           // actor id ("BRA", "EU", a user-defined group)
  std::int64_t statement_id = 0;  // the stored statement it came from; 0 if none
  int session = 0;             // 0 if unknown
  std::string date;            // YYYY-MM-DD or empty
  SourceGrade source_grade = SourceGrade::kOfficialRecord;
  std::string source_url;      // where the words can be heard or read; may be empty
  // Resolved automatically from the text (claim_references.h): provision paths of the
  // instrument's latest draft ("art28", "art24.p2") and names of other instruments the claim
  // invokes ("Budapest Convention"), each sorted and once.
  std::vector<std::string> cited_paths;
  std::vector<std::string> instruments;
  std::string created_by;      // user name; "cli" for the command line without accounts
  std::string created_at;      // ISO 8601 UTC, set by the store
};

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_CLAIM_H_
