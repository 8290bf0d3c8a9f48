"""General knowledge of Chinese public life, kept as data files beside this module.

Nothing here is a proper name taken from a page we evaluate on: these are the
words any reader of a Chinese newspaper knows (主任, 民政局, 有限公司, 调研).
Each ``*.txt`` file holds one entry a line (``#`` starts a comment line);
``*.tsv`` files hold two columns. A new visit verb is one line in
``visit_verbs.txt``. Files are read once, when this module is imported.

>>> "调研" in VISIT_VERBS, IMPLIED_BODY["副市长"]
(True, '市政府')
>>> alternation(["市", "市长"])
'市长|市'
"""
from __future__ import annotations

import re
from importlib import resources

_HERE = resources.files(__name__)


class LexiconError(ValueError):
    """A lexicon file that breaks its format (duplicate entry, missing column)."""


def _lines(name: str) -> list[str]:
    text = (_HERE / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def words(name: str) -> tuple[str, ...]:
    """The entries of ``name.txt`` in file order; a duplicate is an error.

    >>> words("democratic_parties")[:2]
    ('民革', '民盟')
    """
    out = _lines(f"{name}.txt")
    seen: set[str] = set()
    for w in out:
        if w in seen:
            raise LexiconError(f"{name}.txt: {w!r} is listed twice")
        seen.add(w)
    return tuple(out)


def chars(name: str) -> frozenset[str]:
    """Every character of ``name.txt`` (files of single characters, many a line)."""
    return frozenset("".join(_lines(f"{name}.txt")))


def table(name: str) -> dict[str, str]:
    """``name.tsv`` as a dict of its first column to its second (which may be empty)."""
    out: dict[str, str] = {}
    for line in (_HERE / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, value = line.partition("\t")
        if not sep or key in out:
            raise LexiconError(f"{name}.tsv: bad or repeated line {line!r}")
        out[key] = value
    return out


def alternation(items) -> str:
    """A regex alternation, longest words first so the longest one wins."""
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))


# --- offices ---------------------------------------------------------------
PARTY_TITLES = words("titles_party")
GOV_TITLES = words("titles_government")
BUSINESS_TITLES = words("titles_business")
OTHER_TITLES = words("titles_other")
TITLES = PARTY_TITLES + GOV_TITLES + BUSINESS_TITLES + OTHER_TITLES
TITLE_PREFIXES = ("代理", "代", "原", "前任")     # 代理县长: acting; 原主任: former


def base_title(title: str) -> str:
    """The office a title names without 代理/代/原/前任 (代理检察长 -> 检察长; 代县长 is listed as it is).

    >>> base_title("代理检察长"), base_title("代县长"), base_title("原主任")
    ('检察长', '代县长', '主任')
    """
    if title in _TITLE_SET:
        return title
    for p in TITLE_PREFIXES:
        if title.startswith(p) and title[len(p):] in _TITLE_SET:
            return title[len(p):]
    return title


def _prefixed(titles) -> frozenset[str]:
    """The titles with their acting and former forms: 县长, 代理县长, 原县长."""
    return frozenset(titles) | {p + t for p in TITLE_PREFIXES for t in titles}


_TITLE_SET = frozenset(TITLES)
IMPLIED_BODY = {p + t: v for t, v in table("implied_bodies").items() for p in ("", *TITLE_PREFIXES)}  # 副市长 -> 市政府
BUSINESS_TITLE_SET = _prefixed(BUSINESS_TITLES)
PARTY_TITLE_SET = _prefixed(PARTY_TITLES)
GOV_TITLE_SET = _prefixed(GOV_TITLES)

# --- bodies ----------------------------------------------------------------
BODY_STEMS = words("body_stems")                 # 市 + 人大常委会
DEMOCRATIC_PARTIES = words("democratic_parties")
BARE_DEPARTMENTS = words("bare_departments")     # 省委常委、宣传部部长
AREA_DEPARTMENTS = frozenset(words("area_departments"))
PARTY_WORK_COMMITTEE = r"委[\u4e00-\u9fff]{1,4}工委"   # 市委X工委: a party working committee by its field
NATIONAL_BODIES = words("national_bodies")
BODY_HEADS = words("body_heads")                 # 市规划资源局: what ends a body's name
TASK_BODY_HEADS = frozenset(("领导小组", "工作组", "指挥部"))     # their names hold verbs: 推进协调领导小组

# --- names typed by their last word ------------------------------------------
ORG_SUFFIXES = words("org_suffixes")
ENTERPRISE_SUFFIXES = words("enterprise_suffixes")
PLACE_SUFFIXES = words("place_suffixes")
ZONE_SUFFIXES = words("zone_suffixes")
GENERIC_SUFFIX_WORDS = frozenset(words("generic_suffix_words"))
SHORT_ZONES = frozenset(words("short_zones"))                    # 新区: needs a proper name before it
NAMED_PLACE_SUFFIXES = frozenset(words("named_place_suffixes"))  # 公园: common words name parks
WEAK_SUFFIXES = {etype: tuple(ws.split()) for etype, ws in table("weak_suffixes").items()}
# words that make a "name" generic rather than proper: 该公司, 多家企业, 各社区, 三家企业
GENERIC_PREFIXES = re.compile(rf"^(?:{'|'.join(words('generic_prefixes'))}|[一二三四五六七八九十\d]+家)")
INDUSTRY_WORDS = frozenset(words("industry_words"))
TRADE_WORDS = INDUSTRY_WORDS | frozenset(words("trade_words"))   # what ends a brand: 某某鞋业
GENERIC_MODIFIERS = frozenset(words("generic_modifiers"))
POLICY_HEADS = words("policy_heads")
REPORT_HEADS = ("报告", "工作报告", "名单", "议程", "请示", "名录")   # documents of a session, named in 《》
CAMPAIGN_HEADS = words("campaign_heads")
UNQUOTED_CAMPAIGN_HEADS = words("unquoted_campaign_heads")

# --- verbs and boundaries ------------------------------------------------------
VISIT_VERBS = words("visit_verbs")
ISSUE_VERBS = words("issue_verbs")
STOP_WORDS = frozenset(words("stop_words"))      # end a name when walking left from a suffix
NAME_VERBS = frozenset(words("name_verbs"))      # verbs inside company names: 某某开发有限公司
BOUNDARY_TAGS = frozenset(words("boundary_tags"))

# --- people --------------------------------------------------------------------
SURNAMES = chars("surnames")
COMPOUND_SURNAMES = words("compound_surnames")
VERB_SECONDS = table("verb_seconds")             # 强 + 调: a name's third character that starts a verb
NAME_FOLLOWERS = frozenset(words("name_followers"))   # 王某|列席: words after a name, not of it
PERSON_LABELS = words("person_labels")           # 县领导李某: officials named without an office
GROUP_ROLES = words("group_roles")               # 组长：李某
# characters that end a name candidate: verbs and particles that follow names
NAME_STOP_CHARS = frozenset("的了在到与及等是说对就将把被从于、，。；：！？“”‘’（）《》—· ")
BYLINE_NON_NAMES = frozenset(words("byline_words"))   # 全媒体|记者, 文/供图: byline words, not names
