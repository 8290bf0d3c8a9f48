"""Stage 6, resolve: turn mentions into entities with canonical names and aliases.

Canonical names are the fullest form the text supports (guideline):
市人大常委会 in a paper of home city X becomes X人大常委会 with the alias 市人大常委会;
a site written after its county (某县某某湿地) is named without it. The
:class:`Resolver` holds the entities of one page; :func:`merge` folds one
entity into another (its name becomes an alias).
"""
from __future__ import annotations

from kg.extract.patterns import BARE_LEVEL_WORDS
from kg.extract.recognise.areas import Area, by_code, former_names, zone_forms
from kg.extract.recognise.gazetteer import Gazetteer, code_level
from kg.extract.recognise.tokens import PROPER_TAGS, cut, tags
from kg.model import Article, Entity, ImpliedEntity, Mention

UPPER_PREFIXES = ("省", "市", "州", "自治区")   # one referent a text: a body of them is kept as written
GOVERNMENT_FORMS = {"人民政府": "政府", "人民政府办公室": "政府办公室", "人民政府办": "政府办",
                    "人民代表大会常务委员会": "人大常委会"}
CONGRESS_SHORT, CONGRESS = "人大", "人民代表大会"
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


def _stem_name(stem: str, session: str | None = None) -> str:
    """A government is named 某县政府, its office 某县政府办公室, however the text writes them (guideline);
    its other units as written (某县人民政府森林防火指挥部). 人大 with a term (县八届人大) is the congress
    itself, 某县人民代表大会; without one it is often the standing committee, and stays 人大.

    >>> _stem_name("人民政府"), _stem_name("人民政府办公室"), _stem_name("人民政府办公厅"), _stem_name("人民检察院")
    ('政府', '政府办公室', '人民政府办公厅', '人民检察院')
    >>> _stem_name("人大", "八届"), _stem_name("人大")
    ('人民代表大会', '人大')
    """
    if session and stem == CONGRESS_SHORT:
        return CONGRESS
    return GOVERNMENT_FORMS.get(stem, stem)


class Resolver:
    """Collects the entities of one page (or of a whole run)."""

    def __init__(self, gaz: Gazetteer, text: str = "", home_as_given: str | None = None):
        self.gaz = gaz
        self.text = text          # the page: is the city above a county home named on it?
        self.home_as_given = home_as_given      # --home 水城县: the home's name as the user writes it
        self.entities: dict[tuple[str, str], Entity] = {}
        self.redirect: dict[int, Entity] = {}
        self._written: dict[Area, str] = {}

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
        """An area's name as the page writes it: 黔东南州 where the page never writes 黔东南苗族侗族自治州,
        某市高新区 where it never writes 某市高新技术产业开发区 (looked up once a page: the page is long)."""
        try:
            return self._written[area]
        except KeyError:
            found = self._written[area] = self._written_form(area)
            return found

    def _written_form(self, area: Area) -> str:
        if area.name not in self.text:
            for form in (*former_names(area), *area.level_forms(), *zone_forms(area)):
                if form in self.text or form == self.home_as_given and area is self.gaz.home:
                    return form           # 黔东南州; 淮阳县 in a page from before it became 淮阳区
        return area.name

    def canonical(self, m: Mention) -> tuple[str, str | None] | None:
        """(canonical name, code) for a mention, None to drop it."""
        if m.type == "Organization" and m.rule == "body":
            return self._body_name(m)
        if m.type == "Place":
            short = _site_without_area(m)
            if short is not None:
                return short, None
        label = m.label
        if m.type in ("Enterprise", "Place") and label[:1] in BARE_LEVEL_WORDS and len(label) > MIN_SITE_REST + 1 \
                and (home := self.home_name(label[0])):
            return home + label[1:], None       # 县某某农业发展有限公司, 省某某公司: the home's (its province's)
        if m.type == "AdministrativeArea" and m.attrs.get("code") in by_code():
            return self.written(by_code()[m.attrs["code"]]), m.attrs["code"]
        return m.label, m.attrs.get("code")

    def _body_name(self, m: Mention) -> tuple[str, None] | None:
        session = m.attrs.get("session")
        written = m.text.replace(session, "", 1) if session else m.text   # 区第九届人大常委会 -> 区人大常委会
        if m.attrs.get("relative"):
            full = self.home_name(m.attrs["prefix"])
            if full:
                return full + _stem_name(m.attrs["stem"], session), None
            if m.attrs.get("area_name"):      # 某县委书记甲，县委副书记乙 in a city's paper: that county's
                return m.attrs["area_name"] + _stem_name(m.attrs["stem"], session), None
            # 市人大常委会 in a county text that never names its city: left as written
            return (written, None) if m.attrs["prefix"] in UPPER_PREFIXES else None
        prefix = m.attrs["prefix"]
        if not m.text.startswith(prefix) and not m.attrs.get("prefix_elsewhere"):
            return written, None   # 九三学社某市委 (but 政协某县委员会, 某县公安局、|司法局 are named from the area)
        area = self.gaz.lookup(prefix)
        if area is not None and prefix != area.name and area.level <= 1:
            return self.written(area) + m.attrs["stem"], None   # 某州人大 -> 某州市人大
        if m.attrs.get("area_code") in by_code() and by_code()[m.attrs["area_code"]].level >= 2:
            prefix = self.written(by_code()[m.attrs["area_code"]])   # 宁波市鄞州区 + 政府 -> 鄞州区政府
        elif m.attrs.get("prefix_name") and (area is None or area.is_zone):
            prefix = m.attrs["prefix_name"]           # 高新区党工委 of a 台州 page: 台州高新区党工委
        return prefix + _stem_name(m.attrs["stem"], session), None   # 台州市市委 -> 台州市委; without the session

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


