// DocxNumbering: Word's automatic paragraph numbering (word/numbering.xml), materialised as
// the labels Word prints ("1.", "(a)", "(iv)", "Article 5", "2.3").
//
// Definitions: w:abstractNum/w:lvl (w:start, w:numFmt, w:lvlText, w:lvlRestart, w:isLgl,
// w:pStyle) and w:num instances pointing at one, with w:lvlOverride (w:startOverride or a
// whole w:lvl); an abstractNum that only carries w:numStyleLink borrows the levels of the
// numbering style it names (styles.xml -> numId -> abstractNum).
//
// Counters follow Word: a list is the abstractNum, so w:num instances without overrides
// continue each other's numbering, while a w:num with a w:startOverride is a list of its own
// (that is how Word restarts numbering). Counting a paragraph at level L sets L to its start
// value the first time and increments it afterwards, and restarts every deeper level whose
// w:lvlRestart allows it (absent: after any higher level; 0: never; N: after levels 1..N).
// %k placeholders of levels not used yet show their start value. Bullets and "none" give an
// empty label (their paragraphs still count). Unknown numFmt values print as decimal.
//
// Not thread-safe: counting mutates; one instance per read.
#ifndef TREATYWATCH_INGEST_DOCX_NUMBERING_H_
#define TREATYWATCH_INGEST_DOCX_NUMBERING_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ingest/docx_styles.h"
#include "ingest/docx_xml.h"

namespace tw::ingest {

class DocxNumbering {
 public:
  static constexpr int kLevels = 9;

  // `numbering` may be null (no numbering part): every paragraph is then unnumbered.
  static DocxNumbering Load(const XmlPart* numbering, const DocxStyles& styles);

  // Counts one paragraph of list `num_id` at level `ilvl` and returns its label; "" for
  // numId 0, an undefined numId, a bullet or a "none" level.
  std::string Count(int num_id, int ilvl);
  // The level of `num_id` whose w:pStyle is `style_id` (style-linked numbering), if any.
  std::optional<int> LevelForStyle(int num_id, std::string_view style_id) const;

 private:
  struct Level {
    int start = 0;  // ECMA-376: 0 when w:start is absent
    std::string format = "decimal";
    std::optional<std::string> text;  // w:lvlText; absent means no label
    std::optional<int> restart;       // w:lvlRestart
    bool legal = false;               // w:isLgl
    std::string style;                // w:pStyle
  };
  using Levels = std::array<Level, kLevels>;
  struct List {
    Levels levels;
    std::int64_t counter_key = 0;
  };
  struct Counters {
    std::array<int, kLevels> value{};
    std::array<bool, kLevels> started{};
  };

  std::string Format(const Level& level, int value, bool legal) const;

  std::unordered_map<int, List> lists_;  // by numId
  std::unordered_map<std::int64_t, Counters> counters_;
};

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_DOCX_NUMBERING_H_
