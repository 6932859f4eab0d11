// HTML: bytes -> UTF-8 (html_charset.h) -> nesting bounded (html_nesting_guard.h) -> gumbo
// tree -> blocks, walked with an explicit stack so no input can exhaust the call stack.
//
// Depth policy: LimitHtmlNesting cuts tags that would nest deeper than
// options.limits.max_xml_depth, keeping their text in the deepest element kept, and a note
// says how many tags were cut. The walk itself needs no limit: its stack is on the heap.
//
// Blocks: p, div, h1–h6, li, dt, dd, blockquote, section, article, pre lines and the other
// block elements each end the current block; <br> and <hr> end it too; every table row is one
// block with its cells joined by " | " (blocks inside a cell become spaces). Inline elements
// join their text with the spacing the source has. Dropped with their content: head, script,
// style, noscript, template, nav, form controls, embedded media, elements marked hidden, and
// header/footer outside an article or section (page chrome). Items of an <ol> start with their
// number as a browser prints it: start=, value= and reversed honoured, type="a"/"A"/"i"/"I"
// giving "a." "A." "i." "I."; <ul> bullets are dropped.
//
// Source offsets: per text node from gumbo's position, exact when the node's text is its
// source (no entity), else mapped to the node's start.
#include "ingest/html_reader.h"
#include "doc/numbering.h"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "ingest/block_writer.h"
#include "ingest/html_charset.h"
#include "ingest/html_nesting_guard.h"

namespace tw::ingest {
namespace {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

template <std::size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

constexpr std::array<std::string_view, 22> kDropped = {
    "head",   "script", "style",    "noscript", "template", "nav",    "title",  "select",
    "button", "input",  "textarea", "svg",      "math",     "iframe", "object", "embed",
    "canvas", "audio",  "video",    "map",      "datalist", "img"};

constexpr std::array<std::string_view, 40> kBlocks = {
    "html",    "body",       "p",          "div",      "h1",     "h2",    "h3",     "h4",
    "h5",      "h6",         "li",         "dt",       "dd",     "dl",    "ul",     "ol",
    "menu",    "blockquote", "section",    "article",  "main",   "aside", "header", "footer",
    "address", "figure",     "figcaption", "table",    "thead",  "tbody", "tfoot",  "caption",
    "center",  "details",    "summary",    "fieldset", "legend", "form",  "hgroup", "dir"};

enum class Role { kInline, kBlock, kRow, kCell, kList, kItem, kPre };

std::string_view TagName(const GumboNode* node) {
  const GumboElement& element = node->v.element;
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece original = element.original_tag;
  if (original.length == 0 || original.data == nullptr) return "";
  gumbo_tag_from_original_text(&original);
  return std::string_view(original.data, original.length);
}

const char* Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute ? attribute->value : nullptr;
}

std::string ToLetters(long n, bool upper) {
  std::string out;
  while (n > 0) {
    --n;
    out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + n % 26));
    n /= 26;
  }
  return out;
}

std::string ToRoman(long n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  return doc::FormatRoman(static_cast<int>(n), upper);
}

long ParseLong(const char* text, long fallback) {
  if (!text) return fallback;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (end == text || value < -1000000 || value > 1000000) return fallback;
  return value;
}

struct ListState {
  bool ordered = false;
  bool reversed = false;
  char type = '1';
  long next = 1;
};

class HtmlWalker {
 public:
  explicit HtmlWalker(const GuardedHtml& guarded, std::size_t base)
      : guarded_(guarded), base_(base) {}

  void Walk(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
      Role role;
    };
    std::vector<Frame> stack;
    stack.push_back({root, 0, Role::kBlock});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const GumboVector* children = Children(frame.node);
      if (children && frame.next_child < children->length) {
        const auto* child = static_cast<const GumboNode*>(children->data[frame.next_child++]);
        if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) {
          Role role;
          if (Enter(child, role)) stack.push_back({child, 0, role});
        } else {
          Text(child);
        }
        continue;
      }
      Exit(frame.node, frame.role);
      stack.pop_back();
    }
  }

  doc::SourceText Finish() { return out_.Finish(); }
  void AddNote(std::string note) { out_.AddNote(std::move(note)); }

 private:
  static const GumboVector* Children(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      return &node->v.element.children;
    }
    return nullptr;
  }

  std::size_t Source(std::size_t guarded_offset) const {
    return base_ + guarded_.OriginalOffset(guarded_offset);
  }

  bool InRow() const { return row_depth_ > 0; }

  // A block boundary: a new block, or a space inside a table row.
  void Boundary(std::size_t source) {
    if (InRow()) {
      out_.AddSpace(source);
    } else {
      out_.EndBlock();
    }
  }

  // Returns false to skip the element and its content.
  bool Enter(const GumboNode* node, Role& role) {
    const std::string_view name = TagName(node);
    const std::size_t source = Source(node->v.element.start_pos.offset);
    if (In(kDropped, name) || Attribute(node, "hidden") != nullptr) return false;
    if ((name == "header" || name == "footer") && sectioning_depth_ == 0) return false;
    if (name == "br" || name == "hr") {
      Boundary(source);
      return false;
    }
    role = Role::kInline;
    if (name == "tr") {
      role = Role::kRow;
      out_.EndBlock();
      ++row_depth_;
      first_cell_ = true;
    } else if (name == "td" || name == "th") {
      role = Role::kCell;
      if (!first_cell_) out_.AddSynthetic(" | ", source);
      first_cell_ = false;
    } else if (name == "ol" || name == "ul" || name == "menu") {
      role = Role::kList;
      ListState list;
      list.ordered = name == "ol";
      list.reversed = list.ordered && Attribute(node, "reversed") != nullptr;
      if (const char* type = Attribute(node, "type"); type && *type) list.type = type[0];
      list.next = ParseLong(Attribute(node, "start"), list.reversed ? CountItems(node) : 1);
      lists_.push_back(list);
      Boundary(source);
    } else if (name == "li") {
      role = Role::kItem;
      Boundary(source);
      if (!lists_.empty() && lists_.back().ordered) {
        ListState& list = lists_.back();
        list.next = ParseLong(Attribute(node, "value"), list.next);
        out_.AddSynthetic(Label(list), source);
        out_.AddSpace(source);
        list.next += list.reversed ? -1 : 1;
      }
    } else if (name == "pre" || name == "listing" || name == "plaintext") {
      role = Role::kPre;
      Boundary(source);
      ++pre_depth_;
    } else if (In(kBlocks, name)) {
      role = Role::kBlock;
      Boundary(source);
    }
    if (name == "article" || name == "section" || name == "main") ++sectioning_depth_;
    return true;
  }

  void Exit(const GumboNode* node, Role role) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
      out_.EndBlock();
      return;
    }
    const std::string_view name = TagName(node);
    if (name == "article" || name == "section" || name == "main") --sectioning_depth_;
    switch (role) {
      case Role::kInline:
      case Role::kCell:
        return;
      case Role::kRow:
        --row_depth_;
        out_.EndBlock();
        return;
      case Role::kList:
        lists_.pop_back();
        Boundary(0);
        return;
      case Role::kPre:
        --pre_depth_;
        Boundary(0);
        return;
      case Role::kItem:
      case Role::kBlock:
        Boundary(0);
        return;
    }
  }

  void Text(const GumboNode* node) {
    if (node->type == GUMBO_NODE_COMMENT) return;
    const GumboText& text = node->v.text;
    if (!text.text) return;
    const std::string_view value(text.text);
    const std::size_t offset = text.start_pos.offset;
    const std::string_view original(text.original_text.data ? text.original_text.data : "",
                                    text.original_text.length);
    const bool exact = original == value && node->type != GUMBO_NODE_CDATA;
    if (pre_depth_ > 0 && !InRow()) {
      // Each line of preformatted text is a block.
      std::size_t start = 0;
      while (start <= value.size()) {
        const std::size_t end = std::min(value.find('\n', start), value.size());
        Add(value.substr(start, end - start), offset + (exact ? start : 0), exact);
        if (end == value.size()) break;
        out_.EndBlock();
        start = end + 1;
      }
      return;
    }
    Add(value, offset, exact);
  }

  void Add(std::string_view value, std::size_t guarded_offset, bool exact) {
    if (!exact) {
      out_.AddSynthetic(value, Source(guarded_offset));
      return;
    }
    // A run copied from the input maps byte by byte, except across a tag the guard cut out.
    std::size_t done = 0;
    while (done < value.size()) {
      const std::size_t at = guarded_offset + done;
      const std::size_t run = std::min(value.size() - done, guarded_.SegmentEnd(at) - at);
      out_.AddText(value.substr(done, run), Source(at));
      done += run;
    }
  }

  static std::string Label(const ListState& list) {
    switch (list.type) {
      case 'a':
        return ToLetters(list.next, false) + ".";
      case 'A':
        return ToLetters(list.next, true) + ".";
      case 'i':
        return ToRoman(list.next, false) + ".";
      case 'I':
        return ToRoman(list.next, true) + ".";
      default:
        return std::to_string(list.next) + ".";
    }
  }

  static long CountItems(const GumboNode* list) {
    long count = 0;
    const GumboVector& children = list->v.element.children;
    for (unsigned k = 0; k < children.length; ++k) {
      const auto* child = static_cast<const GumboNode*>(children.data[k]);
      if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_LI) ++count;
    }
    return count;
  }

  const GuardedHtml& guarded_;
  std::size_t base_;
  BlockWriter out_;
  std::vector<ListState> lists_;
  int row_depth_ = 0;
  int pre_depth_ = 0;
  int sectioning_depth_ = 0;
  bool first_cell_ = false;
};

}  // namespace

absl::StatusOr<doc::SourceText> ReadHtml(std::string_view name, std::string_view bytes,
                                         const ReadOptions& options) {
  if (absl::Status usable = CheckDocumentBytes(name, bytes, options.limits); !usable.ok()) {
    return usable;
  }
  absl::StatusOr<DecodedHtml> decoded = DecodeHtmlBytes(name, bytes);
  if (!decoded.ok()) return decoded.status();
  const GuardedHtml guarded = LimitHtmlNesting(decoded->text(), options.limits.max_xml_depth);
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(gumbo_parse_with_options(
      &kGumboDefaultOptions, guarded.text().data(), guarded.text().size()));
  if (!output) return absl::InternalError(fmt::format("{}: the HTML parser failed", name));
  HtmlWalker walker(guarded, decoded->was_converted() ? 0 : decoded->base);
  if (!decoded->note.empty()) walker.AddNote(decoded->note);
  if (guarded.cut_tags() > 0) {
    walker.AddNote(
        fmt::format("{} tags ignored to bound nesting (deeper than {} levels, or too many unclosed "
                    "formatting tags); their text is kept",
                    guarded.cut_tags(), options.limits.max_xml_depth));
  }
  walker.Walk(output->document);
  doc::SourceText result = walker.Finish();
  if (result.text.empty()) {
    return absl::InvalidArgumentError(fmt::format("{}: no text in the HTML", name));
  }
  return result;
}

}  // namespace tw::ingest
