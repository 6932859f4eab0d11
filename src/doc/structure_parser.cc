// The structure parser builds the provision tree in one pass over the lines, as a stack machine.
//
// Every line is first classified on its own (line_classifier.h). The builder then keeps a stack
// of open provisions, root first: a container (the document or an annex), its open divisions
// (part > chapter > section > title), then the open article, option, paragraph, point and
// sub-point. A structural line pops the stack to the level where it belongs and pushes itself;
// a plain line becomes text of the open provision, or a new unnumbered paragraph. Decisions that
// need context are made here:
//   * the title block before the preamble is the document's (or annex's) heading;
//   * a preamble starts at "Preamble" or at its opening words ("The States Parties to the
//     present Convention,") and ends at the enacting formula or the first operative line;
//   * the line after an article or division heading is its title when it reads like one
//     (short, no final full stop or semicolon, not structural);
//   * "(i)" is a letter or a roman numeral by what it continues (numbering.h), looking ahead
//     to the next label when both readings fit;
//   * text before the first child is the provision's own text; text after points starts an
//     unnumbered paragraph (uN) of the nearest paragraph or article; dash items stay in the
//     text of what they list under;
//   * the paragraphs of interpretative notes run across their "Article N" headings: when every
//     article continues the previous one's paragraph count, the article and paragraph
//     numbering checks are informational for that container ("commentary layout").
// Footnote bodies, brackets and cross-references are separate passes after the tree exists.
// The tree lives in an arena (indices, not pointers) while it grows and becomes nested
// Provision values at the end, so no pointer is invalidated and nothing recurses on input.
#include "doc/structure_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "doc/bracket_scanner.h"
#include "doc/cross_reference_extractor.h"
#include "doc/line_classifier.h"
#include "doc/numbering.h"

namespace tw::doc {
namespace {

// How far the roman/letter decision looks for the next label (dash items may sit between).
constexpr std::size_t kLookaheadLines = 64;
// An annex's title block ("United Nations Convention against Cybercrime; ...") is short.
constexpr std::size_t kMaxAnnexTitleLines = 6;
// Numbering warnings of one kind beyond this are summarised, not listed (bounded output).
constexpr std::size_t kMaxWarningsPerKind = 50;
// Labels stacked at the start of one line ("1. (a) (i) ...") open at most this many levels.
constexpr int kMaxStackedLabels = 3;

bool IsContainer(ProvisionKind k) {
  return k == ProvisionKind::kDocument || k == ProvisionKind::kAnnex;
}

bool IsDivision(ProvisionKind k) {
  return k == ProvisionKind::kPart || k == ProvisionKind::kChapter ||
         k == ProvisionKind::kSection || k == ProvisionKind::kTitle;
}

int DivisionRank(ProvisionKind k) {
  switch (k) {
    case ProvisionKind::kPart:
      return 1;
    case ProvisionKind::kChapter:
      return 2;
    case ProvisionKind::kSection:
      return 3;
    case ProvisionKind::kTitle:
      return 4;
    default:
      return 0;
  }
}

bool IsPointKind(ProvisionKind k) {
  return k == ProvisionKind::kPoint || k == ProvisionKind::kSubpoint;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IntroducesList(std::string_view text) {
  return EndsWith(text, ":") || EndsWith(text, "—") || EndsWith(text, "：");
}

std::string Lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

enum class WarningTag { kNone, kArticleGap, kParagraphStart };

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;
  LineInfo info;
};

struct Node {
  ProvisionKind kind = ProvisionKind::kDocument;
  int parent = -1;
  std::string path;
  std::string_view num;  // views into the document text: designations are printed there
  std::string_view label;
  std::string heading;
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<int> children;
  // The lists this node holds.
  int last_paragraph = 0;
  int first_paragraph = 0;
  int last_letter = 0;
  int last_roman = 0;
  int unnumbered = 0;
  // Articles: numbering.
  int value = 0;
  std::string_view suffix;         // a view of a static suffix table
  bool excerpt = false;            // "Article 2 (proposed)": may start at any paragraph
  bool top_level_option = false;
};

struct PendingWarning {
  ParseWarning warning;
  WarningTag tag = WarningTag::kNone;
  int container = 0;
};

struct FootnoteBody {
  int number = 0;
  std::size_t line = 0;            // index of its first line
  std::size_t label_end = 0;       // document offset after "[n]"
  std::vector<std::size_t> lines;  // all its lines (continuations included)
};

struct Fragment {
  std::size_t begin = 0;
  std::size_t end = 0;
  int node = 0;
};

// Per container: the article sequence and the state of its preamble.
struct ContainerState {
  int node = 0;
  std::string prefix;
  int preamble = -1;
  bool preamble_done = false;
  bool has_body = false;       // articles, divisions, paragraphs or unnumbered text seen
  bool has_operative = false;  // articles or numbered paragraphs: a closing may follow
  int last_article_value = 0;
  std::unordered_map<std::string, std::size_t> article_lines;  // path number -> line
  std::vector<int> articles;  // in order, for the commentary-layout check
  bool commentary = false;    // notes on the articles of another text (see the essay above)
};

class TreeBuilder : public ProvisionLookup {
 public:
  TreeBuilder(const SourceText& source, const ParseOptions& options)
      : source_(source), text_(source.text), options_(options) {}

  ParsedStructure Build() {
    containers_.push_back(ContainerState{});  // the document itself; warnings name it
    SplitLines();
    nodes_.push_back(Node{});
    nodes_[0].kind = ProvisionKind::kDocument;
    nodes_[0].begin = 0;
    nodes_[0].end = text_.size();
    paths_.emplace("", 0);
    stack_ = {0};
    line_owner_.assign(lines_.size(), -1);

    for (std::size_t li = 0; li < body_lines_;) li = ProcessLine(li);
    FinishFrontMatter();
    CollectFootnotes();
    ScanAndPlaceFootnotes();
    CheckCommentaryLayout();
    PropagateRanges();
    ParsedStructure out;
    ExtractReferences(&out.references);
    AssignBrackets();
    out.root = ToProvisions();
    for (PendingWarning& p : warnings_) out.warnings.push_back(std::move(p.warning));
    std::stable_sort(
        out.warnings.begin(), out.warnings.end(),
        [](const ParseWarning& a, const ParseWarning& b) { return a.offset < b.offset; });
    return out;
  }

  bool Exists(std::string_view path) const override {
    return paths_.find(std::string(path)) != paths_.end();
  }

  const std::vector<std::string>& ArticleNumbers(std::string_view prefix) const override {
    static const std::vector<std::string> kNone;
    const auto it = article_numbers_.find(std::string(prefix));
    return it == article_numbers_.end() ? kNone : it->second;
  }

 private:
  // ---- lines -------------------------------------------------------------------------------

  void SplitLines() {
    std::size_t start = 0;
    while (start <= text_.size()) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      Line line;
      line.begin = start;
      line.end = end;
      lines_.push_back(line);
      if (end == text_.size()) break;
      start = end + 1;
    }
    // The footnote block starts after the last separator line, if footnote bodies follow it.
    body_lines_ = lines_.size();
    for (std::size_t i = lines_.size(); i-- > 0;) {
      if (IsFootnoteSeparator(LineText(i))) {
        std::size_t unused = 0;
        if (i + 1 < lines_.size() && FootnoteBodyNumber(LineText(i + 1), &unused) > 0) {
          body_lines_ = i;
          separator_line_ = i;
        }
        break;
      }
    }
    for (std::size_t i = 0; i < body_lines_; ++i) {
      const std::string_view line = LineText(i);
      // Only a bounded prefix matters for classification; the rest stays text.
      lines_[i].info =
          ClassifyLine(line.substr(0, std::min(line.size(), options_.limits.max_line_bytes)));
      if (line.size() > options_.limits.max_line_bytes) {
        Warn(lines_[i].begin, fmt::format("a line of {} bytes is longer than the {} byte limit; "
                                          "it is kept as one block",
                                          line.size(), options_.limits.max_line_bytes));
      }
    }
  }

  std::string_view LineText(std::size_t i) const {
    return text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
  }

  int LineNumberAt(std::size_t offset) const {
    const auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                                     [](std::size_t o, const Line& l) { return o < l.begin; });
    return static_cast<int>(it - lines_.begin());
  }

  std::size_t LineIndexAt(std::size_t offset) const {
    const int n = LineNumberAt(offset);
    return n > 0 ? static_cast<std::size_t>(n - 1) : 0;
  }

  // ---- warnings -----------------------------------------------------------------------------

  void Warn(std::size_t offset, std::string message, bool matters = true,
            WarningTag tag = WarningTag::kNone) {
    PendingWarning p;
    p.warning.offset = offset;
    p.warning.line = LineNumberAt(offset);
    p.warning.message = std::move(message);
    p.warning.matters = matters;
    p.tag = tag;
    p.container = Container().node;
    warnings_.push_back(std::move(p));
  }

  // Numbering warnings are capped per kind so a pathological text stays bounded.
  void WarnNumbering(std::size_t offset, std::string message, WarningTag tag = WarningTag::kNone,
                     bool matters = true) {
    if (numbering_warnings_ < kMaxWarningsPerKind) {
      Warn(offset, std::move(message), matters, tag);
    } else if (numbering_warnings_ == kMaxWarningsPerKind) {
      Warn(offset, "more numbering problems follow; only the first ones are listed");
    }
    ++numbering_warnings_;
  }

  // ---- the arena ----------------------------------------------------------------------------

  ContainerState& Container() { return containers_.back(); }

  std::string UniquePath(std::string path) {
    if (paths_.find(path) == paths_.end()) return path;
    for (int n = 2;; ++n) {
      std::string candidate = fmt::format("{}-{}", path, n);
      if (paths_.find(candidate) == paths_.end()) return candidate;
    }
  }

  int NewNode(ProvisionKind kind, int parent, std::string path, std::size_t li) {
    Node node;
    node.kind = kind;
    node.parent = parent;
    node.path = UniquePath(std::move(path));
    node.begin = lines_[li].begin;
    node.end = lines_[li].end;
    const int index = static_cast<int>(nodes_.size());
    paths_.emplace(node.path, index);
    nodes_.push_back(std::move(node));
    nodes_[static_cast<std::size_t>(parent)].children.push_back(index);
    line_owner_[li] = index;
    return index;
  }

  Node& At(int index) { return nodes_[static_cast<std::size_t>(index)]; }
  const Node& At(int index) const { return nodes_[static_cast<std::size_t>(index)]; }
  int Top() const { return stack_.back(); }
  ProvisionKind TopKind() const { return At(Top()).kind; }

  template <typename Keep>
  void PopUntil(Keep keep) {
    while (stack_.size() > 1 && !keep(At(Top()))) Pop();
  }

  void Pop() {
    const int node = Top();
    if (node == Container().preamble) Container().preamble_done = true;
    stack_.pop_back();
  }

  // Path of a child of `parent`: "<parent>.<segment>", or the container prefix + segment.
  std::string ChildPath(int parent, std::string_view segment) const {
    const Node& p = At(parent);
    if (p.kind == ProvisionKind::kDocument) return std::string(segment);
    return fmt::format("{}.{}", p.path, segment);
  }

  void AppendText(int node, std::size_t li, std::size_t from, std::string_view prefix = {}) {
    const Line& line = lines_[li];
    const std::size_t begin = std::min(line.begin + from, line.end);
    Node& n = At(node);
    n.end = std::max(n.end, line.end);
    if (line_owner_[li] < 0) line_owner_[li] = node;
    if (begin >= line.end && prefix.empty()) return;
    if (!n.text.empty()) n.text += '\n';
    n.text += prefix;
    n.text += text_.substr(begin, line.end - begin);
    if (begin < line.end) fragments_.push_back({begin, line.end, node});
  }

  // ---- lines, one by one --------------------------------------------------------------------

  // Processes line `li` and returns the next line to process (headings consume a line).
  std::size_t ProcessLine(std::size_t li) {
    const LineInfo& info = lines_[li].info;
    if (lines_[li].begin == lines_[li].end) return li + 1;
    if (front_matter_open_) {
      if (info.kind == LineKind::kText && info.title_like && !info.opener_like) {
        front_lines_.push_back(li);
        line_owner_[li] = 0;
        return li + 1;
      }
      front_matter_open_ = false;
    }
    if (annex_title_open_) {
      if (info.kind == LineKind::kText && info.title_like && !info.opener_like &&
          annex_title_lines_ < kMaxAnnexTitleLines) {
        Node& annex = At(Container().node);
        if (!annex.heading.empty()) annex.heading += ' ';
        annex.heading += LineText(li);
        annex.end = lines_[li].end;
        line_owner_[li] = Container().node;
        ++annex_title_lines_;
        return li + 1;
      }
      annex_title_open_ = false;
    }
    switch (info.kind) {
      case LineKind::kPart:
      case LineKind::kChapter:
      case LineKind::kSection:
      case LineKind::kTitle:
        return Division(li);
      case LineKind::kArticle:
      case LineKind::kArticleGroup:
        return Article(li);
      case LineKind::kAnnex:
        return Annex(li);
      case LineKind::kPreambleHeading:
        PreambleHeading(li);
        return li + 1;
      case LineKind::kOption:
        Option(li);
        return li + 1;
      case LineKind::kNumbered:
      case LineKind::kLabelled:
        LabelledLine(li);
        return li + 1;
      case LineKind::kClosing:
      case LineKind::kMeeting:
        if (TopKind() == ProvisionKind::kClosing) {
          AppendText(Top(), li, 0);  // "DONE at ..." after "IN WITNESS WHEREOF ..."
        } else if (Container().has_operative) {
          Closing(li);
        } else {
          Text(li);
        }
        return li + 1;
      case LineKind::kEnacting:
        Enacting(li);
        return li + 1;
      case LineKind::kDash:
        Dash(li);
        return li + 1;
      case LineKind::kText:
        if (info.opener_like && MayOpenPreamble()) {
          OpenPreamble(li, /*labelled=*/false);
          return li + 1;
        }
        if (info.structural_looking) {
          Warn(lines_[li].begin,
               fmt::format("'{}' looks like a heading but could not be read as one", LineText(li)));
        }
        Text(li);
        return li + 1;
    }
    return li + 1;
  }

  // The title on the line after a heading, if it reads like one. Consumes it into `node`.
  std::size_t TakeHeadingLine(int node, std::size_t li) {
    const std::size_t next = li + 1;
    if (next >= body_lines_) return next;
    const LineInfo& n = lines_[next].info;
    if (n.kind != LineKind::kText || !n.heading_like || n.opener_like || n.resolution_number) {
      return next;
    }
    At(node).heading = std::string(LineText(next));
    At(node).end = lines_[next].end;
    line_owner_[next] = node;
    return next + 1;
  }

  std::string_view Label(std::size_t li) const { return Label(li, lines_[li].info); }
  std::string_view Label(std::size_t li, const LineInfo& info) const {
    return LineText(li).substr(info.label_begin, info.label_end - info.label_begin);
  }

  std::string_view Num(std::size_t li) const { return Num(li, lines_[li].info); }
  std::string_view Num(std::size_t li, const LineInfo& info) const {
    return LineText(li).substr(info.num_begin, info.num_end - info.num_begin);
  }

  // Heading or own text after the label on a heading line; returns the next line to read.
  std::size_t HeadingAndRest(int node, std::size_t li) {
    const LineInfo& info = lines_[li].info;
    const std::string_view line = LineText(li);
    if (info.rest < line.size()) {
      if (info.rest_is_heading) {
        At(node).heading = std::string(line.substr(info.rest));
      } else {
        AppendText(node, li, info.rest);
      }
      return li + 1;
    }
    return TakeHeadingLine(node, li);
  }

  void EndPreamble() {
    ContainerState& c = Container();
    if (c.preamble >= 0) c.preamble_done = true;
  }

  std::size_t Division(std::size_t li) {
    const LineInfo& info = lines_[li].info;
    ProvisionKind kind = ProvisionKind::kPart;
    std::string_view word = "part";
    switch (info.kind) {
      case LineKind::kChapter:
        kind = ProvisionKind::kChapter;
        word = "ch";
        break;
      case LineKind::kSection:
        kind = ProvisionKind::kSection;
        word = "sec";
        break;
      case LineKind::kTitle:
        kind = ProvisionKind::kTitle;
        word = "title";
        break;
      default:
        break;
    }
    const int rank = DivisionRank(kind);
    PopUntil([&](const Node& n) {
      return IsContainer(n.kind) || (IsDivision(n.kind) && DivisionRank(n.kind) < rank);
    });
    EndPreamble();
    const int parent = Top();
    const std::string segment = fmt::format("{}{}", word, PathNumber(info.value, info.suffix));
    std::string path;
    if (kind == ProvisionKind::kPart || kind == ProvisionKind::kChapter) {
      // Chapters are numbered through the document, so their path skips the part; a chapter
      // number that repeats under another part falls back to the part's path.
      path = Container().prefix + segment;
      if (Exists(path) && kind == ProvisionKind::kChapter && !IsContainer(At(parent).kind)) {
        path = ChildPath(parent, segment);
      }
    } else {
      path = ChildPath(parent, segment);
    }
    if (Exists(path)) {
      WarnNumbering(lines_[li].begin, fmt::format("'{}' appears more than once", Label(li)));
    }
    const int node = NewNode(kind, parent, path, li);
    At(node).num = Num(li);
    At(node).label = Label(li);
    stack_.push_back(node);
    Container().has_body = true;
    return HeadingAndRest(node, li);
  }

  // A top-level option ("Option 1" before "Article 5") wraps alternative articles; an article
  // numbered beyond every article of the earlier options ends the alternatives.
  bool ArticleEndsOptions(int value) const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const Node& n = At(*it);
      if (n.kind != ProvisionKind::kOption || !n.top_level_option) continue;
      const Node& parent = At(n.parent);
      int max_before = 0;
      bool earlier = false;
      for (int child : parent.children) {
        if (child == *it) break;
        const Node& c = At(child);
        if (c.kind != ProvisionKind::kOption || !c.top_level_option) continue;
        earlier = true;
        for (int grandchild : c.children) {
          if (At(grandchild).kind == ProvisionKind::kArticle) {
            max_before = std::max(max_before, At(grandchild).value);
          }
        }
      }
      return earlier && value > max_before;
    }
    return false;
  }

  static std::string GroupPathNumber(std::string_view num) {
    std::string out;
    std::size_t i = 0;
    while (i < num.size()) {
      if (num[i] >= '0' && num[i] <= '9') {
        if (!out.empty()) out += '_';
        while (i < num.size() && num[i] >= '0' && num[i] <= '9') out += num[i++];
      } else {
        ++i;
      }
    }
    return out;
  }

  std::size_t Article(std::size_t li) {
    const LineInfo& info = lines_[li].info;
    const bool group = info.kind == LineKind::kArticleGroup;
    if (ArticleEndsOptions(info.value)) {
      PopUntil([](const Node& n) { return IsContainer(n.kind) || IsDivision(n.kind); });
    }
    PopUntil([](const Node& n) {
      return IsContainer(n.kind) || IsDivision(n.kind) ||
             (n.kind == ProvisionKind::kOption && n.top_level_option);
    });
    EndPreamble();
    const int parent = Top();
    const bool in_option = At(parent).kind == ProvisionKind::kOption;
    const std::string number =
        group ? GroupPathNumber(Num(li)) : PathNumber(info.value, info.suffix);
    const std::string segment = "art" + number;
    const std::string path = in_option ? ChildPath(parent, segment) : Container().prefix + segment;
    ContainerState& c = Container();
    const bool checked = !group && !in_option && !info.qualified;
    if (checked) {
      const auto seen = c.article_lines.find(number);
      if (seen != c.article_lines.end()) {
        WarnNumbering(lines_[li].begin, fmt::format("article {} appears twice (first on line {})",
                                                    Num(li), seen->second + 1));
      } else if (c.last_article_value > 0 && info.value > c.last_article_value + 1) {
        WarnNumbering(
            lines_[li].begin,
            fmt::format("article numbering jumps from {} to {}", c.last_article_value, info.value),
            WarningTag::kArticleGap);
      } else if (c.last_article_value > 0 && info.value < c.last_article_value) {
        WarnNumbering(
            lines_[li].begin,
            fmt::format("article {} comes after article {}", Num(li), c.last_article_value),
            WarningTag::kArticleGap);
      }
      c.article_lines.emplace(number, li);
    }
    // Alternatives inside options are not checked against each other, but the numbering
    // after them continues from them.
    if (!group && !info.qualified) {
      c.last_article_value = std::max(c.last_article_value, info.value);
    }
    const int node = NewNode(ProvisionKind::kArticle, parent, path, li);
    Node& n = At(node);
    n.num = Num(li);
    n.label = Label(li);
    n.value = info.value;
    n.suffix = info.suffix;
    n.excerpt = info.qualified;
    stack_.push_back(node);
    c.has_body = true;
    c.has_operative = true;
    c.articles.push_back(node);
    return HeadingAndRest(node, li);
  }

  std::size_t Annex(std::size_t li) {
    const LineInfo& info = lines_[li].info;
    while (stack_.size() > 1) Pop();
    ++annexes_;
    const std::string path = annexes_ == 1 ? "annex" : fmt::format("annex{}", annexes_);
    const int node = NewNode(ProvisionKind::kAnnex, 0, path, li);
    At(node).num = Num(li);
    At(node).label = Label(li);
    if (info.rest < LineText(li).size() && info.rest_is_heading) {
      At(node).heading = std::string(LineText(li).substr(info.rest));
    }
    stack_.push_back(node);
    ContainerState state;
    state.node = node;
    state.prefix = At(node).path + ".";
    containers_.push_back(std::move(state));
    annex_title_open_ = true;
    annex_title_lines_ = 0;
    return li + 1;
  }

  bool MayOpenPreamble() const {
    const ContainerState& c = containers_.back();
    if (c.has_body || c.preamble_done) return false;
    if (c.preamble < 0) return true;
    const Node& p = At(c.preamble);
    return p.text.empty() && p.children.empty();
  }

  void OpenPreamble(std::size_t li, bool labelled) {
    ContainerState& c = Container();
    if (c.preamble >= 0 && !c.preamble_done && !labelled) {
      AppendText(c.preamble, li, 0);  // the opening words after a "Preamble" heading
      return;
    }
    PopUntil([](const Node& n) { return IsContainer(n.kind); });
    const int node = NewNode(ProvisionKind::kPreamble, Top(), c.prefix + "preamble", li);
    c.preamble = node;
    c.preamble_done = false;
    stack_.push_back(node);
    if (labelled) {
      At(node).label = Label(li);
    } else {
      AppendText(node, li, 0);
    }
  }

  void PreambleHeading(std::size_t li) { OpenPreamble(li, /*labelled=*/true); }

  void Enacting(std::size_t li) {
    ContainerState& c = Container();
    const bool open = c.preamble >= 0 && !c.preamble_done &&
                      std::find(stack_.begin(), stack_.end(), c.preamble) != stack_.end();
    if (!open) {
      Text(li);
      return;
    }
    PopUntil([&](const Node& n) { return &n == &At(c.preamble); });
    AppendText(c.preamble, li, 0);
    Pop();
  }

  void Closing(std::size_t li) {
    PopUntil([](const Node& n) { return IsContainer(n.kind); });
    const int node = NewNode(ProvisionKind::kClosing, Top(), Container().prefix + "closing", li);
    stack_.push_back(node);
    AppendText(node, li, 0);
  }

  int OpenArticle() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (At(*it).kind == ProvisionKind::kArticle) return *it;
    }
    return -1;
  }

  void Option(std::size_t li) {
    const LineInfo& info = lines_[li].info;
    // "Option 1" alone on its line and directly followed by an article heading offers
    // alternative articles.
    const bool before_article = info.rest >= LineText(li).size() && li + 1 < body_lines_ &&
                                (lines_[li + 1].info.kind == LineKind::kArticle ||
                                 lines_[li + 1].info.kind == LineKind::kArticleGroup);
    const int article = before_article ? -1 : OpenArticle();
    int parent = 0;
    bool top_level = false;
    if (article >= 0) {
      PopUntil([&](const Node& n) { return &n == &At(article); });
      parent = article;
    } else {
      PopUntil([](const Node& n) { return IsContainer(n.kind) || IsDivision(n.kind); });
      parent = Top();
      top_level = true;
    }
    EndPreamble();
    const std::string segment = "opt" + PathNumber(info.value, info.suffix);
    const std::string path = At(parent).kind == ProvisionKind::kDocument
                                 ? Container().prefix + segment
                                 : ChildPath(parent, segment);
    const int node = NewNode(ProvisionKind::kOption, parent, path, li);
    At(node).num = Num(li);
    At(node).label = Label(li);
    At(node).top_level_option = top_level;
    stack_.push_back(node);
    Container().has_body = true;
    if (info.rest < LineText(li).size()) AppendText(node, li, info.rest);
  }

  // "[" before a label ("[2. Each State Party ...]") stays in the provision's text.
  std::string BracketPrefix(std::size_t li, const LineInfo& info, std::size_t from) const {
    if (!info.bracketed) return {};
    std::string prefix;
    for (char c : LineText(li).substr(from, info.label_begin - from)) {
      if (c == '[') prefix += c;
    }
    return prefix;
  }

  // "3. (a) Each State Party ...", "(a) (i) The conversion ...": labels stacked on one line
  // open one provision each; the text belongs to the last. Bounded: a paragraph, a point and
  // a sub-point at most.
  void LabelledLine(std::size_t li) {
    LineInfo current = lines_[li].info;
    std::size_t from = 0;  // where the current label's own prefix starts
    for (int depth = 0;; ++depth) {
      const int node =
          current.kind == LineKind::kNumbered ? Numbered(li, current) : Labelled(li, current);
      const std::string prefix = BracketPrefix(li, current, from);
      const std::string_view rest = LineText(li).substr(current.rest);
      LineInfo nested =
          ClassifyLine(rest.substr(0, std::min(rest.size(), options_.limits.max_line_bytes)));
      if (depth + 1 >= kMaxStackedLabels || nested.kind != LineKind::kLabelled) {
        AppendText(node, li, current.rest, prefix);
        return;
      }
      if (!prefix.empty()) At(node).text = prefix;
      const std::size_t shift = current.rest;
      nested.label_begin += shift;
      nested.label_end += shift;
      nested.num_begin += shift;
      nested.num_end += shift;
      nested.rest += shift;
      from = shift;
      current = nested;
    }
  }

  int Numbered(std::size_t li, const LineInfo& info) {
    PopUntil([](const Node& n) {
      return IsContainer(n.kind) || IsDivision(n.kind) || n.kind == ProvisionKind::kArticle ||
             n.kind == ProvisionKind::kOption;
    });
    EndPreamble();
    const int parent = Top();
    Node& p = At(parent);
    const bool in_article = p.kind == ProvisionKind::kArticle || p.kind == ProvisionKind::kOption;
    const std::string segment = "p" + PathNumber(info.value, info.suffix);
    const std::string path = in_article ? ChildPath(parent, segment) : Container().prefix + segment;
    CheckParagraphSequence(parent, li, info);
    const int node = NewNode(ProvisionKind::kParagraph, parent, path, li);
    At(node).num = Num(li, info);
    At(node).label = Label(li, info);
    stack_.push_back(node);
    Container().has_body = true;
    Container().has_operative = true;
    return node;
  }

  void CheckParagraphSequence(int parent, std::size_t li, const LineInfo& info) {
    Node& p = At(parent);
    const int last = p.last_paragraph;
    const bool suffixed = !info.suffix.empty();
    const std::size_t at = lines_[li].begin;
    if (last == 0) {
      p.first_paragraph = info.value;
      if (info.value != 1 && !suffixed) {
        WarnNumbering(at, fmt::format("paragraph numbering starts at {}, not 1", Num(li, info)),
                      WarningTag::kParagraphStart, !InExcerpt(parent));
      }
    } else if (suffixed ? info.value != last : info.value != last + 1) {
      if (info.value == 1) {
        WarnNumbering(at, fmt::format("paragraph numbering restarts at 1 after {}", last));
      } else if (info.value > last + 1) {
        WarnNumbering(at,
                      fmt::format("paragraph numbering jumps from {} to {}", last, Num(li, info)));
      } else {
        WarnNumbering(at,
                      fmt::format("paragraph {} comes after paragraph {}", Num(li, info), last));
      }
    }
    p.last_paragraph = std::max(last, info.value);
  }

  // Inside an article printed as an excerpt ("Article 2 (proposed)"), whose numbering may
  // start anywhere.
  bool InExcerpt(int node) const {
    for (; node > 0; node = At(node).parent) {
      if (At(node).kind == ProvisionKind::kArticle) return At(node).excerpt;
    }
    return false;
  }

  std::string_view NextLabelToken(std::size_t li) const {
    for (std::size_t j = li + 1; j < body_lines_ && j <= li + kLookaheadLines; ++j) {
      const LineInfo& next = lines_[j].info;
      if (next.kind == LineKind::kLabelled) return Num(j);
      if (next.kind != LineKind::kDash) break;
    }
    return {};
  }

  int Labelled(std::size_t li, const LineInfo& info) {
    const std::string token = Lowercase(Num(li, info));
    // The open point (if any) and the list parent below the points.
    int point = -1;
    int list_parent = -1;
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const ProvisionKind k = At(*it).kind;
      if (k == ProvisionKind::kSubpoint) continue;
      if (k == ProvisionKind::kPoint) {
        if (point < 0) point = *it;
        continue;
      }
      list_parent = *it;
      break;
    }
    LabelContext context;
    context.last_letter = At(list_parent).last_letter;
    context.inside_point = point >= 0;
    context.last_roman = point >= 0 ? At(point).last_roman : At(list_parent).last_roman;
    context.next_token = NextLabelToken(li);
    context.point_introduces_list = point >= 0 && IntroducesList(At(point).text);
    const LabelKind kind = ChooseLabelKind(token, context);
    const std::size_t at = lines_[li].begin;
    int parent = 0;
    ProvisionKind provision_kind = ProvisionKind::kPoint;
    if (kind == LabelKind::kLetter) {
      PopUntil([](const Node& n) { return !IsPointKind(n.kind); });
      parent = Top();
      Node& p = At(parent);
      const int value = LetterValue(token);
      if (value != p.last_letter + 1) {
        if (value <= p.last_letter) {
          WarnNumbering(at, fmt::format("point ({}) repeats or goes back in the list", token));
        } else {
          if (p.last_letter == 0) {
            WarnNumbering(at, fmt::format("the list starts at ({}), not (a)", token),
                          WarningTag::kNone, !InExcerpt(parent));
          } else {
            WarnNumbering(at, fmt::format("point ({}) does not follow the previous point: "
                                          "a point is missing",
                                          token));
          }
        }
      }
      p.last_letter = std::max(p.last_letter, value);
    } else {
      PopUntil([](const Node& n) { return n.kind != ProvisionKind::kSubpoint; });
      parent = Top();
      provision_kind = ProvisionKind::kSubpoint;
      Node& p = At(parent);
      const int value = RomanValue(token);
      if (value != p.last_roman + 1) {
        WarnNumbering(at, fmt::format("sub-point ({}) is out of sequence", token));
      }
      p.last_roman = std::max(p.last_roman, value);
    }
    EndPreamble();
    const std::string path = At(parent).kind == ProvisionKind::kDocument
                                 ? Container().prefix + token
                                 : ChildPath(parent, token);
    const int node = NewNode(provision_kind, parent, path, li);
    At(node).num = Num(li, info);  // labels are lowercase, so this is `token`
    At(node).label = Label(li, info);
    stack_.push_back(node);
    Container().has_body = true;
    return node;
  }

  // A new unnumbered paragraph under `parent`, holding line `li`.
  void Unnumbered(int parent, std::size_t li) {
    Node& p = At(parent);
    ++p.unnumbered;
    const std::string segment = fmt::format("u{}", p.unnumbered);
    const std::string path = p.kind == ProvisionKind::kDocument ? Container().prefix + segment
                                                                : ChildPath(parent, segment);
    const int node = NewNode(ProvisionKind::kUnnumbered, parent, path, li);
    stack_.push_back(node);
    AppendText(node, li, 0);
  }

  void Text(std::size_t li) {
    const int top = Top();
    const ProvisionKind k = At(top).kind;
    ContainerState& c = Container();
    if (IsPointKind(k)) {
      // Words after a list close the paragraph, as a paragraph of their own.
      PopUntil([](const Node& n) { return !IsPointKind(n.kind); });
      if (TopKind() == ProvisionKind::kUnnumbered) Pop();
      Unnumbered(Top(), li);
      return;
    }
    if (k == ProvisionKind::kUnnumbered) {
      Pop();
      Unnumbered(Top(), li);
      return;
    }
    if (k == ProvisionKind::kPreamble || IsContainer(k)) {
      if (IsContainer(k)) c.has_body = true;
      Unnumbered(top, li);
      return;
    }
    if (At(top).children.empty()) {
      // Editorial notes in brackets after the closing formula are not disputed text.
      const std::string_view line = LineText(li);
      if (k == ProvisionKind::kClosing && line.size() >= 2 && line.front() == '[' &&
          line.back() == ']') {
        skips_.push_back({lines_[li].begin, lines_[li].end});
      }
      AppendText(top, li, 0);
      return;
    }
    Unnumbered(top, li);
  }

  void Dash(std::size_t li) {
    const int top = Top();
    if (IsContainer(At(top).kind) || At(top).kind == ProvisionKind::kPreamble) {
      Text(li);
      return;
    }
    AppendText(top, li, 0);
  }

  // ---- after the body -----------------------------------------------------------------------

  void FinishFrontMatter() {
    if (front_lines_.empty()) return;
    Node& root = At(0);
    std::size_t title_from = 0;
    for (std::size_t i = 0; i < front_lines_.size(); ++i) {
      if (lines_[front_lines_[i]].info.kind == LineKind::kText &&
          ClassifyResolutionTitle(front_lines_[i])) {
        title_from = i;
        break;
      }
    }
    std::vector<std::string_view> heading;
    std::vector<std::string_view> rest;
    const std::string_view first = LineText(front_lines_[title_from]);
    const bool resolution = ClassifyResolutionTitle(front_lines_[title_from]);
    if (resolution) {
      // "79/243. United Nations Convention against Cybercrime;": number, then title.
      const std::size_t dot = first.find(". ");
      root.num = first.substr(0, dot);
      root.label = first.substr(0, dot + 1);
      heading.push_back(first.substr(dot + 2));
    } else {
      heading.push_back(first);
    }
    for (std::size_t i = 0; i < front_lines_.size(); ++i) {
      if (i == title_from) continue;
      const std::string_view line = LineText(front_lines_[i]);
      const bool continues =
          i > title_from && i == title_from + heading.size() &&
          (resolution || EndsWith(heading.back(), ";") || EndsWith(heading.back(), "；"));
      if (continues) {
        heading.push_back(line);
      } else {
        rest.push_back(line);
      }
    }
    for (std::string_view h : heading) {
      if (!root.heading.empty()) root.heading += ' ';
      root.heading += h;
    }
    for (std::string_view r : rest) {
      if (!root.text.empty()) root.text += '\n';
      root.text += r;
    }
    // Front matter is editorial ("[on the report of the Third Committee]"), never disputed.
    for (std::size_t li : front_lines_) skips_.push_back({lines_[li].begin, lines_[li].end});
  }

  bool ClassifyResolutionTitle(std::size_t li) const { return lines_[li].info.resolution_number; }

  void CollectFootnotes() {
    if (separator_line_ == 0 && body_lines_ == lines_.size()) return;
    line_owner_[separator_line_] = 0;
    for (std::size_t li = separator_line_ + 1; li < lines_.size(); ++li) {
      const std::string_view line = LineText(li);
      if (line.empty()) continue;
      std::size_t body = 0;
      const int number = FootnoteBodyNumber(line, &body);
      if (number > 0) {
        FootnoteBody f;
        f.number = number;
        f.line = li;
        f.label_end = lines_[li].begin + body;
        f.lines.push_back(li);
        footnotes_.push_back(std::move(f));
        // The "[n]" label of a footnote body is not a bracketed span.
        skips_.push_back({lines_[li].begin, lines_[li].begin + line.find(']') + 1});
      } else if (!footnotes_.empty()) {
        footnotes_.back().lines.push_back(li);
      } else {
        Warn(lines_[li].begin, "text after the footnote separator is not a footnote", false);
      }
    }
    for (const FootnoteBody& f : footnotes_) footnote_numbers_.insert(f.number);
  }

  void ScanAndPlaceFootnotes() {
    std::sort(skips_.begin(), skips_.end(),
              [](const TextRange& a, const TextRange& b) { return a.begin < b.begin; });
    std::vector<TextRange> segments;
    const std::size_t body_end =
        body_lines_ < lines_.size() ? lines_[body_lines_].begin : text_.size();
    segments.push_back({0, body_end});
    for (const FootnoteBody& f : footnotes_) {
      for (std::size_t li : f.lines) segments.push_back({lines_[li].begin, lines_[li].end});
    }
    BracketScanOptions scan_options;
    scan_options.max_depth = std::max(1, options_.limits.max_bracket_depth);
    scan_options.max_problems = kMaxWarningsPerKind;
    std::function<bool(int)> exists;
    if (!footnote_numbers_.empty()) {
      exists = [this](int n) { return footnote_numbers_.count(n) > 0; };
    }
    scan_ = ScanBrackets(text_, segments, skips_, exists, scan_options);
    for (const BracketProblem& problem : scan_.problems) {
      switch (problem.kind) {
        case BracketProblem::Kind::kUnclosed:
          Warn(problem.offset, "'[' is never closed");
          break;
        case BracketProblem::Kind::kUnopened:
          Warn(problem.offset, "']' closes no open bracket");
          break;
        case BracketProblem::Kind::kTooDeep:
          Warn(problem.offset,
               fmt::format("brackets nest deeper than {} levels; deeper levels are not recorded",
                           scan_options.max_depth));
          break;
      }
    }
    if (scan_.problems_dropped > 0) {
      Warn(text_.size(),
           fmt::format("{} more unbalanced brackets are not listed", scan_.problems_dropped));
    }
    // Each footnote belongs to the container (document or annex) whose text first cites it.
    std::unordered_map<int, std::size_t> first_marker;
    for (const FootnoteMarker& m : scan_.markers) {
      if (m.offset >= body_end) continue;
      first_marker.emplace(m.number, m.offset);
      if (!footnote_numbers_.empty() && footnote_numbers_.count(m.number) == 0) {
        Warn(m.offset, fmt::format("footnote marker [{}] has no footnote", m.number), false);
      }
    }
    std::unordered_set<int> placed;
    for (const FootnoteBody& f : footnotes_) {
      int container = 0;
      const auto it = first_marker.find(f.number);
      if (it != first_marker.end()) {
        container = ContainerOf(OwnerAt(it->second));
      } else {
        Warn(lines_[f.line].begin, fmt::format("footnote {} is not cited in the text", f.number),
             false);
      }
      if (!placed.insert(f.number).second) {
        Warn(lines_[f.line].begin, fmt::format("footnote {} is given twice", f.number));
      }
      const std::string prefix = container == 0 ? "" : At(container).path + ".";
      const int node = NewNode(ProvisionKind::kFootnote, container,
                               fmt::format("{}fn{}", prefix, f.number), f.line);
      const std::string_view first = LineText(f.line);
      At(node).num = first.substr(1, first.find(']') - 1);
      At(node).label = first.substr(0, first.find(']') + 1);
      AppendText(node, f.line, f.label_end - lines_[f.line].begin);
      for (std::size_t k = 1; k < f.lines.size(); ++k) AppendText(node, f.lines[k], 0);
    }
  }

  int OwnerAt(std::size_t offset) const {
    std::size_t li = LineIndexAt(offset);
    // Heading lines without an owner (blank, skipped) fall back to the nearest earlier owner.
    while (li > 0 && line_owner_[li] < 0) --li;
    return std::max(0, line_owner_[li]);
  }

  int ContainerOf(int node) const {
    while (node > 0 && !IsContainer(At(node).kind)) node = At(node).parent;
    return node;
  }

  // Notes on articles number their paragraphs through the whole text: "Article 17" then "3.".
  void CheckCommentaryLayout() {
    for (ContainerState& c : containers_) {
      int previous_last = 0;
      bool running = false;
      bool broken = false;
      for (int article : c.articles) {
        const Node& a = At(article);
        if (a.first_paragraph == 0) continue;
        if (previous_last > 0) {
          if (a.first_paragraph == previous_last + 1) {
            running = true;
          } else {
            broken = true;
          }
        }
        previous_last = a.last_paragraph;
      }
      if (!running || broken) continue;
      c.commentary = true;
      bool downgraded = false;
      for (PendingWarning& p : warnings_) {
        if (p.container == c.node && p.tag != WarningTag::kNone) {
          p.warning.matters = false;
          downgraded = true;
        }
      }
      if (downgraded) {
        PendingWarning note;
        note.warning.offset = At(c.node).begin;
        note.warning.line = LineNumberAt(note.warning.offset);
        note.warning.message =
            "paragraphs are numbered through the text across article headings (notes on "
            "articles); article and paragraph numbering is not checked";
        note.warning.matters = false;
        warnings_.push_back(std::move(note));
      }
    }
  }

  void PropagateRanges() {
    for (std::size_t i = nodes_.size(); i-- > 1;) {
      Node& n = nodes_[i];
      if (n.end < n.begin) n.end = n.begin;
      Node& parent = At(n.parent);
      // Footnote bodies sit at the end of the text: they do not stretch an annex over the
      // annexes after it.
      if (n.kind == ProvisionKind::kFootnote && parent.kind != ProvisionKind::kDocument) continue;
      parent.begin = std::min(parent.begin, n.begin);
      parent.end = std::max(parent.end, n.end);
    }
    nodes_[0].begin = 0;
    nodes_[0].end = text_.size();
  }

  // ---- cross-references ---------------------------------------------------------------------

  void IndexArticles() {
    for (const ContainerState& c : containers_) {
      std::vector<std::string>& numbers = article_numbers_[c.prefix];
      for (int a : c.articles) {
        const Node& n = At(a);
        const std::string number = PathNumber(n.value, n.suffix);
        if (n.path == c.prefix + "art" + number) numbers.push_back(number);
      }
    }
  }

  ReferenceContext ContextFor(int node, const RawReference& ref) const {
    ReferenceContext context;
    const int container = ContainerOf(node);
    context.container_prefix = container == 0 ? "" : At(container).path + ".";
    for (const ContainerState& c : containers_) {
      // Notes on articles cite the articles they annotate: an annexed convention beside them
      // is meant, not the notes' own headings.
      if (c.node == container) {
        context.container_has_articles = !c.articles.empty() && !c.commentary;
      }
    }
    int article = -1;
    int option = -1;
    int paragraph = -1;
    int list = -1;
    for (int n = node; n > 0 && !IsContainer(At(n).kind); n = At(n).parent) {
      const ProvisionKind k = At(n).kind;
      if (k == ProvisionKind::kArticle && article < 0) article = n;
      if (k == ProvisionKind::kOption && option < 0 && article < 0) option = n;
      if (k == ProvisionKind::kParagraph && paragraph < 0) paragraph = n;
      if (list < 0 && !IsPointKind(k) && k != ProvisionKind::kFootnote) list = n;
    }
    if (option >= 0 && article >= 0) context.paragraph_bases.push_back(At(option).path + ".");
    if (article >= 0) {
      context.paragraph_bases.push_back(At(article).path + ".");
    } else {
      context.paragraph_bases.push_back(context.container_prefix);
    }
    if (paragraph >= 0) {
      context.list_path = At(paragraph).path;
    } else if (list >= 0) {
      context.list_path = At(list).path;
    }
    // "the Convention" in a resolution or in notes annexed beside it: the annex that is one.
    const std::string noun = Lowercase(ref.instrument);
    for (const ContainerState& c : containers_) {
      if (c.node == container || c.node == 0 || c.articles.empty()) continue;
      const bool names = ref.scope == InstrumentScope::kGeneric
                             ? Lowercase(At(c.node).heading).find(noun) != std::string::npos
                             : ref.scope == InstrumentScope::kUnqualified;
      if (names) {
        context.generic_prefix = c.prefix;
        context.has_generic = true;
        break;
      }
    }
    return context;
  }

  void ExtractReferences(std::vector<CrossReference>* out) {
    IndexArticles();
    for (const Fragment& f : fragments_) {
      const std::vector<RawReference> raw =
          FindReferences(text_.substr(f.begin, f.end - f.begin), f.begin);
      for (const RawReference& r : raw) {
        const ReferenceContext context = ContextFor(f.node, r);
        ResolvedReference resolved = ResolveReference(r, context, *this);
        CrossReference ref;
        ref.from_path = At(f.node).path;
        ref.begin = r.begin;
        ref.end = r.end;
        ref.text = std::string(text_.substr(r.begin, r.end - r.begin));
        ref.targets = std::move(resolved.targets);
        ref.instrument = std::move(resolved.instrument);
        for (const std::string& missing : resolved.missing) {
          Warn(r.begin,
               fmt::format("'{}' names {}, which this document does not have", ref.text,
                           missing.empty() ? std::string("a provision") : missing),
               false);
        }
        for (const std::string& approx : resolved.approximated) {
          Warn(r.begin, fmt::format("'{}' resolved to the nearest provision: {}", ref.text, approx),
               false);
        }
        if (r.truncated) {
          Warn(r.begin,
               fmt::format("'{}' names more than {} provisions; the list is cut", ref.text,
                           kMaxTargetsPerReference),
               false);
        }
        out->push_back(std::move(ref));
      }
    }
    std::stable_sort(
        out->begin(), out->end(),
        [](const CrossReference& a, const CrossReference& b) { return a.begin < b.begin; });
  }

  // ---- brackets and the final tree ----------------------------------------------------------

  void AssignBrackets() {
    const std::vector<BracketSpan>& spans = scan_.spans;
    span_ids_.assign(nodes_.size(), {});
    std::vector<int>& all = span_ids_[0];
    all.resize(spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i) all[i] = static_cast<int>(i);
    // Parents come before children in the arena, so one forward pass distributes top-down.
    for (std::size_t p = 0; p < nodes_.size(); ++p) {
      const Node& parent = nodes_[p];
      std::vector<int> ranged;  // children in text order with disjoint ranges
      for (int c : parent.children) {
        if (At(c).kind == ProvisionKind::kFootnote) {
          SpansInRange(At(c).begin, At(c).end, &span_ids_[static_cast<std::size_t>(c)]);
        } else {
          ranged.push_back(c);
        }
      }
      if (ranged.empty()) continue;
      for (int id : span_ids_[p]) {
        const BracketSpan& s = spans[static_cast<std::size_t>(id)];
        // First child that ends after the span begins.
        auto it = std::upper_bound(ranged.begin(), ranged.end(), s.begin,
                                   [&](std::size_t b, int c) { return b < At(c).end; });
        for (; it != ranged.end() && At(*it).begin < s.end; ++it) {
          span_ids_[static_cast<std::size_t>(*it)].push_back(id);
        }
      }
    }
  }

  void SpansInRange(std::size_t begin, std::size_t end, std::vector<int>* out) const {
    const std::vector<BracketSpan>& spans = scan_.spans;
    auto it = std::lower_bound(spans.begin(), spans.end(), begin,
                               [](const BracketSpan& s, std::size_t b) { return s.begin < b; });
    for (; it != spans.end() && it->begin < end; ++it) {
      out->push_back(static_cast<int>(it - spans.begin()));
    }
  }

  void Fill(std::size_t i, Provision* p) {
    Node& n = nodes_[i];
    p->path = std::move(n.path);
    p->kind = n.kind;
    p->num = std::string(n.num);
    p->label = std::string(n.label);
    p->heading = std::move(n.heading);
    p->text = std::move(n.text);
    p->begin = n.begin;
    p->end = n.end;
    if (!source_.spans.empty()) {
      p->page_first = source_.PageAt(n.begin);
      p->page_last = source_.PageAt(n.end > n.begin ? n.end - 1 : n.begin);
    }
    p->brackets.reserve(span_ids_[i].size());
    for (int id : span_ids_[i]) p->brackets.push_back(scan_.spans[static_cast<std::size_t>(id)]);
  }

  // Top-down with an explicit stack; each children vector is sized once, so the pointers
  // kept on the stack stay valid.
  Provision ToProvisions() {
    Provision root;
    Fill(0, &root);
    struct Frame {
      std::size_t node;
      Provision* provision;
    };
    std::vector<Frame> stack = {{0, &root}};
    while (!stack.empty()) {
      const Frame frame = stack.back();
      stack.pop_back();
      const std::vector<int>& children = nodes_[frame.node].children;
      frame.provision->children.resize(children.size());
      for (std::size_t k = 0; k < children.size(); ++k) {
        const auto child = static_cast<std::size_t>(children[k]);
        Fill(child, &frame.provision->children[k]);
        stack.push_back({child, &frame.provision->children[k]});
      }
    }
    return root;
  }

  const SourceText& source_;
  std::string_view text_;
  const ParseOptions& options_;

  std::vector<Line> lines_;
  std::size_t body_lines_ = 0;
  std::size_t separator_line_ = 0;
  std::vector<int> line_owner_;

  std::vector<Node> nodes_;
  std::unordered_map<std::string, int> paths_;
  std::vector<int> stack_;
  std::vector<ContainerState> containers_;
  int annexes_ = 0;

  bool front_matter_open_ = true;
  std::vector<std::size_t> front_lines_;
  bool annex_title_open_ = false;
  std::size_t annex_title_lines_ = 0;

  std::vector<Fragment> fragments_;
  std::vector<TextRange> skips_;
  std::vector<FootnoteBody> footnotes_;
  std::unordered_set<int> footnote_numbers_;
  BracketScan scan_;
  std::vector<std::vector<int>> span_ids_;
  std::unordered_map<std::string, std::vector<std::string>> article_numbers_;

  std::vector<PendingWarning> warnings_;
  std::size_t numbering_warnings_ = 0;
};

}  // namespace

ParsedStructure ParseStructure(const SourceText& source, const ParseOptions& options) {
  return TreeBuilder(source, options).Build();
}

}  // namespace tw::doc
