#include "ingest/layout_footnotes.h"

#include <algorithm>
#include <cctype>

namespace tw::ingest {
namespace {

// Bottom lines are footnote text when set at most this much of the page's body size.
constexpr double kFootnoteSizeRatio = 0.9;

bool IsLabelText(std::string_view t) {
  if (t.empty() || t.size() > 3) {
    return t == "\u2020" || t == "\u2021";  // dagger, double dagger
  }
  if (std::all_of(t.begin(), t.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return true;
  }
  return std::all_of(t.begin(), t.end(), [](char c) { return c == '*'; });
}

double TypicalLineHeight(const std::vector<LayoutLine>& lines) {
  std::vector<std::pair<double, std::size_t>> heights;
  std::size_t total = 0;
  for (const LayoutLine& line : lines) {
    std::size_t bytes = 0;
    for (const LayoutWord& w : line.words) bytes += w.text.size();
    heights.emplace_back(line.height, bytes);
    total += bytes;
  }
  std::sort(heights.begin(), heights.end());
  std::size_t seen = 0;
  for (const auto& [height, weight] : heights) {
    seen += weight;
    if (2 * seen >= total) return height;
  }
  return heights.empty() ? 0 : heights.back().first;
}

}  // namespace

bool IsFootnoteSeparatorText(std::string_view text) {
  if (text.size() >= 5 && std::all_of(text.begin(), text.end(), [](char c) { return c == '_'; })) {
    return true;
  }
  // Rows of U+2014 em dash, U+2500 box rule or U+203E overline, at least three.
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); i += 3) {
    const std::string_view cp = text.substr(i, 3);
    if (cp != "\u2014" && cp != "\u2500" && cp != "\u203E") return false;
    ++count;
  }
  return count >= 3;
}

std::string FootnoteLabelAt(const LayoutLine& line, bool first_in_area) {
  const LayoutWord& first = line.words.front();
  if (first.superscript && IsLabelText(first.text) && line.words.size() >= 2) return first.text;
  if (!first_in_area || line.words.size() < 2) return "";
  std::string_view t = first.text;
  if (!t.empty() && (t.back() == '.' || t.back() == ')')) t.remove_suffix(1);
  if (!t.empty() && t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    return std::string(t);
  }
  return "";
}

std::vector<std::vector<LayoutLine>> SplitFootnoteAreas(std::vector<PageLayout>& pages) {
  std::vector<std::vector<LayoutLine>> areas(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<LayoutLine>& lines = pages[p].lines;
    if (lines.empty()) continue;
    std::size_t start = lines.size();  // first footnote line
    std::size_t cut = lines.size();    // first line removed from the body
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].top > kFootnoteSeparatorMinTop * pages[p].height &&
          IsFootnoteSeparatorText(lines[i].Text())) {
        // Everything on later rows belongs to the area; the separator's own row goes too.
        cut = i;
        while (cut > 0 && lines[cut - 1].row == lines[i].row) --cut;
        start = i + 1;
        while (start < lines.size() && lines[start].row == lines[i].row) ++start;
        break;
      }
    }
    if (cut == lines.size()) {
      const double body = TypicalLineHeight(lines);
      std::size_t first_small = lines.size();
      while (first_small > 1 && lines[first_small - 1].height < kFootnoteSizeRatio * body) {
        --first_small;
      }
      if (first_small < lines.size() && first_small > 0) {
        const LayoutWord& opener = lines[first_small].words.front();
        if (opener.superscript && IsLabelText(opener.text)) {
          cut = first_small;
          start = first_small;
        }
      }
    }
    if (cut == lines.size()) continue;
    areas[p].assign(std::make_move_iterator(lines.begin() + static_cast<std::ptrdiff_t>(start)),
                    std::make_move_iterator(lines.end()));
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(cut), lines.end());
  }
  return areas;
}

}  // namespace tw::ingest
