"""Stage 6, resolve: turn mentions into entities with canonical names and aliases.

Canonical names are the fullest form the text supports (guideline):
市人大常委会 in a paper of home city X becomes X人大常委会 with the alias 市人大常委会;
a site written after its county (某县某某湿地) is named without it. The
:class:`Resolver` holds the entities of one page; :func:`merge` folds one
entity into another (its name becomes an alias).
"""
from __future__ import annotations

from kg.extract.recognise.areas import Area, by_code
from kg.extract.recognise.gazetteer import Gazetteer, code_level
from kg.extract.recognise.tokens import cut, tags
from kg.model import Article, Entity, ImpliedEntity, Mention

PROPER_TAGS = ("ns", "nr", "nz", "nt", None)
UPPER_PREFIXES = ("省", "市", "州", "自治区")   # one referent a text: a body of them is kept as written
MIN_SITE_REST = 3        # characters a site keeps when its area prefix is dropped


def _generic_rest(rest: str) -> bool:
    """汽车客运站 after 某县: nothing but a kind of place, so the area stays in the name."""
    return all(tags().get(t) not in PROPER_TAGS for t in cut(rest))


def _site_without_area(m: Mention) -> str | None:
    """某区某街道某某小区 -> 某某小区, 某县某某湿地 -> 某某湿地; None to keep the name."""
    chain, pos = [], m.start
    for a in sorted(m.attrs.get("inner", []), key=lambda a: a.start):
        if a.start == pos and a.type == "AdministrativeArea":
            chain.append(a)
            pos = a.end
    rest = m.text[pos - m.start:]
    if len(chain) > 1 and len(rest) >= MIN_SITE_REST and not _generic_rest(rest):
        return rest
    if not chain:
        return None
    first = chain[0]
    rest = m.text[len(first.text):]
    if first.text == first.name and len(rest) >= MIN_SITE_REST and not _generic_rest(rest) \
            and rest[0] != "·" and code_level(first.attrs.get("code")) == 2:
        return rest
    return None


class Resolver:
    """Collects the entities of one page (or of a whole run)."""

    def __init__(self, gaz: Gazetteer, text: str = ""):
        self.gaz = gaz
        self.text = text          # the page: is the city above a county home named on it?
        self.entities: dict[tuple[str, str], Entity] = {}
        self.redirect: dict[int, Entity] = {}

    def final(self, ent: Entity) -> Entity:
        """The entity `ent` was merged into, or `ent` itself."""
        while id(ent) in self.redirect:
            ent = self.redirect[id(ent)]
        return ent

    # -- naming -----------------------------------------------------------
    def home_name(self, prefix: str) -> str | None:
        """The area a bare 省/市/县/区 of the page refers to, by name (None: not known).

        市 in a county's text is the city above only when the page names that city.
        """
        area = self.gaz.bare(prefix)
        home = self.gaz.home
        if area is None or home is None:
            return None
        if area is not home and prefix == "市" and home.level >= 2 and not home.name.endswith("市") \
                and not any(len(f) >= 2 and f in self.text for f in (area.name, area.short)):
            return None
        return self.written(area)

    def written(self, area: Area) -> str:
        """An area's name as the page writes it: 黔东南州 where the page never writes 黔东南苗族侗族自治州."""
        if area.name not in self.text:
            for form in area.level_forms():
                if form in self.text:
                    return form
        return area.name

    def canonical(self, m: Mention) -> tuple[str, str | None] | None:
        """(canonical name, code) for a mention, None to drop it."""
        if m.type == "Organization" and m.rule == "body":
            return self._body_name(m)
        if m.type == "Place":
            short = _site_without_area(m)
            if short is not None:
                return short, None
        if m.type == "AdministrativeArea" and m.attrs.get("code") in by_code():
            return self.written(by_code()[m.attrs["code"]]), m.attrs["code"]
        return m.label, m.attrs.get("code")

    def _body_name(self, m: Mention) -> tuple[str, None] | None:
        session = m.attrs.get("session")
        written = m.text.replace(session, "", 1) if session else m.text   # 区第十六届人大常委会 -> 区人大常委会
        if m.attrs.get("relative"):
            full = self.home_name(m.attrs["prefix"])
            if full:
                return full + m.attrs["stem"], None
            # 市人大常委会 in a county text that never names its city: left as written
            return (written, None) if m.attrs["prefix"] in UPPER_PREFIXES else None
        prefix = m.attrs["prefix"]
        if not m.text.startswith(prefix):
            return written, None   # 九三学社某市委
        area = self.gaz.lookup(prefix)
        if area is not None and prefix != area.name and area.level <= 1:
            return self.written(area) + m.attrs["stem"], None   # 某州人大 -> 某州市人大
        return prefix + m.attrs["stem"], None       # 长治市市委 -> 长治市委; without the session

    def add(self, etype: str, name: str, code: str | None = None, alias: str | None = None,
            article: Article | None = None) -> Entity:
        key = (etype, name)
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(type=etype, name=name, code=code)
        if alias and alias != name:
            ent.aliases.add(alias)
        if article is not None:
            ent.articles.add(article.id)
        ent.mentions += 1
        return ent

    def entity_of(self, ref: Mention | ImpliedEntity, article: Article) -> Entity | None:
        """The (final) entity a fact's subject or object stands for."""
        if isinstance(ref, ImpliedEntity):
            return self.final(self.add(ref.type, ref.name, alias=ref.alias, article=article))
        return self.final(ref.entity) if ref.entity is not None else None

    def resolve_mention(self, m: Mention, article: Article) -> Entity | None:
        canon = self.canonical(m)
        if canon is None:
            return None
        name, code = canon
        m.name = name
        m.entity = self.add(m.type, name, code, alias=m.text, article=article)
        return m.entity


def merge(resolver: Resolver, src: Entity, dst: Entity) -> None:
    """Fold entity `src` into `dst` (its name becomes an alias)."""
    if src is dst:
        return
    dst.aliases |= src.aliases | {src.name}
    dst.aliases.discard(dst.name)
    dst.mentions += src.mentions
    dst.articles |= src.articles
    dst.titles |= src.titles
    resolver.entities.pop((src.type, src.name), None)
    resolver.redirect[id(src)] = dst


