// The generator works on a small model of a treaty text rather than on strings: the lines
// before the first article (title, preamble), then items — division headings kept as printed
// and articles — then the lines after the last article (closing formula, footnotes). An article
// is its label line, its heading and its body lines, each body line a list label ("1.", "(a)")
// and space-separated words. Brackets and edits change words; splits, joins, moves, insertions
// and deletions rearrange articles; the model is rendered to text at the end. Rendering the
// model of a source without any change gives its text back, line for line.
#include "tests/compare/pair_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <random>
#include <set>
#include <unordered_set>
#include <utility>

#include "doc/numbering.h"
#include "doc/provision.h"
#include "ingest/document_builder.h"
#include "ingest/reader.h"

namespace tw::compare::testing {
namespace {

using doc::Provision;
using doc::ProvisionKind;

// ---------------------------------------------------------------------------------------------
// Random draws that are the same on every standard library.

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, n), n > 0: rejection sampling removes the modulo bias.
  std::uint64_t Below(std::uint64_t n) {
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t draw = engine_();
    while (draw >= limit) draw = engine_();
    return draw % n;
  }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  std::size_t Index(std::size_t size) { return static_cast<std::size_t>(Below(size)); }
  // Uniform in [0, 1) with 53 random bits.
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool Chance(double probability) { return Unit() < probability; }
  // Fisher-Yates.
  template <typename T>
  void Shuffle(std::vector<T>& values) {
    for (std::size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[Index(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

// ---------------------------------------------------------------------------------------------
// The model.

struct Token {
  std::string text;
  bool locked = false;  // edited already, or inside a bracketed phrase: never edited
  int phrase = 0;       // bracketed phrase id, 0 when outside any
};

struct BodyLine {
  std::string prefix;  // list label as printed ("1.", "(a)", "a)"); empty for plain text
  std::vector<Token> tokens;
  int group = -1;            // index of the article's child the line belongs to; -1: own text
  bool group_start = false;  // the line opens that child (its label may be renumbered)
  std::string owner;         // path of the line's provision after the article's (".p2.a")
};

struct Article {
  std::string label_line;  // "Article 13." as printed in the source
  std::string num;         // "13"
  std::string path;        // source path; empty for donor articles
  std::string heading;
  bool heading_on_label_line = false;
  std::vector<BodyLine> lines;
};

struct Item {
  ProvisionKind kind = ProvisionKind::kArticle;
  std::vector<std::string> lines;  // division heading lines as printed
  std::string heading;             // of a division
  int article = -1;                // index into Model::articles for an article item
};

struct Model {
  std::vector<std::string> head;
  std::vector<Item> items;
  std::vector<Article> articles;
  std::vector<std::string> tail;
};

bool IsDivision(ProvisionKind kind) {
  return kind == ProvisionKind::kPart || kind == ProvisionKind::kChapter ||
         kind == ProvisionKind::kSection || kind == ProvisionKind::kTitle;
}

struct Line {
  std::size_t begin = 0;
  std::string_view text;
};

// Non-empty lines of text[begin, end) with their document offsets.
std::vector<Line> LinesIn(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Line> lines;
  end = std::min(end, text.size());
  std::size_t at = begin;
  while (at < end) {
    std::size_t stop = text.find('\n', at);
    if (stop == std::string_view::npos || stop > end) stop = end;
    if (stop > at) lines.push_back({at, text.substr(at, stop - at)});
    at = stop + 1;
  }
  return lines;
}

std::vector<std::string> LineStrings(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (const Line& line : lines) out.emplace_back(line.text);
  return out;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  if (text.empty()) return tokens;
  std::size_t at = 0;
  while (true) {
    const std::size_t space = text.find(' ', at);
    Token token;
    token.text = std::string(text.substr(at, space == std::string_view::npos ? space : space - at));
    // A double space leaves an empty token; it keeps the rendering exact and is never edited.
    token.locked = token.text.empty();
    tokens.push_back(std::move(token));
    if (space == std::string_view::npos) break;
    at = space + 1;
  }
  return tokens;
}

std::string RenderLine(const BodyLine& line) {
  std::string out = line.prefix;
  for (std::size_t i = 0; i < line.tokens.size(); ++i) {
    if (i > 0 || !out.empty()) out += ' ';
    out += line.tokens[i].text;
  }
  return out;
}

int Words(const Article& article) {
  int words = 0;
  for (const BodyLine& line : article.lines) {
    for (const Token& token : line.tokens) words += !token.text.empty();
  }
  return words;
}

struct Descendant {
  const Provision* node = nullptr;
  int group = -1;
};

void CollectDescendants(const Provision& node, int group, std::vector<Descendant>& out) {
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    const int child_group = group < 0 ? static_cast<int>(i) : group;
    out.push_back({&node.children[i], child_group});
    CollectDescendants(node.children[i], child_group, out);
  }
}

Article ArticleFromLines(const Provision& node, const std::vector<Line>& lines) {
  Article article;
  article.path = node.path;
  article.num = node.num;
  article.heading = node.heading;
  std::size_t body = 1;
  if (!lines.empty()) article.label_line = std::string(lines[0].text);
  if (!node.heading.empty()) {
    if (lines.size() > 1 && lines[1].text == node.heading) {
      body = 2;
    } else {
      article.heading_on_label_line = true;
    }
  }
  std::vector<Descendant> descendants;
  CollectDescendants(node, -1, descendants);
  for (std::size_t li = body; li < lines.size(); ++li) {
    const Line& line = lines[li];
    BodyLine out;
    // The deepest provision holding the line: the last one, in document order, that starts at
    // or before it and ends after it.
    const Descendant* owner = nullptr;
    for (const Descendant& d : descendants) {
      if (d.node->begin > line.begin) break;
      if (line.begin < d.node->end) owner = &d;
    }
    std::string_view rest = line.text;
    if (owner != nullptr) {
      out.group = owner->group;
      out.owner = owner->node->path.substr(node.path.size());
      const std::string& label = owner->node->label;
      if (owner->node->begin == line.begin && !label.empty() && rest.starts_with(label) &&
          (rest.size() == label.size() || rest[label.size()] == ' ')) {
        out.prefix = label;
        rest.remove_prefix(std::min(rest.size(), label.size() + 1));
      }
      const Provision* group_node = &node.children[static_cast<std::size_t>(owner->group)];
      out.group_start = group_node->begin == line.begin;
    }
    out.tokens = Tokenize(rest);
    article.lines.push_back(std::move(out));
  }
  return article;
}

void CollectItems(const Provision& node, std::vector<const Provision*>& out) {
  for (const Provision& child : node.children) {
    if (child.kind == ProvisionKind::kArticle) {
      out.push_back(&child);
    } else if (IsDivision(child.kind)) {
      out.push_back(&child);
      CollectItems(child, out);
    }
  }
}

absl::StatusOr<Model> ExtractModel(const doc::Document& document) {
  std::vector<const Provision*> nodes;
  CollectItems(document.root, nodes);
  if (std::none_of(nodes.begin(), nodes.end(),
                   [](const Provision* node) { return node->kind == ProvisionKind::kArticle; })) {
    return absl::InvalidArgumentError(
        fmt::format("{}: no articles to derive a pair from", document.meta.source_name));
  }
  Model model;
  const std::string_view text = document.text;
  model.head = LineStrings(LinesIn(text, 0, nodes.front()->begin));
  std::size_t last_end = 0;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Provision& node = *nodes[i];
    const std::size_t end = i + 1 < nodes.size() ? nodes[i + 1]->begin : node.end;
    last_end = end;
    const std::vector<Line> lines = LinesIn(text, node.begin, end);
    Item item;
    item.kind = node.kind;
    if (node.kind == ProvisionKind::kArticle) {
      item.article = static_cast<int>(model.articles.size());
      model.articles.push_back(ArticleFromLines(node, lines));
    } else {
      item.lines = LineStrings(lines);
      item.heading = node.heading;
    }
    model.items.push_back(std::move(item));
  }
  model.tail = LineStrings(LinesIn(text, last_end, text.size()));
  return model;
}

// ---------------------------------------------------------------------------------------------
// Rendering: blocks separated by a blank line; a heading line stays on the line after its label.

class TextWriter {
 public:
  void Block(const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    if (!lines_.empty()) lines_.emplace_back();
    for (const std::string& line : lines) lines_.push_back(line);
  }
  int NextLine() const { return static_cast<int>(lines_.size()) + (lines_.empty() ? 0 : 1); }
  int LastLine() const { return static_cast<int>(lines_.size()) - 1; }
  std::string Text() const {
    std::string out;
    for (const std::string& line : lines_) {
      out += line;
      out += '\n';
    }
    return out;
  }

 private:
  std::vector<std::string> lines_;
};

// Writes one article; `label_line` replaces the printed one when not empty.
ArticleLines WriteArticle(const Article& article, const std::string& label_line,
                          const std::string& path, const std::string& num, TextWriter& writer) {
  ArticleLines where;
  where.path = path;
  where.num = num;
  where.first_line = writer.NextLine();
  std::vector<std::string> top;
  if (label_line.empty()) {
    top.push_back(article.label_line);
    if (!article.heading.empty() && !article.heading_on_label_line) {
      top.push_back(article.heading);
    }
  } else {
    top.push_back(label_line);
    if (!article.heading.empty()) top.push_back(article.heading);
  }
  writer.Block(top);
  for (const BodyLine& line : article.lines) writer.Block({RenderLine(line)});
  where.last_line = writer.LastLine();
  return where;
}

// ---------------------------------------------------------------------------------------------
// Words.

bool IsVocabularyWord(std::string_view word) {
  static const std::set<std::string_view> kStructural = {
      "article", "articles", "chapter", "section", "title", "part", "annex", "option", "bis"};
  if (word.size() < 3 || word.size() > 14) return false;
  for (char c : word) {
    if (c < 'a' || c > 'z') return false;
  }
  return !kStructural.contains(word);
}

std::vector<std::string> Vocabulary(const std::vector<const Model*>& models) {
  std::set<std::string> words;
  for (const Model* model : models) {
    for (const Article& article : model->articles) {
      for (const BodyLine& line : article.lines) {
        for (const Token& token : line.tokens) {
          if (IsVocabularyWord(token.text)) words.insert(token.text);
        }
      }
    }
  }
  return {words.begin(), words.end()};
}

enum class EditMix { kAll, kSubstitutionsOnly };

// 1 + a geometric draw with p = 1/2, at most 6: mostly single words, regularly whole phrases.
int RunLength(Random& random) {
  int length = 1;
  while (length < 6 && random.Chance(0.5)) ++length;
  return length;
}

// Touches about `rate` of the article's body words with runs of substituted, inserted and
// deleted words; never the first word of a line (it decides how the parser reads the line) and
// never a locked word. Returns whether any word changed.
bool EditWords(Article& article, double rate, EditMix mix,
               const std::vector<std::string>& vocabulary, Random& random) {
  const int words = Words(article);
  int budget = static_cast<int>(std::lround(rate * words));
  if (budget <= 0 || vocabulary.empty() || article.lines.empty()) return false;
  bool changed = false;
  for (int attempt = 0; budget > 0 && attempt < 60 * budget + 60; ++attempt) {
    BodyLine& line = article.lines[random.Index(article.lines.size())];
    std::vector<Token>& tokens = line.tokens;
    if (tokens.size() < 2) continue;
    const int run = std::min(budget, RunLength(random));
    const int op = mix == EditMix::kSubstitutionsOnly ? 0 : static_cast<int>(random.Below(3));
    const std::size_t at = 1 + random.Index(tokens.size() - 1 + (op == 2 ? 1 : 0));
    if (op == 2) {  // insert before `at`, not inside a bracketed phrase
      if (at < tokens.size() && tokens[at - 1].phrase != 0 &&
          tokens[at].phrase == tokens[at - 1].phrase) {
        continue;
      }
      std::vector<Token> inserted;
      for (int i = 0; i < run; ++i) {
        inserted.push_back({vocabulary[random.Index(vocabulary.size())], true, 0});
      }
      tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(at), inserted.begin(),
                    inserted.end());
    } else {
      const std::size_t end = at + static_cast<std::size_t>(run);
      if (end > tokens.size()) continue;
      bool free = true;
      for (std::size_t i = at; i < end; ++i) free = free && !tokens[i].locked;
      if (!free) continue;
      if (op == 0) {
        for (std::size_t i = at; i < end; ++i) {
          tokens[i] = {vocabulary[random.Index(vocabulary.size())], true, 0};
        }
      } else {
        tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(at),
                     tokens.begin() + static_cast<std::ptrdiff_t>(end));
      }
    }
    budget -= run;
    changed = true;
  }
  return changed;
}

// Word trigrams (lower-cased letters and digits only) as 64-bit FNV-1a hashes.
std::unordered_set<std::uint64_t> Trigrams(const Article& article) {
  std::vector<std::string> words;
  for (const BodyLine& line : article.lines) {
    for (const Token& token : line.tokens) {
      std::string word;
      for (char c : token.text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) word += c;
        if (c >= 'A' && c <= 'Z') word += static_cast<char>(c - 'A' + 'a');
      }
      if (!word.empty()) words.push_back(std::move(word));
    }
  }
  std::unordered_set<std::uint64_t> grams;
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (std::size_t k = i; k < i + 3; ++k) {
      for (char c : words[k]) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
      hash = (hash ^ 0x20u) * 0x100000001b3ull;
    }
    grams.insert(hash);
  }
  return grams;
}

// A donor article is inserted only when no source article holds this share of its word
// trigrams. Measured on the corpus (best match in the other treaty): counterparts such as
// Budapest Art. 14 / UN Art. 23 share 50-95 %, the median article 5-35 %. Below 25 % are 21 of
// the 48 Budapest articles against the UN convention, 42 of the UN's 68 against Budapest and 11
// of the Protocol's 16 against the UN convention: plenty of donors, none a rewording.
constexpr double kDonorMaxContainment = 0.25;

// Footnote markers ("[5]") of a donor have no footnote in the receiving text.
std::string WithoutFootnoteMarkers(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    if (text[at] == '[') {
      std::size_t k = at + 1;
      while (k < text.size() && text[k] >= '0' && text[k] <= '9') ++k;
      if (k > at + 1 && k < text.size() && text[k] == ']') {
        at = k + 1;
        continue;
      }
    }
    out += text[at++];
  }
  return out;
}

void DropFootnoteMarkers(BodyLine& line) {
  std::string words;
  for (const Token& token : line.tokens) {
    if (!words.empty()) words += ' ';
    words += token.text;
  }
  line.tokens = Tokenize(WithoutFootnoteMarkers(words));
}

std::vector<Article> DonorArticles(const doc::Document& donor) {
  std::vector<Article> out;
  absl::StatusOr<Model> model = ExtractModel(donor);
  if (model.ok()) {
    out = std::move(model->articles);
  } else {
    // A text without articles (a resolution) gives its paragraphs, one per donor article.
    doc::VisitProvisions(donor.root, [&](const Provision& p, int) {
      if (p.kind != ProvisionKind::kParagraph && p.kind != ProvisionKind::kUnnumbered) return;
      const std::string_view text = std::string_view(p.text).substr(0, p.text.find('\n'));
      Article article;
      article.heading = "Additional provision";
      BodyLine line;
      line.tokens = Tokenize(text);
      article.lines.push_back(std::move(line));
      if (Words(article) >= 15) out.push_back(std::move(article));
    });
  }
  for (Article& article : out) {
    article.path.clear();
    for (BodyLine& line : article.lines) DropFootnoteMarkers(line);
    if (article.heading.empty()) article.heading = "Additional provision";
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Labels and numbers.

enum class LabelStyle { kNone, kNumber, kParenLetter, kLetterParen };

LabelStyle StyleOf(std::string_view label) {
  auto letters = [](std::string_view s) { return s.size() == 1 && s[0] >= 'a' && s[0] <= 'z'; };
  if (label.size() >= 2 && label.back() == '.' &&
      label.substr(0, label.size() - 1).find_first_not_of("0123456789") == std::string::npos) {
    return LabelStyle::kNumber;
  }
  if (label.size() == 3 && label.front() == '(' && label.back() == ')' &&
      letters(label.substr(1, 1))) {
    return LabelStyle::kParenLetter;
  }
  if (label.size() == 2 && label.back() == ')' && letters(label.substr(0, 1))) {
    return LabelStyle::kLetterParen;
  }
  return LabelStyle::kNone;
}

// Numbers the article's paragraphs 1, 2, … and its top-level points (a), (b), … again, as a
// drafter does after splitting or joining articles.
void RelabelTopLevel(Article& article) {
  int numbers = 0;
  int letters = 0;
  for (BodyLine& line : article.lines) {
    if (!line.group_start) continue;
    switch (StyleOf(line.prefix)) {
      case LabelStyle::kNumber:
        line.prefix = fmt::format("{}.", ++numbers);
        break;
      case LabelStyle::kParenLetter:
        if (letters < 26) line.prefix = fmt::format("({})", static_cast<char>('a' + letters++));
        break;
      case LabelStyle::kLetterParen:
        if (letters < 26) line.prefix = fmt::format("{})", static_cast<char>('a' + letters++));
        break;
      case LabelStyle::kNone:
        break;
    }
  }
}

std::string PathForNumber(std::string_view num) {
  std::string path = "art";
  for (char c : num) {
    if (c != ' ') path += c;
  }
  return path;
}

std::string BaseNumber(std::string_view num) { return std::string(num.substr(0, num.find(' '))); }

// "5 bis", "5 ter", … : the first of the Latin suffixes not taken yet.
std::string NextSuffixed(const std::string& base, std::set<std::string>& used) {
  static constexpr std::string_view kSuffixes[] = {
      "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"};
  for (std::string_view suffix : kSuffixes) {
    std::string num = fmt::format("{} {}", base, suffix);
    if (used.insert(num).second) return num;
  }
  for (int k = 11;; ++k) {
    std::string num = fmt::format("{} {}", base, k);
    if (used.insert(num).second) return num;
  }
}

// ---------------------------------------------------------------------------------------------
// The generation.

enum class Role { kKeep, kDelete, kSplit, kJoinFirst, kJoinSecond, kMove };

enum class NewRole { kLinked, kSplitFirst, kSplitSecond, kJoined, kInserted };

struct NewArticle {
  Article article;
  NewRole role = NewRole::kLinked;
  int origin = -1;  // old article index; the first one for a join
  int second = -1;  // the second old article of a join
  bool moved = false;
  bool edited = false;
  std::string num;
  std::string path;
};

struct NewItem {
  const Item* division = nullptr;
  int article = -1;  // index into the new articles
};

// The smallest share of an article's words a split part keeps.
constexpr double kSplitMinShare = 0.2;
constexpr int kSplitMinWords = 10;
// Stationary articles between a moved article's old and new place: with 3, keeping the moved
// one in order would cost 3 others, so the longest in-order run excludes exactly the moved.
constexpr int kMinMoveDistance = 3;

// Groups before which the article can be cut; empty when it cannot be split.
std::vector<int> SplitPoints(const Article& article) {
  int groups = 0;
  for (const BodyLine& line : article.lines) groups = std::max(groups, line.group + 1);
  const int total = Words(article);
  const int least = std::max(kSplitMinWords, static_cast<int>(kSplitMinShare * total));
  std::vector<int> points;
  for (int cut = 1; cut < groups; ++cut) {
    int before = 0;
    for (const BodyLine& line : article.lines) {
      if (line.group < cut) {
        for (const Token& token : line.tokens) before += !token.text.empty();
      }
    }
    if (before >= least && total - before >= least) points.push_back(cut);
  }
  return points;
}

class PairBuilder {
 public:
  PairBuilder(Model model, std::vector<Article> donors, const PairParams& params,
              std::uint64_t seed)
      : model_(std::move(model)), donors_(std::move(donors)), params_(params), random_(seed) {
    vocabulary_ = Vocabulary({&model_});
  }

  GeneratedPair Build() {
    const int n = static_cast<int>(model_.articles.size());
    roles_.assign(static_cast<std::size_t>(n), Role::kKeep);
    split_at_.assign(static_cast<std::size_t>(n), 0);
    ChooseJoins();
    ChooseSplits();
    ChooseDeletions();
    ChooseMoves();
    BuildNewSequence();
    Number();
    AddBrackets();
    Edit();
    return Render();
  }

 private:
  std::vector<int> ShuffledArticles() {
    std::vector<int> order(model_.articles.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    random_.Shuffle(order);
    return order;
  }

  Role& RoleOf(int i) { return roles_[static_cast<std::size_t>(i)]; }
  Role RoleOf(int i) const { return roles_[static_cast<std::size_t>(i)]; }
  const Article& OldArticle(int i) const { return model_.articles[static_cast<std::size_t>(i)]; }

  // No division heading between old articles i and i + 1.
  bool SameDivision(int i) const {
    int from = -1;
    int to = -1;
    for (std::size_t k = 0; k < model_.items.size(); ++k) {
      if (model_.items[k].article == i) from = static_cast<int>(k);
      if (model_.items[k].article == i + 1) to = static_cast<int>(k);
    }
    return from >= 0 && to == from + 1;
  }

  void ChooseJoins() {
    const int n = static_cast<int>(model_.articles.size());
    int done = 0;
    for (int i : ShuffledArticles()) {
      if (done == params_.joins) break;
      if (i + 1 >= n || RoleOf(i) != Role::kKeep || RoleOf(i + 1) != Role::kKeep) continue;
      if (OldArticle(i).lines.empty() || OldArticle(i + 1).lines.empty() || !SameDivision(i)) {
        continue;
      }
      RoleOf(i) = Role::kJoinFirst;
      RoleOf(i + 1) = Role::kJoinSecond;
      ++done;
    }
  }

  void ChooseSplits() {
    int done = 0;
    for (int i : ShuffledArticles()) {
      if (done == params_.splits) break;
      if (RoleOf(i) != Role::kKeep) continue;
      const std::vector<int> points = SplitPoints(OldArticle(i));
      if (points.empty()) continue;
      RoleOf(i) = Role::kSplit;
      split_at_[static_cast<std::size_t>(i)] = points[random_.Index(points.size())];
      ++done;
    }
  }

  void ChooseDeletions() {
    int done = 0;
    const int n = static_cast<int>(model_.articles.size());
    for (int i : ShuffledArticles()) {
      // Keep at least two articles so that moves and insertions have somewhere to go.
      if (done == params_.deletions || n - done <= 2) break;
      if (RoleOf(i) != Role::kKeep) continue;
      RoleOf(i) = Role::kDelete;
      ++done;
    }
  }

  // Stationary articles: every surviving old article that keeps its place.
  bool IsAnchor(int i) const {
    const Role role = RoleOf(i);
    return role == Role::kKeep || role == Role::kSplit || role == Role::kJoinFirst;
  }

  void ChooseMoves() {
    const int n = static_cast<int>(model_.articles.size());
    std::vector<int> moving;
    for (int i : ShuffledArticles()) {
      if (static_cast<int>(moving.size()) == params_.moves) break;
      if (RoleOf(i) != Role::kKeep) continue;
      if ((i > 0 && RoleOf(i - 1) == Role::kMove) || (i + 1 < n && RoleOf(i + 1) == Role::kMove)) {
        continue;
      }
      RoleOf(i) = Role::kMove;
      moving.push_back(i);
    }
    // A move with nowhere far enough to go stays where it is; that adds a stationary article,
    // which shifts every slot, so the placement starts again.
    bool placed = false;
    while (!placed) {
      anchors_.clear();
      for (int i = 0; i < n; ++i) {
        if (IsAnchor(i)) anchors_.push_back(i);
      }
      const int slots = static_cast<int>(anchors_.size());
      moved_slot_.clear();
      std::set<int> used;
      placed = true;
      for (int i : moving) {
        if (RoleOf(i) != Role::kMove) continue;
        // Slot q is "before stationary article q"; the article stood at slot p.
        const int p = static_cast<int>(std::lower_bound(anchors_.begin(), anchors_.end(), i) -
                                       anchors_.begin());
        std::vector<int> valid;
        for (int q = 0; q <= slots; ++q) {
          if (std::abs(q - p) >= kMinMoveDistance && !used.contains(q)) valid.push_back(q);
        }
        if (valid.empty()) {
          RoleOf(i) = Role::kKeep;
          placed = false;
          break;
        }
        const int q = valid[random_.Index(valid.size())];
        used.insert(q);
        moved_slot_.emplace_back(i, q);
      }
    }
  }

  int AddNew(NewArticle article) {
    new_articles_.push_back(std::move(article));
    return static_cast<int>(new_articles_.size()) - 1;
  }

  NewArticle CopyOf(int i, NewRole role) {
    NewArticle out;
    out.article = OldArticle(i);
    out.role = role;
    out.origin = i;
    return out;
  }

  void BuildNewSequence() {
    const int slots = static_cast<int>(anchors_.size());
    std::vector<std::vector<int>> slot_articles(static_cast<std::size_t>(slots) + 1);
    for (auto [i, q] : moved_slot_) {
      NewArticle moved = CopyOf(i, NewRole::kLinked);
      moved.moved = true;
      slot_articles[static_cast<std::size_t>(q)].push_back(AddNew(std::move(moved)));
    }
    ChooseInsertions(slot_articles);

    std::size_t anchor = 0;
    auto emit_slot = [&](std::size_t slot) {
      for (int a : slot_articles[slot]) new_items_.push_back({nullptr, a});
    };
    for (const Item& item : model_.items) {
      if (item.article < 0) {
        new_items_.push_back({&item, -1});
        continue;
      }
      const int i = item.article;
      if (!IsAnchor(i)) continue;
      emit_slot(anchor);
      const Role role = RoleOf(i);
      if (role == Role::kKeep) {
        new_items_.push_back({nullptr, AddNew(CopyOf(i, NewRole::kLinked))});
      } else if (role == Role::kSplit) {
        AddSplit(i);
      } else {
        AddJoin(i);
      }
      ++anchor;
      if (anchor == anchors_.size()) emit_slot(anchor);
    }
    if (anchors_.empty()) emit_slot(0);
  }

  void ChooseInsertions(std::vector<std::vector<int>>& slot_articles) {
    if (params_.insertions <= 0 || donors_.empty()) return;
    std::vector<std::unordered_set<std::uint64_t>> old_grams;
    for (const Article& article : model_.articles) old_grams.push_back(Trigrams(article));
    std::vector<int> order(donors_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    random_.Shuffle(order);
    int done = 0;
    const int slots = static_cast<int>(slot_articles.size()) - 1;
    for (int d : order) {
      if (done == params_.insertions) break;
      const Article& donor = donors_[static_cast<std::size_t>(d)];
      if (Words(donor) < 12) continue;
      const std::unordered_set<std::uint64_t> grams = Trigrams(donor);
      if (grams.empty()) continue;
      bool similar = false;
      for (const auto& old : old_grams) {
        std::size_t shared = 0;
        for (std::uint64_t g : grams) shared += old.contains(g);
        if (static_cast<double>(shared) >=
            kDonorMaxContainment * static_cast<double>(grams.size())) {
          similar = true;
          break;
        }
      }
      if (similar) continue;
      NewArticle inserted;
      inserted.article = donor;
      inserted.role = NewRole::kInserted;
      // Without renumbering an inserted article is numbered after the one before it.
      const int first_slot = params_.renumber ? 0 : 1;
      const int slot = first_slot > slots ? slots : random_.Between(first_slot, slots);
      slot_articles[static_cast<std::size_t>(slot)].push_back(AddNew(std::move(inserted)));
      ++done;
    }
  }

  void AddSplit(int i) {
    const int cut = split_at_[static_cast<std::size_t>(i)];
    NewArticle first = CopyOf(i, NewRole::kSplitFirst);
    NewArticle second = CopyOf(i, NewRole::kSplitSecond);
    first.article.lines.clear();
    second.article.lines.clear();
    for (const BodyLine& line : OldArticle(i).lines) {
      (line.group < cut ? first : second).article.lines.push_back(line);
    }
    RelabelTopLevel(first.article);
    RelabelTopLevel(second.article);
    new_items_.push_back({nullptr, AddNew(std::move(first))});
    new_items_.push_back({nullptr, AddNew(std::move(second))});
  }

  void AddJoin(int i) {
    NewArticle joined = CopyOf(i, NewRole::kJoined);
    joined.second = i + 1;
    for (const BodyLine& line : OldArticle(i + 1).lines) joined.article.lines.push_back(line);
    RelabelTopLevel(joined.article);
    new_items_.push_back({nullptr, AddNew(std::move(joined))});
  }

  void Number() {
    std::set<std::string> used;
    for (const Article& article : model_.articles) used.insert(article.num);
    std::string previous;
    int count = 0;
    for (const NewItem& item : new_items_) {
      if (item.article < 0) continue;
      NewArticle& a = new_articles_[static_cast<std::size_t>(item.article)];
      ++count;
      if (params_.renumber) {
        a.num = std::to_string(count);
      } else if (a.role == NewRole::kSplitSecond || a.role == NewRole::kInserted) {
        a.num = NextSuffixed(BaseNumber(previous.empty() ? "0" : previous), used);
      } else {
        a.num = OldArticle(a.origin).num;
      }
      a.path = PathForNumber(a.num);
      previous = a.num;
    }
  }

  void AddBrackets() {
    std::vector<int> linked;
    for (std::size_t k = 0; k < new_articles_.size(); ++k) {
      if (new_articles_[k].role == NewRole::kLinked) linked.push_back(static_cast<int>(k));
    }
    if (linked.empty()) return;
    int phrase = 0;
    for (int want = 0; want < params_.bracket_phrases; ++want) {
      for (int attempt = 0; attempt < 50; ++attempt) {
        NewArticle& a =
            new_articles_[static_cast<std::size_t>(linked[random_.Index(linked.size())])];
        if (a.article.lines.empty()) continue;
        const std::size_t li = random_.Index(a.article.lines.size());
        std::vector<Token>& tokens = a.article.lines[li].tokens;
        const std::size_t length = static_cast<std::size_t>(random_.Between(2, 8));
        if (tokens.size() < length + 1) continue;
        const std::size_t at = 1 + random_.Index(tokens.size() - length);
        bool free = true;
        for (std::size_t k = at; k < at + length; ++k) {
          const std::string& word = tokens[k].text;
          free = free && !tokens[k].locked && word.find_first_of("[]") == std::string::npos;
        }
        if (!free) continue;
        ++phrase;
        std::string words;
        for (std::size_t k = at; k < at + length; ++k) {
          tokens[k].locked = true;
          tokens[k].phrase = phrase;
          if (!words.empty()) words += ' ';
          words += tokens[k].text;
        }
        std::vector<Token>& old_tokens =
            model_.articles[static_cast<std::size_t>(a.origin)].lines[li].tokens;
        old_tokens[at].text.insert(0, "[");
        old_tokens[at + length - 1].text += ']';
        const std::string& owner = a.article.lines[li].owner;
        brackets_.push_back({words, OldArticle(a.origin).path + owner, a.path + owner});
        break;
      }
    }
  }

  void Edit() {
    for (NewArticle& a : new_articles_) {
      if (a.role == NewRole::kInserted || !random_.Chance(params_.edit_probability)) continue;
      const double rate =
          params_.min_edit_rate + random_.Unit() * (params_.max_edit_rate - params_.min_edit_rate);
      a.edited = EditWords(a.article, rate, EditMix::kAll, vocabulary_, random_);
    }
  }

  GeneratedPair Render() {
    GeneratedPair pair;
    PairTruth& truth = pair.truth;
    {
      TextWriter writer;
      for (const std::string& line : model_.head) writer.Block({line});
      for (const Item& item : model_.items) {
        if (item.article < 0) {
          writer.Block(item.lines);
          continue;
        }
        const Article& a = OldArticle(item.article);
        truth.old_articles.push_back(WriteArticle(a, "", a.path, a.num, writer));
      }
      for (const std::string& line : model_.tail) writer.Block({line});
      pair.old_text = writer.Text();
    }
    {
      TextWriter writer;
      for (const std::string& line : model_.head) writer.Block({line});
      for (const NewItem& item : new_items_) {
        if (item.division != nullptr) {
          writer.Block(item.division->lines);
          continue;
        }
        const NewArticle& a = new_articles_[static_cast<std::size_t>(item.article)];
        truth.new_articles.push_back(
            WriteArticle(a.article, "Article " + a.num, a.path, a.num, writer));
      }
      for (const std::string& line : model_.tail) writer.Block({line});
      pair.new_text = writer.Text();
    }
    for (const NewArticle& a : new_articles_) {
      if (a.edited) truth.edited.push_back(a.path);
      switch (a.role) {
        case NewRole::kLinked: {
          const Article& old = OldArticle(a.origin);
          truth.links.push_back({old.path, a.path});
          if (a.moved) truth.moved.push_back(old.path);
          if (old.num != a.num) truth.renumbered.push_back({old.path, a.path});
          break;
        }
        case NewRole::kSplitFirst:
          truth.splits.push_back({OldArticle(a.origin).path, {a.path}});
          break;
        case NewRole::kSplitSecond:
          truth.splits.back().new_paths.push_back(a.path);
          break;
        case NewRole::kJoined:
          truth.joins.push_back({{OldArticle(a.origin).path, OldArticle(a.second).path}, a.path});
          break;
        case NewRole::kInserted:
          truth.inserted.push_back(a.path);
          break;
      }
    }
    for (std::size_t i = 0; i < roles_.size(); ++i) {
      if (roles_[i] == Role::kDelete) truth.deleted.push_back(model_.articles[i].path);
    }
    truth.brackets_removed = brackets_;
    return pair;
  }

  Model model_;
  std::vector<Article> donors_;
  PairParams params_;
  Random random_;
  std::vector<std::string> vocabulary_;
  std::vector<Role> roles_;
  std::vector<int> split_at_;
  std::vector<int> anchors_;                     // old indices of the stationary articles, in order
  std::vector<std::pair<int, int>> moved_slot_;  // old index, slot before anchor `slot`
  std::vector<NewArticle> new_articles_;
  std::vector<NewItem> new_items_;
  std::vector<BracketRemoval> brackets_;
};

}  // namespace

std::vector<ArticleLink> AllLinks(const PairTruth& truth) {
  std::vector<ArticleLink> links = truth.links;
  for (const SplitTruth& split : truth.splits) {
    for (const std::string& part : split.new_paths) links.push_back({split.old_path, part});
  }
  for (const JoinTruth& join : truth.joins) {
    for (const std::string& member : join.old_paths) links.push_back({member, join.new_path});
  }
  std::sort(links.begin(), links.end());
  return links;
}

absl::StatusOr<GeneratedPair> GeneratePair(const doc::Document& source,
                                           const std::vector<const doc::Document*>& donors,
                                           const PairParams& params, std::uint64_t seed) {
  absl::StatusOr<Model> model = ExtractModel(source);
  if (!model.ok()) return model.status();
  if (model->articles.size() < 2) {
    return absl::InvalidArgumentError(fmt::format("{}: {} article(s); a pair needs at least 2",
                                                  source.meta.source_name, model->articles.size()));
  }
  std::vector<Article> donor_articles;
  for (const doc::Document* donor : donors) {
    for (Article& article : DonorArticles(*donor)) donor_articles.push_back(std::move(article));
  }
  return PairBuilder(*std::move(model), std::move(donor_articles), params, seed).Build();
}

absl::StatusOr<doc::Document> ParsePlainText(std::string_view name, std::string_view text) {
  ingest::ReadOptions options;
  options.limits.max_file_bytes = std::max(options.limits.max_file_bytes, text.size() + 1);
  absl::StatusOr<doc::SourceText> source =
      ingest::ReadSource(name, text, ingest::SourceFormat::kText, options);
  if (!source.ok()) return source.status();
  doc::DocumentMeta meta;
  meta.source_name = std::string(name);
  return ingest::BuildDocumentFromSource(*std::move(source), meta);
}

std::filesystem::path DefaultCorpusDir() { return TW_CORPUS_DIR; }

absl::StatusOr<doc::Document> LoadCorpusDocument(std::string_view file_name,
                                                 const std::filesystem::path& corpus_dir) {
  doc::DocumentMeta meta;
  return ingest::BuildDocument(corpus_dir / file_name, meta, ingest::ReadOptions{});
}

std::string BuildLargeDocumentText(const std::vector<const doc::Document*>& sources,
                                   int target_words, std::uint64_t seed) {
  std::vector<Model> models;
  for (const doc::Document* source : sources) {
    absl::StatusOr<Model> model = ExtractModel(*source);
    if (model.ok()) models.push_back(*std::move(model));
  }
  if (models.empty()) return "";
  std::vector<const Model*> all;
  for (const Model& model : models) all.push_back(&model);
  const std::vector<std::string> vocabulary = Vocabulary(all);
  Random random(seed);

  // Every word of the text counts: title, preamble, labels, headings and article bodies.
  auto words_in = [](std::string_view line) { return static_cast<int>(Tokenize(line).size()); };
  TextWriter writer;
  int words = 0;
  for (const std::string& line : models.front().head) {
    writer.Block({line});
    words += words_in(line);
  }
  int articles = 0;
  int chapters = 0;
  auto open_chapter = [&](const std::string& heading) {
    writer.Block({fmt::format("Chapter {}", doc::FormatRoman(++chapters, true)), heading});
    words += 2 + words_in(heading);
  };
  for (int round = 0; words < target_words; ++round) {
    for (const Model& model : models) {
      bool chapter_open = false;
      for (const Item& item : model.items) {
        if (words >= target_words) break;
        if (item.article < 0) {
          if (item.kind == ProvisionKind::kChapter) {
            open_chapter(item.heading.empty() ? "Provisions" : item.heading);
            chapter_open = true;
          }
          continue;
        }
        if (!chapter_open) {
          open_chapter("Provisions");
          chapter_open = true;
        }
        Article article = model.articles[static_cast<std::size_t>(item.article)];
        for (BodyLine& line : article.lines) DropFootnoteMarkers(line);
        if (round > 0) {
          EditWords(article, 0.3, EditMix::kSubstitutionsOnly, vocabulary, random);
        }
        int article_words = 2 + words_in(article.heading) + Words(article);
        for (const BodyLine& line : article.lines) article_words += !line.prefix.empty();
        // The last article is the one that brings the count closest to the target.
        if (words + article_words - target_words > target_words - words && articles > 0) {
          words = target_words;
          break;
        }
        ++articles;
        WriteArticle(article, fmt::format("Article {}", articles), "", "", writer);
        words += article_words;
      }
    }
  }
  return writer.Text();
}

absl::StatusOr<std::string> BuildLargeDocumentText(int target_words, std::uint64_t seed) {
  std::vector<doc::Document> documents;
  for (std::string_view name : {kUnConvention, kBudapestConvention, kBudapestProtocol}) {
    absl::StatusOr<doc::Document> document = LoadCorpusDocument(name);
    if (!document.ok()) return document.status();
    documents.push_back(*std::move(document));
  }
  std::vector<const doc::Document*> sources;
  for (const doc::Document& document : documents) sources.push_back(&document);
  return BuildLargeDocumentText(sources, target_words, seed);
}

PairParams ScaledPairParams(int articles) {
  auto per_hundred = [&](int count) { return std::max(1, count * articles / 100); };
  PairParams params;
  params.moves = per_hundred(3);
  params.splits = per_hundred(2);
  params.joins = per_hundred(2);
  params.insertions = per_hundred(2);
  params.deletions = per_hundred(2);
  params.bracket_phrases = per_hundred(10);
  params.edit_probability = 0.5;
  params.min_edit_rate = 0.0;
  params.max_edit_rate = 0.15;
  params.renumber = true;
  return params;
}

absl::StatusOr<GeneratedPair> GenerateBenchmarkPair(int target_words, std::uint64_t seed) {
  absl::StatusOr<std::string> text = BuildLargeDocumentText(target_words, seed);
  if (!text.ok()) return text.status();
  absl::StatusOr<doc::Document> source =
      ParsePlainText(fmt::format("large-{}.txt", target_words), *text);
  if (!source.ok()) return source.status();
  std::vector<doc::Document> donors;
  for (std::string_view name : {kResolution79, kResolution74}) {
    absl::StatusOr<doc::Document> donor = LoadCorpusDocument(name);
    if (!donor.ok()) return donor.status();
    donors.push_back(*std::move(donor));
  }
  int articles = 0;
  doc::VisitProvisions(source->root, [&](const Provision& p, int) {
    articles += p.kind == ProvisionKind::kArticle;
  });
  std::vector<const doc::Document*> donor_pointers;
  for (const doc::Document& donor : donors) donor_pointers.push_back(&donor);
  return GeneratePair(*source, donor_pointers, ScaledPairParams(articles), seed);
}

}  // namespace tw::compare::testing
