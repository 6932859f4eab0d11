#include "compare/redline.h"

namespace tw::compare {

Redline MakeRedline(std::string_view old_text, std::string_view new_text, TokenTable& table,
                    bool with_ops) {
  return MakeRedlineFromTokens(old_text, Tokenize(old_text, table), new_text,
                               Tokenize(new_text, table), with_ops);
}

Redline MakeRedlineFromTokens(std::string_view old_text, std::vector<Token> old_tokens,
                              std::string_view new_text, std::vector<Token> new_tokens,
                              bool with_ops) {
  Redline redline;
  redline.old_tokens = std::move(old_tokens);
  redline.new_tokens = std::move(new_tokens);
  redline.raw_runs = HistogramDiff(redline.old_tokens, redline.new_tokens);
  for (const EditRun& run : redline.raw_runs) {
    if (run.op != OpKind::kEqual) redline.changed = true;
  }
  if (!redline.changed) return redline;
  std::vector<EditRun> clean = redline.raw_runs;
  SemanticCleanup(clean, redline.old_tokens, redline.new_tokens);
  redline.words = CountChangedWords(redline.raw_runs, redline.old_tokens, redline.new_tokens);
  if (with_ops) {
    redline.ops = RenderOps(clean, old_text, redline.old_tokens, new_text, redline.new_tokens);
  }
  return redline;
}

std::vector<DiffOp> WholeText(OpKind op, std::string_view text) {
  if (text.empty()) return {};
  return {DiffOp{op, std::string(text)}};
}

}  // namespace tw::compare
