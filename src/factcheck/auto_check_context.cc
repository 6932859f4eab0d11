#include "factcheck/auto_check_context.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

#include "factcheck/instrument_names.h"
#include "text/ascii_case.h"

namespace tw::factcheck {
namespace {

// Words that, right after a heading, make it a reference to its article ("the illegal-access
// article"), and right before it ("the article on illegal access").
constexpr std::string_view kHeadingNounsAfter[] = {"article",    "articles", "provision",
                                                   "provisions", "clause",   "offence"};
constexpr std::string_view kHeadingWordsBefore[] = {
    "article on",    "articles on",     "provision on",       "provisions on",       "clause on",
    "article about", "provision about", "article concerning", "provision concerning"};

// A document's or an instrument's name as claims name it: the built-in canonical name when
// the name spells (or contains) one, else the name itself.
std::string CanonicalOf(const std::string& name, const std::vector<std::string>& known) {
  std::string canonical = CanonicalInstrumentName(name, known);
  return canonical.empty() ? name : canonical;
}

// What the store holds under a name a claim may use.
struct CatalogueEntry {
  std::string canonical;
  std::string chain;             // instrument name; empty for a lone document
  std::int64_t document_id = 0;  // the latest version
};

struct Catalogue {
  std::vector<std::string> known_names;  // instrument names and document titles
  std::vector<CatalogueEntry> entries;   // chains first, then lone documents oldest first
  std::vector<doc::DocumentMeta> documents;
  std::vector<store::InstrumentInfo> instruments;

  // Chains before lone documents; the latest lone document of that name.
  const CatalogueEntry* Find(std::string_view canonical) const {
    const CatalogueEntry* found = nullptr;
    for (const CatalogueEntry& entry : entries) {
      if (!text::EqualsIgnoringAsciiCase(entry.canonical, canonical)) continue;
      if (!entry.chain.empty()) return &entry;
      found = &entry;
    }
    return found;
  }
};

absl::StatusOr<Catalogue> ReadCatalogue(store::Store& store) {
  Catalogue catalogue;
  absl::StatusOr<std::vector<store::InstrumentInfo>> instruments = store.ListInstruments();
  if (!instruments.ok()) return instruments.status();
  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = store.ListDocuments();
  if (!documents.ok()) return documents.status();
  catalogue.instruments = *std::move(instruments);
  catalogue.documents = *std::move(documents);
  for (const store::InstrumentInfo& info : catalogue.instruments) {
    catalogue.known_names.push_back(info.name);
  }
  for (const doc::DocumentMeta& meta : catalogue.documents) {
    if (meta.kind == "statement" || meta.title.empty()) continue;
    catalogue.known_names.push_back(meta.title.substr(0, meta.title.find(';')));
  }
  for (const store::InstrumentInfo& info : catalogue.instruments) {
    absl::StatusOr<std::vector<doc::DocumentMeta>> chain = store.VersionChain(info.name);
    if (absl::IsNotFound(chain.status())) continue;
    if (!chain.ok()) return chain.status();
    if (chain->empty()) continue;
    catalogue.entries.push_back(
        {CanonicalOf(info.name, catalogue.known_names), info.name, chain->back().id});
  }
  for (const doc::DocumentMeta& meta : catalogue.documents) {
    if (!meta.instrument.empty() || meta.kind == "statement") continue;
    if (!meta.title.empty()) {
      const std::string title = meta.title.substr(0, meta.title.find(';'));
      catalogue.entries.push_back({CanonicalOf(title, catalogue.known_names), "", meta.id});
    }
    if (!meta.symbol.empty()) catalogue.entries.push_back({meta.symbol, "", meta.id});
  }
  return catalogue;
}

// The instrument of session `number`, when the sessions of that number name one.
std::string SessionInstrument(const std::vector<negotiation::Session>& sessions, int number) {
  std::set<std::string> names;
  for (const negotiation::Session& session : sessions) {
    if (session.number == number && !session.instrument.empty()) names.insert(session.instrument);
  }
  return names.size() == 1 ? *names.begin() : std::string();
}

// The instrument the claim's "Art. X" refers to (see the header), or empty.
absl::StatusOr<std::string> ChooseInstrument(const Claim& claim, store::Store& store,
                                             const AutoCheckOptions& options,
                                             const Catalogue& catalogue) {
  if (!options.instrument.empty()) return options.instrument;
  int session = claim.session;
  if (claim.statement_id != 0) {
    store::StatementFilter filter;
    filter.actor = claim.actor;
    absl::StatusOr<std::vector<negotiation::Statement>> statements = store.ListStatements(filter);
    if (!statements.ok()) return statements.status();
    for (const negotiation::Statement& statement : *statements) {
      if (statement.id == claim.statement_id && statement.session != 0) session = statement.session;
    }
  }
  if (session != 0) {
    absl::StatusOr<std::vector<negotiation::Session>> sessions = store.ListSessions();
    if (!sessions.ok()) return sessions.status();
    std::string instrument = SessionInstrument(*sessions, session);
    if (!instrument.empty()) return instrument;
  }
  if (catalogue.instruments.size() == 1) return catalogue.instruments.front().name;
  for (auto it = catalogue.documents.rbegin(); it != catalogue.documents.rend(); ++it) {
    if ((it->kind == "draft" || it->kind == "final") && !it->instrument.empty()) {
      return it->instrument;
    }
  }
  return std::string();
}

// The version of `chain` current when the claim was made (see the header).
const doc::DocumentMeta& VersionAsOf(const std::vector<doc::DocumentMeta>& chain,
                                     const Claim& claim) {
  const doc::DocumentMeta* chosen = nullptr;
  if (!claim.date.empty()) {
    for (const doc::DocumentMeta& meta : chain) {
      if (!meta.date.empty() && meta.date <= claim.date) chosen = &meta;
    }
  } else if (claim.session != 0) {
    for (const doc::DocumentMeta& meta : chain) {
      if (meta.session != 0 && meta.session <= claim.session) chosen = &meta;
    }
  }
  return chosen != nullptr ? *chosen : chain.back();
}

// The latest draft or final text that belongs to no instrument, if any.
const doc::DocumentMeta* LoneDraft(const Catalogue& catalogue) {
  for (auto it = catalogue.documents.rbegin(); it != catalogue.documents.rend(); ++it) {
    if (it->kind == "draft" || it->kind == "final") return &*it;
  }
  return nullptr;
}

absl::StatusOr<std::optional<doc::Document>> LoadById(store::Store& store, std::int64_t id) {
  absl::StatusOr<doc::Document> document = store.LoadDocument(std::to_string(id));
  if (absl::IsNotFound(document.status())) return std::optional<doc::Document>();
  if (!document.ok()) return document.status();
  return std::optional<doc::Document>(*std::move(document));
}

// Finds the draft; on success context.draft is set, else context.no_draft_reason.
absl::Status LoadDraft(const Claim& claim, store::Store& store, const AutoCheckOptions& options,
                       const Catalogue& catalogue, AutoCheckContext& context) {
  absl::StatusOr<std::string> instrument = ChooseInstrument(claim, store, options, catalogue);
  if (!instrument.ok()) return instrument.status();
  if (!instrument->empty()) {
    absl::StatusOr<std::vector<doc::DocumentMeta>> chain = store.VersionChain(*instrument);
    // A name as claims say it ("Budapest Convention") for a chain stored under another.
    if (absl::IsNotFound(chain.status()) || (chain.ok() && chain->empty())) {
      const CatalogueEntry* entry = catalogue.Find(CanonicalOf(*instrument, catalogue.known_names));
      if (entry == nullptr) entry = catalogue.Find(*instrument);
      if (entry != nullptr && !entry->chain.empty()) {
        *instrument = entry->chain;
        chain = store.VersionChain(*instrument);
      } else if (entry != nullptr) {
        // A document of no instrument, named by its title or symbol.
        absl::StatusOr<std::optional<doc::Document>> draft = LoadById(store, entry->document_id);
        if (!draft.ok()) return draft.status();
        context.draft = *std::move(draft);
        context.draft_canonical = entry->canonical;
        if (!context.draft) context.no_draft_reason = fmt::format("no stored '{}'", *instrument);
        return absl::OkStatus();
      }
    }
    if (absl::IsNotFound(chain.status()) || (chain.ok() && chain->empty())) {
      context.no_draft_reason = fmt::format("no stored version of '{}'", *instrument);
      return absl::OkStatus();
    }
    if (!chain.ok()) return chain.status();
    const doc::DocumentMeta& current = VersionAsOf(*chain, claim);
    absl::StatusOr<std::optional<doc::Document>> draft = LoadById(store, current.id);
    if (!draft.ok()) return draft.status();
    context.draft = *std::move(draft);
    context.draft_instrument = *instrument;
    context.draft_canonical = CanonicalOf(*instrument, catalogue.known_names);
  } else if (const doc::DocumentMeta* lone = LoneDraft(catalogue)) {
    absl::StatusOr<std::optional<doc::Document>> draft = LoadById(store, lone->id);
    if (!draft.ok()) return draft.status();
    context.draft = *std::move(draft);
    if (context.draft) {
      context.draft_canonical =
          CanonicalOf(lone->title.substr(0, lone->title.find(';')), catalogue.known_names);
    }
  }
  if (!context.draft && context.no_draft_reason.empty()) {
    context.no_draft_reason =
        "no stored draft (ingest one with --instrument NAME, or name the instrument)";
  }
  return absl::OkStatus();
}

void SortUnique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

// A treaty annexed to a resolution keeps its articles under the annex ("annex.art7"): "article
// 7" of it means that one when the document has no article 7 of its own.
std::string PathInDocument(const doc::Document& document, const std::string& path) {
  if (doc::FindProvision(document.root, path) != nullptr) return path;
  for (const doc::Provision& part : document.root.children) {
    if (part.path.empty()) continue;
    const std::string annexed = part.path + "." + path;
    if (doc::FindProvision(document.root, annexed) != nullptr) return annexed;
  }
  return path;
}

}  // namespace

std::string ArticleOf(std::string_view path) {
  std::size_t at = 0;
  while (at < path.size()) {
    std::size_t dot = path.find('.', at);
    if (dot == std::string_view::npos) dot = path.size();
    if (path.substr(at, 3) == "art") return std::string(path.substr(0, dot));
    at = dot + 1;
  }
  return std::string(path);
}

std::vector<std::string> ArticlesNamedByHeading(const doc::Document& document,
                                                std::string_view folded_claim) {
  std::vector<std::string> paths;
  doc::VisitProvisions(document.root, [&](const doc::Provision& provision, int /*depth*/) {
    if (provision.kind != doc::ProvisionKind::kArticle || provision.heading.empty()) return;
    std::string heading = FoldClaimText(provision.heading);
    while (!heading.empty() && heading.front() == ' ') heading.erase(0, 1);
    while (!heading.empty() && heading.back() == ' ') heading.pop_back();
    if (heading.empty()) return;
    bool named = false;
    for (std::string_view noun : kHeadingNounsAfter) {
      named = named || HasPhrase(folded_claim, heading + " " + std::string(noun));
    }
    for (std::string_view words : kHeadingWordsBefore) {
      named = named || HasPhrase(folded_claim, std::string(words) + " " + heading) ||
              HasPhrase(folded_claim, std::string(words) + " the " + heading);
    }
    if (named) paths.push_back(provision.path);
  });
  SortUnique(paths);
  return paths;
}

absl::StatusOr<AutoCheckContext> BuildAutoCheckContext(const Claim& claim, store::Store& store,
                                                       const AutoCheckOptions& options) {
  AutoCheckContext context;
  context.claim = &claim;
  context.store = &store;
  context.folded = FoldClaimText(claim.text);

  absl::StatusOr<Catalogue> catalogue = ReadCatalogue(store);
  if (!catalogue.ok()) return catalogue.status();
  if (absl::Status loaded = LoadDraft(claim, store, options, *catalogue, context); !loaded.ok()) {
    return loaded;
  }
  const doc::Document* draft = context.draft ? &*context.draft : nullptr;
  const ClaimReferences references =
      ResolveClaimReferences(claim.text, draft, catalogue->known_names);
  context.draft_paths = references.cited_paths;
  if (context.draft_paths.empty() && draft != nullptr) {
    for (const std::string& path : claim.cited_paths) {
      if (doc::FindProvision(draft->root, path) != nullptr) context.draft_paths.push_back(path);
    }
  }
  // Articles cited by number that the draft lacks: the resolver drops them, so read the
  // numbers alone and keep those whose article is not there.
  const ClaimReferences by_number =
      ResolveClaimReferences(claim.text, nullptr, catalogue->known_names);
  context.numbered_paths = by_number.cited_paths;
  if (draft != nullptr) {
    for (const std::string& path : by_number.cited_paths) {
      const std::string article = ArticleOf(path);
      if (doc::FindProvision(draft->root, article) == nullptr) {
        context.absent_draft_paths.push_back(article);
      }
    }
  }

  // Other instruments: those the draft is not.
  std::vector<std::string> names = references.instruments;
  names.insert(names.end(), claim.instruments.begin(), claim.instruments.end());
  std::vector<std::string> seen;
  for (const std::string& name : names) {
    const std::string canonical = CanonicalOf(name, catalogue->known_names);
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
    seen.push_back(canonical);
    std::vector<std::string> paths;
    for (const std::string& reference : references.instrument_paths) {
      const std::size_t hash = reference.find('#');
      if (hash != std::string::npos &&
          text::EqualsIgnoringAsciiCase(reference.substr(0, hash), name)) {
        paths.push_back(reference.substr(hash + 1));
      }
    }
    const CatalogueEntry* entry = catalogue->Find(canonical);
    const bool is_draft =
        draft != nullptr &&
        ((entry != nullptr && !entry->chain.empty() && entry->chain == context.draft_instrument) ||
         (entry != nullptr && entry->document_id == draft->meta.id) ||
         (!context.draft_canonical.empty() &&
          text::EqualsIgnoringAsciiCase(canonical, context.draft_canonical)));
    if (is_draft) {
      for (std::string& path : paths) {
        path = PathInDocument(*draft, path);
        if (doc::FindProvision(draft->root, path) != nullptr) {
          context.draft_paths.push_back(path);
        } else {
          context.absent_draft_paths.push_back(ArticleOf(path));
        }
      }
      continue;
    }
    NamedInstrument other;
    other.canonical = canonical;
    if (entry != nullptr) {
      absl::StatusOr<std::optional<doc::Document>> loaded = LoadById(store, entry->document_id);
      if (!loaded.ok()) return loaded.status();
      other.document = *std::move(loaded);
    }
    for (std::string& path : paths) {
      if (other.document) path = PathInDocument(*other.document, path);
      if (other.document && doc::FindProvision(other.document->root, path) == nullptr) {
        other.absent_paths.push_back(std::move(path));
      } else {
        other.paths.push_back(std::move(path));
      }
    }
    if (other.document && other.paths.empty() && other.absent_paths.empty()) {
      other.paths = ArticlesNamedByHeading(*other.document, context.folded);
    }
    context.others.push_back(std::move(other));
  }
  if (context.draft_paths.empty() && draft != nullptr) {
    context.draft_paths = ArticlesNamedByHeading(*draft, context.folded);
    context.draft_paths_from_headings = !context.draft_paths.empty();
  }
  SortUnique(context.draft_paths);
  SortUnique(context.absent_draft_paths);

  context.wording = ReadClaimWording(claim.text, SafeguardCategoryTerms());
  return context;
}

}  // namespace tw::factcheck
