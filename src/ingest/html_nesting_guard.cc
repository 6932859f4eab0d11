#include "ingest/html_nesting_guard.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace tw::ingest {
namespace {

// Tag names longer than this are truncated for bookkeeping; no HTML element name is.
constexpr std::size_t kMaxNameBytes = 32;

// Unclosed formatting elements kept. Gumbo reopens every one of them in each new block, so
// the cost of a page is blocks x this; real pages nest a handful (<a><b><i><font>...). With
// 8, "<p><b id=k>x</p>" repeated 20,000 times reads in about 0.3 s of CPU (RelWithDebInfo,
// the 2-core development VM).
constexpr std::size_t kMaxOpenFormatting = 8;

template <std::size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

constexpr std::array<std::string_view, 18> kVoid = {
    "area", "base",  "br",     "col",   "embed", "hr",       "img",     "input", "link",
    "meta", "param", "source", "track", "wbr",   "basefont", "bgsound", "frame", "keygen"};

constexpr std::array<std::string_view, 14> kFormatting = {
    "a",    "b", "big",   "code",   "em",     "font", "i",
    "nobr", "s", "small", "strike", "strong", "tt",   "u"};

constexpr std::array<std::string_view, 8> kRawText = {"script", "style",  "textarea", "title",
                                                      "xmp",    "iframe", "noembed",  "noframes"};

// Start tags that close an open <p> (the HTML "close a p element" rule, simplified to the top).
constexpr std::array<std::string_view, 38> kClosesP = {
    "address", "article", "aside",    "blockquote", "center",  "details", "dialog",  "dir",
    "div",     "dl",      "fieldset", "figcaption", "figure",  "footer",  "form",    "h1",
    "h2",      "h3",      "h4",       "h5",         "h6",      "header",  "hgroup",  "main",
    "menu",    "nav",     "ol",       "p",          "pre",     "section", "summary", "table",
    "ul",      "li",      "dd",       "dt",         "listing", "search"};

class Scanner {
 public:
  Scanner(std::string_view html, int max_depth)
      : html_(html), max_depth_(static_cast<std::size_t>(std::max(max_depth, 1))) {}

  // Calls `cut(begin, end)` for every tag to remove, in order.
  template <typename Cut>
  void Run(Cut cut) {
    const std::size_t n = html_.size();
    std::size_t i = 0;
    while (i < n) {
      const std::size_t lt = html_.find('<', i);
      if (lt == std::string_view::npos) break;
      i = lt + 1;
      if (html_.substr(lt, 4) == "<!--") {
        const std::size_t end = html_.find("-->", lt + 4);
        i = end == std::string_view::npos ? n : end + 3;
        continue;
      }
      if (i < n && (html_[i] == '!' || html_[i] == '?')) {
        const std::size_t gt = html_.find('>', i);
        i = gt == std::string_view::npos ? n : gt + 1;
        continue;
      }
      const bool end_tag = i < n && html_[i] == '/';
      const std::size_t name_begin = end_tag ? i + 1 : i;
      if (name_begin >= n || !std::isalpha(static_cast<unsigned char>(html_[name_begin]))) continue;
      std::size_t name_end = name_begin;
      while (name_end < n && !std::isspace(static_cast<unsigned char>(html_[name_end])) &&
             html_[name_end] != '/' && html_[name_end] != '>') {
        ++name_end;
      }
      std::string name(html_.substr(name_begin, std::min(name_end - name_begin, kMaxNameBytes)));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const std::size_t gt = TagEnd(name_end);
      const std::size_t tag_end = gt < n ? gt + 1 : n;
      const bool self_closing = gt < n && gt > name_end && html_[gt - 1] == '/';
      i = tag_end;
      if (end_tag) {
        if (EndTag(name)) cut(lt, tag_end);
        continue;
      }
      if (StartTag(name, self_closing)) cut(lt, tag_end);
      if (name == "plaintext") break;
      if (In(kRawText, name)) i = FindEndTag(name, i);
    }
  }

 private:
  // Position of the '>' ending a tag whose attributes start at `i` (quoted values skipped).
  std::size_t TagEnd(std::size_t i) const {
    const std::size_t n = html_.size();
    while (i < n && html_[i] != '>') {
      if (html_[i] == '=') {
        ++i;
        while (i < n && std::isspace(static_cast<unsigned char>(html_[i]))) ++i;
        if (i < n && (html_[i] == '"' || html_[i] == '\'')) {
          const std::size_t close = html_.find(html_[i], i + 1);
          if (close == std::string_view::npos) return n;
          i = close + 1;
          continue;
        }
        continue;
      }
      ++i;
    }
    return i;
  }

  // Start of "</name" (any case) at or after `i`, or the end of the input.
  std::size_t FindEndTag(std::string_view name, std::size_t i) const {
    while (true) {
      const std::size_t lt = html_.find("</", i);
      if (lt == std::string_view::npos) return html_.size();
      bool match = lt + 2 + name.size() <= html_.size();
      for (std::size_t k = 0; match && k < name.size(); ++k) {
        match = std::tolower(static_cast<unsigned char>(html_[lt + 2 + k])) == name[k];
      }
      if (match) return lt;
      i = lt + 2;
    }
  }

  std::size_t Depth() const { return open_.size() + formatting_total_; }

  void PopThrough(std::string_view target, std::initializer_list<std::string_view> stops) {
    for (std::size_t k = open_.size(); k-- > 0;) {
      if (open_[k] == target) {
        open_.resize(k);
        return;
      }
      for (std::string_view stop : stops) {
        if (open_[k] == stop) return;
      }
    }
  }

  // Returns true when the tag must be cut.
  bool StartTag(const std::string& name, bool self_closing) {
    if (In(kVoid, name)) return false;
    if (self_closing && foreign_ > 0) return false;
    if (In(kClosesP, name) && !open_.empty() && open_.back() == "p") open_.pop_back();
    if (name == "li") PopThrough("li", {"ul", "ol", "menu"});
    if (name == "dt" || name == "dd") {
      PopThrough("dt", {"dl", "dd"});
      PopThrough("dd", {"dl", "dt"});
    }
    if (name == "tr") PopThrough("tr", {"table"});
    if (name == "td" || name == "th") {
      PopThrough("td", {"tr", "table", "th"});
      PopThrough("th", {"tr", "table", "td"});
    }
    if ((name == "option" || name == "optgroup") && !open_.empty() && open_.back() == "option") {
      open_.pop_back();
    }
    const bool formatting = In(kFormatting, name);
    if (Depth() >= max_depth_ || (formatting && formatting_total_ >= kMaxOpenFormatting)) {
      ++cut_open_[name];
      return true;
    }
    if (formatting) {
      ++formatting_open_[name];
      ++formatting_total_;
    } else {
      open_.push_back(name);
      if (name == "svg" || name == "math") ++foreign_;
    }
    return false;
  }

  bool EndTag(const std::string& name) {
    if (auto it = cut_open_.find(name); it != cut_open_.end() && it->second > 0) {
      --it->second;
      return true;
    }
    if (In(kFormatting, name)) {
      if (auto it = formatting_open_.find(name); it != formatting_open_.end() && it->second > 0) {
        --it->second;
        --formatting_total_;
      }
      return false;
    }
    for (std::size_t k = open_.size(); k-- > 0;) {
      if (open_[k] == name) {
        for (std::size_t m = k; m < open_.size(); ++m) {
          if (open_[m] == "svg" || open_[m] == "math") --foreign_;
        }
        open_.resize(k);
        break;
      }
    }
    return false;
  }

  std::string_view html_;
  std::size_t max_depth_;
  std::vector<std::string> open_;
  std::map<std::string, int> formatting_open_;
  std::map<std::string, int> cut_open_;
  std::size_t formatting_total_ = 0;
  int foreign_ = 0;
};

}  // namespace

std::size_t GuardedHtml::OriginalOffset(std::size_t offset) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), offset,
                             [](std::size_t o, const Segment& s) { return o < s.guarded_begin; });
  if (it == segments_.begin()) return offset;
  --it;
  return it->original_begin + (offset - it->guarded_begin);
}

std::size_t GuardedHtml::SegmentEnd(std::size_t offset) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), offset,
                             [](std::size_t o, const Segment& s) { return o < s.guarded_begin; });
  return it == segments_.end() ? SIZE_MAX : it->guarded_begin;
}

GuardedHtml LimitHtmlNesting(std::string_view html, int max_depth) {
  GuardedHtml guarded;
  guarded.segments_.push_back({0, 0});
  std::size_t copied_to = 0;
  Scanner scanner(html, max_depth);
  scanner.Run([&](std::size_t begin, std::size_t end) {
    guarded.text_.append(html.substr(copied_to, begin - copied_to));
    copied_to = end;
    guarded.segments_.push_back({guarded.text_.size(), end});
    ++guarded.cut_tags_;
  });
  guarded.text_.append(html.substr(copied_to));
  return guarded;
}

}  // namespace tw::ingest
