"""Stage 3, segment: cut a cleaned page into articles and sentences.

PDF text layers interleave columns: an article's headline block often comes
*after* its body, and two bodies may precede their two headline blocks. So
bodies are cut at datelines (本报讯, 据某某社…电) and headline blocks, and each
headline block is then given to the body it shares the most character
bigrams with, which does not depend on the layout order.
"""
from __future__ import annotations

import re

from kg.extract.clean import Line, clean_lines, join_lines
from kg.extract.dates import find_date
from kg.extract.lexicon import COMPOUND_SURNAMES
from kg.model import Article, OffsetMap, Page, Sentence, short_hash

DATELINE = re.compile(
    r"^(?:本报讯|本报[\u4e00-\u9fff]{0,8}电|据?[\u4e00-\u9fff]{1,3}社[\u4e00-\u9fff\d]{0,14}电|"
    r"据[\u4e00-\u9fff]{2,8}(?:报|网|社)(?:报道|消息)|据[\u4e00-\u9fff]{2,10}消息)")
LEAD = re.compile(
    r"^(?P<dateline>本报讯|本报[\u4e00-\u9fff\d]{0,12}电|据?[\u4e00-\u9fff]{1,3}社[\u4e00-\u9fff\d]{0,14}电|"
    r"据[\u4e00-\u9fff]{2,10}(?:报道|消息)|本报记者(?:[\u4e00-\u9fff]{2,4}[、 ]?){1,4}报道)?\s*"
    r"(?P<byline>[（(](?:[^）)]{0,8}(?:记者|通讯员|实习生|特约)[^）)]{0,60})[）)])?")
ROLE_PREFIXES = {"全媒体", "融媒体", "本报", "见习", "特约", "首席", "实习"}
ROLE = re.compile(r"(本报记者|特约记者|见习记者|记者|通讯员|实习生|摄影|摄)")
NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
MAX_SENTENCE = 300
BANNER_MAX = 40


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _units(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Group lines into ("head", lines), ("body", lines) and ("credit", [line])."""
    units: list[tuple[str, list[Line]]] = []
    for line in lines:
        if line.kind == "blank":
            if units and units[-1][0] == "head":
                units.append(("gap", []))
            continue
        kind = {"headline": "head", "body": "body", "credit": "credit"}[line.kind]
        if kind == "body" and DATELINE.match(line.text):
            units.append(("body", [line]))
        elif units and units[-1][0] == kind and kind != "credit":
            units[-1][1].append(line)
        else:
            units.append((kind, [line]))
    return [u for u in units if u[0] != "gap"]


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
        tail = re.search(r"[\u4e00-\u9fff·]*$", left)[0]
        head = re.match(r"[\u4e00-\u9fff·]*", right)[0]
        crossing = any(m.start() < len(tail) < m.end() for m in ROLE.finditer(tail + head))
        first, last = ROLE.split(tail)[-1], ROLE.split(head)[0]
        # two pieces of two or more characters are two names (白若川 / 孔令溪), unless they
        # make a four-character name with a compound surname (欧阳 / 晓明)
        two_names = (len(first) >= 2 and len(last) >= 2
                     and len(first) + len(last) > (4 if first in COMPOUND_SURNAMES else 3))
        out = left + right if crossing or (first and last and not two_names) else left + " " + right
    return out


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
    """
    text = re.sub(r"[（()）]", " ", _join_byline_lines(raw))
    out, role = [], None
    tokens = [t for t in re.split(r"[\s、，,]+", text) if t]
    def credit(names):   # 通讯员 某某 摄: the role word is no photographer
        return [("摄", t) for t in names if NAME.match(t) and not ROLE.fullmatch(t) and t not in ROLE_PREFIXES]

    if tokens and tokens[-1] in ("摄", "摄影"):
        return credit(tokens[:-1])
    if tokens and tokens[-1].endswith("摄") and NAME.match(tokens[-1][:-1]):
        return credit([*tokens[:-1], tokens[-1][:-1]])
    for tok in tokens:
        pieces = [p for p in ROLE.split(tok) if p]
        for i, piece in enumerate(pieces):
            if ROLE.fullmatch(piece):
                role = "记者" if "记者" in piece else piece
            elif i + 1 < len(pieces) and ROLE.fullmatch(pieces[i + 1]) or piece in ROLE_PREFIXES:
                continue  # 全媒体|记者, 本报|通讯员: a kind of reporter, not a name
            elif role and NAME.match(piece):
                out.append((role, piece))
    return out


def split_sentences(text: str, omap: OffsetMap) -> list[Sentence]:
    """Cut running text after 。！？； (with closing quotes); very long ones at '，'."""
    out, start = [], 0
    cuts = [m.end() for m in re.finditer(r"[。！？!?；;]+[”’」』]*", text)]
    if not cuts or cuts[-1] != len(text):
        cuts.append(len(text))
    for end in cuts:
        while end - start > MAX_SENTENCE:
            comma = text.rfind("，", start, start + MAX_SENTENCE)
            cut = comma + 1 if comma > start else start + MAX_SENTENCE
            out.append((start, cut))
            start = cut
        if text[start:end].strip():
            out.append((start, end))
        start = end
    return [Sentence(text=text[a:b], offsets=omap.shifted(a), index=i)
            for i, (a, b) in enumerate(out)]


def _lead(article: Article, text: str, omap: OffsetMap) -> tuple[str, OffsetMap]:
    """Strip dateline and byline from the start of the body; record them."""
    m = LEAD.match(text)
    if not m or not m.group(0).strip():
        return text, omap
    article.dateline = m["dateline"] or ""
    if m["byline"]:
        a, b = omap.source_span(m.start("byline"), m.end("byline"))
        article.byline = parse_byline(article.page.text[a:b])
        article.byline_spans.append((a, b))
    cut = m.end()
    while cut < len(text) and text[cut] in " 　":
        cut += 1
    return text[cut:], omap.shifted(cut)


def _headline_sentence(block: list[Line]) -> Sentence:
    text, omap = join_lines(block)
    return Sentence(text=text, offsets=omap)


def segment_page(page: Page) -> list[Article]:
    """Articles of a page with headlines, bylines and sentences.

    >>> from kg.model import Page
    >>> p = Page("x", "本报讯（记者张三）3月2日，某市召开会议。\\n会议会议\\n", "utf-8", "0")
    >>> [(a.headline, a.byline, len(a.sentences)) for a in segment_page(p)]
    [('会议', [('记者', '张三')], 1)]
    """
    units = _units(clean_lines(page.text))
    bodies: list[tuple[list[Line], list[Line]]] = []   # (body lines, credit lines)
    heads: list[tuple[int, list[Line]]] = []          # (index of preceding body, lines)
    for kind, lines in units:
        if kind == "body":
            bodies.append((lines, []))
        elif kind == "credit" and bodies:
            bodies[-1][1].extend(lines)
        elif kind == "head":
            heads.append((len(bodies) - 1, lines))
    articles: list[Article] = []
    grams = []
    for lines, credits in bodies:
        text, omap = join_lines(lines)
        start, end = lines[0].start, (credits or lines)[-1].end
        art = Article(id="a-" + short_hash(page.sha256, page.base + start), page=page, start=start, end=end)
        body, bmap = _lead(art, text, omap)
        for c in credits:
            art.byline.extend(parse_byline(page.text[c.start:c.end]))
            art.byline_spans.append((c.start, c.end))
        art.sentences = split_sentences(body, bmap)
        art.date, art.date_text = find_date(body, page.date, window=40)
        articles.append(art)
        grams.append(_bigrams(text))
    # headline blocks go to the body they overlap most; banners stand alone
    for before, block in heads:
        hl = _headline_sentence(block)
        hg = _bigrams(hl.text)
        best, score = None, 0.0
        for i, g in enumerate(grams):
            s = len(hg & g) / max(len(hg), 1) - 0.001 * abs(i - before)
            if i in (before, before + 1):
                s += 0.1  # the body printed right before (or after) the block
            if s > score:
                best, score = i, s
        if best is None or score < 0.2:
            banner = Article(id="a-" + short_hash(page.sha256, page.base + block[0].start), page=page,
                             start=block[0].start, end=block[-1].end, headline=hl.text)
            banner.headline_sentences.append(hl)
            articles.append(banner)
            continue
        art = articles[best]
        art.headline_sentences.append(hl)
        art.start, art.end = min(art.start, block[0].start), max(art.end, block[-1].end)
    for art in articles:
        _choose_headline(art)
    _merge_short_bodies(articles)
    return sorted(articles, key=lambda a: a.start)


def _choose_headline(art: Article) -> None:
    if art.headline or not art.headline_sentences:
        return
    texts = [s.text for s in sorted(art.headline_sentences, key=lambda s: s.offsets.source(0))]
    # a kicker line of short parallel phrases (强创新 提质量 …) is not the headline
    main = max(texts, key=lambda t: (len(t) >= 8, not t.startswith(("——", "—", "———")), -texts.index(t)))
    art.headline = main
    art.subheadlines = [t for t in texts if t != main]


def _merge_short_bodies(articles: list[Article]) -> None:
    """A tiny body without a dateline (a banner line) keeps its text as a headline."""
    for art in articles:
        total = sum(len(s.text) for s in art.sentences)
        if art.sentences and total < BANNER_MAX and not art.dateline and not art.headline_sentences:
            art.headline_sentences = art.sentences
            art.headline = " ".join(s.text for s in art.sentences)
            art.sentences = []
