#include "compare/compare.h"

#include <algorithm>
#include <future>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "compare/bracket_changes.h"
#include "compare/lost_paragraphs.h"
#include "compare/paragraph_alignment.h"
#include "compare/phase_timer.h"
#include "compare/redline.h"
#include "compare/reference_renumbering.h"
#include "compare/token_weights.h"
#include "compare/unit_mapping.h"
#include "compare/unit_text.h"
#include "compare/word_tokens.h"

namespace tw::compare {
namespace {

struct Side {
  const doc::Document* document = nullptr;
  std::vector<Unit> units;
  std::vector<WeightedWords> weighted;
  std::vector<std::vector<Token>> tokens;  // per unit, of its text
  std::vector<int> words;  // per unit
};


// Several units read as one (the parts of a split or the sources of a join).
Unit Concatenate(const Side& side, const std::vector<int>& indices) {
  Unit joined;
  for (int index : indices) {
    const Unit& unit = side.units[static_cast<std::size_t>(index)];
    if (joined.provision == nullptr) {
      joined = unit;
      continue;
    }
    joined.text += '\n';
    const std::size_t shift = joined.text.size();
    joined.text += unit.text;
    for (UnitLine line : unit.lines) {
      line.begin += shift;
      line.end += shift;
      joined.lines.push_back(line);
    }
  }
  return joined;
}

WeightedWords ConcatenateWeights(const Side& side, const std::vector<int>& indices) {
  WeightedWords joined;
  for (int index : indices) {
    const WeightedWords& unit = side.weighted[static_cast<std::size_t>(index)];
    joined.ids.insert(joined.ids.end(), unit.ids.begin(), unit.ids.end());
    joined.weights.insert(joined.weights.end(), unit.weights.begin(), unit.weights.end());
    joined.self_score += unit.self_score;
  }
  BuildBag(joined);
  return joined;
}

std::string JoinNumbers(const Side& side, const std::vector<int>& indices) {
  std::string numbers;
  for (int index : indices) {
    if (!numbers.empty()) numbers += ", ";
    numbers += side.units[static_cast<std::size_t>(index)].provision->num;
  }
  return numbers;
}

std::string Citations(const Side& side, const std::vector<int>& indices) {
  if (indices.size() == 1) return side.units[static_cast<std::size_t>(indices[0])].citation;
  bool articles = true;
  for (int index : indices) articles &= side.units[static_cast<std::size_t>(index)].is_article;
  if (!articles) {
    std::string joined;
    for (int index : indices) {
      if (!joined.empty()) joined += " + ";
      joined += side.units[static_cast<std::size_t>(index)].citation;
    }
    return joined;
  }
  std::string nums;
  for (std::size_t k = 0; k < indices.size(); ++k) {
    if (k > 0) nums += k + 1 == indices.size() ? " and " : ", ";
    nums += side.units[static_cast<std::size_t>(indices[k])].provision->num;
  }
  return "Arts. " + nums;
}

// The parser already found every bracket span (footnote markers excluded); a span is listed on
// its provision and again on each ancestor, so count distinct ones.
int CountBracketSpans(const doc::Provision& root) {
  std::set<std::pair<std::size_t, std::size_t>> spans;
  doc::VisitProvisions(root, [&spans](const doc::Provision& node, int) {
    for (const doc::BracketSpan& span : node.brackets) spans.emplace(span.begin, span.end);
  });
  return static_cast<int>(spans.size());
}

std::vector<std::string> Paths(const Side& side, const std::vector<int>& indices) {
  std::vector<std::string> paths;
  for (int index : indices) paths.push_back(side.units[static_cast<std::size_t>(index)].provision->path);
  return paths;
}

class Comparer {
 public:
  Comparer(const doc::Document& old_doc, const doc::Document& new_doc,
           const CompareOptions& options)
      : options_(options) {
    old_.document = &old_doc;
    new_.document = &new_doc;
  }

  Comparison Run() {
    PhaseTimer phase("compare.units_and_tokens");
    Comparison comparison;
    // The two texts are cut into units and tokenized at once, the new one on another thread
    // with a token table of its own, which the comparison's table then absorbs.
    TokenTable new_table;
    std::future<ComparedDocument> new_side = std::async(std::launch::async, [this, &new_table] {
      TokenizeSide(new_, new_table);
      return DescribeComparedDocument(*new_.document);
    });
    TokenizeSide(old_, table_);
    comparison.old_doc = DescribeComparedDocument(*old_.document);
    comparison.new_doc = new_side.get();
    const std::vector<std::uint32_t> new_id_of = table_.Absorb(new_table);
    for (std::vector<Token>& tokens : new_.tokens) RenumberTokens(tokens, new_id_of);
    phase.Next("compare.weigh_units");
    Weigh();
    phase.Next("compare.map_units");
    MappingOptions mapping_options;
    mapping_options.match_threshold = options_.match_threshold;
    mapping_options.containment_threshold = options_.containment_threshold;
    mapping_ = MapUnits(old_.weighted, new_.weighted, mapping_options);
    phase.Next("compare.lost_paragraphs");
    FindPartsByLostParagraphs();
    NumberMap();
    phase.Next("compare.changes");
    BuildChanges(comparison);
    phase.Next("compare.migrations");
    if (options_.paragraph_level) FindMigrations(comparison);
    phase.Next("compare.summary");
    Summarise(comparison);
    return comparison;
  }

 private:
  static void TokenizeSide(Side& side, TokenTable& table) {
    side.units = ExtractUnits(*side.document);
    for (const Unit& unit : side.units) {
      side.tokens.push_back(Tokenize(unit.text, table));
      side.words.push_back(CountWords(side.tokens.back()));
    }
  }

  void Weigh() {
    std::vector<std::vector<std::uint32_t>> old_ids, new_ids;
    for (const std::vector<Token>& tokens : old_.tokens) old_ids.push_back(WordIds(tokens));
    for (const std::vector<Token>& tokens : new_.tokens) new_ids.push_back(WordIds(tokens));
    std::vector<WeightedWords> weighted = WeighUnits(old_ids, new_ids);
    const auto split = weighted.begin() + static_cast<std::ptrdiff_t>(old_ids.size());
    old_.weighted.assign(std::make_move_iterator(weighted.begin()), std::make_move_iterator(split));
    new_.weighted.assign(std::make_move_iterator(split), std::make_move_iterator(weighted.end()));
  }

  // Free units next to a matched pair that hold a paragraph the pair lost (lost_paragraphs.h).
  void FindPartsByLostParagraphs() {
    FindLostParagraphParts(new_, old_, mapping_.old_of_new, mapping_.split_source);
    FindLostParagraphParts(old_, new_, mapping_.new_of_old, mapping_.join_target);
  }

  // One side of FindPartsByLostParagraphs, written for splits (`side` the new text, `other` the
  // old one); joins swap the sides. A free unit of `side` next to a matched one takes the
  // matched unit's partner as the source it is a further part of.
  void FindLostParagraphParts(const Side& side, const Side& other, const std::vector<int>& partner,
                              std::vector<int>& part_of) {
    const int count = static_cast<int>(side.units.size());
    for (int k = 0; k < count; ++k) {
      if (partner[static_cast<std::size_t>(k)] >= 0 || part_of[static_cast<std::size_t>(k)] >= 0) {
        continue;
      }
      for (int neighbour : {k - 1, k + 1}) {
        if (neighbour < 0 || neighbour >= count) continue;
        const int source = partner[static_cast<std::size_t>(neighbour)];
        if (source < 0) continue;
        if (HoldsLostParagraph(*other.units[static_cast<std::size_t>(source)].provision,
                               *side.units[static_cast<std::size_t>(neighbour)].provision,
                               *side.units[static_cast<std::size_t>(k)].provision, table_)) {
          part_of[static_cast<std::size_t>(k)] = source;
          break;
        }
      }
    }
  }

  // Old article number → the numbers references to it may carry now (reference_renumbering.h).
  void NumberMap() {
    auto number = [](const Unit& unit) { return unit.is_article ? unit.provision->num : std::string(); };
    std::vector<std::string> new_number(old_.units.size());
    for (std::size_t i = 0; i < old_.units.size(); ++i) {
      int j = mapping_.new_of_old[i];
      if (j < 0) j = mapping_.join_target[i];
      if (j >= 0 && old_.units[i].is_article) new_number[i] = number(new_.units[static_cast<std::size_t>(j)]);
    }
    for (std::size_t i = 0; i < old_.units.size(); ++i) {
      if (!old_.units[i].is_article) continue;
      std::set<std::string>& accepted = renumbering_[old_.units[i].provision->num];
      if (!new_number[i].empty()) {
        accepted.insert(new_number[i]);
        continue;
      }
      for (std::size_t k = i; k-- > 0;) {
        if (!new_number[k].empty()) {
          accepted.insert(new_number[k]);
          break;
        }
      }
      for (std::size_t k = i + 1; k < old_.units.size(); ++k) {
        if (!new_number[k].empty()) {
          accepted.insert(new_number[k]);
          break;
        }
      }
    }
  }

  void BuildChanges(Comparison& comparison) {
    // Sort key: new position of the change; a repeal comes right after the change holding the
    // old unit before it.
    std::vector<std::tuple<int, int, int, ArticleChange>> keyed;
    std::vector<int> change_new_position(old_.units.size(), -1);
    for (std::size_t j = 0; j < new_.units.size(); ++j) {
      if (mapping_.split_source[j] >= 0) continue;
      const int i = mapping_.old_of_new[j];
      if (i < 0) {
        keyed.emplace_back(static_cast<int>(j), 0, 0, Inserted(static_cast<int>(j)));
        continue;
      }
      std::vector<int> olds{i};
      for (std::size_t k = 0; k < old_.units.size(); ++k) {
        if (mapping_.join_target[k] == static_cast<int>(j)) olds.push_back(static_cast<int>(k));
      }
      std::sort(olds.begin(), olds.end());
      std::vector<int> news{static_cast<int>(j)};
      for (std::size_t k = 0; k < new_.units.size(); ++k) {
        if (mapping_.split_source[k] == i) news.push_back(static_cast<int>(k));
      }
      std::sort(news.begin(), news.end());
      for (int old_index : olds) change_new_position[static_cast<std::size_t>(old_index)] = static_cast<int>(j);
      keyed.emplace_back(static_cast<int>(j), 0, 0, Matched(olds, news, i));
    }
    int anchor = -1;
    for (std::size_t i = 0; i < old_.units.size(); ++i) {
      if (change_new_position[i] >= 0) {
        anchor = change_new_position[i];
        continue;
      }
      keyed.emplace_back(anchor, 1, static_cast<int>(i), Repealed(static_cast<int>(i)));
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
      return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
             std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
    });
    for (auto& entry : keyed) comparison.changes.push_back(std::move(std::get<3>(entry)));
  }

  void Describe(ArticleChange& change, const std::vector<int>& olds, const std::vector<int>& news) {
    if (!olds.empty()) {
      const Unit& first = old_.units[static_cast<std::size_t>(olds.front())];
      change.old_paths = Paths(old_, olds);
      change.old_num = JoinNumbers(old_, olds);
      change.old_citation = Citations(old_, olds);
      change.old_heading = first.provision->heading;
      change.old_chapter = first.chapter;
      change.old_position = olds.front();
      for (int index : olds) change.words_old += old_.words[static_cast<std::size_t>(index)];
    }
    if (!news.empty()) {
      const Unit& first = new_.units[static_cast<std::size_t>(news.front())];
      change.new_paths = Paths(new_, news);
      change.new_num = JoinNumbers(new_, news);
      change.new_citation = Citations(new_, news);
      change.new_heading = first.provision->heading;
      change.new_chapter = first.chapter;
      change.new_position = news.front();
      for (int index : news) change.words_new += new_.words[static_cast<std::size_t>(index)];
    }
  }

  ArticleChange Inserted(int j) {
    ArticleChange change;
    change.kind = ChangeKind::kInsertion;
    change.text_changed = true;
    change.similarity = 0;
    Describe(change, {}, {j});
    change.words_inserted = change.words_new;
    const Unit& unit = new_.units[static_cast<std::size_t>(j)];
    if (options_.redlines) change.ops = WholeText(OpKind::kInsert, unit.text);
    change.brackets = FindBracketChanges(Unit{}, {}, unit, new_.tokens[static_cast<std::size_t>(j)], {});
    return change;
  }

  ArticleChange Repealed(int i) {
    ArticleChange change;
    change.kind = ChangeKind::kRepeal;
    change.text_changed = true;
    change.similarity = 0;
    Describe(change, {i}, {});
    change.words_deleted = change.words_old;
    const Unit& unit = old_.units[static_cast<std::size_t>(i)];
    if (options_.redlines) change.ops = WholeText(OpKind::kDelete, unit.text);
    const std::vector<Token>& tokens = old_.tokens[static_cast<std::size_t>(i)];
    change.brackets =
        FindBracketChanges(unit, tokens, Unit{}, {}, std::vector<int>(tokens.size(), -1));
    return change;
  }

  ArticleChange Matched(const std::vector<int>& olds, const std::vector<int>& news, int primary_old) {
    ArticleChange change;
    Describe(change, olds, news);
    const Unit old_unit = Concatenate(old_, olds);
    const Unit new_unit = Concatenate(new_, news);
    if (olds.size() == 1 && news.size() == 1) {
      change.similarity = mapping_.Of(olds[0], news[0], old_.weighted, new_.weighted).Mutual();
    } else {
      change.similarity =
          Compare(ConcatenateWeights(old_, olds), ConcatenateWeights(new_, news)).Mutual();
    }
    Redline redline =
        olds.size() == 1 && news.size() == 1
            ? MakeRedlineFromTokens(old_unit.text, old_.tokens[static_cast<std::size_t>(olds[0])],
                                    new_unit.text, new_.tokens[static_cast<std::size_t>(news[0])],
                                    options_.redlines)
            : MakeRedline(old_unit.text, new_unit.text, table_, options_.redlines);
    change.text_changed = redline.changed;
    if (!redline.changed) change.similarity = 1.0;
    change.words_deleted = redline.words.deleted;
    change.words_inserted = redline.words.inserted;
    change.ops = std::move(redline.ops);
    change.brackets =
        FindBracketChanges(old_unit, redline.old_tokens, new_unit, redline.new_tokens,
                           TokenCorrespondence(redline.raw_runs, redline.old_tokens.size()));
    change.references_renumbered =
        redline.changed &&
        OnlyReferencesRenumbered(old_unit.text, redline.old_tokens, new_unit.text,
                                 redline.new_tokens, renumbering_);
    const bool articles = old_unit.is_article && new_unit.is_article;
    change.renumbered = articles && olds.size() == 1 && news.size() == 1 &&
                        change.old_num != change.new_num;
    change.moved = mapping_.moved[static_cast<std::size_t>(primary_old)];
    if (olds.size() > 1) {
      change.kind = ChangeKind::kJoin;
    } else if (news.size() > 1) {
      change.kind = ChangeKind::kSplit;
    } else if (change.moved) {
      change.kind = ChangeKind::kMove;
    } else if (change.text_changed && !change.references_renumbered) {
      change.kind = ChangeKind::kSubstitution;
    } else if (change.renumbered) {
      change.kind = ChangeKind::kRenumbering;
    } else if (change.text_changed) {
      change.kind = ChangeKind::kSubstitution;
    } else {
      change.kind = ChangeKind::kUnchanged;
    }
    // Updated cross-references are not paragraph news; everything else changed is.
    if (options_.paragraph_level && change.text_changed && !change.references_renumbered) {
      ParagraphChanges(change, olds, news);
    }
    return change;
  }

  // Paragraphs inside the article(s) of one change. Owners tell paragraphs of different
  // articles apart: old unit i is owner i, new unit j is owner -1 - j unless it is the partner
  // of a single old unit (then owner i), so a paragraph moving between the parts of a split or
  // the sources of a join is reported as migrated.
  void ParagraphChanges(ArticleChange& change, const std::vector<int>& olds,
                        const std::vector<int>& news) {
    std::vector<ProvisionItem> old_items, new_items;
    for (int index : olds) {
      for (const doc::Provision* child :
           ParagraphItems(*old_.units[static_cast<std::size_t>(index)].provision)) {
        old_items.push_back({child, index});
      }
    }
    for (int index : news) {
      const int owner = olds.size() == 1 && index == mapping_.new_of_old[static_cast<std::size_t>(olds[0])]
                            ? olds[0]
                            : -1 - index;
      for (const doc::Provision* child :
           ParagraphItems(*new_.units[static_cast<std::size_t>(index)].provision)) {
        new_items.push_back({child, owner});
      }
    }
    if (old_items.empty() || new_items.empty()) return;
    ProvisionAlignment alignment =
        AlignProvisions(old_items, new_items, table_, options_.redlines);
    change.provisions = std::move(alignment.changes);
    for (int k : alignment.unmatched_old) {
      pending_old_.push_back(old_items[static_cast<std::size_t>(k)]);
    }
    for (int k : alignment.unmatched_new) {
      pending_new_.push_back(new_items[static_cast<std::size_t>(k)]);
    }
  }

  void FindMigrations(Comparison& comparison);
  void Summarise(Comparison& comparison);

  // The path of the new unit a pending new paragraph belongs to.
  std::string NewOwnerPath(const ProvisionItem& item) const {
    if (item.owner < 0) return new_.units[static_cast<std::size_t>(-1 - item.owner)].provision->path;
    const int j = mapping_.new_of_old[static_cast<std::size_t>(item.owner)];
    return new_.units[static_cast<std::size_t>(j)].provision->path;
  }

  CompareOptions options_;
  Side old_;
  Side new_;
  TokenTable table_;
  UnitMapping mapping_;
  RenumberingMap renumbering_;
  std::vector<ProvisionItem> pending_old_;
  std::vector<ProvisionItem> pending_new_;
};

// Paragraphs left over inside matched articles, and those of repealed and inserted articles,
// are aligned once more across the whole document: a pair found there left one article for
// another. What stays unmatched is an insertion or repeal inside its article.
void Comparer::FindMigrations(Comparison& comparison) {
  std::map<std::string, std::size_t> change_of_old_path, change_of_new_path;
  for (std::size_t c = 0; c < comparison.changes.size(); ++c) {
    const ArticleChange& change = comparison.changes[c];
    for (const std::string& path : change.old_paths) change_of_old_path[path] = c;
    for (const std::string& path : change.new_paths) change_of_new_path[path] = c;
  }
  // Pending items from matched articles carry their owner; add whole repealed/inserted ones.
  std::vector<bool> whole_old, whole_new;
  whole_old.assign(pending_old_.size(), false);
  whole_new.assign(pending_new_.size(), false);
  for (std::size_t i = 0; i < old_.units.size(); ++i) {
    if (mapping_.new_of_old[i] >= 0 || mapping_.join_target[i] >= 0) continue;
    for (const doc::Provision* child : ParagraphItems(*old_.units[i].provision)) {
      pending_old_.push_back({child, static_cast<int>(i)});
      whole_old.push_back(true);
    }
  }
  for (std::size_t j = 0; j < new_.units.size(); ++j) {
    if (mapping_.old_of_new[j] >= 0 || mapping_.split_source[j] >= 0) continue;
    for (const doc::Provision* child : ParagraphItems(*new_.units[j].provision)) {
      pending_new_.push_back({child, -1 - static_cast<int>(j)});
      whole_new.push_back(true);
    }
  }
  std::vector<bool> old_migrated(pending_old_.size(), false);
  std::vector<bool> new_migrated(pending_new_.size(), false);
  if (!pending_old_.empty() && !pending_new_.empty()) {
    // Every new owner differs from every old owner here, so each pair is a migration.
    std::vector<ProvisionItem> old_items = pending_old_;
    std::vector<ProvisionItem> new_items = pending_new_;
    for (ProvisionItem& item : new_items) {
      if (item.owner >= 0) item.owner = -1 - item.owner - static_cast<int>(new_.units.size());
    }
    ProvisionAlignment alignment = AlignProvisions(old_items, new_items, table_, options_.redlines);
    std::map<std::string, std::size_t> old_index, new_index;
    for (std::size_t k = 0; k < pending_old_.size(); ++k) old_index[pending_old_[k].provision->path] = k;
    for (std::size_t k = 0; k < pending_new_.size(); ++k) new_index[pending_new_[k].provision->path] = k;
    for (ProvisionChange& change : alignment.changes) {
      if (change.old_paths.empty() || change.new_paths.empty()) continue;
      auto from = old_index.find(change.old_paths[0]);
      auto to = new_index.find(change.new_paths[0]);
      if (from == old_index.end() || to == new_index.end()) continue;
      old_migrated[from->second] = true;
      new_migrated[to->second] = true;
      change.kind = ChangeKind::kMove;
      comparison.migrations.push_back(std::move(change));
    }
  }
  // Leftovers of matched articles: inserted or repealed paragraphs of that article.
  for (std::size_t k = 0; k < pending_old_.size(); ++k) {
    if (old_migrated[k] || whole_old[k]) continue;
    const ProvisionItem& item = pending_old_[k];
    const std::string& unit_path = old_.units[static_cast<std::size_t>(item.owner)].provision->path;
    auto it = change_of_old_path.find(unit_path);
    if (it == change_of_old_path.end()) continue;
    comparison.changes[it->second].provisions.push_back(
        WholeProvisionChange(ChangeKind::kRepeal, *item.provision, options_.redlines));
  }
  for (std::size_t k = 0; k < pending_new_.size(); ++k) {
    if (new_migrated[k] || whole_new[k]) continue;
    const ProvisionItem& item = pending_new_[k];
    auto it = change_of_new_path.find(NewOwnerPath(item));
    if (it == change_of_new_path.end()) continue;
    comparison.changes[it->second].provisions.push_back(
        WholeProvisionChange(ChangeKind::kInsertion, *item.provision, options_.redlines));
  }
}

void Comparer::Summarise(Comparison& comparison) {
  ComparisonSummary& summary = comparison.summary;
  for (const Unit& unit : old_.units) summary.articles_old += unit.is_article;
  for (const Unit& unit : new_.units) summary.articles_new += unit.is_article;
  long long changed_words = 0;
  for (const ArticleChange& change : comparison.changes) {
    changed_words += change.words_deleted + change.words_inserted;
    const bool article = change.old_paths.empty()
                             ? new_.units[static_cast<std::size_t>(change.new_position)].is_article
                             : old_.units[static_cast<std::size_t>(change.old_position)].is_article;
    if (!article) continue;
    switch (change.kind) {
      case ChangeKind::kUnchanged: ++summary.unchanged; break;
      case ChangeKind::kInsertion: ++summary.inserted; break;
      case ChangeKind::kRepeal: ++summary.deleted; break;
      case ChangeKind::kSplit: ++summary.split; break;
      case ChangeKind::kJoin: ++summary.merged; break;
      default: break;
    }
    const bool matched = !change.old_paths.empty() && !change.new_paths.empty();
    // Splits and joins are counted as such, not again as amended.
    const bool one_to_one = change.old_paths.size() == 1 && change.new_paths.size() == 1;
    if (matched && one_to_one && change.text_changed && !change.references_renumbered) {
      ++summary.modified;
    }
    if (change.renumbered) ++summary.renumbered;
    if (change.moved) ++summary.moved;
  }
  summary.brackets_old = CountBracketSpans(old_.document->root);
  summary.brackets_new = CountBracketSpans(new_.document->root);
  long long total_words = 0;
  for (int words : old_.words) total_words += words;
  for (int words : new_.words) total_words += words;
  summary.words_changed_pct =
      total_words == 0 ? 0.0 : 100.0 * static_cast<double>(changed_words) / static_cast<double>(total_words);
}

}  // namespace

ComparedDocument DescribeComparedDocument(const doc::Document& document) {
  ComparedDocument described;
  described.id = document.meta.id;
  described.cite = document.CiteName();
  if (described.cite.empty()) described.cite = document.meta.source_name;
  described.title = document.meta.title;
  described.date = document.meta.date;
  described.version = document.meta.version;
  return described;
}

Comparison CompareDocuments(const doc::Document& old_doc, const doc::Document& new_doc,
                            const CompareOptions& options) {
  return Comparer(old_doc, new_doc, options).Run();
}

}  // namespace tw::compare
