#include "reuse_baselines.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "compare/word_tokens.h"
#include "reuse/alignment_scoring.h"
#include "reuse/local_alignment.h"
#include "reuse/near_duplicate_paragraphs.h"
#include "reuse/word_sequence.h"

namespace tw::bench {
namespace {

using reuse::ParagraphSpan;
using reuse::WordSequence;

// LID's scoring: match +3, mismatch -1, a gap -2 per word.
constexpr std::int32_t kLidMatch = 3;
constexpr std::int32_t kLidMismatch = -1;
constexpr std::int32_t kLidGap = -2;
constexpr int kMoreLikeThisTerms = 25;
constexpr int kMoreLikeThisHits = 100;

std::span<const std::uint32_t> Ids(const WordSequence& words, ParagraphSpan span) {
  return {words.ids.data() + span.begin, std::size_t(span.end - span.begin)};
}

// One passage per alignment (word ranges relative to the two paragraphs).
void AddPassage(const SourceParagraphs& sources, const SourceParagraphs::Draft& draft,
                const SourceParagraphs::Paragraph& in, ParagraphSpan draft_span,
                const reuse::AlignedSpan& aligned, reuse::ReuseTrace& trace) {
  const WordSequence& source = sources.words()[in.source];
  reuse::ReusePassage passage;
  const std::int32_t d0 = draft_span.begin + aligned.a_begin;
  const std::int32_t d1 = draft_span.begin + aligned.a_end;
  const std::int32_t s0 = in.span.begin + aligned.b_begin;
  const std::int32_t s1 = in.span.begin + aligned.b_end;
  passage.draft_start = draft.words.begin[d0];
  passage.draft_end = draft.words.end[d1 - 1];
  passage.draft_words = d1 - d0;
  passage.attributed.source = in.source;
  passage.attributed.start = source.begin[s0];
  passage.attributed.end = source.end[s1 - 1];
  passage.attributed.words = s1 - s0;
  passage.attributed.matched_words = aligned.matches;
  passage.attributed.similarity = double(aligned.matches) / std::max(d1 - d0, s1 - s0);
  passage.candidates = {passage.attributed};
  trace.passages.push_back(std::move(passage));
}

// Smith-Waterman with a linear gap, LID's scores, and traceback to the alignment's start.
reuse::AlignedSpan AlignLinearGap(std::span<const std::uint32_t> a,
                                  std::span<const std::uint32_t> b) {
  const std::size_t columns = b.size() + 1;
  std::vector<std::int32_t> score((a.size() + 1) * columns, 0);
  reuse::AlignedSpan best;
  std::size_t best_i = 0, best_j = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::int32_t diagonal =
          score[(i - 1) * columns + j - 1] + (a[i - 1] == b[j - 1] ? kLidMatch : kLidMismatch);
      const std::int32_t up = score[(i - 1) * columns + j] + kLidGap;
      const std::int32_t left = score[i * columns + j - 1] + kLidGap;
      const std::int32_t cell = std::max({0, diagonal, up, left});
      score[i * columns + j] = cell;
      if (cell > best.score) {
        best.score = cell;
        best_i = i;
        best_j = j;
      }
    }
  }
  if (best.score == 0) return best;
  std::size_t i = best_i, j = best_j;
  while (i > 0 && j > 0 && score[i * columns + j] > 0) {
    const std::int32_t cell = score[i * columns + j];
    const bool equal = a[i - 1] == b[j - 1];
    if (cell == score[(i - 1) * columns + j - 1] + (equal ? kLidMatch : kLidMismatch)) {
      best.matches += equal;
      --i;
      --j;
    } else if (cell == score[(i - 1) * columns + j] + kLidGap) {
      --i;
    } else {
      --j;
    }
  }
  best.a_begin = static_cast<std::int32_t>(i);
  best.a_end = static_cast<std::int32_t>(best_i);
  best.b_begin = static_cast<std::int32_t>(j);
  best.b_end = static_cast<std::int32_t>(best_j);
  return best;
}

}  // namespace

class LidBaseline::FullTextIndex {
 public:
  FullTextIndex() {
    Check(sqlite3_open(":memory:", &db_));
    Exec("CREATE VIRTUAL TABLE paragraph USING fts5(body, tokenize = 'unicode61')");
  }
  ~FullTextIndex() { sqlite3_close(db_); }
  FullTextIndex(const FullTextIndex&) = delete;
  FullTextIndex& operator=(const FullTextIndex&) = delete;

  void Insert(std::int64_t id, std::string_view body) {
    sqlite3_stmt* insert = nullptr;
    Check(sqlite3_prepare_v2(db_, "INSERT INTO paragraph(rowid, body) VALUES (?1, ?2)", -1, &insert,
                             nullptr));
    sqlite3_bind_int64(insert, 1, id);
    sqlite3_bind_text(insert, 2, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
    const int done = sqlite3_step(insert);
    sqlite3_finalize(insert);
    if (done != SQLITE_DONE) Check(done);
  }

  std::vector<std::int64_t> MoreLikeThis(const std::string& query, int limit) {
    sqlite3_stmt* select = nullptr;
    Check(sqlite3_prepare_v2(
        db_, "SELECT rowid FROM paragraph WHERE paragraph MATCH ?1 ORDER BY rank LIMIT ?2", -1,
        &select, nullptr));
    sqlite3_bind_text(select, 1, query.data(), static_cast<int>(query.size()), SQLITE_STATIC);
    sqlite3_bind_int(select, 2, limit);
    std::vector<std::int64_t> ids;
    while (sqlite3_step(select) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(select, 0));
    sqlite3_finalize(select);
    return ids;
  }

  void Exec(const char* sql) { Check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr)); }

 private:
  void Check(int code) {
    if (code != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
  }
  sqlite3* db_ = nullptr;
};

namespace {

std::string Quoted(std::string_view word) {
  std::string out = "\"";
  for (const char c : word) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// The engine's attribution rule, given to the baselines so that PlagDet compares what they
// detect, not whether they attribute: of the passages covering mostly the same draft words,
// the one from the earliest source is kept (then the one with more matched words).
void KeepEarliest(const std::vector<const doc::Document*>& sources, reuse::ReuseTrace& trace) {
  auto date_of = [&](const reuse::ReusePassage& passage) {
    const std::string& date = sources[passage.attributed.source]->meta.date;
    return date.empty() ? std::string("9999") : date;
  };
  std::vector<reuse::ReusePassage>& passages = trace.passages;
  std::sort(passages.begin(), passages.end(), [&](const auto& x, const auto& y) {
    return std::tuple(date_of(x), -x.attributed.matched_words, x.draft_start) <
           std::tuple(date_of(y), -y.attributed.matched_words, y.draft_start);
  });
  std::vector<reuse::ReusePassage> kept;
  for (reuse::ReusePassage& passage : passages) {
    const bool covered = std::any_of(kept.begin(), kept.end(), [&](const auto& earlier) {
      const std::size_t lo = std::max(earlier.draft_start, passage.draft_start);
      const std::size_t hi = std::min(earlier.draft_end, passage.draft_end);
      const std::size_t shorter = std::min(earlier.draft_end - earlier.draft_start,
                                           passage.draft_end - passage.draft_start);
      return hi > lo && 2 * (hi - lo) >= shorter;
    });
    if (!covered) kept.push_back(std::move(passage));
  }
  std::sort(kept.begin(), kept.end(),
            [](const auto& x, const auto& y) { return x.draft_start < y.draft_start; });
  passages = std::move(kept);
}

}  // namespace

SourceParagraphs::SourceParagraphs(const std::vector<const doc::Document*>& sources)
    : sources_(sources) {
  const reuse::ParagraphOptions options;
  for (std::size_t s = 0; s < sources_.size(); ++s) {
    words_.push_back(reuse::ReadWords(sources_[s]->text, table_));
    for (const ParagraphSpan& span :
         reuse::SplitParagraphs(words_.back(), sources_[s]->text, options)) {
      paragraphs_.push_back({static_cast<int>(s), span});
    }
  }
}

SourceParagraphs::Draft SourceParagraphs::Read(const doc::Document& draft) {
  Draft out;
  out.words = reuse::ReadWords(draft.text, table_);
  out.paragraphs = reuse::SplitParagraphs(out.words, draft.text, reuse::ParagraphOptions{});
  return out;
}

LidBaseline::LidBaseline(const std::vector<const doc::Document*>& sources, int min_words)
    : sources_(sources), min_words_(min_words), index_(std::make_unique<FullTextIndex>()) {
  index_->Exec("BEGIN");
  for (std::size_t p = 0; p < sources_.paragraphs().size(); ++p) {
    const SourceParagraphs::Paragraph& paragraph = sources_.paragraphs()[p];
    const WordSequence& words = sources_.words()[paragraph.source];
    const std::string_view text = sources_.sources()[paragraph.source]->text;
    const std::uint32_t from = words.begin[paragraph.span.begin];
    index_->Insert(static_cast<std::int64_t>(p),
                   text.substr(from, words.end[paragraph.span.end - 1] - from));
    std::vector<std::uint32_t> distinct(words.ids.begin() + paragraph.span.begin,
                                        words.ids.begin() + paragraph.span.end);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (const std::uint32_t id : distinct) ++paragraphs_with_[id];
  }
  index_->Exec("COMMIT");
}

LidBaseline::~LidBaseline() = default;

reuse::ReuseTrace LidBaseline::Trace(const doc::Document& draft) {
  const SourceParagraphs::Draft read = sources_.Read(draft);
  reuse::ReuseTrace trace;
  trace.draft_words = read.words.size();
  for (const ParagraphSpan& span : read.paragraphs) {
    // More like this: the paragraph's rarest words that the sources hold, as an OR query.
    std::vector<std::pair<int, std::int32_t>> terms;  // (document frequency, word position)
    for (std::int32_t word = span.begin; word < span.end; ++word) {
      const auto df = paragraphs_with_.find(read.words.ids[word]);
      if (df == paragraphs_with_.end()) continue;
      const bool seen = std::any_of(terms.begin(), terms.end(), [&](const auto& term) {
        return read.words.ids[term.second] == read.words.ids[word];
      });
      if (!seen) terms.push_back({df->second, word});
    }
    std::sort(terms.begin(), terms.end());
    if (terms.size() > kMoreLikeThisTerms) terms.resize(kMoreLikeThisTerms);
    if (terms.empty()) continue;
    std::string query;
    for (const auto& [df, word] : terms) {
      if (!query.empty()) query += " OR ";
      query += Quoted(
          std::string_view(draft.text)
              .substr(read.words.begin[word], read.words.end[word] - read.words.begin[word]));
    }
    ++trace.windows;
    for (const std::int64_t hit : index_->MoreLikeThis(query, kMoreLikeThisHits)) {
      const SourceParagraphs::Paragraph& paragraph = sources_.paragraphs()[hit];
      const reuse::AlignedSpan aligned = AlignLinearGap(
          Ids(read.words, span), Ids(sources_.words()[paragraph.source], paragraph.span));
      ++trace.windows_aligned;
      if (aligned.matches >= min_words_) {
        AddPassage(sources_, read, paragraph, span, aligned, trace);
      }
    }
  }
  KeepEarliest(sources_.sources(), trace);
  return trace;
}

reuse::ReuseTrace ExhaustiveBaseline::Trace(const doc::Document& draft) {
  const SourceParagraphs::Draft read = sources_.Read(draft);
  reuse::ReuseTrace trace;
  trace.draft_words = read.words.size();
  const std::int32_t worth = reuse::WorthAligning(min_words_);  // the engine's own threshold
  for (const ParagraphSpan& span : read.paragraphs) {
    for (const SourceParagraphs::Paragraph& paragraph : sources_.paragraphs()) {
      const auto a = Ids(read.words, span);
      const auto b = Ids(sources_.words()[paragraph.source], paragraph.span);
      ++trace.windows;
      if (reuse::LocalAlignmentScore(a, b) < worth) continue;
      ++trace.windows_aligned;
      const reuse::AlignedSpan aligned = reuse::AlignLocally(a, b);
      if (aligned.matches >= min_words_) {
        AddPassage(sources_, read, paragraph, span, aligned, trace);
      }
    }
  }
  KeepEarliest(sources_.sources(), trace);
  return trace;
}

}  // namespace tw::bench
