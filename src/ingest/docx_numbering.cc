#include "ingest/docx_numbering.h"
#include "doc/numbering.h"

#include <algorithm>
#include <vector>

namespace tw::ingest {
namespace {

// numStyleLink hops followed before giving up (a style may link back to itself).
constexpr int kMaxStyleLinkHops = 4;

// Numbers beyond this print as decimal: letter and Roman forms of huge values are meaningless
// and a hostile w:start must not make a label of megabytes.
constexpr int kMaxFormattedValue = 100000;

struct AbstractDefinition {
  std::array<std::optional<pugi::xml_node>, DocxNumbering::kLevels> levels;
  std::string num_style_link;
};

std::string Letters(int n, bool upper) {
  const int repeat = (n - 1) / 26 + 1;
  return std::string(static_cast<std::size_t>(repeat),
                     static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26));
}

std::string Roman(int n, bool upper) { return doc::FormatRoman(n, upper); }

std::string Ordinal(int n) {
  const int mod100 = n % 100;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

}  // namespace

DocxNumbering DocxNumbering::Load(const XmlPart* numbering, const DocxStyles& styles) {
  DocxNumbering out;
  if (!numbering) return out;
  const XmlPart& xml = *numbering;

  auto parse_level = [&](const pugi::xml_node& node, Level& level) {
    if (pugi::xml_node start = xml.Child(node, "start")) {
      level.start = ParseDocxInt(xml.Attr(start, "val")).value_or(0);
    }
    if (pugi::xml_node format = xml.Child(node, "numFmt")) level.format = xml.Attr(format, "val");
    if (pugi::xml_node text = xml.Child(node, "lvlText")) level.text = xml.Attr(text, "val");
    if (pugi::xml_node restart = xml.Child(node, "lvlRestart")) {
      level.restart = ParseDocxInt(xml.Attr(restart, "val"));
    }
    if (pugi::xml_node legal = xml.Child(node, "isLgl")) {
      const std::string_view val = xml.Attr(legal, "val");
      level.legal = val.empty() || val == "1" || val == "true" || val == "on";
    }
    if (pugi::xml_node style = xml.Child(node, "pStyle")) level.style = xml.Attr(style, "val");
  };

  std::unordered_map<int, AbstractDefinition> abstracts;
  std::unordered_map<int, pugi::xml_node> nums;
  for (pugi::xml_node node = xml.root().first_child(); node; node = node.next_sibling()) {
    if (xml.Is(node, "abstractNum")) {
      const std::optional<int> id = ParseDocxInt(xml.Attr(node, "abstractNumId"));
      if (!id) continue;
      AbstractDefinition& definition = abstracts[*id];
      for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (xml.Is(child, "lvl")) {
          const int ilvl = ParseDocxInt(xml.Attr(child, "ilvl")).value_or(-1);
          if (ilvl >= 0 && ilvl < kLevels)
            definition.levels[static_cast<std::size_t>(ilvl)] = child;
        } else if (xml.Is(child, "numStyleLink")) {
          definition.num_style_link = xml.Attr(child, "val");
        }
      }
    } else if (xml.Is(node, "num")) {
      if (const std::optional<int> id = ParseDocxInt(xml.Attr(node, "numId"))) nums[*id] = node;
    }
  }

  auto abstract_of = [&](const pugi::xml_node& num) -> std::optional<int> {
    return ParseDocxInt(xml.Attr(xml.Child(num, "abstractNumId"), "val"));
  };

  for (const auto& [num_id, num] : nums) {
    std::optional<int> abstract_id = abstract_of(num);
    // Follow numStyleLink: abstractNum -> numbering style -> its numId -> that num's abstract.
    for (int hop = 0; hop < kMaxStyleLinkHops && abstract_id; ++hop) {
      auto it = abstracts.find(*abstract_id);
      if (it == abstracts.end() || it->second.num_style_link.empty()) break;
      const std::optional<int> linked_num = styles.NumberingStyleNumId(it->second.num_style_link);
      auto linked = linked_num ? nums.find(*linked_num) : nums.end();
      if (linked == nums.end()) break;
      abstract_id = abstract_of(linked->second);
    }
    if (!abstract_id || !abstracts.count(*abstract_id)) continue;
    const AbstractDefinition& definition = abstracts.at(*abstract_id);
    List list;
    for (int l = 0; l < kLevels; ++l) {
      if (const auto& node = definition.levels[static_cast<std::size_t>(l)]) {
        parse_level(*node, list.levels[static_cast<std::size_t>(l)]);
      }
    }
    bool overridden = false;
    for (pugi::xml_node child = num.first_child(); child; child = child.next_sibling()) {
      if (!xml.Is(child, "lvlOverride")) continue;
      const int ilvl = ParseDocxInt(xml.Attr(child, "ilvl")).value_or(-1);
      if (ilvl < 0 || ilvl >= kLevels) continue;
      Level& level = list.levels[static_cast<std::size_t>(ilvl)];
      if (pugi::xml_node lvl = xml.Child(child, "lvl")) {
        level = Level();
        parse_level(lvl, level);
        overridden = true;
      }
      if (pugi::xml_node start = xml.Child(child, "startOverride")) {
        level.start = ParseDocxInt(xml.Attr(start, "val")).value_or(level.start);
        overridden = true;
      }
    }
    list.counter_key = overridden ? (std::int64_t{1} << 32) | static_cast<std::uint32_t>(num_id)
                                  : static_cast<std::uint32_t>(*abstract_id);
    out.lists_.emplace(num_id, std::move(list));
  }
  return out;
}

std::optional<int> DocxNumbering::LevelForStyle(int num_id, std::string_view style_id) const {
  auto it = lists_.find(num_id);
  if (it == lists_.end() || style_id.empty()) return std::nullopt;
  for (int l = 0; l < kLevels; ++l) {
    if (it->second.levels[static_cast<std::size_t>(l)].style == style_id) return l;
  }
  return std::nullopt;
}

std::string DocxNumbering::Format(const Level& level, int value, bool legal) const {
  const std::string_view format = level.format;
  if (format == "none" || format == "bullet") return "";
  if (legal || value <= 0 || value > kMaxFormattedValue) return std::to_string(value);
  if (format == "lowerLetter") return Letters(value, false);
  if (format == "upperLetter") return Letters(value, true);
  if (format == "lowerRoman") return Roman(value, false);
  if (format == "upperRoman") return Roman(value, true);
  if (format == "decimalZero") return (value < 10 ? "0" : "") + std::to_string(value);
  if (format == "ordinal") return Ordinal(value);
  if (format == "decimalEnclosedParen") return "(" + std::to_string(value) + ")";
  return std::to_string(value);
}

std::string DocxNumbering::Count(int num_id, int ilvl) {
  if (num_id == 0) return "";
  auto it = lists_.find(num_id);
  if (it == lists_.end()) return "";
  const Levels& levels = it->second.levels;
  const int l = std::clamp(ilvl, 0, kLevels - 1);
  const std::size_t li = static_cast<std::size_t>(l);
  Counters& counters = counters_[it->second.counter_key];
  counters.value[li] = counters.started[li] ? counters.value[li] + 1 : levels[li].start;
  counters.started[li] = true;
  for (int deeper = l + 1; deeper < kLevels; ++deeper) {
    const std::optional<int>& restart = levels[static_cast<std::size_t>(deeper)].restart;
    if (!restart || (*restart != 0 && l < *restart)) {
      counters.started[static_cast<std::size_t>(deeper)] = false;
    }
  }
  const Level& level = levels[li];
  if (!level.text || level.format == "bullet" || level.format == "none") return "";
  std::string label;
  const std::string& text = *level.text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const std::size_t k = static_cast<std::size_t>(text[i + 1] - '1');
      const int value = counters.started[k] ? counters.value[k] : levels[k].start;
      label += Format(levels[k], value, level.legal);
      ++i;
    } else {
      label += text[i];
    }
  }
  return label;
}

}  // namespace tw::ingest
