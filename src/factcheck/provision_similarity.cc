#include "factcheck/provision_similarity.h"

#include <cstddef>
#include <cstdint>

#include "compare/redline.h"
#include "compare/similarity.h"
#include "compare/token_weights.h"
#include "compare/unit_text.h"
#include "compare/word_tokens.h"

namespace tw::factcheck {
namespace {

// The unit holding `path` (the unit itself or a provision inside it); -1 when none.
int UnitOf(const std::vector<compare::Unit>& units, std::string_view path) {
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::string& unit_path = units[i].provision->path;
    if (path == unit_path ||
        (path.size() > unit_path.size() && path.substr(0, unit_path.size()) == unit_path &&
         path[unit_path.size()] == '.')) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

compare::Unit Render(const doc::Provision& provision) {
  compare::Unit unit;
  unit.provision = &provision;
  compare::RenderProvision(provision, true, unit);
  return unit;
}

ProvisionMatch MatchOf(std::string path, const compare::Similarity& similarity) {
  ProvisionMatch match;
  match.path = std::move(path);
  match.similarity = similarity.Mutual();
  match.a_in_b = similarity.old_in_new;
  match.b_in_a = similarity.new_in_old;
  return match;
}

}  // namespace

std::optional<ProvisionComparison> CompareProvisions(const doc::Document& a,
                                                     std::string_view a_path,
                                                     const doc::Document& b,
                                                     std::string_view b_path) {
  const doc::Provision* a_provision = doc::FindProvision(a.root, a_path);
  if (a_provision == nullptr || a_path.empty()) return std::nullopt;
  std::vector<compare::Unit> a_units = compare::ExtractUnits(a);
  std::vector<compare::Unit> b_units = compare::ExtractUnits(b);
  const std::size_t b_unit_count = b_units.size();

  // The first provision takes its unit's place (or joins the units when it is outside any);
  // the claimed one is added after the second text's units, so they stay candidates as they
  // are in the crosswalk.
  int a_index = UnitOf(a_units, a_path);
  const int a_article = a_index;
  if (a_index < 0) {
    a_units.push_back(Render(*a_provision));
    a_index = static_cast<int>(a_units.size()) - 1;
  } else if (a_units[static_cast<std::size_t>(a_index)].provision != a_provision) {
    a_units[static_cast<std::size_t>(a_index)] = Render(*a_provision);
  }
  int b_index = -1;
  if (!b_path.empty()) {
    if (const doc::Provision* b_provision = doc::FindProvision(b.root, b_path)) {
      const int unit = UnitOf(b_units, b_path);
      if (unit >= 0 && b_units[static_cast<std::size_t>(unit)].provision == b_provision) {
        b_index = unit;
      } else {
        b_units.push_back(Render(*b_provision));
        b_index = static_cast<int>(b_units.size()) - 1;
      }
    }
  }

  compare::TokenTable table;
  std::vector<std::vector<std::uint32_t>> a_ids, b_ids;
  for (const compare::Unit& unit : a_units) {
    a_ids.push_back(compare::WordIds(compare::Tokenize(unit.text, table)));
  }
  for (const compare::Unit& unit : b_units) {
    b_ids.push_back(compare::WordIds(compare::Tokenize(unit.text, table)));
  }
  const std::vector<compare::WeightedWords> weighted = compare::WeighUnits(a_ids, b_ids);
  const compare::WeightedWords& subject = weighted[static_cast<std::size_t>(a_index)];
  auto b_weighted = [&](std::size_t j) -> const compare::WeightedWords& {
    return weighted[a_units.size() + j];
  };

  ProvisionComparison result;
  result.a_path = std::string(a_path);
  int best_index = -1;
  const bool same_text = &a == &b;
  for (std::size_t j = 0; j < b_unit_count; ++j) {
    if (same_text && static_cast<int>(j) == a_article) continue;
    const compare::Similarity similarity = compare::Compare(subject, b_weighted(j));
    ProvisionMatch match = MatchOf(b_units[j].provision->path, similarity);
    if (!result.best || match.similarity > result.best->similarity) {
      result.best = std::move(match);
      best_index = static_cast<int>(j);
    }
  }
  if (b_index >= 0) {
    result.claimed =
        MatchOf(std::string(b_path),
                compare::Compare(subject, b_weighted(static_cast<std::size_t>(b_index))));
  }
  const int shown = b_index >= 0 ? b_index : best_index;
  if (shown >= 0) {
    const compare::Redline redline =
        compare::MakeRedline(a_units[static_cast<std::size_t>(a_index)].text,
                             b_units[static_cast<std::size_t>(shown)].text, table, true);
    result.ops = redline.ops;
    result.words_deleted = redline.words.deleted;
    result.words_inserted = redline.words.inserted;
  }
  return result;
}

}  // namespace tw::factcheck
