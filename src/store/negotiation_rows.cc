#include "store/negotiation_rows.h"

#include <fmt/format.h>

#include <array>
#include <set>
#include <utility>

#include "store/stored_names.h"

namespace tw::store {
namespace {

using negotiation::ActorKind;
using negotiation::Ballot;
using negotiation::Stance;

constexpr std::array<std::pair<Stance, std::string_view>, 5> kStances = {{
    {Stance::kSupport, "support"},
    {Stance::kOppose, "oppose"},
    {Stance::kAmend, "amend"},
    {Stance::kReserve, "reserve"},
    {Stance::kNeutral, "neutral"},
}};

constexpr std::array<std::pair<Ballot, std::string_view>, 4> kBallots = {{
    {Ballot::kYes, "yes"},
    {Ballot::kNo, "no"},
    {Ballot::kAbstain, "abstain"},
    {Ballot::kAbsent, "absent"},
}};

constexpr std::array<std::pair<ActorKind, std::string_view>, 7> kActorKinds = {{
    {ActorKind::kMemberState, "member-state"},
    {ActorKind::kObserverState, "observer-state"},
    {ActorKind::kRegionalGroup, "regional-group"},
    {ActorKind::kGroup, "group"},
    {ActorKind::kOrganisation, "organisation"},
    {ActorKind::kChair, "chair"},
    {ActorKind::kSecretariat, "secretariat"},
}};


}  // namespace

std::string_view StoredStance(Stance stance) { return NameOf(kStances, stance); }
std::string_view StoredBallot(Ballot ballot) { return NameOf(kBallots, ballot); }
std::string_view StoredActorKind(ActorKind kind) { return NameOf(kActorKinds, kind); }

absl::StatusOr<Stance> ReadStance(std::string_view stored, std::string_view what) {
  return ValueOf(kStances, stored, "stance", what);
}
absl::StatusOr<Ballot> ReadBallot(std::string_view stored, std::string_view what) {
  return ValueOf(kBallots, stored, "ballot", what);
}
absl::StatusOr<ActorKind> ReadActorKind(std::string_view stored, std::string_view what) {
  return ValueOf(kActorKinds, stored, "actor kind", what);
}

bool IsStorableText(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) return false;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      if (byte == 0xE0) low = 0xA0;
      if (byte == 0xED) high = 0x9F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      if (byte == 0xF0) low = 0x90;
      if (byte == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return false;
    }
    i += length;
  }
  return true;
}

std::string_view Shown(std::string_view value) { return IsStorableText(value) ? value : "?"; }

void RowCheck::Text(std::string_view field, std::string_view value) {
  if (!IsStorableText(value)) {
    Fail(fmt::format("{} is not valid UTF-8 text without NUL bytes", field));
  }
}

void RowCheck::Required(std::string_view field, std::string_view value) {
  if (value.empty()) Fail(fmt::format("{} is empty", field));
  Text(field, value);
}

void RowCheck::Date(std::string_view field, std::string_view value, bool required) {
  if (value.empty() && !required) return;
  if (!IsIsoDate(value)) {
    Fail(fmt::format("{} '{}' is not YYYY-MM-DD", field, Shown(value)));
  }
}

void RowCheck::Fail(std::string problem) {
  if (problem_.empty()) problem_ = std::move(problem);
}

absl::Status RowCheck::Result() const {
  if (problem_.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(fmt::format("{}: {}", row_, problem_));
}

bool IsIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

absl::Status CheckSession(const negotiation::Session& session) {
  RowCheck check(fmt::format("session {} of '{}'", session.number, Shown(session.instrument)));
  if (session.number < 1) check.Fail("the number must be 1 or more");
  check.Text("instrument", session.instrument);
  check.Text("title", session.title);
  check.Date("start date", session.start_date, false);
  check.Date("end date", session.end_date, false);
  check.Text("venue", session.venue);
  for (std::size_t i = 0; i < session.agenda_items.size(); ++i) {
    check.Text(fmt::format("agenda item {}", i + 1), session.agenda_items[i]);
  }
  return check.Result();
}

absl::Status CheckStatement(const negotiation::Statement& statement, std::size_t index,
                            std::size_t count) {
  RowCheck check(fmt::format("statement {} of {} ({})", index + 1, count, Shown(statement.actor)));
  check.Required("actor", statement.actor);
  if (statement.session < 0) check.Fail("the session must be 0 (unknown) or more");
  check.Text("agenda item", statement.agenda_item);
  check.Date("date", statement.date, false);
  check.Text("text", statement.text);
  check.Text("source URL", statement.source_url);
  if (statement.document_id < 0) check.Fail("the document id must be 0 (none) or more");
  for (std::size_t i = 0; i < statement.cited_paths.size(); ++i) {
    check.Required(fmt::format("cited path {}", i + 1), statement.cited_paths[i]);
  }
  return check.Result();
}

absl::Status CheckPosition(const negotiation::Position& position, std::size_t index,
                           std::size_t count) {
  RowCheck check(fmt::format("position {} of {} ({} on '{}')", index + 1, count,
                             Shown(position.actor), Shown(position.subject)));
  check.Required("actor", position.actor);
  check.Required("subject", position.subject);
  if (StoredStance(position.stance).empty()) check.Fail("the stance is not a known stance");
  check.Date("date", position.date, false);
  check.Text("source kind", position.source_kind);
  check.Text("source", position.source);
  check.Text("note", position.note);
  return check.Result();
}

absl::Status CheckVote(const negotiation::RecordedVote& vote) {
  RowCheck check(fmt::format("vote '{}'", Shown(vote.symbol)));
  check.Required("symbol", vote.symbol);
  check.Text("body", vote.body);
  check.Date("date", vote.date, false);
  check.Text("question", vote.question);
  std::set<std::string_view> actors;
  for (std::size_t i = 0; i < vote.ballots.size(); ++i) {
    const negotiation::BallotCast& cast = vote.ballots[i];
    check.Required(fmt::format("the actor of ballot {}", i + 1), cast.actor);
    if (StoredBallot(cast.ballot).empty()) {
      check.Fail(fmt::format("ballot {} is not yes, no, abstain or absent", i + 1));
    }
    if (!actors.insert(cast.actor).second) {
      check.Fail(fmt::format("{} has two ballots", Shown(cast.actor)));
    }
  }
  return check.Result();
}

absl::Status CheckActor(const negotiation::Actor& actor) {
  RowCheck check(fmt::format("actor '{}'", Shown(actor.id)));
  check.Required("id", actor.id);
  if (StoredActorKind(actor.kind).empty()) check.Fail("the kind is not a known actor kind");
  check.Text("name", actor.name);
  check.Text("ISO alpha-3 code", actor.iso3);
  check.Text("ISO alpha-2 code", actor.iso2);
  check.Text("regional group", actor.regional_group);
  for (std::size_t i = 0; i < actor.aliases.size(); ++i) {
    check.Required(fmt::format("alias {}", i + 1), actor.aliases[i]);
  }
  std::set<std::string_view> members;
  for (std::size_t i = 0; i < actor.members.size(); ++i) {
    check.Required(fmt::format("member {}", i + 1), actor.members[i]);
    if (!members.insert(actor.members[i]).second) {
      check.Fail(fmt::format("member {} is listed twice", Shown(actor.members[i])));
    }
  }
  return check.Result();
}

bool SameSession(const negotiation::Session& a, const negotiation::Session& b) {
  return a.number == b.number && a.instrument == b.instrument && a.title == b.title &&
         a.start_date == b.start_date && a.end_date == b.end_date && a.venue == b.venue &&
         a.agenda_items == b.agenda_items;
}

bool SameStatement(const negotiation::Statement& a, const negotiation::Statement& b) {
  return a.id == b.id && a.actor == b.actor && a.session == b.session &&
         a.agenda_item == b.agenda_item && a.date == b.date && a.text == b.text &&
         a.source_url == b.source_url && a.document_id == b.document_id &&
         a.cited_paths == b.cited_paths;
}

bool SamePosition(const negotiation::Position& a, const negotiation::Position& b) {
  return a.id == b.id && a.actor == b.actor && a.subject == b.subject && a.stance == b.stance &&
         a.date == b.date && a.source_kind == b.source_kind && a.source == b.source &&
         a.note == b.note;
}

bool SameVote(const negotiation::RecordedVote& a, const negotiation::RecordedVote& b) {
  if (a.symbol != b.symbol || a.body != b.body || a.date != b.date || a.question != b.question ||
      a.ballots.size() != b.ballots.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.ballots.size(); ++i) {
    if (a.ballots[i].actor != b.ballots[i].actor || a.ballots[i].ballot != b.ballots[i].ballot) {
      return false;
    }
  }
  return true;
}

bool SameActor(const negotiation::Actor& a, const negotiation::Actor& b) {
  return a.id == b.id && a.kind == b.kind && a.name == b.name && a.iso3 == b.iso3 &&
         a.iso2 == b.iso2 && a.aliases == b.aliases && a.regional_group == b.regional_group &&
         a.members == b.members;
}

std::string CitedPathRangeBegin(std::string_view prefix) { return fmt::format("{}.", prefix); }
std::string CitedPathRangeEnd(std::string_view prefix) { return fmt::format("{}/", prefix); }

absl::Status CheckStatementFilter(std::optional<int> limit) {
  if (limit.has_value() && *limit < 1) {
    return absl::InvalidArgumentError(
        fmt::format("statements: the limit must be 1 or more, not {}", *limit));
  }
  return absl::OkStatus();
}

absl::Status WithRowContext(const absl::Status& status, std::string_view context) {
  return absl::Status(status.code(),
                      fmt::format("{} ({})", std::string(status.message()), context));
}

}  // namespace tw::store
