#include "compare/paragraph_alignment.h"

#include <iterator>

#include "compare/redline.h"
#include "compare/token_weights.h"
#include "compare/unit_mapping.h"
#include "compare/unit_text.h"

namespace tw::compare {

std::vector<const doc::Provision*> TextChildren(const doc::Provision& node) {
  std::vector<const doc::Provision*> children;
  for (const doc::Provision& child : node.children) {
    if (child.kind != doc::ProvisionKind::kFootnote) children.push_back(&child);
  }
  return children;
}

std::vector<const doc::Provision*> ParagraphItems(const doc::Provision& node) {
  std::vector<const doc::Provision*> items;
  for (const doc::Provision* child : TextChildren(node)) {
    if (child->kind == doc::ProvisionKind::kOption && !child->children.empty()) {
      for (const doc::Provision* grandchild : TextChildren(*child)) items.push_back(grandchild);
    } else {
      items.push_back(child);
    }
  }
  return items;
}

std::string RenderWithoutLabel(const doc::Provision& node) {
  Unit unit;
  RenderProvision(node, /*with_heading=*/true, unit);
  return unit.text;
}

ProvisionChange WholeProvisionChange(ChangeKind kind, const doc::Provision& provision,
                                     bool redlines) {
  ProvisionChange change;
  change.kind = kind;
  change.similarity = 0;
  const std::string text = RenderWithoutLabel(provision);
  if (kind == ChangeKind::kInsertion) {
    change.new_paths = {provision.path};
    change.new_num = provision.num;
    if (redlines) change.ops = WholeText(OpKind::kInsert, text);
  } else {
    change.old_paths = {provision.path};
    change.old_num = provision.num;
    if (redlines) change.ops = WholeText(OpKind::kDelete, text);
  }
  return change;
}

ProvisionAlignment AlignProvisions(const std::vector<ProvisionItem>& old_items,
                                   const std::vector<ProvisionItem>& new_items,
                                   TokenTable& table, bool redlines, int depth) {
  ProvisionAlignment alignment;
  std::vector<std::string> old_texts, new_texts;
  std::vector<std::vector<Token>> old_tokens, new_tokens;
  std::vector<std::vector<std::uint32_t>> old_ids, new_ids;
  for (const ProvisionItem& item : old_items) {
    old_texts.push_back(RenderWithoutLabel(*item.provision));
    old_tokens.push_back(Tokenize(old_texts.back(), table));
    old_ids.push_back(WordIds(old_tokens.back()));
  }
  for (const ProvisionItem& item : new_items) {
    new_texts.push_back(RenderWithoutLabel(*item.provision));
    new_tokens.push_back(Tokenize(new_texts.back(), table));
    new_ids.push_back(WordIds(new_tokens.back()));
  }
  std::vector<WeightedWords> weighted = WeighUnits(old_ids, new_ids);
  const auto split = weighted.begin() + static_cast<std::ptrdiff_t>(old_ids.size());
  std::vector<WeightedWords> old_weighted(std::make_move_iterator(weighted.begin()),
                                          std::make_move_iterator(split));
  std::vector<WeightedWords> new_weighted(std::make_move_iterator(split),
                                          std::make_move_iterator(weighted.end()));
  MappingOptions options;
  options.match_threshold = 0.4;  // paragraphs are short: demand more before pairing them
  const UnitMapping mapping = MapUnits(old_weighted, new_weighted, options);

  for (std::size_t j = 0; j < new_items.size(); ++j) {
    const int i = mapping.old_of_new[j];
    if (i < 0) {
      // A further part of a split paragraph reads best as an insertion next to its source.
      alignment.unmatched_new.push_back(static_cast<int>(j));
      continue;
    }
    const ProvisionItem& old_item = old_items[static_cast<std::size_t>(i)];
    const ProvisionItem& new_item = new_items[j];
    const doc::Provision& old_node = *old_item.provision;
    const doc::Provision& new_node = *new_item.provision;
    const bool migrated = old_item.owner != new_item.owner;
    const bool moved = mapping.moved[static_cast<std::size_t>(i)];
    // Each new paragraph has at most one partner, an old one may have several (the tokens of
    // a new one are handed over, those of an old one copied).
    Redline redline = MakeRedlineFromTokens(
        old_texts[static_cast<std::size_t>(i)], old_tokens[static_cast<std::size_t>(i)],
        new_texts[j], std::move(new_tokens[j]), redlines);
    const bool renumbered = old_node.num != new_node.num;
    if (!migrated && !moved && !redline.changed && !renumbered) continue;
    ProvisionChange change;
    change.kind = migrated || moved       ? ChangeKind::kMove
                  : redline.changed       ? ChangeKind::kSubstitution
                                          : ChangeKind::kRenumbering;
    change.old_paths = {old_node.path};
    change.new_paths = {new_node.path};
    change.old_num = old_node.num;
    change.new_num = new_node.num;
    change.similarity = redline.changed ? mapping.Of(i, static_cast<int>(j), old_weighted,
                                                     new_weighted).Mutual()
                                        : 1.0;
    change.ops = std::move(redline.ops);
    alignment.changes.push_back(std::move(change));

    if (redline.changed && depth + 1 < kMaxProvisionDepth && !old_node.children.empty() &&
        !new_node.children.empty()) {
      std::vector<ProvisionItem> old_children, new_children;
      for (const doc::Provision* child : TextChildren(old_node)) old_children.push_back({child, 0});
      for (const doc::Provision* child : TextChildren(new_node)) new_children.push_back({child, 0});
      ProvisionAlignment inner =
          AlignProvisions(old_children, new_children, table, redlines, depth + 1);
      for (ProvisionChange& inner_change : inner.changes) {
        alignment.changes.push_back(std::move(inner_change));
      }
      for (int k : inner.unmatched_old) {
        alignment.changes.push_back(WholeProvisionChange(
            ChangeKind::kRepeal, *old_children[static_cast<std::size_t>(k)].provision, redlines));
      }
      for (int k : inner.unmatched_new) {
        alignment.changes.push_back(WholeProvisionChange(
            ChangeKind::kInsertion, *new_children[static_cast<std::size_t>(k)].provision,
            redlines));
      }
    }
  }
  for (std::size_t i = 0; i < old_items.size(); ++i) {
    if (mapping.new_of_old[i] < 0) alignment.unmatched_old.push_back(static_cast<int>(i));
  }
  return alignment;
}

}  // namespace tw::compare
