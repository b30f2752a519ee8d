#!/usr/bin/env python3
"""Prints the benchmark table of bench/run.sh from the files it left in OUT_DIR (markdown).
Usage: table.py OUT_DIR EXTRACTION_GROUND_TRUTH.json"""
import json, statistics, sys
from pathlib import Path

out, gt = Path(sys.argv[1]), sys.argv[2]


def load(name):
    p = out / name
    return json.loads(p.read_text()) if p.exists() and p.stat().st_size else None


def last_json(name):
    """The last line of a file that parses as a JSON object (tools print one summary line)."""
    p = out / name
    if not p.exists():
        return None
    for line in reversed(p.read_text().splitlines()):
        try:
            v = json.loads(line)
            if isinstance(v, dict):
                return v
        except ValueError:
            pass
    return None


def fmt(x, nd=1):
    return '–' if x is None else f'{x:,.{nd}f}'


def ratio(a, b):
    return None if not a or not b else a / b


rows = []
verdicts = []
# Full analysis vs spaCy + textacy.
an_t, sp_t, sp = load('analyze.time'), load('spacy.time'), load('spacy.json')
n = sum(1 for _ in open(out / 'analyze.jsonl')) if (out / 'analyze.jsonl').exists() else None
if an_t and sp and sp_t:
    ours_wall = n / an_t['wall_s'] if an_t['wall_s'] else None
    ours_cpu = n / (an_t['user_s'] + an_t['sys_s'])
    peer_wall = sp['articles'] / sp['process_s']
    peer_cpu = sp['articles'] / (sp_t['user_s'] + sp_t['sys_s'])
    rows.append(('corroborate analyze (full)', n, fmt(ours_wall), fmt(ours_cpu), fmt(an_t['user_s'], 2), an_t['rss_kb'] / 1024))
    at_t = load('analyze_attr.time')
    if at_t:
        # issue 5 asks this of attribution and entities, which is what the peer computes
        at_cpu = n / (at_t['user_s'] + at_t['sys_s'])
        at_wall = n / at_t['wall_s'] if at_t['wall_s'] else None
        rows.append(('corroborate analyze --stages attribution', n, fmt(at_wall), fmt(at_cpu), fmt(at_t['user_s'], 2), at_t['rss_kb'] / 1024))
    rows.append(('spaCy sm + textacy quotes', sp['articles'], fmt(peer_wall), fmt(peer_cpu), fmt(sp_t['user_s'], 2), sp_t['rss_kb'] / 1024))
    r_cpu, r_wall = ratio(ours_cpu, peer_cpu), ratio(ours_wall, peer_wall)
    r_mem = an_t['rss_kb'] / sp_t['rss_kb']
    ok = r_cpu >= 100 and r_mem <= 0.1
    verdicts.append(f"analyze: {fmt(r_cpu, 0)}x the peer's articles per CPU-second ({fmt(r_wall, 0)}x by wall time), "
                    f"{r_mem:.3f} of its peak memory (1/{1 / r_mem:.0f}); target >= 100x and <= 1/10: "
                    f"{'MET' if ok else 'NOT MET'}")
    if at_t:
        a_cpu, a_wall, a_mem = ratio(at_cpu, peer_cpu), ratio(at_wall, peer_wall), at_t['rss_kb'] / sp_t['rss_kb']
        verdicts.append(f"attribution and entities (`--stages attribution`): {fmt(a_cpu, 0)}x the peer's articles per "
                        f"CPU-second ({fmt(a_wall, 0)}x by wall time), 1/{1 / a_mem:.0f} of its peak memory; target >= 100x "
                        f"and <= 1/10: {'MET' if a_cpu >= 100 and a_mem <= 0.1 else 'NOT MET'}")
ex_t, tr_t, tr = load('extraction.time'), load('trafilatura.time'), load('trafilatura.json')
if tr and tr_t:
    pages = len(json.load(open(gt)))
    peer_cpu = tr['pages'] / (tr_t['user_s'] + tr_t['sys_s'])
    rows.append(('trafilatura', tr['pages'], fmt(tr['pages_per_s']), fmt(peer_cpu), fmt(tr_t['user_s'], 2), tr_t['rss_kb'] / 1024))
    if ex_t:
        ev = last_json('extraction.out') or {}
        ours_wall = ev.get('pages_per_s') or pages / max(ex_t['wall_s'], 0.01)
        ours_cpu = pages / max(ex_t['user_s'] + ex_t['sys_s'], 0.01)
        rows.insert(-1, ('corroborate eval extraction', pages, fmt(ours_wall), fmt(ours_cpu), fmt(ex_t['user_s'], 2), ex_t['rss_kb'] / 1024))
        r = ratio(ours_cpu, peer_cpu)
        verdicts.append(f"extraction: {fmt(r, 0)}x trafilatura's pages per CPU-second (start-up, reading and scoring included "
                        f"on our side); target >= 10x: {'MET' if r >= 10 else 'NOT MET'}")
    else:
        verdicts.append('extraction: NOT MEASURED (`corroborate eval extraction` is not on this branch yet)')
hf = load('compare.hyperfine.json')
runs_p = out / 'compare.runs'
runs = [list(map(float, l.split())) for l in runs_p.read_text().splitlines() if l.strip()] if runs_p.exists() else []
if hf or runs:
    if hf:
        r = hf['results'][0]
        med_ms, user_ms = r['median'] * 1000, r['user'] * 1000
        how = f"hyperfine, {len(r['times'])} runs"
    else:
        med_ms, user_ms = statistics.median(x[0] for x in runs) * 1000, statistics.median(x[1] for x in runs) * 1000
        how = f'median of {len(runs)} runs'
    verdicts.append(f"compare on the two seeds: {med_ms:.0f} ms wall median, {user_ms:.0f} ms user CPU (time counts in 10 ms steps) ({how}, start-up "
                    f"included); target < 100 ms: {'MET' if med_ms < 100 else 'NOT MET'}")

print('| tool | articles (pages) | per s (wall) | per CPU-second | user CPU s | peak RSS MB |')
print('|---|---:|---:|---:|---:|---:|')
for name, k, w, c, u, m in rows:
    print(f'| {name} | {k} | {w} | {c} | {u} | {m:,.0f} |')
print()
for v in verdicts:
    print('- ' + v)
