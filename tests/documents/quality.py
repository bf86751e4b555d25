#!/usr/bin/env python3
"""Extraction quality against pdftotext (poppler-utils) as the reference:
the share of the reference's words that verbatim's text has in the same
order (the longest common subsequence of the two word sequences), and the
time per page.

    quality.py VERBATIM FILE.pdf...
"""
import difflib
import re
import subprocess
import sys
import time

verbatim, files = sys.argv[1], sys.argv[2:]


def words(text):
    # Words as a reader compares them: case, punctuation and the hyphen of
    # a word broken across a line end (which pdftotext keeps) aside.
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return [w for w in (re.sub(r"[^\w]", "", t).lower() for t in text.split()) if w]


def without_furniture(text):
    """pdftotext's pages without their running headers, footers and page
    numbers (a margin line repeated on half the pages, digits aside), which
    verbatim drops by design: the comparison is of the body text."""
    pages = [p.split("\n") for p in text.split("\f")]
    key = lambda line: re.sub(r"\d", "#", " ".join(line.split()).lower())
    def margins(lines):
        body = [i for i, l in enumerate(lines) if l.strip()]
        return set(body[:2] + body[-2:])
    seen = {}
    for lines in pages:
        for k in {key(lines[i]) for i in margins(lines)}:
            seen[k] = seen.get(k, 0) + 1
    out = []
    for lines in pages:
        edge = margins(lines)
        for i, line in enumerate(lines):
            k = key(line)
            if i in edge and (re.fullmatch(r"[#ivxlc\- ]+", k) or
                              (seen.get(k, 0) >= 2 and 2 * seen[k] >= len(pages))):
                continue
            out.append(line)
    return "\n".join(out)


print(f"{'file':40} {'pages':>5} {'words':>7} {'in order':>9} {'ms/page':>8}")
for path in files:
    info = re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", path], capture_output=True, text=True).stdout)
    if not info:
        print(f"{path}: pdfinfo cannot read it")
        continue
    pages = int(info.group(1))
    reference = words(without_furniture(subprocess.run(
        ["pdftotext", path, "-"], capture_output=True, text=True).stdout))
    start = time.perf_counter()
    ours = subprocess.run([verbatim, "text", path], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    got = words(ours.stdout)
    matcher = difflib.SequenceMatcher(None, reference, got, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    share = same / max(1, len(reference))
    name = path.rsplit("/", 1)[-1]
    print(f"{name:40} {pages:5d} {len(reference):7d} {100 * share:8.2f}% "
          f"{1000 * elapsed / pages:8.1f}")
