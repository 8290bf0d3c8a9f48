"""Write the Neo4j test fixtures (invented names only) following docs/format.md.

    .venv/bin/python tests/data/neo4j-make-fixture.py

neo4j-fixture.jsonl: one small corpus of two articles in the invented city 青川市.
neo4j-fixture-2.jsonl: a second corpus sharing some entities (merge by id) and
adding an alias and a new enterprise.
The entity 'tricky' carries quotes, a backslash, braces, `$`, a newline and
<script> to test that names round-trip exactly.
"""
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).parent
TRICKY = 'O\'Neil "联合" \\ {x} $name\n<script>alert(1)</script>有限公司'


def sha(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def entity(name, type_, aliases=(), code=None, titles=None):
    rec = {"kind": "entity", "id": "e-" + sha(f"{type_}|{name}|{code or ''}"), "name": name,
           "type": type_, "aliases": list(aliases), "code": code, "mentions": 1, "articles": []}
    if titles:
        rec["titles"] = titles
    return rec


def corpus(source, articles, entities, facts):
    """facts: (article_key, subject, predicate, object, date, title, evidence)."""
    ids = {e["name"]: e["id"] for e in entities}
    text_pos = 0
    triples = []
    for akey, s, p, o, date, title, evidence in facts:
        span = [text_pos, text_pos + len(evidence)]
        text_pos += len(evidence) + 1
        aid = articles[akey]["id"]
        tid = "t-" + sha(f"{ids[s]}|{p}|{ids[o]}|{aid}|{span}")
        triples.append({"kind": "triple", "id": tid, "subject": s, "subject_id": ids[s], "predicate": p,
                        "object": o, "object_id": ids[o], "date": date, "title": title, "article": aid,
                        "evidence": evidence, "source": source, "span": span,
                        "rule": f"{p}.fixture", "confidence": 0.9})
    for akey, art in articles.items():
        names = {n for f in facts if f[0] == akey for n in (f[1], f[3])}
        names |= {b["name"] for b in art["byline"]}
        art["mentions"] = sorted(ids[n] for n in names)
        for b in art["byline"]:
            b["id"] = ids[b["name"]]
        for e in entities:
            if e["name"] in names:
                e["articles"].append(art["id"])
    recs = sorted(articles.values(), key=lambda r: r["id"])
    recs += sorted(entities, key=lambda r: r["id"])
    recs += sorted(triples, key=lambda r: r["id"])
    return recs


def article(source, key, headline, date, journalist):
    return {"kind": "article", "id": "a-" + sha(source + key), "source": source,
            "source_sha256": hashlib.sha256(source.encode()).hexdigest(), "span": [0, 100],
            "headline": headline, "subheadlines": [], "byline": [{"role": "记者", "name": journalist}],
            "dateline": "本报讯", "date": date, "page": 1, "mentions": []}


def first():
    src = "fixture/qingchuan-2021-11-26.txt"
    arts = {"a1": article(src, "a1", "王明远到东湖区调研企业发展", "2021-11-26", "陈小记"),
            "a2": article(src, "a2", "李秋华赵望川分别督导检查", "2021-11-26", "陈小记")}
    ents = [entity("王明远", "Official", ["王市长"], titles=["市长"]),
            entity("李秋华", "Official", titles=["副市长"]),
            entity("赵望川", "Official", titles=["区委书记"]),
            entity("陈小记", "Journalist"),
            entity("青川市", "AdministrativeArea", code="139900"),
            entity("东湖区", "AdministrativeArea", code="139902"),
            entity("西山县", "AdministrativeArea", code="139921"),
            entity("青川钢铁有限公司", "Enterprise", ["青钢公司"]),
            entity("青川钢铁集团", "Enterprise"),
            entity("绿源食品有限公司", "Enterprise"),
            entity(TRICKY, "Enterprise"),
            entity("青川市人民政府", "Organization", ["市政府"]),
            entity("中共东湖区委", "Organization"),
            entity("青川市优化营商环境条例", "Policy"),
            entity("东湖科技园", "Place")]
    facts = [
        ("a1", "王明远", "visited", "东湖区", "2021-11-25", None, "11月25日，王明远到东湖区调研。"),
        ("a1", "王明远", "visited", "青川钢铁有限公司", "2021-11-25", None, "王明远来到青川钢铁有限公司。"),
        ("a1", "王明远", "visited", "绿源食品有限公司", "2021-11-26", None, "次日王明远到绿源食品有限公司。"),
        ("a1", "王明远", "holdsPosition", "青川市人民政府", None, "市长", "市长王明远"),
        ("a1", "青川钢铁有限公司", "subsidiaryOf", "青川钢铁集团", None, None, "青川钢铁集团旗下的青川钢铁有限公司"),
        ("a1", "青川钢铁有限公司", "locatedIn", "东湖区", None, None, "位于东湖区的青川钢铁有限公司"),
        ("a1", "东湖区", "locatedIn", "青川市", None, None, "青川市东湖区"),
        ("a1", "东湖科技园", "locatedIn", "东湖区", None, None, "东湖区东湖科技园"),
        ("a2", "李秋华", "visited", "青川钢铁有限公司", "2021-11-20", None, "11月20日，李秋华到青川钢铁有限公司。"),
        ("a2", "李秋华", "visited", "西山县", "2021-11-20", None, "李秋华到西山县督导。"),
        ("a2", "李秋华", "visited", TRICKY, "2021-11-21", None, "李秋华走访了一家外资企业。"),
        ("a2", "李秋华", "holdsPosition", "青川市人民政府", None, "副市长", "副市长李秋华"),
        ("a2", "赵望川", "visited", "绿源食品有限公司", "2021-11-22", None, "赵望川到绿源食品有限公司。"),
        ("a2", "赵望川", "visited", "东湖区", "2021-11-22", None, "赵望川在东湖区调研。"),
        ("a2", "赵望川", "inspected", "东湖科技园", "2021-11-23", None, "赵望川检查东湖科技园。"),
        ("a2", "赵望川", "holdsPosition", "中共东湖区委", None, "区委书记", "区委书记赵望川"),
        ("a2", "绿源食品有限公司", "locatedIn", "西山县", None, None, "西山县绿源食品有限公司"),
        ("a2", "西山县", "locatedIn", "青川市", None, None, "青川市西山县"),
        ("a2", "青川市人民政府", "issued", "青川市优化营商环境条例", "2021-10-01", None,
         "青川市人民政府10月1日印发《青川市优化营商环境条例》"),
        ("a2", "青川市优化营商环境条例", "appliesTo", "青川市", None, None, "条例适用于青川市行政区域"),
    ]
    return corpus(src, arts, ents, facts)


def second():
    src = "fixture/qingchuan-2021-12-02.txt"
    arts = {"b1": article(src, "b1", "王明远调研新材料企业", "2021-12-02", "陈小记")}
    ents = [entity("王明远", "Official", ["明远同志"], titles=["市长"]),
            entity("陈小记", "Journalist"),
            entity("东湖区", "AdministrativeArea", code="139902"),
            entity("青川新材料有限公司", "Enterprise"),
            entity("青川钢铁有限公司", "Enterprise", ["青钢公司"])]
    facts = [
        ("b1", "王明远", "visited", "青川新材料有限公司", "2021-12-01", None, "12月1日，王明远到青川新材料有限公司。"),
        ("b1", "王明远", "visited", "青川钢铁有限公司", "2021-12-01", None, "王明远再到青川钢铁有限公司。"),
        ("b1", "青川新材料有限公司", "locatedIn", "东湖区", None, None, "东湖区青川新材料有限公司"),
    ]
    return corpus(src, arts, ents, facts)


def write(name, recs):
    with open(HERE / name, "w", encoding="utf-8", newline="\n") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("neo4j-fixture.jsonl", first())
    write("neo4j-fixture-2.jsonl", second())
