#include "ingest/layout_running_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

namespace tw::ingest {
namespace {

// (c) compares band lines pairwise until nothing changes (cubic in their number); a page
// with more band lines than this is not a normal page (a dense table, a hostile file) and
// keeps them. A UN page has at most ten.
constexpr std::size_t kMaxBandLinesForContiguity = 24;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool AllDigits(std::string_view s, std::size_t min_len, std::size_t max_len) {
  if (s.size() < min_len || s.size() > max_len) return false;
  return std::all_of(s.begin(), s.end(), IsDigit);
}

bool IsPageNumberToken(std::string_view t) {
  if (AllDigits(t, 1, 4)) return true;
  const std::size_t slash = t.find('/');
  if (slash != std::string_view::npos) {
    return AllDigits(t.substr(0, slash), 1, 4) && AllDigits(t.substr(slash + 1), 1, 4);
  }
  if (t.size() <= 6 && std::all_of(t.begin(), t.end(), [](char c) {
        return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c';
      })) {
    return !t.empty();
  }
  return false;
}

// "24-24621", "V.23-12345", "LT.24-00012".
bool IsJobNumberToken(std::string_view t) {
  const std::size_t dot = t.find('.');
  if (dot != std::string_view::npos) {
    const std::string_view prefix = t.substr(0, dot);
    if (prefix.empty() || prefix.size() > 2 ||
        !std::all_of(prefix.begin(), prefix.end(), IsUpper)) {
      return false;
    }
    t = t.substr(dot + 1);
  }
  const std::size_t dash = t.find('-');
  if (dash == std::string_view::npos) return false;
  return AllDigits(t.substr(0, dash), 2, 2) && AllDigits(t.substr(dash + 1), 4, 6);
}

bool IsLanguageSuffixToken(std::string_view t) {
  return t.size() == 3 && t[0] == '(' && IsUpper(t[1]) && t[2] == ')';
}

bool IsBarcodeToken(std::string_view t) {
  if (t.size() < 7 || t.front() != '*' || t.back() != '*') return false;
  const std::string_view inner = t.substr(1, t.size() - 2);
  return std::all_of(inner.begin(), inner.end(), [](char c) { return IsDigit(c) || IsUpper(c); });
}

// UN-style document symbols: "A/RES/79/243", "A/AC.291/22/Rev.1", "E/CN.15/2024/L.3".
bool IsSymbolToken(std::string_view t) {
  if (t.empty() || !IsUpper(t.front())) return false;
  const std::size_t slash = t.find('/');
  if (slash == std::string_view::npos || slash > 10 || slash + 1 >= t.size()) return false;
  bool has_digit = false;
  for (char c : t) {
    if (IsDigit(c)) {
      has_digit = true;
    } else if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '-')) {
      return false;
    }
  }
  return has_digit && t.back() != '/';
}


bool IsDashToken(std::string_view t) { return t == "-" || t == "\u2013" || t == "\u2014"; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct BandLine {
  std::size_t page;
  std::size_t line;
  bool top;
};

}  // namespace

bool IsFurnitureText(std::string_view text) {
  const std::vector<std::string_view> tokens = SplitOnSpaces(text);
  if (tokens.empty()) return false;
  // Whole-line forms: "Page 3", "Page 3 of 46", "p. 3", "- 3 -".
  const std::string first = Lower(tokens[0]);
  if ((first == "page" || first == "p.") && tokens.size() >= 2 && AllDigits(tokens[1], 1, 4)) {
    if (tokens.size() == 2) return true;
    if (tokens.size() == 4 && Lower(tokens[2]) == "of" && AllDigits(tokens[3], 1, 4)) return true;
    return false;
  }
  if (tokens.size() == 3 && IsDashToken(tokens[0]) && IsDashToken(tokens[2]) &&
      AllDigits(tokens[1], 1, 4)) {
    return true;
  }
  return std::all_of(tokens.begin(), tokens.end(), [](std::string_view t) {
    return IsPageNumberToken(t) || IsJobNumberToken(t) || IsLanguageSuffixToken(t) ||
           IsBarcodeToken(t) || IsSymbolToken(t);
  });
}

std::vector<std::string> RemoveRunningText(std::vector<PageLayout>& pages) {
  std::vector<BandLine> band;
  std::vector<std::string> band_text;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const PageLayout& page = pages[p];
    for (std::size_t l = 0; l < page.lines.size(); ++l) {
      const LayoutLine& line = page.lines[l];
      const bool top = line.top < kTopBand * page.height;
      const bool bottom = line.bottom > (1 - kBottomBand) * page.height;
      if (!top && !bottom) continue;
      band.push_back({p, l, top});
      band_text.push_back(line.Text());
    }
  }

  // (a) exact repeats per band.
  std::unordered_map<std::string, std::set<std::size_t>> pages_with;
  for (std::size_t i = 0; i < band.size(); ++i) {
    pages_with[(band[i].top ? "T" : "B") + band_text[i]].insert(band[i].page);
  }
  const std::size_t threshold = std::max<std::size_t>(2, (pages.size() + 3) / 4);

  std::vector<std::vector<bool>> removed(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) removed[p].assign(pages[p].lines.size(), false);
  std::map<std::string, std::set<std::size_t>> removed_texts;
  for (std::size_t i = 0; i < band.size(); ++i) {
    const bool repeated = pages_with[(band[i].top ? "T" : "B") + band_text[i]].size() >= threshold;
    if (repeated || IsFurnitureText(band_text[i])) {
      removed[band[i].page][band[i].line] = true;
      removed_texts[band_text[i]].insert(band[i].page);
    }
  }

  // (c) top-band lines touching removed ones.
  std::vector<std::vector<std::size_t>> top_lines_of(pages.size());
  for (const BandLine& b : band) {
    if (b.top) top_lines_of[b.page].push_back(b.line);
  }
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const std::vector<std::size_t>& top_lines = top_lines_of[p];
    if (top_lines.size() > kMaxBandLinesForContiguity) continue;
    const std::vector<LayoutLine>& lines = pages[p].lines;
    bool changed = true;
    while (changed) {
      changed = false;
      for (std::size_t a : top_lines) {
        if (removed[p][a]) continue;
        for (std::size_t b : top_lines) {
          if (!removed[p][b]) continue;
          const LayoutLine& la = lines[a];
          const LayoutLine& lb = lines[b];
          const double gap = std::max(la.top, lb.top) - std::min(la.bottom, lb.bottom);
          if (la.row == lb.row || gap < 0.5 * std::min(la.height, lb.height)) {
            removed[p][a] = true;
            removed_texts[la.Text()].insert(p);
            changed = true;
            break;
          }
        }
      }
    }
  }

  std::size_t removed_count = 0;
  std::set<std::size_t> removed_pages;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<LayoutLine> kept;
    kept.reserve(pages[p].lines.size());
    for (std::size_t l = 0; l < pages[p].lines.size(); ++l) {
      if (removed[p][l]) {
        ++removed_count;
        removed_pages.insert(p);
      } else {
        kept.push_back(std::move(pages[p].lines[l]));
      }
    }
    pages[p].lines = std::move(kept);
  }

  std::vector<std::string> notes;
  if (removed_count > 0) {
    std::vector<std::pair<std::size_t, std::string>> by_pages;
    for (const auto& [text, on] : removed_texts) by_pages.emplace_back(on.size(), text);
    std::stable_sort(by_pages.begin(), by_pages.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string examples;
    for (std::size_t i = 0; i < by_pages.size() && i < 3; ++i) {
      std::string text = by_pages[i].second;
      if (text.size() > 60) {
        std::size_t cut = 57;  // on a code point boundary
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "...";
      }
      examples += fmt::format("{}\"{}\" ({} pages)", i ? ", " : "", text, by_pages[i].first);
    }
    notes.push_back(fmt::format("removed {} header/footer lines on {} pages, e.g. {}",
                                removed_count, removed_pages.size(), examples));
  }
  return notes;
}

}  // namespace tw::ingest
