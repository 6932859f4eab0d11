// Pair generator: ground truth for the comparison engine. From one real, parsed treaty text it
// derives an OLD and a NEW text the way a chair's next draft is made from the last one —
// articles renumbered, moved, split, joined, inserted (taken from ANOTHER real text), deleted,
// reworded, square brackets removed — and records exactly what it did. An alignment is scored
// against that record (alignment_quality_test.cc, bench/diff_vs_peers.sh).
//
// Both texts are plain text in the shape of the corpus files ("Chapter II" + heading line,
// "Article 7" + heading line, "1. text", "(a) text", one paragraph per line, blank lines
// between blocks), so the txt reader and the structure parser read them back; OLD without
// brackets re-parses to the source's article tree. Paths in the truth are the paths the parser
// gives (source paths for OLD; "art" + number for NEW, "art5bis" for "Article 5 bis").
//
// What makes the truth unambiguous, by construction:
//   * a moved article is at least 3 stationary articles away from where it stood, and no two
//     moved articles are neighbours (in OLD or in NEW), so "which one moved" has one answer;
//   * an inserted article comes from another document and shares under a quarter of its word
//     trigrams with every article of the source, so it cannot pass for a rewritten one;
//   * each part of a split keeps at least a fifth of the article's words (and 10 words);
//   * bracketed phrases are never edited, so "brackets removed, words kept" holds.
//
// Deterministic for a seed on every platform: std::mt19937_64 with uniform draws implemented
// here (the std distributions differ between standard libraries). Pure apart from the corpus
// loaders. Thread-compatible; every value owns its strings.
#ifndef TREATYWATCH_TESTS_COMPARE_PAIR_GENERATOR_H_
#define TREATYWATCH_TESTS_COMPARE_PAIR_GENERATOR_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "doc/document.h"

namespace tw::compare::testing {

// How much happens between OLD and NEW. Counts are upper bounds: an operation that finds no
// eligible article (a short document, every article already used) is left out, and the truth
// says what was done.
struct PairParams {
  int moves = 2;       // single articles taken out of the order
  int splits = 1;      // an article with >= 2 paragraphs (or points) becomes two consecutive ones
  int joins = 1;       // two consecutive articles of one chapter become one
  int insertions = 1;  // articles from a donor document
  int deletions = 1;
  int bracket_phrases = 3;  // phrases bracketed in OLD whose brackets NEW removes
  // Share of the surviving articles whose words are edited, and the share of an edited
  // article's words touched (drawn uniformly from [min, max]) by runs of 1-6 substituted,
  // inserted or deleted words.
  double edit_probability = 0.5;
  double min_edit_rate = 0.0;
  double max_edit_rate = 0.2;
  // true: NEW numbers its articles 1..n. false: articles keep their numbers, new ones get
  // "N bis", "N ter" after the article before them (drafts that avoid renumbering).
  bool renumber = true;
};

struct ArticleLink {
  std::string old_path;
  std::string new_path;
  friend bool operator==(const ArticleLink&, const ArticleLink&) = default;
  friend auto operator<=>(const ArticleLink&, const ArticleLink&) = default;
};

struct SplitTruth {
  std::string old_path;
  std::vector<std::string> new_paths;  // in NEW order
};

struct JoinTruth {
  std::vector<std::string> old_paths;  // in OLD order
  std::string new_path;
};

struct BracketRemoval {
  std::string text;      // the words that were inside the brackets
  std::string old_path;  // provision holding them in OLD ("art5.p2")
  std::string new_path;  // and in NEW
};

// Where an article sits in a generated text: 0-based lines, "Article N" line to its last line.
struct ArticleLines {
  std::string path;
  std::string num;
  int first_line = 0;
  int last_line = 0;
};

struct PairTruth {
  std::vector<ArticleLink> links;  // 1:1, moved and renumbered ones included
  std::vector<std::string> moved;  // old paths of the moved articles
  std::vector<SplitTruth> splits;
  std::vector<JoinTruth> joins;
  std::vector<std::string> inserted;    // new paths
  std::vector<std::string> deleted;     // old paths
  std::vector<ArticleLink> renumbered;  // the 1:1 links whose number changed
  std::vector<BracketRemoval> brackets_removed;
  std::vector<ArticleLines> old_articles;  // every article of OLD, in order
  std::vector<ArticleLines> new_articles;
  std::vector<std::string> edited;  // new paths of the articles whose words were edited
};

// Every (old, new) pair an alignment should report, sorted: the 1:1 links, a split article to
// each of its parts, each member of a join to the joined article.
std::vector<ArticleLink> AllLinks(const PairTruth& truth);

struct GeneratedPair {
  std::string old_text;
  std::string new_text;
  PairTruth truth;
};

// Derives a pair from `source`'s articles (those of annexes stay unchanged, with the closing
// formula and footnotes after the last article). Inserted articles come from `donors`
// (articles, or for a text without articles its paragraphs of >= 15 words); none when no
// donor text qualifies. InvalidArgument when the source has fewer than 2 articles.
absl::StatusOr<GeneratedPair> GeneratePair(const doc::Document& source,
                                           const std::vector<const doc::Document*>& donors,
                                           const PairParams& params, std::uint64_t seed);

// Reads `text` the way `treatywatch` reads a .txt file (txt reader, then the structure parser).
absl::StatusOr<doc::Document> ParsePlainText(std::string_view name, std::string_view text);

// The shared corpus (TW_CORPUS_DIR at build time) and its texts used here.
std::filesystem::path DefaultCorpusDir();
inline constexpr std::string_view kUnConvention = "un-cybercrime-convention-2024.txt";
inline constexpr std::string_view kBudapestConvention = "budapest-convention-ets185.txt";
inline constexpr std::string_view kBudapestProtocol = "budapest-additional-protocol-ets189.txt";
inline constexpr std::string_view kResolution79 = "unga-resolution-79-243.txt";
inline constexpr std::string_view kResolution74 = "unga-resolution-74-247.txt";

absl::StatusOr<doc::Document> LoadCorpusDocument(
    std::string_view file_name, const std::filesystem::path& corpus_dir = DefaultCorpusDir());

// One long convention text of about `target_words` words (every word counted, labels and
// headings too; it ends with the article that brings the count closest to the target): the
// first source's title and preamble, then the articles of `sources` in turn (repeated as often
// as needed), numbered 1..n under "Chapter I".. headings. Repeats are made distinct by
// substituting 30 % of their words (drawn with `seed`), so no two articles are copies.
std::string BuildLargeDocumentText(const std::vector<const doc::Document*>& sources,
                                   int target_words, std::uint64_t seed);
// The same from the UN convention, the Budapest Convention and its Additional Protocol.
absl::StatusOr<std::string> BuildLargeDocumentText(int target_words, std::uint64_t seed);

// Operation counts for a text of `articles` articles, as the benchmarks use them: per 100
// articles 3 moves, 2 splits, 2 joins, 2 insertions, 2 deletions, 10 bracket phrases (at
// least one of each); half the articles edited, at up to 15 % of their words.
PairParams ScaledPairParams(int articles);

// The benchmark pair of about `target_words` words: BuildLargeDocumentText as the source,
// ScaledPairParams, insertions taken from the two General Assembly resolutions.
absl::StatusOr<GeneratedPair> GenerateBenchmarkPair(int target_words, std::uint64_t seed);

}  // namespace tw::compare::testing

#endif  // TREATYWATCH_TESTS_COMPARE_PAIR_GENERATOR_H_
