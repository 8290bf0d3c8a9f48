"""Where does a name start? Walking left from a suffix over jieba tokens.

A name typed by its last word (…有限公司, …公园) ends at the suffix; its
first character is found by walking back over tokens until one that cannot be
part of a name (punctuation, a preposition, a verb, a particle, a time word).
The helpers here then correct the walk with what the sentence already knows:
an area that begins the name, a place name the walk would cut in two, a
preposition jieba glued to the name.
"""
from __future__ import annotations

import bisect
import re

from kg.extract import lexicon as L
from kg.extract.patterns import BARE_LEVEL_WORDS, CONJUNCTIONS, HAN_CHAR, TITLE_AT_END
from kg.extract.recognise.tokens import GLUE_CHARS, cut, glued_prefix, tags
from kg.model import Mention

PUNCT_CHARS = "，。、；：！？“”‘’（）《》()「」『』【】…—-·,.;:!? 　\t"
PUNCT = set(PUNCT_CHARS)
VISIT_VERBS = set(L.VISIT_VERBS)
HARD_STOPS = set("的 了 在 和 与 及 以及 是 为 对 从 由 把 将 被 到 于 等 并 或 位于 来到 走进 前往 随后 其中".split())
ADMIN_TAIL = re.compile(r"(省|市|自治州|州|盟|地区|县|自治县|旗|区|镇|乡|街道|村)$")
FUNCTION_CHARS = GLUE_CHARS   # 到|华胜, 从|市某局: glued by jieba to a name's first characters
COUNTERS = "位名个家所座处户"      # 6位, 3家: what a number counts
NUMERAL = re.compile(r"\d+|[一二三四五六七八九十两几百千]+")
NEVER_ANCHORED = "对"      # 感谢某县|对|某集团: a preposition that no name keeps after its area
TRAILING_FUNCTION_CHARS = "为在到对从把将被于及和与"   # 任命某某|为市…, 某某厂|及…: glued by jieba's HMM to the word before


def _boundary(tok: str, lenient: bool = False, company: bool = False) -> bool:
    """Does this token end a name when walking left? (lenient: only hard stops)"""
    if tok == "·":
        return False  # 甲市·某某产业园
    if not tok.strip() or not tok.strip(PUNCT_CHARS) or tok.isdigit():
        return True
    if lenient:   # only words no company name contains: 的, 在, 和, a visit verb
        return tok in HARD_STOPS or tok in VISIT_VERBS
    if tok in L.STOP_WORDS or tok in VISIT_VERBS or TITLE_AT_END.search(tok):
        return True
    tag = tags().get(tok)
    if tag == "a" and len(tok) == 1:
        return True  # 好, 大: a lone adjective is no part of a name
    if tag == "m" and len(tok) > 1 and not tok.isascii():
        return True  # 两个, 一批: counted things are not names
    if tag in L.BOUNDARY_TAGS and not (company and tok in L.NAME_VERBS):
        return tag != "v" or len(tok) > 1
    return False


def left_edge(tokens: list[str], starts: list[int], pos: int, max_len: int,
              area_ends: set[int], lenient: bool = False, company: bool = False,
              area_starts: frozenset[int] = frozenset()) -> int:
    """Start of the name whose suffix begins at `pos`, walking back over tokens.

    An area that begins a name anchors it: 某区向阳路社区 keeps the preposition-
    like 向 because the walk reached it from a district name.
    """
    k = max(bisect.bisect_right(starts, pos) - 1, 0)
    if starts[k] < pos and _boundary(tokens[k], lenient, company):
        return pos
    begin = starts[k]  # the token holding `pos` belongs to the name (某某港 can be one token)
    while k > 0:
        prev = tokens[k - 1]
        if pos - starts[k - 1] > max_len:
            break
        if prev in ("）", ")") and k >= 3 and tokens[k - 3] in ("（", "(") and tags().get(tokens[k - 2]) == "ns":
            k -= 3       # 中韩（某地）产业园: an area in brackets inside a name
            begin = starts[k]
            continue
        if glued_function_char(prev) or _conjoined_level(prev, k, tokens):
            return starts[k - 1] + 1   # 到华胜, 某某和县|某某管委会: the name starts after 到, 和
        if k >= 2 and prev[0] in COUNTERS and NUMERAL.fullmatch(tokens[k - 2]):
            return starts[k - 1] + 1 if len(prev) > 1 else begin   # 6|位区人民法院: counted, no name's start
        if glued_to_function_char(prev):
            break                      # 任命某某|为市…: a name glued to 为 ends the walk
        if _boundary(prev, lenient, company) and starts[k - 1] not in area_starts:  # 临澧县 is tagged v
            # a single preposition-like char right after a district name is part of the name
            anchored = len(prev) == 1 and tags().get(prev) == "p" and starts[k - 1] in area_ends \
                and prev not in CONJUNCTIONS and prev not in NEVER_ANCHORED   # 某县与某集团, 某县对某集团
            if not anchored:
                break
        k -= 1
        begin = starts[k]
    return begin


def _conjoined_level(word: str, k: int, tokens: list[str]) -> bool:
    """Is token k-1 a conjunction glued to a bare 县/区 (柯某|和县|产业园区管委会: jieba's 和县), after a word?"""
    return len(word) == 2 and word[0] in CONJUNCTIONS and word[1] in BARE_LEVEL_WORDS and k >= 2 \
        and bool(HAN_CHAR.match(tokens[k - 2][-1:]))


def glued_function_char(word: str) -> bool:
    """Does `word` start with a preposition or motion word that forms no word with what follows (到华胜, 从市)?"""
    return len(word) >= 2 and word[0] in FUNCTION_CHARS and not glued_prefix(word[:2])


def glued_to_function_char(word: str) -> bool:
    """Is `word` no word of the dictionary but a character glued to a preposition after it (某舒|为)?"""
    return len(word) >= 2 and word[-1] in TRAILING_FUNCTION_CHARS and tags().get(word) is None


def trim_function_char(text: str, begin: int, end: int) -> int:
    """从市某局 -> 市某局: drop a preposition jieba glued to the name."""
    return begin + 1 if end - begin >= 3 and glued_function_char(text[begin:begin + 2]) else begin


def extend_to_toponym(text: str, begin: int, areas: list[Mention]) -> int:
    """Do not start a name inside a place name the sentence uses: 壶|瓶山茶园 -> 壶瓶山茶园."""
    for a in areas:
        core = ADMIN_TAIL.sub("", a.name or a.text)
        for i in range(1, len(core)):
            if begin - i >= 0 and text.startswith(core, begin - i):
                return begin - i
    return begin


def cut_to_anchor(text: str, begin: int, end: int, anchors: list[Mention], company: bool = False) -> int:
    """Start a name at an area inside it when what precedes the area is not name-like.

    经冷链车运往大丰港 -> 大丰港: the walk crossed a verb that jieba mis-tagged;
    园区运营方某市某某公司 -> 某市某某公司: a company's legal name starts with its area
    unless a group name comes first (某某集团某市某某公司).
    """
    for a in anchors:
        if begin < a.start < end and a.end <= end:
            if any(h.start == begin and h.end == a.start for h in anchors):
                continue      # 某区|经济开发区: an area before the area inside is a prefix of the name
            head = text[begin:a.start]
            if company and not any(h.start == begin for h in anchors) and not head.endswith(("集团", "公司", "·")) \
                    and not re.search(r"[（(]$", head):
                return a.start
            toks = cut(head)
            if any(tags().get(t) in ("v", "vn", "p", "d", None) and t not in L.NAME_VERBS
                   and t.strip() and t not in PUNCT for t in toks):
                return a.start
    return begin
