// Markdown through cmark-gfm (CommonMark + the GFM table extension + footnotes), walked with
// cmark's own iterator, which needs no recursion however deep lists and block quotes nest.
//
// Blocks: paragraphs, headings, each table row (cells joined " | "), each line of a code
// block; a hard line break also ends a block, as <br> does in the HTML reader. List items
// begin with their label when the list is ordered ("3. ", or "3) " for a paren-delimited
// list), bullets are dropped. Raw HTML is dropped, images with their alt text. Footnote
// references become "[n]" (numbered in order of first reference, as cmark renders them) and
// their definitions, which cmark moves to the end, follow the footnote separator as "[n] body",
// all paragraphs of one footnote on one line.
//
// Source offsets: cmark gives each node its start line and (byte) column; a text node maps
// exactly when its literal is the source text at that position, otherwise to its start.
#include "ingest/markdown_reader.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/block_writer.h"
#include "text/utf8.h"

namespace tw::ingest {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

class SourcePositions {
 public:
  SourcePositions(std::string_view text, std::size_t base) : base_(base) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
    size_ = text.size();
  }
  // Offset in the source file of cmark's 1-based line and byte column.
  std::size_t At(int line, int column) const {
    if (line < 1) return base_;
    const std::size_t l = std::min(static_cast<std::size_t>(line - 1), line_starts_.size() - 1);
    const std::size_t c = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
    return base_ + std::min(line_starts_[l] + c, size_);
  }
  std::size_t base() const { return base_; }

 private:
  std::size_t base_;
  std::size_t size_;
  std::vector<std::size_t> line_starts_;
};

std::string_view TypeName(cmark_node* node) {
  const char* name = cmark_node_get_type_string(node);
  return name ? std::string_view(name) : std::string_view();
}

class MarkdownWalker {
 public:
  MarkdownWalker(std::string_view text, const SourcePositions& positions)
      : text_(text), positions_(positions) {}

  void Walk(cmark_iter* iter) {
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (event == CMARK_EVENT_ENTER) {
        if (Enter(node)) cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
      } else {
        Exit(node);
      }
    }
  }

  doc::SourceText Finish() {
    if (footnotes_ > 0) out_.AddNote(fmt::format("{} footnotes", footnotes_));
    return out_.Finish();
  }

 private:
  std::size_t Start(cmark_node* node) const {
    return positions_.At(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
  }

  bool InlineOnly() const { return inline_only_ > 0; }

  void BeginBlock(cmark_node* node) {
    if (InlineOnly()) {
      out_.AddSpace(Start(node));
      return;
    }
    out_.EndBlock();
    if (!pending_label_.empty()) {
      out_.AddSynthetic(pending_label_, pending_label_source_);
      out_.AddSpace(pending_label_source_);
      pending_label_.clear();
    }
  }

  void EndBlock() {
    if (!InlineOnly()) out_.EndBlock();
  }

  void AddLiteral(cmark_node* node, std::size_t source) {
    const char* literal = cmark_node_get_literal(node);
    if (!literal) return;
    const std::string_view text(literal);
    const std::size_t local = source - positions_.base();
    if (local <= text_.size() && text_.substr(local, text.size()) == text) {
      out_.AddText(text, source);
    } else {
      out_.AddSynthetic(text, source);
    }
  }

  // Returns true to skip the node's children.
  bool Enter(cmark_node* node) {
    const std::size_t source = Start(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        BeginBlock(node);
        return false;
      case CMARK_NODE_CODE_BLOCK:
        WriteCodeBlock(node, source);
        return true;
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_IMAGE:
      case CMARK_NODE_THEMATIC_BREAK:
        return true;
      case CMARK_NODE_ITEM:
        EnterItem(node, source);
        return false;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        AddLiteral(node, source);
        return false;
      case CMARK_NODE_SOFTBREAK:
        out_.AddSpace(source);
        return false;
      case CMARK_NODE_LINEBREAK:
        if (InlineOnly()) {
          out_.AddSpace(source);
        } else {
          out_.EndBlock();
        }
        return false;
      case CMARK_NODE_HTML_INLINE: {
        const char* literal = cmark_node_get_literal(node);
        if (literal && std::string_view(literal).substr(0, 3) == "<br") {
          if (InlineOnly()) {
            out_.AddSpace(source);
          } else {
            out_.EndBlock();
          }
        }
        return true;
      }
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        const char* literal = cmark_node_get_literal(node);
        out_.AddSynthetic(fmt::format("[{}]", literal ? literal : "?"), source);
        return true;
      }
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        out_.EndBlock();
        if (footnotes_ == 0) {
          out_.AddSynthetic(kFootnoteSeparator, source);
          out_.EndBlock();
        }
        ++footnotes_;
        out_.AddSynthetic(fmt::format("[{}]", footnotes_), source);
        out_.AddSpace(source);
        ++inline_only_;
        return false;
      default:
        break;
    }
    const std::string_view type = TypeName(node);
    if (type == "table_row" || type == "table_header") {
      out_.EndBlock();
      ++inline_only_;
      first_cell_ = true;
    } else if (type == "table_cell") {
      if (!first_cell_) out_.AddSynthetic(" | ", source);
      first_cell_ = false;
    }
    return false;
  }

  void Exit(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        EndBlock();
        return;
      case CMARK_NODE_ITEM:
        pending_label_.clear();
        return;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        --inline_only_;
        out_.EndBlock();
        return;
      default:
        break;
    }
    const std::string_view type = TypeName(node);
    if (type == "table_row" || type == "table_header") {
      --inline_only_;
      out_.EndBlock();
    }
  }

  void EnterItem(cmark_node* item, std::size_t source) {
    cmark_node* list = cmark_node_parent(item);
    if (!list || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) return;
    const long number =
        next_number_.try_emplace(list, cmark_node_get_list_start(list)).first->second++;
    const char delimiter = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ')' : '.';
    pending_label_ = fmt::format("{}{}", number, delimiter);
    pending_label_source_ = source;
  }

  void WriteCodeBlock(cmark_node* node, std::size_t source) {
    const char* literal = cmark_node_get_literal(node);
    if (!literal) return;
    out_.EndBlock();
    std::string_view code(literal);
    while (!code.empty()) {
      const std::size_t end = std::min(code.find('\n'), code.size());
      out_.AddSynthetic(code.substr(0, end), source);
      if (InlineOnly()) {
        out_.AddSpace(source);
      } else {
        out_.EndBlock();
      }
      code.remove_prefix(std::min(end + 1, code.size()));
    }
  }

  std::string_view text_;
  const SourcePositions& positions_;
  BlockWriter out_;
  int inline_only_ = 0;  // inside a table row or footnote: blocks become spaces
  bool first_cell_ = false;
  std::string pending_label_;
  std::size_t pending_label_source_ = 0;
  int footnotes_ = 0;
  std::unordered_map<cmark_node*, long> next_number_;  // per ordered list
};

}  // namespace

absl::StatusOr<doc::SourceText> ReadMarkdown(std::string_view name, std::string_view bytes,
                                             const ReadOptions& options) {
  if (absl::Status usable = CheckDocumentBytes(name, bytes, options.limits); !usable.ok()) {
    return usable;
  }
  const std::size_t base = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string_view text = bytes.substr(base);
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const text::LineColumn lc = text::LineColumnAt(text, nul);
    return absl::InvalidArgumentError(fmt::format(
        "{}: binary content (NUL byte) at line {}, column {} (byte {}); not a Markdown file", name,
        lc.line, lc.column, base + nul));
  }
  if (const auto bad = text::FindInvalidUtf8(text)) {
    const text::LineColumn lc = text::LineColumnAt(text, *bad);
    return absl::InvalidArgumentError(
        fmt::format("{}: invalid UTF-8 at line {}, column {} (byte {})", name, lc.line, lc.column,
                    base + *bad));
  }
  RegisterExtensionsOnce();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_FOOTNOTES));
  if (!parser) return absl::ResourceExhaustedError(fmt::format("{}: out of memory", name));
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser.get(), table);
  }
  if (cmark_syntax_extension* strike = cmark_find_syntax_extension("strikethrough")) {
    cmark_parser_attach_syntax_extension(parser.get(), strike);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
  if (!document) return absl::InternalError(fmt::format("{}: the Markdown parser failed", name));
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document.get()));
  const SourcePositions positions(text, base);
  MarkdownWalker walker(text, positions);
  walker.Walk(iter.get());
  doc::SourceText result = walker.Finish();
  if (result.text.empty()) {
    return absl::InvalidArgumentError(fmt::format("{}: no text in the Markdown", name));
  }
  return result;
}

}  // namespace tw::ingest
