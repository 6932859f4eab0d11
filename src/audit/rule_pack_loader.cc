// Rule packs are written by policy analysts, not programmers, so the loader is strict and
// talkative: every key is checked against the keys its place allows, every value against the
// type it must have, every pattern is compiled by RE2 at load time, and every refusal names the
// file, line and column of the offending text in the form editors jump to ("pack.yaml:12:7").
// Nothing is guessed: an unknown key is an error rather than silently ignored, because a
// misspelt `forbid` would otherwise turn a check into one that can never fail.
//
// The pack is untrusted input. yaml-cpp bounds nesting itself; aliases (`*name`) can make a small
// file expand into a large pack, so every list is bounded before it is walked and all text read
// out of the YAML is charged to one budget (kMaxPackTextBytes).
#include "audit/rule_pack_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "fmt/format.h"
#include "re2/re2.h"
#include "text/utf8.h"

namespace tw::audit {
namespace {

// ---------------------------------------------------------------------------------------------
// Patterns.

// Between two words of a phrase: any run of white space, Unicode spaces (no-break, thin) too.
constexpr std::string_view kWordGap = "[\\s\\p{Z}]+";
// What `*` stands for: the rest of a word, in any script (RE2's \w is ASCII only).
constexpr std::string_view kWordRest = "[\\pL\\pM\\pN_]*";
constexpr std::string_view kApostrophes = "['\xE2\x80\x99]";                // ' ’
constexpr std::string_view kDoubleQuotes = "[\"\xE2\x80\x9C\xE2\x80\x9D]";  // " “ ”
constexpr std::string_view kHyphens = "[\\-\xE2\x80\x90\xE2\x80\x91]";      // - ‐ ‑

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(kMaxPatternMemory);
  return options;
}

// Decodes the code point at `i` of valid UTF-8 and advances `i` past it.
char32_t NextCodePoint(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  int length = 1;
  char32_t cp = lead;
  if (lead >= 0xF0) {
    length = 4;
    cp = lead & 0x07;
  } else if (lead >= 0xE0) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xC0) {
    length = 2;
    cp = lead & 0x1F;
  }
  if (i + length > s.size()) length = 1;
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += length;
  return cp;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// RE2's \b only knows ASCII word characters, so a boundary is added only beside them.
bool IsAsciiWordChar(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
         cp == '_';
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || (s.front() >= '\t' && s.front() <= '\r'))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || (s.back() >= '\t' && s.back() <= '\r'))) {
    s.remove_suffix(1);
  }
  return s;
}

// One word of a phrase (no spaces inside) as RE2. Boundaries are only needed at the phrase's
// ends: between words the gap is white space, which is a boundary already.
absl::Status AppendWord(std::string_view word, bool first, bool last, std::string& out) {
  std::vector<char32_t> cps;
  std::vector<std::string_view> bytes;
  for (std::size_t i = 0; i < word.size();) {
    const std::size_t start = i;
    cps.push_back(NextCodePoint(word, i));
    bytes.push_back(word.substr(start, i - start));
  }
  bool only_stars = true;
  for (char32_t cp : cps) only_stars = only_stars && cp == '*';
  if (only_stars) {
    return absl::InvalidArgumentError(fmt::format(
        "a lone \"{}\" stands for nothing: put * at the end of a word (\"intention*\") or inside "
        "it (\"criminali*ation\")",
        word));
  }
  if (first && IsAsciiWordChar(cps.front())) out += "\\b";
  for (std::size_t k = 0; k < cps.size(); ++k) {
    const char32_t cp = cps[k];
    if (cp == '*') {
      if (k == 0 || cps[k - 1] != '*') out += kWordRest;
    } else if (cp == '\'' || cp == 0x2019) {
      out += kApostrophes;
    } else if (cp == '"' || cp == 0x201C || cp == 0x201D) {
      out += kDoubleQuotes;
    } else if (cp == '-' || cp == 0x2010 || cp == 0x2011) {
      out += kHyphens;
    } else if (IsAsciiWordChar(cp)) {
      out += static_cast<char>(cp);
    } else {
      out += RE2::QuoteMeta(re2::StringPiece(bytes[k].data(), bytes[k].size()));
    }
  }
  if (last && IsAsciiWordChar(cps.back())) out += "\\b";
  return absl::OkStatus();
}

absl::StatusOr<std::string> PhraseToRegex(std::string_view phrase) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < phrase.size()) {
    std::size_t next = i;
    if (IsSpace(NextCodePoint(phrase, next))) {
      i = next;
      continue;
    }
    const std::size_t begin = i;
    while (i < phrase.size()) {
      next = i;
      if (IsSpace(NextCodePoint(phrase, next))) break;
      i = next;
    }
    words.push_back(phrase.substr(begin, i - begin));
  }
  if (words.empty()) return absl::InvalidArgumentError("empty pattern");
  std::string out = "(?i)";
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > 0) out += kWordGap;
    if (absl::Status status = AppendWord(words[w], w == 0, w + 1 == words.size(), out);
        !status.ok()) {
      return status;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// YAML walking.

constexpr std::array<std::string_view, 6> kPackKeys = {"pack",        "title",      "version",
                                                       "description", "categories", "rules"};
constexpr std::array<std::string_view, 4> kCategoryKeys = {"id", "title", "breadth", "description"};
constexpr std::array<std::string_view, 9> kRuleKeys = {
    "id", "title", "severity", "topic", "rationale", "sources", "select", "assigns", "test"};
constexpr std::array<std::string_view, 8> kSelectKeys = {
    "kind",      "heading",         "text",        "chapter", "category",
    "refers_to", "exclude_heading", "exclude_text"};
constexpr std::array<std::string_view, 6> kTestKeys = {
    "within", "chapter_categories", "document_categories", "require_any", "require_all", "forbid"};

constexpr std::array<doc::ProvisionKind, 15> kAllKinds = {
    doc::ProvisionKind::kDocument, doc::ProvisionKind::kPreamble,   doc::ProvisionKind::kPart,
    doc::ProvisionKind::kChapter,  doc::ProvisionKind::kSection,    doc::ProvisionKind::kTitle,
    doc::ProvisionKind::kArticle,  doc::ProvisionKind::kParagraph,  doc::ProvisionKind::kPoint,
    doc::ProvisionKind::kSubpoint, doc::ProvisionKind::kUnnumbered, doc::ProvisionKind::kOption,
    doc::ProvisionKind::kClosing,  doc::ProvisionKind::kFootnote,   doc::ProvisionKind::kAnnex};

template <std::size_t N>
std::string JoinNames(const std::array<std::string_view, N>& names) {
  return fmt::format("{}", fmt::join(names, ", "));
}

// "[a-z0-9-]+", first character not a hyphen when `leading_hyphen` is false.
bool IsId(std::string_view id, bool leading_hyphen) {
  if (id.empty() || (!leading_hyphen && id.front() == '-')) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::string_view Describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return "text";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return "nothing";
  }
  return "nothing";
}

std::string Where(const PackPosition& position) {
  if (position.line <= 0) return position.file;
  return fmt::format("{}:{}:{}", position.file, position.line, position.column);
}

absl::Status ErrorAt(const PackPosition& position, std::string_view message) {
  return absl::InvalidArgumentError(fmt::format("{}: {}", Where(position), message));
}

struct Field {
  std::string name;
  YAML::Node key;
  YAML::Node value;
};

// The keys of one map, in file order; CheckAllowed refuses a key given twice.
struct Fields {
  std::vector<Field> list;
  const Field* Find(std::string_view name) const {
    for (const Field& field : list) {
      if (field.name == name) return &field;
    }
    return nullptr;
  }
};

struct NamedNode {
  std::string text;
  YAML::Node node;
};

class PackParser {
 public:
  PackParser(std::string_view yaml, std::string_view file_name) : yaml_(yaml), file_(file_name) {}

  absl::StatusOr<RulePack> Parse();

 private:
  PackPosition Position(const YAML::Mark& mark) const;
  PackPosition Position(const YAML::Node& node) const { return Position(node.Mark()); }
  // yaml-cpp marks a null value at the token after it, so a null value is placed at its key.
  PackPosition ValuePosition(const Field& field) const {
    return Position(field.value.IsNull() ? field.key : field.value);
  }

  absl::StatusOr<Fields> CollectFields(const YAML::Node& map, std::string_view context) const;
  template <std::size_t N>
  absl::Status CheckAllowed(const Fields& fields, std::string_view context,
                            const std::array<std::string_view, N>& allowed) const;
  absl::Status RequireMap(const Field& field, std::string_view context) const;
  absl::Status Charge(std::size_t bytes, const PackPosition& position);

  absl::StatusOr<std::string> Text(const Field& field, std::string_view context);
  absl::StatusOr<std::string> RequiredText(const Fields& fields, std::string_view name,
                                           const YAML::Node& map, std::string_view context);
  absl::StatusOr<std::vector<NamedNode>> TextList(const Field& field, std::string_view context,
                                                  std::size_t max_items, std::string_view what);
  absl::StatusOr<std::vector<Pattern>> Patterns(const Field* field, std::string_view context,
                                                std::size_t* pattern_count);
  absl::StatusOr<std::vector<std::string>> CategoryList(const Field* field,
                                                        std::string_view context);

  absl::StatusOr<Category> ParseCategory(const YAML::Node& node, std::size_t index);
  absl::StatusOr<Rule> ParseRule(const YAML::Node& node, std::size_t index);
  absl::Status ParseSelect(const Field& field, std::string_view context, Rule& rule,
                           std::size_t* pattern_count);
  absl::Status ParseTest(const Field& field, std::string_view context, Rule& rule,
                         std::size_t* pattern_count);
  absl::Status CheckCategoriesAssigned() const;
  absl::Status CheckClassificationCycles() const;

  std::string_view yaml_;
  std::string file_;
  std::size_t text_bytes_ = 0;
  RulePack pack_;
};

PackPosition PackParser::Position(const YAML::Mark& mark) const {
  PackPosition position;
  position.file = file_;
  if (mark.is_null() || mark.line < 0 || mark.column < 0 || mark.pos < 0) return position;
  position.line = mark.line + 1;
  position.column = mark.column + 1;
  // yaml-cpp counts columns in bytes and its offsets skip a byte-order mark; editors count
  // characters. When the bytes before the mark on its line are what yaml-cpp says, count them
  // as characters instead.
  const std::size_t bom = yaml_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::size_t offset = static_cast<std::size_t>(mark.pos) + bom;
  const std::size_t column = static_cast<std::size_t>(mark.column);
  if (offset > yaml_.size() || column > offset) return position;
  const std::size_t line_start = offset - column;
  const std::size_t newline = yaml_.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t expected_start = newline == std::string_view::npos ? bom : newline + 1;
  if (line_start != expected_start || offset == line_start) return position;
  int characters = 0;
  for (std::size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(yaml_[i]) & 0xC0) != 0x80) ++characters;
  }
  position.column = characters + 1;
  return position;
}

absl::StatusOr<Fields> PackParser::CollectFields(const YAML::Node& map,
                                                 std::string_view context) const {
  Fields fields;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      return ErrorAt(Position(key),
                     fmt::format("{}a key must be a plain word, not {}", context, Describe(key)));
    }
    fields.list.push_back(Field{key.Scalar(), key, it->second});
  }
  return fields;
}

template <std::size_t N>
absl::Status PackParser::CheckAllowed(const Fields& fields, std::string_view context,
                                      const std::array<std::string_view, N>& allowed) const {
  for (const Field& field : fields.list) {
    if (const Field* first = fields.Find(field.name); first != &field) {
      return ErrorAt(Position(field.key),
                     fmt::format("{}key \"{}\" is given twice (first at {})", context, field.name,
                                 Where(Position(first->key))));
    }
    bool known = false;
    for (std::string_view name : allowed) known = known || name == field.name;
    if (!known) {
      return ErrorAt(Position(field.key), fmt::format("{}unknown key \"{}\"; allowed keys: {}",
                                                      context, field.name, JoinNames(allowed)));
    }
  }
  return absl::OkStatus();
}

absl::Status PackParser::RequireMap(const Field& field, std::string_view context) const {
  if (field.value.IsMap()) return absl::OkStatus();
  return ErrorAt(ValuePosition(field), fmt::format("{}{}: expected a map of keys, found {}",
                                                   context, field.name, Describe(field.value)));
}

absl::Status PackParser::Charge(std::size_t bytes, const PackPosition& position) {
  text_bytes_ += bytes;
  if (text_bytes_ <= kMaxPackTextBytes) return absl::OkStatus();
  return ErrorAt(position, fmt::format("the pack holds more than {} bytes of text once its "
                                       "aliases are expanded (the limit)",
                                       kMaxPackTextBytes));
}

absl::StatusOr<std::string> PackParser::Text(const Field& field, std::string_view context) {
  if (!field.value.IsScalar()) {
    return ErrorAt(ValuePosition(field), fmt::format("{}{}: expected text, found {}", context,
                                                     field.name, Describe(field.value)));
  }
  std::string text = field.value.Scalar();
  if (absl::Status status = Charge(text.size(), Position(field.value)); !status.ok()) {
    return status;
  }
  return text;
}

absl::StatusOr<std::string> PackParser::RequiredText(const Fields& fields, std::string_view name,
                                                     const YAML::Node& map,
                                                     std::string_view context) {
  const Field* field = fields.Find(name);
  if (field == nullptr) {
    return ErrorAt(Position(map), fmt::format("{}missing key \"{}\"", context, name));
  }
  absl::StatusOr<std::string> text = Text(*field, context);
  if (!text.ok()) return text.status();
  if (TrimSpace(*text).empty()) {
    return ErrorAt(ValuePosition(*field), fmt::format("{}{}: is empty", context, name));
  }
  return text;
}

absl::StatusOr<std::vector<NamedNode>> PackParser::TextList(const Field& field,
                                                            std::string_view context,
                                                            std::size_t max_items,
                                                            std::string_view what) {
  std::vector<NamedNode> items;
  if (field.value.IsScalar()) {
    absl::StatusOr<std::string> text = Text(field, context);
    if (!text.ok()) return text.status();
    items.push_back(NamedNode{*std::move(text), field.value});
    return items;
  }
  if (!field.value.IsSequence()) {
    return ErrorAt(ValuePosition(field),
                   fmt::format("{}{}: expected text or a list of texts, found {}", context,
                               field.name, Describe(field.value)));
  }
  if (field.value.size() == 0) {
    return ErrorAt(ValuePosition(field),
                   fmt::format("{}{}: the list is empty; give at least one value or leave the "
                               "key out",
                               context, field.name));
  }
  if (field.value.size() > max_items) {
    return ErrorAt(ValuePosition(field),
                   fmt::format("{}{}: more than {} {}; the limit is {}", context, field.name,
                               max_items, what, max_items));
  }
  for (const YAML::Node& item : field.value) {
    if (!item.IsScalar()) {
      return ErrorAt(Position(item), fmt::format("{}{}: expected text in the list, found {}",
                                                 context, field.name, Describe(item)));
    }
    if (absl::Status status = Charge(item.Scalar().size(), Position(item)); !status.ok()) {
      return status;
    }
    items.push_back(NamedNode{item.Scalar(), item});
  }
  return items;
}

absl::StatusOr<std::vector<Pattern>> PackParser::Patterns(const Field* field,
                                                          std::string_view context,
                                                          std::size_t* pattern_count) {
  std::vector<Pattern> patterns;
  if (field == nullptr) return patterns;
  absl::StatusOr<std::vector<NamedNode>> items =
      TextList(*field, context, kMaxPatternsPerRule, "patterns");
  if (!items.ok()) return items.status();
  *pattern_count += items->size();
  if (*pattern_count > kMaxPatternsPerRule) {
    return ErrorAt(ValuePosition(*field),
                   fmt::format("{}more than {} patterns in one rule; the limit is {}", context,
                               kMaxPatternsPerRule, kMaxPatternsPerRule));
  }
  for (NamedNode& item : *items) {
    const PackPosition where = Position(item.node);
    absl::StatusOr<std::string> regex = PatternToRegex(item.text);
    if (!regex.ok()) {
      return ErrorAt(where, fmt::format("{}{}: {}", context, field->name,
                                        std::string(regex.status().message())));
    }
    patterns.push_back(Pattern{std::move(item.text), *std::move(regex), where});
  }
  return patterns;
}

absl::StatusOr<std::vector<std::string>> PackParser::CategoryList(const Field* field,
                                                                  std::string_view context) {
  std::vector<std::string> ids;
  if (field == nullptr) return ids;
  absl::StatusOr<std::vector<NamedNode>> items =
      TextList(*field, context, kMaxCategories, "categories");
  if (!items.ok()) return items.status();
  for (NamedNode& item : *items) {
    if (pack_.FindCategory(item.text) == nullptr) {
      return ErrorAt(Position(item.node),
                     fmt::format("{}{}: category \"{}\" is not declared under \"categories\"",
                                 context, field->name, item.text));
    }
    ids.push_back(std::move(item.text));
  }
  return ids;
}

absl::StatusOr<Category> PackParser::ParseCategory(const YAML::Node& node, std::size_t index) {
  const std::string fallback = fmt::format("category {}: ", index + 1);
  if (!node.IsMap()) {
    return ErrorAt(Position(node), fmt::format("{}expected a map with the keys {}, found {}",
                                               fallback, JoinNames(kCategoryKeys), Describe(node)));
  }
  absl::StatusOr<Fields> fields = CollectFields(node, fallback);
  if (!fields.ok()) return fields.status();
  Category category;
  category.where = Position(node);
  absl::StatusOr<std::string> id = RequiredText(*fields, "id", node, fallback);
  if (!id.ok()) return id.status();
  if (!IsId(*id, false)) {
    return ErrorAt(ValuePosition(*fields->Find("id")),
                   fmt::format("{}id \"{}\" is not valid: use lower-case letters, digits and "
                               "hyphens, not starting with a hyphen",
                               fallback, *id));
  }
  category.id = *id;
  const std::string context = fmt::format("category \"{}\": ", category.id);
  if (absl::Status status = CheckAllowed(*fields, context, kCategoryKeys); !status.ok()) {
    return status;
  }
  if (const Category* earlier = pack_.FindCategory(category.id); earlier != nullptr) {
    return ErrorAt(ValuePosition(*fields->Find("id")),
                   fmt::format("duplicate category \"{}\"; first declared at {}", category.id,
                               Where(earlier->where)));
  }
  category.title = category.id;
  if (const Field* title = fields->Find("title"); title != nullptr) {
    absl::StatusOr<std::string> text = Text(*title, context);
    if (!text.ok()) return text.status();
    category.title = *std::move(text);
  }
  if (const Field* description = fields->Find("description"); description != nullptr) {
    absl::StatusOr<std::string> text = Text(*description, context);
    if (!text.ok()) return text.status();
    category.description = *std::move(text);
  }
  if (const Field* breadth = fields->Find("breadth"); breadth != nullptr) {
    if (!breadth->value.IsScalar() ||
        !YAML::convert<bool>::decode(breadth->value, category.breadth)) {
      return ErrorAt(
          ValuePosition(*breadth),
          fmt::format("{}breadth: expected true or false, found {}", context,
                      breadth->value.IsScalar() ? fmt::format("\"{}\"", breadth->value.Scalar())
                                                : std::string(Describe(breadth->value))));
    }
  }
  return category;
}

absl::Status PackParser::ParseSelect(const Field& field, std::string_view rule_context, Rule& rule,
                                     std::size_t* pattern_count) {
  if (absl::Status status = RequireMap(field, rule_context); !status.ok()) return status;
  const std::string context = fmt::format("{}select: ", rule_context);
  absl::StatusOr<Fields> fields = CollectFields(field.value, context);
  if (!fields.ok()) return fields.status();
  if (absl::Status status = CheckAllowed(*fields, context, kSelectKeys); !status.ok()) {
    return status;
  }
  Selector& select = rule.select;
  select.kinds = {doc::ProvisionKind::kArticle};
  if (const Field* kind = fields->Find("kind"); kind != nullptr) {
    absl::StatusOr<std::vector<NamedNode>> names =
        TextList(*kind, context, kAllKinds.size(), "kinds");
    if (!names.ok()) return names.status();
    select.kinds.clear();
    for (const NamedNode& name : *names) {
      doc::ProvisionKind parsed;
      if (!doc::ParseProvisionKind(name.text, &parsed)) {
        std::vector<std::string_view> known;
        for (doc::ProvisionKind k : kAllKinds) known.push_back(doc::ProvisionKindName(k));
        return ErrorAt(Position(name.node),
                       fmt::format("{}kind: unknown provision kind \"{}\"; use {}", context,
                                   name.text, fmt::join(known, ", ")));
      }
      select.kinds.push_back(parsed);
    }
  }
  for (auto [name, out] :
       {std::pair{"chapter", &select.chapter}, std::pair{"heading", &select.heading},
        std::pair{"text", &select.text}, std::pair{"exclude_heading", &select.exclude_heading},
        std::pair{"exclude_text", &select.exclude_text}}) {
    absl::StatusOr<std::vector<Pattern>> read =
        Patterns(fields->Find(name), context, pattern_count);
    if (!read.ok()) return read.status();
    *out = *std::move(read);
  }
  for (auto [name, out] :
       {std::pair{"category", &select.categories}, std::pair{"refers_to", &select.refers_to}}) {
    absl::StatusOr<std::vector<std::string>> read = CategoryList(fields->Find(name), context);
    if (!read.ok()) return read.status();
    *out = *std::move(read);
  }
  if (!select.HasCriterion()) {
    return ErrorAt(Position(field.key),
                   fmt::format("rule \"{}\" selects nothing: give heading, text, chapter, "
                               "category or refers_to",
                               rule.id));
  }
  return absl::OkStatus();
}

absl::Status PackParser::ParseTest(const Field& field, std::string_view rule_context, Rule& rule,
                                   std::size_t* pattern_count) {
  if (absl::Status status = RequireMap(field, rule_context); !status.ok()) return status;
  const std::string context = fmt::format("{}test: ", rule_context);
  absl::StatusOr<Fields> fields = CollectFields(field.value, context);
  if (!fields.ok()) return fields.status();
  if (absl::Status status = CheckAllowed(*fields, context, kTestKeys); !status.ok()) {
    return status;
  }
  Test test;
  if (const Field* within = fields->Find("within"); within != nullptr) {
    absl::StatusOr<std::string> scope = Text(*within, context);
    if (!scope.ok()) return scope.status();
    bool known = false;
    for (Scope candidate : {Scope::kProvision, Scope::kArticle, Scope::kReferences}) {
      if (ScopeName(candidate) == *scope) {
        test.within = candidate;
        known = true;
      }
    }
    if (!known) {
      return ErrorAt(ValuePosition(*within),
                     fmt::format("{}within: unknown scope \"{}\"; use provision, article or "
                                 "references",
                                 context, *scope));
    }
  }
  absl::StatusOr<std::vector<std::string>> chapter_categories =
      CategoryList(fields->Find("chapter_categories"), context);
  if (!chapter_categories.ok()) return chapter_categories.status();
  test.chapter_categories = *std::move(chapter_categories);
  absl::StatusOr<std::vector<std::string>> document_categories =
      CategoryList(fields->Find("document_categories"), context);
  if (!document_categories.ok()) return document_categories.status();
  test.document_categories = *std::move(document_categories);
  for (auto [name, out] :
       {std::pair{"require_any", &test.require_any}, std::pair{"require_all", &test.require_all},
        std::pair{"forbid", &test.forbid}}) {
    absl::StatusOr<std::vector<Pattern>> read =
        Patterns(fields->Find(name), context, pattern_count);
    if (!read.ok()) return read.status();
    *out = *std::move(read);
  }
  if (test.require_any.empty() && test.require_all.empty() && test.forbid.empty()) {
    return ErrorAt(Position(field.key),
                   fmt::format("{}test needs require_any, require_all or forbid", rule_context));
  }
  rule.test = std::move(test);
  return absl::OkStatus();
}

absl::StatusOr<Rule> PackParser::ParseRule(const YAML::Node& node, std::size_t index) {
  const std::string fallback = fmt::format("rule {}: ", index + 1);
  if (!node.IsMap()) {
    return ErrorAt(Position(node), fmt::format("{}expected a map with the keys {}, found {}",
                                               fallback, JoinNames(kRuleKeys), Describe(node)));
  }
  absl::StatusOr<Fields> fields = CollectFields(node, fallback);
  if (!fields.ok()) return fields.status();
  Rule rule;
  rule.where = Position(node);
  absl::StatusOr<std::string> id = RequiredText(*fields, "id", node, fallback);
  if (!id.ok()) return id.status();
  const PackPosition id_where = ValuePosition(*fields->Find("id"));
  if (!IsId(*id, false)) {
    return ErrorAt(id_where, fmt::format("{}id \"{}\" is not valid: use lower-case letters, "
                                         "digits and hyphens, not starting with a hyphen",
                                         fallback, *id));
  }
  rule.id = *id;
  const std::string context = fmt::format("rule \"{}\": ", rule.id);
  if (absl::Status status = CheckAllowed(*fields, context, kRuleKeys); !status.ok()) {
    return status;
  }
  if (const Rule* earlier = pack_.FindRule(rule.id); earlier != nullptr) {
    return ErrorAt(id_where, fmt::format("duplicate rule id \"{}\"; first defined at {}", rule.id,
                                         Where(earlier->where)));
  }
  absl::StatusOr<std::string> title = RequiredText(*fields, "title", node, context);
  if (!title.ok()) return title.status();
  rule.title = *std::move(title);

  absl::StatusOr<std::string> severity = RequiredText(*fields, "severity", node, context);
  if (!severity.ok()) return severity.status();
  if (!ParseSeverity(*severity, &rule.severity)) {
    return ErrorAt(ValuePosition(*fields->Find("severity")),
                   fmt::format("{}unknown severity \"{}\"; use info, low, medium, high or "
                               "critical",
                               context, *severity));
  }
  for (auto [name, out] :
       {std::pair{"topic", &rule.topic}, std::pair{"rationale", &rule.rationale}}) {
    if (const Field* field = fields->Find(name); field != nullptr) {
      absl::StatusOr<std::string> text = Text(*field, context);
      if (!text.ok()) return text.status();
      *out = *std::move(text);
    }
  }
  if (const Field* sources = fields->Find("sources"); sources != nullptr) {
    absl::StatusOr<std::vector<NamedNode>> items =
        TextList(*sources, context, kMaxSourcesPerRule, "sources");
    if (!items.ok()) return items.status();
    for (NamedNode& item : *items) rule.sources.push_back(std::move(item.text));
  }

  const Field* assigns = fields->Find("assigns");
  const Field* test = fields->Find("test");
  if (assigns != nullptr && test != nullptr) {
    return ErrorAt(rule.where, fmt::format("rule \"{}\" has both assigns and test: a rule either "
                                           "classifies provisions (assigns) or checks them (test)",
                                           rule.id));
  }
  if (assigns == nullptr && test == nullptr) {
    return ErrorAt(rule.where, fmt::format("rule \"{}\" needs assigns (to classify provisions) or "
                                           "test (to check them)",
                                           rule.id));
  }
  const Field* select = fields->Find("select");
  if (select == nullptr) {
    return ErrorAt(rule.where, fmt::format("{}missing key \"select\"", context));
  }
  std::size_t pattern_count = 0;
  if (absl::Status status = ParseSelect(*select, context, rule, &pattern_count); !status.ok()) {
    return status;
  }
  if (assigns != nullptr) {
    absl::StatusOr<std::string> category = Text(*assigns, context);
    if (!category.ok()) return category.status();
    if (pack_.FindCategory(*category) == nullptr) {
      return ErrorAt(ValuePosition(*assigns),
                     fmt::format("{}assigns: category \"{}\" is not declared under "
                                 "\"categories\"",
                                 context, *category));
    }
    rule.assigns = *std::move(category);
  } else if (absl::Status status = ParseTest(*test, context, rule, &pattern_count); !status.ok()) {
    return status;
  }
  return rule;
}

absl::Status PackParser::CheckCategoriesAssigned() const {
  for (const Category& category : pack_.categories) {
    bool assigned = false;
    for (const Rule& rule : pack_.rules) assigned = assigned || rule.assigns == category.id;
    if (!assigned) {
      return ErrorAt(category.where, fmt::format("category \"{}\" is declared but no rule "
                                                 "assigns it",
                                                 category.id));
    }
  }
  return absl::OkStatus();
}

// A classification rule that assigns X to provisions selected by category Y (or referring to an
// article of category Y) must run after every rule assigning Y. If the "runs after" relation has
// a cycle, no order is right, and the result would depend on the engine's whims.
absl::Status PackParser::CheckClassificationCycles() const {
  struct Edge {
    std::size_t to;    // the category needed
    std::size_t rule;  // the rule that needs it
    bool refers;       // through refers_to rather than category
  };
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < pack_.categories.size(); ++i) index[pack_.categories[i].id] = i;
  const std::size_t n = pack_.categories.size();
  std::vector<std::vector<Edge>> needs(n);
  std::vector<std::vector<std::size_t>> needed_by(n);
  std::vector<std::size_t> open(n, 0);
  for (std::size_t r = 0; r < pack_.rules.size(); ++r) {
    const Rule& rule = pack_.rules[r];
    if (rule.assigns.empty()) continue;
    const std::size_t from = index.at(rule.assigns);
    for (bool refers : {false, true}) {
      for (const std::string& id : refers ? rule.select.refers_to : rule.select.categories) {
        const std::size_t to = index.at(id);
        needs[from].push_back(Edge{to, r, refers});
        needed_by[to].push_back(from);
        ++open[from];
      }
    }
  }
  std::vector<std::size_t> ready;
  for (std::size_t i = 0; i < n; ++i) {
    if (open[i] == 0) ready.push_back(i);
  }
  std::vector<bool> done(n, false);
  while (!ready.empty()) {
    const std::size_t c = ready.back();
    ready.pop_back();
    done[c] = true;
    for (std::size_t from : needed_by[c]) {
      if (--open[from] == 0) ready.push_back(from);
    }
  }
  std::optional<std::size_t> start;
  for (std::size_t i = 0; i < n && !start; ++i) {
    if (!done[i]) start = i;
  }
  if (!start) return absl::OkStatus();
  // Every category left needs another one left: walk until a category repeats.
  std::vector<Edge> path;
  std::vector<std::optional<std::size_t>> seen_at(n);
  std::size_t at = *start;
  while (!seen_at[at]) {
    seen_at[at] = path.size();
    for (const Edge& edge : needs[at]) {
      if (!done[edge.to]) {
        path.push_back(edge);
        break;
      }
    }
    at = path.back().to;
  }
  std::vector<Edge> cycle(path.begin() + static_cast<std::ptrdiff_t>(*seen_at[at]), path.end());
  std::size_t first = 0;
  for (std::size_t k = 1; k < cycle.size(); ++k) {
    if (cycle[k].rule < cycle[first].rule) first = k;
  }
  std::rotate(cycle.begin(), cycle.begin() + static_cast<std::ptrdiff_t>(first), cycle.end());
  std::vector<std::string> parts;
  for (const Edge& edge : cycle) {
    const Rule& rule = pack_.rules[edge.rule];
    parts.push_back(fmt::format(
        "rule \"{}\" assigns \"{}\" {} \"{}\"", rule.id, rule.assigns,
        edge.refers ? "to provisions referring to category" : "to provisions of category",
        pack_.categories[edge.to].id));
  }
  return ErrorAt(pack_.rules[cycle.front().rule].where,
                 fmt::format("classification rules form a cycle: {}; no order can apply them",
                             fmt::join(parts, ", and ")));
}

absl::StatusOr<RulePack> PackParser::Parse() {
  const PackPosition whole{file_, 0, 0};
  if (yaml_.size() > kMaxPackBytes) {
    return ErrorAt(whole, fmt::format("the pack is {} bytes; the limit is {} bytes", yaml_.size(),
                                      kMaxPackBytes));
  }
  if (std::optional<std::size_t> bad = text::FindInvalidUtf8(yaml_); bad.has_value()) {
    const text::LineColumn at = text::LineColumnAt(yaml_, *bad);
    return ErrorAt(PackPosition{file_, at.line, at.column},
                   "not valid UTF-8: save the pack as UTF-8");
  }
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(yaml_));
  } catch (const YAML::ParserException& e) {
    return ErrorAt(Position(e.mark), fmt::format("YAML syntax error: {}", e.msg));
  }
  if (documents.empty() || documents.front().IsNull()) {
    return ErrorAt(PackPosition{file_, 1, 1}, "the pack is empty");
  }
  if (documents.size() > 1) {
    return ErrorAt(Position(documents[1]),
                   "a pack is one YAML document; remove the second one (after \"---\")");
  }
  const YAML::Node& root = documents.front();
  if (!root.IsMap()) {
    return ErrorAt(Position(root), fmt::format("a pack is a map with the keys {}; found {}",
                                               JoinNames(kPackKeys), Describe(root)));
  }
  absl::StatusOr<Fields> fields = CollectFields(root, "");
  if (!fields.ok()) return fields.status();
  if (absl::Status status = CheckAllowed(*fields, "", kPackKeys); !status.ok()) return status;

  absl::StatusOr<std::string> name = RequiredText(*fields, "pack", root, "");
  if (!name.ok()) return name.status();
  if (!IsId(*name, true)) {
    return ErrorAt(ValuePosition(*fields->Find("pack")),
                   fmt::format("pack: \"{}\" is not a valid pack id: use lower-case letters, "
                               "digits and hyphens",
                               *name));
  }
  pack_.name = *std::move(name);
  pack_.files = {file_};
  for (auto [key, out] : {std::pair{"title", &pack_.title}, std::pair{"version", &pack_.version},
                          std::pair{"description", &pack_.description}}) {
    if (const Field* field = fields->Find(key); field != nullptr) {
      absl::StatusOr<std::string> text = Text(*field, "");
      if (!text.ok()) return text.status();
      *out = *std::move(text);
    }
  }
  if (const Field* categories = fields->Find("categories"); categories != nullptr) {
    if (!categories->value.IsSequence()) {
      return ErrorAt(
          ValuePosition(*categories),
          fmt::format("categories: expected a list, found {}", Describe(categories->value)));
    }
    if (categories->value.size() > kMaxCategories) {
      return ErrorAt(ValuePosition(*categories),
                     fmt::format("categories: more than {} categories; the limit is {}",
                                 kMaxCategories, kMaxCategories));
    }
    std::size_t i = 0;
    for (const YAML::Node& node : categories->value) {
      absl::StatusOr<Category> category = ParseCategory(node, i++);
      if (!category.ok()) return category.status();
      pack_.categories.push_back(*std::move(category));
    }
  }
  const Field* rules = fields->Find("rules");
  if (rules == nullptr) return ErrorAt(Position(root), "missing key \"rules\"");
  if (!rules->value.IsSequence()) {
    return ErrorAt(ValuePosition(*rules),
                   fmt::format("rules: expected a list, found {}", Describe(rules->value)));
  }
  if (rules->value.size() == 0) return ErrorAt(ValuePosition(*rules), "rules: the list is empty");
  if (rules->value.size() > kMaxRules) {
    return ErrorAt(ValuePosition(*rules),
                   fmt::format("rules: more than {} rules; the limit is {}", kMaxRules, kMaxRules));
  }
  std::size_t i = 0;
  for (const YAML::Node& node : rules->value) {
    absl::StatusOr<Rule> rule = ParseRule(node, i++);
    if (!rule.ok()) return rule.status();
    pack_.rules.push_back(*std::move(rule));
  }
  if (absl::Status status = CheckCategoriesAssigned(); !status.ok()) return status;
  if (absl::Status status = CheckClassificationCycles(); !status.ok()) return status;
  return std::move(pack_);
}

}  // namespace

absl::StatusOr<std::string> PatternToRegex(std::string_view source) {
  if (source.size() > kMaxPatternBytes) {
    return absl::InvalidArgumentError(
        fmt::format("pattern is {} bytes; the limit is {} bytes", source.size(), kMaxPatternBytes));
  }
  // Documents are stored in NFC; a pattern typed with combining accents must match them too.
  absl::StatusOr<std::string> nfc = text::ToNfc(source);
  if (!nfc.ok()) return absl::InvalidArgumentError("pattern is not valid UTF-8");
  const std::string_view pattern = TrimSpace(*nfc);
  if (pattern.empty()) return absl::InvalidArgumentError("empty pattern");

  std::string regex;
  if (pattern.substr(0, 3) == "re:") {
    const std::string_view raw = TrimSpace(pattern.substr(3));
    if (raw.empty()) return absl::InvalidArgumentError("empty pattern after \"re:\"");
    // The raw part is checked alone, so RE2's message quotes what the analyst wrote and the
    // wrapping group below cannot be closed early by an unbalanced ")".
    const RE2 alone(re2::StringPiece(raw.data(), raw.size()), PatternOptions());
    if (!alone.ok()) {
      return absl::InvalidArgumentError(
          fmt::format("not a valid regular expression: {}", alone.error()));
    }
    regex = fmt::format("(?i)(?:{})", raw);
  } else {
    absl::StatusOr<std::string> phrase = PhraseToRegex(pattern);
    if (!phrase.ok()) return phrase.status();
    regex = *std::move(phrase);
  }
  const RE2 compiled(regex, PatternOptions());
  if (!compiled.ok()) {
    return absl::InvalidArgumentError(
        fmt::format("the pattern engine refuses this pattern: {}", compiled.error()));
  }
  return regex;
}

absl::StatusOr<RulePack> ParseRulePack(std::string_view yaml, std::string_view file_name) {
  // yaml-cpp reports problems by exceptions; syntax errors are caught where they carry a
  // position, anything else here so no exception leaves the loader.
  try {
    return PackParser(yaml, file_name).Parse();
  } catch (const YAML::Exception& e) {
    return absl::InvalidArgumentError(fmt::format("{}: YAML error: {}", file_name, e.what()));
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(fmt::format("{}: cannot load: {}", file_name, e.what()));
  }
}

absl::StatusOr<RulePack> LoadRulePackFile(const std::string& path) {
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  errno = 0;
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (file == nullptr) {
    return absl::InvalidArgumentError(
        fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  }
  // Read at most one byte past the limit: a device or pipe must not keep us reading.
  std::string yaml;
  std::array<char, 65536> buffer;
  while (yaml.size() <= kMaxPackBytes) {
    const std::size_t want = std::min(buffer.size(), kMaxPackBytes + 1 - yaml.size());
    const std::size_t got = std::fread(buffer.data(), 1, want, file.get());
    yaml.append(buffer.data(), got);
    if (got < want) {
      if (std::ferror(file.get())) {
        return absl::InvalidArgumentError(
            fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
      }
      break;
    }
  }
  if (yaml.size() > kMaxPackBytes) {
    return absl::InvalidArgumentError(
        fmt::format("{}: the pack is larger than {} bytes (the limit)", path, kMaxPackBytes));
  }
  return ParseRulePack(yaml, path);
}

absl::StatusOr<RulePack> MergeRulePacks(std::vector<RulePack> packs) {
  if (packs.empty()) return absl::InvalidArgumentError("no rule pack to merge");
  if (packs.size() == 1) return std::move(packs.front());
  RulePack merged;
  std::vector<std::string> names;
  std::vector<std::string> titles;
  std::vector<std::string> versions;
  std::vector<std::string> descriptions;
  for (RulePack& pack : packs) {
    names.push_back(pack.name);
    if (!pack.title.empty()) titles.push_back(pack.title);
    if (!pack.version.empty()) versions.push_back(fmt::format("{} {}", pack.name, pack.version));
    if (!pack.description.empty()) descriptions.push_back(pack.description);
    for (std::string& file : pack.files) merged.files.push_back(std::move(file));
    for (Category& category : pack.categories) {
      if (const Category* earlier = merged.FindCategory(category.id); earlier != nullptr) {
        return ErrorAt(category.where,
                       fmt::format("duplicate category \"{}\"; first declared at {}", category.id,
                                   Where(earlier->where)));
      }
      merged.categories.push_back(std::move(category));
    }
    for (Rule& rule : pack.rules) {
      if (const Rule* earlier = merged.FindRule(rule.id); earlier != nullptr) {
        return ErrorAt(rule.where, fmt::format("duplicate rule id \"{}\"; first defined at {}",
                                               rule.id, Where(earlier->where)));
      }
      merged.rules.push_back(std::move(rule));
    }
  }
  merged.name = fmt::format("{}", fmt::join(names, "+"));
  merged.title = fmt::format("{}", fmt::join(titles, "; "));
  merged.version = fmt::format("{}", fmt::join(versions, ", "));
  merged.description = fmt::format("{}", fmt::join(descriptions, "\n\n"));
  return merged;
}

}  // namespace tw::audit
