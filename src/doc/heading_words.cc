#include "doc/heading_words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "doc/numbering.h"

namespace tw::doc {
namespace {

struct WordEntry {
  std::string_view text;
  HeadingWord word;
};

// Non-ASCII letters have no case folding here, so both spellings are listed.
constexpr std::array<WordEntry, 56> kWords = {{
    {"Article", HeadingWord::kArticle},    {"Art.", HeadingWord::kArticle},
    {"Artículo", HeadingWord::kArticle},   {"ARTÍCULO", HeadingWord::kArticle},
    {"Articulo", HeadingWord::kArticle},   {"Статья", HeadingWord::kArticle},
    {"СТАТЬЯ", HeadingWord::kArticle},     {"المادة", HeadingWord::kArticle},
    {"Articles", HeadingWord::kArticles},  {"Arts.", HeadingWord::kArticles},
    {"Artículos", HeadingWord::kArticles}, {"ARTÍCULOS", HeadingWord::kArticles},
    {"Статьи", HeadingWord::kArticles},    {"СТАТЬИ", HeadingWord::kArticles},
    {"المواد", HeadingWord::kArticles},    {"Chapter", HeadingWord::kChapter},
    {"Chapitre", HeadingWord::kChapter},   {"Capítulo", HeadingWord::kChapter},
    {"CAPÍTULO", HeadingWord::kChapter},   {"Capitulo", HeadingWord::kChapter},
    {"Глава", HeadingWord::kChapter},      {"ГЛАВА", HeadingWord::kChapter},
    {"الفصل", HeadingWord::kChapter},      {"Part", HeadingWord::kPart},
    {"Partie", HeadingWord::kPart},        {"Parte", HeadingWord::kPart},
    {"Часть", HeadingWord::kPart},         {"ЧАСТЬ", HeadingWord::kPart},
    {"الجزء", HeadingWord::kPart},         {"Section", HeadingWord::kSection},
    {"Sección", HeadingWord::kSection},    {"SECCIÓN", HeadingWord::kSection},
    {"Раздел", HeadingWord::kSection},     {"РАЗДЕЛ", HeadingWord::kSection},
    {"الفرع", HeadingWord::kSection},      {"Title", HeadingWord::kTitle},
    {"Titre", HeadingWord::kTitle},        {"Título", HeadingWord::kTitle},
    {"TÍTULO", HeadingWord::kTitle},       {"Annex", HeadingWord::kAnnex},
    {"Annexe", HeadingWord::kAnnex},       {"Anexo", HeadingWord::kAnnex},
    {"Приложение", HeadingWord::kAnnex},   {"ПРИЛОЖЕНИЕ", HeadingWord::kAnnex},
    {"المرفق", HeadingWord::kAnnex},       {"Preamble", HeadingWord::kPreamble},
    {"Préambule", HeadingWord::kPreamble}, {"PRÉAMBULE", HeadingWord::kPreamble},
    {"Preámbulo", HeadingWord::kPreamble}, {"PREÁMBULO", HeadingWord::kPreamble},
    {"Преамбула", HeadingWord::kPreamble}, {"ПРЕАМБУЛА", HeadingWord::kPreamble},
    {"الديباجة", HeadingWord::kPreamble},  {"Option", HeadingWord::kOption},
    {"Alt.", HeadingWord::kOption},        {"Alternative", HeadingWord::kOption},
}};

constexpr std::array<WordEntry, 8> kUnspacedWords = {{
    // Chinese and a few others need no space after the word ("序言", "附件一").
    {"序言", HeadingWord::kPreamble},
    {"附件", HeadingWord::kAnnex},
    {"备选案文", HeadingWord::kOption},
    {"Opción", HeadingWord::kOption},
    {"OPCIÓN", HeadingWord::kOption},
    {"Вариант", HeadingWord::kOption},
    {"ВАРИАНТ", HeadingWord::kOption},
    {"الخيار", HeadingWord::kOption},
}};

// ASCII only: non-ASCII bytes pass unchanged, which is what UTF-8 matching needs.
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// ASCII letters compare without case; other bytes exactly.
bool StartsWithFolded(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

// A short line with ASCII letters lowercased, in a fixed buffer (no allocation per line).
class LoweredLine {
 public:
  explicit LoweredLine(std::string_view line) : size_(std::min(line.size(), buffer_.size())) {
    for (std::size_t i = 0; i < size_; ++i) buffer_[i] = Lower(line[i]);
  }
  bool Contains(std::string_view needle) const {
    return std::string_view(buffer_.data(), size_).find(needle) != std::string_view::npos;
  }

 private:
  std::array<char, 512> buffer_;
  std::size_t size_;
};

bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> endings) {
  for (std::string_view e : endings) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

constexpr std::size_t kMaxFormulaBytes = 200;
constexpr std::size_t kMaxOpenerBytes = 400;

}  // namespace

HeadingWordMatch MatchHeadingWord(std::string_view line) {
  if (line.empty()) return {};
  const char first = Lower(line[0]);
  for (const WordEntry& entry : kWords) {
    if (Lower(entry.text[0]) != first || !StartsWithFolded(line, entry.text)) continue;
    const std::size_t n = entry.text.size();
    if (n == line.size() || line[n] == ' ') return {entry.word, n};
  }
  for (const WordEntry& entry : kUnspacedWords) {
    if (line.substr(0, entry.text.size()) == entry.text) return {entry.word, entry.text.size()};
  }
  return {};
}

bool MatchChineseHeading(std::string_view line, HeadingWord* word, std::size_t* number_begin,
                         std::size_t* number_end, std::size_t* length) {
  static constexpr std::string_view kDi = "第";
  if (line.substr(0, kDi.size()) != kDi) return false;
  const ParsedNumber number = ParseChineseNumber(line.substr(kDi.size()));
  if (number.length == 0) return false;
  const std::size_t unit_at = kDi.size() + number.length;
  static constexpr std::array<std::pair<std::string_view, HeadingWord>, 5> kUnits = {{
      {"条", HeadingWord::kArticle},
      {"章", HeadingWord::kChapter},
      {"节", HeadingWord::kSection},
      {"部分", HeadingWord::kPart},
      {"编", HeadingWord::kPart},
  }};
  for (const auto& [unit, kind] : kUnits) {
    if (line.substr(unit_at, unit.size()) == unit) {
      *word = kind;
      *number_begin = kDi.size();
      *number_end = unit_at;
      *length = unit_at + unit.size();
      return true;
    }
  }
  return false;
}

bool IsEnactingFormula(std::string_view line) {
  if (line.size() > kMaxFormulaBytes) return false;
  static constexpr std::array<std::string_view, 7> kFormulae = {"agree as follows",
                                                                "convenido en lo siguiente",
                                                                "convenus de ce qui suit",
                                                                "нижеследующем",
                                                                "兹协议如下",
                                                                "议定如下",
                                                                "اتفقت على ما يلي"};
  const LoweredLine lower(line);
  for (std::string_view f : kFormulae) {
    if (lower.Contains(f)) return true;
  }
  // "agreed as follows" contains "agree" but not "agree as follows".
  return lower.Contains("agreed as follows");
}

bool IsClosingFormula(std::string_view line) {
  static constexpr std::array<std::string_view, 14> kOpenings = {
      "in witness whereof",   "done at ",     "done in ",     "en fe de lo cual",
      "en foi de quoi",       "hecho en ",    "fait à ",      "В УДОСТОВЕРЕНИЕ ЧЕГО",
      "В удостоверение чего", "Совершено в ", "СОВЕРШЕНО в ", "下列签署人",
      "وإثباتا لذلك",         "حررت في"};
  for (std::string_view opening : kOpenings) {
    if (StartsWithFolded(line, opening)) return true;
  }
  return false;
}

bool IsMeetingLine(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 4 && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i == 0 || i + 2 > line.size()) return false;
  const std::string_view ordinal = line.substr(i, 2);
  if (ordinal != "st" && ordinal != "nd" && ordinal != "rd" && ordinal != "th") return false;
  std::string_view rest = line.substr(i + 2);
  if (rest.substr(0, 1) != " ") return false;
  rest.remove_prefix(1);
  if (StartsWithFolded(rest, "(resumed) ")) rest.remove_prefix(10);
  return StartsWithFolded(rest, "plenary meeting");
}

bool LooksLikePreambleOpener(std::string_view line) {
  if (line.size() > kMaxOpenerBytes || line.size() < 8) return false;
  if (!EndsWithAny(line, {",", ";", ":", "،", "，", "：", "؛"})) return false;
  static constexpr std::array<std::string_view, 9> kStarts = {
      "the ", "los ", "las ", "les ", "la ", "le ", "Государства", "إن ", "本"};
  bool starts = false;
  for (std::string_view s : kStarts) starts = starts || StartsWithFolded(line, s);
  const LoweredLine lower(line);
  if (!starts && !lower.Contains("缔约国")) return false;
  static constexpr std::array<std::string_view, 20> kSpeakers = {
      "state",       "parties",   "assembly", "council", "government", "conference", "commission",
      "committee",   "members",   "estados",  "États",   "etats",      "asamblea",   "assemblée",
      "Государства", "Ассамблея", "缔约国",   "大会",    "الدول",      "الجمعية"};
  for (std::string_view speaker : kSpeakers) {
    if (lower.Contains(speaker)) return true;
  }
  return false;
}

}  // namespace tw::doc
