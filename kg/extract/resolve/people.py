"""Official or Person: decided for each name by all the titles the page gives it.

A name seen once with 副市长 is an Official everywhere on the page; a name
seen only with 董事长 is a Person. The decision is also kept on each article
(``known_people``) for :mod:`.known_forms`, which finds the same names
where no title stands before them.
"""
from __future__ import annotations

from kg.extract.relate.positions import is_official, title_chain
from kg.model import Doc


def type_people(doc: Doc) -> None:
    official: dict[str, bool] = {}
    for art in doc.articles:
        for sent in art.all_sentences:
            for m in sent.mentions:
                if m.rule == "person.title":
                    official[m.text] = official.get(m.text, False) or is_official(title_chain(sent, m))
    for art in doc.articles:
        for sent in art.all_sentences:
            for m in sent.mentions:
                if m.text in official and (m.type == "Person" or m.rule.startswith("tagger.")):
                    m.type = "Official" if official[m.text] else "Person"
    for art in doc.articles:
        art.known_people = {n: ("Official" if o else "Person") for n, o in official.items()}
