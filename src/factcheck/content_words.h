// ContentWords: the words of an English claim that carry its meaning, as the claim matcher and
// the own-record check compare them. A word is a run of letters and digits (an apostrophe
// between letters stays inside: "don't", "state's"; a hyphen splits: "cross-border" is two
// words, as SQLite FTS5 and PostgreSQL tokenise it, so the full-text query and the shingles
// see the same words). Words are lowercased code point by code point; invalid UTF-8 bytes and
// every other character separate words.
//
// Stems are Snowball English (libstemmer). A stemmer is not thread-safe, so each thread owns
// one (thread_local), created on first use. Everything else is pure. Thread-safe.
#ifndef TREATYWATCH_FACTCHECK_CONTENT_WORDS_H_
#define TREATYWATCH_FACTCHECK_CONTENT_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tw::factcheck {

// Words longer than this (a pasted hash, a URL without spaces) are dropped: no English word is
// that long, and stemming untrusted runs of letters costs time for nothing.
inline constexpr std::size_t kMaxWordBytes = 64;

struct Word {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
  std::string folded;  // lowercase, typographic apostrophe as "'"
};

// The words of `text` in order.
std::vector<Word> SplitWords(std::string_view text);

// English function words that say nothing about what a claim is about ("the", "of", "is",
// "we"), and the negations ("not", "no", "never"), which the matcher leaves to the own-record
// check (a negated claim is still the same topic). Lowercase input.
bool IsStopWord(std::string_view folded);

// Only digits (and inner "." or ","): "24", "2001", "24.2".
bool IsNumberWord(std::string_view folded);

// The Snowball English stem of a lowercase word ("safeguards" → "safeguard").
std::string StemWord(std::string_view folded);

// The matching keys of `text`, in order: what two claims are compared on. Each content word
// (stop words dropped) becomes one key, made alike across the ways delegates say the same:
//   * an instrument's name, however spelled ("UNTOC", "the Palermo Convention", "Budapest"),
//     is one key for the instrument (instrument_names.h);
//   * numbers in words are figures ("sixty-eight" → "68", "fortieth" → "40", "40th" → "40");
//   * British spelling is American ("criminalise" → "criminalize", "favour" → "favor",
//     "offence" → "offense") before stemming;
//   * the Snowball stem, then the key of its synonym group if it has one ("countries" →
//     "state", "backed" → "support", "removal" → "delet").
std::vector<std::string> ContentStems(std::string_view text);

// Whether a key of ContentStems stands for an instrument.
bool IsInstrumentKey(std::string_view key);

// The other words of `folded`'s synonym group ("countries" → "state", "nation", ...), for
// widening a full-text query; empty when it has none.
std::vector<std::string_view> SynonymWords(std::string_view folded);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_CONTENT_WORDS_H_
