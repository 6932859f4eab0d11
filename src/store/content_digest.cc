#include "store/content_digest.h"

#include <sodium.h>

#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tw::store {
namespace {

using T = DigestColumnType;

// The columns both schemas share, in the order of the SQLite schema (sqlite_migrations.cc).
constexpr std::array<DigestColumn, 16> kDocuments = {{
    {"id", T::kInteger},          {"instrument_id", T::kNullableInteger},
    {"version", T::kInteger},     {"symbol", T::kText},
    {"title", T::kText},          {"kind", T::kText},
    {"date", T::kText},           {"lang", T::kText},
    {"session", T::kInteger},     {"source_name", T::kText},
    {"format", T::kText},         {"sha256", T::kText},
    {"page_count", T::kInteger},  {"text", T::kText},
    {"spans", T::kText},          {"ingested_at", T::kTimestamp},
}};
constexpr std::array<DigestColumn, 16> kProvisions = {{
    {"document_id", T::kInteger},  {"path", T::kText},
    {"parent_path", T::kNullableText}, {"ordinal", T::kInteger},
    {"depth", T::kInteger},        {"kind", T::kText},
    {"num", T::kText},             {"label", T::kText},
    {"heading", T::kText},         {"text", T::kText},
    {"begin_offset", T::kInteger}, {"end_offset", T::kInteger},
    {"page_first", T::kInteger},   {"page_last", T::kInteger},
    {"brackets", T::kText},        {"citation", T::kText},
}};
constexpr std::array<DigestColumn, 8> kCrossReferences = {{
    {"document_id", T::kInteger},  {"ordinal", T::kInteger},
    {"from_path", T::kText},       {"begin_offset", T::kInteger},
    {"end_offset", T::kInteger},   {"text", T::kText},
    {"targets", T::kText},         {"instrument", T::kText},
}};
constexpr std::array<DigestColumn, 6> kParseWarnings = {{
    {"document_id", T::kInteger}, {"ordinal", T::kInteger}, {"text_offset", T::kInteger},
    {"line", T::kInteger},        {"message", T::kText},    {"matters", T::kBoolean},
}};
constexpr std::array<DigestColumn, 2> kInstruments = {{
    {"id", T::kInteger},
    {"name", T::kText},
}};
constexpr std::array<DigestColumn, 3> kDocumentAuthors = {{
    {"document_id", T::kInteger},
    {"position", T::kInteger},
    {"actor", T::kText},
}};

// The negotiation record (migration 3 of both schemas).
constexpr std::array<DigestColumn, 6> kSessions = {{
    {"instrument", T::kText}, {"number", T::kInteger},  {"title", T::kText},
    {"start_date", T::kText}, {"end_date", T::kText},   {"venue", T::kText},
}};
constexpr std::array<DigestColumn, 4> kAgendaItems = {{
    {"instrument", T::kText},
    {"session_number", T::kInteger},
    {"ordinal", T::kInteger},
    {"text", T::kText},
}};
constexpr std::array<DigestColumn, 8> kStatements = {{
    {"id", T::kInteger},         {"actor", T::kText},
    {"session", T::kInteger},    {"agenda_item", T::kText},
    {"date", T::kText},          {"text", T::kText},
    {"source_url", T::kText},    {"document_id", T::kNullableInteger},
}};
constexpr std::array<DigestColumn, 3> kStatementCitations = {{
    {"statement_id", T::kInteger},
    {"ordinal", T::kInteger},
    {"path", T::kText},
}};
constexpr std::array<DigestColumn, 8> kPositions = {{
    {"id", T::kInteger},      {"actor", T::kText},       {"subject", T::kText},
    {"stance", T::kText},     {"date", T::kText},        {"source_kind", T::kText},
    {"source", T::kText},     {"note", T::kText},
}};
constexpr std::array<DigestColumn, 4> kVotes = {{
    {"symbol", T::kText},
    {"body", T::kText},
    {"date", T::kText},
    {"question", T::kText},
}};
constexpr std::array<DigestColumn, 3> kBallots = {{
    {"vote_symbol", T::kText},
    {"actor", T::kText},
    {"ballot", T::kText},
}};
constexpr std::array<DigestColumn, 6> kActors = {{
    {"id", T::kText},   {"kind", T::kText}, {"name", T::kText},
    {"iso3", T::kText}, {"iso2", T::kText}, {"regional_group", T::kText},
}};
constexpr std::array<DigestColumn, 3> kActorAliases = {{
    {"actor_id", T::kText},
    {"ordinal", T::kInteger},
    {"alias", T::kText},
}};
constexpr std::array<DigestColumn, 2> kGroupMembers = {{
    {"group_id", T::kText},
    {"member_id", T::kText},
}};

// The fact-check record (migration 4 of both schemas). The claims' full-text index is left
// out, as the provisions' is.
constexpr std::array<DigestColumn, 12> kClaims = {{
    {"id", T::kInteger},           {"text", T::kText},
    {"actor", T::kText},           {"statement_id", T::kNullableInteger},
    {"session", T::kInteger},      {"date", T::kText},
    {"source_grade", T::kText},    {"source_url", T::kText},
    {"cited_paths", T::kText},     {"instruments", T::kText},
    {"created_by", T::kText},      {"created_at", T::kTimestamp},
}};
constexpr std::array<DigestColumn, 13> kFactChecks = {{
    {"id", T::kInteger},           {"claim_id", T::kInteger},
    {"revision", T::kInteger},     {"status", T::kText},
    {"verdict", T::kText},         {"summary", T::kText},
    {"rationale", T::kText},       {"author", T::kText},
    {"updated_by", T::kText},      {"created_at", T::kTimestamp},
    {"updated_at", T::kTimestamp}, {"published_at", T::kNullableTimestamp},
    {"change_note", T::kText},
}};
constexpr std::array<DigestColumn, 15> kEvidence = {{
    {"id", T::kInteger},           {"factcheck_id", T::kInteger},
    {"document_id", T::kInteger},  {"path", T::kText},
    {"exact", T::kText},           {"prefix", T::kText},
    {"suffix", T::kText},          {"start_offset", T::kInteger},
    {"end_offset", T::kInteger},   {"note", T::kText},
    {"origin", T::kText},          {"status", T::kText},
    {"similarity", T::kReal},      {"proposal", T::kNullableText},
    {"checked_against", T::kNullableInteger},
}};
constexpr std::array<DigestColumn, 6> kFactCheckRevisions = {{
    {"factcheck_id", T::kInteger}, {"revision", T::kInteger}, {"snapshot", T::kText},
    {"saved_by", T::kText},        {"saved_at", T::kTimestamp}, {"change_note", T::kText},
}};

// The account record (migration 5 of both schemas): users without their derived name key, and
// the audit log. Login sessions are credentials, not content: neither digested nor copied.
constexpr std::array<DigestColumn, 6> kUsers = {{
    {"id", T::kInteger},           {"name", T::kText},
    {"role", T::kText},            {"password_hash", T::kText},
    {"created_at", T::kTimestamp}, {"disabled", T::kBoolean},
}};
constexpr std::array<DigestColumn, 7> kAuditLog = {{
    {"id", T::kInteger},     {"at", T::kTimestamp}, {"who", T::kText},
    {"action", T::kText},    {"target", T::kText},  {"detail", T::kText},
    {"client", T::kText},
}};

constexpr std::array<DigestTableSpec, 22> kTables = {{
    {"documents", kDocuments, "id"},
    {"provisions", kProvisions, "document_id, ordinal"},
    {"cross_references", kCrossReferences, "document_id, ordinal"},
    {"parse_warnings", kParseWarnings, "document_id, ordinal"},
    {"instruments", kInstruments, "id"},
    {"document_authors", kDocumentAuthors, "document_id, position"},
    {"sessions", kSessions, "instrument, number"},
    {"agenda_items", kAgendaItems, "instrument, session_number, ordinal"},
    {"statements", kStatements, "id"},
    {"statement_citations", kStatementCitations, "statement_id, ordinal"},
    {"positions", kPositions, "id"},
    {"votes", kVotes, "symbol"},
    {"ballots", kBallots, "vote_symbol, actor"},
    {"actors", kActors, "id"},
    {"actor_aliases", kActorAliases, "actor_id, ordinal"},
    {"group_members", kGroupMembers, "group_id, member_id"},
    {"claims", kClaims, "id"},
    {"factchecks", kFactChecks, "id"},
    {"evidence", kEvidence, "id"},
    {"factcheck_revisions", kFactCheckRevisions, "factcheck_id, revision"},
    {"users", kUsers, "id"},
    {"audit_log", kAuditLog, "id"},
}};

}  // namespace

struct TableDigester::State {
  std::string table;
  crypto_hash_sha256_state hash;
  std::string row;
  std::int64_t rows = 0;
};

std::span<const DigestTableSpec> DigestTableSpecs() { return kTables; }

bool IsNullableDigestColumn(DigestColumnType type) {
  return type == T::kNullableInteger || type == T::kNullableText ||
         type == T::kNullableTimestamp;
}

std::string DigestSelectSql(
    const DigestTableSpec& spec,
    const std::function<std::string(std::string_view table, std::string_view column)>&
        expression) {
  std::string columns;
  for (const DigestColumn& column : spec.columns) {
    if (!columns.empty()) columns += ", ";
    std::string replaced = expression ? expression(spec.table, column.name) : std::string();
    columns += replaced.empty() ? std::string(column.name) : replaced;
  }
  return fmt::format("SELECT {} FROM {} ORDER BY {}", columns, spec.table, spec.order_by);
}

TableDigester::TableDigester(std::string_view table) : state_(std::make_unique<State>()) {
  state_->table = std::string(table);
  crypto_hash_sha256_init(&state_->hash);
}

TableDigester::~TableDigester() = default;

void TableDigester::AddInteger(std::int64_t value) {
  state_->row += state_->row.empty() ? "[" : ",";
  state_->row += std::to_string(value);
}

void TableDigester::AddReal(double value) {
  state_->row += state_->row.empty() ? "[" : ",";
  state_->row += fmt::format("{}", value);
}

void TableDigester::AddText(std::string_view value) {
  state_->row += state_->row.empty() ? "[" : ",";
  // Both stores hold valid UTF-8 (PostgreSQL refuses anything else); should a damaged SQLite
  // file hold a stray byte, it is replaced here and the digests differ, which is the point.
  state_->row += nlohmann::json(std::string(value))
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void TableDigester::AddNull() {
  state_->row += state_->row.empty() ? "[" : ",";
  state_->row += "null";
}

void TableDigester::EndRow() {
  state_->row += state_->row.empty() ? "[]\n" : "]\n";
  crypto_hash_sha256_update(&state_->hash,
                            reinterpret_cast<const unsigned char*>(state_->row.data()),
                            state_->row.size());
  state_->row.clear();
  ++state_->rows;
}

TableDigest TableDigester::Finish() {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state_->hash, digest.data());
  std::string hex;
  hex.reserve(2 * digest.size());
  for (unsigned char byte : digest) hex += fmt::format("{:02x}", byte);
  return TableDigest{state_->table, state_->rows, std::move(hex)};
}

}  // namespace tw::store
