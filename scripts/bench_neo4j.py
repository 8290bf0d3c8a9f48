#!/usr/bin/env python
"""Benchmark `kg neo4j load` on a generated graph; prints figures, asserts nothing.

    eval "$(scripts/neo4j-local start)"
    .venv/bin/python scripts/bench_neo4j.py --triples 100000 --clear
    .venv/bin/python scripts/bench_neo4j.py --triples 600000 --clear --bulk   # also neo4j-admin's import

Generates records in the docs/format.md shape (invented names), loads them
into an empty database with kg.neo4j_store.load_records, then loads them a
second time (idempotent: nothing created) and prints relationships/s for
both runs. Refuses to touch a non-empty database unless --clear is given.
With --bulk, the same records also go through `kg neo4j load --bulk`'s path
(kg.store.neo4j_bulk.bulk_load: CSV files, neo4j-admin database import, the
server started, constraints created) into a scratch home that links the
running server's jars (NEO4J_HOME), and both times are printed.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.store.neo4j import clear_graph, connect, graph_counts, load_records  # noqa: E402
from kg.store.neo4j_bulk import bulk_load  # noqa: E402
from kg.store.sparql_engine import free_port  # noqa: E402

LOCAL = Path(__file__).resolve().parent / "neo4j-local"

TYPES = ["Official", "Enterprise", "AdministrativeArea", "Organization", "Place", "Policy"]
PREDICATES = {  # predicate: (subject type, object type)
    "visited": ("Official", "Enterprise"), "inspected": ("Official", "Place"),
    "holdsPosition": ("Official", "Organization"), "locatedIn": ("Enterprise", "AdministrativeArea"),
    "subsidiaryOf": ("Enterprise", "Enterprise"), "issued": ("Organization", "Policy"),
    "appliesTo": ("Policy", "AdministrativeArea"),
}


def generate(n_triples: int, n_entities: int, n_articles: int, seed: int = 7) -> list[dict]:
    """Records for a synthetic corpus: entities spread over TYPES, triples over PREDICATES."""
    rng = random.Random(seed)
    by_type = {t: [] for t in TYPES}
    records = []
    for i in range(n_entities):
        t = TYPES[i % len(TYPES)]
        rec = {"kind": "entity", "id": f"e-{i:012x}", "name": f"{t}甲乙{i}", "type": t,
               "aliases": [f"别名{i}"], "code": None}
        by_type[t].append(rec["id"])
        records.append(rec)
    articles = [{"kind": "article", "id": f"a-{i:012x}", "source": f"bench/{i}.txt", "headline": f"标题{i}",
                 "date": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}", "byline": [], "mentions": []}
                for i in range(n_articles)]
    preds = list(PREDICATES)
    for i in range(n_triples):
        p = preds[i % len(preds)]
        st, ot = PREDICATES[p]
        art = articles[rng.randrange(n_articles)]
        s, o = rng.choice(by_type[st]), rng.choice(by_type[ot])
        if len(art["mentions"]) < 20:
            art["mentions"] = sorted({*art["mentions"], s, o})
        records.append({"kind": "triple", "id": f"t-{i:012x}", "subject_id": s, "predicate": p,
                        "object_id": o, "date": art["date"], "title": None, "article": art["id"],
                        "evidence": f"证据句{i}。", "source": art["source"], "span": [i, i + 6],
                        "rule": "bench", "confidence": 0.5})
    return articles + records


def local_server_pid() -> int | None:
    """The pid of a scripts/neo4j-local server on this machine, if one runs."""
    cache = Path(os.environ.get("KG_NEO4J_CACHE", Path.home() / ".cache" / "kg" / "neo4j"))
    for pidfile in cache.glob("*/run/neo4j.pid"):
        pid = int(pidfile.read_text().strip() or 0)
        if pid and Path(f"/proc/{pid}").exists():
            return pid
    return None


def cpu_seconds(pid: int | None) -> float:
    """User+system CPU time of a process (0 when unknown)."""
    if not pid:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_load(driver, records, batch_size, server_pid):
    """(wall seconds, server CPU seconds, client CPU seconds, load totals)."""
    start, server0, client0 = time.perf_counter(), cpu_seconds(server_pid), time.process_time()
    totals = load_records(driver, records, batch_size=batch_size)
    return (time.perf_counter() - start, cpu_seconds(server_pid) - server0,
            time.process_time() - client0, totals)


def cpu_note(rels, server_cpu, client_cpu) -> str:
    # The machine is shared: CPU time says what the load costs whatever else runs.
    if not server_cpu:
        return f"client CPU {client_cpu:.1f}s"
    return (f"server CPU {server_cpu:.1f}s, client CPU {client_cpu:.1f}s = "
            f"{rels / (server_cpu + client_cpu):,.0f} relationships per CPU-second")


def timed_bulk(records) -> tuple[float, dict]:
    """Seconds of bulk_load into a fresh scratch home (its database created empty by a first start)."""
    source = Path(os.environ["NEO4J_HOME"])
    cache = Path(tempfile.mkdtemp(prefix="kg-bench-neo4j-"))
    home = cache / source.name
    env = os.environ | {"KG_NEO4J_CACHE": str(cache), "NEO4J_BOLT_PORT": str(free_port()),
                        "KG_NEO4J_JARS_FROM": str(source)}
    try:
        out = subprocess.run([LOCAL, "start"], env=env, capture_output=True, text=True, check=True).stdout
        words = dict(w.split("=", 1) for w in out.split()[1:])
        subprocess.run([LOCAL, "stop"], env=env, capture_output=True, check=True)
        start = time.perf_counter()
        counts = bulk_load(records, home, words["NEO4J_URI"], words["NEO4J_USER"], words["NEO4J_PASSWORD"],
                           progress=lambda m: print(f"  bulk {time.perf_counter() - start:6.1f}s: {m}", flush=True))
        return time.perf_counter() - start, counts
    finally:
        subprocess.run([LOCAL, "stop"], env=env, capture_output=True)
        shutil.rmtree(cache, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--entities", type=int, default=20_000)
    ap.add_argument("--articles", type=int, default=2_000)
    ap.add_argument("--batch-size", type=int, default=5_000)
    ap.add_argument("--clear", action="store_true", help="empty the database first")
    ap.add_argument("--bulk", action="store_true", help="also time kg neo4j load --bulk (needs NEO4J_HOME)")
    args = ap.parse_args()

    driver = connect(os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
                     os.environ.get("NEO4J_USER", "neo4j"), os.environ["NEO4J_PASSWORD"])
    if graph_counts(driver)["nodes"]:
        if not args.clear:
            sys.exit("bench_neo4j: the database is not empty; pass --clear to empty it first")
        clear_graph(driver)
    records = generate(args.triples, args.entities, args.articles)
    print(f"generated {args.entities} entities, {args.articles} articles, {args.triples} triples; "
          f"batch size {args.batch_size}", flush=True)

    pid = local_server_pid()
    secs, server_cpu, client_cpu, totals = timed_load(driver, records, args.batch_size, pid)
    rels = totals["relationships_created"]
    print(f"first load:  {totals['nodes_created']} nodes, {rels} relationships in {secs:.1f}s "
          f"= {rels / secs:,.0f} relationships/s ({args.triples / secs:,.0f} triple relationships/s); "
          + cpu_note(rels, server_cpu, client_cpu))
    counts = graph_counts(driver)
    secs2, server_cpu2, client_cpu2, totals2 = timed_load(driver, records, args.batch_size, pid)
    print(f"second load: {totals2['nodes_created']} nodes, {totals2['relationships_created']} relationships "
          f"created in {secs2:.1f}s ({counts['relationships'] / secs2:,.0f} relationships/s merged); "
          + cpu_note(counts["relationships"], server_cpu2, client_cpu2))
    same = graph_counts(driver) == counts
    print(f"counts after second load unchanged: {same} ({counts['nodes']} nodes, "
          f"{counts['relationships']} relationships)")
    if args.bulk:
        bulk_secs, bulk_counts = timed_bulk(records)
        print(f"bulk load:   {bulk_counts['nodes']} nodes, {bulk_counts['relationships']} relationships in "
              f"{bulk_secs:.1f}s with import, server start and constraints ({bulk_counts['import']}); "
              f"{secs / bulk_secs:.1f}x the first load's speed; same counts: {bulk_counts['nodes'] == counts['nodes'] and bulk_counts['relationships'] == counts['relationships']}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    driver.close()
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
