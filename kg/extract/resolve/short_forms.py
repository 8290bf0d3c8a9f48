"""Short forms a page uses for a name it gives in full, folded into the full name.

- enterprises: 某某制药 for 某省某某制药有限公司, 某某集团 for 某某集团有限公司;
- policies: 《意见》 (a declared short form), a title without 关于…的;
- campaigns: a name that ends another one's name.
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.recognise.gazetteer import Gazetteer
from kg.extract.recognise.tokens import cut
from kg.extract.resolve.entities import Resolver, merge
from kg.model import Article, Entity
from kg.extract.patterns import GROUP_BODY, GROUP_WORD, HAN

TRADE_TAILS = tuple(sorted(L.TRADE_WORDS, key=len, reverse=True))   # longest first
# a registered company's legal ending; 某某集团 is short for 某某集团 + the first of them the page has
LEGAL_SUFFIXES = ("有限公司", "股份有限公司", "有限责任公司")
LEGAL_SUFFIX_END = re.compile(f"(?:{'|'.join(LEGAL_SUFFIXES)})$")     # the whole ending, the longest
COMPANY_FORM_END = re.compile(r"(集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|总公司|分公司|公司)$")
POLICY_KEY_DROP = re.compile(rf"^关于|的(?=[{HAN}]{{1,6}}$)|[（(][^（）()]*[)）]$|\s")
SITE_ENDS = tuple(w for w in L.PLACE_SUFFIXES if w.endswith(("园", "园区", "基地")))
BRACKETED_GROUP = re.compile(rf"^([{HAN}]{{2,12}})[（(]集团[)）](?:股份)?有限(?:责任)?公司$")   # 某某(集团)有限公司
AREA_PREFIX_LENGTHS = (3, 2, 4)         # 某某市 / 某省 / 某某新区: tried in this order
MIN_SHORT_FORM = 3
INITIALS_LENGTH = 4                      # 某投集团: two initials and 集团
MIN_CAMPAIGN_SHORT = 6
# short and full forms of one name's ending: the fullest form the page gives names the body or zone
FULLER_FORMS = {"Organization": (("检察院", "人民检察院"), ("法院", "人民法院")),
                "AdministrativeArea": (("高新区", "高新技术产业开发区"), ("高新区", "高新技术开发区"),
                                       ("经开区", "经济技术开发区"), ("经开区", "经济开发区"))}


def policy_key(name: str) -> str:
    """Compare policy titles without 关于…的 and trailing years.

    >>> policy_key("关于开展某某试点工作的意见") == policy_key("开展某某试点工作意见")
    True
    """
    return POLICY_KEY_DROP.sub("", name)


def _fold_fuller(resolver: Resolver) -> None:
    """某区检察院 into 某区人民检察院, 某市高新区 into 某市高新技术产业开发区, where the page has both."""
    for etype, pairs in FULLER_FORMS.items():
        named = {e.name: e for e in resolver.entities.values() if e.type == etype}
        for name, e in named.items():
            fuller = next((named[name[: -len(short)] + full] for short, full in pairs
                           if name.endswith(short) and name[: -len(short)] + full in named), None)
            if fuller is not None:
                merge(resolver, e, fuller)


def _fold_initials(resolver: Resolver, firms: dict[str, Entity]) -> None:
    """某投集团 into 某西投资集团有限公司: a group named by the first characters of its words, where
    the page names exactly one group it abbreviates."""
    for name, e in firms.items():
        if not name.endswith(GROUP_WORD) or len(name) != INITIALS_LENGTH:
            continue
        fulls = [f for n, f in firms.items() if n != name and n.startswith(name[0]) and LEGAL_SUFFIX_END.search(n)
                 and group_initials(n) == name]
        if len(fulls) == 1 and (e.type, e.name) in resolver.entities:
            merge(resolver, e, fulls[0])


def _fold_bracketed_groups(resolver: Resolver, firms: dict[str, Entity]) -> None:
    """某某集团 into 上海某某(集团)有限公司, the group's legal name with 集团 in brackets."""
    for name, full in firms.items():
        if not BRACKETED_GROUP.match(name):
            continue
        for short in enterprise_short_forms(name, resolver.gaz):
            e = firms.get(short)
            if e is not None and e is not full and (e.type, e.name) in resolver.entities:
                merge(resolver, e, full)


def _fold_area_prefixed(resolver: Resolver, firms: dict[str, Entity]) -> None:
    """某某农业发展有限公司 into 某县某某农业发展有限公司: the same legal name, once with its area before it."""
    for name, e in firms.items():
        for full, f in firms.items():
            if f is not e and len(full) > len(name) and full.endswith(name) and LEGAL_SUFFIX_END.search(name) \
                    and resolver.gaz.lookup(full[:-len(name)]) is not None and (e.type, e.name) in resolver.entities:
                merge(resolver, e, f)
                break


def link_short_forms(articles: list[Article], resolver: Resolver) -> None:
    """Page-level aliases: enterprise short names, policy variants, campaign suffixes."""
    ents = resolver.entities
    by_key: dict[str, Entity] = {}
    for e in sorted((e for e in ents.values() if e.type == "Policy"), key=lambda e: -len(e.name)):
        k = policy_key(e.name)
        if k in by_key and by_key[k] is not e:
            merge(resolver, e, by_key[k])
        else:
            by_key.setdefault(k, e)
    firms = {e.name: e for e in ents.values() if e.type == "Enterprise"}
    for name, e in list(firms.items()):        # 某某集团 is the short name of 某某集团有限公司
        for tail in LEGAL_SUFFIXES:
            full = firms.get(name + tail)
            if full is not None and name.endswith("集团"):
                merge(resolver, e, full)
                break
    _fold_initials(resolver, firms)
    _fold_area_prefixed(resolver, firms)
    _fold_bracketed_groups(resolver, firms)
    _fold_fuller(resolver)
    _fold_endings(resolver, [e for e in ents.values() if e.type == "Campaign"])
    _fold_endings(resolver, [e for e in ents.values() if e.type == "Organization" and GROUP_BODY.search(e.name)])


def _fold_endings(resolver: Resolver, named: list[Entity]) -> None:
    """A campaign or a leading group named by the end of a longer name of the page (某某工作领导小组 of
    中共某县委某某工作领导小组) is that one."""
    named = sorted(named, key=lambda e: -len(e.name))
    for i, short in enumerate(named):
        for long in named[:i]:
            if long.name != short.name and long.name.endswith(short.name) and len(short.name) >= MIN_CAMPAIGN_SHORT \
                    and (long.type, long.name) in resolver.entities:
                merge(resolver, short, long)
                break


def _drop_area(core: str, gaz: Gazetteer) -> str:
    """某市某某特材 -> 某某特材: a leading area name off."""
    for n in AREA_PREFIX_LENGTHS:
        if gaz.lookup(core[:n]):
            return core[n:]
    return core


def _brand(core: str) -> str:
    """某某特材科技 -> 某某特材: trade words off the end."""
    while core and core.endswith(TRADE_TAILS):
        core = core[: -next(len(w) for w in TRADE_TAILS if core.endswith(w))]     # the longest it ends with
    return core


def group_initials(name: str) -> str | None:
    """The group's name by the first character of each of its two words, None if it has no such name.

    >>> group_initials("青禾投资集团有限公司"), group_initials("青禾集团")
    ('青投集团', None)
    """
    group = LEGAL_SUFFIX_END.sub("", name)
    if name.endswith(GROUP_WORD) or not group.endswith(GROUP_WORD):
        return None
    words = cut(group[:-len(GROUP_WORD)])
    if len(words) != 2 or any(len(w) < 2 for w in words):
        return None
    return "".join(w[0] for w in words) + GROUP_WORD


def enterprise_short_forms(name: str, gaz: Gazetteer) -> list[str]:
    """Short names a paper uses for a registered company name.

    >>> enterprise_short_forms("山西某某制药有限公司", Gazetteer.of(None))
    ['某某制药', '山西某某制药']
    >>> enterprise_short_forms("浙江某某储能集团有限公司", Gazetteer.of(None))[-2:]
    ['某某储能集团', '某某集团']
    >>> enterprise_short_forms("青禾投资集团有限公司", Gazetteer.of(None))[-1]
    '青投集团'
    >>> enterprise_short_forms("上海青禾中华造船(集团)有限公司", Gazetteer.of(None))
    ['青禾中华造船集团', '上海青禾中华造船集团', '青禾中华']
    """
    bracketed = BRACKETED_GROUP.match(name)
    if bracketed:                    # 上海某某(集团)有限公司 -> 某某集团, 上海某某集团
        core = _drop_area(bracketed[1], gaz)
        forms = (core + GROUP_WORD, bracketed[1] + GROUP_WORD, _brand(core))
        return [f for f in dict.fromkeys(forms) if len(f) >= MIN_SHORT_FORM]
    core = COMPANY_FORM_END.sub("", name)
    if "集团" in core[:-2]:
        core = core[core.index("集团") + 2:]
    forms = []
    stripped = _drop_area(core, gaz)
    if len(stripped) >= MIN_SHORT_FORM:
        forms.append(stripped)
    brand = _brand(stripped)
    if MIN_SHORT_FORM <= len(brand) < len(stripped) and "集团" not in brand:
        forms.append(brand)           # 某某特材 for 某市某某特材科技股份有限公司
    if core != name and core != stripped and len(core) >= 4:
        forms.append(core)
    group = LEGAL_SUFFIX_END.sub("", name)
    if "集团" in name and not name.endswith("集团") and group.endswith("集团"):
        body = _drop_area(group[:-2], gaz)      # 浙江某某储能集团 -> 某某储能集团, 某某集团
        forms.append(body + "集团")
        brand = _brand(body)
        if 2 <= len(brand) < len(body):
            forms.append(brand + "集团")
        forms.append(group_initials(name) or "")
    # 某区某某园区 of 某区某某园区公司: the park the firm runs is a site, no short name of the firm
    return [f for f in dict.fromkeys(forms) if len(f) >= MIN_SHORT_FORM and not f.endswith(SITE_ENDS)]
