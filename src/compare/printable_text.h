// PrintableText: text taken from a document, made safe to print in a report (HTML, Markdown, Office
// Open XML). Documents are untrusted: a PDF or DOCX may carry stray control characters or bytes
// that are not UTF-8, and XML 1.0 forbids most C0 characters outright (one of them makes Word
// refuse the whole file), while HTML calls them parse errors.
//
// The result is well-formed UTF-8 in which every ill-formed byte became U+FFFD, with tab and line
// feed kept and dropped: the other C0 controls, DEL, the C1 controls (U+0080..U+009F) and the
// noncharacters (U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of every plane). Escaping for the target format
// is the caller's job. Pure function; thread-safe.
#ifndef TREATYWATCH_COMPARE_PRINTABLE_TEXT_H_
#define TREATYWATCH_COMPARE_PRINTABLE_TEXT_H_

#include <string>
#include <string_view>

namespace tw::compare {

std::string PrintableText(std::string_view text);

// PrintableText escaped for XML and HTML alike — element content and quoted attribute values
// (& < > " '): the one escaping every markup report uses.
std::string EscapeMarkup(std::string_view text);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_PRINTABLE_TEXT_H_
