#include "ingest/docx_styles.h"

#include <cctype>
#include <charconv>

namespace tw::ingest {

std::optional<int> ParseDocxInt(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

DocxStyles DocxStyles::Load(const XmlPart* styles) {
  DocxStyles out;
  if (!styles) return out;
  for (pugi::xml_node node = styles->root().first_child(); node; node = node.next_sibling()) {
    if (!styles->Is(node, "style")) continue;
    const std::string_view type = styles->Attr(node, "type");
    const std::string id = styles->Attr(node, "styleId");
    if (id.empty()) continue;
    Style style;
    style.numbering_style = type == "numbering";
    if (pugi::xml_node based_on = styles->Child(node, "basedOn")) {
      style.based_on = styles->Attr(based_on, "val");
    }
    std::string name = styles->Attr(styles->Child(node, "name"), "val");
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    style.heading = name.rfind("heading", 0) == 0 || name == "title";
    if (pugi::xml_node ppr = styles->Child(node, "pPr")) {
      if (styles->Child(ppr, "outlineLvl")) style.heading = true;
      if (pugi::xml_node numpr = styles->Child(ppr, "numPr")) {
        style.num_id = ParseDocxInt(styles->Attr(styles->Child(numpr, "numId"), "val"));
        style.ilvl = ParseDocxInt(styles->Attr(styles->Child(numpr, "ilvl"), "val"));
      }
    }
    const std::string_view is_default = styles->Attr(node, "default");
    if (type == "paragraph" && (is_default == "1" || is_default == "true" || is_default == "on")) {
      out.default_paragraph_ = id;
    }
    out.styles_.emplace(id, std::move(style));
  }
  return out;
}

const DocxStyles::Style* DocxStyles::Find(std::string_view id) const {
  auto it = styles_.find(std::string(id));
  return it == styles_.end() ? nullptr : &it->second;
}

StyleNumbering DocxStyles::NumberingOf(std::string_view style_id) const {
  StyleNumbering out;
  std::string_view id = style_id.empty() ? std::string_view(default_paragraph_) : style_id;
  for (int step = 0; step < kMaxStyleChain && !id.empty(); ++step) {
    const Style* style = Find(id);
    if (!style) break;
    if (!out.num_id && style->num_id) out.num_id = style->num_id;
    if (!out.ilvl && style->ilvl) out.ilvl = style->ilvl;
    if (out.num_id && out.ilvl) break;
    id = style->based_on;
  }
  return out;
}

bool DocxStyles::IsHeading(std::string_view style_id) const {
  std::string_view id = style_id.empty() ? std::string_view(default_paragraph_) : style_id;
  for (int step = 0; step < kMaxStyleChain && !id.empty(); ++step) {
    const Style* style = Find(id);
    if (!style) return false;
    if (style->heading) return true;
    id = style->based_on;
  }
  return false;
}

std::optional<int> DocxStyles::NumberingStyleNumId(std::string_view style_id) const {
  std::string_view id = style_id;
  for (int step = 0; step < kMaxStyleChain && !id.empty(); ++step) {
    const Style* style = Find(id);
    if (!style) return std::nullopt;
    if (style->num_id) return style->num_id;
    id = style->based_on;
  }
  return std::nullopt;
}

}  // namespace tw::ingest
