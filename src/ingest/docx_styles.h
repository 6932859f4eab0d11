// DocxStyles: what word/styles.xml says about paragraph styles that matters for reading text —
// the numbering a style carries (w:pPr/w:numPr, inherited through w:basedOn) and whether a
// style is a heading (its name is "heading N"/"Title", or it sets an outline level).
//
// basedOn chains are followed at most kMaxStyleChain steps, so a cycle cannot hang a read.
// Immutable after Load; thread-safe for reading.
#ifndef TREATYWATCH_INGEST_DOCX_STYLES_H_
#define TREATYWATCH_INGEST_DOCX_STYLES_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ingest/docx_xml.h"

namespace tw::ingest {

struct StyleNumbering {
  std::optional<int> num_id;
  std::optional<int> ilvl;
};

class DocxStyles {
 public:
  static constexpr int kMaxStyleChain = 32;

  // `styles` may be null (a DOCX without styles.xml).
  static DocxStyles Load(const XmlPart* styles);

  // Numbering of paragraph style `style_id` (or of the default paragraph style when empty),
  // inherited through basedOn; numId and ilvl may come from different styles of the chain.
  StyleNumbering NumberingOf(std::string_view style_id) const;
  bool IsHeading(std::string_view style_id) const;
  // The numbering style (w:type="numbering") `style_id`: its numId, for w:numStyleLink.
  std::optional<int> NumberingStyleNumId(std::string_view style_id) const;
  // Paragraph style used when a paragraph names none.
  const std::string& default_paragraph_style() const { return default_paragraph_; }

 private:
  struct Style {
    std::string based_on;
    std::optional<int> num_id;
    std::optional<int> ilvl;
    bool heading = false;
    bool numbering_style = false;
  };
  const Style* Find(std::string_view id) const;

  std::unordered_map<std::string, Style> styles_;
  std::string default_paragraph_;
};

// Parses an integer attribute value ("12"); nullopt when absent or not a number.
std::optional<int> ParseDocxInt(std::string_view text);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_DOCX_STYLES_H_
