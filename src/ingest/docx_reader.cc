// DOCX: the zip (docx_package.h) -> the main document part and its numbering, styles and
// footnotes parts (docx_xml.h) -> blocks, walked with an explicit stack (nested tables,
// content controls, smart tags, hyperlinks and fields cannot exhaust the call stack; nesting
// deeper than options.limits.max_xml_depth is an error naming the position).
//
// A paragraph (w:p) is one block, its text taken from w:t (and w:delText where deletions are
// kept); w:tab and w:ptab are spaces; w:br and w:cr are spaces too, except in a heading
// paragraph, where they start a new block (a heading typed as "Article 5<br>Scope" is two
// lines); w:noBreakHyphen is '-', w:softHyphen nothing, w:sym its character. Field
// instructions (between fldChar begin and separate, w:instrText) and hidden runs (w:vanish) are
// not text; drawings, pictures, embedded objects and other namespaces' content are skipped.
// A numbered paragraph begins with its materialised label and a space (docx_numbering.h). A
// table row is one block, cells joined " | ", paragraphs inside a cell joined by spaces.
//
// Footnotes: each w:footnoteReference becomes "[n]", n counting references in document order
// (Word's automatic numbering; restarts per page or section and custom marks are not
// reproduced, so every footnote keeps a unique number). Bodies come from the footnotes part,
// after the separator, one line each: "[n] body". Endnotes are numbered in the same sequence.
//
// Tracked changes: accepting keeps w:ins and w:moveTo content and drops w:del and w:moveFrom;
// rejecting does the opposite. Rows marked inserted or deleted go the same way. A paragraph
// mark that is removed merges its paragraph into the next one, which keeps its own properties
// (and numbering). A note counts what was accepted or rejected.
//
// Source offsets: byte offsets in word/document.xml for body text; footnote text is offset by
// the size of document.xml, as if the footnotes part followed it in one stream.
#include "ingest/docx_reader.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/block_writer.h"
#include "ingest/docx_numbering.h"
#include "ingest/docx_package.h"
#include "ingest/docx_styles.h"
#include "ingest/docx_xml.h"
#include "text/utf8.h"

namespace tw::ingest {
namespace {

constexpr std::string_view kDefaultMainPart = "word/document.xml";
// Complex fields nested deeper than this are treated as one (their begin/end still pair up).
constexpr std::size_t kMaxFieldNesting = 64;

std::string_view LocalPart(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view AttrLocal(const pugi::xml_node& node, std::string_view local) {
  for (const pugi::xml_attribute& attribute : node.attributes()) {
    if (LocalPart(attribute.name()) == local) return attribute.value();
  }
  return "";
}

// Relationship targets by type suffix ("officeDocument", "numbering", ...), from a .rels part.
std::unordered_map<std::string, std::string> ReadRelationships(const pugi::xml_node& root) {
  std::unordered_map<std::string, std::string> out;
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    if (LocalPart(node.name()) != "Relationship") continue;
    if (AttrLocal(node, "TargetMode") == "External") continue;
    const std::string_view type = AttrLocal(node, "Type");
    const std::size_t slash = type.rfind('/');
    const std::string key(slash == std::string_view::npos ? type : type.substr(slash + 1));
    out.emplace(key, std::string(AttrLocal(node, "Target")));
  }
  return out;
}

bool IsTrue(std::string_view value) {
  return value.empty() || value == "1" || value == "true" || value == "on";
}

struct ChangeCounts {
  int insertions = 0;
  int deletions = 0;
};

struct Piece {
  std::string text;
  std::size_t source = 0;
  bool exact = false;
  bool line_break = false;
};

// Footnote bodies by w:id, and the order in which the text refers to them.
class FootnoteRegistry {
 public:
  void AddPart(const XmlPart* part, std::size_t source_base) {
    if (!part) return;
    for (pugi::xml_node node = part->root().first_child(); node; node = node.next_sibling()) {
      const std::string_view local = part->LocalName(node);
      if (local != "footnote" && local != "endnote") continue;
      const std::string_view type = part->Attr(node, "type");
      if (!type.empty() && type != "normal") continue;  // separators and continuation notices
      const std::string key = fmt::format("{}:{}", local, part->Attr(node, "id"));
      bodies_.emplace(key, Body{part, node, source_base});
    }
  }
  // The number of the note `kind` ("footnote"/"endnote") with id `id`, registering it.
  int Number(std::string_view kind, std::string_view id) {
    const std::string key = fmt::format("{}:{}", kind, id);
    auto [it, inserted] = numbers_.try_emplace(key, static_cast<int>(order_.size()) + 1);
    if (inserted) order_.push_back(key);
    return it->second;
  }
  std::size_t referenced() const { return order_.size(); }
  struct Body {
    const XmlPart* part;
    pugi::xml_node node;
    std::size_t source_base;
  };
  // Body of the k-th referenced note (0-based), if its part defines it.
  const Body* BodyOf(std::size_t k) const {
    auto it = bodies_.find(order_[k]);
    return it == bodies_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, Body> bodies_;
  std::unordered_map<std::string, int> numbers_;
  std::vector<std::string> order_;
};

class DocxWalker {
 public:
  DocxWalker(std::string_view file_name, const ReadOptions& options, DocxNumbering& numbering,
             const DocxStyles& styles, FootnoteRegistry& footnotes, ChangeCounts& changes,
             BlockWriter& out)
      : file_name_(file_name),
        options_(options),
        numbering_(numbering),
        styles_(styles),
        footnotes_(footnotes),
        changes_(changes),
        out_(out) {}

  // Walks the children of `root` in `part`. `inline_mode`: paragraphs join with spaces (a
  // footnote body is one line).
  absl::Status Walk(const XmlPart& part, pugi::xml_node root, std::size_t source_base,
                    bool inline_mode) {
    part_ = &part;
    source_base_ = source_base;
    inline_mode_ = inline_mode;
    struct Frame {
      pugi::xml_node node;
      pugi::xml_node next;
      Kind kind;
    };
    std::vector<Frame> stack;
    stack.push_back({root, root.first_child(), Kind::kContainer});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      if (frame.next) {
        const pugi::xml_node child = frame.next;
        frame.next = child.next_sibling();
        if (child.type() != pugi::node_element) continue;
        const std::optional<Kind> kind = Enter(child);
        if (!kind) continue;
        if (static_cast<int>(stack.size()) >= options_.limits.max_xml_depth) {
          return absl::ResourceExhaustedError(fmt::format(
              "{}: {}: {}: elements nested deeper than {} levels", file_name_, part.part_name(),
              part.Position(child.offset_debug()), options_.limits.max_xml_depth));
        }
        stack.push_back({child, child.first_child(), *kind});
        continue;
      }
      Exit(frame.node, frame.kind);
      stack.pop_back();
    }
    if (!carry_.empty()) {
      Emit("", std::move(carry_), false, 0);
      carry_.clear();
    }
    return absl::OkStatus();
  }

 private:
  enum class Kind { kContainer, kParagraph, kRow, kCell };

  struct Paragraph {
    std::vector<Piece> pieces;
    std::optional<int> num_id;
    int ilvl = 0;
    bool heading = false;
    bool mark_removed = false;
    std::size_t source = 0;
  };

  bool Removed(std::string_view local) const {
    const bool accept = options_.tracked_changes == TrackedChanges::kAccept;
    return accept ? (local == "del" || local == "moveFrom") : (local == "ins" || local == "moveTo");
  }

  void CountChange(std::string_view local) {
    if (local == "ins" || local == "moveTo") ++changes_.insertions;
    if (local == "del" || local == "moveFrom") ++changes_.deletions;
  }

  // Returns the kind to descend with, or nullopt to skip the element and its content.
  std::optional<Kind> Enter(const pugi::xml_node& node) {
    const std::string_view local = part_->LocalName(node);
    if (local.empty()) return std::nullopt;  // another namespace: drawings, math, markup compat
    if (local == "p") {
      EnterParagraph(node);
      return Kind::kParagraph;
    }
    if (local == "ins" || local == "del" || local == "moveFrom" || local == "moveTo") {
      CountChange(local);
      if (Removed(local)) return std::nullopt;
      return Kind::kContainer;
    }
    if (local == "r") {
      if (pugi::xml_node rpr = part_->Child(node, "rPr")) {
        for (std::string_view hidden : {"vanish", "webHidden"}) {
          if (pugi::xml_node flag = part_->Child(rpr, hidden);
              flag && IsTrue(part_->Attr(flag, "val"))) {
            return std::nullopt;
          }
        }
      }
      return Kind::kContainer;
    }
    if (local == "t" || local == "delText") {
      if (!InFieldInstruction()) AddText(node);
      return std::nullopt;
    }
    if (local == "tab" || local == "ptab") {
      // A w:tab inside w:pPr/w:tabs is a tab stop, not text; pPr is skipped, so this is a run.
      AddPiece(" ", node, false);
      return std::nullopt;
    }
    if (local == "br" || local == "cr") {
      if (!paragraphs_.empty()) {
        paragraphs_.back().pieces.push_back({" ", Source(node), false, true});
      }
      return std::nullopt;
    }
    if (local == "noBreakHyphen") {
      AddPiece("-", node, false);
      return std::nullopt;
    }
    if (local == "sym") {
      if (const auto code = ParseHex(part_->Attr(node, "char"))) {
        std::string utf8;
        text::AppendUtf8(utf8, *code);
        AddPiece(utf8, node, false);
      }
      return std::nullopt;
    }
    if (local == "footnoteReference" || local == "endnoteReference") {
      const int n = footnotes_.Number(local == "footnoteReference" ? "footnote" : "endnote",
                                      part_->Attr(node, "id"));
      AddPiece(fmt::format("[{}]", n), node, false);
      return std::nullopt;
    }
    if (local == "fldChar") {
      Field(part_->Attr(node, "fldCharType"));
      return std::nullopt;
    }
    if (local == "tr") return EnterRow(node);
    if (local == "tc") {
      if (!rows_.empty()) {
        if (!rows_.back()) out_.AddSynthetic(" | ", Source(node));
        rows_.back() = false;
      }
      return Kind::kCell;
    }
    if (local == "body" || local == "tbl" || local == "sdt" || local == "sdtContent" ||
        local == "smartTag" || local == "hyperlink" || local == "fldSimple" ||
        local == "customXml" || local == "dir" || local == "bdo" || local == "footnote" ||
        local == "endnote" || local == "txbxContent") {
      return Kind::kContainer;
    }
    // Properties, bookmarks, comments' anchors, proofing marks, footnoteRef, separators,
    // instrText and everything else that is not text.
    return std::nullopt;
  }

  void Exit(const pugi::xml_node& node, Kind kind) {
    switch (kind) {
      case Kind::kParagraph:
        ExitParagraph();
        return;
      case Kind::kRow:
        rows_.pop_back();
        if (!inline_mode_ && rows_.empty()) out_.EndBlock();
        return;
      case Kind::kCell:
      case Kind::kContainer:
        (void)node;
        return;
    }
  }

  std::optional<Kind> EnterRow(const pugi::xml_node& node) {
    if (pugi::xml_node trpr = part_->Child(node, "trPr")) {
      for (std::string_view change : {"ins", "del"}) {
        if (part_->Child(trpr, change)) {
          CountChange(change);
          if (Removed(change)) return std::nullopt;
        }
      }
    }
    if (!inline_mode_ && rows_.empty()) out_.EndBlock();
    rows_.push_back(true);
    return Kind::kRow;
  }

  void EnterParagraph(const pugi::xml_node& node) {
    Paragraph paragraph;
    paragraph.source = Source(node);
    std::string style;
    std::optional<int> direct_num_id;
    std::optional<int> direct_ilvl;
    if (pugi::xml_node ppr = part_->Child(node, "pPr")) {
      style = part_->Attr(part_->Child(ppr, "pStyle"), "val");
      if (pugi::xml_node numpr = part_->Child(ppr, "numPr")) {
        direct_num_id = ParseDocxInt(part_->Attr(part_->Child(numpr, "numId"), "val"));
        direct_ilvl = ParseDocxInt(part_->Attr(part_->Child(numpr, "ilvl"), "val"));
      }
      if (part_->Child(ppr, "outlineLvl")) paragraph.heading = true;
      if (pugi::xml_node rpr = part_->Child(ppr, "rPr")) {
        for (std::string_view change : {"ins", "del", "moveFrom", "moveTo"}) {
          if (part_->Child(rpr, change)) {
            CountChange(change);
            if (Removed(change)) paragraph.mark_removed = true;
          }
        }
      }
    }
    paragraph.heading = paragraph.heading || styles_.IsHeading(style);
    const StyleNumbering from_style = styles_.NumberingOf(style);
    paragraph.num_id = direct_num_id ? direct_num_id : from_style.num_id;
    std::optional<int> ilvl = direct_ilvl ? direct_ilvl : from_style.ilvl;
    if (!ilvl && paragraph.num_id && !direct_num_id) {
      ilvl = numbering_.LevelForStyle(*paragraph.num_id, style);
    }
    paragraph.ilvl = ilvl.value_or(0);
    paragraphs_.push_back(std::move(paragraph));
  }

  void ExitParagraph() {
    Paragraph paragraph = std::move(paragraphs_.back());
    paragraphs_.pop_back();
    if (paragraph.mark_removed) {
      // The paragraph mark is gone: this text runs on into the next paragraph.
      for (Piece& piece : paragraph.pieces) carry_.push_back(std::move(piece));
      return;
    }
    std::string label;
    if (paragraph.num_id) label = numbering_.Count(*paragraph.num_id, paragraph.ilvl);
    std::vector<Piece> pieces = std::move(carry_);
    carry_.clear();
    for (Piece& piece : paragraph.pieces) pieces.push_back(std::move(piece));
    Emit(label, std::move(pieces), paragraph.heading, paragraph.source);
  }

  void Emit(const std::string& label, std::vector<Piece> pieces, bool heading, std::size_t source) {
    const bool joined = inline_mode_ || !rows_.empty();
    if (joined) {
      out_.AddSpace(source);
    } else {
      out_.EndBlock();
    }
    if (!label.empty()) {
      out_.AddSynthetic(label, source);
      out_.AddSpace(source);
    }
    for (const Piece& piece : pieces) {
      if (piece.line_break) {
        if (heading && !joined) {
          out_.EndBlock();
        } else {
          out_.AddSpace(piece.source);
        }
      } else if (piece.exact) {
        out_.AddText(piece.text, piece.source);
      } else {
        out_.AddSynthetic(piece.text, piece.source);
      }
    }
    if (!joined) out_.EndBlock();
  }

  std::size_t Source(const pugi::xml_node& node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    return source_base_ + (offset < 0 ? 0 : static_cast<std::size_t>(offset));
  }

  void AddText(const pugi::xml_node& node) {
    if (paragraphs_.empty()) return;
    const pugi::xml_node data = node.first_child();
    if (!data || (data.type() != pugi::node_pcdata && data.type() != pugi::node_cdata)) return;
    const std::string_view value = data.value();
    if (value.empty()) return;
    const std::ptrdiff_t offset = data.offset_debug();
    const std::string& bytes = part_->bytes();
    const bool exact =
        offset >= 0 && static_cast<std::size_t>(offset) <= bytes.size() &&
        std::string_view(bytes).substr(static_cast<std::size_t>(offset), value.size()) == value;
    paragraphs_.back().pieces.push_back(
        {std::string(value),
         source_base_ + static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)), exact,
         false});
  }

  void AddPiece(std::string text, const pugi::xml_node& node, bool exact) {
    if (paragraphs_.empty() || InFieldInstruction()) return;
    paragraphs_.back().pieces.push_back({std::move(text), Source(node), exact, false});
  }

  void Field(std::string_view type) {
    if (type == "begin") {
      if (fields_.size() < kMaxFieldNesting) {
        fields_.push_back(true);
      } else {
        ++fields_overflow_;
      }
    } else if (type == "separate") {
      if (fields_overflow_ == 0 && !fields_.empty()) fields_.back() = false;
    } else if (type == "end") {
      if (fields_overflow_ > 0) {
        --fields_overflow_;
      } else if (!fields_.empty()) {
        fields_.pop_back();
      }
    }
  }

  bool InFieldInstruction() const {
    for (bool instruction : fields_) {
      if (instruction) return true;
    }
    return fields_overflow_ > 0;
  }

  static std::optional<char32_t> ParseHex(std::string_view hex) {
    if (hex.empty() || hex.size() > 6) return std::nullopt;
    char32_t value = 0;
    for (char c : hex) {
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<char32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<char32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<char32_t>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
    return value;
  }

  std::string_view file_name_;
  const ReadOptions& options_;
  DocxNumbering& numbering_;
  const DocxStyles& styles_;
  FootnoteRegistry& footnotes_;
  ChangeCounts& changes_;
  BlockWriter& out_;
  const XmlPart* part_ = nullptr;
  std::size_t source_base_ = 0;
  bool inline_mode_ = false;
  std::vector<Paragraph> paragraphs_;
  std::vector<Piece> carry_;
  std::vector<bool> rows_;    // per open row: no cell seen yet
  std::vector<bool> fields_;  // per open complex field: still in its instruction
  std::size_t fields_overflow_ = 0;
};

// Reads and parses `part`, or nullopt when the package does not have it.
absl::StatusOr<std::optional<XmlPart>> ReadOptionalPart(std::string_view name, DocxPackage& package,
                                                        const std::string& part) {
  if (part.empty()) return std::optional<XmlPart>();
  absl::StatusOr<std::optional<std::string>> bytes = package.ReadIfPresent(part);
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return std::optional<XmlPart>();
  absl::StatusOr<XmlPart> parsed = XmlPart::Parse(name, part, std::move(**bytes));
  if (!parsed.ok()) return parsed.status();
  return std::optional<XmlPart>(*std::move(parsed));
}

absl::StatusOr<doc::SourceText> ReadDocxUnguarded(std::string_view name, std::string_view bytes,
                                                  const ReadOptions& options) {
  absl::StatusOr<DocxPackage> package = DocxPackage::Open(name, bytes, options.limits);
  if (!package.ok()) return package.status();

  std::string main_part(kDefaultMainPart);
  absl::StatusOr<std::optional<XmlPart>> package_rels =
      ReadOptionalPart(name, *package, "_rels/.rels");
  if (!package_rels.ok()) return package_rels.status();
  if (package_rels->has_value()) {
    const auto relationships = ReadRelationships((*package_rels)->root());
    if (auto it = relationships.find("officeDocument"); it != relationships.end()) {
      main_part = ResolvePartTarget("", it->second);
    }
  }
  if (!package->Has(main_part)) {
    return absl::InvalidArgumentError(
        fmt::format("{}: not a Word document: {} is missing", name, main_part));
  }
  std::unordered_map<std::string, std::string> parts = {{"numbering", "word/numbering.xml"},
                                                        {"styles", "word/styles.xml"},
                                                        {"footnotes", "word/footnotes.xml"},
                                                        {"endnotes", "word/endnotes.xml"}};
  absl::StatusOr<std::optional<XmlPart>> main_rels =
      ReadOptionalPart(name, *package, RelationshipsPartOf(main_part));
  if (!main_rels.ok()) return main_rels.status();
  if (main_rels->has_value()) {
    const auto relationships = ReadRelationships((*main_rels)->root());
    for (auto& [type, target] : parts) {
      auto it = relationships.find(type);
      target = it == relationships.end() ? "" : ResolvePartTarget(main_part, it->second);
    }
  }

  absl::StatusOr<std::string> document_bytes = package->Read(main_part);
  if (!document_bytes.ok()) return document_bytes.status();
  absl::StatusOr<XmlPart> document = XmlPart::Parse(name, main_part, *std::move(document_bytes));
  if (!document.ok()) return document.status();
  const pugi::xml_node body = document->Child(document->root(), "body");
  if (!document->Is(document->root(), "document") || !body) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: {}: not a WordprocessingML document (no w:document/w:body)", name, main_part));
  }
  absl::StatusOr<std::optional<XmlPart>> styles_part =
      ReadOptionalPart(name, *package, parts["styles"]);
  if (!styles_part.ok()) return styles_part.status();
  absl::StatusOr<std::optional<XmlPart>> numbering_part =
      ReadOptionalPart(name, *package, parts["numbering"]);
  if (!numbering_part.ok()) return numbering_part.status();
  absl::StatusOr<std::optional<XmlPart>> footnotes_part =
      ReadOptionalPart(name, *package, parts["footnotes"]);
  if (!footnotes_part.ok()) return footnotes_part.status();
  absl::StatusOr<std::optional<XmlPart>> endnotes_part =
      ReadOptionalPart(name, *package, parts["endnotes"]);
  if (!endnotes_part.ok()) return endnotes_part.status();

  const DocxStyles styles = DocxStyles::Load(styles_part->has_value() ? &**styles_part : nullptr);
  DocxNumbering numbering =
      DocxNumbering::Load(numbering_part->has_value() ? &**numbering_part : nullptr, styles);
  const std::size_t footnotes_base = document->bytes().size();
  const std::size_t endnotes_base =
      footnotes_base + (footnotes_part->has_value() ? (*footnotes_part)->bytes().size() : 0);
  FootnoteRegistry footnotes;
  footnotes.AddPart(footnotes_part->has_value() ? &**footnotes_part : nullptr, footnotes_base);
  footnotes.AddPart(endnotes_part->has_value() ? &**endnotes_part : nullptr, endnotes_base);

  BlockWriter out;
  ChangeCounts changes;
  DocxWalker walker(name, options, numbering, styles, footnotes, changes, out);
  if (absl::Status walked = walker.Walk(*document, body, 0, false); !walked.ok()) return walked;
  bool separator_written = false;
  for (std::size_t k = 0; k < footnotes.referenced(); ++k) {
    const FootnoteRegistry::Body* note = footnotes.BodyOf(k);
    if (!note) continue;
    const std::size_t source =
        note->source_base +
        static_cast<std::size_t>(std::max<std::ptrdiff_t>(note->node.offset_debug(), 0));
    out.EndBlock();
    if (!separator_written) {
      out.AddSynthetic(kFootnoteSeparator, source);
      out.EndBlock();
      separator_written = true;
    }
    out.AddSynthetic(fmt::format("[{}]", k + 1), source);
    out.AddSpace(source);
    if (absl::Status walked = walker.Walk(*note->part, note->node, note->source_base, true);
        !walked.ok()) {
      return walked;
    }
    out.EndBlock();
  }
  if (changes.insertions + changes.deletions > 0) {
    const bool accept = options.tracked_changes == TrackedChanges::kAccept;
    out.AddNote(fmt::format("tracked changes {}: {} insertions, {} deletions",
                            accept ? "accepted" : "rejected", changes.insertions,
                            changes.deletions));
  }
  doc::SourceText result = out.Finish();
  if (result.text.empty()) {
    return absl::InvalidArgumentError(
        fmt::format("{}: {}: the document has no text", name, main_part));
  }
  return result;
}

}  // namespace

absl::StatusOr<doc::SourceText> ReadDocx(std::string_view name, std::string_view bytes,
                                         const ReadOptions& options) {
  if (absl::Status usable = CheckDocumentBytes(name, bytes, options.limits); !usable.ok()) {
    return usable;
  }
  try {
    return ReadDocxUnguarded(name, bytes, options);
  } catch (const std::exception& e) {
    // pugixml and the standard library report running out of memory by throwing.
    return absl::ResourceExhaustedError(fmt::format("{}: {}", name, e.what()));
  }
}

}  // namespace tw::ingest
