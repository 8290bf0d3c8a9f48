"""Person names after a title: how long is the name in 主任王某某到…?

Chinese names are a surname (one character, or two for 欧阳 and the like)
and one or two given characters, written without spaces, so the end of the
name must be decided from evidence: how often each length recurs in the
article, and characters that cannot end a name (到, 在, 说, 强调 …).
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import HAN, TITLE_RE
from kg.extract.recognise.tokens import tags

# surnames that are prepositions too: 由王某兼任, 向李某颁奖
NAME_PREPOSITIONS = set("由向从经将对与和及为被把给让据到于同")
CONJUNCTION_SURNAMES = set("和与及")      # 主席团成员和大会…: a conjunction, not a surname
AS = "为"                                # 某某|为秘书长
AND = "和"                               # a given character too (王和平), so it ends a name only before a body
AREA_WORDS = tuple("省市县区州旗镇乡")     # the bare area word a body after 和 starts with
ASPECT = re.compile("了(?!解)|着|过(?!问|程)")     # 通报|了: a verb, not a name, stands before 了/着/过
DEPUTY_MARKS = "副代"                  # 王某|副主席, 王某|代市长: the mark starts the title, not part of the name
NOT_NAMES = (*L.GROUP_ROLES, *L.PERSON_LABELS, *L.TITLES, *L.NOT_NAMES,
             *L.VISIT_VERBS, *L.SUPERVISING_VERBS)    # 县长督导…, 书记调研…: a verb after the title
HAN_WORD = re.compile(f"[{HAN}]+")
TRANSLITERATED = re.compile(rf"[{HAN}]{{4,6}}(?=[、，。；：\s]|$)")
NAME_DOTS = "·•・‧"                  # the middle dot between the parts of a name from another language
MIN_LAST_PART = 2                    # characters after the last dot of a name
DOTTED = re.compile(rf"[{HAN}]{{1,7}}(?:[{NAME_DOTS}][{HAN}]{{1,8}}){{1,3}}")   # 阿某·某某江
USER_PEOPLE = re.compile(L.alternation(L.USER_PEOPLE)) if L.USER_PEOPLE else None   # people of the user's lexicons
SURNAME_INITIALS = L.SURNAMES | {w[0] for w in L.COMPOUND_SURNAMES}   # where surname_len can be > 0
# jieba tags of a word that cannot be the end of a name: 先后 (d), 一行 (m), 列席 (v), 在 (p)
FUNCTION_WORD_TAGS = {"d", "p", "c", "u", "v", "vd", "vn", "m", "q", "t", "f", "r", "ad", "y"}
FOLLOWERS = tuple(L.NAME_FOLLOWERS)     # for str.startswith


def surname_len(text: str, pos: int) -> int:
    """Length of the surname at `pos`, 0 if none.

    >>> surname_len("欧阳某某", 0), surname_len("王某", 0), surname_len("的确", 0)
    (2, 1, 0)
    """
    if text[pos:pos + 2] in L.COMPOUND_SURNAMES:
        return 2
    return 1 if pos < len(text) and text[pos] in L.SURNAMES else 0


def _cuts_word(text: str, pos: int) -> bool:
    """Do the characters from `pos` start a function word or verb (王某|先后, 李某|一行, 张某|列席)?"""
    word = text[pos:pos + 2]
    return word in L.NAME_FOLLOWERS or tags().get(word) in FUNCTION_WORD_TAGS


def _follower_after_long(text: str, pos: int, long: str, short: str) -> bool:
    """Does a word that follows names (出席, 主持) stand after `long`, and none after `short`, whose
    third character is no function word by itself (王某|又出席: 又 is an adverb)?

    >>> _follower_after_long("柯永高出席", 0, "柯永高", "柯永"), _follower_after_long("柯某又出席", 0, "柯某又", "柯某")
    (True, False)
    """
    return text.startswith(FOLLOWERS, pos + len(long)) \
        and not text.startswith(FOLLOWERS, pos + len(short)) and tags().get(long[-1]) not in FUNCTION_WORD_TAGS


def _word_not_name(cand: str) -> bool:
    """Is the two-character candidate a function word or verb of jieba's dictionary (强调, 充分)?"""
    return len(cand) == 2 and tags().get(cand) in FUNCTION_WORD_TAGS


def not_a_name(text: str, pos: int, listed: bool = False) -> bool:
    """A word that starts with a surname but is none: 成员, 领导, a title; 由/向 before a name (由王某兼任),
    but for an item of a list of names (于某强、王某)."""
    if text.startswith(NOT_NAMES, pos) or text[pos] in CONJUNCTION_SURNAMES:
        return True
    return not listed and text[pos] in NAME_PREPOSITIONS and surname_len(text, pos + 1) > 0 and text[pos + 1] != text[pos]


def _candidates(text: str, pos: int, s: int, spaces: frozenset[int]) -> list[str]:
    """Names of 2 and 1 given characters at `pos` that break no rule of form.

    A name does not run over a space of the source, but for a two-character name
    padded to the width of three (赵 某).
    """
    cands = []
    for given in (2, 1):
        cand = text[pos:pos + s + given]
        if len(cand) != s + given or not HAN_WORD.fullmatch(cand) or not L.NAME_STOP_CHARS.isdisjoint(cand[s:]):
            continue
        inside = [i for i in range(pos + 1, pos + len(cand)) if i in spaces]
        if inside and not (len(cand) == 2 and inside == [pos + 1]):
            continue
        cands.append(cand)
    return cands


def person_name(text: str, pos: int, doc_text: str, spaces: frozenset[int] = frozenset(),
                tagged: dict[int, int] | None = None) -> str | None:
    """The name starting at `pos` (right after a title), or None.

    `spaces` are the offsets a space of the source stood before (list layouts:
    张某 副市长); `tagged` maps the start of each name the statistical tagger
    found to its end, which settles the length when it agrees on the start.

    >>> person_name("主任王大明到会。王大明说", 2, "主任王大明到会。王大明说")
    '王大明'
    >>> person_name("书记李强强调", 2, "书记李强强调")
    '李强'
    >>> person_name("主任王某先后来到", 2, "主任王某先后来到")
    '王某'
    >>> person_name("成员王某副局长", 2, "成员王某副局长", spaces=frozenset({4}))
    '王某'
    >>> person_name("副书记王某区长陪同", 3, "副书记王某区长陪同")
    '王某'
    """
    if USER_PEOPLE is not None and (known := USER_PEOPLE.match(text, pos)):
        return known[0]       # a name of the user's lexicons: its length is known
    dotted = _dotted_name(text, pos)
    if dotted:
        return dotted         # 县长阿某·某某江: the dot joins the parts, whatever the first character
    s = surname_len(text, pos)
    if not s or not_a_name(text, pos):
        return None
    long_name = TRANSLITERATED.match(text, pos)
    if long_name and all(c in L.TRANSLITERATION_CHARS for c in long_name[0][s:]):
        return long_name[0]   # 统战部长阿某日根某雅，: a name spelled from another language, up to the comma
    cands = [c for c in _candidates(text, pos, s, spaces) if not ASPECT.match(text, pos + len(c))]
    if cands and _word_not_name(cands[-1]):
        return None           # 市长|强调, 副主席|充分肯定: a verb or adverb of the dictionary, no name
    if len(cands) <= 1:
        return cands[0] if cands else None
    return _longer_or_shorter(text, pos, *cands, doc_text, spaces, tagged)


def _longer_or_shorter(text: str, pos: int, long: str, short: str, doc_text: str, spaces: frozenset[int],
                       tagged: dict[int, int] | None) -> str:
    """Which of the two candidates at `pos` (of 3 and 2 characters, or 4 and 3) is the name."""
    if long[-1] == AND and text[pos + len(long):pos + len(long) + 1] in AREA_WORDS:
        return short          # 柯某|和市人大…: 和 joins the next body (but 易某和|书记 is a name)
    if long[-1] == AS and TITLE_RE.match(text, pos + len(long)):
        return short          # 选举甲为…副主席，柯某|为秘书长: 为 before the office it gives
    n_long, n_short = doc_text.count(long), doc_text.count(short)
    if pos + len(short) in spaces:
        return short          # 王某 副市长
    if pos + len(long) in spaces:
        return long
    if _follower_after_long(text, pos, long, short):
        return long           # 某永高|出席: the word after the longer form follows names; 高出 is only a verb
    after = text[pos + len(long):pos + len(long) + 1]
    if after and after in L.ONE_CHAR_VERBS.get(long[-1], ""):
        return short          # 王某|作关于…的说明: the third character is a verb
    if TITLE_RE.match(text, pos + len(short)) and (not TITLE_RE.match(text, pos + len(long))
                                                   or long[-1] in DEPUTY_MARKS):
        return short          # 王某|区长: the title's first character is not the name's; 王某|副主席
    if _cuts_word(text, pos + len(short)) and not _cuts_word(text, pos + len(long)) \
            and _recurs_only_before(long, n_long, text[pos + len(long):pos + len(long) + 1], doc_text):
        return short          # 王某先后… 王某先后…: the longer form only ever stands before the same character
    if n_long >= 2 and n_long >= n_short - 1:
        return long           # 柯某之 … 柯某之: the longer form recurs as often as the shorter one
    if _cuts_word(text, pos + len(long)) and not _cuts_word(text, pos + len(short)):
        return long           # 柯某之|陪同: the word after the longer form is a verb
    if (tagged or {}).get(pos) == pos + len(long):
        return long           # the tagger reads the longer name (the rules would cut 李强|强调 short)
    if _cuts_word(text, pos + len(short)):
        return short          # 王某先后
    return _by_recurrence(long, short, n_long, n_short, text[pos + len(long):pos + len(long) + 2])


def _dotted_name(text: str, pos: int) -> str | None:
    """A name whose parts a middle dot joins (Uyghur, Kazakh, foreign names), from `pos`: it ends at a
    mark, a space, a title or a word no name runs into (阿某·某某江指出).

    >>> _dotted_name("县长阿某都·热某曼，政协主席", 2), _dotted_name("县长阿某都·热某曼指出", 2)
    ('阿某都·热某曼', '阿某都·热某曼')
    """
    m = DOTTED.match(text, pos)
    if not m:
        return None
    last_dot = max(m[0].rfind(d) for d in NAME_DOTS) + pos
    for end in range(last_dot + 1 + MIN_LAST_PART, m.end() + 1):      # the shortest last part that ends
        if end == len(text) or not HAN_WORD.match(text, end) or TITLE_RE.match(text, end) or _cuts_word(text, end):
            return text[pos:end]
    return None


def _recurs_only_before(long: str, n_long: int, nxt: str, doc_text: str) -> bool:
    """Every one of the `n_long` occurrences of `long` is followed by `nxt` (王某先|后 each time)."""
    return bool(nxt) and n_long == doc_text.count(long + nxt)


def _by_recurrence(long: str, short: str, n_long: int, n_short: int, nxt: str) -> str:
    """The shorter form when it recurs more often; then whether the third character starts a verb (`nxt` follows)."""
    if n_short > n_long:
        return short
    # one occurrence only: a 3-character name unless the third char starts a verb
    if long[-1] in L.VERB_SECONDS and nxt[:1] in L.VERB_SECONDS[long[-1]]:
        return short
    return long
