"""Stage 3, segment: cut a cleaned page into articles and sentences.

PDF text layers interleave columns: an article's headline block often comes
*after* its body, and two bodies may precede their two headline blocks. So
bodies are cut at datelines (本报讯, 据某某社…电) and headline blocks, and each
headline block is then given to the body it shares the most character
bigrams with, which does not depend on the layout order.

Bylines and credits are read wherever pages print them: after the dateline
(本报讯（记者某某）, 本报讯 记者 某某), on lines of their own before or after the
body (记 者 | 某某, 编辑：某某, 作者：某某 来源：某某网), at the end of a paragraph
(（记者 某某）, （某某 某某）) and at the end of a photo caption (某某 摄). They are
kept out of the sentences, so no rule reads a byline name as a person or a place.
"""
from __future__ import annotations

import re
from dataclasses import replace
from operator import add

from kg.extract.clean import Line, clean_line, clean_lines, join_lines
from kg.extract.dates import find_date
from kg.extract.patterns import HAN
from kg.extract.bylines import (BARE_BYLINE, DATELINE, DATELINE_FORMS, EDITOR, PHOTO_ENDS, SENTENCE_END,
                                credit_start, opens_bracket, parse_byline, parse_credit, read_byline)
from kg.model import Article, OffsetMap, Page, Sentence, short_hash

LEAD = re.compile(
    rf"^(?P<dateline>{DATELINE_FORMS})?\s*"
    r"(?P<byline>[（(](?:[^）)]{0,8}(?:记者|通讯员|通迅员|实习生|特约)[^）)]{0,60})[）)]"
    # after a dateline, names alone in brackets: 某某消息（某某）
    rf"|(?(dateline)[（(][{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}}){{0,3}}[）)]))?")
MAX_SENTENCE = 300
SENTENCE_CUT = re.compile(r"[。！？!?；;]+[”’」』]*")     # where a sentence ends, with the quotes that close it
# a line that opens a numbered item starts a sentence: 一、 （二） 3. 第四条
ITEM_START = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)|第[一二三四五六七八九十百\d]+条)")
BANNER_MAX = 40
HEADLINE_MATCH = 0.2      # the share of a headline's bigrams its body must have (else it is a banner)
HEADLINE_REACH = 40       # bodies on either side of a headline block that may be its body


def _bigrams(text: str) -> set[str]:
    return set(map(add, text, text[1:]))      # each character joined to the next one


def _split_credits(lines: list[Line], text: str) -> list[Line]:
    """Body lines that are bylines or credits become credit lines; a credit ending a line is split off."""
    out, inside = [], False
    for line in lines:
        raw = text[line.start:line.end]
        k = credit_start(raw) if line.kind in ("body", "credit") and not inside else None
        if line.kind != "blank":
            inside = opens_bracket(raw)
        if k is None:
            out.append(line)
        elif k == 0:
            out.append(replace(line, kind="credit"))
        else:
            head = clean_line(raw[:k], line.start)
            out.append(head if head.kind == "blank" else replace(head, kind="body"))
            out.append(replace(clean_line(raw[k:], line.start + k), kind="credit"))
    return out


def _is_photo(line: Line) -> bool:
    return line.text.rstrip("）)").endswith(PHOTO_ENDS)


def _captioned_body(units: list[tuple[str, list[Line]]]) -> list[Line] | None:
    """The body before the photo credits that end `units`: the text after a caption goes on."""
    i = len(units) - 1
    while i >= 0 and units[i][0] == "credit" and _is_photo(units[i][1][-1]):
        i -= 1
    return units[i][1] if 0 <= i < len(units) - 1 and units[i][0] == "body" else None


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
        elif kind == "body" and (resumed := _captioned_body(units)) is not None:
            resumed.append(line)      # a photo credit inside a body does not end it
        elif units and units[-1][0] == kind and kind != "credit":
            units[-1][1].append(line)
        else:
            units.append((kind, [line]))
    return [u for u in units if u[0] != "gap"]


def _leads(line: Line, before: str | None, body: list[Line]) -> bool:
    """Whether a credit line opens the next body (a byline under a headline or a title line)."""
    if _is_photo(line) or EDITOR.search(line.text) or line.text.startswith(("（", "(")):
        return False
    if before == "head":
        return True
    title = "".join(l.text for l in body)
    return len(title) < BANNER_MAX and not title.endswith(SENTENCE_END)


def _gather(units: list[tuple[str, list[Line]]]) -> tuple[list, list]:
    """(body lines, credit lines) of every body and (index of the body before, lines) of every headline block.

    A credit goes to the body before it, a byline printed before its body (at the top of
    the page, under a headline or a title line) to the body after it; the title line above
    such a byline is a headline block.
    """
    bodies: list[tuple[list[Line], list[Line]]] = []
    heads: list[tuple[int, list[Line]]] = []
    waiting: list[Line] = []
    before = None
    for kind, lines in units:
        if kind == "body":
            bodies.append((lines, waiting))
            waiting = []
        elif kind == "credit":
            leads = not waiting and bool(bodies) and _leads(lines[0], before, bodies[-1][0])
            if leads and before == "body" and all(c.end <= bodies[-1][0][0].start for c in bodies[-1][1]):
                # a web page's title line (under a 来源 line, say): a headline; what led it leads the body
                title, waiting = bodies.pop()
                heads.append((len(bodies) - 1, title))
            if waiting or not bodies or leads:
                waiting.extend(lines)
            else:
                bodies[-1][1].extend(lines)
        else:
            heads.append((len(bodies) - 1, lines))
        before = kind if kind != "credit" else before
    if waiting and bodies:
        bodies[-1][1].extend(waiting)
    return bodies, heads


def split_sentences(text: str, omap: OffsetMap, ends: frozenset[int] = frozenset()) -> list[Sentence]:
    """Cut running text after 。！？； (with closing quotes) and at `ends`; very long ones at '，'."""
    out, start = [], 0
    cuts = {m.end() for m in SENTENCE_CUT.finditer(text)}
    cuts = sorted(cuts | {e for e in ends if 0 < e < len(text)})
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
    return [Sentence(text=text[a:b], offsets=omap.shifted(a, b), index=i)
            for i, (a, b) in enumerate(out)]


def _add_byline(article: Article, a: int, b: int, raw: str | None = None) -> None:
    """Record the byline printed at page offsets a..b (`raw`: its text, if not all of it)."""
    article.byline.extend(parse_byline(article.page.text[a:b] if raw is None else raw))
    article.byline_spans.append((a, b))


def _bare_byline(article: Article, text: str, omap: OffsetMap, cut: int) -> int:
    """A byline without brackets after the dateline (本报讯 记者 某某 3月2日…): its length in `text`."""
    if cut >= len(text):
        return 0
    m = BARE_BYLINE.match(article.page.text, omap.source(cut))
    written = re.sub(r"\s", "", m[0]) if m else ""
    pairs, explained = read_byline(m[0]) if m else ([], False)
    if not (pairs and explained and text.startswith(written, cut)):
        return 0
    article.byline.extend(pairs)
    article.byline_spans.append((m.start(), m.start() + len(m[0].rstrip())))
    return len(written)


def _lead(article: Article, text: str, omap: OffsetMap) -> tuple[str, OffsetMap]:
    """Strip dateline and byline from the start of the body; record them."""
    m = LEAD.match(text)
    if not m or not m.group(0).strip():
        return text, omap
    article.dateline = m["dateline"] or ""
    cut = m.end()
    if m["byline"]:
        _add_byline(article, *omap.source_span(m.start("byline"), m.end("byline")))
    elif article.dateline.startswith("本报记者"):      # 本报记者某某报道: the names, not 报道
        a, b = omap.source_span(m.start("dateline"), m.end("dateline"))
        _add_byline(article, a, b, article.page.text[a:b].rstrip()[:-2])
    elif article.dateline:
        cut += _bare_byline(article, text, omap, cut)
    while cut < len(text) and text[cut] in " 　":
        cut += 1
    return text[cut:], omap.shifted(cut)


def _headline_sentence(block: list[Line]) -> Sentence:
    text, omap = join_lines(block)
    return Sentence(text=text, offsets=omap)


def _sentence_breaks(lines: list[Line], credits: list[Line], body: str, bmap: OffsetMap) -> frozenset[int]:
    """Offsets in `body` where a sentence ends though no 。 does: after a photo caption (the line
    before a photo credit), before a line that opens a numbered item (一、禁放区域：…, （二）, 第三条)."""
    ends, starts = set(), set()
    for c in filter(_is_photo, credits):
        before = [l for l in lines if l.end <= c.start and l.text]
        if before and before[-1] is not lines[-1]:
            ends.add(before[-1].offsets.source(len(before[-1].text) - 1))
    starts = {l.offsets.source(0) for l in lines[1:] if ITEM_START.match(l.text)}
    if not (ends or starts):
        return frozenset()
    return frozenset(i + 1 for i in range(len(body)) if bmap.source(i) in ends) | \
        frozenset(i for i in range(1, len(body)) if bmap.source(i) in starts)


def _article(page: Page, lines: list[Line], credits: list[Line], joined: tuple[str, OffsetMap]) -> Article:
    """The article of one body (`joined`: its lines joined): its lead, credits, sentences and event date."""
    text, omap = joined
    span = [(l.start, l.end) for l in (*lines, *credits)]
    art = Article(id="a-" + short_hash(page.sha256, page.base + lines[0].start), page=page,
                  start=min(a for a, _ in span), end=max(b for _, b in span))
    body, bmap = _lead(art, text, omap)
    for c in credits:
        raw = page.text[c.start:c.end]
        art.byline.extend(parse_credit(raw) or parse_byline(raw))
        art.byline_spans.append((c.start, c.end))
    art.sentences = split_sentences(body, bmap, _sentence_breaks(lines, credits, body, bmap))
    art.date, art.date_text = find_date(body, page.date, window=40)
    return art


def segment_page(page: Page) -> list[Article]:
    """Articles of a page with headlines, bylines and sentences.

    >>> from kg.model import Page
    >>> p = Page("x", "本报讯（记者张三）3月2日，某市召开会议。\\n会议会议\\n", "utf-8", "0")
    >>> [(a.headline, a.byline, len(a.sentences)) for a in segment_page(p)]
    [('会议', [('记者', '张三')], 1)]
    """
    bodies, heads = _gather(_units(_split_credits(clean_lines(page.text, page.headline_starts()), page.text)))
    joined = [join_lines(lines) for lines, _ in bodies]
    articles = [_article(page, lines, credits, j) for (lines, credits), j in zip(bodies, joined)]
    grams = [_bigrams(text) for text, _ in joined]
    # headline blocks go to the body they overlap most; banners stand alone
    for before, block in heads:
        hl = _headline_sentence(block)
        best, score = _headline_body(_bigrams(hl.text), grams, before)
        if best is None or score < HEADLINE_MATCH:
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


def _headline_body(hg: set[str], grams: list[set[str]], before: int) -> tuple[int | None, float]:
    """The body a headline block shares the most bigrams with, among the HEADLINE_REACH bodies
    on either side of it (`before`: the body printed just before it), and the score.

    A body further off is not its body: a page prints an article's headline
    beside or above it, and on a long text layer comparing every headline
    with every body would cost the square of the page.
    """
    lo, hi = max(before - HEADLINE_REACH, 0), min(before + HEADLINE_REACH + 1, len(grams))
    size = max(len(hg), 1)
    shared = [len(hg & g) for g in grams[lo:hi]]
    best, score = None, 0.0
    for i in range(lo, hi):
        if not shared[i - lo] and i not in (before, before + 1):
            continue      # nothing shared and not beside the block: a negative score, never the best
        s = shared[i - lo] / size - 0.001 * abs(i - before)
        if i in (before, before + 1):
            s += 0.1  # the body printed right before (or after) the block
        if s > score:
            best, score = i, s
    return best, score


def _choose_headline(art: Article) -> None:
    if art.headline or not art.headline_sentences:
        return
    texts = [s.text for s in sorted(art.headline_sentences, key=lambda s: s.offsets.source(0))]
    # a kicker line of short parallel phrases (强创新 提质量 …) is not the headline
    main = max(texts, key=lambda t: (len(t) >= 8, not t.startswith(("——", "—", "———")), -texts.index(t)))
    art.headline = main
    art.subheadlines = [t for t in texts if t != main]


def _merge_short_bodies(articles: list[Article]) -> None:
    """A tiny body without a dateline (a banner line) keeps its text as a headline; the headline of
    the body after it when that body has none and shares its words (a title line over 本报讯…)."""
    for i, art in enumerate(articles):
        total = sum(len(s.text) for s in art.sentences)
        if art.sentences and total < BANNER_MAX and not art.dateline and not art.headline_sentences:
            art.headline_sentences = art.sentences
            art.headline = " ".join(s.text for s in art.sentences)
            art.sentences = []
            nxt = articles[i + 1] if i + 1 < len(articles) else None
            if nxt is not None and not nxt.headline_sentences and nxt.sentences and _shares_words(art, nxt):
                nxt.headline_sentences, nxt.headline, nxt.start = art.headline_sentences, art.headline, art.start
                art.headline_sentences, art.headline = [], ""
    articles[:] = [a for a in articles if a.sentences or a.headline_sentences]


def _shares_words(title: Article, body: Article) -> bool:
    """Does the body hold enough of the title's bigrams for the title to be its headline?"""
    grams = _bigrams(title.headline)
    return len(grams & _bigrams("".join(s.text for s in body.sentences))) >= HEADLINE_MATCH * max(len(grams), 1)
