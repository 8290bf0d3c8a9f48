"""Bylines and credits: who reported, wrote, photographed or edited an article.

Read wherever pages print them: after the dateline (本报讯（记者某某）, 本报讯 记者
某某), on lines of their own (记 者 | 某某, 编辑：某某, 作者：某某 来源：某某网), at the
end of a paragraph (（记者 某某）, （某某 某某）) and of a photo caption (某某 摄).
来源 lines name an outlet, not a journalist. :mod:`kg.extract.segment` keeps what
is read here out of the sentences.
"""
from __future__ import annotations

import re

from kg.extract.lexicon import BYLINE_NON_NAMES, COMPOUND_SURNAMES, SURNAMES
from kg.extract.patterns import BODY_END_CHARS, HAN

# an outlet's own dateline: 某某网讯, 某某新闻9月26日讯, 某某网驻某地讯 (before a bracket or a space),
# 某某在线某地消息 (before a bracket)
OUTLET_DATELINE = (rf"[{HAN}]{{1,12}}?(?:网|报|台|新闻|客户端|融媒体中心|融媒|传媒中心)[{HAN}\d]{{0,10}}?讯(?=\s|[（(])"
                   rf"|[{HAN}]{{2,12}}?消息(?=[（(])")      # 某某在线某地消息（某某）
# the forms of a dateline: 本报讯, 本报某地电, 某某社某地电, 据某某报道, 本报记者某某报道, 某某网讯
DATELINE_FORMS = (rf"本报讯|本报[{HAN}\d]{{0,12}}电|据?[{HAN}]{{1,3}}社[{HAN}\d]{{0,14}}电|"
                  rf"据[{HAN}]{{2,8}}(?:报|网|社)(?:报道|消息)|据[{HAN}]{{2,10}}(?:报道|消息)|"
                  rf"本报记者(?:[{HAN}]{{2,4}}[、 ]?){{1,4}}报道|{OUTLET_DATELINE}")
DATELINE = re.compile(rf"^(?:{DATELINE_FORMS})")
SENTENCE_END = ("。", "！", "？", "”", "’", "」", "…")
REPORTER_ROLES = ("本报记者", "特约记者", "见习记者", "首席记者", "实习记者", "摄影记者", "记者",
                  "特约通讯员", "通讯员", "通迅员", "实习生", "摄影", "摄像", "作者", "撰稿", "撰文", "采写", "图片", "视觉")
EDITOR_ROLES = ("责任编辑", "文字编辑", "美术编辑", "栏目主编", "编辑", "责编", "美编", "主编", "校对",
                "审核", "审校", "一审", "二审", "三审", "终审")
SOURCE = "来源"                       # 来源：某某日报 names an outlet, not a journalist
ROLE_WORDS = (*REPORTER_ROLES, *EDITOR_ROLES, SOURCE)
ROLE = re.compile("(" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + "|摄)")
# role words a page may space out for justification: 记 者, 视 觉, 编 辑
SPACED_ROLE = re.compile("|".join(r"\s*".join(w) for w in sorted(ROLE_WORDS, key=len, reverse=True)))
EDITOR = re.compile("|".join(EDITOR_ROLES))
# a byline without brackets after the dateline, in the page text: 本报讯 记者 某某 某某 3月2日…
BARE_BYLINE = re.compile("(?:(?:" + "|".join(REPORTER_ROLES)
                         + rf")[^\S\n]*(?:[{HAN}·]{{2,4}}[^\S\n]+){{1,5}})+")
ROLE_TOKENS = {"文": "文", "图": "图", "文/图": "文/图"}   # single characters: roles only as a token of their own
ROLE_CANON = {"通迅员": "通讯员", "特约通讯员": "通讯员"}
PHOTO_ENDS = ("摄", "摄影")
# what ends an outlet's name: 某某日报, 某某网, 某某融媒体中心 (a kind of reporter, not a name)
OUTLET_ENDS = ("报", "网", "社", "台", "中心", "新闻", "客户端", "全媒体", "融媒体", "融媒")
OUTLET = re.compile(r"^[\w·\-—.]{2,30}$")          # an outlet's name: no sentence in it
OUTLET_AUTHOR = re.compile(rf"(?:报|网|社|台)([{HAN}]{{2,3}})$")   # 来源：某某日报张某某
SEPARATORS = re.compile(r"[\s、，,|｜丨:：;；]+|(?<!文)[/／\\]|[/／\\](?!图)")
WHITESPACE = re.compile(r"\s")
PHOTO_AND_TEXT = re.compile(r"文\s*[/／\\]\s*图")                # 文 / 图: one role
BRACKET = re.compile(r"[（()）【】\[\]]")
NAME_TAIL = re.compile(rf"[{HAN}·]*$")                        # the name piece a line ends with
NAME_HEAD = re.compile(rf"[{HAN}·]*")                         # the name piece a line starts with
CREDIT_MAX = 80                       # a credit that ends a line is short: look no further back
CREDIT_START = re.compile(r"(?<=[\s。！？；”’」』】])\S")   # where a credit at a line's end may start
DATE_TOKEN = re.compile(r"^[\d\-/.:年月日]+$")
BRACKETED = re.compile(r"[（(]([^（()）]{2,60})[）)]")
NAME = re.compile(rf"^(?:[{HAN}]{{2,4}}|[{HAN}]{{1,6}}·[{HAN}·]{{1,12}})$")
PLAIN_NAME_MAX = 3                    # a name without a role word: 2-3 characters (4 with 欧阳)
# a web copy's page furniture above or below an article: its time stamp, counters and category
# (发布时间：2024-03-05 10:07, 人气：651, 所属分类：企业动态), a numeric date or a document's number alone on its line
STAMP = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
WRITTEN_DATE = r"\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
FURNITURE_FIELD = (rf"(?:发布|更新|发稿|录入)(?:时间|日期)\s*[:：]\s*(?:{STAMP}|{WRITTEN_DATE})?"
                   rf"|(?:时间|日期)\s*[:：]\s*(?:{STAMP})?"          # 时间：3月5日上午 is a notice's, not furniture
                   r"|(?:浏览|点击|阅读|访问|人气)(?:次数|量|数)?\s*[:：]\s*\d*"
                   rf"|(?:所属分类|栏目|分类)\s*[:：]\s*[{HAN}]{{0,8}}"
                   rf"|[{HAN}]{{1,8}}[〔［\[（(]\d{{4}}[〕］\]）)]\d{{1,4}}号")   # a document number: 某政函〔2024〕25号
# 2016年05月25日 alone on its line: a zero-padded date is a page's stamp (prose and signatures write 5月)
PADDED_DATE = r"\d{4}年(?:0\d月\d{2}|\d{2}月0\d)日(?=\s*$)"
FURNITURE = re.compile(rf"\s*(?:(?:{STAMP}|{FURNITURE_FIELD}|{PADDED_DATE})\s*[|｜]?\s*)+")


def _is_name(piece: str, plain: bool = False) -> bool:
    """Whether a word of a byline looks like a person's name; `plain`: one written without a role word.

    >>> _is_name("柯南山"), _is_name("欧阳晓明"), _is_name("全媒体"), _is_name("供图"), _is_name("记者")
    (True, True, False, False, False)
    >>> _is_name("鼓掌", plain=True), _is_name("柯南山", plain=True), _is_name("柯南山网", plain=True)
    (False, True, False)
    """
    if piece in BYLINE_NON_NAMES or piece in ROLE_TOKENS or ROLE.fullmatch(piece):
        return False
    compound = piece[:2] in COMPOUND_SURNAMES
    if not (NAME.match(piece) or compound and re.fullmatch(f"[{HAN}]{{5}}", piece)):
        return False
    if not plain:
        return True
    return ((compound or piece[0] in SURNAMES) and len(piece) <= PLAIN_NAME_MAX + compound
            and not piece.endswith(OUTLET_ENDS))


def _is_prefix(piece: str, loose: bool) -> bool:
    """全媒体 (记者), 本报 (通讯员), 某某日报 (记者): a kind of reporter or an outlet, not a name.

    `loose`: the piece stands before a role word or before any, where an outlet's name is expected.

    >>> _is_prefix("全媒体", False), _is_prefix("某某日报", True), _is_prefix("某某日报", False)
    (True, True, False)
    """
    return piece in BYLINE_NON_NAMES or (loose or len(piece) > 4) and piece.endswith(OUTLET_ENDS)


def _join_byline_lines(raw: str) -> str:
    r"""Join the lines of a byline: a name broken at a line end is one name, two names are two.

    >>> _join_byline_lines("记者柯南\n山 通讯\n员钱望川"), _join_byline_lines("记者 白若川\n孔令溪")
    ('记者柯南山 通讯员钱望川', '记者 白若川 孔令溪')
    >>> _join_byline_lines("记者 庞 \n向远 欧阳\n晓明")
    '记者 庞向远 欧阳晓明'
    """
    lines = raw.replace("\r", "").split("\n")
    out = lines[0]
    for nxt in lines[1:]:
        left, right = out.rstrip(), nxt.lstrip()
        tail = NAME_TAIL.search(left)[0]
        head = NAME_HEAD.match(right)[0]
        crossing = any(m.start() < len(tail) < m.end() for m in ROLE.finditer(tail + head))
        first, last = ROLE.split(tail)[-1], ROLE.split(head)[0]
        # two pieces of two or more characters are two names (白若川 / 孔令溪), unless they
        # make a four-character name with a compound surname (欧阳 / 晓明)
        two_names = (len(first) >= 2 and len(last) >= 2
                     and len(first) + len(last) > (4 if first in COMPOUND_SURNAMES else 3))
        out = left + right if crossing or (first and last and not two_names) else left + " " + right
    return out


def _tokens(raw: str) -> list[str]:
    r"""The words of a byline: role words unspaced (记 者), a spaced two-character name (柯 南) one again.

    >>> _tokens("记 者 | 柯南山 孙 岚")
    ['记者', '柯南山', '孙岚']
    >>> _tokens("文\\图：钱望川（通讯员 孙晓岚）"), _tokens("文 / 钱望川")
    (['文/图', '钱望川', '通讯员', '孙晓岚'], ['文', '钱望川'])
    """
    text = SPACED_ROLE.sub(lambda m: WHITESPACE.sub("", m[0]), _join_byline_lines(raw))
    text = PHOTO_AND_TEXT.sub(" 文/图 ", text)
    text = BRACKET.sub(" ", text)
    out, lone = [], False          # lone: the last word is one character, waiting for its pair
    for tok in filter(None, SEPARATORS.split(text)):
        single = len(tok) == 1 and "\u4e00" <= tok <= "\u9fff" and tok not in ROLE_TOKENS and tok != "摄"
        if single and lone:
            out[-1] += tok
            lone = False
        else:
            out.append(tok)
            lone = single
    return [t for t in out if not DATE_TOKEN.match(t)]


def _read_photo(tokens: list[str]) -> tuple[list[tuple[str, str]], bool]:
    """某某 某某 摄, 记者 某某 摄: photographers (a role word before a name is no name of its own)."""
    last = tokens[-1]
    words = tokens[:-1] if last in PHOTO_ENDS else [*tokens[:-1], last[:-1]]
    pairs, role_seen, explained = [], False, bool(words)
    for word in words:
        for piece in filter(None, ROLE.split(word)):
            if ROLE.fullmatch(piece) or piece in ROLE_TOKENS:
                role_seen = True
            elif _is_prefix(piece, True):
                continue
            elif _is_name(piece, plain=not role_seen):
                pairs.append(("摄", piece))
            else:
                explained = False
    return pairs, explained


def _role(word: str) -> str:
    """The role a byline's role word gives: 全媒体记者 and 本报记者 are 记者."""
    return "记者" if word.endswith("记者") else ROLE_CANON.get(word, word)


def read_byline(raw: str) -> tuple[list[tuple[str, str]], bool]:
    """(role, name) pairs of a byline or credit, and whether every word of it was understood."""
    tokens = _tokens(raw)
    if tokens and (tokens[-1] in PHOTO_ENDS or len(tokens[-1]) > 1 and tokens[-1].endswith("摄")):
        return _read_photo(tokens)
    pairs, role, explained = [], None, bool(tokens)
    for tok in tokens:
        if tok in ROLE_TOKENS:
            role = ROLE_TOKENS[tok]
            continue
        pieces = [p for p in ROLE.split(tok) if p]
        for i, piece in enumerate(pieces):
            before_role = i + 1 < len(pieces)       # pieces alternate: a role word follows
            if ROLE.fullmatch(piece):
                role = _role(piece)
            elif role == SOURCE:                    # an outlet; an author may follow its name
                author = OUTLET_AUTHOR.search(piece)
                if author and _is_name(author[1], plain=True) and author[1][-1] not in BODY_END_CHARS:   # 来源：某县网信办: a body, no author
                    pairs.append(("作者", author[1]))
                explained &= bool(OUTLET.match(piece))
            elif _is_prefix(piece, before_role or role is None):
                continue
            elif role and _is_name(piece):
                pairs.append((role, piece))
            else:
                explained = False
    return pairs, explained


def _plain_names(text: str) -> list[tuple[str, str]]:
    """（某某 某某） at the end of a paragraph: names without a role word, the first with a surname.

    >>> _plain_names("柯南山 孙岚"), _plain_names("试行"), _plain_names("柯南山 综合报道")
    ([('作者', '柯南山'), ('作者', '孙岚')], [], [])
    >>> _plain_names("固安融媒 柯南山")          # the outlet first, then its reporter
    [('作者', '柯南山')]
    """
    tokens = _tokens(text)
    if len(tokens) >= 2 and _is_prefix(tokens[0], loose=True):
        tokens = tokens[1:]
    if not tokens or not _is_name(tokens[0], plain=True):
        return []
    if not all(_is_name(t) and len(t) <= PLAIN_NAME_MAX + (t[:2] in COMPOUND_SURNAMES) for t in tokens):
        return []
    return [("作者", t) for t in tokens]


def parse_byline(raw: str) -> list[tuple[str, str]]:
    """(role, name) pairs from a byline or photo credit.

    >>> parse_byline("（记者甄伟 通讯员钱震 李四）")
    [('记者', '甄伟'), ('通讯员', '钱震'), ('通讯员', '李四')]
    >>> parse_byline("（全媒体记者 王五 通讯员 赵六）")
    [('记者', '王五'), ('通讯员', '赵六')]
    >>> parse_byline("通讯员 王五 摄")
    [('摄', '王五')]
    >>> parse_byline("王五 赵六 摄")
    [('摄', '王五'), ('摄', '赵六')]
    >>> parse_byline("责任编辑：王五"), parse_byline("来源：某某日报")
    ([('责任编辑', '王五')], [])
    """
    pairs, _ = read_byline(raw)
    bracketed = BRACKETED.fullmatch(raw.strip())
    return pairs or (_plain_names(bracketed[1]) if bracketed else [])


def parse_credit(text: str) -> list[tuple[str, str]]:
    """(role, name) pairs of a text that is wholly a byline or a credit, else [].

    >>> parse_credit("记 者 | 柯南山 孙 岚"), parse_credit("（柯南山 钱望川）")
    ([('记者', '柯南山'), ('记者', '孙岚')], [('作者', '柯南山'), ('作者', '钱望川')])
    >>> parse_credit("记者从某某局获悉"), parse_credit("鼓掌 柯南山 摄"), parse_credit("（试行）")
    ([], [], [])
    """
    s = text.strip()
    bracketed = BRACKETED.fullmatch(s)
    pairs, explained = read_byline(bracketed[1] if bracketed else s)
    if bracketed and not pairs:
        return _plain_names(bracketed[1])
    return pairs if explained else []


def _is_source(text: str) -> bool:
    """来源：某某日报: a line that names the outlet (and no journalist), kept out of the sentences too.

    >>> _is_source("来源：某某日报"), _is_source("2024-03-05 09:30 稿件来源：某某网"), _is_source("来源：某某日报。会议指出")
    (True, True, False)
    """
    tokens = _tokens(text)
    return len(tokens) >= 2 and tokens[0].endswith(SOURCE) and read_byline(" ".join([SOURCE, *tokens[1:]]))[1]


def credit_start(raw: str) -> int | None:
    """Where the credit that ends a body line starts: 0 for a line all credit, None for none.

    >>> credit_start("记者 柯南山"), credit_start("演练结束。（记者 柯南山）"), credit_start("鼓掌 柯南山 摄")
    (0, 5, 3)
    >>> credit_start("演练结束。记者 柯 山 摄"), credit_start("会议（试行）"), credit_start("记者从某某局获悉")
    (5, None, None)
    >>> credit_start("本报讯（记者柯南"), credit_start("本报讯 记者 柯南山")    # a lead, not a credit
    (None, None)
    >>> credit_start("记 者 | 柯南山 孙 岚"), credit_start("【某某开工】来源：某某日报柯南山")
    (0, 6)
    >>> credit_start("会议结束。（来源：某某日报）"), credit_start("来源：某某日报")
    (5, 0)
    >>> credit_start("发布时间：2024-03-05 人气：651"), credit_start("时间：3月5日上午9时")   # furniture; a notice's line
    (0, None)
    """
    s = raw.rstrip()
    stamp = furniture_end(s)
    if stamp and (stamp == len(s) or _is_credit(s[stamp:])):
        return 0           # 发布时间：2024-03-05 人气：651 (来源：某某网): furniture, kept out of the text
    closed = s.endswith(("）", ")"))
    worded = s.endswith(PHOTO_ENDS) or SPACED_ROLE.search(s) or s.lstrip().startswith(tuple(ROLE_TOKENS))
    if not (closed or worded) or opens_bracket(s) or DATELINE.match(s.lstrip()):
        return None
    if _is_credit(s):
        return 0
    if closed:
        k = max(s.rfind("（"), s.rfind("("))
        return k if k > 0 and s[:k].rstrip().endswith(SENTENCE_END) and _is_credit(s[k:]) else None
    if s.endswith(PHOTO_ENDS) or SOURCE in s:
        starts = CREDIT_START.finditer(s, max(0, len(s) - CREDIT_MAX))
        return next((m.start() for m in starts if _is_credit(s[m.start():])), None)
    return None


def _is_credit(text: str) -> bool:
    """Is `text` wholly a byline, a credit or a 来源 line?"""
    return bool(parse_credit(text)) or _is_source(text)


def furniture_end(text: str) -> int:
    """Where the page furniture that starts `text` ends (0: none).

    >>> furniture_end("发布时间：2024-03-05 10:07 人气：651"), furniture_end("2024-03-05"), furniture_end("发布时间：")
    (28, 10, 5)
    >>> furniture_end("2024年3月5日，某某到会"), furniture_end("2024-03-051号"), furniture_end("2016年05月25日"), furniture_end("2016年5月25日")
    (0, 0, 11, 0)
    """
    m = FURNITURE.match(text)
    return m.end() if m and m.group().strip() and _whole_field(text, m.end()) else 0


def _whole_field(text: str, end: int) -> bool:
    """Does the furniture end where a field does (the text's end, a space, a label or a bracket)?"""
    return end == len(text) or not text[end - 1].isdigit() or not text[end].isdigit() and text[end] not in "日年月时点"


def opens_bracket(raw: str) -> bool:
    """A line that leaves a bracket open: the next line is inside a byline (本报讯（记者某\\n某）)."""
    return max(raw.rfind("（"), raw.rfind("(")) > max(raw.rfind("）"), raw.rfind(")"))
