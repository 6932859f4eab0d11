#include "compare/report_text.h"

#include <fmt/format.h>

#include "compare/change_description.h"

namespace tw::compare {
namespace {

constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

std::string Style(const TextReportOptions& options, std::string_view code, std::string_view text) {
  if (!options.color) return std::string(text);
  return fmt::format("{}{}{}", code, text, kReset);
}

// Cuts at a UTF-8 character boundary at or before `at`.
std::size_t Boundary(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

std::string Elide(std::string_view text, bool keep_head, bool keep_tail, std::size_t context) {
  if (text.size() <= 2 * context + 5) return std::string(text);
  std::string out;
  if (keep_head) out += text.substr(0, Boundary(text, context));
  out += "…";
  if (keep_tail) {
    const std::size_t from = Boundary(text, text.size() - context);
    out += text.substr(from);
  }
  return out;
}

void Indent(std::string& out, std::string_view text, std::string_view prefix) {
  std::size_t at = 0;
  out += prefix;
  while (at < text.size()) {
    const std::size_t newline = text.find('\n', at);
    if (newline == std::string_view::npos) {
      out += text.substr(at);
      break;
    }
    out += text.substr(at, newline - at + 1);
    out += prefix;
    at = newline + 1;
  }
  out += '\n';
}

}  // namespace

std::string RenderOpsText(const std::vector<DiffOp>& ops, const TextReportOptions& options) {
  std::string out;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    const DiffOp& op = ops[k];
    switch (op.op) {
      case OpKind::kEqual:
        out += Elide(op.text, k > 0, k + 1 < ops.size(), options.context_chars);
        break;
      case OpKind::kDelete:
        out += Style(options, kRed, fmt::format("[-{}-]", op.text));
        break;
      case OpKind::kInsert:
        out += Style(options, kGreen, fmt::format("{{+{}+}}", op.text));
        break;
    }
  }
  return out;
}

std::string RenderText(const Comparison& comparison, const TextReportOptions& options) {
  std::string out;
  auto cite = [](const ComparedDocument& document) {
    return document.date.empty() ? document.cite : fmt::format("{} ({})", document.cite, document.date);
  };
  out += Style(options, kBold, fmt::format("{} → {}", cite(comparison.old_doc), cite(comparison.new_doc)));
  out += "\n" + DescribeSummary(comparison.summary) + "\n";

  std::vector<std::string> quietly_renumbered;
  for (const ArticleChange& change : comparison.changes) {
    if (change.kind == ChangeKind::kUnchanged) continue;
    if (change.kind == ChangeKind::kRenumbering && !change.references_renumbered) {
      quietly_renumbered.push_back(fmt::format("{}→{}", change.old_num, change.new_num));
      continue;
    }
    out += "\n" + Style(options, kBold, DescribeChange(change));
    if (change.kind != ChangeKind::kInsertion && change.kind != ChangeKind::kRepeal &&
        change.text_changed) {
      out += Style(options, kDim, fmt::format("  similarity {:.2f}", change.similarity));
    }
    out += "\n";
    for (const BracketChange& bracket : change.brackets) {
      out += "  • " + DescribeBracketChange(bracket) + "\n";
    }
    for (const ProvisionChange& provision : change.provisions) {
      if (provision.kind == ChangeKind::kRenumbering) continue;
      out += Style(options, kDim, "  · " + DescribeProvisionChange(provision)) + "\n";
    }
    if (!change.ops.empty()) {
      if (change.kind == ChangeKind::kInsertion || change.kind == ChangeKind::kRepeal) {
        const std::string& text = change.ops.front().text;
        Indent(out, Style(options, change.kind == ChangeKind::kInsertion ? kGreen : kRed,
                          Elide(text, true, false, 4 * options.context_chars)),
               "    ");
      } else {
        Indent(out, RenderOpsText(change.ops, options), "    ");
      }
    }
  }
  if (!comparison.migrations.empty()) {
    out += "\n" + Style(options, kBold, "Paragraphs that moved between articles") + "\n";
    for (const ProvisionChange& migration : comparison.migrations) {
      out += "  • " + DescribeProvisionChange(migration) + "\n";
    }
  }
  if (!quietly_renumbered.empty()) {
    std::string list;
    for (const std::string& pair : quietly_renumbered) list += (list.empty() ? "" : ", ") + pair;
    out += "\n" + Style(options, kBold, "Renumbered, same words: ") + list + "\n";
  }
  return out;
}

}  // namespace tw::compare
