#include "compare/redline_lines.h"

#include <string_view>

namespace tw::compare {
namespace {

void Append(RedlineLine& line, OpKind op, std::string_view text) {
  if (text.empty()) return;
  if (!line.runs.empty() && line.runs.back().op == op) {
    line.runs.back().text += text;
  } else {
    line.runs.push_back({op, std::string(text)});
  }
}

std::string SideText(const std::vector<DiffOp>& ops, OpKind side) {
  std::string text;
  for (const DiffOp& op : ops) {
    if (op.op == OpKind::kEqual || op.op == side) text += op.text;
  }
  return text;
}

}  // namespace

std::vector<RedlineLine> RedlineLines(const std::vector<DiffOp>& ops) {
  std::vector<RedlineLine> lines(1);
  for (const DiffOp& op : ops) {
    std::string_view rest = op.text;
    for (std::size_t newline = rest.find('\n'); newline != std::string_view::npos;
         newline = rest.find('\n')) {
      Append(lines.back(), op.op, rest.substr(0, newline));
      lines.back().has_break = true;
      lines.back().break_op = op.op;
      lines.emplace_back();
      rest.remove_prefix(newline + 1);
    }
    Append(lines.back(), op.op, rest);
  }
  return lines;
}

bool ShowsBreak(const std::vector<RedlineLine>& lines, std::size_t at) {
  if (at >= lines.size() || !lines[at].has_break || lines[at].break_op == OpKind::kEqual) {
    return false;
  }
  const OpKind op = lines[at].break_op;
  auto other_text = [op](const RedlineLine& line) {
    for (const DiffOp& run : line.runs) {
      if (run.op != op) return true;
    }
    return false;
  };
  return other_text(lines[at]) || (at + 1 < lines.size() && other_text(lines[at + 1]));
}

bool IsPointLine(std::string_view text) {
  if (text.size() > 2 && text[0] == '(') {
    const std::size_t close = text.find(')');
    return close != std::string_view::npos && close <= 8;
  }
  return text.size() > 2 && text[0] >= 'a' && text[0] <= 'z' && text[1] == ')';
}

std::string LineText(const RedlineLine& line) {
  std::string new_text = SideText(line.runs, OpKind::kInsert);
  return new_text.empty() ? SideText(line.runs, OpKind::kDelete) : new_text;
}

}  // namespace tw::compare
