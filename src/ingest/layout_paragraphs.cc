#include "ingest/layout_paragraphs.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "ingest/layout_footnotes.h"
#include "ingest/layout_hyphenation.h"
#include "text/utf8.h"

namespace tw::ingest {
namespace {

// A page with fewer body lines than this borrows margins from pages of the same parity.
constexpr int kMinLinesForPageMetrics = 8;
// Thresholds in ems or ratios; see the header for the rules they belong to.
constexpr double kIndentEm = 0.75;
constexpr double kHangingToleranceEm = 0.5;
constexpr double kSizeChange = 0.15;
constexpr double kGapPitches = 1.3;
constexpr double kCentreInsetEm = 2.0;
constexpr double kCentreToleranceEm = 1.0;
constexpr double kFitTolerancePt = 1.0;
constexpr double kAlignedPt = 1.0;
// A left edge is common when at least 3 lines, and one line in 50, start there: centred
// lines of similar length can share a left edge a few times by chance.
constexpr int kCommonLeftEdgeMinLines = 3;
constexpr std::size_t kCommonLeftEdgeLinesPer = 50;
constexpr char kFootnoteSeparator[] = "__________";

struct BodyLine {
  const LayoutLine* line;  // one row: the row's only segment, or its segments merged
  std::size_t page;        // index into pages
};

struct PageMetrics {
  double left = 0;
  double right = 0;
};

// One block's text with its runs: run k covers text [runs[k].begin, runs[k + 1].begin).
struct Block {
  struct Run {
    std::size_t begin = 0;
    std::size_t source = 0;
    int page = 0;
  };
  std::string text;
  std::vector<Run> runs;

  bool empty() const { return text.empty(); }
  void Append(std::string_view piece, std::size_t source, int page) {
    if (piece.empty()) return;
    runs.push_back({text.size(), source, page});
    text.append(piece);
  }
  // A separator that continues the source of the text before it.
  void AppendSpace() {
    const Run& last = runs.back();
    Append(" ", last.source + (text.size() - last.begin), last.page);
  }
  void Clear() {
    text.clear();
    runs.clear();
  }
};

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

bool IsLowerRoman(std::string_view s) {
  return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x' || c == 'l';
  });
}

bool IsUpperRoman(std::string_view s) {
  return !s.empty() && s.size() <= 8 && std::all_of(s.begin(), s.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
  });
}


// Byte-weighted median of line heights.
double TypicalHeight(const std::vector<const LayoutLine*>& lines) {
  std::vector<std::pair<double, std::size_t>> heights;
  std::size_t total = 0;
  for (const LayoutLine* line : lines) {
    std::size_t bytes = 0;
    for (const LayoutWord& w : line->words) bytes += w.text.size();
    heights.emplace_back(line->height, bytes);
    total += bytes;
  }
  std::sort(heights.begin(), heights.end());
  std::size_t seen = 0;
  for (const auto& [height, weight] : heights) {
    seen += weight;
    if (2 * seen >= total) return height;
  }
  return heights.empty() ? 0 : heights.back().first;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

// One line per row; rows of several segments are merged into `merged` (stable storage).
std::vector<BodyLine> MergeRows(const std::vector<PageLayout>& pages,
                                std::deque<LayoutLine>& merged) {
  std::vector<BodyLine> out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const std::vector<LayoutLine>& segments = pages[p].lines;
    for (std::size_t i = 0; i < segments.size();) {
      std::size_t end = i + 1;
      while (end < segments.size() && segments[end].row == segments[i].row) ++end;
      if (end == i + 1) {
        out.push_back({&segments[i], p});
        i = end;
        continue;
      }
      LayoutLine& line = merged.emplace_back(segments[i]);
      std::size_t bytes = 0;
      for (const LayoutWord& w : line.words) bytes += w.text.size();
      for (std::size_t k = i + 1; k < end; ++k) {
        const LayoutLine& segment = segments[k];
        std::size_t segment_bytes = 0;
        for (const LayoutWord& w : segment.words) segment_bytes += w.text.size();
        const std::size_t at = line.words.size();
        line.words.insert(line.words.end(), segment.words.begin(), segment.words.end());
        line.words[at].space_before = true;
        line.left = std::min(line.left, segment.left);
        line.right = std::max(line.right, segment.right);
        line.top = std::min(line.top, segment.top);
        line.bottom = std::max(line.bottom, segment.bottom);
        if (segment_bytes > bytes) {
          line.height = segment.height;
          bytes = segment_bytes;
        }
      }
      out.push_back({&line, p});
      i = end;
    }
  }
  return out;
}

class BlockSplitter {
 public:
  BlockSplitter(const std::vector<PageLayout>& pages, const std::vector<BodyLine>& lines)
      : lines_(lines) {
    MeasurePages(pages);
    MeasurePitchAndSpace();
    for (const BodyLine& l : lines_) ++left_edge_counts_[std::lround(l.line->left)];
    common_left_edge_lines_ = std::max(kCommonLeftEdgeMinLines,
                                       static_cast<int>(lines_.size() / kCommonLeftEdgeLinesPer));
  }

  // `l1_starts_block`: line i opened its block.
  bool BreaksBetween(std::size_t i, bool l1_starts_block) const;

 private:
  void MeasurePages(const std::vector<PageLayout>& pages);
  void MeasurePitchAndSpace();
  bool IsCentred(const BodyLine& l) const;

  const std::vector<BodyLine>& lines_;
  std::vector<PageMetrics> metrics_;
  double pitch_ratio_ = 1.2;  // line pitch over line height, most common in the document
  double space_em_ = 0.25;    // narrowest usual word space, in ems
  // How many lines start at each (rounded) x: a line at a common left edge (a paragraph
  // indent, a list's tab stop) is aligned there, however centred it happens to look.
  std::unordered_map<long, int> left_edge_counts_;
  int common_left_edge_lines_ = kCommonLeftEdgeMinLines;
};

void BlockSplitter::MeasurePages(const std::vector<PageLayout>& pages) {
  metrics_.assign(pages.size(), PageMetrics{});
  std::vector<std::vector<const LayoutLine*>> by_page(pages.size());
  for (const BodyLine& l : lines_) by_page[l.page].push_back(l.line);
  std::vector<bool> measured(pages.size(), false);
  std::array<std::vector<double>, 2> lefts, rights;  // by parity of the page number
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const auto& page_lines = by_page[p];
    if (page_lines.empty()) continue;
    const double typical = TypicalHeight(page_lines);
    std::map<long, int> left_counts;
    double right = 0;
    int counted = 0;
    for (const LayoutLine* line : page_lines) {
      if (std::abs(line->height - typical) > kSizeChange * typical) continue;
      ++left_counts[std::lround(line->left)];
      right = std::max(right, line->right);
      ++counted;
    }
    if (left_counts.empty()) continue;
    long best_left = left_counts.begin()->first;
    int best_count = 0;
    for (const auto& [left, count] : left_counts) {
      if (count > best_count) {
        best_left = left;
        best_count = count;
      }
    }
    // The modal edge is a rounded value; use the smallest real left edge that rounds to it.
    double left = static_cast<double>(best_left);
    for (const LayoutLine* line : page_lines) {
      if (std::lround(line->left) == best_left) left = std::min(left, line->left);
    }
    metrics_[p] = {left, right};
    if (counted >= kMinLinesForPageMetrics) {
      measured[p] = true;
      const int parity = pages[p].number % 2;
      lefts[parity].push_back(left);
      rights[parity].push_back(right);
    }
  }
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (measured[p]) continue;
    int parity = pages[p].number % 2;
    if (lefts[parity].empty()) parity = 1 - parity;
    if (lefts[parity].empty()) continue;
    metrics_[p] = {Median(lefts[parity]), Median(rights[parity])};
  }
}

void BlockSplitter::MeasurePitchAndSpace() {
  std::map<long, int> pitch_bins;  // pitch ratio in hundredths, binned by 2
  std::vector<double> spaces;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const LayoutLine& line = *lines_[i].line;
    const double em = line.Em();
    if (em <= 0) continue;
    for (std::size_t w = 1; w < line.words.size(); ++w) {
      if (!line.words[w].space_before || line.words[w].superscript) continue;
      const double gap = (line.words[w].left - line.words[w - 1].right) / em;
      if (gap > kGlueGapEm && gap < 1.0) spaces.push_back(gap);
    }
    if (i + 1 < lines_.size() && lines_[i + 1].page == lines_[i].page) {
      const LayoutLine& next = *lines_[i + 1].line;
      if (std::abs(next.height - line.height) <= 0.05 * line.height && line.height > 0) {
        const double ratio = (next.top - line.top) / line.height;
        if (ratio > 0.8 && ratio < 3) ++pitch_bins[std::lround(ratio * 50)];
      }
    }
  }
  int best = 0;
  for (const auto& [bin, count] : pitch_bins) {
    if (count > best) {
      best = count;
      pitch_ratio_ = static_cast<double>(bin) / 50;
    }
  }
  if (spaces.size() >= 20) {
    const std::size_t k = spaces.size() / 10;
    std::nth_element(spaces.begin(), spaces.begin() + static_cast<std::ptrdiff_t>(k), spaces.end());
    space_em_ = spaces[k];
  }
}

bool BlockSplitter::IsCentred(const BodyLine& l) const {
  const PageMetrics& m = metrics_[l.page];
  const LayoutLine& line = *l.line;
  const double em = line.Em();
  if (m.right <= m.left) return false;
  if (const auto it = left_edge_counts_.find(std::lround(line.left));
      it != left_edge_counts_.end() && it->second >= common_left_edge_lines_) {
    return false;
  }
  const double centre = (line.left + line.right) / 2;
  return line.left > m.left + kCentreInsetEm * em && line.right < m.right - kCentreInsetEm * em &&
         std::abs(centre - (m.left + m.right) / 2) < kCentreToleranceEm * em;
}

bool IsHeadingLine(const LayoutLine& line) {
  return line.words.size() <= 3 && IsHeadingLineText(line.Text());
}

bool EndsClause(const LayoutLine& line) {
  std::string_view last = line.words.back().text;
  if (last == "and" || last == "or") return true;
  while (!last.empty()) {
    const char c = last.back();
    if (c == ')' || c == '"' || c == '\'') {
      last.remove_suffix(1);
    } else if (last.size() >= 3 && (last.substr(last.size() - 3) == "\u201D" ||
                                    last.substr(last.size() - 3) == "\u2019")) {
      last.remove_suffix(3);
    } else {
      break;
    }
  }
  if (last.empty()) return false;
  const char c = last.back();
  return c == '.' || c == ';' || c == ':' || c == '?' || c == '!';
}

bool BlockSplitter::BreaksBetween(std::size_t i, bool l1_starts_block) const {
  const BodyLine& b1 = lines_[i];
  const BodyLine& b2 = lines_[i + 1];
  const LayoutLine& l1 = *b1.line;
  const LayoutLine& l2 = *b2.line;
  const double h = std::max(l1.height, l2.height);
  if (h <= 0 || std::abs(l1.height - l2.height) > kSizeChange * h) return true;
  bool gap = false;
  if (b1.page == b2.page) {
    const double pitch = l2.top - l1.top;
    gap = pitch <= 0 || pitch > kGapPitches * pitch_ratio_ * l1.height;
  }
  // Lines that share their left edge are left-aligned, however centred they look (an
  // indented list item can be).
  const double em = l2.Em();
  const bool aligned = std::abs(l1.left - l2.left) < kAlignedPt;
  const bool centred1 = !aligned && IsCentred(b1);
  const bool centred2 = !aligned && IsCentred(b2);
  const PageMetrics& m1 = metrics_[b1.page];
  const PageMetrics& m2 = metrics_[b2.page];
  const double needed = space_em_ * em + l2.words.front().Width();
  const bool l2_fits_on_l1 = l1.right + needed < m1.right - kFitTolerancePt;

  // A heading line is a block of its own, unless it is the tail of a sentence that wrapped:
  // then it continues at the left margin a full line that does not end a clause.
  if (IsHeadingLine(l1) && l1_starts_block) return true;
  if (IsHeadingLine(l2)) {
    const bool wrapped_tail = !gap && !centred2 && !l2_fits_on_l1 && !EndsClause(l1) &&
                              l2.left - m2.left < kIndentEm * em;
    if (!wrapped_tail) return true;
  }
  if (centred1 && centred2) return gap;
  if (centred1 || centred2) return true;
  const bool marker1 = IsListMarker(l1.words.front().text);
  const bool marker2 = IsListMarker(l2.words.front().text);
  const bool hanging =
      marker1 && l1.words.size() > 1 && !marker2 &&
      std::abs((l2.left - m2.left) - (l1.words[1].left - m1.left)) < kHangingToleranceEm * em;
  const double indent1 = l1.left - m1.left;
  const double indent2 = l2.left - m2.left;
  if (!hanging && indent2 > indent1 + kIndentEm * em) return true;
  if (marker2 && EndsClause(l1)) return true;
  // A line that starts in lower case continues a sentence, even where the line before stops
  // short (a manual line break in a title, a chapeau resumed after its list).
  if (!marker2 && std::islower(static_cast<unsigned char>(l2.words.front().text.front()))) {
    return false;
  }
  // Two first lines in a row: L1 opened its block at a paragraph indent and L2 starts at the
  // same indent, so L1 was a paragraph of one line. (Items under a list marker keep their
  // indent on every line; they are left out.)
  if (l1_starts_block && (!marker1 || EndsClause(l1)) && indent1 > kIndentEm * em &&
      std::abs(indent2 - indent1) < kHangingToleranceEm * em) {
    return true;
  }
  if (gap) return true;
  return l2_fits_on_l1;
}

struct Footnote {
  std::string label;
  std::vector<std::pair<const LayoutLine*, int>> lines;  // line, page number
};

class Emitter {
 public:
  Emitter(const HyphenationVocabulary& vocabulary, const std::set<std::string>& labels)
      : vocabulary_(vocabulary), labels_(labels) {}

  // Appends the words of `line` (page `page`) to `block`, starting after the join with the
  // previous line. `next` is the following line of the same block, or null.
  void EmitLine(const LayoutLine& line, int page, const LayoutLine* next, bool skip_first,
                Block& block);

 private:
  const HyphenationVocabulary& vocabulary_;
  const std::set<std::string>& labels_;
  bool join_without_space_ = false;
};

void Emitter::EmitLine(const LayoutLine& line, int page, const LayoutLine* next, bool skip_first,
                       Block& block) {
  const std::size_t first = skip_first ? 1 : 0;
  for (std::size_t w = first; w < line.words.size(); ++w) {
    const LayoutWord& word = line.words[w];
    const bool reference = word.superscript && labels_.count(word.text) > 0;
    if (!block.empty() && !reference && (w == first ? !join_without_space_ : word.space_before)) {
      block.AppendSpace();
    }
    join_without_space_ = false;
    if (reference) {
      block.Append("[" + word.text + "]", word.source_offset, page);
      continue;
    }
    std::string_view text = word.text;
    if (w + 1 == line.words.size() && next != nullptr && !next->words.empty()) {
      if (word.soft_hyphen_end) {
        join_without_space_ = true;
      } else if (EndsWithBreakHyphen(text)) {
        join_without_space_ = true;
        if (DecideHyphenJoin(text, next->words.front().text, false, vocabulary_) ==
            HyphenJoin::kDropHyphen) {
          text.remove_suffix(text.back() == '-' ? 1 : 3);
        }
      }
    }
    std::size_t begin = 0;
    std::size_t source = word.source_offset;
    for (const PieceSource& glued : word.glued) {
      const std::size_t end = std::min(glued.text_begin, text.size());
      if (end > begin) block.Append(text.substr(begin, end - begin), source, page);
      begin = std::max(begin, end);
      source = glued.source_offset;
    }
    if (text.size() > begin) block.Append(text.substr(begin), source, page);
  }
}

// Writes one block, keeping it NFC: runs are normalised one by one, and a block that is still
// not NFC (a combining mark at a run boundary) becomes one rewritten run.
void WriteBlock(Block& block, doc::SourceTextBuilder& builder) {
  if (block.empty()) return;
  const bool ascii = std::all_of(block.text.begin(), block.text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii && !text::IsNfc(block.text)) {
    Block normalised;
    for (std::size_t k = 0; k < block.runs.size(); ++k) {
      const std::size_t end =
          k + 1 < block.runs.size() ? block.runs[k + 1].begin : block.text.size();
      const std::string_view run =
          std::string_view(block.text).substr(block.runs[k].begin, end - block.runs[k].begin);
      absl::StatusOr<std::string> nfc = text::ToNfc(run);
      normalised.Append(nfc.ok() ? std::string_view(*nfc) : run, block.runs[k].source,
                        block.runs[k].page);
    }
    if (!text::IsNfc(normalised.text)) {
      absl::StatusOr<std::string> nfc = text::ToNfc(normalised.text);
      Block merged;
      merged.Append(nfc.ok() ? *nfc : normalised.text, block.runs.front().source,
                    block.runs.front().page);
      normalised = std::move(merged);
    }
    block = std::move(normalised);
  }
  builder.EndBlock();
  for (std::size_t k = 0; k < block.runs.size(); ++k) {
    const std::size_t end = k + 1 < block.runs.size() ? block.runs[k + 1].begin : block.text.size();
    builder.Append(
        std::string_view(block.text).substr(block.runs[k].begin, end - block.runs[k].begin),
        block.runs[k].source, block.runs[k].page);
  }
  builder.EndBlock();
}

}  // namespace

bool IsHeadingLineText(std::string_view text) {
  const std::vector<std::string_view> tokens = SplitOnSpaces(text);
  if (tokens.empty() || tokens.size() > 3) return false;
  static const std::set<std::string_view> kAlone = {"Preamble", "PREAMBLE", "Annex",
                                                    "ANNEX",    "Appendix", "APPENDIX"};
  static const std::set<std::string_view> kNumbered = {
      "Article", "ARTICLE", "Chapter",  "CHAPTER",  "Part",     "PART",     "Section", "SECTION",
      "Annex",   "ANNEX",   "Appendix", "APPENDIX", "Schedule", "SCHEDULE", "Title",   "TITLE"};
  if (tokens.size() == 1) return kAlone.count(tokens[0]) > 0;
  if (kNumbered.count(tokens[0]) == 0) return false;
  std::string_view number = tokens[1];
  if (!number.empty() && number.back() == '.') number.remove_suffix(1);
  std::string_view digits = number;
  while (!digits.empty() && std::isalpha(static_cast<unsigned char>(digits.back())) &&
         digits.size() > 1) {
    digits.remove_suffix(1);
  }
  const bool numbered = IsDigits(digits) || IsUpperRoman(number) ||
                        (number.size() == 1 && std::isupper(static_cast<unsigned char>(number[0])));
  if (!numbered) return false;
  if (tokens.size() == 2) return true;
  return tokens[2] == "bis" || tokens[2] == "ter" || tokens[2] == "quater";
}

bool IsListMarker(std::string_view word) {
  if (word == "\u2022") return true;  // bullet
  if (word.size() >= 3 && word.front() == '(' && word.back() == ')') {
    const std::string_view inner = word.substr(1, word.size() - 2);
    if (IsDigits(inner) && inner.size() <= 3) return true;
    if (IsLowerRoman(inner)) return true;
    return inner.size() <= 2 &&
           std::all_of(inner.begin(), inner.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }
  if (word.size() >= 2 && (word.back() == '.' || word.back() == ')')) {
    const std::string_view inner = word.substr(0, word.size() - 1);
    if (IsDigits(inner) && inner.size() <= 3) return true;
    if (word.back() == ')' && inner.size() == 1 && inner[0] >= 'a' && inner[0] <= 'z') return true;
  }
  return false;
}

doc::SourceText AssembleSourceText(const std::vector<PageLayout>& pages,
                                   const std::vector<std::vector<LayoutLine>>& footnotes,
                                   int page_count, std::vector<std::string> notes) {
  std::deque<LayoutLine> merged;
  const std::vector<BodyLine> lines = MergeRows(pages, merged);

  // Footnotes, in page order; a line without a label continues the footnote before it.
  std::vector<Footnote> notes_found;
  for (std::size_t p = 0; p < footnotes.size() && p < pages.size(); ++p) {
    for (std::size_t i = 0; i < footnotes[p].size(); ++i) {
      const LayoutLine& line = footnotes[p][i];
      std::string label = FootnoteLabelAt(line, i == 0);
      if (!label.empty() || notes_found.empty()) notes_found.push_back({std::move(label), {}});
      notes_found.back().lines.emplace_back(&line, pages[p].number);
    }
  }
  std::set<std::string> labels;
  for (const Footnote& f : notes_found) {
    if (!f.label.empty()) labels.insert(f.label);
  }

  // The document is its own dictionary; the fragments at line-end hyphens are left out.
  HyphenationVocabulary vocabulary;
  const auto add_words = [&vocabulary](const std::vector<const LayoutLine*>& sequence) {
    bool skip_next_first = false;
    for (const LayoutLine* line : sequence) {
      for (std::size_t w = 0; w < line->words.size(); ++w) {
        const bool last = w + 1 == line->words.size();
        if (w == 0 && skip_next_first) continue;
        if (last && (EndsWithBreakHyphen(line->words[w].text) || line->words[w].soft_hyphen_end)) {
          continue;
        }
        vocabulary.AddWord(line->words[w].text);
      }
      const LayoutWord& last = line->words.back();
      skip_next_first = EndsWithBreakHyphen(last.text) || last.soft_hyphen_end;
    }
  };
  {
    std::vector<const LayoutLine*> sequence;
    sequence.reserve(lines.size());
    for (const BodyLine& l : lines) sequence.push_back(l.line);
    add_words(sequence);
    for (const Footnote& f : notes_found) {
      sequence.clear();
      for (const auto& [line, page] : f.lines) sequence.push_back(line);
      add_words(sequence);
    }
  }

  doc::SourceTextBuilder builder;
  Emitter emitter(vocabulary, labels);
  const BlockSplitter splitter(pages, lines);
  Block block;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool ends_block = i + 1 == lines.size() || splitter.BreaksBetween(i, block.empty());
    emitter.EmitLine(*lines[i].line, pages[lines[i].page].number,
                     ends_block ? nullptr : lines[i + 1].line, false, block);
    if (ends_block) {
      WriteBlock(block, builder);
      block.Clear();
    }
  }

  if (!labels.empty() || !notes_found.empty()) {
    const auto& first = notes_found.front().lines.front();
    Block separator;
    separator.Append(kFootnoteSeparator, first.first->words.front().source_offset, first.second);
    WriteBlock(separator, builder);
    const std::set<std::string> no_references;
    for (const Footnote& f : notes_found) {
      Emitter footnote_emitter(vocabulary, no_references);
      Block body;
      const LayoutLine& opener = *f.lines.front().first;
      if (!f.label.empty()) {
        body.Append("[" + f.label + "]", opener.words.front().source_offset,
                    f.lines.front().second);
      }
      for (std::size_t k = 0; k < f.lines.size(); ++k) {
        const LayoutLine* next = k + 1 < f.lines.size() ? f.lines[k + 1].first : nullptr;
        footnote_emitter.EmitLine(*f.lines[k].first, f.lines[k].second, next,
                                  k == 0 && !f.label.empty(), body);
      }
      WriteBlock(body, builder);
    }
  }
  for (std::string& note : notes) builder.AddNote(std::move(note));
  return builder.Finish(page_count);
}

}  // namespace tw::ingest
