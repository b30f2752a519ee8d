#!/usr/bin/env python3
"""A large JSON Lines corpus for the persistent store's scale measurements (README, "A corpus of
100,000 articles"): the articles of ../shared/peer/make_corpus.py (all of them) and the FNC-1 train
bodies, repeated with variations until N articles: from the second round on, each article loses one
paragraph and two others swap places; every copy gets its own id, one of 200 invented outlet domains
(example-K.org), and a date 20 days per round later (2030-01-01 onwards). Nothing is copied into the
repository: the text is read from ../shared at run time. Deterministic (seeded).

Usage:
  python3 ../shared/peer/make_corpus.py ../shared /tmp/all.jsonl 100000
  python3 bench/corpus_variations.py /tmp/all.jsonl ../shared/eval/stance 100000 /tmp/100k.jsonl
  corroborate ingest /tmp/100k.jsonl --db /tmp/100k.db -q
"""
import csv
import datetime
import json
import random
import sys


def main():
    corpus, fnc_dir, n, out_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    random.seed(7)
    src = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    csv.field_size_limit(1 << 30)
    with open(f"{fnc_dir}/train_bodies.csv", encoding="utf-8") as f:
        src += [{"text": r["articleBody"]} for r in csv.DictReader(f)]
    base = datetime.date(2030, 1, 1)
    outlets = [f"example-{i}.org" for i in range(200)]
    written, rnd = 0, 0
    with open(out_path, "w", encoding="utf-8") as out:
        while written < n:
            for i, a in enumerate(src):
                if written >= n:
                    break
                paras = [p for p in a["text"].split("\n\n") if p.strip()]
                if not paras:
                    continue
                if rnd > 0 and len(paras) > 3:
                    paras.pop(random.randrange(1, len(paras)))
                    x, y = random.sample(range(1, len(paras)), 2)
                    paras[x], paras[y] = paras[y], paras[x]
                day = base + datetime.timedelta(days=20 * rnd + i % 15)
                outlet = random.choice(outlets)
                rec = {
                    "id": f"r{rnd}-{i}",
                    "url": f"https://{outlet}/{rnd}/{i}",
                    "title": paras[0][:120],
                    "text": "\n\n".join(paras),
                    "published": day.isoformat(),
                }
                out.write(json.dumps(rec) + "\n")
                written += 1
            rnd += 1
    print(f"{written} articles -> {out_path}")


if __name__ == "__main__":
    main()
