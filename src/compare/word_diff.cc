#include "compare/word_diff.h"

#include <algorithm>

namespace tw::compare {
namespace {

struct Block {  // a run of equal tokens
  int old_begin;
  int new_begin;
  int length;
};

struct Region {
  int old_begin, old_end, new_begin, new_end;
};

void LcsBlocks(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b, const Region& region,
               std::vector<Block>& blocks) {
  const int n = region.old_end - region.old_begin;
  const int m = region.new_end - region.new_begin;
  std::vector<int> table(static_cast<std::size_t>((n + 1) * (m + 1)), 0);
  auto cell = [&](int i, int j) -> int& { return table[static_cast<std::size_t>(i * (m + 1) + j)]; };
  for (int i = n - 1; i >= 0; --i) {
    for (int j = m - 1; j >= 0; --j) {
      cell(i, j) = a[static_cast<std::size_t>(region.old_begin + i)] ==
                           b[static_cast<std::size_t>(region.new_begin + j)]
                       ? cell(i + 1, j + 1) + 1
                       : std::max(cell(i + 1, j), cell(i, j + 1));
    }
  }
  int i = 0;
  int j = 0;
  while (i < n && j < m) {
    if (a[static_cast<std::size_t>(region.old_begin + i)] ==
        b[static_cast<std::size_t>(region.new_begin + j)]) {
      blocks.push_back({region.old_begin + i, region.new_begin + j, 1});
      ++i;
      ++j;
    } else if (cell(i + 1, j) >= cell(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
}

// Histogram anchoring: the common token with the fewest occurrences in the old region, its
// match extended both ways; the longest such match among equally rare ones.
bool FindAnchor(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b, const Region& region,
                Block& anchor) {
  // Occurrences of each token in the old region: counts and ascending chains, in scratch
  // arrays indexed by token id (ids are dense) and reset after use — no hashing, no allocation
  // once warm.
  thread_local std::vector<std::uint32_t> count;
  thread_local std::vector<int> first;
  thread_local std::vector<int> next;
  std::uint32_t max_id = 0;
  for (int i = region.old_begin; i < region.old_end; ++i) max_id = std::max(max_id, a[static_cast<std::size_t>(i)]);
  if (count.size() <= max_id) {
    count.resize(max_id + 1, 0);
    first.resize(max_id + 1, -1);
  }
  next.resize(static_cast<std::size_t>(region.old_end - region.old_begin));
  for (int i = region.old_end - 1; i >= region.old_begin; --i) {
    const std::uint32_t id = a[static_cast<std::size_t>(i)];
    next[static_cast<std::size_t>(i - region.old_begin)] = first[id];
    first[id] = i;
    ++count[id];
  }
  auto count_of = [&](int i) -> std::size_t { return count[a[static_cast<std::size_t>(i)]]; };
  auto occurrences_of = [&](std::uint32_t id) -> std::size_t { return id <= max_id ? count[id] : 0; };
  std::size_t best_count = kHistogramMaxChain + 1;
  int best_length = 0;
  for (int j = region.new_begin; j < region.new_end;) {
    const std::uint32_t id = b[static_cast<std::size_t>(j)];
    const std::size_t occurrences = occurrences_of(id);
    if (occurrences == 0 || occurrences > kHistogramMaxChain) {
      ++j;
      continue;
    }
    int next_j = j + 1;
    for (int i = first[id]; i >= 0; i = next[static_cast<std::size_t>(i - region.old_begin)]) {
      // The whole equal run through (i, j): common tokens (spaces) before it belong to it.
      int start_a = i;
      int start_b = j;
      while (start_a > region.old_begin && start_b > region.new_begin &&
             a[static_cast<std::size_t>(start_a - 1)] == b[static_cast<std::size_t>(start_b - 1)]) {
        --start_a;
        --start_b;
      }
      int end_a = i + 1;
      int end_b = j + 1;
      while (end_a < region.old_end && end_b < region.new_end &&
             a[static_cast<std::size_t>(end_a)] == b[static_cast<std::size_t>(end_b)]) {
        ++end_a;
        ++end_b;
      }
      std::size_t rarest = kHistogramMaxChain + 1;
      for (int k = start_a; k < end_a; ++k) rarest = std::min(rarest, count_of(k));
      const int length = end_a - start_a;
      if (rarest < best_count || (rarest == best_count && length > best_length)) {
        best_count = rarest;
        best_length = length;
        anchor = {start_a, start_b, length};
      }
      // As in JGit: the rest of this run has been seen; carry on after it.
      next_j = std::max(next_j, end_b);
    }
    j = next_j;
  }
  for (int i = region.old_begin; i < region.old_end; ++i) {
    const std::uint32_t id = a[static_cast<std::size_t>(i)];
    count[id] = 0;
    first[id] = -1;
  }
  return best_length > 0;
}

}  // namespace

std::vector<EditRun> HistogramDiffIds(const std::vector<std::uint32_t>& old_tokens,
                                      const std::vector<std::uint32_t>& new_tokens) {
  std::vector<Block> blocks;
  std::vector<Region> pending{{0, static_cast<int>(old_tokens.size()), 0,
                               static_cast<int>(new_tokens.size())}};
  while (!pending.empty()) {
    Region region = pending.back();
    pending.pop_back();
    int prefix = 0;
    while (region.old_begin + prefix < region.old_end && region.new_begin + prefix < region.new_end &&
           old_tokens[static_cast<std::size_t>(region.old_begin + prefix)] ==
               new_tokens[static_cast<std::size_t>(region.new_begin + prefix)]) {
      ++prefix;
    }
    if (prefix > 0) blocks.push_back({region.old_begin, region.new_begin, prefix});
    region.old_begin += prefix;
    region.new_begin += prefix;
    int suffix = 0;
    while (region.old_end - suffix > region.old_begin && region.new_end - suffix > region.new_begin &&
           old_tokens[static_cast<std::size_t>(region.old_end - suffix - 1)] ==
               new_tokens[static_cast<std::size_t>(region.new_end - suffix - 1)]) {
      ++suffix;
    }
    if (suffix > 0) blocks.push_back({region.old_end - suffix, region.new_end - suffix, suffix});
    region.old_end -= suffix;
    region.new_end -= suffix;
    if (region.old_begin == region.old_end || region.new_begin == region.new_end) continue;

    Block anchor{};
    if (FindAnchor(old_tokens, new_tokens, region, anchor)) {
      blocks.push_back(anchor);
      pending.push_back({anchor.old_begin + anchor.length, region.old_end,
                         anchor.new_begin + anchor.length, region.new_end});
      pending.push_back({region.old_begin, anchor.old_begin, region.new_begin, anchor.new_begin});
    } else if (static_cast<double>(region.old_end - region.old_begin) *
                   static_cast<double>(region.new_end - region.new_begin) <=
               kLcsFallbackCells) {
      LcsBlocks(old_tokens, new_tokens, region, blocks);
    }
  }
  std::sort(blocks.begin(), blocks.end(),
            [](const Block& x, const Block& y) { return x.old_begin < y.old_begin; });

  std::vector<EditRun> runs;
  auto push = [&runs](OpKind op, int ob, int oe, int nb, int ne) {
    if (ob == oe && nb == ne) return;
    if (!runs.empty() && runs.back().op == op && runs.back().old_end == ob &&
        runs.back().new_end == nb) {
      runs.back().old_end = oe;
      runs.back().new_end = ne;
      return;
    }
    runs.push_back({op, ob, oe, nb, ne});
  };
  int old_at = 0;
  int new_at = 0;
  for (const Block& block : blocks) {
    push(OpKind::kDelete, old_at, block.old_begin, new_at, new_at);
    push(OpKind::kInsert, block.old_begin, block.old_begin, new_at, block.new_begin);
    push(OpKind::kEqual, block.old_begin, block.old_begin + block.length, block.new_begin,
         block.new_begin + block.length);
    old_at = block.old_begin + block.length;
    new_at = block.new_begin + block.length;
  }
  push(OpKind::kDelete, old_at, static_cast<int>(old_tokens.size()), new_at, new_at);
  push(OpKind::kInsert, static_cast<int>(old_tokens.size()), static_cast<int>(old_tokens.size()),
       new_at, static_cast<int>(new_tokens.size()));
  return runs;
}

std::vector<EditRun> HistogramDiff(const std::vector<Token>& old_tokens,
                                   const std::vector<Token>& new_tokens) {
  std::vector<std::uint32_t> old_ids(old_tokens.size()), new_ids(new_tokens.size());
  for (std::size_t k = 0; k < old_tokens.size(); ++k) old_ids[k] = old_tokens[k].id;
  for (std::size_t k = 0; k < new_tokens.size(); ++k) new_ids[k] = new_tokens[k].id;
  return HistogramDiffIds(old_ids, new_ids);
}

std::vector<int> TokenCorrespondence(const std::vector<EditRun>& runs, std::size_t old_size) {
  std::vector<int> new_of_old(old_size, -1);
  for (const EditRun& run : runs) {
    if (run.op != OpKind::kEqual) continue;
    for (int k = 0; k < run.old_end - run.old_begin; ++k) {
      new_of_old[static_cast<std::size_t>(run.old_begin + k)] = run.new_begin + k;
    }
  }
  return new_of_old;
}

namespace {

std::size_t SpanLength(const std::vector<Token>& tokens, int begin, int end) {
  if (begin >= end) return 0;
  return tokens[static_cast<std::size_t>(end - 1)].end - tokens[static_cast<std::size_t>(begin)].begin;
}

// Rewrites the runs so every maximal stretch of edits is one deletion then one insertion.
void MergeEdits(std::vector<EditRun>& runs) {
  std::vector<EditRun> merged;
  std::size_t k = 0;
  while (k < runs.size()) {
    if (runs[k].op == OpKind::kEqual) {
      if (!merged.empty() && merged.back().op == OpKind::kEqual) {
        merged.back().old_end = runs[k].old_end;
        merged.back().new_end = runs[k].new_end;
      } else {
        merged.push_back(runs[k]);
      }
      ++k;
      continue;
    }
    const int old_begin = runs[k].old_begin;
    const int new_begin = runs[k].new_begin;
    int old_end = old_begin;
    int new_end = new_begin;
    while (k < runs.size() && runs[k].op != OpKind::kEqual) {
      old_end = std::max(old_end, runs[k].old_end);
      new_end = std::max(new_end, runs[k].new_end);
      ++k;
    }
    if (old_end > old_begin) merged.push_back({OpKind::kDelete, old_begin, old_end, new_begin, new_begin});
    if (new_end > new_begin) merged.push_back({OpKind::kInsert, old_end, old_end, new_begin, new_end});
  }
  runs = std::move(merged);
}

}  // namespace

void SemanticCleanup(std::vector<EditRun>& runs, const std::vector<Token>& old_tokens,
                     const std::vector<Token>& new_tokens) {
  MergeEdits(runs);
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t k = 1; k + 1 < runs.size(); ++k) {
      if (runs[k].op != OpKind::kEqual) continue;
      // Edit lengths (deleted, inserted characters) of the stretches on each side.
      std::size_t before_del = 0, before_ins = 0, after_del = 0, after_ins = 0;
      for (std::size_t b = k; b-- > 0 && runs[b].op != OpKind::kEqual;) {
        before_del += SpanLength(old_tokens, runs[b].old_begin, runs[b].old_end);
        before_ins += SpanLength(new_tokens, runs[b].new_begin, runs[b].new_end);
      }
      for (std::size_t f = k + 1; f < runs.size() && runs[f].op != OpKind::kEqual; ++f) {
        after_del += SpanLength(old_tokens, runs[f].old_begin, runs[f].old_end);
        after_ins += SpanLength(new_tokens, runs[f].new_begin, runs[f].new_end);
      }
      if (before_del + before_ins == 0 || after_del + after_ins == 0) continue;
      const std::size_t equal = SpanLength(new_tokens, runs[k].new_begin, runs[k].new_end);
      if (equal <= std::max(before_del, before_ins) && equal <= std::max(after_del, after_ins)) {
        const EditRun eq = runs[k];
        runs[k] = {OpKind::kDelete, eq.old_begin, eq.old_end, eq.new_begin, eq.new_begin};
        runs.insert(runs.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                    EditRun{OpKind::kInsert, eq.old_end, eq.old_end, eq.new_begin, eq.new_end});
        MergeEdits(runs);
        changed = true;
        break;
      }
    }
  }
}

std::vector<DiffOp> RenderOps(const std::vector<EditRun>& runs, std::string_view old_text,
                              const std::vector<Token>& old_tokens, std::string_view new_text,
                              const std::vector<Token>& new_tokens) {
  auto span = [](std::string_view text, const std::vector<Token>& tokens, int begin, int end) {
    const std::size_t from = tokens[static_cast<std::size_t>(begin)].begin;
    const std::size_t to = tokens[static_cast<std::size_t>(end - 1)].end;
    return std::string(text.substr(from, to - from));
  };
  std::vector<DiffOp> ops;
  for (const EditRun& run : runs) {
    DiffOp op;
    op.op = run.op;
    if (run.op == OpKind::kDelete) {
      if (run.old_begin == run.old_end) continue;
      op.text = span(old_text, old_tokens, run.old_begin, run.old_end);
    } else {
      if (run.new_begin == run.new_end) continue;
      op.text = span(new_text, new_tokens, run.new_begin, run.new_end);
    }
    if (!ops.empty() && ops.back().op == op.op) {
      ops.back().text += op.text;
    } else {
      ops.push_back(std::move(op));
    }
  }
  return ops;
}

WordCounts CountChangedWords(const std::vector<EditRun>& runs,
                             const std::vector<Token>& old_tokens,
                             const std::vector<Token>& new_tokens) {
  WordCounts counts;
  for (const EditRun& run : runs) {
    if (run.op == OpKind::kDelete) {
      for (int k = run.old_begin; k < run.old_end; ++k) {
        counts.deleted += old_tokens[static_cast<std::size_t>(k)].cls == TokenClass::kWord;
      }
    } else if (run.op == OpKind::kInsert) {
      for (int k = run.new_begin; k < run.new_end; ++k) {
        counts.inserted += new_tokens[static_cast<std::size_t>(k)].cls == TokenClass::kWord;
      }
    }
  }
  return counts;
}

}  // namespace tw::compare
