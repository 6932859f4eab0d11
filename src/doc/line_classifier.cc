#include "doc/line_classifier.h"

#include <cctype>

#include "doc/heading_words.h"
#include "doc/numbering.h"

namespace tw::doc {
namespace {

// Heading and title limits, measured on the corpus: the longest article heading of the UN
// convention is 88 bytes, the longest title block line (interpretative notes) 290 bytes.
constexpr std::size_t kMaxTitleBytes = 500;
constexpr std::size_t kMaxHeadingBytes = 300;
constexpr int kMaxHeadingWords = 30;
constexpr std::size_t kMaxStructuralLookingBytes = 40;
constexpr int kMaxParagraphNumber = 999;
constexpr std::size_t kMaxLabelToken = 6;
constexpr std::size_t kMaxBracketPrefix = 8;

bool IsSpace(char c) { return c == ' '; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

std::size_t SkipSpaces(std::string_view s, std::size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Sentence-final punctuation in the six languages ('.' ',' ':' '!' '?', CJK and Arabic forms).
bool EndsLikeSentence(std::string_view s) {
  if (s.empty()) return false;
  const char last = s.back();
  if (last == '.' || last == ',' || last == ':' || last == '!' || last == '?') return true;
  return EndsWith(s, "。") || EndsWith(s, "，") || EndsWith(s, "：") || EndsWith(s, "،") ||
         EndsWith(s, "…");
}

bool EndsWithSemicolon(std::string_view s) {
  return EndsWith(s, ";") || EndsWith(s, "；") || EndsWith(s, "؛");
}

bool TitleLike(std::string_view s) {
  return !s.empty() && s.size() <= kMaxTitleBytes && !EndsLikeSentence(s);
}

bool HeadingLike(std::string_view s) {
  if (s.empty() || s.size() > kMaxHeadingBytes || EndsLikeSentence(s) || EndsWithSemicolon(s)) {
    return false;
  }
  if (IsLowerAscii(s[0])) return false;
  int words = 1;
  for (char c : s) words += c == ' ';
  return words <= kMaxHeadingWords;
}

// A separator between a number and a same-line heading: ". ", ": ", " – ", " — ", " - ".
// Returns the bytes it takes (0 if none) and whether it belongs to the label (the full stop).
std::size_t SeparatorLength(std::string_view s, bool* part_of_label) {
  *part_of_label = false;
  if (s.empty()) return 0;
  if (s[0] == '.' || s[0] == ':') {
    if (s.size() == 1 || IsSpace(s[1])) {
      *part_of_label = s[0] == '.';
      return 1;
    }
    return 0;
  }
  if (!IsSpace(s[0])) return 0;
  const std::size_t i = SkipSpaces(s, 0);
  const std::string_view after = s.substr(i);
  for (std::string_view dash :
       {std::string_view("–"), std::string_view("—"), std::string_view("-")}) {
    if (after.substr(0, dash.size()) == dash &&
        (after.size() == dash.size() || IsSpace(after[dash.size()]))) {
      return i + dash.size();
    }
  }
  return 0;
}

// "(proposed)", "(new)", "(revised text)": lowercase words in parentheses after a number.
std::size_t QualifierLength(std::string_view s) {
  std::size_t i = SkipSpaces(s, 0);
  if (i == 0 || i >= s.size() || s[i] != '(') return 0;
  std::size_t j = i + 1;
  while (j < s.size() && j < i + 40 && (IsLowerAscii(s[j]) || s[j] == ' ')) ++j;
  if (j == i + 1 || j >= s.size() || s[j] != ')') return 0;
  return j + 1;
}

// After a heading word and its designation: the label end, the separator and the rest.
// Returns false when the line goes on like a sentence ("Article 5 applies to ...").
bool FinishHeading(std::string_view line, std::size_t after_num, bool allow_qualifier,
                   LineInfo* info) {
  std::size_t at = after_num;
  if (allow_qualifier) {
    const std::size_t q = QualifierLength(line.substr(at));
    if (q > 0) {
      info->qualified = true;
      at += q;
    }
  }
  info->label_end = at;
  if (at < line.size() && line[at] == ']') {
    // "[Article 5]": the bracket closes around the heading only.
    ++at;
    at = SkipSpaces(line, at);
    info->rest = at;
    info->rest_is_heading = at < line.size() && HeadingLike(line.substr(at));
    return true;
  }
  if (at >= line.size()) {
    info->rest = line.size();
    return true;
  }
  bool label_stop = false;
  const std::size_t sep = SeparatorLength(line.substr(at), &label_stop);
  if (sep > 0) {
    if (label_stop) info->label_end = at + 1;
    info->rest = SkipSpaces(line, at + sep);
    info->rest_is_heading = info->rest < line.size() && HeadingLike(line.substr(info->rest));
    return true;
  }
  // "Article 5 Criminalisation": a heading after a plain space, if it reads as a heading.
  if (IsSpace(line[at])) {
    const std::size_t rest = SkipSpaces(line, at);
    if (rest < line.size() && !IsLowerAscii(line[rest]) && HeadingLike(line.substr(rest))) {
      info->rest = rest;
      info->rest_is_heading = true;
      return true;
    }
  }
  return false;
}

bool ClassifyNumbered(std::string_view line, std::size_t start, LineInfo* info) {
  const ParsedNumber digits = ParseDigits(line.substr(start));
  if (digits.length == 0 || digits.value > kMaxParagraphNumber) return false;
  std::size_t at = start + digits.length;
  std::string_view suffix;
  if (at < line.size() && line[at] != '.') {
    const Designation d = ParseDesignation(line.substr(start));
    if (d.length == 0 || d.suffix.empty() || d.suffix.size() == 1) return false;
    suffix = d.suffix;
    at = start + d.length;
  }
  if (at >= line.size() || line[at] != '.') return false;
  if (at + 1 < line.size() && !IsSpace(line[at + 1])) return false;
  info->kind = LineKind::kNumbered;
  info->num_begin = start;
  info->num_end = at;
  info->value = digits.value;
  info->suffix = suffix;
  info->label_end = at + 1;
  info->rest = SkipSpaces(line, at + 1);
  return true;
}

bool ClassifyLabelled(std::string_view line, std::size_t start, LineInfo* info) {
  std::size_t at = start;
  const bool paren = line[at] == '(';
  if (paren) ++at;
  const std::size_t token_begin = at;
  while (at < line.size() && IsLowerAscii(line[at]) && at - token_begin < kMaxLabelToken + 1) {
    ++at;
  }
  const std::size_t token_len = at - token_begin;
  if (token_len == 0 || token_len > kMaxLabelToken) return false;
  if (at >= line.size() || line[at] != ')') return false;
  if (at + 1 < line.size() && !IsSpace(line[at + 1])) return false;
  const std::string_view token = line.substr(token_begin, token_len);
  if (LetterValue(token) == 0 && RomanValue(token) == 0) return false;
  info->kind = LineKind::kLabelled;
  info->paren_label = paren;
  info->num_begin = token_begin;
  info->num_end = at;
  info->label_end = at + 1;
  info->rest = SkipSpaces(line, at + 1);
  return true;
}

// "23 and 35", "7 to 11", "2, 17 and 23": the designations of a notes heading.
std::size_t ArticleListLength(std::string_view s, int* first_value) {
  std::size_t at = 0;
  int items = 0;
  while (true) {
    const Designation d = ParseDesignation(s.substr(at));
    if (d.length == 0) break;
    if (items == 0) *first_value = d.value;
    ++items;
    at += d.length;
    std::string_view rest = s.substr(at);
    std::size_t joiner = 0;
    for (std::string_view j :
         {std::string_view(" and "), std::string_view(" to "), std::string_view(", "),
          std::string_view(" et "), std::string_view(" y ")}) {
      if (rest.substr(0, j.size()) == j) {
        joiner = j.size();
        break;
      }
    }
    if (joiner == 0 || ParseDesignation(rest.substr(joiner)).length == 0) break;
    at += joiner;
  }
  return items >= 2 ? at : 0;
}

bool ClassifyHeadingWord(std::string_view line, std::size_t start, LineInfo* info) {
  const std::string_view s = line.substr(start);
  HeadingWord word = HeadingWord::kNone;
  std::size_t num_begin = 0;
  std::size_t num_end = 0;
  std::size_t word_len = 0;
  bool chinese = false;
  if (MatchChineseHeading(s, &word, &num_begin, &num_end, &word_len)) {
    chinese = true;
  } else {
    const HeadingWordMatch match = MatchHeadingWord(s);
    word = match.word;
    word_len = match.length;
  }
  if (word == HeadingWord::kNone) return false;

  LineInfo out = *info;
  auto set_kind = [&out](HeadingWord w) {
    switch (w) {
      case HeadingWord::kPart:
        out.kind = LineKind::kPart;
        break;
      case HeadingWord::kChapter:
        out.kind = LineKind::kChapter;
        break;
      case HeadingWord::kSection:
        out.kind = LineKind::kSection;
        break;
      case HeadingWord::kTitle:
        out.kind = LineKind::kTitle;
        break;
      case HeadingWord::kArticle:
        out.kind = LineKind::kArticle;
        break;
      case HeadingWord::kArticles:
        out.kind = LineKind::kArticleGroup;
        break;
      case HeadingWord::kAnnex:
        out.kind = LineKind::kAnnex;
        break;
      case HeadingWord::kPreamble:
        out.kind = LineKind::kPreambleHeading;
        break;
      case HeadingWord::kOption:
        out.kind = LineKind::kOption;
        break;
      case HeadingWord::kNone:
        break;
    }
  };

  if (chinese) {
    out.num_begin = start + num_begin;
    out.num_end = start + num_end;
    out.value = ParseChineseNumber(s.substr(num_begin, num_end - num_begin)).value;
    if (!FinishHeading(line, start + word_len, false, &out)) return false;
    set_kind(word);
    *info = out;
    return true;
  }

  const std::size_t after_word = SkipSpaces(line, start + word_len);
  switch (word) {
    case HeadingWord::kPreamble: {
      std::string_view rest = line.substr(after_word);
      if (!(rest.empty() || rest == ":")) return false;
      out.label_end = start + word_len;
      out.rest = line.size();
      set_kind(word);
      *info = out;
      return true;
    }
    case HeadingWord::kAnnex: {
      if (after_word >= line.size()) {
        out.label_end = start + word_len;
        out.rest = line.size();
        set_kind(word);
        *info = out;
        return true;
      }
      Designation d = ParseDesignation(line.substr(after_word));
      if (d.length == 0 && std::isupper(static_cast<unsigned char>(line[after_word])) &&
          (after_word + 1 == line.size() ||
           !std::isalnum(static_cast<unsigned char>(line[after_word + 1])))) {
        d.length = 1;  // "Annex A"
        d.value = line[after_word] - 'A' + 1;
      }
      if (d.length == 0) {
        // "Annex" followed by its title on the same line after a separator.
        bool label_stop = false;
        const std::size_t sep = SeparatorLength(line.substr(start + word_len), &label_stop);
        if (sep == 0) return false;
        out.label_end = start + word_len;
        out.rest = SkipSpaces(line, start + word_len + sep);
        out.rest_is_heading = HeadingLike(line.substr(out.rest));
        if (!out.rest_is_heading) return false;
        set_kind(word);
        *info = out;
        return true;
      }
      out.num_begin = after_word;
      out.num_end = after_word + d.length;
      out.value = d.value;
      out.suffix = d.suffix;
      if (!FinishHeading(line, out.num_end, false, &out)) return false;
      set_kind(word);
      *info = out;
      return true;
    }
    case HeadingWord::kOption: {
      Designation d = ParseDesignation(line.substr(after_word));
      if (d.length == 0 && after_word < line.size() &&
          std::isupper(static_cast<unsigned char>(line[after_word])) &&
          (after_word + 1 == line.size() ||
           !std::isalnum(static_cast<unsigned char>(line[after_word + 1])))) {
        d.length = 1;  // "Option A"
        d.value = line[after_word] - 'A' + 1;
      }
      if (d.length == 0) return false;
      out.num_begin = after_word;
      out.num_end = after_word + d.length;
      out.value = d.value;
      out.suffix = d.suffix;
      out.label_end = out.num_end;
      std::size_t at = out.num_end;
      if (at < line.size() && line[at] == ']') ++at;
      if (at < line.size()) {
        bool label_stop = false;
        const std::size_t sep = SeparatorLength(line.substr(at), &label_stop);
        if (sep == 0 && line[at - 1] != ']') return false;
        at += sep;
      }
      out.rest = SkipSpaces(line, at);
      set_kind(word);
      *info = out;
      return true;
    }
    case HeadingWord::kArticles: {
      int first = 0;
      const std::size_t len = ArticleListLength(line.substr(after_word), &first);
      if (len == 0 || line.size() > kMaxHeadingBytes) return false;
      out.num_begin = after_word;
      out.num_end = after_word + len;
      out.value = first;
      std::size_t at = out.num_end;
      if (const std::size_t q = QualifierLength(line.substr(at)); q > 0) {
        out.qualified = true;  // "Articles 12 and 14 (proposed)"
        at += q;
      }
      out.label_end = at;
      if (at < line.size()) {
        if (line.substr(at, 2) != ", ") return false;
        out.rest = SkipSpaces(line, at + 2);
        out.rest_is_heading = true;
      } else {
        out.rest = line.size();
      }
      set_kind(word);
      *info = out;
      return true;
    }
    default: {
      const Designation d = ParseDesignation(line.substr(after_word));
      if (d.length == 0 || after_word == start + word_len) return false;
      if (word == HeadingWord::kTitle &&
          !std::isdigit(static_cast<unsigned char>(line[after_word])) &&
          ParseRoman(line.substr(after_word)).length == 0) {
        return false;  // "Title One" is too close to English prose to trust
      }
      out.num_begin = after_word;
      out.num_end = after_word + d.length;
      out.value = d.value;
      out.suffix = d.suffix;
      if (!FinishHeading(line, out.num_end, word == HeadingWord::kArticle, &out)) return false;
      set_kind(word);
      *info = out;
      return true;
    }
  }
}

bool IsDash(std::string_view s) {
  for (std::string_view dash :
       {std::string_view("– "), std::string_view("— "), std::string_view("- "),
        std::string_view("• "), std::string_view("* ")}) {
    if (s.substr(0, dash.size()) == dash) return true;
  }
  return false;
}

bool IsResolutionNumber(std::string_view s) {
  // "79/243. Title"
  std::size_t i = 0;
  while (i < s.size() && i < 3 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i >= s.size() || s[i] != '/') return false;
  std::size_t j = i + 1;
  while (j < s.size() && j - i <= 4 && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  return j > i + 1 && j + 1 < s.size() && s[j] == '.' && s[j + 1] == ' ';
}

}  // namespace

LineInfo ClassifyLine(std::string_view line) {
  LineInfo info;
  info.rest = 0;
  std::size_t start = 0;
  while (start < line.size() && start < kMaxBracketPrefix &&
         (line[start] == '[' || IsSpace(line[start]))) {
    info.bracketed = info.bracketed || line[start] == '[';
    ++start;
  }
  if (start < line.size()) {
    info.label_begin = start;
    const char c = line[start];
    bool found = false;
    if (std::isdigit(static_cast<unsigned char>(c))) {
      found = ClassifyNumbered(line, start, &info);
      if (!found && start == 0 && IsMeetingLine(line)) {
        info.kind = LineKind::kMeeting;
        found = true;
      }
    } else if (c == '(' || IsLowerAscii(c)) {
      found = ClassifyLabelled(line, start, &info);
    }
    if (!found) found = ClassifyHeadingWord(line, start, &info);
    if (found) return info;
  }
  // Plain text: the whole line, brackets included.
  info = LineInfo{};
  const std::string_view s = line;
  if (IsDash(s)) {
    info.kind = LineKind::kDash;
    return info;
  }
  if (IsClosingFormula(s)) {
    info.kind = LineKind::kClosing;
    return info;
  }
  if (IsEnactingFormula(s)) {
    info.kind = LineKind::kEnacting;
    return info;
  }
  info.title_like = TitleLike(s);
  info.heading_like = info.title_like && HeadingLike(s);
  info.opener_like = LooksLikePreambleOpener(s);
  info.resolution_number = IsResolutionNumber(s);
  if (s.size() <= kMaxStructuralLookingBytes && !EndsLikeSentence(s)) {
    const HeadingWordMatch word = MatchHeadingWord(s);
    if (word.word != HeadingWord::kNone && word.word != HeadingWord::kOption &&
        word.length < s.size()) {
      // "Article 5(2)", "Chapter Two bis" ...: a heading word with a number we could not read.
      const std::size_t at = SkipSpaces(s, word.length);
      const auto next = static_cast<unsigned char>(at < s.size() ? s[at] : ' ');
      info.structural_looking = std::isdigit(next) || std::isupper(next);
    }
  }
  return info;
}

bool IsFootnoteSeparator(std::string_view line) {
  std::size_t n = 0;
  for (char c : line) {
    if (c == '_') {
      ++n;
    } else if (!IsSpace(c)) {
      return false;
    }
  }
  return n >= 5;
}

int FootnoteBodyNumber(std::string_view line, std::size_t* body_begin) {
  if (line.size() < 3 || line[0] != '[') return 0;
  std::size_t i = 1;
  int value = 0;
  while (i < line.size() && i < 5 && std::isdigit(static_cast<unsigned char>(line[i]))) {
    value = value * 10 + (line[i] - '0');
    ++i;
  }
  if (i == 1 || i >= line.size() || line[i] != ']' || value == 0) return 0;
  *body_begin = SkipSpaces(line, i + 1);
  return value;
}

}  // namespace tw::doc
