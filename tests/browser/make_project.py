#!/usr/bin/env python3
"""A project of N claims over the demo sources, for the browser test's
timing: quotes taken from the sources' sentences, one in five left exact and
the others given a typo, a changed word, a dropped word, or made up.

    make_project.py REPO OUT [N]
"""
import pathlib
import random
import re
import shutil
import sys

repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
rng = random.Random(7)
if out.exists():
    shutil.rmtree(out)
(out / "claims").mkdir(parents=True)
shutil.copytree(repo / "sources", out / "sources")

sentences = []
sources = sorted((out / "sources").glob("*.txt"))
for i, path in enumerate(sources):
    for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
        words = s.split()
        if 8 <= len(words) <= 30 and '"' not in s and "\\" not in s:
            sentences.append((f"s{i}", words))


def typo(words):
    long = [i for i, w in enumerate(words) if len(w) > 6 and w.isalpha()]
    if not long:
        return words
    i = rng.choice(long)
    w = words[i]
    words = list(words)
    words[i] = w[:2] + w[3] + w[2] + w[4:]
    return words


def changed(words):
    words = list(words)
    words[rng.randrange(1, len(words) - 1)] = "bananas"
    return words


def dropped(words):
    words = list(words)
    del words[rng.randrange(1, len(words) - 1)]
    return words


made_up = "the committee will publish its findings on the harbour dredging next spring".split()
lines = ["sources:"]
lines += [f"  s{i}: ../sources/{p.name}" for i, p in enumerate(sources)]
lines.append("claims:")
for c in range(n):
    key, words = rng.choice(sentences)
    change = [list, typo, changed, dropped, lambda _: rng.sample(made_up, len(made_up))][c % 5]
    words = change(words)
    quote = " ".join(words).replace("'", "''")
    lines += [f"  - id: c-{c:04d}", f"    source: {key}", f"    quote: '{quote}'"]
(out / "claims" / "big.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
