#include "negotiation/cited_provisions.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "doc/cross_reference_extractor.h"
#include "doc/provision.h"

namespace tw::negotiation {
namespace {

// The draft's tree as the resolver sees it.
class DraftLookup : public doc::ProvisionLookup {
 public:
  explicit DraftLookup(const doc::Provision& root) {
    doc::VisitProvisions(root, [this](const doc::Provision& p, int /*depth*/) {
      paths_.insert(p.path);
      if (p.kind != doc::ProvisionKind::kArticle) return;
      const std::size_t dot = p.path.rfind('.');
      const std::size_t segment = dot == std::string::npos ? 0 : dot + 1;
      if (p.path.compare(segment, 3, "art") != 0) return;
      article_numbers_[p.path.substr(0, segment)].push_back(p.path.substr(segment + 3));
    });
  }

  bool Exists(std::string_view path) const override { return paths_.count(std::string(path)) > 0; }

  const std::vector<std::string>& ArticleNumbers(std::string_view prefix) const override {
    static const std::vector<std::string> kNone;
    const auto it = article_numbers_.find(std::string(prefix));
    return it == article_numbers_.end() ? kNone : it->second;
  }

  bool HasArticles(const std::string& prefix) const { return article_numbers_.count(prefix) > 0; }
  const std::map<std::string, std::vector<std::string>>& article_numbers() const {
    return article_numbers_;
  }

 private:
  std::set<std::string> paths_;
  std::map<std::string, std::vector<std::string>> article_numbers_;
};

// No draft: every path the words build exists, and ranges count by number.
class NumbersOnlyLookup : public doc::ProvisionLookup {
 public:
  bool Exists(std::string_view /*path*/) const override { return true; }
  const std::vector<std::string>& ArticleNumbers(std::string_view /*prefix*/) const override {
    static const std::vector<std::string> kNone;
    return kNone;
  }
};

// "of the draft convention", "of the revised draft text" (the extractor names them "draft",
// "revised draft"): in a statement on the draft, the draft itself.
bool NamesTheDraft(std::string_view instrument) {
  std::string lower(instrument);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const std::string padded = " " + lower + " ";
  return padded.find(" draft ") != std::string::npos;
}

}  // namespace

std::vector<std::string> CitedProvisions(std::string_view text, const doc::Document* draft) {
  const std::vector<doc::RawReference> raw = doc::FindReferences(text, 0);
  if (raw.empty()) return {};

  doc::ReferenceContext context;
  context.has_generic = true;
  context.container_has_articles = true;
  std::unique_ptr<doc::ProvisionLookup> lookup;
  if (draft != nullptr) {
    auto draft_lookup = std::make_unique<DraftLookup>(draft->root);
    // A resolution that annexes the convention has no articles of its own: "article 24" and
    // "the Convention" mean the annex.
    if (!draft_lookup->HasArticles("")) {
      context.container_has_articles = false;
      context.has_generic = false;
      for (const auto& [prefix, numbers] : draft_lookup->article_numbers()) {
        if (prefix.empty() || numbers.empty()) continue;
        context.generic_prefix = prefix;
        context.has_generic = true;
        break;
      }
    }
    lookup = std::move(draft_lookup);
  } else {
    lookup = std::make_unique<NumbersOnlyLookup>();
  }

  std::vector<std::string> paths;
  for (const doc::RawReference& reference : raw) {
    // Relative words have nothing to be relative to in a statement; another instrument's
    // articles are not the draft's.
    if (reference.base != doc::ReferenceBase::kArticles) continue;
    doc::RawReference words = reference;
    if (words.scope == doc::InstrumentScope::kNamed) {
      if (!NamesTheDraft(words.instrument)) continue;
      words.scope = doc::InstrumentScope::kThis;
      words.instrument.clear();
    }
    doc::ResolvedReference resolved = doc::ResolveReference(words, context, *lookup);
    if (!resolved.instrument.empty()) continue;
    for (std::string& target : resolved.targets) paths.push_back(std::move(target));
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

}  // namespace tw::negotiation
