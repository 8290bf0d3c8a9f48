"""Read an article page saved from a news or government site.

trafilatura finds the main text (without navigation, footers, share buttons
and related links) and the page's metadata. The text handed on is the
headline on a line of its own (marked as a headline in the page's
:class:`~kg.model.Layout`), a blank line, then one paragraph a line. The
publication date is the page's (its metadata, else a visible 发布时间 line);
the byline and the 来源 (the outlet a government site credits) go into
``Page.meta``.

>>> page = '<html><head><title>某市召开会议</title></head><body><div class="info">发布时间：2024-11-21 来源：某某日报</div>'\\
...        '<article><h1>某市召开会议</h1><p>本报讯 11月20日，某市召开全市工作会议。会议强调，要抓好落实。</p></article></body></html>'
>>> text, meta = read_html(page.encode(), "x.html")
>>> text.splitlines()[0], meta["date"], meta["outlet"]
('某市召开会议', '2024-11-21', '某某日报')
"""
from __future__ import annotations

import datetime as dt
import re

from kg.extract.patterns import HAN, HAN_CHAR
from kg.extract.read.base import ReadError
from kg.extract.read.text import decode

CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
DATE_LINE = re.compile(r"(?:发布时间|发布日期|发稿时间|时间|日期)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
OUTLET = re.compile(r"(?:来源|稿源|信息来源)\s*[:：]\s*([^\s|｜:：,，;；]{2,30})")
AUTHOR = re.compile(rf"(?:作者|记者|文|撰稿)\s*[:：]\s*([{HAN}·]{{2,4}}(?:[ 、,，][{HAN}·]{{2,4}}){{0,3}})")
TAGS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
MIN_ARTICLE = 20          # Han characters: fewer is a menu or an index page, not an article
MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p)\b", re.I)


def looks_html(data: bytes) -> bool:
    """Whether bytes are an HTML page: markup at the start, not text that mentions a tag."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:65536].lower() \
        or (head.startswith(b"<") and len(MARKUP.findall(data[:65536])) >= 3)


def _text_of(data: bytes, name: str) -> str:
    m = CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m[1].decode("ascii").lower().replace("gb2312", "gb18030").replace("gbk", "gb18030"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, name)[0]


def _visible(html: str) -> str:
    import html as html_lib

    return html_lib.unescape(TAGS.sub(" ", html))


def _page_date(found: str | None, visible: str) -> str | None:
    m = DATE_LINE.search(visible)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    if found and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found[:10]):
        return found[:10]
    return None


def read_html(data: bytes, name: str) -> tuple[str, dict]:
    """(text, meta) of an HTML page: headline, blank line, paragraphs; meta: headline, date, byline, outlet."""
    import trafilatura

    html = _text_of(data, name)
    doc = {}
    for mode in ("favor_precision", "favor_recall"):   # precision keeps menus out; recall saves a sparse page
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                            **{mode: True})
        doc = found.as_dict() if found is not None else {}
        if len(HAN_CHAR.findall(doc.get("text") or "")) >= MIN_ARTICLE:
            break
    else:
        raise ReadError(f"{name}: HTML page without an article text (an index or a script-only page?)")
    visible = _visible(html)
    title = (doc.get("title") or "").strip()
    paragraphs = [p.strip() for p in doc["text"].splitlines() if p.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    outlet = OUTLET.search(visible)
    author = AUTHOR.search(visible)
    meta = {"headline": title or None, "date": _page_date(doc.get("date"), visible),
            "byline": author[1] if author else (doc.get("author") or None),
            "outlet": outlet[1] if outlet else (doc.get("sitename") or None), "url": doc.get("url")}
    text = (title + "\n\n" if title else "") + "\n".join(paragraphs) + "\n"
    return text, meta
