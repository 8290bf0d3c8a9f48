"""What a person should look at before trusting a graph: candidate duplicates and doubtful entities.

`kg review DIR` reads the records and proposes corrections for a curation
file (:mod:`kg.build.curate`), each with its evidence sentences and the line
to paste:

- **namesakes** — one person's name holding offices in areas that never meet
  in one article (two 王某 in different counties, or one who moved):
  ``not-same-as`` for the articles of the smaller groups (a graph `kg build`
  made has them apart already: :mod:`kg.build.identity`);
- **who is who** — what `kg build` decided about a name's people: people it
  told apart (``same-as`` if one of them only moved office) and sightings it
  could not place among them (``same-as`` with the person they are);
- **short and full names** — an enterprise named without its legal form and
  with it, on the same pages (青禾科技 and 青禾科技有限公司): ``same-as``;
- **doubtful entities** — seen once, and every fact about them of low
  confidence: ``drop``.

>>> recs = [{"kind": "entity", "id": "e-01", "name": "青禾科技有限公司", "type": "Enterprise", "articles": ["a-1"]},
...         {"kind": "entity", "id": "e-02", "name": "青禾科技", "type": "Enterprise", "articles": ["a-1"]}]
>>> [c.line for c in review(recs)]
['same-as  Enterprise:青禾科技有限公司  Enterprise:青禾科技']
"""
from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field

from kg.build.seats import Seats

LOW_CONFIDENCE = 0.7          # a fact below it is a guess of a weak rule
SHORT_NAME = 2                # the fewest characters of a short form worth proposing
# what a company's full name adds to its short one: its legal form (青禾科技 + 有限公司); a body's longer
# names are mostly its units (某局 + 党组), so only enterprises are compared
LEGAL_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "集团有限公司", "集团股份有限公司", "股份公司", "公司", "集团")
PEOPLE = ("Official", "Person")
EVIDENCE_PER_CANDIDATE = 3


@dataclass
class Candidate:
    kind: str                      # namesakes | who-is-who | short-and-full | doubtful
    what: str                      # one line for the reader
    line: str                      # the curation line to paste
    evidence: list[str] = field(default_factory=list)


class _Index:
    """The records by id, and each entity's triples."""

    def __init__(self, records):
        self.entities, self.articles, self.by_entity = {}, {}, defaultdict(list)
        for rec in records:
            if rec.get("kind") == "entity":
                self.entities[rec["id"]] = rec
            elif rec.get("kind") == "article":
                self.articles[rec["id"]] = rec
            elif rec.get("kind") == "triple":
                self.by_entity[rec["subject_id"]].append(rec)
                self.by_entity[rec["object_id"]].append(rec)
        names = defaultdict(list)
        for e in self.entities.values():
            names[(e["type"], e["name"])].append(e["id"])
        self.ambiguous = {key for key, ids in names.items() if len(ids) > 1}
        self.seats = Seats(e for e in self.entities.values() if e["type"] == "AdministrativeArea")

    def seat(self, body: str) -> str:
        """The area a body belongs to (kg.build.seats), else its name."""
        return self.seats.seat(body, None) or body

    def ref(self, eid: str) -> str:
        """How a curation line names the entity: Type:name, or its id when that is not unique."""
        e = self.entities[eid]
        return eid if (e["type"], e["name"]) in self.ambiguous else f"{e['type']}:{e['name']}"

    def evidence(self, eid: str, articles=None) -> list[str]:
        out = []
        for t in sorted(self.by_entity[eid], key=lambda t: (t.get("date") or "", t["id"])):
            if articles is None or t.get("article") in articles:
                art = self.articles.get(t.get("article"), {})
                out.append(f"{t.get('date') or art.get('date') or '?'} {t.get('article')}: {t.get('evidence', '')}")
        if not out:
            for aid in sorted(self.entities[eid].get("articles") or ()):
                art = self.articles.get(aid, {})
                if articles is None or aid in articles:
                    out.append(f"{art.get('date') or '?'} {aid}: 《{art.get('headline') or ''}》")
        return out[:EVIDENCE_PER_CANDIDATE]


def namesakes(ix: _Index) -> list[Candidate]:
    """People whose offices fall into groups of articles that share no area (a county's party
    committee and its government meet: one person often holds office in both)."""
    out = []
    for eid, e in sorted(ix.entities.items()):
        if e["type"] not in PEOPLE:
            continue
        seats, bodies = defaultdict(set), defaultdict(set)    # article -> areas, bodies of the offices there
        for t in ix.by_entity[eid]:
            if t["predicate"] == "holdsPosition" and t["subject_id"] == eid:
                seats[t.get("article")].add(ix.seat(t["object"]))
                bodies[t.get("article")].add(t["object"])
        groups = [(articles, {b for a in articles for b in bodies[a]}) for articles, _ in _disjoint_groups(seats)]
        if len(groups) < 2:
            continue
        largest = min(groups, key=lambda g: (-len(g[0]), min(g[0])))     # ties: the group seen first stays
        others = sorted(a for g in groups if g is not largest for a in g[0])
        offices = " / ".join("、".join(sorted(g[1])) for g in groups)
        out.append(Candidate("namesakes", f"{e['name']} holds offices in areas that never meet: {offices}",
                             f"not-same-as  {ix.ref(eid)}  {','.join(others)}", ix.evidence(eid)))
    return out


def _disjoint_groups(bodies: dict[str, set[str]]) -> list[tuple[set[str], set[str]]]:
    """Articles joined when they share a key (an area): [(articles, keys), ...]."""
    groups: list[tuple[set[str], set[str]]] = []
    for article, named in sorted(bodies.items()):
        touching = [g for g in groups if g[1] & named]
        merged = ({article}, set(named))
        for g in touching:
            merged[0].update(g[0])
            merged[1].update(g[1])
            groups.remove(g)
        groups.append(merged)
    return groups


def short_and_full(ix: _Index) -> list[Candidate]:
    """An enterprise named without its legal form and with it on the same pages.

    Within one article the extractor merges such forms itself; across the
    articles of a page (a source file) a person decides.
    """
    by_page = defaultdict(set)
    for eid, e in ix.entities.items():
        if e["type"] == "Enterprise":
            for aid in e.get("articles") or ():
                by_page[ix.articles.get(aid, {}).get("source") or aid].add(eid)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for page, ids in by_page.items():
        for full in ids:
            for short in ids:
                f, s = ix.entities[full], ix.entities[short]
                if len(s["name"]) >= SHORT_NAME and f["name"][len(s["name"]):] in LEGAL_FORMS \
                        and f["name"].startswith(s["name"]) and s["name"] not in (f.get("aliases") or ()):
                    pairs[(full, short)].add(page)
    out = []
    for (full, short), pages in sorted(pairs.items()):
        f, s = ix.entities[full], ix.entities[short]
        articles = {a for a in (*s.get("articles", ()), *f.get("articles", ()))
                    if (ix.articles.get(a, {}).get("source") or a) in pages}
        out.append(Candidate("short-and-full", f"{s['name']} and {f['name']} on {len(pages)} page(s)",
                             f"same-as  {ix.ref(full)}  {ix.ref(short)}",
                             ix.evidence(short, articles) + ix.evidence(full, articles)[:1]))
    return out


def doubtful(ix: _Index) -> list[Candidate]:
    """Entities seen once whose every fact is of low confidence."""
    out = []
    for eid, e in sorted(ix.entities.items()):
        facts = ix.by_entity[eid]
        if (e.get("mentions") or 1) <= 1 and facts and all((t.get("confidence") or 0) < LOW_CONFIDENCE
                                                           for t in facts):
            rules = sorted({t.get("rule") or "?" for t in facts})
            out.append(Candidate("doubtful", f"{e['name']} ({e['type']}) seen once, facts only from "
                                 f"{', '.join(rules)} below {LOW_CONFIDENCE}", f"drop  {ix.ref(eid)}",
                                 ix.evidence(eid)))
    return out


def _place(e: dict) -> str:
    """Where one of a name's people is: the areas of the offices, else the home the pages report from."""
    return "、".join(e["identity"]["seats"] or e["identity"].get("homes") or ["?"])


def who_is_who(ix: _Index) -> list[Candidate]:
    """The people `kg build` told apart under one name, and the sightings it could not place."""
    out, people = [], defaultdict(list)
    for eid, e in sorted(ix.entities.items()):
        if e.get("identity"):
            people[e["identity"]["of"]].append(e)
    for _base, mine in sorted(people.items()):
        placed = [e for e in mine if e["identity"]["status"] == "placed"]
        where = " / ".join(_place(e) for e in placed)
        if len(placed) > 1:
            out.append(Candidate("who-is-who", f"{placed[0]['name']} is taken for {len(placed)} people "
                                 f"({where}); if one only moved office, they are one",
                                 "same-as  " + "  ".join(e["id"] for e in placed),
                                 [line for e in placed for line in ix.evidence(e["id"])[:1]]))
        for e in (e for e in mine if e["identity"]["status"] == "undecided"):
            for p in placed:
                out.append(Candidate("who-is-who", f"{e['name']} in {len(e.get('articles') or ())} articles "
                                     f"could be the one of {_place(p)}",
                                     f"same-as  {p['id']}  {e['id']}", ix.evidence(e["id"])))
    return out


CHECKS = (("namesakes", namesakes), ("who-is-who", who_is_who), ("short-and-full", short_and_full),
          ("doubtful", doubtful))
TITLES = {"namesakes": "Namesakes: one name, offices in areas that never meet",
          "who-is-who": "Who is who: the people kg build told apart, and sightings it could not place",
          "short-and-full": "Short and full names on the same pages",
          "doubtful": "Doubtful entities: seen once, facts of low confidence"}


def review(records) -> list[Candidate]:
    """Every candidate of every check, in check order."""
    ix = _Index(records)
    return [c for _, check in CHECKS for c in check(ix)]


def format_text(candidates: list[Candidate], limit: int | None = None) -> str:
    """The report as text: a section per check, each candidate with its evidence and its line."""
    out = []
    for kind, title in TITLES.items():
        mine = [c for c in candidates if c.kind == kind]
        out.append(f"== {title}: {len(mine)}")
        for c in mine[:limit]:
            out += [f"- {c.what}", *(f"    {line}" for line in c.evidence), f"  {c.line}"]
        if limit is not None and len(mine) > limit:
            out.append(f"  ... {len(mine) - limit} more (--limit)")
        out.append("")
    return "\n".join(out)


REPORT_STYLE = ("body{font-family:sans-serif;max-width:60em;margin:auto}pre{background:#f4f4f4;padding:.4em}"
                "li{margin-bottom:1em}.ev{color:#555;font-size:90%}")


def format_html(candidates: list[Candidate], source: str) -> str:
    """The report as one self-contained HTML page (every string from the records escaped)."""
    esc = html.escape
    parts = [f"<!doctype html><html lang=zh><meta charset=utf-8><title>kg review: {esc(source)}</title>",
             f"<style>{REPORT_STYLE}</style>", f"<h1>kg review: {esc(source)}</h1>",
             ("<p>Paste the lines you agree with into the curation file (docs/curation.md), "
              "then run <code>kg build</code> again.</p>")]
    for kind, title in TITLES.items():
        mine = [c for c in candidates if c.kind == kind]
        parts.append(f"<h2>{esc(title)}: {len(mine)}</h2><ol>")
        for c in mine:
            evidence = "".join(f"<div class=ev>{esc(e)}</div>" for e in c.evidence)
            parts.append(f"<li>{esc(c.what)}{evidence}<pre>{esc(c.line)}</pre></li>")
        parts.append("</ol>")
    return "\n".join(parts) + "\n</html>\n"
