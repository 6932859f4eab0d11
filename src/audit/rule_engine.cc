// How a document is evaluated:
//
//  1. ProvisionIndex cuts the text into segments, each the own text of one provision (headings
//     of articles separately), in document order.
//  2. The pack's one RE2::Set runs over every segment once: a bit per (segment, pattern). A
//     provision's subtree bits are the OR of its segments', so "does pattern p occur in this
//     article, or in the articles this one cites" is a handful of word ORs, not a text scan.
//  3. Rules run on bits only: classification rules first (in the order their categories
//     depend on each other), then check rules.
//  4. Evidence — the words that decided a finding — is looked for only for patterns the bits
//     say are present, only in the first segment of the scope that holds them, with the pattern
//     alone; the result is cached per (pattern, segment) because many provisions share a scope
//     (every power cites the same safeguards article).
#include "audit/rule_engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "audit/bit_rows.h"
#include "audit/pattern_matcher.h"
#include "audit/provision_index.h"

namespace tw::audit {
namespace {

using doc::ProvisionKind;

struct CompiledSelector {
  std::vector<ProvisionKind> kinds;
  std::vector<int> heading, text, chapter, exclude_heading, exclude_text;
  std::vector<int> categories, refers_to;  // category ids
};

struct CompiledTest {
  std::vector<int> require_any, require_all, forbid;  // pattern ids, parallel to the Rule's
  Scope within = Scope::kProvision;
  std::vector<int> chapter_categories;
  std::vector<int> document_categories;
};

struct CompiledRule {
  int pack_index = 0;
  CompiledSelector select;
  int assigns = -1;  // category id
  std::optional<CompiledTest> test;
};

std::string Where(const PackPosition& where, std::string_view pack_name) {
  const std::string file = where.file.empty() ? std::string(pack_name) : where.file;
  if (where.line <= 0) return file;
  return fmt::format("{}:{}:{}", file, where.line, where.column);
}

bool IsDivision(ProvisionKind kind) {
  return kind == ProvisionKind::kPart || kind == ProvisionKind::kChapter ||
         kind == ProvisionKind::kSection || kind == ProvisionKind::kTitle;
}

bool AnyBit(const BitRows& rows, std::size_t row, const std::vector<int>& bits) {
  for (int bit : bits) {
    if (rows.Test(row, static_cast<std::size_t>(bit))) return true;
  }
  return false;
}

// Classification rules in dependency order (a rule selecting by a category runs after every
// rule assigning it; pack order among the ready ones), then check rules in pack order. A cycle
// (the loader refuses them) leaves its rules in pack order after the others.
std::vector<int> EvaluationOrder(const std::vector<CompiledRule>& rules) {
  std::vector<int> order;
  std::vector<int> classification;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].assigns >= 0) classification.push_back(static_cast<int>(r));
  }
  std::vector<bool> done(rules.size(), false);
  auto depends_on_pending = [&](const CompiledRule& rule) {
    const CompiledSelector& s = rule.select;
    for (int other : classification) {
      if (done[other] || &rules[other] == &rule) continue;
      const int category = rules[other].assigns;
      if (std::find(s.categories.begin(), s.categories.end(), category) != s.categories.end() ||
          std::find(s.refers_to.begin(), s.refers_to.end(), category) != s.refers_to.end()) {
        return true;
      }
    }
    return false;
  };
  bool progress = true;
  while (progress) {
    progress = false;
    for (int r : classification) {
      if (done[r] || depends_on_pending(rules[r])) continue;
      done[r] = true;
      order.push_back(r);
      progress = true;
      break;  // restart: pack order among the rules that became ready
    }
  }
  for (int r : classification) {
    if (!done[r]) order.push_back(r);
  }
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].assigns < 0) order.push_back(static_cast<int>(r));
  }
  return order;
}

}  // namespace

struct RuleEngine::Compiled {
  RulePack pack;
  PatternMatcher matcher;
  std::vector<CompiledRule> rules;
  std::vector<int> order;
  std::size_t category_count = 0;
  std::vector<int> chapter_patterns;  // patterns some selector matches against divisions
};

namespace {

// Everything one Evaluate call computes about one document.
class Evaluation {
 public:
  Evaluation(const RulePack& pack, const PatternMatcher& matcher,
             const std::vector<CompiledRule>& rules, std::size_t category_count,
             const std::vector<int>& chapter_patterns, const doc::Document& document)
      : pack_(pack), matcher_(matcher), rules_(rules), document_(document), index_(document) {
    const auto& nodes = index_.nodes();
    const auto& segments = index_.segments();
    matcher_.MatchSegments(index_, &segment_bits_);
    subtree_bits_ = BitRows(nodes.size(), matcher_.size());
    for (std::size_t s = 0; s < segments.size(); ++s) {
      subtree_bits_.OrRow(static_cast<std::size_t>(segments[s].node), segment_bits_, s);
    }
    for (std::size_t i = nodes.size(); i-- > 1;) {
      if (nodes[i].parent >= 0) {
        subtree_bits_.OrRow(static_cast<std::size_t>(nodes[i].parent), subtree_bits_, i);
      }
    }
    division_bits_ = BitRows(nodes.size(), matcher_.size());
    if (!chapter_patterns.empty()) {
      for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].parent >= 0) {
          division_bits_.OrRow(i, division_bits_, static_cast<std::size_t>(nodes[i].parent));
        }
        const doc::Provision& provision = *nodes[i].provision;
        if (!IsDivision(provision.kind)) continue;
        for (int pattern : chapter_patterns) {
          const auto p = static_cast<std::size_t>(pattern);
          if (matcher_.Occurs(p, provision.label) || matcher_.Occurs(p, provision.heading)) {
            division_bits_.Set(i, p);
          }
        }
      }
    }
    categories_ = BitRows(nodes.size(), category_count);
  }

  AuditResult Run(const std::vector<int>& order) {
    struct Keyed {
      int node;
      int rule;
      Finding finding;
    };
    std::vector<Keyed> keyed;
    std::vector<bool> selected_any(rules_.size(), false);
    const int node_count = static_cast<int>(index_.nodes().size());
    for (int r : order) {
      const CompiledRule& rule = rules_[r];
      std::vector<int> selected;
      for (int i = 0; i < node_count; ++i) {
        if (Selects(rule.select, i)) selected.push_back(i);
      }
      selected_any[r] = !selected.empty();
      for (int i : selected) {
        if (rule.assigns >= 0) categories_.Set(i, static_cast<std::size_t>(rule.assigns));
      }
      chapter_scope_cache_.clear();
      for (int i : selected) keyed.push_back({i, rule.pack_index, MakeFinding(rule, i)});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
      return a.node != b.node ? a.node < b.node : a.rule < b.rule;
    });
    AuditResult result;
    result.findings.reserve(keyed.size());
    for (Keyed& k : keyed) result.findings.push_back(std::move(k.finding));
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      if (!selected_any[r]) result.unmatched_rules.push_back(Source(rules_[r]).id);
    }
    MarkBracketedEvidence(result);
    return result;
  }

 private:
  // Half-open runs of segment indices, sorted and disjoint.
  using SegmentRuns = std::vector<std::pair<int, int>>;

  const Rule& Source(const CompiledRule& rule) const { return pack_.rules[rule.pack_index]; }

  bool HasCategory(int node, const std::vector<int>& categories) const {
    if (node < 0) return false;
    return AnyBit(categories_, static_cast<std::size_t>(node), categories);
  }

  bool HeadingHas(int node, const std::vector<int>& patterns) const {
    const int article = index_.nodes()[node].article;
    if (article < 0) return false;
    const int heading = index_.nodes()[article].heading_segment;
    return heading >= 0 && AnyBit(segment_bits_, static_cast<std::size_t>(heading), patterns);
  }

  bool Selects(const CompiledSelector& select, int i) const {
    const IndexedNode& node = index_.nodes()[i];
    const ProvisionKind kind = node.provision->kind;
    if (select.kinds.empty() ? kind != ProvisionKind::kArticle
                             : std::find(select.kinds.begin(), select.kinds.end(), kind) ==
                                   select.kinds.end()) {
      return false;
    }
    const auto row = static_cast<std::size_t>(i);
    if (!select.heading.empty() && !HeadingHas(i, select.heading)) return false;
    if (!select.chapter.empty() && !AnyBit(division_bits_, row, select.chapter)) return false;
    if (!select.text.empty() && !AnyBit(subtree_bits_, row, select.text)) return false;
    if (!select.categories.empty() && !HasCategory(i, select.categories) &&
        !(node.article != i && HasCategory(node.article, select.categories))) {
      return false;
    }
    if (!select.refers_to.empty() && !RefersTo(i, select.refers_to)) return false;
    if (!select.exclude_heading.empty() && HeadingHas(i, select.exclude_heading)) return false;
    if (!select.exclude_text.empty() && AnyBit(subtree_bits_, row, select.exclude_text)) {
      return false;
    }
    return true;
  }

  bool RefersTo(int i, const std::vector<int>& categories) const {
    const auto& nodes = index_.nodes();
    const auto [begin, end] = index_.ReferencesFrom(i, nodes[i].subtree_end);
    for (auto it = begin; it != end; ++it) {
      if (HasCategory(nodes[it->target].article, categories)) return true;
    }
    return false;
  }

  Finding MakeFinding(const CompiledRule& rule, int i) {
    const Rule& source = Source(rule);
    Finding finding;
    finding.rule_id = source.id;
    finding.path = index_.nodes()[i].provision->path;
    finding.severity = source.severity;
    finding.outcome = Outcome::kMet;
    if (rule.assigns >= 0) finding.category = source.assigns;
    if (rule.test && source.test) {
      EvaluateTest(*rule.test, *source.test, i, &finding);
    } else {
      SelectorEvidence(rule.select, source.select, i, &finding);
    }
    return finding;
  }

  // The selector words that made a classification: heading and text patterns.
  void SelectorEvidence(const CompiledSelector& select, const Selector& source, int i,
                        Finding* finding) {
    const IndexedNode& node = index_.nodes()[i];
    if (node.article >= 0) {
      const int heading = index_.nodes()[node.article].heading_segment;
      if (heading >= 0) {
        const SegmentRuns runs{{heading, heading + 1}};
        for (std::size_t k = 0; k < select.heading.size(); ++k) {
          AddEvidence(select.heading[k], source.heading[k], runs, false, finding);
        }
      }
    }
    const SegmentRuns subtree{{node.segment_begin, node.segment_end}};
    for (std::size_t k = 0; k < select.text.size(); ++k) {
      AddEvidence(select.text[k], source.text[k], subtree, false, finding);
    }
  }

  void EvaluateTest(const CompiledTest& test, const Test& source, int i, Finding* finding) {
    const auto& nodes = index_.nodes();
    const int article = nodes[i].article;
    const int base = test.within == Scope::kProvision || article < 0 ? i : article;
    std::vector<int> scope{base};
    if (test.within == Scope::kReferences) {
      const auto [begin, end] = index_.ReferencesFrom(base, nodes[base].subtree_end);
      for (auto it = begin; it != end; ++it) scope.push_back(it->target);
    }
    if (!test.chapter_categories.empty()) {
      for (int governing : ChapterArticles(nodes[i].chapter, test.chapter_categories)) {
        scope.push_back(governing);
      }
    }
    if (!test.document_categories.empty()) {
      for (int governing : ChapterArticles(-1, test.document_categories)) {
        scope.push_back(governing);
      }
    }
    BitRows present(1, matcher_.size());
    SegmentRuns runs;
    for (int node : scope) {
      present.OrRow(0, subtree_bits_, static_cast<std::size_t>(node));
      runs.emplace_back(nodes[node].segment_begin, nodes[node].segment_end);
    }
    std::sort(runs.begin(), runs.end());
    SegmentRuns merged;
    for (const auto& run : runs) {
      if (!merged.empty() && run.first <= merged.back().second) {
        merged.back().second = std::max(merged.back().second, run.second);
      } else {
        merged.push_back(run);
      }
    }
    auto has = [&](int pattern) { return present.Test(0, static_cast<std::size_t>(pattern)); };

    bool violated = false;
    for (int pattern : test.forbid) violated = violated || has(pattern);
    bool any_found = test.require_any.empty();
    for (int pattern : test.require_any) any_found = any_found || has(pattern);
    for (std::size_t k = 0; k < test.require_all.size(); ++k) {
      if (!has(test.require_all[k])) finding->missing.push_back(source.require_all[k].source);
    }
    if (!any_found) {
      for (const Pattern& pattern : source.require_any) finding->missing.push_back(pattern.source);
    }
    finding->outcome = violated                   ? Outcome::kViolated
                       : !finding->missing.empty() ? Outcome::kMissing
                                                   : Outcome::kMet;
    for (std::size_t k = 0; k < test.require_any.size(); ++k) {
      if (has(test.require_any[k])) {
        AddEvidence(test.require_any[k], source.require_any[k], merged, false, finding);
      }
    }
    for (std::size_t k = 0; k < test.require_all.size(); ++k) {
      if (has(test.require_all[k])) {
        AddEvidence(test.require_all[k], source.require_all[k], merged, false, finding);
      }
    }
    for (std::size_t k = 0; k < test.forbid.size(); ++k) {
      if (has(test.forbid[k])) {
        AddEvidence(test.forbid[k], source.forbid[k], merged, true, finding);
      }
    }
  }

  // Articles of `categories` in the chapter `chapter` (the whole document when -1); cached per
  // rule because every provision of a chapter asks the same question.
  // Words still inside square brackets are not agreed text: a safeguard quoted from them may
  // yet be dropped, and the reports say so.
  void MarkBracketedEvidence(AuditResult& result) const {
    const std::vector<doc::BracketSpan>& spans = document_.root.brackets;
    if (spans.empty()) return;
    for (Finding& finding : result.findings) {
      for (Evidence& evidence : finding.evidence) {
        evidence.bracketed = std::any_of(spans.begin(), spans.end(), [&](const doc::BracketSpan& span) {
          return span.begin <= evidence.begin && evidence.end <= span.end;
        });
      }
    }
  }

  const std::vector<int>& ChapterArticles(int chapter, const std::vector<int>& categories) {
    const auto key = std::make_pair(chapter, categories);
    const auto cached = chapter_scope_cache_.find(key);
    if (cached != chapter_scope_cache_.end()) return cached->second;
    const auto& nodes = index_.nodes();
    const int first = chapter < 0 ? 0 : chapter;
    const int last = chapter < 0 ? static_cast<int>(nodes.size()) : nodes[chapter].subtree_end;
    std::vector<int> articles;
    for (int j = first; j < last; ++j) {
      if (nodes[j].provision->kind == ProvisionKind::kArticle &&
          AnyBit(categories_, static_cast<std::size_t>(j), categories)) {
        articles.push_back(j);
      }
    }
    return chapter_scope_cache_.emplace(key, std::move(articles)).first->second;
  }

  // The first occurrence of `pattern` in the runs, in document order.
  void AddEvidence(int pattern, const Pattern& source, const SegmentRuns& runs, bool forbidden,
                   Finding* finding) {
    const auto p = static_cast<std::size_t>(pattern);
    for (const auto& [first, last] : runs) {
      for (int s = first; s < last; ++s) {
        if (!segment_bits_.Test(static_cast<std::size_t>(s), p)) continue;
        const std::optional<std::pair<std::size_t, std::size_t>> span = FirstIn(p, s);
        if (!span) continue;
        const TextSegment& segment = index_.segments()[s];
        Evidence evidence;
        evidence.path = index_.nodes()[segment.node].provision->path;
        evidence.begin = span->first;
        evidence.end = span->second;
        evidence.quote = index_.text().substr(span->first, span->second - span->first);
        evidence.pattern = source.source;
        evidence.forbidden = forbidden;
        finding->evidence.push_back(std::move(evidence));
        return;
      }
    }
  }

  std::optional<std::pair<std::size_t, std::size_t>> FirstIn(std::size_t pattern, int segment) {
    const std::uint64_t key =
        static_cast<std::uint64_t>(pattern) * index_.segments().size() +
        static_cast<std::uint64_t>(segment);
    const auto cached = first_match_cache_.find(key);
    if (cached != first_match_cache_.end()) return cached->second;
    std::optional<std::pair<std::size_t, std::size_t>> span;
    const std::string_view text = index_.SegmentText(index_.segments()[segment]);
    std::string_view match;
    if (matcher_.FirstMatch(pattern, text, &match)) {
      const std::size_t begin =
          index_.segments()[segment].begin + static_cast<std::size_t>(match.data() - text.data());
      span = std::make_pair(begin, begin + match.size());
    }
    first_match_cache_.emplace(key, span);
    return span;
  }

  const RulePack& pack_;
  const PatternMatcher& matcher_;
  const std::vector<CompiledRule>& rules_;
  const doc::Document& document_;
  ProvisionIndex index_;
  BitRows segment_bits_;   // per segment: patterns in it
  BitRows subtree_bits_;   // per node: patterns in its subtree
  BitRows division_bits_;  // per node: chapter patterns in an enclosing division's label/heading
  BitRows categories_;     // per node: categories assigned so far
  // (chapter or -1 for the whole text, categories) → the governing articles.
  std::map<std::pair<int, std::vector<int>>, std::vector<int>> chapter_scope_cache_;
  std::unordered_map<std::uint64_t, std::optional<std::pair<std::size_t, std::size_t>>>
      first_match_cache_;
};

}  // namespace

absl::StatusOr<RuleEngine> RuleEngine::Compile(const RulePack& pack) {
  return Compile(pack, EngineLimits{});
}

absl::StatusOr<RuleEngine> RuleEngine::Compile(const RulePack& pack, const EngineLimits& limits) {
  std::vector<CompiledRule> rules;
  std::vector<int> chapter_patterns;
  std::vector<RegexToCompile> regexes;
  std::unordered_map<std::string, int> pattern_ids;
  absl::Status status;
  auto pattern_id = [&](const Pattern& pattern) {
    const auto [it, inserted] =
        pattern_ids.emplace(pattern.regex, static_cast<int>(regexes.size()));
    if (inserted) {
      if (regexes.size() >= limits.max_patterns && status.ok()) {
        status = absl::ResourceExhaustedError(
            fmt::format("{}: more than {} distinct patterns in the pack",
                        Where(pattern.where, pack.name), limits.max_patterns));
      }
      regexes.push_back({pattern.regex, fmt::format("{}: \"{}\"", Where(pattern.where, pack.name),
                                                    pattern.source)});
    }
    return it->second;
  };
  auto pattern_ids_of = [&](const std::vector<Pattern>& patterns) {
    std::vector<int> ids;
    ids.reserve(patterns.size());
    for (const Pattern& pattern : patterns) ids.push_back(pattern_id(pattern));
    return ids;
  };
  std::unordered_map<std::string, int> category_ids;
  auto category_id = [&](const std::string& name) {
    return category_ids.emplace(name, static_cast<int>(category_ids.size())).first->second;
  };
  auto category_ids_of = [&](const std::vector<std::string>& names) {
    std::vector<int> ids;
    for (const std::string& name : names) ids.push_back(category_id(name));
    return ids;
  };
  for (const Category& category : pack.categories) category_id(category.id);

  for (std::size_t r = 0; r < pack.rules.size(); ++r) {
    const Rule& rule = pack.rules[r];
    CompiledRule out;
    out.pack_index = static_cast<int>(r);
    out.select.kinds = rule.select.kinds;
    out.select.heading = pattern_ids_of(rule.select.heading);
    out.select.text = pattern_ids_of(rule.select.text);
    out.select.chapter = pattern_ids_of(rule.select.chapter);
    out.select.exclude_heading = pattern_ids_of(rule.select.exclude_heading);
    out.select.exclude_text = pattern_ids_of(rule.select.exclude_text);
    out.select.categories = category_ids_of(rule.select.categories);
    out.select.refers_to = category_ids_of(rule.select.refers_to);
    if (!rule.assigns.empty()) out.assigns = category_id(rule.assigns);
    if (rule.test) {
      CompiledTest test;
      test.require_any = pattern_ids_of(rule.test->require_any);
      test.require_all = pattern_ids_of(rule.test->require_all);
      test.forbid = pattern_ids_of(rule.test->forbid);
      test.within = rule.test->within;
      test.chapter_categories = category_ids_of(rule.test->chapter_categories);
      test.document_categories = category_ids_of(rule.test->document_categories);
      out.test = std::move(test);
    }
    for (int id : out.select.chapter) {
      if (std::find(chapter_patterns.begin(), chapter_patterns.end(), id) ==
          chapter_patterns.end()) {
        chapter_patterns.push_back(id);
      }
    }
    rules.push_back(std::move(out));
  }
  if (!status.ok()) return status;

  PatternMatcherOptions options;
  options.set_max_mem = limits.set_max_mem;
  options.pattern_max_mem = limits.pattern_max_mem;
  options.use_set = limits.use_set;
  absl::StatusOr<PatternMatcher> matcher = PatternMatcher::Compile(regexes, options);
  if (!matcher.ok()) return matcher.status();
  std::vector<int> order = EvaluationOrder(rules);
  return RuleEngine(std::make_unique<Compiled>(pack, *std::move(matcher), std::move(rules),
                                               std::move(order), category_ids.size(),
                                               std::move(chapter_patterns)));
}

RuleEngine::RuleEngine(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
RuleEngine::RuleEngine(RuleEngine&&) noexcept = default;
RuleEngine& RuleEngine::operator=(RuleEngine&&) noexcept = default;
RuleEngine::~RuleEngine() = default;

const RulePack& RuleEngine::pack() const { return compiled_->pack; }

AuditResult RuleEngine::Evaluate(const doc::Document& document) const {
  Evaluation evaluation(compiled_->pack, compiled_->matcher, compiled_->rules,
                        compiled_->category_count, compiled_->chapter_patterns, document);
  return evaluation.Run(compiled_->order);
}

}  // namespace tw::audit
