#include "ingest/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>

#include "text/utf8.h"

namespace tw::ingest {
namespace {

// Decodes one code point at `i`; malformed bytes decode as U+FFFD (poppler hands us valid
// UTF-8, but nothing here may trust that).
char32_t DecodeAt(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  int length = 0;
  char32_t cp = 0;
  if (b0 < 0x80) {
    ++i;
    return b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + length > s.size()) {
    i = s.size();
    return 0xFFFD;
  }
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  return cp;
}

bool IsOddSpace(char32_t cp) {
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x2028 || cp == 0x2029 || cp == '\t' || cp == '\n' || cp == '\r' ||
         cp == '\f' || cp == '\v';
}

bool IsInvisible(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200D) ||
         cp == 0x2060 || cp == 0xFEFF;
}

const char* LigatureExpansion(char32_t cp) {
  switch (cp) {
    case 0xFB00:
      return "ff";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xFB03:
      return "ffi";
    case 0xFB04:
      return "ffl";
    case 0xFB05:
      return "st";
    case 0xFB06:
      return "st";
    default:
      return nullptr;
  }
}

struct RowBox {
  const PdfTextBox* box;
  std::string text;
  bool soft_hyphen_end;
  double left, top, right, bottom;
  double Center() const { return (top + bottom) / 2; }
  double Height() const { return bottom - top; }
};

// Height that most of the row's text has: the byte-weighted median, so a superscript or a
// single large initial does not decide it.
double TypicalHeight(const std::vector<RowBox*>& boxes) {
  std::vector<std::pair<double, std::size_t>> heights;
  heights.reserve(boxes.size());
  std::size_t total = 0;
  for (const RowBox* b : boxes) {
    heights.emplace_back(b->Height(), b->text.size());
    total += b->text.size();
  }
  std::sort(heights.begin(), heights.end());
  std::size_t seen = 0;
  for (const auto& [height, weight] : heights) {
    seen += weight;
    if (2 * seen >= total) return height;
  }
  return heights.empty() ? 0 : heights.back().first;
}

void FinishLine(LayoutLine& line) {
  line.left = line.words.front().left;
  line.right = line.words.back().right;
  line.top = line.words.front().top;
  line.bottom = line.words.front().bottom;
  std::vector<std::pair<double, std::size_t>> heights;
  std::size_t total = 0;
  for (const LayoutWord& w : line.words) {
    line.top = std::min(line.top, w.top);
    line.bottom = std::max(line.bottom, w.bottom);
    if (w.superscript) continue;
    heights.emplace_back(w.Height(), w.text.size());
    total += w.text.size();
  }
  if (heights.empty()) {
    line.height = line.bottom - line.top;
    return;
  }
  std::sort(heights.begin(), heights.end());
  std::size_t seen = 0;
  for (const auto& [height, weight] : heights) {
    seen += weight;
    if (2 * seen >= total) {
      line.height = height;
      return;
    }
  }
  line.height = heights.back().first;
}

}  // namespace

double LayoutLine::Em() const { return height / kBoxHeightPerEm; }

std::string LayoutLine::Text() const {
  std::string out;
  for (const LayoutWord& w : words) {
    if (!out.empty() && w.space_before) out.push_back(' ');
    out += w.text;
  }
  return out;
}

std::string CleanBoxText(std::string_view raw, bool* soft_hyphen_end) {
  *soft_hyphen_end = false;
  if (std::all_of(raw.begin(), raw.end(), [](char c) { return c > ' ' && c < 0x7F; })) {
    return std::string(raw);
  }
  std::string out;
  out.reserve(raw.size());
  bool last_was_soft_hyphen = false;
  for (std::size_t i = 0; i < raw.size();) {
    const char32_t cp = DecodeAt(raw, i);
    last_was_soft_hyphen = cp == 0x00AD;
    if (cp == 0x00AD) continue;
    if (IsOddSpace(cp) || cp == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (IsInvisible(cp)) continue;
    if (const char* expansion = LigatureExpansion(cp)) {
      out += expansion;
      continue;
    }
    text::AppendUtf8(out, cp);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  *soft_hyphen_end = last_was_soft_hyphen;
  return out;
}

PageLayout BuildPageLines(const PdfPage& page) {
  PageLayout layout;
  layout.number = page.number;
  layout.width = page.width;
  layout.height = page.height;

  std::vector<RowBox> boxes;
  boxes.reserve(page.boxes.size());
  for (const PdfTextBox& box : page.boxes) {
    bool soft = false;
    std::string text = CleanBoxText(box.text, &soft);
    if (text.empty()) continue;
    double bottom = box.bottom;
    // Degenerate boxes (zero-height fonts) still need an extent to be placed on a row.
    if (!(bottom - box.top > 0.5)) bottom = box.top + 0.5;
    if (!std::isfinite(box.left) || !std::isfinite(box.top) || !std::isfinite(box.right) ||
        !std::isfinite(bottom)) {
      continue;
    }
    boxes.push_back(
        {&box, std::move(text), soft, box.left, box.top, std::max(box.left, box.right), bottom});
  }
  std::vector<RowBox*> order(boxes.size());
  for (std::size_t i = 0; i < boxes.size(); ++i) order[i] = &boxes[i];
  std::stable_sort(order.begin(), order.end(),
                   [](const RowBox* a, const RowBox* b) { return a->Center() < b->Center(); });

  // Rows: a box joins the current row when its centre lies inside the row's extent or the
  // row's centre inside the box. Sorted by centre, so only the last row can take it.
  std::vector<std::vector<RowBox*>> rows;
  double row_top = 0, row_bottom = 0;
  for (RowBox* b : order) {
    const double row_center = (row_top + row_bottom) / 2;
    const bool joins = !rows.empty() && ((b->Center() >= row_top && b->Center() <= row_bottom) ||
                                         (row_center >= b->top && row_center <= b->bottom));
    if (joins) {
      rows.back().push_back(b);
      row_top = std::min(row_top, b->top);
      row_bottom = std::max(row_bottom, b->bottom);
    } else {
      rows.push_back({b});
      row_top = b->top;
      row_bottom = b->bottom;
    }
  }

  int row_index = 0;
  for (std::vector<RowBox*>& row : rows) {
    std::stable_sort(row.begin(), row.end(),
                     [](const RowBox* a, const RowBox* b) { return a->left < b->left; });
    // Some producers fake bold by drawing the same text twice, slightly offset.
    std::vector<RowBox*> unique;
    unique.reserve(row.size());
    for (RowBox* b : row) {
      if (!unique.empty()) {
        const RowBox* p = unique.back();
        const double overlap = std::min(p->right, b->right) - std::max(p->left, b->left);
        if (p->text == b->text && overlap > 0.5 * std::max(b->right - b->left, 0.1)) continue;
      }
      unique.push_back(b);
    }
    const double typical = TypicalHeight(unique);
    double typical_bottom = 0;
    {
      std::vector<double> bottoms;
      for (const RowBox* b : unique) {
        if (std::abs(b->Height() - typical) <= 0.1 * typical) bottoms.push_back(b->bottom);
      }
      if (bottoms.empty()) bottoms.push_back(unique.front()->bottom);
      std::nth_element(bottoms.begin(), bottoms.begin() + bottoms.size() / 2, bottoms.end());
      typical_bottom = bottoms[bottoms.size() / 2];
    }
    const double row_em = typical / kBoxHeightPerEm;

    LayoutLine line;
    line.row = row_index;
    for (const RowBox* b : unique) {
      const bool superscript =
          b->Height() < 0.8 * typical && b->bottom < typical_bottom - 0.2 * typical;
      if (!line.words.empty()) {
        LayoutWord& prev = line.words.back();
        const double gap = b->left - prev.right;
        if (gap > kColumnGapEm * row_em) {
          FinishLine(line);
          layout.lines.push_back(std::move(line));
          line = LayoutLine{};
          line.row = row_index;
        } else if (superscript == prev.superscript && !prev.soft_hyphen_end &&
                   gap < kGlueGapEm * std::min(prev.Height(), b->Height()) / kBoxHeightPerEm) {
          prev.glued.push_back({prev.text.size(), b->box->source_offset});
          prev.text += b->text;
          prev.right = std::max(prev.right, b->right);
          prev.top = std::min(prev.top, b->top);
          prev.bottom = std::max(prev.bottom, b->bottom);
          prev.soft_hyphen_end = b->soft_hyphen_end;
          continue;
        }
      }
      LayoutWord word;
      word.text = b->text;
      word.source_offset = b->box->source_offset;
      word.left = b->left;
      word.top = b->top;
      word.right = b->right;
      word.bottom = b->bottom;
      word.superscript = superscript;
      word.soft_hyphen_end = b->soft_hyphen_end;
      if (!line.words.empty()) {
        word.space_before = b->left - line.words.back().right >= kGlueGapEm * row_em;
      }
      line.words.push_back(std::move(word));
    }
    FinishLine(line);
    layout.lines.push_back(std::move(line));
    ++row_index;
  }
  return layout;
}

std::vector<std::string_view> SplitOnSpaces(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) tokens.push_back(text.substr(start, i - start));
  }
  return tokens;
}

}  // namespace tw::ingest
