// The canonical content of a store, table by table, so that two stores can be compared
// whatever their backends: `treatywatch migrate` prints and compares these digests to prove a
// copy complete.
//
// The content is what users put in, not what a backend derives from it: the tables and columns
// listed by DigestTableSpecs() (the full-text indexes are left out), every row in the order of its
// key: integers, or text both schemas compare byte by byte (SQLite's BINARY, PostgreSQL's COLLATE
// "C" on those columns), so both backends read rows in the same order whatever the database's
// locale. A row is encoded as a compact JSON array of its values in the listed column order —
// integers as numbers (booleans as 0/1), reals as their shortest round-trip text, text (and
// times, as ISO text) as strings, NULL as null — followed by a newline, and
// the digest is the SHA-256 (libsodium) of those lines:
//   [7,null,0,"A/AC.291/22","Draft convention","draft",...]\n
// A backend runs DigestSelectSql(spec, ...) and hands each value, typed, to a TableDigester.
// Thread safety: the specs are constants; a TableDigester is used by one thread.
#ifndef TREATYWATCH_STORE_CONTENT_DIGEST_H_
#define TREATYWATCH_STORE_CONTENT_DIGEST_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "store/store.h"

namespace tw::store {

enum class DigestColumnType {
  kInteger,
  kNullableInteger,
  kText,
  kNullableText,
  kBoolean,  // stored as 0/1 (SQLite) or boolean (PostgreSQL); digested as 0/1
  kReal,     // REAL / double precision; digested as its shortest round-trip text, a JSON number
  // ISO 8601 UTC text with seconds (SQLite) or timestamptz (PostgreSQL, which the backend's
  // expression formats as that text); digested as the text.
  kTimestamp,
  kNullableTimestamp,
};

// True for the types whose column may be NULL (digested as null).
bool IsNullableDigestColumn(DigestColumnType type);

struct DigestColumn {
  std::string_view name;
  DigestColumnType type;
};

struct DigestTableSpec {
  std::string_view table;
  std::span<const DigestColumn> columns;
  std::string_view order_by;  // key columns: integers, or byte-ordered text
};

// documents, provisions, cross_references, parse_warnings, instruments, document_authors, then
// the negotiation record: sessions, agenda_items, statements, statement_citations, positions,
// votes, ballots, actors, actor_aliases, group_members, then the fact-check record: claims,
// factchecks, evidence, factcheck_revisions, then the account record: users, audit_log.
std::span<const DigestTableSpec> DigestTableSpecs();

// "SELECT <columns> FROM <table> ORDER BY <key>". `expression` may replace a column by an
// expression of the backend's own that yields the canonical value (PostgreSQL formats its
// timestamptz as the ISO text SQLite stores); it returns an empty string to keep the column.
std::string DigestSelectSql(
    const DigestTableSpec& spec,
    const std::function<std::string(std::string_view table, std::string_view column)>&
        expression = nullptr);

class TableDigester {
 public:
  explicit TableDigester(std::string_view table);
  TableDigester(const TableDigester&) = delete;
  TableDigester& operator=(const TableDigester&) = delete;
  ~TableDigester();

  void AddInteger(std::int64_t value);
  void AddReal(double value);
  void AddText(std::string_view value);
  void AddNull();
  void EndRow();
  // The digest of the rows ended so far; the digester is spent afterwards.
  TableDigest Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_CONTENT_DIGEST_H_
