#include "compare/redline.h"

namespace tw::compare {

Redline MakeRedline(std::string_view old_text, std::string_view new_text, TokenTable& table,
                    bool with_ops) {
  Redline redline;
  redline.old_tokens = Tokenize(old_text, table);
  redline.new_tokens = Tokenize(new_text, table);
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
