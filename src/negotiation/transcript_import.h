// ReadTranscript: statements from the text of a meeting record — a UN summary record, a
// verbatim record, or notes taken in the room — one statement per speaker's turn.
//
// Paragraphs are separated by blank lines; a text without blank lines has one paragraph per
// line. (Within a blank-line separated block, a line that starts with a known speaker starts a
// new paragraph; other lines are the hard-wrapped rest of the paragraph.) A paragraph opens a
// turn when it starts with a speaker, in any of the forms records use:
//   "Brazil:"  "BRAZIL:"  "The Chair:"  "Iran (Islamic Republic of):"
//   "Mr. Ramos (Brazil):"  "Ms. Tanaka (Japan) said ..."  "Mr. Ali (Egypt, on behalf of ...):"
//   "The representative of the United Kingdom of Great Britain and Northern Ireland stated ..."
//   "The observer for the Holy See said ..."  "The Chair said ..."  "The Secretary said ..."
//   "Egypt, speaking on behalf of the Group of Arab States, said ..."  "Mexico said ..."
// Names are resolved with the ActorRegistry ("the Islamic Republic of Iran", "Türkiye", "Côte
// d'Ivoire"). "The Chair/Chairperson/President" is the Chair; "The Secretary" the Secretariat.
// Paragraphs without a speaker continue the turn before them.
//
// Decisions, so the record stays honest:
//  - "X, speaking on behalf of G" is X's statement: the speaker is the state that took the
//    floor. The words naming G stay in the text, which is kept as written; only a bare label
//    ending in a colon ("Brazil:", "Mr. Ramos (Brazil):") is cut from the text.
//  - A paragraph whose form clearly names a speaker who is unknown ("The representative of
//    Narnia said", "Narnia:", "Mr. X (Narnia):") is an error naming the file, the line and the
//    registry's suggestions — unless options.skip_unknown, which skips that turn (continuations
//    included) and says so in `warnings`. The loose form "Name said" counts only for names the
//    registry knows, since any sentence ("He said") has that shape; names of three letters or
//    fewer count only as capitals (ISO codes: "US", never "It" or "Us").
//  - Paragraphs before the first speaker, and procedural ones ("The meeting rose at 1 p.m.",
//    "Agenda item 4 (continued)"), are not statements: they are skipped and listed in
//    `warnings`; a procedural paragraph also ends the turn.
// Each statement's cited_paths come from its text (cited_provisions.h) against options.draft.
//
// Pure function; thread-safe while the registry is not modified.
#ifndef TREATYWATCH_NEGOTIATION_TRANSCRIPT_IMPORT_H_
#define TREATYWATCH_NEGOTIATION_TRANSCRIPT_IMPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "doc/document.h"
#include "negotiation/actor_registry.h"
#include "negotiation/records.h"

namespace tw::negotiation {

// A transcript larger than this is refused.
inline constexpr std::size_t kMaxTranscriptBytes = 16u << 20;
// Paragraphs in one transcript.
inline constexpr std::size_t kMaxTranscriptParagraphs = 200000;
// Only this much of a paragraph's start is read for a speaker.
inline constexpr std::size_t kMaxSpeakerPrefixBytes = 240;

struct TranscriptOptions {
  // Applied to every statement.
  int session = 0;
  std::string date;  // YYYY-MM-DD or empty
  std::string agenda_item;
  std::string source_url;
  // The draft under discussion, for cited_paths; null: paths from the numbers alone. Borrowed.
  const doc::Document* draft = nullptr;
  // Skip turns of unknown speakers (reported in `warnings`) instead of failing.
  bool skip_unknown = false;
};

// Statements in the order spoken. `warnings` (nullable) receives one line per paragraph that
// did not become part of a statement: "file: line N: why".
absl::StatusOr<std::vector<Statement>> ReadTranscript(std::string_view text,
                                                      std::string_view file_name,
                                                      const ActorRegistry& actors,
                                                      const TranscriptOptions& options,
                                                      std::vector<std::string>* warnings = nullptr);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_TRANSCRIPT_IMPORT_H_
