#include "compare/lost_paragraphs.h"

#include <vector>

#include "compare/paragraph_alignment.h"
#include "compare/similarity.h"
#include "compare/token_weights.h"

namespace tw::compare {
namespace {

std::vector<std::vector<std::uint32_t>> ParagraphIds(const doc::Provision& node, TokenTable& table) {
  std::vector<std::vector<std::uint32_t>> ids;
  for (const doc::Provision* child : ParagraphItems(node)) {
    ids.push_back(WordIds(Tokenize(RenderWithoutLabel(*child), table)));
  }
  return ids;
}

bool AnyAlike(const WeightedWords& paragraph, const std::vector<WeightedWords>& others,
              std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    if (Compare(paragraph, others[k]).Mutual() >= kSameParagraph) return true;
  }
  return false;
}

}  // namespace

bool HoldsLostParagraph(const doc::Provision& source, const doc::Provision& primary,
                        const doc::Provision& part, TokenTable& table) {
  const auto source_ids = ParagraphIds(source, table);
  const auto primary_ids = ParagraphIds(primary, table);
  const auto part_ids = ParagraphIds(part, table);
  if (source_ids.size() < 2 || part_ids.empty()) return false;
  // Weighed together: source paragraphs on one side, the two candidates on the other.
  std::vector<std::vector<std::uint32_t>> others = primary_ids;
  others.insert(others.end(), part_ids.begin(), part_ids.end());
  const std::vector<WeightedWords> weighted = WeighUnits(source_ids, others);
  const std::size_t first_other = source_ids.size();
  const std::size_t first_part = first_other + primary_ids.size();
  for (std::size_t k = 0; k < source_ids.size(); ++k) {
    if (weighted[k].ids.empty()) continue;
    if (AnyAlike(weighted[k], weighted, first_other, first_part)) continue;
    if (AnyAlike(weighted[k], weighted, first_part, weighted.size())) return true;
  }
  return false;
}

}  // namespace tw::compare
