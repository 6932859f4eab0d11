#include "compare/crosswalk.h"

#include <algorithm>

#include "compare/candidate_pairs.h"
#include "compare/compare.h"
#include "compare/redline.h"
#include "compare/similarity.h"
#include "compare/token_weights.h"
#include "compare/unit_text.h"
#include "compare/word_tokens.h"

namespace tw::compare {

Crosswalk BuildCrosswalk(const doc::Document& a, const doc::Document& b,
                         const CrosswalkOptions& options) {
  Crosswalk crosswalk;
  crosswalk.a = DescribeComparedDocument(a);
  crosswalk.b = DescribeComparedDocument(b);
  const std::vector<Unit> a_units = ExtractUnits(a);
  const std::vector<Unit> b_units = ExtractUnits(b);
  TokenTable table;
  std::vector<std::vector<std::uint32_t>> a_ids, b_ids;
  for (const Unit& unit : a_units) a_ids.push_back(WordIds(Tokenize(unit.text, table)));
  for (const Unit& unit : b_units) b_ids.push_back(WordIds(Tokenize(unit.text, table)));
  std::vector<WeightedWords> weighted = WeighUnits(a_ids, b_ids);
  const std::vector<WeightedWords> a_weighted(weighted.begin(),
                                              weighted.begin() + static_cast<std::ptrdiff_t>(a_ids.size()));
  const std::vector<WeightedWords> b_weighted(weighted.begin() + static_cast<std::ptrdiff_t>(a_ids.size()),
                                              weighted.end());
  const auto pairs = CandidatePairs(a_weighted, b_weighted, std::vector<bool>(a_units.size(), true),
                                    std::vector<bool>(b_units.size(), true),
                                    std::vector<int>(a_units.size(), -1));
  // Per article of A: its candidate matches and the index of each one's unit in B.
  std::vector<std::vector<std::pair<CrosswalkMatch, int>>> matches(a_units.size());
  for (auto [i, j] : pairs) {
    const Similarity similarity = Compare(a_weighted[static_cast<std::size_t>(i)],
                                          b_weighted[static_cast<std::size_t>(j)]);
    if (similarity.Best() < options.min_containment) continue;
    const Unit& unit = b_units[static_cast<std::size_t>(j)];
    CrosswalkMatch match;
    match.path = unit.provision->path;
    match.citation = unit.citation;
    match.heading = unit.provision->heading;
    match.similarity = similarity.Mutual();
    match.a_in_b = similarity.old_in_new;
    match.b_in_a = similarity.new_in_old;
    matches[static_cast<std::size_t>(i)].emplace_back(std::move(match), j);
  }
  for (std::size_t i = 0; i < a_units.size(); ++i) {
    CrosswalkEntry entry;
    entry.path = a_units[i].provision->path;
    entry.citation = a_units[i].citation;
    entry.heading = a_units[i].provision->heading;
    auto& found = matches[i];
    // Mutual first: a short definition contained in a long article is not its counterpart.
    std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
      if (x.first.similarity != y.first.similarity) return x.first.similarity > y.first.similarity;
      return x.first.path < y.first.path;
    });
    if (found.size() > static_cast<std::size_t>(options.max_matches)) {
      found.resize(static_cast<std::size_t>(options.max_matches));
    }
    if (!found.empty() && options.redlines) {
      const Unit& best = b_units[static_cast<std::size_t>(found.front().second)];
      found.front().first.ops = MakeRedline(a_units[i].text, best.text, table, true).ops;
    }
    crosswalk.matched += !found.empty();
    for (auto& candidate : found) entry.matches.push_back(std::move(candidate.first));
    crosswalk.entries.push_back(std::move(entry));
  }
  return crosswalk;
}

}  // namespace tw::compare
