"""People: a name after a title (市政协主席王某某), an appointment (任命某某为…局长),
an honorific (李女士). Whether a titled person is an Official or a Person is
decided later from the whole title chain (:mod:`kg.extract.resolve.people`)."""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import HAN
from kg.extract.recognise.names import person_name
from kg.model import Mention

APPOINT_RE = re.compile(r"(?:决定任命|任命|提名|推选|选举)")
HONORIFIC_RE = re.compile(rf"(?<![{HAN}])([{HAN}])(女士|先生)")
TITLE_RE = re.compile(rf"(?:{L.alternation(L.TITLES)})")
APPOINTED_TITLE_WINDOW = 30     # characters after the appointed name in which the title is looked for


def people(scan) -> list[Mention]:
    text = scan.text
    out = []
    for m in TITLE_RE.finditer(text):
        name = person_name(text, m.end(), scan.doc_text)
        if name:
            out.append(Mention(m.end(), m.end() + len(name), name, "Person", "person.title",
                               name=name, attrs={"title": m[0], "title_start": m.start()}))
    for m in APPOINT_RE.finditer(text):
        name = person_name(text, m.end(), scan.doc_text)
        if not name or not text.startswith("为", m.end() + len(name)):
            continue
        end = m.end() + len(name)          # 为 is at `end`
        title = TITLE_RE.search(text, end + 1, end + APPOINTED_TITLE_WINDOW)
        if title and "，" not in text[m.end():title.start()]:
            # 任命某某为甲局局长: the title chain sits after the name
            out.append(Mention(m.end(), m.end() + len(name), name, "Person", "person.title", name=name,
                               attrs={"title": title[0], "title_start": title.start(), "appointed": True}))
    for m in HONORIFIC_RE.finditer(text):
        if m[1] in L.SURNAMES:
            out.append(Mention(m.start(), m.end(), m[0], "Person", "person.honorific", name=m[0]))
    return out
