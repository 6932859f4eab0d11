// The registry keeps its actors in display order and two hash maps beside them: id → position
// and name key → position. Every name, alias, short form, ISO code and id of every actor is a
// key, and AddActor refuses a key that another actor already holds, so a key designates at most
// one actor and Resolve is one NameKey and one hash lookup. Names that are genuinely shared
// ("Korea") are therefore no key at all; the error for them lists every actor whose names contain
// all their words.
#include "negotiation/actor_registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "fmt/format.h"
#include "negotiation/edit_distance.h"
#include "negotiation/iso_codes_names.h"
#include "negotiation/name_key.h"
#include "negotiation/un_member_states.h"

namespace tw::negotiation {
namespace {

// Names are quoted in messages up to this many bytes.
constexpr std::size_t kMaxQuotedBytes = 80;

int KindRank(ActorKind kind) { return static_cast<int>(kind); }

std::string Quoted(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return fmt::format("\"{}\"", text);
  std::size_t cut = kMaxQuotedBytes;
  // Never split a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("\"{}…\"", text.substr(0, cut));
}

std::string Describe(const Actor& actor) {
  return actor.id == actor.name ? actor.name : fmt::format("{} ({})", actor.name, actor.id);
}

// One key of an actor and the text it came from (for error messages).
struct NamedKey {
  std::string key;
  std::string text;
  bool suggestable;  // names and aliases; not ids and codes
};

std::vector<NamedKey> KeysOf(const Actor& actor) {
  std::vector<NamedKey> keys;
  keys.push_back({NameKey(actor.id), actor.id, false});
  keys.push_back({NameKey(actor.name), actor.name, true});
  if (std::string short_form = UnShortFormKey(actor.name); !short_form.empty()) {
    keys.push_back({std::move(short_form), actor.name, true});
  }
  for (const std::string& alias : actor.aliases) keys.push_back({NameKey(alias), alias, true});
  if (!actor.iso3.empty()) keys.push_back({NameKey(actor.iso3), actor.iso3, false});
  if (!actor.iso2.empty()) keys.push_back({NameKey(actor.iso2), actor.iso2, false});
  return keys;
}

// Display order: kind, then the name as read (the short form of "X (Y of)"), then id.
std::string SortKey(const Actor& actor) {
  std::string short_form = UnShortFormKey(actor.name);
  return short_form.empty() ? NameKey(actor.name) : short_form;
}

absl::Status CheckLength(const Actor& actor, std::string_view what, std::string_view text) {
  if (text.size() > kMaxActorNameBytes) {
    return absl::InvalidArgumentError(fmt::format("actor {}: {} {} is longer than {} bytes",
                                                  Quoted(actor.id), what, Quoted(text),
                                                  kMaxActorNameBytes));
  }
  return absl::OkStatus();
}

absl::Status CheckLimits(const Actor& actor) {
  if (actor.id.empty()) return absl::InvalidArgumentError("actor without an id");
  if (absl::Status s = CheckLength(actor, "id", actor.id); !s.ok()) return s;
  if (actor.name.empty()) {
    return absl::InvalidArgumentError(fmt::format("actor {}: no name", Quoted(actor.id)));
  }
  if (absl::Status s = CheckLength(actor, "name", actor.name); !s.ok()) return s;
  if (actor.aliases.size() > kMaxActorAliases) {
    return absl::ResourceExhaustedError(fmt::format("actor {}: {} aliases, more than {}",
                                                    Quoted(actor.id), actor.aliases.size(),
                                                    kMaxActorAliases));
  }
  for (const std::string& alias : actor.aliases) {
    if (absl::Status s = CheckLength(actor, "alias", alias); !s.ok()) return s;
  }
  if (actor.members.size() > kMaxGroupMembers) {
    return absl::ResourceExhaustedError(fmt::format("actor {}: {} members, more than {}",
                                                    Quoted(actor.id), actor.members.size(),
                                                    kMaxGroupMembers));
  }
  return absl::OkStatus();
}

bool MayHaveMembers(ActorKind kind) {
  return kind == ActorKind::kRegionalGroup || kind == ActorKind::kGroup ||
         kind == ActorKind::kOrganisation;
}

}  // namespace

struct ActorRegistry::Index {
  absl::flat_hash_map<std::string, std::size_t> by_id;
  absl::flat_hash_map<std::string, std::size_t> by_key;
  // Aligned with actors_.
  std::vector<std::vector<NamedKey>> keys;
  std::vector<std::string> sort_keys;

  void Rebuild(const std::vector<Actor>& actors) {
    by_id.clear();
    by_key.clear();
    for (std::size_t i = 0; i < actors.size(); ++i) {
      by_id.emplace(actors[i].id, i);
      for (const NamedKey& key : keys[i]) by_key.emplace(key.key, i);
    }
  }
};

ActorRegistry::ActorRegistry() : index_(std::make_unique<Index>()) {}
ActorRegistry::ActorRegistry(const ActorRegistry& other)
    : actors_(other.actors_), index_(std::make_unique<Index>(*other.index_)) {}
ActorRegistry& ActorRegistry::operator=(const ActorRegistry& other) {
  if (this != &other) {
    actors_ = other.actors_;
    index_ = std::make_unique<Index>(*other.index_);
  }
  return *this;
}
ActorRegistry::ActorRegistry(ActorRegistry&& other) noexcept
    : actors_(std::move(other.actors_)), index_(std::move(other.index_)) {
  other.actors_.clear();
  other.index_ = std::make_unique<Index>();
}
ActorRegistry& ActorRegistry::operator=(ActorRegistry&& other) noexcept {
  if (this != &other) {
    actors_ = std::move(other.actors_);
    index_ = std::move(other.index_);
    other.actors_.clear();
    other.index_ = std::make_unique<Index>();
  }
  return *this;
}
ActorRegistry::~ActorRegistry() = default;

absl::Status ActorRegistry::AddActor(Actor actor) {
  return AddActorImpl(std::move(actor), /*check_references=*/true);
}

absl::Status ActorRegistry::AddActorImpl(Actor actor, bool check_references) {
  if (absl::Status s = CheckLimits(actor); !s.ok()) return s;
  if (actors_.size() >= kMaxActors) {
    return absl::ResourceExhaustedError(
        fmt::format("actor {}: the registry already holds {} actors", Quoted(actor.id),
                    kMaxActors));
  }
  if (const Actor* existing = FindById(actor.id); existing != nullptr) {
    return absl::AlreadyExistsError(
        fmt::format("actor {}: the id is taken by {}", Quoted(actor.id), existing->name));
  }
  if (!actor.members.empty() && !MayHaveMembers(actor.kind)) {
    return absl::InvalidArgumentError(fmt::format("actor {}: a {} has no members",
                                                  Quoted(actor.id), ActorKindName(actor.kind)));
  }
  std::sort(actor.members.begin(), actor.members.end());
  actor.members.erase(std::unique(actor.members.begin(), actor.members.end()),
                      actor.members.end());
  if (check_references) {
    for (const std::string& member : actor.members) {
      if (member == actor.id) {
        return absl::InvalidArgumentError(
            fmt::format("actor {}: a group cannot be its own member", Quoted(actor.id)));
      }
      if (FindById(member) == nullptr) {
        return absl::NotFoundError(fmt::format(
            "actor {}: unknown member {} (members are actor ids)", Quoted(actor.id),
            Quoted(member)));
      }
    }
    if (!actor.regional_group.empty()) {
      const Actor* group = FindById(actor.regional_group);
      if (group == nullptr || group->kind != ActorKind::kRegionalGroup) {
        return absl::NotFoundError(fmt::format("actor {}: {} is not a regional group",
                                               Quoted(actor.id), Quoted(actor.regional_group)));
      }
    }
  }

  std::vector<NamedKey> keys = KeysOf(actor);
  std::vector<NamedKey> unique_keys;
  for (NamedKey& key : keys) {
    if (key.key.empty()) {
      return absl::InvalidArgumentError(fmt::format(
          "actor {}: {} has no letters or digits to resolve by", Quoted(actor.id),
          Quoted(key.text)));
    }
    if (auto it = index_->by_key.find(key.key); it != index_->by_key.end()) {
      const Actor& other = actors_[it->second];
      return absl::AlreadyExistsError(fmt::format(
          "actor {}: {} would also designate {}, which already answers to it", Quoted(actor.id),
          Quoted(key.text), Describe(other)));
    }
    bool seen = std::any_of(unique_keys.begin(), unique_keys.end(),
                            [&](const NamedKey& k) { return k.key == key.key; });
    if (!seen) unique_keys.push_back(std::move(key));
  }

  std::string sort_key = SortKey(actor);
  auto order = [](const Actor& a, const std::string& a_key, const Actor& b,
                  const std::string& b_key) {
    return std::forward_as_tuple(KindRank(a.kind), a_key, a.name, a.id) <
           std::forward_as_tuple(KindRank(b.kind), b_key, b.name, b.id);
  };
  std::size_t position = actors_.size();
  while (position > 0 &&
         order(actor, sort_key, actors_[position - 1], index_->sort_keys[position - 1])) {
    --position;
  }
  actors_.insert(actors_.begin() + position, std::move(actor));
  index_->keys.insert(index_->keys.begin() + position, std::move(unique_keys));
  index_->sort_keys.insert(index_->sort_keys.begin() + position, std::move(sort_key));
  index_->Rebuild(actors_);
  return absl::OkStatus();
}

absl::StatusOr<const Actor*> ActorRegistry::Resolve(std::string_view name) const {
  if (name.size() > kMaxActorNameBytes) {
    return absl::NotFoundError(fmt::format("unknown actor {}: longer than {} bytes", Quoted(name),
                                           kMaxActorNameBytes));
  }
  if (const Actor* by_id = FindById(name); by_id != nullptr) return by_id;
  if (auto it = index_->by_key.find(NameKey(name)); it != index_->by_key.end()) {
    return &actors_[it->second];
  }
  std::vector<const Actor*> suggestions = Suggest(name);
  if (suggestions.empty()) {
    return absl::NotFoundError(
        fmt::format("unknown actor {}; no actor has a similar name", Quoted(name)));
  }
  std::vector<std::string_view> names;
  for (const Actor* actor : suggestions) names.push_back(actor->name);
  // Two or more actors whose names hold every word of the query: the name is shared, not
  // misspelt.
  std::string key = NameKey(name);
  std::vector<std::string_view> words = KeyWords(key);
  int holders = 0;
  for (const Actor* actor : suggestions) {
    const std::vector<NamedKey>& keys = index_->keys[actor - actors_.data()];
    bool holds = std::any_of(keys.begin(), keys.end(), [&](const NamedKey& k) {
      if (!k.suggestable) return false;
      std::vector<std::string_view> actor_words = KeyWords(k.key);
      return std::all_of(words.begin(), words.end(), [&](std::string_view w) {
        return std::find(actor_words.begin(), actor_words.end(), w) != actor_words.end();
      });
    });
    if (holds) ++holders;
  }
  return absl::NotFoundError(fmt::format("{} actor {}; did you mean {}?",
                                         holders >= 2 ? "ambiguous" : "unknown", Quoted(name),
                                         fmt::join(names, ", ")));
}

const Actor* ActorRegistry::FindById(std::string_view id) const {
  auto it = index_->by_id.find(std::string(id));
  return it == index_->by_id.end() ? nullptr : &actors_[it->second];
}

const std::vector<Actor>& ActorRegistry::actors() const { return actors_; }

std::vector<const Actor*> ActorRegistry::MemberStates() const {
  std::vector<const Actor*> states;
  for (const Actor& actor : actors_) {
    if (actor.kind == ActorKind::kMemberState) states.push_back(&actor);
  }
  return states;
}

// Candidates, best first: actors having a name that holds every word of the query ("Korea"),
// then names the query begins ("Saint Vin"), then names within an edit distance of about a
// third of the query's length ("Brazl" → Brazil; a bound of one edit per three letters keeps
// "Iraq" and "Iran" out of "Brazl" while still catching "Phillipines" and "Untied States").
std::vector<const Actor*> ActorRegistry::Suggest(std::string_view name, int limit) const {
  std::vector<const Actor*> result;
  if (limit <= 0) return result;
  std::string key = NameKey(name.substr(0, kMaxActorNameBytes));
  if (key.empty()) return result;
  std::vector<std::string_view> words = KeyWords(key);
  const int bound =
      std::max<int>(1, static_cast<int>(std::min(key.size(), kMaxEditDistanceLength)) / 3);
  // (rank, distance, position)
  std::vector<std::tuple<int, int, std::size_t>> candidates;
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    int best_rank = 3;
    int best_distance = bound + 1;
    for (const NamedKey& k : index_->keys[i]) {
      if (!k.suggestable) continue;
      std::vector<std::string_view> actor_words = KeyWords(k.key);
      bool holds = std::all_of(words.begin(), words.end(), [&](std::string_view w) {
        return std::find(actor_words.begin(), actor_words.end(), w) != actor_words.end();
      });
      if (holds) {
        // Fewest extra words first: "Korea" is nearer "South Korea" than a long official name.
        int extra = static_cast<int>(actor_words.size() - words.size());
        if (best_rank > 0 || extra < best_distance) best_distance = extra;
        best_rank = 0;
        continue;
      }
      if (best_rank == 0) continue;
      if (best_rank > 1 && key.size() >= 3 && k.key.size() > key.size() &&
          k.key.compare(0, key.size(), key) == 0) {
        best_rank = 1;
        best_distance = 0;
        continue;
      }
      int distance = BoundedEditDistance(key, k.key, bound);
      if (best_rank >= 2 && distance <= bound && distance < best_distance) {
        best_rank = 2;
        best_distance = distance;
      }
    }
    if (best_rank < 3) candidates.emplace_back(best_rank, best_distance, i);
  }
  std::sort(candidates.begin(), candidates.end());
  for (const auto& [rank, distance, position] : candidates) {
    if (static_cast<int>(result.size()) >= limit) break;
    result.push_back(&actors_[position]);
  }
  return result;
}

absl::StatusOr<ActorRegistry> ActorRegistry::FromUnData(std::string_view states_tsv,
                                                        const std::string& iso_codes_json) {
  absl::StatusOr<std::vector<Actor>> parsed =
      ParseUnMembership(states_tsv, "un_member_states.tsv");
  if (!parsed.ok()) return parsed.status();
  std::vector<Actor> actors = *std::move(parsed);

  // iso-codes names join a state's aliases unless some actor already answers to them.
  std::map<std::string, std::vector<std::string>> iso_names;
  if (!iso_codes_json.empty()) iso_names = ReadIsoCodesNames(iso_codes_json);
  if (!iso_names.empty()) {
    absl::flat_hash_map<std::string, std::size_t> owner;
    for (std::size_t i = 0; i < actors.size(); ++i) {
      for (const NamedKey& key : KeysOf(actors[i])) owner.emplace(key.key, i);
    }
    for (std::size_t i = 0; i < actors.size(); ++i) {
      if (actors[i].iso3.empty()) continue;
      auto names = iso_names.find(actors[i].iso3);
      if (names == iso_names.end()) continue;
      for (const std::string& iso_name : names->second) {
        std::string key = NameKey(iso_name);
        if (key.empty() || iso_name.size() > kMaxActorNameBytes ||
            actors[i].aliases.size() >= kMaxActorAliases) {
          continue;
        }
        if (owner.emplace(key, i).second) actors[i].aliases.push_back(iso_name);
      }
    }
  }

  Actor chair;
  chair.id = "chair";
  chair.kind = ActorKind::kChair;
  chair.name = "Chair";
  chair.aliases = {"Chairperson", "The Chair", "President"};
  actors.push_back(std::move(chair));
  Actor secretariat;
  secretariat.id = "secretariat";
  secretariat.kind = ActorKind::kSecretariat;
  secretariat.name = "Secretariat";
  secretariat.aliases = {"the Secretary"};
  actors.push_back(std::move(secretariat));

  ActorRegistry registry;
  for (Actor& actor : actors) {
    if (absl::Status s = registry.AddActorImpl(std::move(actor), /*check_references=*/false);
        !s.ok()) {
      return s;
    }
  }
  for (const Actor& actor : registry.actors_) {
    for (const std::string& member : actor.members) {
      if (registry.FindById(member) == nullptr) {
        return absl::InvalidArgumentError(
            fmt::format("un_member_states.tsv: {} lists unknown member {}", actor.id, member));
      }
    }
    if (!actor.regional_group.empty() && registry.FindById(actor.regional_group) == nullptr) {
      return absl::InvalidArgumentError(fmt::format(
          "un_member_states.tsv: {} is in unknown group {}", actor.id, actor.regional_group));
    }
  }
  return registry;
}

ActorRegistry ActorRegistry::Default() {
  static const ActorRegistry kPrototype = [] {
    absl::StatusOr<ActorRegistry> registry = FromUnData(UnMemberStatesTsv(), kIsoCodesJsonPath);
    if (!registry.ok()) {
      // The embedded data is part of the build and tested; failing here is a programmer error.
      std::fprintf(stderr, "treatywatch: the built-in actor data is broken: %s\n",
                   std::string(registry.status().message()).c_str());
      std::abort();
    }
    return *std::move(registry);
  }();
  return kPrototype;
}

}  // namespace tw::negotiation
