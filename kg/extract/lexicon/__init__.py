"""General knowledge of Chinese public life, kept as data files beside this module.

Nothing here is a proper name taken from a page we evaluate on: these are the
words any reader of a Chinese newspaper knows (主任, 民政局, 有限公司, 调研).
Each ``*.txt`` file holds one entry a line (``#`` starts a comment line);
``*.tsv`` files hold two columns. A new visit verb is one line in
``visit_verbs.txt``. Files are read once, when this module is imported.
A user's own words (:mod:`kg.extract.user_lexicon`: the files ``KG_LEXICONS``
names) are added to the lists they extend, and their proper names are
:data:`USER_NAMES`.

>>> "调研" in VISIT_VERBS, IMPLIED_BODY["副市长"]
(True, '市政府')
>>> alternation(["市", "市长"])
'市长?'
"""
from __future__ import annotations

import re
from importlib import resources

from kg.extract import user_lexicon as user

_HERE = resources.files(__name__)


class LexiconError(ValueError):
    """A lexicon file that breaks its format (duplicate entry, missing column)."""


def _lines(name: str) -> list[str]:
    text = (_HERE / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def words(name: str) -> tuple[str, ...]:
    """The entries of ``name.txt`` in file order, then the user's; a duplicate in the file is an error.

    >>> words("democratic_parties")[:2]
    ('民革', '民盟')
    """
    out = _lines(f"{name}.txt")
    seen: set[str] = set()
    for w in out:
        if w in seen:
            raise LexiconError(f"{name}.txt: {w!r} is listed twice")
        seen.add(w)
    return tuple(out) + tuple(w for w in user.extending(name) if w not in seen)


def chars(name: str) -> frozenset[str]:
    """Every character of ``name.txt`` (files of single characters, many a line), and the user's."""
    return frozenset("".join(_lines(f"{name}.txt")) + "".join(user.extending(name)))


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
    """A regex that matches any of the words, the longest one first: the words as a trie.

    At a given position, the words that match are prefixes of one another,
    so they lie on one path of the trie; greedy ``?`` tries the longer word
    before the shorter, as ``longest|longer|long`` would, in any context and
    on backtracking. The engine reads one branch per character instead of
    trying every word (a hundred titles: a hundred tries at each position).

    >>> alternation(["市", "市长"]), alternation(["副市长", "副县长", "市长"])
    ('市长?', '(?:副(?:县长|市长)|市长)')
    """
    trie: dict = {}
    for word in set(items):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[WORD_END] = {}
    return _trie_regex(trie)


WORD_END = ""    # the key of a trie node's child that marks the end of a word


def _trie_regex(node: dict) -> str:
    """The regex of a trie node: its branches, then (``?``) nothing if a word ends here."""
    children = sorted((ch, sub) for ch, sub in node.items() if ch != WORD_END)
    leaves = [re.escape(ch) for ch, sub in children if list(sub) == [WORD_END]]   # end here, go no further
    longer = [re.escape(ch) + _trie_regex(sub) for ch, sub in children if list(sub) != [WORD_END]]
    leaf = leaves[0] if len(leaves) == 1 else f"[{''.join(leaves)}]" if leaves else None   # one atom
    branches = longer + ([leaf] if leaf else [])
    optional = "?" if WORD_END in node else ""
    if not branches:
        return ""
    if len(branches) == 1 and (not optional or not longer):
        return branches[0] + optional       # a run of characters, or one atom made optional
    return f"(?:{'|'.join(branches)})" + optional


# --- offices ---------------------------------------------------------------
PARTY_TITLES = words("titles_party")
GOV_TITLES = words("titles_government")
BUSINESS_TITLES = words("titles_business")
OTHER_TITLES = words("titles_other")
TITLES = PARTY_TITLES + GOV_TITLES + BUSINESS_TITLES + OTHER_TITLES
ACTING_PREFIXES = ("代理", "代")                 # 代理县长: acting
FORMER_PREFIXES = ("原", "前任")                 # 原主任: former
TITLE_PREFIXES = ACTING_PREFIXES + FORMER_PREFIXES
TITLE_SET = frozenset(TITLES)


def _prefixed(titles) -> frozenset[str]:
    """The titles with their acting and former forms: 县长, 代理县长, 原县长."""
    return frozenset(titles) | {p + t for p in TITLE_PREFIXES for t in titles}


IMPLIED_BODY = {p + t: v for t, v in table("implied_bodies").items() for p in ("", *TITLE_PREFIXES)}  # 副市长 -> 市政府
BUSINESS_TITLE_SET = _prefixed(BUSINESS_TITLES)
PARTY_TITLE_SET = _prefixed(PARTY_TITLES)
GOV_TITLE_SET = _prefixed(GOV_TITLES)
DEPARTMENT_TITLES = table("department_titles")   # 组织部长 after 某委常委: the head of 某委组织部

# --- bodies ----------------------------------------------------------------
BODY_STEMS = words("body_stems")                 # 市 + 人大常委会
BODY_STEM_SET = frozenset(BODY_STEMS)
DEMOCRATIC_PARTIES = words("democratic_parties")
BARE_DEPARTMENTS = words("bare_departments")     # 省委常委、宣传部部长
AREA_DEPARTMENTS = frozenset(words("area_departments"))
PARTY_WORK_COMMITTEE = r"委[\u4e00-\u9fff]{1,4}工委"   # 市委X工委: a party working committee by its field
NATIONAL_BODIES = words("national_bodies")
BODY_HEADS = words("body_heads")                 # 市规划资源局: what ends a body's name
TASK_BODY_HEADS = frozenset(("领导小组", "工作组", "指挥部"))     # their names hold verbs: 推进协调领导小组
NOT_BODY_WORDS = words("not_body_words")          # 服务大局: a body head that ends an ordinary word
SITE_BODIES = words("site_bodies")               # 某县 + 行政中心: a body named by its site

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
ONE_CHAR_VERBS = table("name_verbs_one_char")    # 作 + 报: a one-character verb right after a name
TRANSLITERATION_CHARS = chars("transliteration_chars")   # 阿某日根某雅: names beyond three characters
ACTING_VERBS = words("acting_verbs")             # 王某区长|主持: a name, a title, then what they do
NAME_FOLLOWERS = frozenset(words("name_followers"))   # 王某|列席: words after a name, not of it
PERSON_LABELS = words("person_labels")           # 县领导李某: officials named without an office
GROUP_ROLES = words("group_roles")               # 组长：李某
NOT_NAMES = words("not_names")                   # 班子, 应邀: words after a title that are no name
# characters that end a name candidate: verbs and particles that follow names
NAME_STOP_CHARS = frozenset("的了在到赴与及等是说对就将把被从于、，。；：！？“”‘’（）《》—· ")
BYLINE_NON_NAMES = frozenset(words("byline_words"))   # 全媒体|记者, 文/供图: byline words, not names

# --- documents and their scopes --------------------------------------------------
SCOPE_VERBS = words("scope_verbs")               # 关于调整|命名|同意 某县…: the title's area is its scope
SCOPE_LABEL_HEADS = words("scope_labels")        # 禁放区域：, 实施范围：: a scope clause follows

# --- visits and the lists they name ------------------------------------------------
VISIT_LIST_VERBS = words("visit_list_verbs")     # 先后来甲村, 访问了乙公司: visit verbs beyond visit_verbs
SUPERVISING_VERBS = frozenset(words("supervising_verbs"))   # 督导, 调研: their object is work, not a place
DAO_COMPOUNDS = words("dao_compounds")   # 关系到, 落实到: 到 that is no visit (a tuple: str.endswith takes it)
VISIT_GROUPS = words("visit_groups")             # 调研组, 督查组: the groups an official leads
LISTED_HEADS = {t: tuple(ws.split()) for t, ws in table("listed_heads").items()}   # 甲村、乙工贸: last words of list items
LIST_KINDS = {t: tuple(ws.split()) for t, ws in table("list_kinds").items()}       # 甲、乙等企业: the list's kind
LIST_ENDS = words("list_ends")                   # 来到甲工贸|了解: words that end a list item
AREA_KINDS = frozenset(words("area_kinds"))      # 城中|村, 移民|村: kinds of villages and towns

# --- the user's proper names, by entity type ------------------------------------------
USER_NAMES = user.names()                        # {'Enterprise': ('青禾科技',)}: found wherever they are written
USER_PEOPLE = (*USER_NAMES.get("Official", ()), *USER_NAMES.get("Person", ()))   # settle a name's length

# --- where things are ----------------------------------------------------------------
ENCLOSING_SITES = words("enclosing_sites")       # 某某生态园 + 某某湿地公园: the site the second lies in
INSTITUTION_HEADS = words("institution_heads")   # 某县博物馆: an area in an official name locates nothing
