"""Mentions of names the page has already given: people without their title, company
short forms (某某制药), declared short forms (（简称“某某”）, 《意见》).

After the first pass of recognition a name is known; this pass finds it
again wherever it stands, so 王某某说 links to the 副市长王某某 of an earlier
sentence and 某某制药 to the full company name.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.lexicon import alternation
from kg.extract.recognise import settle
from kg.extract.resolve.short_forms import enterprise_short_forms
from kg.model import Article, Doc, Mention

DECLARED_SHORT = re.compile(r"[（(](?:以下)?(?:简称|称)[“《]?([^“”《》()（）]{1,12})[”》]?[)）]")


def _page_forms(doc: Doc) -> dict[str, tuple[str, str]]:
    """surface form -> (type, canonical name) of the people and company short forms of the page."""
    forms: dict[str, tuple[str, str]] = {}
    for art in doc.articles:
        forms.update({n: (t, n) for n, t in art.known_people.items()})
        for sent in art.all_sentences:
            for m in sent.mentions:
                if m.type == "Enterprise" and m.rule.startswith("suffix"):
                    for short in enterprise_short_forms(m.text, doc.recogniser.gaz):
                        forms.setdefault(short, ("Enterprise", m.text))
    return forms


def _declared_forms(art: Article, forms: dict) -> dict[str, tuple[str, str]]:
    """The page's forms plus what the article declares: 某某有限公司（简称“某某”）."""
    local = dict(forms)
    for sent in art.all_sentences:
        policies = [m for m in sent.mentions if m.type == "Policy" and not m.attrs.get("short")]
        for d in DECLARED_SHORT.finditer(sent.text):
            named = [m for m in sent.mentions if m.end == d.start() and m.type in ("Enterprise", "Organization")]
            if named:
                local[d[1]] = (named[0].type, named[0].label)
            elif policies:
                local["《" + d[1] + "》"] = ("Policy", policies[-1].name)
    return local


def _finder(forms) -> re.Pattern | None:
    """One pattern of all forms, the longest first: at each place it matches the longest form there."""
    return re.compile(alternation(forms)) if forms else None


def _known_matches(text: str, finders: list[re.Pattern]) -> Iterator[re.Match]:
    """The leftmost-longest matches of several finders, none overlapping: what one finder of all
    their forms would find (the page's finder is built once; an article adds a small one for the
    forms it declares)."""
    if len(finders) == 1:
        yield from finders[0].finditer(text)
        return
    pos = 0
    while True:
        found = [m for m in (f.search(text, pos) for f in finders) if m]
        if not found:
            return
        m = min(found, key=lambda m: (m.start(), -len(m[0])))
        yield m
        pos = m.end()


def add_known_forms(doc: Doc) -> None:
    forms = _page_forms(doc)
    page_finder = _finder(forms)
    for art in doc.articles:
        local = _declared_forms(art, forms)
        last_policy = None
        finders = [f for f in (page_finder, _finder(local.keys() - forms.keys())) if f is not None]
        for sent in art.all_sentences:
            added = []
            for m in _known_matches(sent.text, finders) if finders else ():
                etype, name = local[m[0]]
                added.append(Mention(m.start(), m.end(), m[0], etype, "known", name=name))
            kept = [m for m in sent.mentions if not (m.type == "Policy" and m.attrs.get("short"))]
            shorts = [m for m in sent.mentions if m.type == "Policy" and m.attrs.get("short")]
            for m in kept:
                if m.type == "Policy":
                    last_policy = m.name
            for m in shorts:  # a bare 《意见》: the article's last policy with that head
                if last_policy and last_policy.endswith(m.text):
                    added.append(Mention(m.start, m.end, m.text, "Policy", "policy.short", name=last_policy))
            sent.mentions = settle(kept + added) if added else kept
