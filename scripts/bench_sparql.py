#!/usr/bin/env python3
"""Benchmark the SPARQL stores on a generated graph of >= 1,000,000 triples.

Generates invented records (docs/format.md), turns them into RDF with
kg.store.rdf, then for each store choice reports load time, p50/p95 latency of
every queries/*.rq and requests/s with 8 concurrent clients:

  oxigraph-server  the Oxigraph server binary (`oxigraph serve-read-only`) over HTTP
  kg-serve         `kg serve`'s front (limits, CORS, page) before that same server
  pyoxigraph       the same store queried in-process (no HTTP), JSON results
                   (these three take turns on every run, so load changes hit them alike)
  rdflib           an rdflib in-memory Graph queried in-process (without the store's summary
                   graph, so the queries that read it answer nothing there; each query in a
                   forked child, cut off after --rdflib-budget seconds)

    .venv/bin/python scripts/bench_sparql.py [--triples 1000000] [--runs 20] [--seconds 8]

Everything runs on 127.0.0.1 and stops by itself; prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import gc
import http.client
import io
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from kg.build.tenures import tenures  # noqa: E402
from kg.records import sort_records  # noqa: E402
from kg.resources import queries  # noqa: E402
from kg.store.rdf import oxigraph_quads, records_to_graph  # noqa: E402
from kg.store.rdf_summary import refresh_summaries  # noqa: E402
from kg.store.sparql_server import ServeConfig, make_server  # noqa: E402

QUERIES = dict(queries(".rq", ROOT / "queries"))
TYPES = {"AdministrativeArea": 400, "Official": 2500, "Journalist": 150, "Person": 2000,
         "Place": 3000, "Enterprise": 6000, "Organization": 800, "Policy": 1200, "Campaign": 300}


def generate(n_articles: int, triples_per_article: int, seed: int = 7):
    """Invented records: entities named 官员0001, 企业0001 … and articles with triples."""
    rnd = random.Random(seed)
    ents = {t: [f"e-{t[:3].lower()}{i:07d}" for i in range(n)] for t, n in TYPES.items()}
    names = {"AdministrativeArea": "区", "Official": "官员", "Journalist": "记者", "Person": "人物",
             "Place": "园", "Enterprise": "企业", "Organization": "局", "Policy": "方案", "Campaign": "行动"}
    for t, ids in ents.items():
        for i, eid in enumerate(ids):
            yield {"kind": "entity", "id": eid, "name": f"{names[t]}{i:05d}", "type": t,
                   "aliases": [], "code": f"99{i:04d}" if t == "AdministrativeArea" else None,
                   "mentions": 1}
    plan = [("visited", "Official", ("AdministrativeArea", "Place", "Enterprise", "Organization"), 10),
            ("holdsPosition", "Official", ("Organization",), 2), ("holdsPosition", "Person", ("Enterprise",), 1),
            ("issued", "Organization", ("Policy",), 1), ("appliesTo", "Policy", ("AdministrativeArea",), 1),
            ("locatedIn", "Enterprise", ("AdministrativeArea",), 2), ("subsidiaryOf", "Enterprise", ("Enterprise",), 1),
            ("inspected", "Official", ("Campaign", "Policy"), 1)]
    weights = [p[3] for p in plan]
    for a in range(n_articles):
        aid = f"a-{a:011d}"
        date = f"2030-{1 + a % 12:02d}-{1 + a % 28:02d}"
        mentions = set()
        triples = []
        for k in range(triples_per_article):
            pred, st, ots, _ = rnd.choices(plan, weights)[0]
            s = rnd.choice(ents[st])
            o = rnd.choice(ents[rnd.choice(ots)])
            mentions.update((s, o))
            triples.append({"kind": "triple", "id": f"t-{a:08d}{k:03d}", "subject_id": s, "predicate": pred,
                            "object_id": o, "date": date if pred in ("visited", "issued") else None,
                            "title": "局长" if pred == "holdsPosition" else None, "article": aid,
                            "evidence": f"第{a}篇第{k}句。", "span": [k * 40, k * 40 + 30],
                            "rule": f"{pred}.rule", "confidence": 0.8})
        byline = [{"role": "记者", "name": "x", "id": rnd.choice(ents["Journalist"])}]
        yield {"kind": "article", "id": aid, "source": f"page{a // 8}.txt", "source_sha256": None,
               "span": [0, 900], "headline": f"标题{a}", "subheadlines": [], "byline": byline,
               "dateline": "本报讯", "date": date, "page": 1 + a % 8, "mentions": sorted(mentions)}
        yield from triples


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def http_query(conn: http.client.HTTPConnection, path: str, query: str) -> int:
    body = urllib.parse.urlencode({"query": query}).encode()
    conn.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                      "Accept": "application/sparql-results+json"})
    resp = conn.getresponse()
    resp.read()
    return resp.status


BUDGET = 10.0    # seconds of timed runs per query (all stores): a slow query gets fewer runs (>= 3)


def enough(ts, runs, started) -> bool:
    return len(ts) >= runs or (len(ts) >= 3 and time.perf_counter() - started > BUDGET)


def cell(ts, budget) -> str:
    if ts and isinstance(ts[-1], str):
        return ts[-1]
    if ts and ts[-1] == float("inf"):
        return f">{budget:.0f} s (cut off)"
    return f"{pct(ts, .5) * 1e3:8.1f} / {pct(ts, .95) * 1e3:8.1f} ({len(ts)})"


def report(store: str, res: dict, budget: float) -> None:
    """Print one store's latencies as soon as they are measured."""
    print(f"\n{store}: ms p50 / p95 (runs)")
    for name, ts in res.items():
        print(f"  {name:44s}{cell(ts, budget):>26s}")
    sys.stdout.flush()


def http_runner(port: int, path: str):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def run(q: str) -> None:
        assert http_query(conn, path, q) == 200
    return run


def pyoxigraph_runner(store: ox.Store):
    def run(q: str) -> None:
        store.query(q).serialize(io.BytesIO(), ox.QueryResultsFormat.JSON)
    return run


def latencies_interleaved(runners: dict, runs: int) -> dict:
    """{store: {query: [seconds]}}, the stores taking turns on every run of every query,
    so a change in the machine's load hits them alike."""
    out = {name: {} for name in runners}
    for q_name, q in QUERIES.items():
        for run in runners.values():
            run(q)                                            # warm-up, and check it answers
        ts = {name: [] for name in runners}
        started = time.perf_counter()
        while not enough(next(iter(ts.values())), runs, started):
            for name, run in runners.items():
                t = time.perf_counter()
                run(q)
                ts[name].append(time.perf_counter() - t)
        for name in runners:
            out[name][q_name] = ts[name]
    return out


def latencies_rdflib(graph, runs: int, budget: float) -> dict:
    """Each query in a forked child (copy-on-write graph) so a slow one can be cut off."""
    out = {}
    for name, q in QUERIES.items():
        ts = []
        for _ in range(runs):
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(r)
                try:
                    t = time.perf_counter()
                    graph.query(q).serialize(format="json")
                    os.write(w, repr(time.perf_counter() - t).encode())
                except Exception as exc:          # rdflib fails on some valid queries
                    os.write(w, b"error " + type(exc).__name__.encode())
                os._exit(0)
            os.close(w)
            deadline = time.monotonic() + budget
            while time.monotonic() < deadline and os.waitpid(pid, os.WNOHANG) == (0, 0):
                time.sleep(0.02)
            data = b""
            if time.monotonic() >= deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            else:
                data = os.read(r, 64)
            os.close(r)
            if not data or data.startswith(b"error"):
                ts = [data.decode() or float("inf")]
                break
            ts.append(float(data))
        out[name] = ts
    return out


def throughput(port: int, path: str, seconds: float, names: list[str], clients: int = 8) -> float:
    """Requests/s of `clients` threads cycling through the queries `names` for `seconds`."""
    done = [0] * clients
    stop_at = time.monotonic() + seconds

    def client(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        k = i
        while time.monotonic() < stop_at:
            http_query(conn, path, QUERIES[names[k % len(names)]])
            done[i] += 1
            k += 1
        conn.close()

    t = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return sum(done) / (time.perf_counter() - t)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="at least this many triples")
    ap.add_argument("--runs", type=int, default=20, help="timed runs per query (Oxigraph)")
    ap.add_argument("--seconds", type=float, default=10.0, help="duration of each throughput test")
    ap.add_argument("--rdflib-runs", type=int, default=2)
    ap.add_argument("--rdflib-budget", type=float, default=15.0, help="seconds per rdflib query run")
    ap.add_argument("--skip-rdflib", action="store_true")
    args = ap.parse_args()

    per_article = 6
    n_articles = max(10, args.triples // (per_article * 16 + 12))
    tmp = tempfile.mkdtemp(prefix="kg-bench-")
    try:
        while True:
            t = time.perf_counter()
            records = list(generate(n_articles, per_article))
            records += sort_records(tenures(records))      # as kg build writes them: the time queries' data
            quads = list(oxigraph_quads(records))
            t_rdf = time.perf_counter() - t
            n_triples = len(set(quads))
            if n_triples >= args.triples:
                break
            n_articles = int(n_articles * args.triples / n_triples * 1.03) + 1
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
        print(f"graph: {len(records):,} records -> {n_triples:,} distinct triples "
              f"(records->RDF terms {t_rdf:.1f} s, kg.store.rdf)", flush=True)

        store_path = os.path.join(tmp, "store")
        t = time.perf_counter()
        store = ox.Store(store_path)
        store.bulk_extend(quads)
        t_ox = time.perf_counter() - t
        t = time.perf_counter()
        refresh_summaries(store)              # as kg rdf load does: the ranking queries read them
        store.flush()
        t_sum = time.perf_counter() - t
        print(f"load  oxigraph (on disk, bulk_extend): {t_ox:6.1f} s, summaries {t_sum:.1f} s  "
              f"{len(store):,} quads", flush=True)
        del quads
        gc.collect()

        del store
        gc.collect()
        results, tput = {}, {}
        # kg serve = the front + its Oxigraph server; "oxigraph-server" is that same
        # backend asked directly on its own port, so the difference is the front.
        server, engine = make_server(ServeConfig(store=store_path, port=0, timeout=120, quiet=True))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        ro = ox.Store.read_only(store_path)
        try:
            runners = {"pyoxigraph": pyoxigraph_runner(ro),
                       "oxigraph-server": http_runner(server.engine.port, "/query"),
                       "kg-serve": http_runner(server.server_address[1], "/sparql")}
            results.update(latencies_interleaved(runners, args.runs))
            for name in runners:
                report(name, results[name], args.rdflib_budget)
            # the mix: queries answering within 500 ms (the others are whole-graph reports)
            mix = [n for n, ts in results["oxigraph-server"].items() if pct(ts, .5) < 0.5] or list(QUERIES)
            print(f"\nthroughput mix: {', '.join(mix)}")
            targets = {"oxigraph-server": (server.engine.port, "/query"),
                       "kg-serve": (server.server_address[1], "/sparql")}
            done = {name: 0.0 for name in targets}
            for _ in range(2):                      # alternate halves, as for the latencies
                for name, (port, path) in targets.items():
                    done[name] += throughput(port, path, args.seconds / 2, mix) * args.seconds / 2
            for name in targets:
                tput[name] = done[name] / args.seconds
                print(f"  {name}: {tput[name]:.1f} requests/s", flush=True)
        finally:
            del ro
            server.shutdown()
            server.server_close()
            engine.stop()

        if not args.skip_rdflib:
            t = time.perf_counter()
            graph = records_to_graph(records)
            t_rl = time.perf_counter() - t
            print(f"load  rdflib (in memory, Graph.add):   {t_rl:6.1f} s  {len(graph):,} triples")
            del records
            gc.collect()
            results["rdflib"] = latencies_rdflib(graph, args.rdflib_runs, args.rdflib_budget)
            report("rdflib", results["rdflib"], args.rdflib_budget)

        print("\nlatency per query, milliseconds: p50 / p95 (runs)")
        stores = list(results)
        print(f"{'query':44s}" + "".join(f"{s:>26s}" for s in stores))
        for name in QUERIES:
            print(f"{name:44s}" + "".join(f"{cell(results[s][name], args.rdflib_budget):>26s}"
                                          for s in stores))
        print(f"\nthroughput, 8 concurrent clients cycling through {len(mix)} queries "
              f"({', '.join(mix)}), {args.seconds:g} s each in two alternating halves:")
        for s, v in tput.items():
            print(f"  {s:18s} {v:8.1f} requests/s")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
