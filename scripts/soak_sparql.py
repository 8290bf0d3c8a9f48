#!/usr/bin/env python3
"""Soak `kg serve`: many loopback clients for a while, normal queries mixed with attacks.

    .venv/bin/python scripts/soak_sparql.py [GRAPH] [--clients 50] [--seconds 20]

Serves GRAPH (default: tests/data/rdf-fixture.jsonl) with the real `kg serve`,
then runs `--clients` threads, each on its own kept-alive connection, sending
for `--seconds` a mix of SELECT, ASK and CONSTRUCT queries; one request in
fifty is pathological (nested 5000 deep, SERVICE, a 100 KB query) and must
be refused with 400 without harming the rest. Prints requests, errors and
p50/p99 latency by kind; exits 1 if a normal query failed or the server died.
"""
from __future__ import annotations

import argparse
import http.client
import random
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NORMAL = {
    "select": "PREFIX schema: <https://schema.org/> SELECT ?s ?name WHERE { ?s schema:name ?name } LIMIT 50",
    "ask": "ASK { ?s ?p ?o }",
    "construct": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 100",
}
ATTACKS = {
    "deep": "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o " + "} " * 5000,
    "service": "SELECT ?x WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?x ?p ?o } }",
    "huge": "SELECT * WHERE { ?s ?p '" + "x" * 100_000 + "' }",
}
ATTACK_SHARE = 0.02
ACCEPT = {"select": "application/sparql-results+json", "ask": "application/sparql-results+json",
          "construct": "text/turtle"}


def start(graph: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", graph, "--port", "0", "--quiet"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        if line.startswith("SPARQL endpoint: "):
            return proc, line.split()[2]
    sys.exit("kg serve did not start")


def client(url: str, until: float, seed: int, out: dict, lock: threading.Lock) -> None:
    parts = urllib.parse.urlsplit(url)
    rng = random.Random(seed)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    while time.monotonic() < until:
        attack = rng.random() < ATTACK_SHARE
        kind = rng.choice(list(ATTACKS if attack else NORMAL))
        query = (ATTACKS if attack else NORMAL)[kind]
        t0 = time.perf_counter()
        try:
            conn.request("POST", parts.path, body=query.encode(), headers={
                "Content-Type": "application/sparql-query", "Accept": ACCEPT.get(kind, "*/*")})
            resp = conn.getresponse()
            data = resp.read()
            ok = resp.status == (400 if attack else 200)
            why = "" if ok else f"{resp.status} {data[:60].decode('utf-8', 'replace').strip()}"
        except (OSError, http.client.HTTPException) as exc:
            ok, why = False, type(exc).__name__
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        with lock:
            out.setdefault(kind, []).append((time.perf_counter() - t0, ok))
            if why:
                out.setdefault("why", {}).setdefault(why, 0)
                out["why"][why] += 1
    conn.close()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", nargs="?", default=str(ROOT / "tests" / "data" / "rdf-fixture.jsonl"))
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=20)
    args = ap.parse_args()
    proc, url = start(args.graph)
    out: dict = {}
    lock = threading.Lock()
    until = time.monotonic() + args.seconds
    threads = [threading.Thread(target=client, args=(url, until, k, out, lock)) for k in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    alive = proc.poll() is None
    proc.terminate()
    proc.wait(timeout=20)
    normal_errors = 0
    print(f"{args.clients} clients, {args.seconds:g} s against {url}")
    why = out.pop("why", {})
    for kind, rows in sorted(out.items()):
        errors = sum(not ok for _, ok in rows)
        normal_errors += errors if kind in NORMAL else 0
        ms = [t * 1000 for t, _ in rows]
        print(f"  {kind:<10} {len(rows):6d} requests  {errors:4d} errors  p50 {pct(ms, .5):7.1f} ms  "
              f"p99 {pct(ms, .99):7.1f} ms" + ("  (refused with 400 as expected)" if kind in ATTACKS else ""))
    if why:
        print("  failures: " + ", ".join(f"{k} x{v}" for k, v in sorted(why.items())))
    total = sum(len(r) for r in out.values())
    print(f"  total {total} requests, {total / args.seconds:.0f}/s; normal-query errors: {normal_errors}; "
          f"server {'still up' if alive else 'DIED'}")
    sys.exit(0 if alive and normal_errors == 0 else 1)


if __name__ == "__main__":
    main()
