// Heading words: the words that open structural lines and the set formulae of treaty texts,
// in the six official UN languages (Arabic, Chinese, English, French, Russian, Spanish).
//
//   Article / Artículo / Статья / المادة / 第…条      Chapter / Capítulo / Chapitre / Глава / 第…章
//   Part / Parte / Partie / Часть / 第…部分          Section / Sección / Раздел / 第…节
//   Annex / Anexo / Annexe / Приложение / 附件 / المرفق
//   Preamble / Preámbulo / Préambule / Преамбула / 序言 / الديباجة
// and the formulae: the enacting formula ("Have agreed as follows:"), the closing formula
// ("IN WITNESS WHEREOF", "DONE at"), a resolution's closing line ("55th plenary meeting") and
// the opening of a preamble ("The States Parties to the present Convention,").
//
// Latin-script words match in any letter case; the others match as written. Pure functions;
// thread-safe.
#ifndef TREATYWATCH_DOC_HEADING_WORDS_H_
#define TREATYWATCH_DOC_HEADING_WORDS_H_

#include <cstddef>
#include <string_view>

namespace tw::doc {

enum class HeadingWord {
  kNone,
  kPart,
  kChapter,
  kSection,
  kTitle,
  kArticle,
  kArticles,  // plural, as in "Articles 23 and 35, with regard to ..." (interpretative notes)
  kAnnex,
  kPreamble,
  kOption,
};

struct HeadingWordMatch {
  HeadingWord word = HeadingWord::kNone;
  std::size_t length = 0;  // bytes of the word itself
};

// The heading word `line` starts with, if the word is followed by a space or ends the line.
HeadingWordMatch MatchHeadingWord(std::string_view line);

// The Chinese pattern 第<number><unit>: 条 article, 章 chapter, 节 section, 部分 part.
// `number_begin`/`number_end` delimit the numeral; false if `line` does not start so.
bool MatchChineseHeading(std::string_view line, HeadingWord* word, std::size_t* number_begin,
                         std::size_t* number_end, std::size_t* length);

// "Have agreed as follows:" and its equivalents.
bool IsEnactingFormula(std::string_view line);
// "IN WITNESS WHEREOF", "DONE at", and their equivalents, at the start of `line`.
bool IsClosingFormula(std::string_view line);
// "55th (resumed) plenary meeting": the line that closes a General Assembly resolution.
bool IsMeetingLine(std::string_view line);
// "The States Parties to the present Convention," — who speaks in a preamble: a short line
// naming States, Parties or an organ and ending with a comma (or ';', ':').
bool LooksLikePreambleOpener(std::string_view line);

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_HEADING_WORDS_H_
