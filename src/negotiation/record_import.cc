#include "negotiation/record_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "negotiation/cited_provisions.h"
#include "negotiation/csv_table.h"

#include "text/csv_field.h"

namespace tw::negotiation {
namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// YYYY-MM-DD naming a real day.
bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
}

// `where` is "file: line 3" or "file: statement 3".
absl::StatusOr<const Actor*> ResolveActor(const ActorRegistry& actors, std::string_view name,
                                          std::string_view where) {
  if (name.empty()) {
    return absl::InvalidArgumentError(fmt::format("{}: the actor is empty", where));
  }
  absl::StatusOr<const Actor*> actor = actors.Resolve(name);
  if (!actor.ok()) {
    return absl::InvalidArgumentError(
        fmt::format("{}: {}", where, std::string(actor.status().message())));
  }
  return *actor;
}

std::string Field(const CsvRow& row, int column) {
  return column < 0 ? std::string() : Trim(row.fields[static_cast<std::size_t>(column)]);
}

std::string At(std::string_view file_name, int line) {
  return fmt::format("{}: line {}", file_name, line);
}

// What a statement row or object says, before checking.
struct StatementFields {
  std::string actor;
  std::optional<std::string> session_text;  // CSV: the field as written
  int session = 0;                          // JSON: the number
  std::string agenda_item;
  std::string date;
  std::string text;
  std::string source_url;
};

absl::StatusOr<Statement> BuildStatement(StatementFields fields, const ActorRegistry& actors,
                                         const doc::Document* draft, std::string_view where) {
  absl::StatusOr<const Actor*> actor = ResolveActor(actors, fields.actor, where);
  if (!actor.ok()) return actor.status();
  Statement statement;
  statement.actor = (*actor)->id;
  statement.session = fields.session;
  if (fields.session_text.has_value() && !fields.session_text->empty()) {
    const std::string& s = *fields.session_text;
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value <= 0) {
      return absl::InvalidArgumentError(
          fmt::format("{}: session \"{}\" is not a session number (1, 2, ...)", where, s));
    }
    statement.session = value;
  }
  if (statement.session < 0) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: session {} is not a session number (1, 2, ...)", where, statement.session));
  }
  if (!fields.date.empty() && !IsIsoDate(fields.date)) {
    return absl::InvalidArgumentError(
        fmt::format("{}: date \"{}\" is not a date written YYYY-MM-DD", where, fields.date));
  }
  if (fields.text.empty()) {
    return absl::InvalidArgumentError(fmt::format("{}: the text is empty", where));
  }
  statement.agenda_item = std::move(fields.agenda_item);
  statement.date = std::move(fields.date);
  statement.cited_paths = CitedProvisions(fields.text, draft);
  statement.text = std::move(fields.text);
  statement.source_url = std::move(fields.source_url);
  return statement;
}

}  // namespace

absl::StatusOr<RecordedVote> ReadVoteCsv(std::string_view csv, std::string_view file_name,
                                         const ActorRegistry& actors, VoteMeta meta) {
  absl::StatusOr<CsvTable> table = ReadCsvTable(csv, file_name);
  if (!table.ok()) return table.status();
  if (absl::Status s = RequireColumns(*table, file_name, {"actor", "ballot"}); !s.ok()) return s;
  const int actor_column = table->Column("actor");
  const int ballot_column = table->Column("ballot");

  struct Cast {
    Ballot ballot;
    int line;
  };
  std::map<std::string, Cast> by_id;
  for (const CsvRow& row : table->rows) {
    const std::string where = At(file_name, row.line);
    const std::string name = Field(row, actor_column);
    absl::StatusOr<const Actor*> actor = ResolveActor(actors, name, where);
    if (!actor.ok()) return actor.status();
    const Actor& a = **actor;
    if (a.kind != ActorKind::kMemberState && a.kind != ActorKind::kObserverState) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: \"{}\" is {} ({}), not a member or observer state; a recorded vote lists states",
          where, name, a.name, ActorKindName(a.kind)));
    }
    const std::string ballot_text = Field(row, ballot_column);
    Ballot ballot = Ballot::kAbsent;
    if (!ParseBallot(ballot_text, &ballot)) {
      return absl::InvalidArgumentError(
          fmt::format("{}: ballot \"{}\" for {} is not one of yes, no, abstain, absent", where,
                      ballot_text, a.name));
    }
    const auto [it, inserted] = by_id.emplace(a.id, Cast{ballot, row.line});
    if (!inserted) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: a second ballot for {} (the first is on line {})", where, a.name, it->second.line));
    }
  }

  RecordedVote vote;
  vote.symbol = std::move(meta.symbol);
  vote.body = std::move(meta.body);
  vote.date = std::move(meta.date);
  vote.question = std::move(meta.question);
  for (const Actor* member : actors.MemberStates()) {
    const auto it = by_id.find(member->id);
    vote.ballots.push_back(
        BallotCast{member->id, it == by_id.end() ? Ballot::kAbsent : it->second.ballot});
    if (it != by_id.end()) by_id.erase(it);
  }
  // What is left are observer states that were listed.
  for (const auto& [id, cast] : by_id) vote.ballots.push_back(BallotCast{id, cast.ballot});
  std::sort(vote.ballots.begin(), vote.ballots.end(),
            [](const BallotCast& a, const BallotCast& b) { return a.actor < b.actor; });
  return vote;
}

absl::StatusOr<std::vector<Position>> ReadPositionsCsv(std::string_view csv,
                                                       std::string_view file_name,
                                                       const ActorRegistry& actors) {
  absl::StatusOr<CsvTable> table = ReadCsvTable(csv, file_name);
  if (!table.ok()) return table.status();
  if (absl::Status s = RequireColumns(*table, file_name, {"actor", "subject", "stance", "date"});
      !s.ok()) {
    return s;
  }
  const int actor_column = table->Column("actor");
  const int subject_column = table->Column("subject");
  const int stance_column = table->Column("stance");
  const int date_column = table->Column("date");
  const int source_kind_column = table->Column("source_kind");
  const int source_column = table->Column("source");
  const int note_column = table->Column("note");
  // Every field may carry the formula guard WritePositionsCsv adds.
  const auto field = [](const CsvRow& row, int column) {
    return text::UnguardCsvField(Field(row, column));
  };

  std::vector<Position> positions;
  for (const CsvRow& row : table->rows) {
    const std::string where = At(file_name, row.line);
    absl::StatusOr<const Actor*> actor = ResolveActor(actors, field(row, actor_column), where);
    if (!actor.ok()) return actor.status();
    Position position;
    position.actor = (*actor)->id;
    position.subject = field(row, subject_column);
    if (position.subject.empty()) {
      return absl::InvalidArgumentError(fmt::format("{}: the subject is empty", where));
    }
    const std::string stance = field(row, stance_column);
    if (!ParseStance(stance, &position.stance)) {
      return absl::InvalidArgumentError(
          fmt::format("{}: stance \"{}\" is not one of support, oppose, amend, reserve, neutral",
                      where, stance));
    }
    position.date = field(row, date_column);
    if (!IsIsoDate(position.date)) {
      return absl::InvalidArgumentError(
          fmt::format("{}: date \"{}\" is not a date written YYYY-MM-DD", where, position.date));
    }
    position.source_kind = field(row, source_kind_column);
    position.source = field(row, source_column);
    position.note = field(row, note_column);
    positions.push_back(std::move(position));
  }
  return positions;
}

std::string WritePositionsCsv(const std::vector<Position>& positions, const ActorRegistry& actors) {
  std::string out =
      text::CsvLine({"actor", "subject", "stance", "date", "source_kind", "source", "note"});
  for (const Position& p : positions) {
    std::string actor = p.actor;
    if (const Actor* known = actors.FindById(p.actor); known != nullptr) {
      absl::StatusOr<const Actor*> back = actors.Resolve(known->name);
      if (back.ok() && *back == known) actor = known->name;
    }
    out += text::CsvLine({text::GuardCsvField(actor), text::GuardCsvField(p.subject),
                    std::string(StanceName(p.stance)), text::GuardCsvField(p.date),
                    text::GuardCsvField(p.source_kind), text::GuardCsvField(p.source), text::GuardCsvField(p.note)});
  }
  return out;
}

absl::StatusOr<std::vector<Statement>> ReadStatementsCsv(std::string_view csv,
                                                         std::string_view file_name,
                                                         const ActorRegistry& actors,
                                                         const doc::Document* draft) {
  absl::StatusOr<CsvTable> table = ReadCsvTable(csv, file_name);
  if (!table.ok()) return table.status();
  if (absl::Status s = RequireColumns(*table, file_name, {"actor", "text"}); !s.ok()) return s;
  const int actor_column = table->Column("actor");
  const int session_column = table->Column("session");
  const int agenda_column = table->Column("agenda_item");
  const int date_column = table->Column("date");
  const int text_column = table->Column("text");
  const int url_column = table->Column("source_url");

  std::vector<Statement> statements;
  for (const CsvRow& row : table->rows) {
    StatementFields fields;
    fields.actor = Field(row, actor_column);
    fields.session_text = Field(row, session_column);
    fields.agenda_item = Field(row, agenda_column);
    fields.date = Field(row, date_column);
    fields.text = Field(row, text_column);
    fields.source_url = Field(row, url_column);
    absl::StatusOr<Statement> statement =
        BuildStatement(std::move(fields), actors, draft, At(file_name, row.line));
    if (!statement.ok()) return statement.status();
    statements.push_back(*std::move(statement));
  }
  return statements;
}

absl::StatusOr<std::vector<Statement>> ReadStatementsJson(std::string_view json,
                                                          std::string_view file_name,
                                                          const ActorRegistry& actors,
                                                          const doc::Document* draft) {
  if (json.size() > kMaxJsonBytes) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: {} bytes is more than the {} byte limit for a statements file", file_name,
                    json.size(), kMaxJsonBytes));
  }
  nlohmann::json root;
  bool too_deep = false;
  try {
    // The callback sees every value as it is parsed; refusing deep nesting early keeps a
    // hostile file from costing stack or memory.
    root = nlohmann::json::parse(
        json.begin(), json.end(),
        [&too_deep](int depth, nlohmann::json::parse_event_t /*event*/, nlohmann::json& /*v*/) {
          if (depth > kMaxJsonDepth) {
            too_deep = true;
            throw std::length_error("nesting");
          }
          return true;
        });
  } catch (const nlohmann::json::parse_error& e) {
    return absl::InvalidArgumentError(
        fmt::format("{}: byte {}: not valid JSON", file_name, e.byte));
  } catch (const std::exception& e) {
    if (too_deep) {
      return absl::ResourceExhaustedError(
          fmt::format("{}: nested more than {} levels deep", file_name, kMaxJsonDepth));
    }
    return absl::InvalidArgumentError(fmt::format("{}: {}", file_name, e.what()));
  }
  if (!root.is_array()) {
    return absl::InvalidArgumentError(
        fmt::format("{}: expected an array of statement objects", file_name));
  }
  if (root.size() > kMaxJsonStatements) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: {} statements is more than the limit of {}", file_name, root.size(),
                    kMaxJsonStatements));
  }

  std::vector<Statement> statements;
  for (std::size_t i = 0; i < root.size(); ++i) {
    const std::string where = fmt::format("{}: statement {}", file_name, i + 1);
    const nlohmann::json& object = root[i];
    if (!object.is_object()) {
      return absl::InvalidArgumentError(fmt::format("{}: not an object", where));
    }
    StatementFields fields;
    for (const auto& [key, target] : {std::pair<const char*, std::string*>{"actor", &fields.actor},
                                      {"agenda_item", &fields.agenda_item},
                                      {"date", &fields.date},
                                      {"text", &fields.text},
                                      {"source_url", &fields.source_url}}) {
      const auto it = object.find(key);
      if (it == object.end() || it->is_null()) continue;
      if (!it->is_string()) {
        return absl::InvalidArgumentError(fmt::format("{}: '{}' must be a string", where, key));
      }
      *target = Trim(it->get_ref<const std::string&>());
    }
    if (const auto it = object.find("session"); it != object.end() && !it->is_null()) {
      if (!it->is_number_integer() || it->get<std::int64_t>() <= 0 ||
          it->get<std::int64_t>() > 100000) {
        return absl::InvalidArgumentError(
            fmt::format("{}: 'session' must be a session number (1, 2, ...)", where));
      }
      fields.session = static_cast<int>(it->get<std::int64_t>());
    }
    absl::StatusOr<Statement> statement = BuildStatement(std::move(fields), actors, draft, where);
    if (!statement.ok()) return statement.status();
    statements.push_back(*std::move(statement));
  }
  return statements;
}

}  // namespace tw::negotiation
