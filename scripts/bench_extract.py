#!/usr/bin/env python3
"""Throughput of extraction against jieba.lcut on the same text, in one run; start-up; linear cost.

    python scripts/bench_extract.py [--mb 1] [--repeat 3] [--no-tagger]

All rates are CPU seconds (user + system, of this process or of the `kg`
child), so a loaded machine changes the figures less than wall time would;
ratios to `jieba.lcut` on the same text in the same run are what to compare.

1. Throughput on a file of --mb megabytes (the example pages repeated, as one
   text): the whole `kg extract` process with its start-up; the whole process
   with the statistical tagger (``--tagger``); the pipeline in this process
   (start-up excluded). Each run is paired with `jieba.lcut` of the same text
   (in a helper process) timed just before and just after it, and the ratio
   is taken pair by pair over --rounds rounds: the host's speed drifts.
   Then the pipeline over the real development articles of ../shared (if it is
   there), file by file, paired with `jieba.lcut` of their text the same way.
2. Start-up: `kg extract` of a one-line file (wall, CPU, peak memory, with the
   table cache warm: the run before it fills it, and kg's modules byte-compiled
   first, as an installed wheel's are) and `kg --help`.
3. Linear cost: pipeline seconds per MB for texts of 1, 10 and 40 pages
   joined in one text and for the same pages as separate files. Every figure
   covers the same 40 pages (the example pages cycled), grouped 40 x 1,
   4 x 10 or 1 x 40, so only the grouping differs, not the text; the six
   cases are timed in turn, --repeat times, best kept (the host drifts). The spread
   of the six figures (largest / smallest) should stay within 1.3.
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import kg_exe  # noqa: E402

PAGES = sorted((ROOT / "examples" / "pages").glob("*.txt"))
REAL = ROOT.parent / "shared" / "corpus" / "real"      # real text, if ../shared is beside the project
REAL_PASSES = 5
MB = 1024 * 1024
LINEAR_PAGES = (1, 10, 40)


def joined_pages(n: int, start: int = 0) -> str:
    """n example pages from the start-th on (cycled) as one text: separator lines, no form feed, so one page."""
    texts = [p.read_text(encoding="utf-8") for p in PAGES]
    return "".join((f"\n\n=== {i} ===\n\n" if i > start else "") + texts[i % len(texts)]
                   for i in range(start, start + n))


def text_of_size(megabytes: float) -> str:
    texts = [p.read_text(encoding="utf-8") for p in PAGES]
    parts, size, i = [], 0, 0
    while size < megabytes * MB:
        part = (f"\n\n=== {i} ===\n\n" if i else "") + texts[i % len(texts)]
        parts.append(part)
        size += len(part.encode("utf-8"))
        i += 1
    return "".join(parts)


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_kg(*args: str) -> dict:
    """One `kg` process: wall, CPU (user + system) and peak RSS of that child alone (wait4)."""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen([kg_exe("bench_extract"), *args], stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"bench_extract: kg {' '.join(args)} failed: {err.read().decode()[-500:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def best_cpu(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = cpu_self()
        fn()
        times.append(cpu_self() - t)
    return min(times)


class Yardstick:
    """`jieba.lcut` of the text in a helper process, timed on request (CPU seconds of the cut alone).

    The machine's speed drifts while the bench runs (other work on the host), so each `kg` figure
    is paired with a cut timed just before and just after it, and the ratio is taken pair by pair.
    jieba lives in its own process: a `kg` child forked from a process that holds it would report
    that memory as its peak.
    """

    CODE = ("import sys, time, logging, jieba\n"
            "jieba.setLogLevel(logging.WARNING); jieba.initialize()\n"
            "text = open(sys.argv[1], encoding='utf-8').read(); jieba.lcut(text[:1000])\n"
            "for _ in sys.stdin:\n"
            "    t = time.process_time(); jieba.lcut(text); print(time.process_time() - t, flush=True)\n")

    def __init__(self, path: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", self.CODE, str(path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        self.times: list[float] = []        # every cut timed, for the yardstick's own row

    def cut(self) -> float:
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        self.times.append(float(self.proc.stdout.readline()))
        return self.times[-1]

    def paired(self, fn, rounds: int) -> tuple[float, list[float]]:
        """fn() -> CPU seconds, `rounds` times between cuts: (median CPU s, ratios cut / fn per round)."""
        before, times, ratios = self.cut(), [], []
        for _ in range(rounds):
            t = fn()
            after = self.cut()
            times.append(t)
            ratios.append((before + after) / 2 / t)
            before = after
        return statistics.median(times), ratios

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def throughput(work: Path, args) -> None:
    text = text_of_size(args.mb)
    big = work / "big.txt"
    big.write_text(text, encoding="utf-8")
    chars = len(text)
    stick = Yardstick(big)
    rows, peaks = [], {}

    def whole(*extra: str):
        def run() -> float:
            r = run_kg("extract", *extra, str(big), "-o", str(work / "big.jsonl"))
            peaks[extra] = r
            return r["cpu"]
        return run

    rows.append(("kg extract, whole process", *stick.paired(whole(), args.rounds)))
    if args.tagger:
        rows.append(("kg extract --tagger, whole process", *stick.paired(whole("--tagger"), args.rounds)))
    from kg.extract.pipeline import extract_file

    extract_file(str(PAGES[0]))                       # warm: tables, automata

    def pipeline() -> float:
        t = cpu_self()
        extract_file(str(big))
        return cpu_self() - t

    rows.append(("kg pipeline, in process", *stick.paired(pipeline, args.rounds)))
    lcut = statistics.median(stick.times)
    stick.close()
    print(f"\n## Throughput: {chars:,} characters ({big.stat().st_size / MB:.2f} MB), CPU seconds,"
          f" each run paired with jieba.lcut just before and after it ({args.rounds} rounds, medians)")
    print("| run | CPU s | chars/s | ratio to jieba.lcut (median; min-max) |\n|---|---|---|---|")
    print(f"| jieba.lcut (its own process; {min(stick.times):.2f}-{max(stick.times):.2f} s) | {lcut:.2f} | "
          f"{chars / lcut:,.0f} | 1.00 |")
    for name, t, ratios in rows:
        print(f"| {name} | {t:.2f} | {chars / t:,.0f} | {statistics.median(ratios):.2f}; "
              f"{min(ratios):.2f}-{max(ratios):.2f} |")
    plain, tagged = peaks[()], peaks.get(("--tagger",))
    print(f"\nwhole process: {plain['wall']:.2f} s wall, peak {plain['rss_mb']:.0f} MB"
          + (f"; with --tagger {tagged['wall']:.2f} s wall, peak {tagged['rss_mb']:.0f} MB" if tagged else ""))
    real_articles(work, args.rounds)


def real_articles(work: Path, rounds: int) -> None:
    """The pipeline over the real development articles of ../shared, one file at a time (skipped without them)."""
    files = sorted(REAL.glob("*.txt")) if REAL.is_dir() else []
    if not files:
        print(f"\n(real articles: {REAL} not found, skipped)")
        return
    from kg.extract.pipeline import extract_file

    texts = [f.read_text(encoding="utf-8") for f in files]
    joined = work / "real.txt"
    joined.write_text("\n".join(texts * REAL_PASSES), encoding="utf-8")
    stick = Yardstick(joined)

    def pipeline() -> float:
        t = cpu_self()
        for _ in range(REAL_PASSES):
            for f in files:
                extract_file(str(f))
        return cpu_self() - t

    t, ratios = stick.paired(pipeline, rounds)
    stick.close()
    chars = sum(map(len, texts)) * REAL_PASSES
    print(f"\n## Real articles: the {len(files)} files of {REAL.relative_to(ROOT.parent)}, {REAL_PASSES} passes "
          f"({chars:,} characters), pipeline in process, each file on its own\n")
    print(f"{t:.2f} CPU s, {chars / t:,.0f} chars/s, ratio to jieba.lcut of their text {statistics.median(ratios):.2f}; "
          f"{min(ratios):.2f}-{max(ratios):.2f}")


def startup(work: Path) -> None:
    one = work / "one.txt"
    one.write_text("本报讯 3月2日，市长王大明到青禾科技有限公司调研。\n", encoding="utf-8")
    run_kg("extract", str(one), "-o", str(work / "one.jsonl"))      # fills the table cache if empty
    runs = [run_kg("extract", str(one), "-o", str(work / "one.jsonl")) for _ in range(3)]
    r = min(runs, key=lambda x: x["wall"])
    h = min((run_kg("--help") for _ in range(3)), key=lambda x: x["wall"])
    print("\n## Start-up (best of 3, table cache warm)")
    print("| command | wall s | CPU s | peak MB |\n|---|---|---|---|")
    print(f"| kg extract ONE-LINE-FILE | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss_mb']:.0f} |")
    print(f"| kg --help | {h['wall']:.2f} | {h['cpu']:.2f} | {h['rss_mb']:.0f} |")


def linear_cases(work: Path) -> list[tuple[int, str, list[str]]]:
    """(pages per text, "one text" or "separate files", paths): every case holds the same pages."""
    total, cases = max(LINEAR_PAGES), []
    for n in LINEAR_PAGES:
        joined, files = [], []
        for g in range(total // n):              # groups of n consecutive pages (cycled): same text in all rows
            one = work / f"joined-{n}-{g}.txt"
            one.write_text(joined_pages(n, start=g * n), encoding="utf-8")
            joined.append(str(one))
            folder = work / f"pages-{n}-{g}"
            folder.mkdir()
            for i in range(g * n, g * n + n):
                f = folder / f"2024-01-{i % 28 + 1:02d}-p{i:02d}.txt"
                f.write_text(PAGES[i % len(PAGES)].read_text(encoding="utf-8"), encoding="utf-8")
                files.append(str(f))
        cases += [(n, "one text", joined), (n, "separate files", files)]
    return cases


def linearity(work: Path, repeat: int) -> None:
    from kg.extract.pipeline import extract_file

    extract_file(str(PAGES[0]))
    cases = linear_cases(work)
    best = {}
    for _ in range(repeat):                      # round-robin: the host's drift spreads over every case
        for n, kind, paths in cases:
            t = cpu_self()
            for f in paths:
                extract_file(f)
            mb = sum(os.path.getsize(f) for f in paths) / MB
            best[n, kind] = min(best.get((n, kind), float("inf")), (cpu_self() - t) / mb)
    print(f"\n## Linear cost: pipeline CPU seconds per MB, the same {max(LINEAR_PAGES)} pages in every figure "
          f"(best of {repeat}, cases taken in turn)")
    print("| pages per text | one text | separate files |\n|---|---|---|")
    for n in LINEAR_PAGES:
        print(f"| {n} | {best[n, 'one text']:.2f} | {best[n, 'separate files']:.2f} |")
    print(f"\nspread (largest / smallest): {max(best.values()) / min(best.values()):.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="size of the throughput file [1]")
    ap.add_argument("--repeat", type=int, default=3, help="in-process passes of the linear-cost figures; the best "
                    "is kept [3]")
    ap.add_argument("--rounds", type=int, default=5, help="paired rounds of each throughput figure [5]")
    ap.add_argument("--no-tagger", dest="tagger", action="store_false", help="skip the --tagger run")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    print(f"# bench_extract {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, load {load:.2f} at start\n")
    # as an installed wheel is: an edited module (or PYTHONDONTWRITEBYTECODE) would be compiled at every start
    compileall.compile_dir(ROOT / "kg", quiet=1)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        startup(work)                 # first: this process is still small (see throughput)
        throughput(work, args)
        linearity(work, args.repeat)
    print(f"\nload {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
