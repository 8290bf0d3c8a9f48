#!/usr/bin/env python3
"""Throughput and peak memory of `kg build` for --jobs 1 and 2, against jieba.lcut on the same text.

    python scripts/bench_build.py [--pages 1000] [--jobs 1,2] [--scale 1000,10000] [--html]

Pages are synthetic (scripts/make_corpus.py, invented names), written to a
temporary folder. Each build runs `kg build PAGES --out FRESH_DIR` in a
subprocess; wall time includes start-up (dictionaries load once per worker).
Memory is sampled over the build process and its workers: "PSS tree" is
the largest sum of proportional set sizes (pages the forked workers share
are counted once; sampled every 0.5 s), "RSS process" the largest single
process (every 50 ms).
--scale repeats a --jobs 2 build at each corpus size to show that memory stays
flat as the corpus grows. A second table shows where a build's time goes
(the phases `kg build` reports: extract, merge, outputs) and how long a
rebuild takes when nothing changed (every file hashed and skipped). "load after" is the 1-minute load average when a
build ended: on a shared machine other work competes for the cores and
flattens the --jobs speed-up; "CPU s" (user + system time of the build and
its workers) shows the work itself, which parallel runs should not inflate. Prints a Markdown table for the README.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg"]
PHASES = re.compile(r"\((extract [\d.]+ s[^)]*)\)\s*$", re.M)     # kg build's last line: (extract 6.5 s, merge …)


def make_corpus(n: int, out: Path, seed: int = 1) -> list[Path]:
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), str(n), "--out", str(out),
                    "--seed", str(seed)], check=True, capture_output=True)
    return sorted(out.glob("*.txt"))


def run_measured(args: list[str]) -> tuple[float, int, int, float, str]:
    """(seconds, peak tree PSS, peak single-process RSS, CPU seconds of the tree, phases) of a command."""
    import resource

    import psutil

    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    tree_peak = proc_peak = 0
    last_pss = 0.0
    while proc.poll() is None:
        try:
            procs = [ps, *ps.children(recursive=True)]
            proc_peak = max(proc_peak, max(p.memory_info().rss for p in procs))
            if time.perf_counter() - last_pss >= 0.5:
                # PSS counts the pages forked workers share (the dictionaries) once; reading
                # smaps costs CPU, so it is sampled twice a second, not to slow the build
                tree_peak = max(tree_peak, sum(p.memory_full_info().pss for p in procs))
                last_pss = time.perf_counter()
        except psutil.Error:
            pass
        time.sleep(0.05)
    err = proc.stderr.read()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"bench_build: build failed: {err.strip()[-500:]}")
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build and its workers, once waited for
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    phases = PHASES.search(err)
    return seconds, tree_peak, proc_peak, cpu, phases[1] if phases else "?"


def jieba_rate(texts: list[str]) -> float:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.lcut("预热词典")
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return sum(map(len, texts)) / (time.perf_counter() - t)


def rebuild(folder: Path, out: Path, html: list[str]) -> float:
    """Seconds of `kg build` over the same folder again: every file hashed, found in the manifest, skipped."""
    return run_measured([*KG, "build", str(folder), "--out", str(out), "--jobs", "2", *html])[0]


def mib(n: int) -> str:
    return f"{n / 2**20:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000, help="pages for the --jobs comparison")
    ap.add_argument("--jobs", default="1,2", help="comma-separated job counts")
    ap.add_argument("--scale", default="", help="comma-separated corpus sizes for the memory check (--jobs 2)")
    ap.add_argument("--html", action="store_true", help="also write graph.html (off: extraction and merge only)")
    args = ap.parse_args()
    html = [] if args.html else ["--no-html"]
    rows, phases = [], []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        files = make_corpus(args.pages, tmp / f"pages-{args.pages}")
        texts = [f.read_text(encoding="utf-8") for f in files]
        chars = sum(map(len, texts))
        jieba_cps = jieba_rate(texts)
        for jobs in [int(j) for j in args.jobs.split(",") if j]:
            secs, tree, proc, cpu, where = run_measured(
                [*KG, "build", str(files[0].parent), "--out", str(tmp / f"out-j{jobs}"), "--jobs", str(jobs), *html])
            rows.append((args.pages, jobs, secs, chars, tree, proc, cpu, os.getloadavg()[0]))
            phases.append((args.pages, f"--jobs {jobs}: {where}", rebuild(files[0].parent, tmp / f"out-j{jobs}", html)))
        for n in [int(s) for s in args.scale.split(",") if s]:
            folder = tmp / f"pages-{n}"
            if not folder.exists():
                make_corpus(n, folder)
            n_chars = sum(len(f.read_text(encoding="utf-8")) for f in folder.glob("*.txt"))
            secs, tree, proc, cpu, where = run_measured(
                [*KG, "build", str(folder), "--out", str(tmp / f"out-{n}"), "--jobs", "2", *html])
            rows.append((n, 2, secs, n_chars, tree, proc, cpu, os.getloadavg()[0]))
            phases.append((n, f"--jobs 2: {where}", rebuild(folder, tmp / f"out-{n}", html)))
    print(f"kg build on synthetic pages (scripts/make_corpus.py), {os.cpu_count()} cores, "
          f"{'with' if args.html else 'without'} graph.html; jieba.lcut: {jieba_cps:,.0f} chars/s on the same text\n")
    print("| pages | --jobs | seconds | pages/s | chars/s | × jieba.lcut | peak PSS tree (MiB) "
          "| peak RSS process (MiB) | CPU s | pages per CPU s | load after |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for pages, jobs, secs, n_chars, tree, proc, cpu, load in rows:
        cps = n_chars / secs
        print(f"| {pages:,} | {jobs} | {secs:.1f} | {pages / secs:.1f} | {cps:,.0f} | {cps / jieba_cps:.2f} "
              f"| {mib(tree)} | {mib(proc)} | {cpu:.1f} | {pages / cpu:.1f} | {load:.1f} |")
    print("\n| pages | phases of the build (wall) | rebuild, nothing changed (wall s) |\n|---:|---|---:|")
    for pages, where, again in phases:
        print(f"| {pages:,} | {where} | {again:.1f} |")
    j = [r for r in rows if r[0] == args.pages]
    if len(j) >= 2:
        print(f"\nspeed-up --jobs {j[1][1]} over --jobs {j[0][1]}: {j[0][2] / j[1][2]:.2f}×")


if __name__ == "__main__":
    main()
