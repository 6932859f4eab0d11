// diff-match-patch (npm) as a word diff, the peer of bench/diff_vs_peers.sh:
//   node bench/dmp_word_diff.js OLD NEW OUT.json [TIMEOUT_SECONDS]
// Words and runs of white space become one character each (the library's line mode, applied
// to words), then diff_main, back to text, diff_cleanupSemantic — the recipe the library
// documents for line diffs. OUT.json holds the word pairs the diff keeps equal: [[i, j], ...],
// i and j counting the words (runs of non-space) of OLD and NEW from 0.
// Diff_Timeout is 0 (no time limit, the library's best diff) unless TIMEOUT_SECONDS is given.
'use strict';
const fs = require('fs');
const DiffMatchPatch = require('diff-match-patch');

const [oldPath, newPath, outPath, timeout] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node dmp_word_diff.js OLD NEW OUT.json [TIMEOUT_SECONDS]');
  process.exit(2);
}
const oldText = fs.readFileSync(oldPath, 'utf8');
const newText = fs.readFileSync(newPath, 'utf8');

const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = timeout ? Number(timeout) : 0;

// One character per distinct token, as diff_linesToChars_ does per line.
const tokenArray = [''];
const tokenHash = new Map();
function tokensToChars(text) {
  let chars = '';
  for (const token of text.match(/\S+|\s+/g) || []) {
    let code = tokenHash.get(token);
    if (code === undefined) {
      code = tokenArray.length;
      if (code >= 0xd800) {
        throw new Error('more than 55295 distinct words and spaces: word mode cannot encode them');
      }
      tokenArray.push(token);
      tokenHash.set(token, code);
    }
    chars += String.fromCharCode(code);
  }
  return chars;
}

const chars1 = tokensToChars(oldText);
const chars2 = tokensToChars(newText);
const diffs = dmp.diff_main(chars1, chars2, false);
dmp.diff_charsToLines_(diffs, tokenArray);
dmp.diff_cleanupSemantic(diffs);

// Character ranges kept equal: [old start, new start, length].
const equal = [];
let oldAt = 0;
let newAt = 0;
for (const [op, text] of diffs) {
  if (op === DiffMatchPatch.DIFF_EQUAL) equal.push([oldAt, newAt, text.length]);
  if (op !== DiffMatchPatch.DIFF_INSERT) oldAt += text.length;
  if (op !== DiffMatchPatch.DIFF_DELETE) newAt += text.length;
}

function wordStarts(text) {
  const starts = [];
  const ends = [];
  for (const m of text.matchAll(/\S+/g)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return {starts, ends};
}
const oldWords = wordStarts(oldText);
const newWords = wordStarts(newText);
const newIndexAt = new Map(newWords.starts.map((start, j) => [start, j]));

// An old word maps to the new word at the same place of an equal range holding it whole.
const pairs = [];
let range = 0;
for (let i = 0; i < oldWords.starts.length; ++i) {
  const start = oldWords.starts[i];
  const end = oldWords.ends[i];
  while (range < equal.length && equal[range][0] + equal[range][2] <= start) ++range;
  if (range === equal.length) break;
  const [from, to, length] = equal[range];
  if (start < from || end > from + length) continue;
  const j = newIndexAt.get(start - from + to);
  if (j !== undefined && newWords.ends[j] - newWords.starts[j] === end - start) pairs.push([i, j]);
}
fs.writeFileSync(outPath, JSON.stringify(pairs));
