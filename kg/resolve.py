"""Stage 6, resolve: turn mentions into entities with canonical names and aliases.

Canonical names are the fullest form the text supports (guideline):
市人大常委会 in a paper of home city X becomes X人大常委会 with the alias 市人大常委会;
short forms of enterprises (某某制药 for 某省某某制药有限公司) and of policies
(《意见》, a title without 关于…的) become aliases of the full name found in
the same page.
"""
from __future__ import annotations

import re
from collections import Counter

from kg import lexicon as L
from kg.gazetteer import Gazetteer
from kg.model import Article, Entity, Mention

LEGAL_TAIL = re.compile(r"(股份有限公司|有限责任公司|有限公司)$")
INDUSTRY_TAILS = sorted(L.INDUSTRY_WORDS | {"鞋业", "储能", "化工", "材料"}, key=len, reverse=True)
COMPANY_TAIL = re.compile(r"(集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|总公司|分公司|公司)$")
POLICY_KEY_DROP = re.compile(r"^关于|的(?=[\u4e00-\u9fff]{1,6}$)|[（(][^（）()]*[)）]$|\s")


def policy_key(name: str) -> str:
    """Compare policy titles without 关于…的 and trailing years.

    >>> policy_key("关于开展某某试点工作的意见") == policy_key("开展某某试点工作意见")
    True
    """
    return POLICY_KEY_DROP.sub("", name)


def _generic_rest(rest: str) -> bool:
    """汽车客运站 after 某县: nothing but a kind of place, so the area stays in the name."""
    from kg.tokens import cut, tags
    return all(tags().get(t) not in ("ns", "nr", "nz", "nt", None) for t in cut(rest))


class Resolver:
    """Collects the entities of one page (or of a whole run)."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.entities: dict[tuple[str, str], Entity] = {}
        self.redirect: dict[int, Entity] = {}

    def final(self, ent: Entity) -> Entity:
        """The entity `ent` was merged into, or `ent` itself."""
        while id(ent) in self.redirect:
            ent = self.redirect[id(ent)]
        return ent

    # -- naming -----------------------------------------------------------
    def home_name(self, prefix: str) -> str | None:
        """The body prefix 市/省 made explicit for the home city."""
        home = self.gaz.home
        if home is None:
            return None
        if prefix == "市":
            return home.name
        if prefix in ("省", "自治区"):
            prov = next((a for a in self.gaz.forms.values() if a.level == 0 and a.code == home.province), None)
            return prov.name if prov else None
        return None

    def canonical(self, m: Mention) -> tuple[str, str | None] | None:
        """(canonical name, code) for a mention, None to drop it."""
        if m.type == "Organization" and m.rule == "body":
            if m.attrs.get("relative"):
                full = self.home_name(m.attrs["prefix"])
                return (full + m.attrs["stem"], None) if full else None
            prefix = m.attrs["prefix"]
            if not m.text.startswith(prefix):
                return m.text, None   # 九三学社某市委
            area = self.gaz.lookup(prefix)
            if area is not None and prefix != area.name and area.level <= 1:
                return area.name + m.attrs["stem"], None   # 某州人大 -> 某州市人大
            return m.text, None
        if m.type == "Place":
            chain, pos = [], m.start
            for a in sorted(m.attrs.get("inner", []), key=lambda a: a.start):
                if a.start == pos and a.type == "AdministrativeArea":
                    chain.append(a)
                    pos = a.end
            if len(chain) > 1 and len(m.text) - (pos - m.start) >= 3 and not _generic_rest(m.text[pos - m.start:]):
                return m.text[pos - m.start:], None   # 某区某街道某某小区 -> 某某小区
            inner = chain[:1]
            rest = m.text[len(inner[0].text):] if inner else ""
            if inner and inner[0].text == inner[0].name and len(rest) >= 3 and not _generic_rest(rest) \
                    and m.text[len(inner[0].text)] != "·" and (inner[0].attrs.get("code") or "")[4:6] not in ("", "00"):
                return m.text[len(inner[0].text):], None   # 某县某某湿地 -> 某某湿地
        return (m.name or m.text), m.attrs.get("code")

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

    def resolve_mention(self, m: Mention, article: Article) -> Entity | None:
        canon = self.canonical(m)
        if canon is None:
            return None
        name, code = canon
        m.name = name
        m.entity = self.add(m.type, name, code, alias=m.text, article=article)
        return m.entity


def link_short_forms(articles: list[Article], resolver: Resolver) -> None:
    """Page-level aliases: enterprise short names, policy variants, campaign suffixes."""
    ents = resolver.entities
    # policies: 《意见》 declared short forms and title variants
    policies = [e for e in ents.values() if e.type == "Policy"]
    by_key: dict[str, Entity] = {}
    for e in sorted(policies, key=lambda e: -len(e.name)):
        k = policy_key(e.name)
        if k in by_key and by_key[k] is not e:
            merge(resolver, e, by_key[k])
        else:
            by_key.setdefault(k, e)
    # enterprises: 某某集团 is the short name of 某某集团有限公司
    firms = {e.name: e for e in ents.values() if e.type == "Enterprise"}
    for name, e in list(firms.items()):
        for tail in ("有限公司", "股份有限公司", "有限责任公司"):
            full = firms.get(name + tail)
            if full is not None and name.endswith("集团"):
                merge(resolver, e, full)
                break
    # campaigns: a name that ends another one's name is its short form
    camps = sorted((e for e in ents.values() if e.type == "Campaign"), key=lambda e: -len(e.name))
    for i, short in enumerate(camps):
        for long in camps[:i]:
            if long.name != short.name and long.name.endswith(short.name) and len(short.name) >= 6 \
                    and (long.type, long.name) in ents:
                merge(resolver, short, long)
                break


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


def enterprise_short_forms(name: str, gaz: Gazetteer) -> list[str]:
    """Short names a paper uses for a registered company name.

    >>> from kg.gazetteer import Gazetteer
    >>> enterprise_short_forms("山西某某制药有限公司", Gazetteer.for_city(None))
    ['某某制药', '山西某某制药']
    >>> enterprise_short_forms("浙江某某储能集团有限公司", Gazetteer.for_city(None))[-2:]
    ['某某储能集团', '某某集团']
    """
    core = COMPANY_TAIL.sub("", name)
    if "集团" in core[:-2]:
        core = core[core.index("集团") + 2:]
    forms = []
    stripped = core
    for n in (3, 2, 4):  # drop a leading area name: 某省, 某市, 某某县
        head = stripped[:n]
        if gaz.lookup(head):
            stripped = stripped[n:]
            break
    if len(stripped) >= 3:
        forms.append(stripped)
    brand = stripped
    while brand and any(brand.endswith(w) for w in INDUSTRY_TAILS):
        brand = brand[: -max(len(w) for w in INDUSTRY_TAILS if brand.endswith(w))]
    if 3 <= len(brand) < len(stripped) and "集团" not in brand:
        forms.append(brand)           # 某某特材 for 某市某某特材科技股份有限公司
    if core != name and core != stripped and len(core) >= 4:
        forms.append(core)
    if "集团" in name and not name.endswith("集团"):
        group = LEGAL_TAIL.sub("", name)
        if group.endswith("集团"):
            body = group[:-2]
            for n in (3, 2, 4):          # 浙江某某储能集团 -> 某某储能集团, 某某集团
                if gaz.lookup(body[:n]):
                    body = body[n:]
                    break
            forms.append(body + "集团")
            brand = body
            while brand and any(brand.endswith(w) for w in INDUSTRY_TAILS):
                brand = brand[: -max(len(w) for w in INDUSTRY_TAILS if brand.endswith(w))]
            if 2 <= len(brand) < len(body):
                forms.append(brand + "集团")
    return [f for f in dict.fromkeys(forms) if len(f) >= 3]


def count_weak_campaigns(articles: list[Article]) -> Counter:
    """How often each unquoted campaign name occurs on the page."""
    text = "".join(s.text for a in articles for s in a.all_sentences)
    names = {m.text for a in articles for s in a.all_sentences for m in s.mentions
             if m.type == "Campaign" and m.attrs.get("weak")}
    return Counter({n: text.count(n) for n in names})
