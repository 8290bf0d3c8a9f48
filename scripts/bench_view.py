"""Benchmark the viewer on large invented graphs (default 1,000, 5,000 and 20,000 entities, twice the triples).

Prints: time to generate the page (records -> networkx -> layout -> pyvis -> HTML),
the page size, and the time to first render in headless chromium, then the time
a search and a type filter take in the page.

    .venv/bin/python scripts/bench_view.py                  # 1,000, 5,000 and 20,000 entities, twice the triples
    .venv/bin/python scripts/bench_view.py --nodes 5000 [--edges 10000] [--max-nodes N]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.view.html import write_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Share of entities per type, and which (subject type, predicate, object type) triples occur.
TYPE_SHARE = {"Official": .12, "Journalist": .02, "Person": .08, "AdministrativeArea": .08,
              "Place": .18, "Enterprise": .24, "Organization": .18, "Policy": .06, "Campaign": .04}
RELATIONS = [("Official", "visited", "AdministrativeArea", .2), ("Official", "visited", "Enterprise", .2),
             ("Official", "visited", "Place", .1), ("Official", "holdsPosition", "Organization", .1),
             ("Official", "inspected", "Campaign", .05), ("Enterprise", "locatedIn", "AdministrativeArea", .1),
             ("Place", "locatedIn", "AdministrativeArea", .08), ("Organization", "issued", "Policy", .05),
             ("Policy", "appliesTo", "AdministrativeArea", .04), ("Enterprise", "subsidiaryOf", "Enterprise", .04),
             ("Person", "visited", "Place", .04)]
SYLLABLES = "安宁泰和丰华兴盛东南西北青云岭溪川河湖山林石桥港湾新城明德光远晨星锦绣金银"


def invented_records(n_nodes: int, n_edges: int, seed: int = 1) -> list[dict]:
    """Articles, entities and triples following docs/format.md, all names invented.
    Objects are picked with preferential attachment so degrees are skewed, as in news."""
    rng = random.Random(seed)
    records, by_type, weight = [], {}, {}
    n_articles = max(1, n_edges // 5)
    for i in range(n_articles):
        records.append({"kind": "article", "id": f"a-{i:012x}", "headline": f"第{i}号新闻标题：{rng.choice(SYLLABLES)}城动态",
                        "date": f"2030-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "byline": [],
                        "mentions": []})
    for i in range(n_nodes):
        t = rng.choices(list(TYPE_SHARE), weights=list(TYPE_SHARE.values()))[0]
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))) + f"{i}"
        eid = f"e-{i:012x}"
        records.append({"kind": "entity", "id": eid, "name": name, "type": t,
                        "aliases": [name[:2] + f"{i}"] if i % 7 == 0 else [],
                        "code": f"99{i:04d}" if t == "AdministrativeArea" else None})
        by_type.setdefault(t, []).append((eid, name))
        weight[eid] = 1.0
    for j in range(n_edges):
        st, pred, ot, _ = rng.choices(RELATIONS, weights=[r[3] for r in RELATIONS])[0]
        s = rng.choice(by_type[st])
        cands = by_type[ot]
        o = rng.choices(cands, weights=[weight[c[0]] for c in cands])[0] if len(cands) < 400 \
            else max(rng.sample(cands, 8), key=lambda c: weight[c[0]])
        weight[o[0]] += 1
        date = f"2030-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if pred == "visited" else None
        records.append({"kind": "triple", "id": f"t-{j:012x}", "subject": s[1], "subject_id": s[0],
                        "predicate": pred, "object": o[1], "object_id": o[0], "date": date,
                        "title": "主任" if pred == "holdsPosition" else None,
                        "article": f"a-{rng.randrange(n_articles):012x}",
                        "evidence": f"{date or ''}，{s[1]}到{o[1]}调研，察看项目进展情况，听取工作汇报。",
                        "rule": "bench", "confidence": 0.9})
    return records


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=None, help="one size (default: --sizes)")
    ap.add_argument("--edges", type=int, default=None, help="triples (default: twice the nodes)")
    ap.add_argument("--sizes", default="1000,5000,20000", help="entity counts to run one after the other")
    ap.add_argument("--max-nodes", type=int, default=None)
    ap.add_argument("--out", type=Path, default=None, help="keep the page here (one size only)")
    args = ap.parse_args()
    sizes = [args.nodes] if args.nodes else [int(x) for x in args.sizes.split(",")]
    with open("/proc/loadavg") as fh:
        print(f"load average before: {' '.join(fh.read().split()[:3])}")
    for n in sizes:
        bench_one(n, args.edges or 2 * n, args.max_nodes, args.out if len(sizes) == 1 else None)


def bench_one(nodes: int, edges: int, max_nodes: int | None, out: Path | None) -> None:
    records = invented_records(nodes, edges)
    out = out or Path(tempfile.mkdtemp(prefix="bench-view-")) / "graph.html"
    t0 = time.perf_counter()
    write_html(records, out, max_nodes=max_nodes)
    gen = time.perf_counter() - t0
    print(f"graph: {nodes} entities, {edges} triples (max_nodes={max_nodes})")
    print(f"generate page: {gen:.2f} s  size: {out.stat().st_size / 1e6:.1f} MB  -> {out}")

    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        t0 = time.perf_counter()
        page.goto(out.as_uri())
        page.wait_for_function("window.kgView && window.kgView.firstDrawAt !== null", timeout=120000)
        wall = time.perf_counter() - t0
        in_page = page.evaluate("kgView.firstDrawAt") / 1000
        shown = page.evaluate("kgView.network.body.nodeIndices.length")
        print(f"first render in chromium: {wall:.2f} s wall (goto -> first draw), "
              f"{in_page:.2f} s after navigation start; {shown} nodes drawn")
        # Interactions timed inside the page, up to the next painted frame (Playwright's
        # own actionability waits would dominate a wall-clock figure).
        timed = """async (action) => {
            const t = performance.now();
            action === 'search' ? kgView.search(kgView.nodes.get()[0].name)
                : document.querySelector('#type-filter input[value="Enterprise"]').click();
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
            return (performance.now() - t) / 1000; }"""
        print(f"search + neighbourhood highlight: {page.evaluate(timed, 'search'):.2f} s")
        print(f"type filter (hide Enterprise): {page.evaluate(timed, 'filter'):.2f} s")
        browser.close()


if __name__ == "__main__":
    main()
