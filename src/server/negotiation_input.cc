#include "server/negotiation_input.h"

#include <charconv>

#include <fmt/format.h>

namespace tw::server {
namespace {

std::string Trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

absl::Status CheckSize(std::string_view field, std::string_view value, std::size_t max_bytes) {
  if (value.size() <= max_bytes) return absl::OkStatus();
  return absl::InvalidArgumentError(
      fmt::format("{}: {} bytes is too long (at most {})", field, value.size(), max_bytes));
}

absl::StatusOr<const negotiation::Actor*> ResolveActor(std::string_view name,
                                                       const negotiation::ActorRegistry& actors) {
  const std::string trimmed = Trimmed(name);
  if (trimmed.empty()) return absl::InvalidArgumentError("actor: say who (a name or ISO code)");
  if (absl::Status size = CheckSize("actor", trimmed, negotiation::kMaxActorNameBytes);
      !size.ok()) {
    return size;
  }
  absl::StatusOr<const negotiation::Actor*> actor = actors.Resolve(trimmed);
  if (!actor.ok()) return AsBadInput(actor.status());
  return actor;
}

// A number in [1, max], or 0 for an empty field.
absl::StatusOr<int> ReadNumber(std::string_view field, std::string_view text, int max,
                               bool required) {
  const std::string trimmed = Trimmed(text);
  if (trimmed.empty()) {
    if (!required) return 0;
    return absl::InvalidArgumentError(fmt::format("{}: a number is needed", field));
  }
  int value = 0;
  auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (error != std::errc() || end != trimmed.data() + trimmed.size() || value < 1 ||
      value > max) {
    return absl::InvalidArgumentError(fmt::format("{}: \"{}\" is not a whole number from 1 to {}",
                                                  field, trimmed.substr(0, 40), max));
  }
  return value;
}

absl::Status CheckShortFields(std::initializer_list<std::pair<std::string_view,
                                                              std::string_view>> fields) {
  for (const auto& [name, value] : fields) {
    if (absl::Status size = CheckSize(name, value, kMaxShortFieldBytes); !size.ok()) return size;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AsBadInput(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kNotFound) return status;
  return absl::InvalidArgumentError(std::string(status.message()));
}

absl::Status CheckHttpUrl(std::string_view url, std::string_view field) {
  auto bad = [&](std::string_view why) {
    return absl::InvalidArgumentError(fmt::format("{}: {}", field, why));
  };
  if (url.size() > kMaxShortFieldBytes) return bad("the URL is too long");
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return bad("only http:// and https:// addresses are accepted");
  }
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' ||
        c == '`') {
      return bad("the URL holds a space, a quote or a control character");
    }
  }
  const std::size_t host_end = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, host_end);
  if (authority.empty() || authority.front() == '@' || authority.front() == ':') {
    return bad("the URL names no host");
  }
  return absl::OkStatus();
}

absl::StatusOr<negotiation::Statement> ReadStatement(const StatementFields& fields,
                                                     const negotiation::ActorRegistry& actors) {
  if (absl::Status size = CheckSize("text", fields.text, kMaxStatementTextBytes); !size.ok()) {
    return size;
  }
  if (absl::Status sizes = CheckShortFields({{"agenda_item", fields.agenda_item},
                                             {"date", fields.date},
                                             {"source_url", fields.source_url}});
      !sizes.ok()) {
    return sizes;
  }
  absl::StatusOr<const negotiation::Actor*> actor = ResolveActor(fields.actor, actors);
  if (!actor.ok()) return actor.status();
  absl::StatusOr<int> session = ReadNumber("session", fields.session, kMaxSessionNumber, false);
  if (!session.ok()) return session.status();
  negotiation::Statement statement;
  statement.actor = (*actor)->id;
  statement.session = *session;
  statement.agenda_item = Trimmed(fields.agenda_item);
  statement.date = Trimmed(fields.date);
  statement.text = fields.text;
  statement.source_url = Trimmed(fields.source_url);
  if (Trimmed(statement.text).empty()) {
    return absl::InvalidArgumentError("text: the statement's words are empty");
  }
  if (!statement.source_url.empty()) {
    if (absl::Status url = CheckHttpUrl(statement.source_url, "source_url"); !url.ok()) return url;
  }
  return statement;
}

absl::StatusOr<negotiation::Position> ReadPosition(const PositionFields& fields,
                                                   const negotiation::ActorRegistry& actors) {
  if (absl::Status sizes = CheckShortFields({{"subject", fields.subject},
                                             {"stance", fields.stance},
                                             {"date", fields.date},
                                             {"source_kind", fields.source_kind},
                                             {"source", fields.source},
                                             {"note", fields.note}});
      !sizes.ok()) {
    return sizes;
  }
  absl::StatusOr<const negotiation::Actor*> actor = ResolveActor(fields.actor, actors);
  if (!actor.ok()) return actor.status();
  negotiation::Position position;
  if (!negotiation::ParseStance(fields.stance, &position.stance)) {
    return absl::InvalidArgumentError(
        fmt::format("stance: \"{}\" is not one of support, oppose, amend, reserve, neutral",
                    fields.stance.substr(0, 40)));
  }
  position.actor = (*actor)->id;
  position.subject = Trimmed(fields.subject);
  if (position.subject.empty()) {
    return absl::InvalidArgumentError("subject: name a provision path (art24) or a topic");
  }
  position.date = Trimmed(fields.date);
  position.source_kind = Trimmed(fields.source_kind);
  if (position.source_kind.empty()) position.source_kind = "note";
  position.source = Trimmed(fields.source);
  position.note = fields.note;
  return position;
}

absl::StatusOr<negotiation::Session> ReadSession(const SessionFields& fields) {
  if (absl::Status sizes = CheckShortFields({{"instrument", fields.instrument},
                                             {"title", fields.title},
                                             {"start_date", fields.start_date},
                                             {"end_date", fields.end_date},
                                             {"venue", fields.venue}});
      !sizes.ok()) {
    return sizes;
  }
  if (fields.agenda_items.size() > kMaxAgendaItems) {
    return absl::InvalidArgumentError(
        fmt::format("agenda_items: at most {} items", kMaxAgendaItems));
  }
  absl::StatusOr<int> number = ReadNumber("number", fields.number, kMaxSessionNumber, true);
  if (!number.ok()) return number.status();
  negotiation::Session session;
  session.number = *number;
  session.instrument = Trimmed(fields.instrument);
  session.title = Trimmed(fields.title);
  session.start_date = Trimmed(fields.start_date);
  session.end_date = Trimmed(fields.end_date);
  session.venue = Trimmed(fields.venue);
  for (const std::string& item : fields.agenda_items) {
    if (absl::Status size = CheckSize("agenda_items", item, kMaxShortFieldBytes); !size.ok()) {
      return size;
    }
    if (!Trimmed(item).empty()) session.agenda_items.push_back(Trimmed(item));
  }
  return session;
}

absl::StatusOr<std::string> JsonText(const nlohmann::json& body, std::string_view field,
                                     std::size_t max_bytes) {
  const auto found = body.find(std::string(field));
  if (found == body.end() || found->is_null()) return std::string();
  if (found->is_string()) {
    const std::string& text = found->get_ref<const std::string&>();
    if (absl::Status size = CheckSize(field, text, max_bytes); !size.ok()) return size;
    return text;
  }
  if (found->is_number_integer()) return std::to_string(found->get<std::int64_t>());
  if (found->is_boolean()) return std::string(found->get<bool>() ? "true" : "false");
  return absl::InvalidArgumentError(fmt::format("{}: expected a string", field));
}

namespace {

absl::Status RequireObject(const nlohmann::json& body) {
  if (body.is_object()) return absl::OkStatus();
  return absl::InvalidArgumentError("the request body must be a JSON object");
}

// Fills each target from the body, stopping at the first bad field.
absl::Status ReadTexts(const nlohmann::json& body,
                       std::initializer_list<std::pair<std::string_view, std::string*>> targets,
                       std::string_view long_field = {}) {
  for (const auto& [field, target] : targets) {
    absl::StatusOr<std::string> text = JsonText(
        body, field, field == long_field ? kMaxStatementTextBytes : kMaxShortFieldBytes);
    if (!text.ok()) return text.status();
    *target = *std::move(text);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> JsonTexts(const nlohmann::json& body,
                                                   std::string_view field, std::size_t max) {
  std::vector<std::string> texts;
  const auto found = body.find(std::string(field));
  if (found == body.end() || found->is_null()) return texts;
  if (!found->is_array() || found->size() > max) {
    return absl::InvalidArgumentError(
        fmt::format("{}: expected a list of at most {} strings", field, max));
  }
  for (const nlohmann::json& item : *found) {
    if (!item.is_string() || item.get_ref<const std::string&>().size() > kMaxShortFieldBytes) {
      return absl::InvalidArgumentError(
          fmt::format("{}: every item must be a string of at most {} bytes", field,
                      kMaxShortFieldBytes));
    }
    texts.push_back(item.get<std::string>());
  }
  return texts;
}

}  // namespace

absl::StatusOr<StatementFields> StatementFieldsFromJson(const nlohmann::json& body) {
  if (absl::Status object = RequireObject(body); !object.ok()) return object;
  StatementFields fields;
  absl::Status read = ReadTexts(body,
                                {{"actor", &fields.actor},
                                 {"session", &fields.session},
                                 {"agenda_item", &fields.agenda_item},
                                 {"date", &fields.date},
                                 {"text", &fields.text},
                                 {"source_url", &fields.source_url}},
                                "text");
  if (!read.ok()) return read;
  return fields;
}

absl::StatusOr<PositionFields> PositionFieldsFromJson(const nlohmann::json& body) {
  if (absl::Status object = RequireObject(body); !object.ok()) return object;
  PositionFields fields;
  absl::Status read = ReadTexts(body, {{"actor", &fields.actor},
                                       {"subject", &fields.subject},
                                       {"stance", &fields.stance},
                                       {"date", &fields.date},
                                       {"source_kind", &fields.source_kind},
                                       {"source", &fields.source},
                                       {"note", &fields.note}});
  if (!read.ok()) return read;
  return fields;
}

absl::StatusOr<SessionFields> SessionFieldsFromJson(const nlohmann::json& body) {
  if (absl::Status object = RequireObject(body); !object.ok()) return object;
  SessionFields fields;
  absl::Status read = ReadTexts(body, {{"number", &fields.number},
                                       {"instrument", &fields.instrument},
                                       {"title", &fields.title},
                                       {"start_date", &fields.start_date},
                                       {"end_date", &fields.end_date},
                                       {"venue", &fields.venue}});
  if (!read.ok()) return read;
  absl::StatusOr<std::vector<std::string>> items =
      JsonTexts(body, "agenda_items", kMaxAgendaItems);
  if (!items.ok()) return items.status();
  fields.agenda_items = *std::move(items);
  return fields;
}

absl::StatusOr<negotiation::GroupDefinition> GroupDefinitionFromJson(const nlohmann::json& body) {
  if (absl::Status object = RequireObject(body); !object.ok()) return object;
  negotiation::GroupDefinition definition;
  std::string kind;
  absl::Status read = ReadTexts(
      body, {{"id", &definition.id}, {"name", &definition.name}, {"kind", &kind}});
  if (!read.ok()) return read;
  if (kind == "organisation") {
    definition.organisation = true;
  } else if (!kind.empty() && kind != "group") {
    return absl::InvalidArgumentError("kind: \"group\" or \"organisation\"");
  }
  for (std::string_view text : {std::string_view(definition.id), std::string_view(definition.name)}) {
    if (text.size() > negotiation::kMaxActorNameBytes) {
      return absl::InvalidArgumentError(fmt::format("id and name: at most {} bytes",
                                                    negotiation::kMaxActorNameBytes));
    }
  }
  absl::StatusOr<std::vector<std::string>> members =
      JsonTexts(body, "members", negotiation::kMaxGroupMembers);
  if (!members.ok()) return members.status();
  absl::StatusOr<std::vector<std::string>> aliases =
      JsonTexts(body, "aliases", negotiation::kMaxActorAliases);
  if (!aliases.ok()) return aliases.status();
  definition.members = *std::move(members);
  definition.aliases = *std::move(aliases);
  return definition;
}

absl::StatusOr<negotiation::VoteMeta> VoteMetaFromJson(const nlohmann::json& body,
                                                       bool* replace) {
  if (absl::Status object = RequireObject(body); !object.ok()) return object;
  negotiation::VoteMeta meta;
  std::string replace_text;
  absl::Status read = ReadTexts(body, {{"symbol", &meta.symbol},
                                       {"body", &meta.body},
                                       {"date", &meta.date},
                                       {"question", &meta.question},
                                       {"replace", &replace_text}});
  if (!read.ok()) return read;
  if (Trimmed(meta.symbol).empty()) {
    return absl::InvalidArgumentError("symbol: name the vote (A/RES/74/247)");
  }
  meta.symbol = Trimmed(meta.symbol);
  *replace = replace_text == "true" || replace_text == "1";
  return meta;
}

}  // namespace tw::server
