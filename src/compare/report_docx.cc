#include "compare/report_docx.h"

#include <fmt/format.h>

#include <string_view>
#include <utility>
#include <vector>

#include "compare/old_places.h"
#include "compare/ooxml_writer.h"
#include "compare/redline_lines.h"
#include "compare/report_wording.h"

namespace tw::compare {
namespace {

constexpr std::string_view kAuthor = "treatywatch";
constexpr std::string_view kFallbackDate = "2000-01-01";
constexpr std::string_view kTrackedTextBookmark = "TrackedText";
constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// --- Revisions -------------------------------------------------------------------------------

enum class Revision { kNone, kInserted, kDeleted, kMovedFrom, kMovedTo };

std::string_view RevisionElement(Revision revision) {
  switch (revision) {
    case Revision::kInserted:
      return "w:ins";
    case Revision::kDeleted:
      return "w:del";
    case Revision::kMovedFrom:
      return "w:moveFrom";
    case Revision::kMovedTo:
      return "w:moveTo";
    case Revision::kNone:
      break;
  }
  return "";
}

Revision RevisionOf(OpKind op) {
  switch (op) {
    case OpKind::kInsert:
      return Revision::kInserted;
    case OpKind::kDelete:
      return Revision::kDeleted;
    case OpKind::kEqual:
      break;
  }
  return Revision::kNone;
}

// The later text's date when it is a real YYYY-MM-DD, so revisions carry the draft's date.
std::string RevisionDate(const ComparedDocument& document) {
  return fmt::format("{}T00:00:00Z", IsIsoDate(document.date) ? document.date : kFallbackDate);
}

// The text of one run: w:t, or w:delText inside a deletion; tabs as w:tab, and a stray line break
// (a citation from a damaged document) as a space.
std::string RunText(std::string_view text, bool deleted) {
  const std::string_view tag = deleted ? "w:delText" : "w:t";
  std::string out;
  std::string piece;
  auto flush = [&] {
    if (!piece.empty()) {
      out += fmt::format("<{0} xml:space=\"preserve\">{1}</{0}>", tag, EscapeMarkup(piece));
    }
    piece.clear();
  };
  for (char c : text) {
    if (c == '\t') {
      flush();
      out += "<w:tab/>";
    } else {
      piece += c == '\n' || c == '\r' ? ' ' : c;
    }
  }
  flush();
  return out;
}

// "Art. 5" → "Article 5", "Arts. 6 and 7" → "Articles 6 and 7": the number line as a treaty prints
// it; other citations ("Preamble") as they are.
std::string NumberLine(std::string_view citation) {
  if (citation.substr(0, 5) == "Arts.") return fmt::format("Articles{}", citation.substr(5));
  if (citation.substr(0, 4) == "Art.") return fmt::format("Article{}", citation.substr(4));
  return std::string(citation);
}

// --- The document being built ----------------------------------------------------------------

struct Paragraph {
  std::string style;
  Revision mark = Revision::kNone;  // revision of the paragraph mark
  std::string before;               // range starts, after w:pPr
  std::string runs;
  std::string after;  // range ends
};

class DocxBuilder {
 public:
  explicit DocxBuilder(std::string date) : date_(std::move(date)) {}

  const std::string& date() const { return date_; }

  // Ids of revisions, move ranges, bookmarks and comments share one counter, so every annotation of
  // the document has its own.
  int NextId() { return next_id_++; }

  std::string Attributes(int id) const {
    return fmt::format("w:id=\"{}\" w:author=\"{}\" w:date=\"{}\"", id, kAuthor, date_);
  }

  std::string Run(std::string_view text, Revision revision) {
    if (text.empty()) return "";
    if (revision == Revision::kNone) return fmt::format("<w:r>{}</w:r>", RunText(text, false));
    const std::string_view element = RevisionElement(revision);
    return fmt::format("<{0} {1}><w:r>{2}</w:r></{0}>", element, Attributes(NextId()),
                       RunText(text, revision == Revision::kDeleted));
  }

  std::string ParagraphXml(const Paragraph& p) {
    std::string mark;
    if (p.mark != Revision::kNone) {
      mark = fmt::format("<w:rPr><{} {}/></w:rPr>", RevisionElement(p.mark), Attributes(NextId()));
    }
    return fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{}</w:pPr>{}{}{}</w:p>\n", p.style,
                       mark, p.before, p.runs, p.after);
  }

  // A comment of one paragraph per line; returns its id.
  int AddComment(const std::vector<std::string>& lines) {
    const int id = NextId();
    comments_ += fmt::format("<w:comment {} w:initials=\"TW\">", Attributes(id));
    for (const std::string& line : lines) {
      comments_ += fmt::format("<w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr>{}</w:p>",
                               Run(line, Revision::kNone));
    }
    comments_ += "</w:comment>\n";
    return id;
  }

  std::string CommentsXml() const {
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:comments xmlns:w=\"{}\">\n"
        "{}</w:comments>\n",
        kWordNamespace, comments_);
  }

 private:
  std::string date_;
  int next_id_ = 1;
  std::string comments_;
};

std::string CommentStart(int id) { return fmt::format("<w:commentRangeStart w:id=\"{}\"/>", id); }

std::string CommentEnd(int id) {
  return fmt::format(
      "<w:commentRangeEnd w:id=\"{0}\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr>"
      "<w:commentReference w:id=\"{0}\"/></w:r>",
      id);
}

// --- Units -----------------------------------------------------------------------------------

// Where a unit is written: once in place (its redline), or twice when it moved — the later text at
// the new place, the earlier text at the old place.
enum class Placement { kInPlace, kMovedTo, kMovedFrom };

bool InOldText(const ArticleChange& change) {
  return change.kind != ChangeKind::kInsertion && !change.old_citation.empty();
}
bool InNewText(const ArticleChange& change) {
  return change.kind != ChangeKind::kRepeal && !change.new_citation.empty();
}

// "Article 5" → "Article 6" as tracked runs: the words both lines share stay, the rest is deleted
// and inserted.
std::string NumberLineRuns(DocxBuilder& builder, const std::string& before,
                           const std::string& after) {
  if (before == after) return builder.Run(after, Revision::kNone);
  std::size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) {
    ++prefix;
  }
  while (prefix > 0 && before[prefix - 1] != ' ') --prefix;  // whole words only
  // Nothing shared up front ("Article 5" → "Articles 4 and 5"): one line replaces the other.
  if (prefix == 0) {
    return builder.Run(before, Revision::kDeleted) + builder.Run(after, Revision::kInserted);
  }
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  while (suffix > 0 && before[before.size() - suffix] != ' ') --suffix;
  const std::string_view b = before;
  const std::string_view a = after;
  return builder.Run(a.substr(0, prefix), Revision::kNone) +
         builder.Run(b.substr(prefix, b.size() - prefix - suffix), Revision::kDeleted) +
         builder.Run(a.substr(prefix, a.size() - prefix - suffix), Revision::kInserted) +
         builder.Run(a.substr(a.size() - suffix), Revision::kNone);
}

// The revision of a paragraph mark. At a move's old place the marks are plain deletions: Word
// treats them alike, and LibreOffice (7.4) keeps an empty paragraph for every w:moveFrom mark
// when changes are accepted.
Revision MarkRevision(Revision text_revision) {
  return text_revision == Revision::kMovedFrom ? Revision::kDeleted : text_revision;
}

// The paragraphs of a unit's text. In place, every run and break keeps its own revision. At a
// move's new place only the later text is written (shared words moved, new words inserted), at its
// old place only the earlier text (all moved away); a break the written text lacks joins the lines
// around it.
std::vector<Paragraph> TextParagraphs(DocxBuilder& builder, const ArticleChange& change,
                                      Placement placement) {
  std::vector<Paragraph> paragraphs;
  if (change.ops.empty()) return paragraphs;
  const bool has_heading = !change.old_heading.empty() || !change.new_heading.empty();
  const Revision unit_end = !InOldText(change)   ? Revision::kInserted
                            : !InNewText(change) ? Revision::kDeleted
                                                 : Revision::kNone;
  const OpKind skipped = placement == Placement::kMovedTo     ? OpKind::kDelete
                         : placement == Placement::kMovedFrom ? OpKind::kInsert
                                                              : OpKind::kEqual;
  auto revision = [placement](OpKind op) {
    if (placement == Placement::kMovedFrom) return Revision::kMovedFrom;
    if (placement == Placement::kMovedTo && op == OpKind::kEqual) return Revision::kMovedTo;
    return RevisionOf(op);
  };
  Paragraph current;
  std::string first_line;  // text of the paragraph's first line, for its style
  bool open = false;
  for (const RedlineLine& line : RedlineLines(change.ops)) {
    if (!open) {
      first_line = LineText(line);
      open = true;
    }
    for (const DiffOp& run : line.runs) {
      if (placement != Placement::kInPlace && run.op == skipped) continue;
      current.runs += builder.Run(run.text, revision(run.op));
    }
    if (line.has_break && placement != Placement::kInPlace && line.break_op == skipped) continue;
    current.mark = line.has_break                     ? MarkRevision(revision(line.break_op))
                   : placement == Placement::kInPlace ? unit_end
                                                      : MarkRevision(revision(OpKind::kEqual));
    current.style = paragraphs.empty() && has_heading ? "TwArticleTitle"
                    : IsPointLine(first_line)         ? "TwPoint"
                                                      : "TwText";
    paragraphs.push_back(std::move(current));
    current = Paragraph{};
    open = false;
  }
  return paragraphs;
}

// What the comment on a changed unit says, one line per fact.
std::vector<std::string> ChangeComment(const Comparison& comparison, const ArticleChange& change) {
  std::vector<std::string> lines = ChangeNotes(comparison, change);
  for (const BracketChange& bracket : change.brackets) {
    const std::string& path = bracket.new_path.empty() ? bracket.old_path : bracket.new_path;
    lines.push_back(fmt::format("{}: \u201C{}\u201D{}.", BracketChangeLabel(bracket.kind),
                                bracket.text,
                                path.empty() ? "" : " (" + ProvisionCitation(path) + ")"));
  }
  for (const ProvisionChange& provision : change.provisions) {
    const bool one_sided =
        provision.kind == ChangeKind::kInsertion || provision.kind == ChangeKind::kRepeal;
    lines.push_back(fmt::format("{}: {}{}.", ProvisionTitle(provision), KindLabel(provision.kind),
                                one_sided ? "" : ", similarity " + Percent(provision.similarity)));
  }
  return lines;
}

// Writes one unit: its number line, then its text; a move's range markers and a comment on the
// number line.
void AppendUnit(DocxBuilder& builder, const Comparison& comparison, const ArticleChange& change,
                Placement placement, std::string_view move_name, std::string& body) {
  Paragraph number_line;
  number_line.style = "TwArticle";
  const std::string before = NumberLine(change.old_citation);
  const std::string after = NumberLine(change.new_citation);
  switch (placement) {
    case Placement::kInPlace:
      if (!InOldText(change)) {
        number_line.runs = builder.Run(after, Revision::kInserted);
        number_line.mark = Revision::kInserted;
      } else if (!InNewText(change)) {
        number_line.runs = builder.Run(before, Revision::kDeleted);
        number_line.mark = Revision::kDeleted;
      } else {
        number_line.runs = NumberLineRuns(builder, before, after);
      }
      break;
    case Placement::kMovedTo:
      number_line.runs = builder.Run(after, Revision::kMovedTo);
      number_line.mark = Revision::kMovedTo;
      break;
    case Placement::kMovedFrom:
      number_line.runs = builder.Run(before, Revision::kMovedFrom);
      number_line.mark = MarkRevision(Revision::kMovedFrom);
      break;
  }
  if (placement == Placement::kMovedFrom) {
    const int comment =
        builder.AddComment({fmt::format("{} stood here in the earlier text \u2014 moved to {}.",
                                        change.old_citation, change.new_citation)});
    number_line.before = CommentStart(comment);
    number_line.after = CommentEnd(comment);
  } else if (!ListedCompactly(change)) {
    const int comment = builder.AddComment(ChangeComment(comparison, change));
    number_line.before = CommentStart(comment);
    number_line.after = CommentEnd(comment);
  }
  std::vector<Paragraph> paragraphs = {std::move(number_line)};
  for (Paragraph& p : TextParagraphs(builder, change, placement)) {
    paragraphs.push_back(std::move(p));
  }
  if (placement != Placement::kInPlace) {
    const std::string_view range =
        placement == Placement::kMovedTo ? "w:moveToRange" : "w:moveFromRange";
    const int id = builder.NextId();
    paragraphs.front().before =
        fmt::format("<{}Start {} w:name=\"{}\"/>", range, builder.Attributes(id), move_name) +
        paragraphs.front().before;
    paragraphs.back().after += fmt::format("<{}End w:id=\"{}\"/>", range, id);
  }
  for (const Paragraph& p : paragraphs) body += builder.ParagraphXml(p);
}

// --- The untracked head of the report --------------------------------------------------------

std::string Cell(DocxBuilder& builder, std::string_view text, int width, std::string_view style) {
  return fmt::format(
      "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr>"
      "<w:pStyle w:val=\"{}\"/></w:pPr>{}</w:p></w:tc>",
      width, style, builder.Run(text, Revision::kNone));
}

std::string Table(DocxBuilder& builder, const std::vector<int>& widths,
                  const std::vector<std::vector<std::string>>& rows) {
  std::string xml =
      "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>"
      "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6ADB8\"/>"
      "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6ADB8\"/>"
      "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D8DCE2\"/></w:tblBorders>"
      "<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"100\" w:type=\"dxa\"/>"
      "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar>"
      "</w:tblPr><w:tblGrid>";
  for (int width : widths) xml += fmt::format("<w:gridCol w:w=\"{}\"/>", width);
  xml += "</w:tblGrid>";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    xml += r == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (std::size_t c = 0; c < rows[r].size() && c < widths.size(); ++c) {
      xml += Cell(builder, rows[r][c], widths[c], r == 0 ? "TwTableHead" : "TwTableText");
    }
    xml += "</w:tr>";
  }
  return xml + "</w:tbl>\n";
}

std::string Plain(DocxBuilder& builder, std::string_view style, std::string_view text) {
  return builder.ParagraphXml(
      {std::string(style), Revision::kNone, "", builder.Run(text, Revision::kNone), ""});
}

std::string Head(DocxBuilder& builder, const Comparison& comparison) {
  const ComparedDocument& before = comparison.old_doc;
  const ComparedDocument& after = comparison.new_doc;
  std::string xml = Plain(builder, "Title", "Comparison of drafts");
  xml +=
      Plain(builder, "Subtitle", fmt::format("{} \u2192 {}", ShortName(before), ShortName(after)));
  auto version = [](int v) { return v > 0 ? std::to_string(v) : std::string(); };
  xml += Table(builder, {1800, 3600, 3600},
               {{"", "Earlier text", "Later text"},
                {"Symbol", before.cite, after.cite},
                {"Title", before.title, after.title},
                {"Date", DisplayDate(before.date), DisplayDate(after.date)},
                {"Version", version(before.version), version(after.version)}});
  xml += Plain(builder, "TwLede", SummarySentence(comparison.summary));
  std::vector<std::vector<std::string>> rows = {{"Measure", "Value"}};
  for (const SummaryRow& row : SummaryRows(comparison.summary)) {
    rows.push_back({row.label, row.value});
  }
  xml += Table(builder, {6600, 1800}, rows);
  xml += Plain(builder, "Heading1", "Tracked text");
  xml += Plain(
      builder, "TwSmall",
      fmt::format("Below, the earlier text carries every change to the later text as a tracked "
                  "change by \u201C{}\u201D{}: accept all changes to obtain the later text, reject "
                  "all to restore the earlier one. Moved articles are tracked as moves. Comments "
                  "say what happened to each article. Articles whose wording did not change appear "
                  "by their number only.",
                  kAuthor,
                  builder.date().substr(0, 10) == after.date ? " dated " + DisplayDate(after.date)
                                                             : std::string()));
  return xml;
}

// --- Package parts ---------------------------------------------------------------------------

std::string ParagraphStyle(std::string_view id, std::string_view name, std::string_view ppr,
                           std::string_view rpr) {
  return fmt::format(
      "<w:style w:type=\"paragraph\" w:styleId=\"{}\"><w:name w:val=\"{}\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>{}</w:pPr><w:rPr>"
      "{}</w:rPr></w:style>",
      id, name, ppr, rpr);
}

std::string StylesXml() {
  constexpr std::string_view kAccent = "<w:color w:val=\"1F3A5F\"/>";
  constexpr std::string_view kMuted = "<w:color w:val=\"5A616D\"/>";
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:styles xmlns:w=\"{}\"><w:docDefaults><w:rPrDefault><w:rPr>"
      "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
      "w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
      "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
      "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
      "<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
      "</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
      "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
      "{}{}{}{}{}{}{}{}{}{}{}{}{}"
      "<w:style w:type=\"character\" w:styleId=\"CommentReference\">"
      "<w:name w:val=\"annotation reference\"/><w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>"
      "</w:styles>\n",
      kWordNamespace,
      ParagraphStyle("Title", "Title", "<w:spacing w:after=\"60\"/>",
                     fmt::format("<w:b/>{}<w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/>", kAccent)),
      ParagraphStyle("Subtitle", "Subtitle", "<w:spacing w:after=\"240\"/>",
                     fmt::format("{}<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>", kMuted)),
      ParagraphStyle("Heading1", "heading 1",
                     "<w:keepNext/><w:spacing w:before=\"480\" w:after=\"120\"/>"
                     "<w:outlineLvl w:val=\"0\"/>",
                     fmt::format("<w:b/>{}<w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>", kAccent)),
      ParagraphStyle("TwArticle", "Article number",
                     "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"60\"/>"
                     "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"1\"/>",
                     "<w:b/>"),
      ParagraphStyle("TwArticleTitle", "Article heading",
                     "<w:keepNext/><w:spacing w:after=\"160\"/><w:jc w:val=\"center\"/>", "<w:b/>"),
      ParagraphStyle("TwText", "Treaty text", "<w:jc w:val=\"both\"/>", ""),
      ParagraphStyle("TwPoint", "Treaty point", "<w:ind w:left=\"567\"/><w:jc w:val=\"both\"/>",
                     ""),
      ParagraphStyle("TwLede", "Summary sentence", "<w:spacing w:before=\"240\" w:after=\"200\"/>",
                     "<w:i/>"),
      ParagraphStyle("TwSmall", "Report note", "<w:spacing w:after=\"240\"/>",
                     fmt::format("{}<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>", kMuted)),
      ParagraphStyle("TwTableHead", "Report table heading", "<w:spacing w:after=\"0\"/>",
                     fmt::format("<w:b/>{}<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>", kMuted)),
      ParagraphStyle("TwTableText", "Report table text", "<w:spacing w:after=\"0\"/>",
                     "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"),
      ParagraphStyle("TwEnd", "Report end", "<w:spacing w:before=\"480\"/><w:jc w:val=\"center\"/>",
                     fmt::format("{}<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>", kMuted)),
      ParagraphStyle("CommentText", "annotation text", "<w:spacing w:after=\"60\"/>",
                     "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"));
}

std::string SettingsXml() {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:settings xmlns:w=\"{}\"><w:defaultTabStop w:val=\"567\"/>"
      "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
      "<w:compatSetting w:name=\"compatibilityMode\" "
      "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>\n",
      kWordNamespace);
}

}  // namespace

absl::StatusOr<std::string> RenderDocx(const Comparison& comparison) {
  DocxBuilder builder(RevisionDate(comparison.new_doc));
  std::string body = Head(builder, comparison);
  const int bookmark = builder.NextId();
  body +=
      fmt::format("<w:bookmarkStart w:id=\"{}\" w:name=\"{}\"/>\n", bookmark, kTrackedTextBookmark);
  const OldPlaces old_places = LocateOldPlaces(comparison);
  // Move names are numbered in the order of the later text, both ends the same.
  std::vector<std::string> move_names(comparison.changes.size());
  for (std::size_t k = 0, moves = 0; k < comparison.changes.size(); ++k) {
    if (IsMove(comparison.changes[k])) move_names[k] = fmt::format("move{}", ++moves);
  }
  auto append_old_place = [&](std::size_t k) {
    AppendUnit(builder, comparison, comparison.changes[k], Placement::kMovedFrom, move_names[k],
               body);
  };
  for (std::size_t k : old_places.at_start) append_old_place(k);
  for (std::size_t k = 0; k < comparison.changes.size(); ++k) {
    const ArticleChange& change = comparison.changes[k];
    AppendUnit(builder, comparison, change,
               IsMove(change) ? Placement::kMovedTo : Placement::kInPlace, move_names[k], body);
    for (std::size_t moved : old_places.after[k]) append_old_place(moved);
  }
  body += fmt::format("<w:bookmarkEnd w:id=\"{}\"/>\n", bookmark);
  body += Plain(builder, "TwEnd", "End of the tracked text");
  const std::string document = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:document xmlns:w=\"{}\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\n"
      "<w:body>\n"
      "{}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
      "<w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" "
      "w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>\n"
      "</w:body>\n"
      "</w:document>\n",
      kWordNamespace, body);
  return WriteDocxPackage(document,
                          {WordPart{"styles", StylesXml()}, WordPart{"settings", SettingsXml()},
                           WordPart{"comments", builder.CommentsXml()}});
}

}  // namespace tw::compare
