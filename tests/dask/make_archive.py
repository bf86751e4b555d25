#!/usr/bin/env python3
"""A generated archive for the Dask test: DOCS documents of shuffled demo
sentences under archive/YYYY/, and CLAIMS claims over them — quotes exact or
edited (a changed, dropped or added word), stitched, or made up; citing the
whole archive (a glob), one document, or no source (every document); some
with a speaker or a figure. Seeded: the same arguments, the same bytes.

    make_archive.py REPO OUT [DOCS] [CLAIMS]
"""
import pathlib
import random
import re
import shutil
import sys

repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
docs = int(sys.argv[3]) if len(sys.argv) > 3 else 300
claims = int(sys.argv[4]) if len(sys.argv) > 4 else 1500
rng = random.Random(20)
if out.exists():
    shutil.rmtree(out)
(out / "claims").mkdir(parents=True)

sentences = []
for path in sorted((repo / "sources").glob("*.txt")):
    for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
        words = s.split()
        if 8 <= len(words) <= 40 and '"' not in s and "\\" not in s:
            sentences.append(" ".join(words))

texts = []
for d in range(docs):
    picked = [rng.choice(sentences) for _ in range(rng.randint(60, 140))]
    paragraphs = [" ".join(picked[i : i + 5]) for i in range(0, len(picked), 5)]
    folder = out / "archive" / str(2000 + d % 7)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"doc-{d:05d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    texts.append((folder / f"doc-{d:05d}.txt", picked))

lines = ["sources:", '  archive: {glob: "../archive/**/*.txt"}']
direct = sorted(rng.sample(range(docs), min(docs, 20)))
for d in direct:
    lines.append(f"  d{d}: ../{texts[d][0].relative_to(out).as_posix()}")
lines.append("claims:")
for c in range(claims):
    d = rng.choice(direct) if rng.random() < 0.2 else rng.randrange(docs)
    picked = texts[d][1]
    i = rng.randrange(len(picked))
    words = picked[i].split()
    start = rng.randrange(0, max(1, len(words) - 8))
    quote = words[start : start + rng.randint(6, 16)]
    kind = rng.random()
    if kind < 0.15:
        quote[len(quote) // 2] = rng.choice(["never", "always", "quietly", "zebras"])
    elif kind < 0.25:
        del quote[len(quote) // 2]
    elif kind < 0.3:
        quote.insert(len(quote) // 2, "reportedly")
    elif kind < 0.35:
        quote = quote[:5] + picked[(i + 3) % len(picked)].split()[:6]
    elif kind < 0.4:
        quote = "the harbour committee voted to dredge the lagoon twice".split()
    lines.append(f"  - id: c{c:05d}")
    lines.append(f'    quote: "{" ".join(quote)}"')
    where = rng.random()
    if where < 0.7:
        lines.append("    source: archive")
    elif where < 0.9 and d in direct:
        lines.append(f"    source: d{d}")
    if rng.random() < 0.05:
        lines.append("    speaker: Claudia Sheinbaum")
    number = next((w for w in words if re.fullmatch(r"\d[\d,.]*", w)), None)
    if number and rng.random() < 0.5:
        j = words.index(number)
        lines.append(f'    figures:\n      - "{" ".join(words[j:j + 3])}"')
(out / "claims" / "archive.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
