// `treatywatch show DOC [PATH] [--outline] [--warnings]`: a document as a reader sees it, its
// outline, or what looked odd when it was parsed.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "text/text_clip.h"
#include "doc/document_json.h"
#include "doc/outline.h"

namespace tw::cli {
namespace {

struct ShowArgs {
  std::string document;
  std::string path;
  bool outline = false;
  bool warnings = false;
};

std::string Pages(const doc::Provision& node) {
  if (node.page_first <= 0) return "";
  if (node.page_last <= node.page_first) return fmt::format("p. {}", node.page_first);
  return fmt::format("pp. {}–{}", node.page_first, node.page_last);
}

bool IsStructural(doc::ProvisionKind kind) {
  using K = doc::ProvisionKind;
  return kind == K::kPart || kind == K::kChapter || kind == K::kSection || kind == K::kTitle ||
         kind == K::kAnnex || kind == K::kPreamble;
}

std::string Indent(int depth) { return std::string(2 * static_cast<std::size_t>(depth), ' '); }

// One line per structural node and article, with what each article holds.
void PrintOutline(const CliContext& context, const doc::Document& document,
                  const doc::Provision& top) {
  doc::VisitProvisions(top, [&](const doc::Provision& node, int depth) {
    if (node.kind == doc::ProvisionKind::kDocument) return;
    const bool structural = IsStructural(node.kind);
    const bool article = node.kind == doc::ProvisionKind::kArticle;
    const bool top_level_para = depth <= 1 && node.kind == doc::ProvisionKind::kParagraph;
    if (!structural && !article && !top_level_para &&
        node.kind != doc::ProvisionKind::kFootnote && node.kind != doc::ProvisionKind::kClosing) {
      return;
    }
    int paragraphs = 0;
    int points = 0;
    for (const doc::Provision& child : node.children) {
      paragraphs += child.kind == doc::ProvisionKind::kParagraph ||
                    child.kind == doc::ProvisionKind::kUnnumbered;
      points += child.kind == doc::ProvisionKind::kPoint;
    }
    std::string name = node.label.empty() ? std::string(doc::ProvisionKindName(node.kind))
                                          : node.label;
    std::string line = fmt::format("{}{}", Indent(depth - 1), context.Bold(name));
    if (!node.heading.empty()) line += "  " + node.heading;
    std::string detail;
    if (article && paragraphs > 0) detail += fmt::format("{} paras", paragraphs);
    if (article && points > 0) detail += fmt::format("{}{} points", detail.empty() ? "" : ", ", points);
    std::size_t brackets = 0;
    for (const doc::BracketSpan& span : node.brackets) brackets += span.depth == 1;
    if (article && brackets > 0) {
      detail += fmt::format("{}{} [bracketed]", detail.empty() ? "" : ", ", brackets);
    }
    if (!detail.empty()) line += "  " + context.Dim("(" + detail + ")");
    const std::string pages = Pages(node);
    if (!pages.empty()) line += "  " + context.Dim(pages);
    if (top_level_para || node.kind == doc::ProvisionKind::kFootnote) {
      line = fmt::format("{}{} {}", Indent(depth - 1), context.Bold(name),
                         text::ClipUtf8(node.text, 70));
    }
    std::cout << line << "\n";
  });
  (void)document;
}

// The text as printed, with labels, headings and page citations.
void PrintText(const CliContext& context, const doc::Document& document,
               const doc::Provision& top) {
  doc::VisitProvisions(top, [&](const doc::Provision& node, int depth) {
    if (node.kind == doc::ProvisionKind::kDocument) return;
    const std::string indent = Indent(std::max(0, depth - 1));
    if (IsStructural(node.kind) || node.kind == doc::ProvisionKind::kArticle) {
      std::string heading = node.label.empty() ? std::string(doc::ProvisionKindName(node.kind))
                                               : node.label;
      if (!node.heading.empty()) heading += " — " + node.heading;
      const std::string pages = Pages(node);
      std::cout << "\n" << indent << context.Bold(heading)
                << (pages.empty() ? "" : "  " + context.Dim(pages)) << "\n";
      if (!node.text.empty()) std::cout << indent << node.text << "\n";
      return;
    }
    std::string text = node.text;
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
      text.insert(at + 1, indent + "  ");
    }
    std::cout << indent << (node.label.empty() ? "" : node.label + " ") << text << "\n";
  });
  (void)document;
}

void RunShow(const ShowArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<doc::Document> document = (*store)->LoadDocument(args.document);
  if (!document.ok()) return context.Fail(document.status());
  const doc::Provision* top = &document->root;
  if (!args.path.empty()) {
    top = doc::FindProvision(document->root, args.path);
    if (!top) {
      return context.Fail(absl::NotFoundError(fmt::format(
          "{} has no provision '{}' (see: treatywatch show {} --outline)",
          document->CiteName(), args.path, args.document)));
    }
  }
  if (args.warnings) {
    if (context.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const doc::ParseWarning& w : document->warnings) {
        out.push_back({{"line", w.line}, {"offset", w.offset}, {"message", w.message},
                       {"matters", w.matters}});
      }
      return context.PrintJson(out);
    }
    int shown = 0;
    for (const doc::ParseWarning& w : document->warnings) {
      std::cout << fmt::format("{}:{}: {}{}\n", document->meta.source_name, w.line, w.message,
                               w.matters ? "" : " (note)");
      ++shown;
    }
    if (shown == 0) std::cout << document->CiteName() << ": no warnings\n";
    return;
  }
  if (context.json) {
    return context.PrintJson(doc::DocumentToJson(*document, args.path.empty() ? nullptr : top));
  }
  const doc::DocumentMeta& meta = document->meta;
  std::cout << context.Bold(document->CiteName()) << "  " << meta.title << "\n"
            << context.Dim(fmt::format("document {} · {} · {} · {} · {}", meta.id, meta.kind,
                                       meta.date.empty() ? "undated" : meta.date, meta.lang,
                                       doc::OutlineSummary(*document)))
            << "\n";
  if (args.outline) {
    std::cout << "\n";
    PrintOutline(context, *document, *top);
  } else {
    PrintText(context, *document, *top);
  }
}

}  // namespace

void RegisterShowCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* command = app.add_subcommand("show", "Show a document, one provision, its outline or warnings");
  command->add_option("document", args->document, "Document id or symbol")->required();
  command->add_option("path", args->path, "Provision path, e.g. art24 or art24.p2.b");
  command->add_flag("--outline", args->outline, "Only the structure: chapters and articles");
  command->add_flag("--warnings", args->warnings, "What looked odd when the document was read");
  command->callback([args, &context] { RunShow(*args, context); });
}

}  // namespace tw::cli
