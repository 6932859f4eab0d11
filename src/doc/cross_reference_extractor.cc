#include "doc/cross_reference_extractor.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "doc/numbering.h"

namespace tw::doc {
namespace {

constexpr std::size_t kMaxInstrumentWords = 16;
constexpr int kMaxPlausibleRoman = 39;

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithFolded(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (Lower(s[i]) != lower_prefix[i]) return false;
  }
  return true;
}

enum class Head { kNone, kArticle, kParagraph, kPoint };

constexpr std::array<bool, 256> MakeKeywordFirst() {
  std::array<bool, 256> table{};
  for (char c : {'a', 'A', 'p', 'P', 's', 'S'}) table[static_cast<unsigned char>(c)] = true;
  return table;
}
constexpr std::array<bool, 256> kKeywordFirst = MakeKeywordFirst();

// The next position from `i` where a keyword may start: "ar"ticle, "pa"ragraph, "po"int,
// "su"bparagraph at a word start; s.size() if none. A tight loop of its own (one table load and
// one predictable branch per byte) because it sees every byte of the document.
std::size_t NextCandidate(std::string_view s, std::size_t i) {
  const char* p = s.data();
  const std::size_t n = s.size();
  for (; i + 1 < n; ++i) {
    if (!kKeywordFirst[static_cast<unsigned char>(p[i])]) continue;
    if (i > 0 && IsAlnum(p[i - 1])) continue;
    const char first = Lower(p[i]);
    const char second = Lower(p[i + 1]);
    if ((first == 'a' && second == 'r') || (first == 'p' && (second == 'a' || second == 'o')) ||
        (first == 's' && second == 'u')) {
      return i;
    }
  }
  return n;
}

struct Keyword {
  std::string_view text;  // lowercase
  Head head;
};

// Longer spellings first: "articles" before "article".
constexpr std::array<Keyword, 14> kKeywords = {{
    {"subparagraphs", Head::kPoint},
    {"subparagraph", Head::kPoint},
    {"sub-paragraphs", Head::kPoint},
    {"sub-paragraph", Head::kPoint},
    {"points", Head::kPoint},
    {"point", Head::kPoint},
    {"paragraphs", Head::kParagraph},
    {"paragraph", Head::kParagraph},
    {"paras.", Head::kParagraph},
    {"para.", Head::kParagraph},
    {"articles", Head::kArticle},
    {"article", Head::kArticle},
    {"arts.", Head::kArticle},
    {"art.", Head::kArticle},
}};

constexpr std::array<std::string_view, 17> kConnectors = {
    "of",         "on",       "and",     "the", "for",   "against", "in", "to", "with",
    "concerning", "relating", "between", "or",  "other", "its",     "de", "des"};

bool IsConnector(std::string_view word) {
  for (std::string_view c : kConnectors) {
    if (c == word) return true;
  }
  return false;
}

// A token inside "(...)": lowercase letters (a point) or digits (a paragraph, as in "24(2)").
bool IsPointToken(std::string_view t) {
  if (t.empty() || t.size() > 6) return false;
  return std::all_of(t.begin(), t.end(), IsLower) && (LetterValue(t) > 0 || RomanValue(t) > 0);
}

bool PlausibleRoman(std::string_view t) {
  const int v = RomanValue(t);
  return v > 0 && v <= kMaxPlausibleRoman && t != "c" && t != "d" && t != "l" && t != "m";
}

std::string RomanToken(int value) {
  static constexpr std::array<std::pair<int, std::string_view>, 6> kParts = {
      {{40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  std::string out;
  for (const auto& [v, text] : kParts) {
    while (value >= v) {
      out += text;
      value -= v;
    }
  }
  return out;
}

std::string LetterToken(int value) {
  if (value <= 26) return std::string(1, static_cast<char>('a' + value - 1));
  return std::string(2, static_cast<char>('a' + value - 27));
}

// "(a) to (c)" -> a, b, c; "(i) to (iii)" -> i, ii, iii. Empty when not a valid range.
std::vector<std::string> ExpandPointRange(std::string_view from, std::string_view to) {
  std::vector<std::string> out;
  if (PlausibleRoman(from) && PlausibleRoman(to) && RomanValue(to) > RomanValue(from)) {
    for (int v = RomanValue(from); v <= RomanValue(to); ++v) out.push_back(RomanToken(v));
    return out;
  }
  const int a = LetterValue(from);
  const int b = LetterValue(to);
  if (a > 0 && b > a) {
    for (int v = a; v <= b; ++v) out.push_back(LetterToken(v));
  }
  return out;
}

// Levels of a point path alternate letters and roman numerals: "a", then "i". The deepest
// level whose kind `token` fits is the one it continues.
std::size_t SiblingLevel(const std::vector<std::string>& points, std::string_view token) {
  for (std::size_t level = points.size(); level-- > 0;) {
    const bool roman_level = level > 0 && PlausibleRoman(points[level]);
    if (roman_level ? PlausibleRoman(token) : LetterValue(token) > 0) return level;
  }
  return points.empty() ? 0 : points.size() - 1;
}

// Leading decimal value of a path number ("5bis" -> 5).
int LeadingValue(std::string_view number) {
  int v = 0;
  for (char c : number) {
    if (!IsDigit(c)) break;
    v = v * 10 + (c - '0');
    if (v > kMaxDesignationValue) return 0;
  }
  return v;
}

class ReferenceParser {
 public:
  ReferenceParser(std::string_view text, std::size_t offset) : s_(text), offset_(offset) {}

  std::vector<RawReference> Run() {
    std::vector<RawReference> out;
    for (std::size_t i = NextCandidate(s_, 0); i < s_.size();) {
      RawReference ref;
      const std::size_t end = ParseAt(i, &ref);
      if (end == 0) {
        i = NextCandidate(s_, i + 1);
        continue;
      }
      ref.begin = offset_ + i;
      ref.end = offset_ + end;
      // "Articles 14 to 21 and Articles 23 to 35 of the Convention": the qualifier is shared.
      if (!out.empty() && ref.scope != InstrumentScope::kUnqualified) {
        RawReference& previous = out.back();
        const std::string_view between =
            s_.substr(previous.end - offset_, i - (previous.end - offset_));
        if (previous.scope == InstrumentScope::kUnqualified && previous.base == ref.base &&
            (between == " and " || between == ", and " || between == " or ")) {
          previous.scope = ref.scope;
          previous.instrument = ref.instrument;
        }
      }
      out.push_back(std::move(ref));
      i = NextCandidate(s_, end);
    }
    return out;
  }

 private:
  bool Eat(std::size_t* i, std::string_view literal) const {
    if (s_.substr(*i, literal.size()) != literal) return false;
    *i += literal.size();
    return true;
  }

  bool EatFolded(std::size_t* i, std::string_view lower_literal) const {
    if (!StartsWithFolded(s_.substr(*i), lower_literal)) return false;
    *i += lower_literal.size();
    return true;
  }

  // A designation made of digits: "24", "5 bis", "12A". Returns the path number.
  bool Number(std::size_t* i, std::string* number) const {
    if (*i >= s_.size() || !IsDigit(s_[*i])) return false;
    const Designation d = ParseDesignation(s_.substr(*i));
    if (d.length == 0) return false;
    *number = PathNumber(d.value, d.suffix);
    *i += d.length;
    return true;
  }

  // "(e)", " (ii)", "(2)": one parenthesised token, optionally after one space.
  bool Group(std::size_t* i, std::string* token, bool* numeric) const {
    std::size_t j = *i;
    if (j < s_.size() && s_[j] == ' ') ++j;
    if (j >= s_.size() || s_[j] != '(') return false;
    const std::size_t close = s_.find(')', j);
    if (close == std::string_view::npos || close - j > 7) return false;
    const std::string_view t = s_.substr(j + 1, close - j - 1);
    *numeric = !t.empty() && std::all_of(t.begin(), t.end(), IsDigit);
    if (!*numeric && !IsPointToken(t)) return false;
    *token = std::string(t);
    *i = close + 1;
    return true;
  }

  // Groups after a number: a first numeric group is a paragraph (article items only).
  void Groups(std::size_t* i, ReferenceItem* item, bool allow_paragraph) const {
    std::string token;
    bool numeric = false;
    bool first = true;
    while (true) {
      std::size_t j = *i;
      if (!Group(&j, &token, &numeric)) break;
      if (numeric) {
        if (!first || !allow_paragraph || !item->paragraph.empty()) break;
        item->paragraph = token;
      } else {
        item->points.push_back(token);
      }
      *i = j;
      first = false;
    }
  }

  // Council of Europe style "paragraph 1.b", "paragraph 9.e.": points after a full stop.
  void DottedPoints(std::size_t* i, ReferenceItem* item) const {
    while (*i + 1 < s_.size() && s_[*i] == '.' && IsLower(s_[*i + 1])) {
      std::size_t end = *i + 1;
      while (end < s_.size() && IsLower(s_[end])) ++end;
      const std::string_view token = s_.substr(*i + 1, end - *i - 1);
      if ((end < s_.size() && IsAlnum(s_[end])) || !IsPointToken(token)) return;
      item->points.emplace_back(token);
      *i = end;
    }
  }

  // After an item with points: " to (c)", ", (b)", " and (d)" add siblings of the last point.
  void PointSiblings(std::size_t* i, std::vector<ReferenceItem>* items, bool* truncated) const {
    while (!items->empty() && !items->back().points.empty()) {
      std::size_t j = *i;
      const bool range = Eat(&j, " to ") || Eat(&j, " through ");
      if (!range && !(Eat(&j, ", and ") || Eat(&j, ", or ") || Eat(&j, " and ") ||
                      Eat(&j, " or ") || Eat(&j, ", "))) {
        return;
      }
      std::string token;
      bool numeric = false;
      if (!Group(&j, &token, &numeric) || numeric) return;
      // "(a) (i) or (ii) or (b)": the new token replaces the deepest level it can belong to.
      ReferenceItem sibling = items->back();
      const std::size_t level = SiblingLevel(sibling.points, token);
      sibling.points.resize(level + 1);
      if (range) {
        const std::vector<std::string> expanded = ExpandPointRange(sibling.points.back(), token);
        if (expanded.empty()) return;
        for (std::size_t k = 1; k < expanded.size(); ++k) {
          if (items->size() >= kMaxTargetsPerReference) {
            *truncated = true;
            break;
          }
          sibling.points.back() = expanded[k];
          items->push_back(sibling);
        }
      } else {
        sibling.points.back() = token;
        items->push_back(std::move(sibling));
      }
      *i = j;
    }
  }

  // Between items of a list: ", ", " and ", ", and ", " or ". True (and moves) only if a number
  // follows.
  bool ListJoiner(std::size_t* i) const {
    for (std::string_view j :
         {std::string_view(", and "), std::string_view(", or "), std::string_view(" and "),
          std::string_view(" or "), std::string_view(", ")}) {
      std::size_t k = *i;
      if (Eat(&k, j) && k < s_.size() && IsDigit(s_[k])) {
        *i = k;
        return true;
      }
    }
    return false;
  }

  bool RangeJoiner(std::size_t* i) const {
    for (std::string_view j :
         {std::string_view(" to "), std::string_view(" through "), std::string_view("–"),
          std::string_view(" – "), std::string_view("-")}) {
      std::size_t k = *i;
      if (Eat(&k, j) && k < s_.size() && IsDigit(s_[k])) {
        *i = k;
        return true;
      }
    }
    return false;
  }

  // "1", "1 and 2", "1 to 3", each with points: the paragraphs of one article (or relative).
  // `single`: after "article 57, paragraph 5 (g)" the next numbers are articles again
  // ("..., 61 and 62"); after "paragraphs" they are paragraphs.
  bool ParagraphItems(std::size_t* i, const std::string& article, std::vector<ReferenceItem>* items,
                      bool* truncated, bool single = false) const {
    bool any = false;
    while (true) {
      std::size_t j = *i;
      ReferenceItem item;
      item.article = article;
      if (!Number(&j, &item.paragraph)) break;
      DottedPoints(&j, &item);
      Groups(&j, &item, false);
      items->push_back(item);
      any = true;
      PointSiblings(&j, items, truncated);
      std::size_t k = j;
      if (item.points.empty() && RangeJoiner(&k)) {
        std::string to;
        if (Number(&k, &to)) {
          const int a = LeadingValue(item.paragraph);
          const int b = LeadingValue(to);
          for (int v = a + 1; v <= b; ++v) {
            if (items->size() >= kMaxTargetsPerReference) {
              *truncated = true;
              break;
            }
            ReferenceItem next;
            next.article = article;
            next.paragraph = std::to_string(v);
            items->push_back(next);
          }
          j = k;
        }
      }
      *i = j;
      std::size_t m = j;
      if (single || !ListJoiner(&m)) break;
      *i = m;
    }
    return any;
  }

  bool ArticleItems(std::size_t* i, std::vector<ReferenceItem>* items, bool* truncated) const {
    bool any = false;
    while (true) {
      std::size_t j = *i;
      ReferenceItem item;
      if (!Number(&j, &item.article)) break;
      Groups(&j, &item, true);
      // "article 24, paragraph 2", "article 46, paragraphs 1 and 2"
      std::size_t k = j;
      bool plural = false;
      if (item.paragraph.empty() && item.points.empty() &&
          ((plural = Eat(&k, ", paragraphs ") || Eat(&k, ", paras. ") || Eat(&k, " paragraphs ")) ||
           Eat(&k, ", paragraph ") || Eat(&k, ", para. ") || Eat(&k, " paragraph "))) {
        std::vector<ReferenceItem> paragraphs;
        bool parsed = ParagraphItems(&k, item.article, &paragraphs, truncated, !plural);
        // "article 40, paragraph 21 (b) and (c) and paragraph 22"
        while (parsed) {
          std::size_t m = k;
          if (!(Eat(&m, " and paragraphs ") || Eat(&m, " and paragraph ") ||
                Eat(&m, ", paragraphs ") || Eat(&m, ", paragraph "))) {
            break;
          }
          if (!ParagraphItems(&m, item.article, &paragraphs, truncated, !plural)) break;
          k = m;
        }
        if (parsed) {
          for (ReferenceItem& p : paragraphs) items->push_back(std::move(p));
          any = true;
          *i = k;
          std::size_t m = k;
          if (!ListJoiner(&m)) break;
          *i = m;
          continue;
        }
      }
      items->push_back(item);
      any = true;
      PointSiblings(&j, items, truncated);
      k = j;
      if (item.paragraph.empty() && item.points.empty() && RangeJoiner(&k)) {
        std::string to;
        if (Number(&k, &to)) {
          items->back().article_to = to;
          j = k;
        }
      }
      *i = j;
      std::size_t m = j;
      if (!ListJoiner(&m)) break;
      *i = m;
    }
    return any;
  }

  bool PointItems(std::size_t* i, std::vector<ReferenceItem>* items, bool* truncated) const {
    std::size_t j = *i;
    std::string token;
    bool numeric = false;
    if (!Group(&j, &token, &numeric) || numeric) return false;
    ReferenceItem item;
    item.points.push_back(token);
    while (Group(&j, &token, &numeric) && !numeric) item.points.push_back(token);
    items->push_back(std::move(item));
    PointSiblings(&j, items, truncated);
    *i = j;
    return true;
  }

  // The capitalised name after "of the ": "Budapest Convention", "International Covenant on
  // Civil and Political Rights". Returns its end (0 if none) and the name.
  std::size_t InstrumentName(std::size_t at, std::string* name, bool* generic) const {
    std::size_t j = at;
    std::size_t last_capital_end = 0;
    std::size_t words = 0;
    std::size_t first_word_end = 0;
    while (j < s_.size() && words < kMaxInstrumentWords) {
      std::size_t end = j;
      while (end < s_.size() && s_[end] != ' ') ++end;
      std::size_t word_end = end;
      bool stop = false;
      while (word_end > j &&
             (s_[word_end - 1] == ',' || s_[word_end - 1] == '.' || s_[word_end - 1] == ';' ||
              s_[word_end - 1] == ':' || s_[word_end - 1] == ')')) {
        --word_end;
        stop = true;
      }
      if (word_end == j) break;
      const std::string_view word = s_.substr(j, word_end - j);
      const auto first = static_cast<unsigned char>(word[0]);
      const bool capital = std::isupper(first) || first >= 0xC0;
      if (!capital && !IsConnector(word)) break;
      ++words;
      if (capital) last_capital_end = word_end;
      if (words == 1) first_word_end = word_end;
      if (stop || end >= s_.size()) break;
      j = end + 1;
    }
    if (last_capital_end > 0) {
      *name = std::string(s_.substr(at, last_capital_end - at));
      *generic = last_capital_end == first_word_end &&
                 (*name == "Convention" || *name == "Protocol" || *name == "Agreement");
      return last_capital_end;
    }
    // Lowercase: "the convention", "the protocol", "the zero draft", "the first revised draft".
    for (std::string_view noun : {std::string_view("convention"), std::string_view("protocol")}) {
      if (s_.substr(at, noun.size()) == noun &&
          (at + noun.size() == s_.size() || !IsAlnum(s_[at + noun.size()]))) {
        *name = std::string(noun);
        *generic = true;
        return at + noun.size();
      }
    }
    std::size_t k = at;
    for (int w = 0; w < 4 && k < s_.size(); ++w) {
      std::size_t end = k;
      while (end < s_.size() && IsLower(s_[end])) ++end;
      if (end == k) break;
      if (s_.substr(k, end - k) == "draft") {
        *name = std::string(s_.substr(at, end - at));
        *generic = false;
        return end;
      }
      if (end >= s_.size() || s_[end] != ' ') break;
      k = end + 1;
    }
    return 0;
  }

  // Qualifiers after the items: "of this article", "of article 5", "of paragraph 1",
  // "of this Convention", "of the X", "above", "below".
  std::size_t Qualifiers(std::size_t i, RawReference* ref) const {
    for (int round = 0; round < 4; ++round) {
      std::size_t j = i;
      if (Eat(&j, " above") || Eat(&j, " below")) {
        if (j < s_.size() && IsAlnum(s_[j])) return i;
        i = j;
        continue;
      }
      // "paragraph 22, of this Convention": a comma may stand before the qualifier.
      if (!Eat(&j, " of ") && !Eat(&j, ", of ")) return i;
      std::size_t k = j;
      if (Eat(&k, "this ") || Eat(&k, "the present ")) {
        std::size_t end = k;
        while (end < s_.size() && IsAlnum(s_[end])) ++end;
        if (end == k) return i;
        const std::string_view noun = s_.substr(k, end - k);
        if (StartsWithFolded(noun, "article") || StartsWithFolded(noun, "paragraph") ||
            StartsWithFolded(noun, "subparagraph")) {
          // Relative to the provision holding the words: the base already says so.
        } else if (ref->scope == InstrumentScope::kUnqualified) {
          ref->scope = InstrumentScope::kThis;
        }
        i = end;
        continue;
      }
      k = j;
      if ((ref->base == ReferenceBase::kParagraphs || ref->base == ReferenceBase::kPoints) &&
          (EatFolded(&k, "article ") || EatFolded(&k, "art. "))) {
        std::string article;
        ReferenceItem groups;
        if (!Number(&k, &article)) return i;
        Groups(&k, &groups, true);
        for (ReferenceItem& item : ref->items) {
          item.article = article;
          if (ref->base == ReferenceBase::kPoints && !groups.paragraph.empty()) {
            item.paragraph = groups.paragraph;
          }
        }
        ref->base = ReferenceBase::kArticles;
        i = k;
        continue;
      }
      k = j;
      if (ref->base == ReferenceBase::kPoints && Eat(&k, "paragraph ")) {
        ReferenceItem paragraph;
        if (!Number(&k, &paragraph.paragraph)) return i;
        Groups(&k, &paragraph, false);
        for (ReferenceItem& item : ref->items) {
          item.paragraph = paragraph.paragraph;
          item.points.insert(item.points.begin(), paragraph.points.begin(), paragraph.points.end());
        }
        ref->base = ReferenceBase::kParagraphs;
        i = k;
        continue;
      }
      k = j;
      if (Eat(&k, "resolution ")) {
        std::size_t end = k;
        while (end < s_.size() && (IsDigit(s_[end]) || s_[end] == '/')) ++end;
        if (end == k || ref->scope != InstrumentScope::kUnqualified) return i;
        ref->scope = InstrumentScope::kNamed;
        ref->instrument = std::string(s_.substr(j, end - j));
        i = end;
        continue;
      }
      k = j;
      if (Eat(&k, "the ") && ref->scope == InstrumentScope::kUnqualified) {
        std::string name;
        bool generic = false;
        const std::size_t end = InstrumentName(k, &name, &generic);
        if (end == 0) return i;
        ref->scope = generic ? InstrumentScope::kGeneric : InstrumentScope::kNamed;
        ref->instrument = std::move(name);
        i = end;
        continue;
      }
      return i;
    }
    return i;
  }

  // Parses a reference starting at word `i`; returns its end, or 0 if there is none.
  std::size_t ParseAt(std::size_t i, RawReference* ref) const {
    Head head = Head::kNone;
    std::size_t j = i;
    for (const Keyword& k : kKeywords) {
      if (StartsWithFolded(s_.substr(i), k.text)) {
        const std::size_t after = i + k.text.size();
        if (after < s_.size() && s_[after] == ' ') {
          head = k.head;
          j = after + 1;
          break;
        }
      }
    }
    if (head == Head::kNone) return 0;
    bool truncated = false;
    bool ok = false;
    switch (head) {
      case Head::kArticle:
        ref->base = ReferenceBase::kArticles;
        ok = ArticleItems(&j, &ref->items, &truncated);
        break;
      case Head::kParagraph:
        ref->base = ReferenceBase::kParagraphs;
        ok = ParagraphItems(&j, "", &ref->items, &truncated);
        break;
      case Head::kPoint:
        ref->base = ReferenceBase::kPoints;
        ok = PointItems(&j, &ref->items, &truncated);
        break;
      case Head::kNone:
        break;
    }
    if (!ok) return 0;
    ref->truncated = truncated;
    return Qualifiers(j, ref);
  }

  std::string_view s_;
  std::size_t offset_;
};

std::string JoinPoints(std::string path, const std::vector<std::string>& points) {
  for (const std::string& p : points) {
    path += '.';
    path += p;
  }
  return path;
}

void AddUnique(std::vector<std::string>* list, std::string value) {
  if (std::find(list->begin(), list->end(), value) == list->end()) {
    list->push_back(std::move(value));
  }
}

class Resolver {
 public:
  Resolver(const RawReference& ref, const ReferenceContext& context, const ProvisionLookup& lookup,
           ResolvedReference* out)
      : ref_(ref), context_(context), lookup_(lookup), out_(out) {}

  void Run() {
    external_ = ref_.scope == InstrumentScope::kNamed ||
                (ref_.scope == InstrumentScope::kGeneric && !context_.has_generic);
    if (external_) out_->instrument = ref_.instrument;
    prefix_ = context_.container_prefix;
    if (ref_.scope == InstrumentScope::kGeneric && context_.has_generic) {
      prefix_ = context_.generic_prefix;
    } else if (ref_.scope == InstrumentScope::kUnqualified &&
               ref_.base == ReferenceBase::kArticles && !context_.container_has_articles &&
               context_.has_generic) {
      // A resolution's "article 56" means the convention it annexes.
      prefix_ = context_.generic_prefix;
    }
    if (external_) prefix_.clear();
    for (const ReferenceItem& item : ref_.items) {
      if (out_->targets.size() >= kMaxTargetsPerReference) break;
      Item(item);
    }
  }

 private:
  void Item(const ReferenceItem& item) {
    if (!item.article_to.empty()) {
      Range(item);
      return;
    }
    switch (ref_.base) {
      case ReferenceBase::kArticles: {
        if (item.article.empty()) return;
        std::string base = prefix_ + "art" + item.article;
        std::string path = base;
        if (!item.paragraph.empty()) {
          path += ".p" + item.paragraph;
          base = path;
        }
        Target(base, JoinPoints(path, item.points));
        break;
      }
      case ReferenceBase::kParagraphs: {
        if (external_) return;
        const std::vector<std::string>& bases = context_.paragraph_bases;
        for (const std::string& b : bases) {
          const std::string paragraph = b + "p" + item.paragraph;
          if (lookup_.Exists(paragraph)) {
            Target(paragraph, JoinPoints(paragraph, item.points));
            return;
          }
        }
        const std::string first = (bases.empty() ? prefix_ : bases.front()) + "p" + item.paragraph;
        Target(first, JoinPoints(first, item.points));
        break;
      }
      case ReferenceBase::kPoints: {
        if (external_) return;
        if (context_.list_path.empty()) {
          AddUnique(&out_->missing, JoinPoints("", item.points));
          return;
        }
        // No fallback: the list's own paragraph is not what "subparagraph (b)" names.
        const std::string path = JoinPoints(context_.list_path, item.points);
        Target(path, path);
        break;
      }
    }
  }

  // `path` is what the words name; `floor` the shallowest ancestor we may fall back to.
  void Target(const std::string& floor, const std::string& path) {
    if (external_) {
      AddUnique(&out_->targets, path);
      return;
    }
    if (lookup_.Exists(path)) {
      AddUnique(&out_->targets, path);
      return;
    }
    std::string shorter = path;
    while (shorter.size() > floor.size()) {
      shorter.resize(shorter.rfind('.'));
      if (lookup_.Exists(shorter)) {
        AddUnique(&out_->targets, shorter);
        AddUnique(&out_->approximated, path + " -> " + shorter);
        return;
      }
    }
    AddUnique(&out_->missing, path);
  }

  void Range(const ReferenceItem& item) {
    const int from = LeadingValue(item.article);
    const int to = LeadingValue(item.article_to);
    if (!external_) {
      // Document order, so that "5 bis" between 5 and 6 is included.
      const std::vector<std::string>& numbers = lookup_.ArticleNumbers(prefix_);
      const auto first = std::find(numbers.begin(), numbers.end(), item.article);
      const auto last = std::find(numbers.begin(), numbers.end(), item.article_to);
      if (first != numbers.end() && last != numbers.end() && first <= last) {
        for (auto it = first; it != last + 1; ++it) {
          if (out_->targets.size() >= kMaxTargetsPerReference) return;
          AddUnique(&out_->targets, prefix_ + "art" + *it);
        }
        // Numbers the text skips inside the range are missing articles.
        for (int v = from; v <= to && v - from < static_cast<int>(kMaxTargetsPerReference); ++v) {
          const std::string path = prefix_ + "art" + std::to_string(v);
          if (!lookup_.Exists(path)) AddUnique(&out_->missing, path);
        }
        return;
      }
    }
    for (int v = from; v <= to && v - from < static_cast<int>(kMaxTargetsPerReference); ++v) {
      Target(prefix_ + "art" + std::to_string(v), prefix_ + "art" + std::to_string(v));
    }
  }

  const RawReference& ref_;
  const ReferenceContext& context_;
  const ProvisionLookup& lookup_;
  ResolvedReference* out_;
  bool external_ = false;
  std::string prefix_;
};

}  // namespace

std::vector<RawReference> FindReferences(std::string_view text, std::size_t offset) {
  return ReferenceParser(text, offset).Run();
}

ResolvedReference ResolveReference(const RawReference& reference, const ReferenceContext& context,
                                   const ProvisionLookup& lookup) {
  ResolvedReference out;
  Resolver(reference, context, lookup, &out).Run();
  return out;
}

}  // namespace tw::doc
