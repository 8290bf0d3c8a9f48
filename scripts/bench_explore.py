#!/usr/bin/env python3
"""Benchmark the explorer and the saved queries of `kg serve` on a synthetic archive.

Writes --pages invented pages (scripts/make_corpus.py, several cities), builds
them (`kg build`), starts `kg serve DIR` (which loads the RDF store and writes
the explorer's index), then times over HTTP, on one kept-alive connection:

  suggest       type-ahead for prefixes of names (1, 2 and all characters)
  entity        an entity page (card, offices, timeline counts)
  facts         its first page of facts with evidence
  month         its facts in one month (a click on the timeline)
  expand        one expansion of its neighbourhood (the cap of 25)
  expand-dated  one expansion within a three-month range
  fulltext      a phrase of 2-4 characters from a random evidence sentence

for random entities (and the ten with the most facts), and every queries/*.rq
through /sparql: a query that takes parameters (its `# Params:` line) with all of
them bound to values drawn from the graph (a person with tenures and one of
them, a journalist, a place visited, a three-month range), as `kg rdf query
--param` and the query page bind them; the others as written. Prints p50/p99
per interaction and query, the store's size and the machine's load; asserts
nothing.

    .venv/bin/python scripts/bench_explore.py [--pages 10000] [--runs 200] [--keep DIR]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from _common import kg_exe  # noqa: E402

from kg.resources import bind_values, sparql_parameters  # noqa: E402
from kg.store.rdf_terms import parameter_term  # noqa: E402

CITIES = 4
SAVED_RUNS = 5


def sh(*cmd, **kw):
    started = time.monotonic()
    subprocess.run([str(c) for c in cmd], check=True, **kw)
    return time.monotonic() - started


def make_archive(work: Path, pages: int, kg: str) -> Path:
    corpus, graph = work / "corpus", work / "graph"
    per_city = -(-pages // CITIES)
    for seed in range(1, CITIES + 1):
        sh(sys.executable, ROOT / "scripts" / "make_corpus.py", per_city, "--out", corpus, "--seed", seed,
           stdout=subprocess.DEVNULL)
    took = sh(kg, "build", corpus, "--out", graph, "--no-html", "-q")
    print(f"built {per_city * CITIES} pages in {took:.0f} s -> {graph}")
    return graph


def start_server(graph: Path, kg: str, port: int):
    """(process, base URL, store quads, seconds to start) of `kg serve DIR`."""
    started = time.monotonic()
    proc = subprocess.Popen([kg, "serve", str(graph), "--port", str(port), "--quiet", "--timeout", "120"],
                            stderr=subprocess.PIPE, text=True)
    quads, base = None, None
    for line in proc.stderr:
        sys.stdout.write("  serve: " + line)
        if m := re.match(r"loaded .*: (\d+) quads", line):
            quads = int(m.group(1))
        if line.startswith("explorer: http"):
            base = line.split()[1][: -len("/explore")]
            break
    if base is None:
        sys.exit("bench_explore: kg serve did not start")
    return proc, base, quads, time.monotonic() - started


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def third_month(day: str) -> str:
    """YYYY-MM of the month two after `day`'s: the end of a three-month range starting there."""
    y, m = int(day[:4]), int(day[5:7]) + 2
    return f"{y + (m > 12)}-{(m - 1) % 12 + 1:02d}"


def workload(index: Path, runs: int, rng: random.Random) -> dict[str, list[str]]:
    """Request paths per interaction, from the index's own entities and sentences."""
    con = sqlite3.connect(index)
    ids = [r[0] for r in con.execute("SELECT id FROM entity WHERE facts > 0 ORDER BY random() LIMIT ?", (runs,))]
    hubs = [r[0] for r in con.execute("SELECT id FROM entity ORDER BY facts DESC LIMIT 10")]
    picks = [rng.choice(hubs) if i % 5 == 0 else ids[i % len(ids)] for i in range(runs)]
    names = [r[0] for r in con.execute("SELECT name FROM entity ORDER BY random() LIMIT ?", (runs,))]
    months = {r[0]: r[1] for r in con.execute("SELECT id, last FROM entity WHERE last IS NOT NULL")}
    texts = [r[0] for r in con.execute("SELECT body FROM text ORDER BY random() LIMIT ?", (runs,))]
    first = json.loads(con.execute("SELECT value FROM meta WHERE key = 'first'").fetchone()[0])
    q = urllib.parse.quote
    span = f"from={first[:7]}&to={third_month(first)}"
    out = {
        "suggest": ["suggest?q=" + q(n[: rng.choice((1, 2, len(n)))]) for n in names],
        "entity": [f"entity/{i}" for i in picks],
        "facts": [f"facts/{i}" for i in picks],
        "month": [f"facts/{i}?from={months.get(i, first[:7])}&to={months.get(i, first[:7])}" for i in picks],
        "expand": [f"neighbours/{i}" for i in picks],
        "expand-dated": [f"neighbours/{i}?{span}" for i in picks],
        "fulltext": [],
    }
    for body in texts:
        runs_ = re.findall(r"[\u4e00-\u9fff]{4,}", body) or ["调研"]
        run = rng.choice(runs_)
        k = rng.choice((2, 3, 4))
        at = rng.randrange(0, len(run) - k + 1)
        out["fulltext"].append("text?q=" + q(run[at:at + k]))
    return out


def parameter_values(index: Path, rng: random.Random, runs: int) -> list[dict[str, str]]:
    """`runs` sets of parameter values (SPARQL terms) drawn from the graph, for every name a saved query uses."""
    con = sqlite3.connect(index)
    tenures = con.execute("SELECT p.name, t.title, b.name, t.first FROM tenure t JOIN entity p ON p.n = t.person "
                          "JOIN entity b ON b.n = t.body WHERE t.first IS NOT NULL").fetchall()
    journalists = [r[0] for r in con.execute("SELECT name FROM entity WHERE type = 'Journalist'")]
    places = [r[0] for r in con.execute("SELECT e.name FROM entity e JOIN summary s ON s.entity = e.n "
                                        "WHERE s.p = 'visited' AND s.dir = 'in' GROUP BY e.n")]
    first = json.loads(con.execute("SELECT value FROM meta WHERE key = 'first'").fetchone()[0])
    out = []
    for _ in range(runs):
        person, title, body, on = rng.choice(tenures)
        values = {"personName": person, "officialName": person, "title": title, "bodyName": body, "on": on,
                  "journalistName": rng.choice(journalists or [person]), "at": rng.choice(places or [body]),
                  "from": first, "to": third_month(first) + "-28"}
        out.append({k: str(parameter_term(v)) for k, v in values.items()})
    return out


def time_paths(conn: http.client.HTTPConnection, prefix: str, paths: list[str], method="GET", body=None):
    times = []
    for path in paths:
        started = time.perf_counter()
        conn.request(method, prefix + path, body=body, headers={"Content-Type": "application/sparql-query",
                                                                "Accept": "application/sparql-results+json"}
                     if body else {})
        resp = conn.getresponse()
        resp.read()
        times.append(time.perf_counter() - started)
        if resp.status != 200:
            print(f"  {path}: HTTP {resp.status}")
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--port", type=int, default=17891)
    ap.add_argument("--keep", help="build into (or reuse) this folder instead of a temporary one")
    args = ap.parse_args()
    kg = kg_exe("bench_explore")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kg-bench-explore-"))
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    graph = work / "graph"
    if not (graph / "triples.jsonl").is_file():
        graph = make_archive(work, args.pages, kg)
    proc, base, quads, took = start_server(graph, kg, args.port)
    try:
        print(f"kg serve ready in {took:.0f} s; store: {quads:,} quads")
        rng = random.Random(11)
        paths = workload(graph / "explore.sqlite", args.runs, rng)
        host, port = urllib.parse.urlsplit(base).netloc.split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=300)
        time_paths(conn, "/explore/api/", paths["suggest"][:20])          # warm the page cache
        print(f"\n{'interaction':<14}{'p50 ms':>9}{'p99 ms':>9}{'runs':>6}")
        for name, todo in paths.items():
            ts = time_paths(conn, "/explore/api/", todo)
            print(f"{name:<14}{pct(ts, .5):>9.1f}{pct(ts, .99):>9.1f}{len(ts):>6}")
        print(f"\n{'saved query (parameters bound)':<62}{'p50 ms':>9}{'p99 ms':>9}{'runs':>6}")
        bound = parameter_values(graph / "explore.sqlite", rng, SAVED_RUNS)
        for rq in sorted((ROOT / "queries").glob("*.rq")):
            text = rq.read_text(encoding="utf-8")
            names = sparql_parameters(text)
            ts = []
            for values in bound:
                query = bind_values(text, {k: values[k] for k in names}).encode("utf-8")
                ts += time_paths(conn, "/sparql", [""], method="POST", body=query)
            label = rq.stem + (f" ({', '.join(names)})" if names else "")
            print(f"{label:<62}{pct(ts, .5):>9.0f}{pct(ts, .99):>9.0f}{len(ts):>6}")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
