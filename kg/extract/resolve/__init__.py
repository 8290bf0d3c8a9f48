"""Stage 6, resolve: mentions become entities (:mod:`.entities`), people get their
type (:mod:`.people`), known names are found again (:mod:`.known_forms`), weak
campaigns are dropped (:mod:`.campaigns`), short forms fold into full names
(:mod:`.short_forms`) and facts become triples (:mod:`.triples`)."""
from __future__ import annotations

from kg.extract.recognise.automaton import HOME_WORDS
from kg.extract.recognise.documents import title_issuer
from kg.extract.recognise.listed import ACTIVITY_HEADS
from kg.extract.resolve.entities import Resolver
from kg.model import Doc, Mention



def _works_of(site: Mention, inner: Mention) -> bool:
    """某公司年产5万台电机项目: the firm whose works the site is (a name of its own)."""
    return site.type == "Place" and inner.type == "Enterprise" and inner.start == site.start \
        and site.text.endswith(ACTIVITY_HEADS)          # not 某机械厂小区, a compound named after a works


def resolve_mentions(doc: Doc) -> None:
    """Every mention (and every area named inside a longer name) gets its entity; bylines too."""
    resolver = doc.resolver = Resolver(doc.recogniser.gaz, doc.page.text, doc.page.home)
    for art in doc.articles:
        for sent in art.all_sentences:
            for m in sent.mentions:
                resolver.resolve_mention(m, art)
                for inner in m.attrs.get("inner", []):
                    if inner.type == "AdministrativeArea" and inner.text not in HOME_WORDS \
                            or m.type == "Policy" and inner is title_issuer(m) or _works_of(m, inner):
                        resolver.resolve_mention(inner, art)   # 某区 inside 某区消防大队; the issuer of a title
        for _role, name in art.byline:
            resolver.add("Journalist", name, article=art)
