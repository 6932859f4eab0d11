#!/usr/bin/env python3
"""treatywatch diff against peer diff tools on the benchmark pairs (bench/diff_vs_peers.sh).

  diff_peers.py run --pairs DIR --treatywatch BIN [--runs N] [--timeout S]
      DIR holds <size>/old.txt, new.txt, truth.json (bench/make_diff_pairs). Times every tool
      as a whole command, best of N wall times (hyperfine when installed, else a loop that
      also runs a fast command until it has run for a second, up to 40 times), and
      scores every tool with the same scorer against truth.json. Prints one table.
  diff_peers.py difflib OLD NEW OUT.json
      The difflib peer: SequenceMatcher over word tokens (autojunk=False), get_opcodes; writes
      the word pairs of its 'equal' opcodes as [[i, j], ...].

The scorer. treatywatch reports article links itself (its JSON "changes": every old path of a
change linked to every new path; "moved" or kind "move" marks a move). A peer only aligns
words, so its links are derived from its equal runs: an old article links to the new article
holding most of its words' counterparts, when that is at least half of the old article's words
(article = its lines in truth.json, "Article N" line and heading included). A peer reports a
move when its links put an article out of order: the links outside the longest run kept in
order (old order vs new order) count as moves. A line or word diff is monotone, so it finds
none — computed, not assumed. Link F1 is against truth.json "all_links" (1:1 links, a split
article to each part, each joined article to the join); moves against "moved".
"""

import argparse
import bisect
import difflib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# Words are runs of non-space in the ASCII sense, as git's default word diff reads them.
WORD = re.compile(r"[^ \t\n\r\f\v]+")
SIZES = ["10k", "40k", "160k"]
# A first run slower than this is not repeated (difflib on 160k words takes minutes).
SLOW_SECONDS = 20.0
MIN_SECONDS = 1.0
MAX_RUNS = 40


def words(text):
    return WORD.findall(text)


def run_difflib(old_path, new_path, out_path):
    with open(old_path, encoding="utf-8") as f:
        a = words(f.read())
    with open(new_path, encoding="utf-8") as f:
        b = words(f.read())
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pairs = []
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend([i1 + k, j1 + k] for k in range(i2 - i1))
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(pairs, f)


# ---- timing


def best_wall_time(cmd, runs, timeout, cwd):
    """Best wall time in seconds of `cmd` (a list), None when it timed out or failed."""
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as export:
            export_path = export.name
        try:
            subprocess.run(
                ["hyperfine", "--runs", str(runs), "--ignore-failure", "--style", "none",
                 "--export-json", export_path, shlex.join(cmd)],
                cwd=cwd, check=True, timeout=timeout * runs + 60,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(export_path, encoding="utf-8") as f:
                return json.load(f)["results"][0]["min"]
        except (subprocess.SubprocessError, OSError, KeyError, ValueError):
            return None
        finally:
            os.unlink(export_path)
    best = None
    spent = 0.0
    done_runs = 0
    # At least `runs` runs, and for fast commands as many as fit in MIN_SECONDS (up to
    # MAX_RUNS), as hyperfine does: a 10 ms command's best of 5 is mostly scheduling noise.
    while done_runs < runs or (spent < MIN_SECONDS and done_runs < MAX_RUNS):
        done_runs += 1
        start = time.perf_counter()
        try:
            done = subprocess.run(cmd, cwd=cwd, timeout=timeout, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
        except subprocess.TimeoutExpired:
            return None
        elapsed = time.perf_counter() - start
        spent += elapsed
        # git diff and treatywatch diff exit 1 when the files differ; 2 and up is a failure.
        if done.returncode not in (0, 1):
            sys.stderr.write(f"{shlex.join(cmd)}: exit {done.returncode}: "
                             f"{done.stderr.decode(errors='replace').strip()[:300]}\n")
            return None
        best = elapsed if best is None else min(best, elapsed)
        if elapsed > SLOW_SECONDS:
            break
    return best


# ---- scoring


def article_of_lines(articles, line_count):
    owner = [-1] * (line_count + 1)
    for index, article in enumerate(articles):
        for line in range(article["first_line"], min(article["last_line"], line_count) + 1):
            owner[line] = index
    return owner


def word_articles(text, articles):
    """Article index (or -1) of every word of `text`."""
    owner = article_of_lines(articles, text.count("\n"))
    out = []
    line = 0
    at = 0
    for match in WORD.finditer(text):
        line += text.count("\n", at, match.start())
        at = match.start()
        out.append(owner[line])
    return out


def links_from_word_pairs(pairs, old_text, new_text, truth):
    old_articles = truth["old_articles"]
    new_articles = truth["new_articles"]
    old_owner = word_articles(old_text, old_articles)
    new_owner = word_articles(new_text, new_articles)
    size = [0] * len(old_articles)
    for a in old_owner:
        if a >= 0:
            size[a] += 1
    counts = [dict() for _ in old_articles]
    for i, j in pairs:
        a, b = old_owner[i], new_owner[j]
        if a >= 0 and b >= 0:
            counts[a][b] = counts[a].get(b, 0) + 1
    links = []  # (old index, new index)
    for a, found in enumerate(counts):
        if not found:
            continue
        b, n = max(found.items(), key=lambda item: (item[1], -item[0]))
        if 2 * n >= size[a]:
            links.append((a, b))
    return links


def out_of_order(links):
    """Links outside the longest run whose new positions never decrease in old order."""
    links = sorted(links)
    tails, tail_index, previous = [], [], [-1] * len(links)
    for k, (_, b) in enumerate(links):
        at = bisect.bisect_right(tails, b)
        if at > 0:
            previous[k] = tail_index[at - 1]
        if at == len(tails):
            tails.append(b)
            tail_index.append(k)
        else:
            tails[at] = b
            tail_index[at] = k
    kept = set()
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        kept.add(k)
        k = previous[k]
    return [links[k] for k in range(len(links)) if k not in kept]


def git_word_pairs(old_path, new_path):
    out = subprocess.run(
        ["git", "-c", "color.ui=never", "-c", "core.quotepath=off", "diff", "--no-index",
         "--word-diff=porcelain", "--histogram", "--unified=100000000", old_path, new_path],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False).stdout
    pairs, i, j, in_hunk = [], 0, 0, False
    for line in out.decode("utf-8", errors="replace").split("\n"):
        if line.startswith("@@"):
            in_hunk = True
            continue
        if not in_hunk or not line or line[0] not in " -+":
            continue
        n = len(words(line[1:]))
        if line[0] == " ":
            pairs.extend([i + k, j + k] for k in range(n))
            i, j = i + n, j + n
        elif line[0] == "-":
            i += n
        else:
            j += n
    return pairs, i, j


def score(found_links, found_moved, truth):
    true_links = {tuple(link) for link in truth["all_links"]}
    found_links = set(found_links)
    hits = len(true_links & found_links)
    precision = hits / len(found_links) if found_links else 0.0
    recall = hits / len(true_links) if true_links else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    true_moved = set(truth["moved"])
    found_moved = set(found_moved)
    move_hits = len(true_moved & found_moved)
    return {
        "f1": f1,
        "move_recall": move_hits / len(true_moved) if true_moved else 1.0,
        "move_precision": move_hits / len(found_moved) if found_moved else None,
        "moves_found": len(found_moved),
    }


def score_word_pairs(pairs, old_text, new_text, truth):
    links = links_from_word_pairs(pairs, old_text, new_text, truth)
    old_paths = [a["path"] for a in truth["old_articles"]]
    new_paths = [a["path"] for a in truth["new_articles"]]
    found = [(old_paths[a], new_paths[b]) for a, b in links]
    moved = [old_paths[a] for a, _ in out_of_order(links)]
    return score(found, moved, truth)


def score_treatywatch(report, truth):
    old_set = {a["path"] for a in truth["old_articles"]}
    new_set = {a["path"] for a in truth["new_articles"]}
    links, moved = [], []
    for change in report.get("changes", []):
        olds = [p for p in change.get("old", []) if p in old_set]
        news = [p for p in change.get("new", []) if p in new_set]
        links.extend((o, n) for o in olds for n in news)
        if change.get("moved") or change.get("kind") == "move":
            moved.extend(olds)
    return score(links, moved, truth)


# ---- the run


def main_run(args):
    tw = os.path.abspath(args.treatywatch)
    node_script = os.path.join(HERE, "dmp_word_diff.js")
    have_node = shutil.which("node") and os.path.isdir(
        os.path.join(HERE, "..", "node_modules", "diff-match-patch"))
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for size in SIZES:
            pair_dir = os.path.join(os.path.abspath(args.pairs), size)
            if not os.path.isdir(pair_dir):
                continue
            old_path = os.path.join(pair_dir, "old.txt")
            new_path = os.path.join(pair_dir, "new.txt")
            with open(old_path, encoding="utf-8") as f:
                old_text = f.read()
            with open(new_path, encoding="utf-8") as f:
                new_text = f.read()
            with open(os.path.join(pair_dir, "truth.json"), encoding="utf-8") as f:
                truth = json.load(f)
            n_words = len(words(old_text))

            def row(tool, seconds, quality, note=""):
                rows.append({"tool": tool, "size": size, "words": n_words, "seconds": seconds,
                             "quality": quality, "note": note})

            # Timed writing its report to stdout, as git is: `--out` makes the file durable
            # (fsync before the rename), which no peer does. The scored report is one more run.
            out = os.path.join(work, f"tw-{size}.json")
            seconds = best_wall_time([tw, "diff", old_path, new_path, "--format", "json"],
                                     args.runs, args.timeout, work)
            quality = None
            if seconds is not None and best_wall_time(
                    [tw, "diff", old_path, new_path, "--format", "json", "--out", out], 1,
                    args.timeout, work) is not None and os.path.exists(out):
                with open(out, encoding="utf-8") as f:
                    quality = score_treatywatch(json.load(f), truth)
            row("treatywatch", seconds, quality)

            seconds = best_wall_time(["git", "diff", "--no-index", "--word-diff", "--histogram",
                                      old_path, new_path], args.runs, args.timeout, work)
            pairs, i, j = git_word_pairs(old_path, new_path)
            quality = score_word_pairs(pairs, old_text, new_text, truth)
            note = "" if (i, j) == (n_words, len(words(new_text))) else "word count mismatch"
            row("git --word-diff --histogram", seconds, quality, note)

            out = os.path.join(work, f"difflib-{size}.json")
            seconds = best_wall_time([sys.executable, os.path.abspath(__file__), "difflib",
                                      old_path, new_path, out], args.runs, args.timeout, work)
            quality = None
            if seconds is not None and os.path.exists(out):
                with open(out, encoding="utf-8") as f:
                    quality = score_word_pairs(json.load(f), old_text, new_text, truth)
            row("python difflib (words)", seconds, quality,
                "" if seconds is not None else f"timeout {args.timeout:.0f} s")

            if have_node:
                out = os.path.join(work, f"dmp-{size}.json")
                seconds = best_wall_time(["node", node_script, old_path, new_path, out],
                                         args.runs, args.timeout, work)
                quality = None
                if seconds is not None and os.path.exists(out):
                    with open(out, encoding="utf-8") as f:
                        quality = score_word_pairs(json.load(f), old_text, new_text, truth)
                row("diff-match-patch (words)", seconds, quality,
                    "" if seconds is not None else f"timeout {args.timeout:.0f} s")
    if not rows:
        sys.stderr.write(f"diff_peers: no pairs under {args.pairs} (bench/make_diff_pairs DIR)\n")
        return 2
    print_table(rows, args)
    return 0


def fmt_seconds(seconds):
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def print_table(rows, args):
    ours = {r["size"]: r["seconds"] for r in rows if r["tool"] == "treatywatch"}
    print(f"best of {args.runs}+ wall times (fast commands: for 1 s, up to {MAX_RUNS} runs), "
          f"whole commands; treatywatch and git write to stdout; quality against truth.json "
          f"(one scorer for all, see bench/diff_peers.py)")
    print(f"{'tool':28} {'size':>5} {'words':>7} {'wall':>10} {'vs tw':>8} {'link F1':>8} "
          f"{'move R':>7} {'move P':>7}  note")
    for r in rows:
        base = ours.get(r["size"])
        ratio = (f"{r['seconds'] / base:.2f}x" if r["seconds"] is not None and base
                 else "-")
        q = r["quality"]
        f1 = f"{q['f1']:.3f}" if q else "-"
        mr = f"{q['move_recall']:.2f}" if q else "-"
        mp = "-" if not q else ("n/a" if q["move_precision"] is None
                                else f"{q['move_precision']:.2f}")
        print(f"{r['tool']:28} {r['size']:>5} {r['words']:>7} {fmt_seconds(r['seconds']):>10} "
              f"{ratio:>8} {f1:>8} {mr:>7} {mp:>7}  {r['note']}")
    print("(move P 'n/a': no move reported; vs tw: wall time / treatywatch's)")

    def seconds_of(tool_prefix, size):
        for r in rows:
            if r["tool"].startswith(tool_prefix) and r["size"] == size:
                return r["seconds"]
        return None

    print("targets:")
    tw40, git40 = seconds_of("treatywatch", "40k"), seconds_of("git", "40k")
    if tw40 and git40:
        print(f"  40k words: treatywatch {fmt_seconds(tw40)} <= 1x git {fmt_seconds(git40)}: "
              f"{'met' if tw40 <= git40 else 'NOT met'} ({tw40 / git40:.2f}x git)")
    for size in SIZES:
        tw, dl = seconds_of("treatywatch", size), seconds_of("python difflib", size)
        if tw and dl:
            print(f"  {size}: difflib / treatywatch = {dl / tw:.1f}x (target >= 20x: "
                  f"{'met' if dl / tw >= 20 else 'NOT met'})")
        elif tw and dl is None:
            print(f"  {size}: difflib did not finish within {args.timeout:.0f} s "
                  f"(>= {args.timeout / tw:.0f}x treatywatch)")
    tw160 = seconds_of("treatywatch", "160k")
    if tw160:
        print(f"  160k words: treatywatch {fmt_seconds(tw160)} < 1 s: "
              f"{'met' if tw160 < 1 else 'NOT met'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("--pairs", required=True)
    run.add_argument("--treatywatch", required=True)
    run.add_argument("--runs", type=int, default=5)
    run.add_argument("--timeout", type=float, default=600.0,
                     help="seconds one command may take before it counts as not finished")
    dl = sub.add_parser("difflib")
    dl.add_argument("old")
    dl.add_argument("new")
    dl.add_argument("out")
    args = parser.parse_args()
    if args.command == "difflib":
        run_difflib(args.old, args.new, args.out)
        return 0
    return main_run(args)


if __name__ == "__main__":
    sys.exit(main())
