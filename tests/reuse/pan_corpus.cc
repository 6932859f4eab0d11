#include "tests/reuse/pan_corpus.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "compare/word_tokens.h"
#include "ingest/document_builder.h"

namespace tw::reuse::testing {
namespace {

// The reuse engine seeds on word 5-grams; filler must complete none of the corpus.
constexpr int kSeedWords = 5;
// A run this long found twice in the corpus is a rival copy of a passage (the engine reports
// nothing shorter than 8 words).
constexpr int kRivalWords = 8;
constexpr int kMaxPickTries = 200;

struct CorpusFile {
  const char* file;
  const char* symbol;
  const char* date;
};

constexpr CorpusFile kCorpusFiles[] = {
    {"un-cybercrime-convention-2024.txt", "UN-CONVENTION-2024", "2024-12-24"},
    {"budapest-convention-ets185.txt", "ETS-185", "2001-11-23"},
    {"budapest-additional-protocol-ets189.txt", "ETS-189", "2003-01-28"},
    {"unga-resolution-74-247.txt", "A/RES/74/247", "2019-12-27"},
    {"unga-resolution-79-243.txt", "A/RES/79/243", "2024-12-24"},
    {"un-cybercrime-convention-2024-interpretative-notes.txt", "UN-CONVENTION-NOTES", "2024-12-24"},
};
constexpr char kFillerFile[] = "human-rights-recommendations-key-points.txt";
// The generated sources' dates bracket the corpus: the proposal is later than every corpus
// text, the model law earlier than every one.
constexpr CorpusFile kProposal = {"", "PAN-PROPOSAL-2025", "2025-03-01"};
constexpr CorpusFile kModelLaw = {"", "PAN-MODEL-LAW-1999", "1999-06-01"};
constexpr char kDraftDate[] = "2025-06-01";

// Words an edit puts in: the vocabulary of drafting, so a reworded passage still reads as one.
constexpr std::string_view kEditWords[] = {
    "appropriate",   "relevant",   "effective",   "national",   "necessary",
    "further",       "competent",  "such",        "any",        "including",
    "particular",    "respective", "adequate",    "timely",     "domestic",
    "international", "measures",   "authorities", "provisions", "procedures",
    "shall",         "may",        "should",      "ensure",     "promote",
    "consider",      "adopt",      "establish",   "in",         "of",
    "the",           "and",        "or",          "to",         "all",
    "other",         "public",     "information", "lawful",     "applicable",
    "respect",       "within"};

constexpr std::string_view kHeadingWords[] = {"Article", "Chapter",  "CHAPTER", "Section",
                                              "Annex",   "Preamble", "Title",   "Have"};

// Uniform in [lo, hi] from 32 random bits: the same draws on every standard library.
int Uniform(std::mt19937& rng, int lo, int hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<int>((static_cast<std::uint64_t>(rng()) * span) >> 32);
}

double UniformReal(std::mt19937& rng) { return static_cast<double>(rng()) / 4294967296.0; }

std::uint64_t HashIds(const std::vector<std::uint32_t>& ids, std::size_t at, int count) {
  std::uint64_t hash = 1469598103934665603ull;
  for (int k = 0; k < count; ++k) hash = (hash ^ ids[at + k]) * 1099511628211ull;
  return hash ^ (hash >> 31);
}

absl::StatusOr<std::string> ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("pan corpus: cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A corpus source as the generator sees it: whitespace words (what edits work on and passages
// are cut at) and the engine's words (what seeds and rival copies are made of).
struct SourceText {
  CorpusFile file;
  std::string text;
  std::vector<Span> words;
  std::vector<int> boundary_starts;  // words starting a sentence, clause or line
  std::vector<std::uint32_t> ids;
  std::vector<std::uint32_t> id_begin;
  std::vector<std::uint32_t> id_end;
  std::vector<int> rival_prefix;  // engine words [0, k) lying in a rival 8-gram
};

std::vector<Span> WhitespaceWords(const std::string& text) {
  std::vector<Span> words;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    const std::size_t begin = at;
    while (at < text.size() && !std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    if (at > begin) words.push_back({begin, at});
  }
  return words;
}

bool EndsWithAny(std::string_view word, std::string_view marks) {
  return !word.empty() && marks.find(word.back()) != std::string_view::npos;
}

bool IsHeadingWord(std::string_view word) {
  return std::find(std::begin(kHeadingWords), std::end(kHeadingWords), word) !=
         std::end(kHeadingWords);
}

// Filler: words of a text that is not a source, drawn at random into sentences, never
// completing a word 5-gram of the corpus.
class FillerWriter {
 public:
  FillerWriter(std::vector<std::string> bag, std::vector<std::uint32_t> bag_ids,
               const absl::flat_hash_set<std::uint64_t>& forbidden, std::mt19937& rng)
      : bag_(std::move(bag)), bag_ids_(std::move(bag_ids)), forbidden_(forbidden), rng_(rng) {}

  std::string Sentences(int count) {
    history_.clear();
    std::string out;
    for (int s = 0; s < count; ++s) {
      if (s > 0) out += ' ';
      const int words = Uniform(rng_, 10, 24);
      for (int w = 0; w < words; ++w) {
        std::string word = NextWord();
        if (w == 0) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        if (w > 0) out += ' ';
        out += word;
      }
      out += '.';
    }
    return out;
  }

  std::string Title() {
    history_.clear();
    std::string out;
    const int words = Uniform(rng_, 2, 4);
    for (int w = 0; w < words; ++w) {
      std::string word = NextWord();
      if (w == 0) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
      if (w > 0) out += ' ';
      out += word;
    }
    return out;
  }

 private:
  std::string NextWord() {
    int pick = 0;
    for (int tries = 0; tries < 50; ++tries) {
      pick = Uniform(rng_, 0, static_cast<int>(bag_.size()) - 1);
      if (history_.size() + 1 < static_cast<std::size_t>(kSeedWords)) break;
      std::vector<std::uint32_t> gram(history_.end() - (kSeedWords - 1), history_.end());
      gram.push_back(bag_ids_[pick]);
      if (!forbidden_.contains(HashIds(gram, 0, kSeedWords))) break;
    }
    history_.push_back(bag_ids_[pick]);
    return bag_[pick];
  }

  std::vector<std::string> bag_;
  std::vector<std::uint32_t> bag_ids_;
  const absl::flat_hash_set<std::uint64_t>& forbidden_;
  std::mt19937& rng_;
  std::vector<std::uint32_t> history_;
};

// One planted passage before its drafts and generated sources are written.
struct Plan {
  Obfuscation level;
  int draft;
  int origin;
  Span source;
  std::string copy;     // the source passage on one line
  std::string planted;  // after rewording
  int holder = -1;      // index of the generated source holding a copy, -1: none
  int words = 0;
  int edits = 0;
  int clause_swaps = 0;
};

class Generator {
 public:
  Generator(const PanCorpusParams& params) : params_(params), rng_(params.seed) {}

  absl::StatusOr<PanCorpus> Run(const std::filesystem::path& corpus_dir);

 private:
  absl::Status LoadSources(const std::filesystem::path& corpus_dir);
  absl::Status LoadFiller(const std::filesystem::path& corpus_dir);
  // `fresh`: overlapping no passage planted before, so that it may be copied elsewhere.
  bool PickPassage(int origin, bool fresh, Plan& plan);
  bool Eligible(const SourceText& source, Span span) const;
  std::string Reword(const std::string& copy, Obfuscation level, Plan& plan);
  doc::Document Build(const std::string& text, const CorpusFile& file);
  void WriteGeneratedSource(int holder, const CorpusFile& file, PanCorpus& corpus,
                            std::vector<Span>& copies_at);

  PanCorpusParams params_;
  std::mt19937 rng_;
  compare::TokenTable table_;
  std::vector<SourceText> sources_;
  absl::flat_hash_set<std::uint64_t> forbidden_;
  std::unique_ptr<FillerWriter> filler_;
  std::vector<Plan> plans_;
  // Source ranges of planted passages, per origin: all of them, and those copied elsewhere.
  std::vector<std::vector<Span>> planted_ranges_;
  std::vector<std::vector<Span>> shared_ranges_;
};

absl::Status Generator::LoadSources(const std::filesystem::path& corpus_dir) {
  absl::flat_hash_map<std::uint64_t, int> rivals;
  for (const CorpusFile& file : kCorpusFiles) {
    absl::StatusOr<std::string> text = ReadText(corpus_dir / file.file);
    if (!text.ok()) return text.status();
    SourceText source;
    source.file = file;
    source.text = *std::move(text);
    source.words = WhitespaceWords(source.text);
    for (std::size_t k = 0; k < source.words.size(); ++k) {
      const Span previous = k == 0 ? Span{} : source.words[k - 1];
      const std::string_view before(source.text.data() + previous.end,
                                    source.words[k].begin - previous.end);
      const std::string_view last(source.text.data() + previous.begin,
                                  previous.end - previous.begin);
      if (k == 0 || before.find('\n') != std::string_view::npos || EndsWithAny(last, ".;:")) {
        source.boundary_starts.push_back(static_cast<int>(k));
      }
    }
    for (const compare::Token& token : compare::Tokenize(source.text, table_)) {
      if (token.cls != compare::TokenClass::kWord) continue;
      source.ids.push_back(token.id);
      source.id_begin.push_back(token.begin);
      source.id_end.push_back(token.end);
    }
    for (std::size_t at = 0; at + kSeedWords <= source.ids.size(); ++at) {
      forbidden_.insert(HashIds(source.ids, at, kSeedWords));
    }
    for (std::size_t at = 0; at + kRivalWords <= source.ids.size(); ++at) {
      ++rivals[HashIds(source.ids, at, kRivalWords)];
    }
    sources_.push_back(std::move(source));
  }
  for (SourceText& source : sources_) {
    std::vector<bool> in_rival(source.ids.size(), false);
    for (std::size_t at = 0; at + kRivalWords <= source.ids.size(); ++at) {
      if (rivals[HashIds(source.ids, at, kRivalWords)] < 2) continue;
      std::fill(in_rival.begin() + at, in_rival.begin() + at + kRivalWords, true);
    }
    source.rival_prefix.assign(source.ids.size() + 1, 0);
    for (std::size_t k = 0; k < source.ids.size(); ++k) {
      source.rival_prefix[k + 1] = source.rival_prefix[k] + (in_rival[k] ? 1 : 0);
    }
  }
  planted_ranges_.resize(sources_.size());
  shared_ranges_.resize(sources_.size());
  return absl::OkStatus();
}

absl::Status Generator::LoadFiller(const std::filesystem::path& corpus_dir) {
  absl::StatusOr<std::string> text = ReadText(corpus_dir / kFillerFile);
  if (!text.ok()) return text.status();
  // The text cites its sources by address; the pieces of a URL are not prose.
  std::string prose;
  for (const Span word : WhitespaceWords(*text)) {
    const std::string_view spelled(text->data() + word.begin, word.end - word.begin);
    if (spelled.find_first_of("/@") != std::string_view::npos ||
        spelled.find("www") != std::string_view::npos) {
      continue;
    }
    prose += spelled;
    prose += ' ';
  }
  std::vector<std::string> bag;
  std::vector<std::uint32_t> bag_ids;
  for (const compare::Token& token : compare::Tokenize(prose, table_)) {
    if (token.cls != compare::TokenClass::kWord || token.end - token.begin < 2) continue;
    std::string word = prose.substr(token.begin, token.end - token.begin);
    // Plain lower-case words only: no names, numbers or URL pieces that would read oddly.
    if (!std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      continue;
    }
    bag_ids.push_back(token.id);
    bag.push_back(std::move(word));
  }
  if (bag.size() < 200) return absl::FailedPreconditionError("pan corpus: filler text too short");
  filler_ = std::make_unique<FillerWriter>(std::move(bag), std::move(bag_ids), forbidden_, rng_);
  return absl::OkStatus();
}

bool Overlaps(const std::vector<Span>& ranges, Span span) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](Span range) { return range.begin < span.end && span.begin < range.end; });
}

bool Generator::Eligible(const SourceText& source, Span span) const {
  // Inside one article: no heading line within the passage.
  for (std::size_t at = source.text.find('\n', span.begin); at < span.end;
       at = source.text.find('\n', at + 1)) {
    std::size_t line = at + 1;
    while (line < span.end && std::isspace(static_cast<unsigned char>(source.text[line]))) ++line;
    const std::size_t word_end = source.text.find_first_of(" \n", line);
    if (line < span.end &&
        IsHeadingWord(
            std::string_view(source.text).substr(line, std::min(word_end, span.end) - line))) {
      return false;
    }
  }
  const auto first = std::lower_bound(source.id_begin.begin(), source.id_begin.end(),
                                      static_cast<std::uint32_t>(span.begin)) -
                     source.id_begin.begin();
  const auto last = std::lower_bound(source.id_begin.begin(), source.id_begin.end(),
                                     static_cast<std::uint32_t>(span.end)) -
                    source.id_begin.begin();
  if (last - first < params_.min_words / 2) return false;
  const int rival = source.rival_prefix[last] - source.rival_prefix[first];
  return rival <= params_.max_shared_share * static_cast<double>(last - first);
}

bool Generator::PickPassage(int origin, bool fresh, Plan& plan) {
  const SourceText& source = sources_[origin];
  const int total = static_cast<int>(source.words.size());
  if (source.boundary_starts.empty() || total < params_.min_words) return false;
  for (int tries = 0; tries < kMaxPickTries; ++tries) {
    const int first =
        source
            .boundary_starts[Uniform(rng_, 0, static_cast<int>(source.boundary_starts.size()) - 1)];
    if (IsHeadingWord(std::string_view(source.text)
                          .substr(source.words[first].begin,
                                  source.words[first].end - source.words[first].begin))) {
      continue;
    }
    const int lo = first + params_.min_words - 1;
    const int hi = std::min(total - 1, first + params_.max_words - 1);
    if (lo > hi) continue;
    int last = std::min(hi, first + Uniform(rng_, params_.min_words, params_.max_words) - 1);
    // End at a sentence or clause end nearby when there is one.
    for (int step = 0; step <= 12; ++step) {
      const int candidates[] = {last - step, last + step};
      bool found = false;
      for (int at : candidates) {
        if (at < lo || at > hi) continue;
        const Span word = source.words[at];
        if (EndsWithAny(std::string_view(source.text).substr(word.begin, word.end - word.begin),
                        ".;,:")) {
          last = at;
          found = true;
          break;
        }
      }
      if (found) break;
    }
    const Span span{source.words[first].begin, source.words[last].end};
    if (!Eligible(source, span)) continue;
    if (Overlaps(shared_ranges_[origin], span)) continue;
    if (fresh && Overlaps(planted_ranges_[origin], span)) continue;
    plan.origin = origin;
    plan.source = span;
    plan.words = last - first + 1;
    plan.copy.clear();
    for (int k = first; k <= last; ++k) {
      if (k > first) plan.copy += ' ';
      plan.copy +=
          source.text.substr(source.words[k].begin, source.words[k].end - source.words[k].begin);
    }
    return true;
  }
  return false;
}

std::string Generator::Reword(const std::string& copy, Obfuscation level, Plan& plan) {
  std::vector<std::string> words;
  std::istringstream in(copy);
  for (std::string word; in >> word;) words.push_back(word);
  const int n = static_cast<int>(words.size());
  int edits = 0;
  if (level == Obfuscation::kLight) {
    edits = Uniform(rng_, 1, std::max(1, static_cast<int>(params_.light_max_edits * n)));
  } else if (level == Obfuscation::kHeavy) {
    const int lo = static_cast<int>(params_.heavy_min_edits * n) + 1;
    edits = Uniform(rng_, lo, std::max(lo, static_cast<int>(params_.heavy_max_edits * n)));
  }
  auto edit_word = [&] {
    return std::string(kEditWords[Uniform(rng_, 0, std::size(kEditWords) - 1)]);
  };
  for (int e = 0; e < edits; ++e) {
    const int at = Uniform(rng_, 0, static_cast<int>(words.size()) - 1);
    const int op = Uniform(rng_, 0, 3);
    if (op <= 1) {
      std::string word = edit_word();
      while (word == words[at]) word = edit_word();
      words[at] = word;
    } else if (op == 2 || words.size() <= 2) {
      words.insert(words.begin() + at, edit_word());
    } else {
      words.erase(words.begin() + at);
    }
  }
  plan.edits = edits;
  if (level == Obfuscation::kHeavy) {
    // Clauses: runs of words ending at a comma, semicolon or colon.
    std::vector<std::vector<std::string>> clauses(1);
    for (const std::string& word : words) {
      clauses.back().push_back(word);
      if (EndsWithAny(word, ",;:")) clauses.emplace_back();
    }
    if (clauses.back().empty()) clauses.pop_back();
    if (clauses.size() < 2) {
      // One long clause: its halves change places, as a drafter turns a sentence around.
      std::vector<std::string> all = std::move(clauses.front());
      const int cut =
          Uniform(rng_, static_cast<int>(all.size()) / 3, 2 * static_cast<int>(all.size()) / 3);
      clauses = {{all.begin(), all.begin() + cut}, {all.begin() + cut, all.end()}};
    }
    const int swaps = clauses.size() >= 5 ? 2 : 1;
    for (int s = 0; s < swaps; ++s) {
      const int at = Uniform(rng_, 0, static_cast<int>(clauses.size()) - 2);
      std::swap(clauses[at], clauses[at + 1]);
    }
    plan.clause_swaps = swaps;
    words.clear();
    for (const auto& clause : clauses) words.insert(words.end(), clause.begin(), clause.end());
  }
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

doc::Document Generator::Build(const std::string& text, const CorpusFile& file) {
  doc::SourceText source;
  source.text = text;
  doc::DocumentMeta meta;
  meta.symbol = file.symbol;
  meta.date = file.date;
  meta.kind = "draft";
  return ingest::BuildDocumentFromSource(std::move(source), meta);
}

// A generated source: articles of filler, some holding a verbatim copy of a shared passage.
void Generator::WriteGeneratedSource(int holder, const CorpusFile& file, PanCorpus& corpus,
                                     std::vector<Span>& copies_at) {
  std::string text = std::string(file.symbol) + "\n\n";
  int article = 0;
  for (std::size_t p = 0; p < plans_.size(); ++p) {
    if (plans_[p].holder != holder) continue;
    if (Uniform(rng_, 0, 2) == 0) {
      text += "Article " + std::to_string(++article) + "\n" + filler_->Title() + "\n\n" +
              filler_->Sentences(Uniform(rng_, 3, 6)) + "\n\n";
    }
    text += "Article " + std::to_string(++article) + "\n" + filler_->Title() + "\n\n" +
            filler_->Sentences(Uniform(rng_, 1, 3)) + " ";
    copies_at[p].begin = text.size();
    text += plans_[p].copy;
    copies_at[p].end = text.size();
    text += " " + filler_->Sentences(Uniform(rng_, 1, 3)) + "\n\n";
  }
  corpus.sources.push_back(Build(text, file));
}

absl::StatusOr<PanCorpus> Generator::Run(const std::filesystem::path& corpus_dir) {
  if (absl::Status status = LoadSources(corpus_dir); !status.ok()) return status;
  if (absl::Status status = LoadFiller(corpus_dir); !status.ok()) return status;
  const int corpus_sources = static_cast<int>(sources_.size());
  const int proposal = corpus_sources;
  const int model_law = corpus_sources + 1;
  const int per_draft = std::clamp(params_.passages_per_draft, 1, corpus_sources);

  // Long sources are drawn more often, but every one is drawn: sqrt of their words.
  std::vector<double> weight;
  for (const SourceText& source : sources_) {
    weight.push_back(std::sqrt(static_cast<double>(source.words.size())));
  }
  int planted = 0;
  int shared_count = 0;
  bool share_next = false;
  // The levels take turns draft by draft, so that fresh passages (which only shared ones need)
  // are spent evenly on all of them.
  int draft = 0;
  std::vector<int> in_level(std::size(kObfuscations), 0);
  for (int level_index = 0; in_level[level_index] < params_.cases_per_level;
       level_index = (level_index + 1) % static_cast<int>(std::size(kObfuscations)), ++draft) {
    const Obfuscation level = kObfuscations[level_index];
    std::vector<bool> used(sources_.size(), false);
    const int here = std::min(per_draft, params_.cases_per_level - in_level[level_index]);
    for (int k = 0; k < here; ++k) {
      if (params_.shared_every > 0 && planted % params_.shared_every == 0) share_next = true;
      Plan plan;
      plan.level = level;
      plan.draft = draft;
      bool picked = false;
      for (int attempt = 0; attempt < corpus_sources && !picked; ++attempt) {
        double total = 0;
        for (int s = 0; s < corpus_sources; ++s) total += used[s] ? 0 : weight[s];
        if (total <= 0) break;
        double draw = UniformReal(rng_) * total;
        int origin = -1;
        for (int s = 0; s < corpus_sources; ++s) {
          if (used[s]) continue;
          origin = s;
          if (draw < weight[s]) break;
          draw -= weight[s];
        }
        used[origin] = true;
        picked = (share_next && PickPassage(origin, /*fresh=*/true, plan)) ||
                 PickPassage(origin, /*fresh=*/false, plan);
      }
      if (!picked) {
        return absl::FailedPreconditionError("pan corpus: no eligible passage left for draft " +
                                             std::to_string(draft));
      }
      // A passage overlapping one planted before cannot be copied elsewhere (that case would
      // gain a second copy); the next one is, then.
      if (share_next && !Overlaps(planted_ranges_[plan.origin], plan.source)) {
        plan.holder = (shared_count++ % 2 == 0) ? proposal : model_law;
        shared_ranges_[plan.origin].push_back(plan.source);
        share_next = false;
      }
      planted_ranges_[plan.origin].push_back(plan.source);
      plan.planted = Reword(plan.copy, level, plan);
      plans_.push_back(std::move(plan));
      ++planted;
      ++in_level[level_index];
    }
  }

  PanCorpus corpus;
  for (const SourceText& source : sources_)
    corpus.sources.push_back(Build(source.text, source.file));
  std::vector<Span> copies_at(plans_.size());
  WriteGeneratedSource(proposal, kProposal, corpus, copies_at);
  WriteGeneratedSource(model_law, kModelLaw, corpus, copies_at);

  // The drafts: one article per planted passage, the passage amid filler sentences, and now and
  // then an article of filler only.
  std::string text;
  int article = 0;
  int current = -1;
  auto finish_draft = [&] {
    if (current < 0) return;
    const std::string symbol = "PAN-DRAFT-" + std::to_string(current);
    corpus.drafts.push_back(Build(text, {"", symbol.c_str(), kDraftDate}));
  };
  for (std::size_t p = 0; p < plans_.size(); ++p) {
    const Plan& plan = plans_[p];
    if (plan.draft != current) {
      finish_draft();
      current = plan.draft;
      corpus.draft_levels.push_back(plan.level);
      text = "Draft convention " + std::to_string(current) + "\n\n";
      article = 0;
    }
    if (Uniform(rng_, 0, 2) == 0) {
      text += "Article " + std::to_string(++article) + "\n" + filler_->Title() + "\n\n" +
              filler_->Sentences(Uniform(rng_, 3, 6)) + "\n\n";
    }
    text += "Article " + std::to_string(++article) + "\n" + filler_->Title() + "\n\n" +
            filler_->Sentences(Uniform(rng_, 2, 4)) + " ";
    PlantedPassage passage;
    passage.draft = plan.draft;
    passage.level = plan.level;
    passage.origin = plan.origin;
    passage.draft_begin = text.size();
    text += plan.planted;
    passage.draft_end = text.size();
    text += " " + filler_->Sentences(Uniform(rng_, 1, 3)) + "\n\n";
    passage.holders = {plan.origin};
    if (plan.holder >= 0) passage.holders.push_back(plan.holder);
    // Earliest holder: the model law before every corpus text, the proposal after all of them.
    if (plan.holder == model_law) {
      passage.truth = model_law;
      passage.source_begin = copies_at[p].begin;
      passage.source_end = copies_at[p].end;
    } else {
      passage.truth = plan.origin;
      passage.source_begin = plan.source.begin;
      passage.source_end = plan.source.end;
    }
    passage.words = plan.words;
    passage.edits = plan.edits;
    passage.clause_swaps = plan.clause_swaps;
    corpus.passages.push_back(std::move(passage));
  }
  finish_draft();

  // Offsets were taken in the generated text; they hold only if the builder stored it as given.
  for (std::size_t s = 0; s < sources_.size(); ++s) {
    if (corpus.sources[s].text != sources_[s].text) {
      return absl::InternalError("pan corpus: the builder changed the text of " +
                                 corpus.sources[s].meta.symbol);
    }
  }
  for (std::size_t p = 0; p < plans_.size(); ++p) {
    const PlantedPassage& passage = corpus.passages[p];
    const std::string& draft_text = corpus.drafts[passage.draft].text;
    if (draft_text.compare(passage.draft_begin, passage.draft_end - passage.draft_begin,
                           plans_[p].planted) != 0) {
      return absl::InternalError("pan corpus: the builder changed a draft's text");
    }
    if (plans_[p].holder >= 0 &&
        corpus.sources[plans_[p].holder].text.compare(
            copies_at[p].begin, copies_at[p].end - copies_at[p].begin, plans_[p].copy) != 0) {
      return absl::InternalError("pan corpus: the builder changed a generated source's text");
    }
  }
  return corpus;
}

}  // namespace

std::string_view ObfuscationName(Obfuscation level) {
  switch (level) {
    case Obfuscation::kNone:
      return "none";
    case Obfuscation::kLight:
      return "light";
    case Obfuscation::kHeavy:
      return "heavy";
  }
  return "?";
}

absl::StatusOr<PanCorpus> GeneratePanCorpus(const std::filesystem::path& corpus_dir,
                                            const PanCorpusParams& params) {
  Generator generator(params);
  return generator.Run(corpus_dir);
}

}  // namespace tw::reuse::testing
