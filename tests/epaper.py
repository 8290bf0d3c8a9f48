"""Make e-paper PDFs for the tests: articles laid out in columns, printed by Debian's chromium.

The PDFs are as hostile as real ones: every line is an absolutely positioned
element and the elements are written in a shuffled order (so the PDF's
content stream has nothing to do with the reading order); bold headlines are
drawn twice 0.4 px apart (overprinted fake bold); optionally some ideographs
are written as radical code points, as broken PDF fonts map them.

>>> arts = articles_from_src("@@ body width=15 col=22 seed=1\\n本报讯 甲。\\n\\n@@ head\\n甲乙丙\\n")
>>> [(a.headline, a.paragraphs) for a in arts]
[([\'甲乙丙\'], [\'本报讯 甲。\'])]
"""
from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

PAGE_W, PAGE_H, MARGIN, GAP = 1100, 1560, 40, 18     # CSS px (1 px = 0.75 pt)
BODY_PX, LINE_PX, HEAD_PX, HEAD_MIN_PX = 13, 19, 26, 18
FAKE_BOLD_DX = 0.4
# ideograph -> the radical code point a broken font maps it to
RADICALS = {"长": "\u2ed3", "见": "\u2ec5", "民": "\u2ea0", "车": "\u2ecb", "立": "\u2f74", "言": "\u2f94"}
CONTINUED = re.compile(r"\{(下转第.版)\}\s*$")


@dataclass
class Article:
    headline: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    credit: str = ""           # a photo credit printed under a picture beside the article
    span: int = 2              # columns the article spans
    continued_on: int | None = None   # page number its rest is printed on
    resumed_from: int | None = None


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _undouble(line: str) -> str:
    from kg.extract.clean import undouble_line

    kept = undouble_line(line)
    return "".join(line[a:b] for a, b in kept) if kept else line


def articles_from_src(src: str) -> list[Article]:
    """The articles of an ``examples/src/*.src`` page: bodies with the headline blocks most like them."""
    bodies, heads, pending = [], [], []
    for block in re.split(r"^@@ ?", src, flags=re.M):
        if not block.strip():
            continue
        header, _, text = block.partition("\n")
        kind = header.split()[0]
        if kind == "body":
            paras = [re.sub(r"\s*\n\s*", "", p).replace("~~", "") for p in re.split(r"\n\s*\n", text.strip())]
            paras = [CONTINUED.sub(lambda m: f"（{m[1]}）", p) for p in paras if p]
            bodies.append(Article(paragraphs=paras))
            if pending:
                bodies[-1].headline[:0] = pending
                pending = []
        elif kind == "head":
            heads.append((len(bodies), [ln.strip() for ln in text.strip("\n").split("\n") if ln.strip()]))
        elif kind == "raw":
            for line in (_undouble(ln.strip()) for ln in text.split("\n") if ln.strip()):
                if line.endswith("摄") and bodies:
                    bodies[-1].credit = line
                else:
                    pending.append(line)
    for after, lines in heads:
        grams = _bigrams("".join(lines))
        # the most bigrams in common, less one for each body between (sources print heads after bodies)
        best = max(range(len(bodies)), key=lambda k: len(grams & _bigrams("".join(bodies[k].paragraphs)))
                   - abs(k - max(after - 1, 0)))
        bodies[best].headline.extend(lines)
    for art in bodies:
        art.span = 1 if sum(map(len, art.paragraphs)) < 300 else 2
    return bodies


def _width(text: str) -> float:
    """Width of a text in ems: ASCII letters and digits are half as wide."""
    return sum(0.55 if ch.isascii() else 1.0 for ch in text)


def wrap(paragraph: str, ems: int) -> list[str]:
    """Lines of a paragraph at `ems` per line, the first indented by two."""
    lines, cur, room = [], "", ems - 2
    for ch in paragraph:
        if _width(cur + ch) > room and ch not in "，。、；：？！）》”":
            lines.append(cur)
            cur, room = "", ems
        cur += ch
    return lines + [cur] if cur else lines


@dataclass
class Layout:
    columns: int = 4
    seed: int = 1
    radicals: bool = False
    items: list[list[str]] = field(default_factory=list)   # per page: HTML elements

    @property
    def col_w(self) -> float:
        return (PAGE_W - 2 * MARGIN - (self.columns - 1) * GAP) / self.columns

    def text(self, page: int, x: float, y: float, s: str, px: float, bold: bool = False) -> None:
        if self.radicals:
            s = "".join(RADICALS.get(ch, ch) for ch in s)
        style = f"left:{x:.2f}px;top:{y:.2f}px;font-size:{px:.2f}px"
        el = f'<div class="t" style="{style}">{html.escape(s)}</div>'
        while len(self.items) <= page:
            self.items.append([])
        self.items[page].append(el)
        if bold:   # overprinted: the same glyphs again a fraction of a pixel to the right
            self.items[page].append(el.replace(f"left:{x:.2f}px", f"left:{x + FAKE_BOLD_DX:.2f}px"))

    def box(self, page: int, x: float, y: float, w: float, h: float) -> None:
        self.items[page].append(f'<div class="box" style="left:{x:.1f}px;top:{y:.1f}px;'
                                f'width:{w:.1f}px;height:{h:.1f}px"></div>')

    def place(self, page: int, art: Article, col: int, top: float) -> float:
        """Draw an article from column `col` down from `top`; return its bottom."""
        span = min(art.span, self.columns - col)
        x0, width = MARGIN + col * (self.col_w + GAP), span * self.col_w + (span - 1) * GAP
        y = top
        for line in art.headline:
            px = max(min(HEAD_PX, width / max(_width(line), 1)), HEAD_MIN_PX)
            per_line = max(int(width // px), 1)
            for k in range(0, len(line), per_line):      # a long headline wraps at its smallest size
                self.text(page, x0, y, line[k:k + per_line], px, bold=True)
                y += px * 1.5
        ems = int(self.col_w // BODY_PX) - 1     # an em of slack: kinsoku may push a mark past the end
        lines = []
        for para in art.paragraphs:
            for k, line in enumerate(wrap(para, ems)):
                lines.append((2 * BODY_PX if k == 0 else 0, line))
        per_col = -(-len(lines) // span)
        for k, (indent, line) in enumerate(lines):
            c, row = divmod(k, per_col)
            self.text(page, x0 + c * (self.col_w + GAP) + indent, y + row * LINE_PX, line, BODY_PX)
        bottom = y + per_col * LINE_PX
        if art.credit:
            self.box(page, x0, bottom + 8, self.col_w, 90)
            self.text(page, x0, bottom + 104, art.credit, BODY_PX - 2)
            bottom += 124
        return bottom + 2 * GAP

    def html(self) -> str:
        rng = random.Random(self.seed)
        pages = []
        for items in self.items:
            items = items[:]
            rng.shuffle(items)       # content-stream order unrelated to reading order
            pages.append('<div class="page">' + "".join(items) + "</div>")
        return ("<!doctype html><meta charset=utf-8><style>"
                "@page{size:%dpx %dpx;margin:0} body{margin:0;font-family:'Noto Serif CJK SC','Noto Sans CJK SC'}"
                ".page{position:relative;width:%dpx;height:%dpx;overflow:hidden;break-after:page}"
                ".t{position:absolute;white-space:nowrap;line-height:1}"
                ".box{position:absolute;border:1px solid #888;background:#eee}</style>%s"
                % (PAGE_W, PAGE_H, PAGE_W, PAGE_H, "".join(pages)))


def lay_out(articles: list[Article], columns: int = 4, seed: int = 1, radicals: bool = False) -> Layout:
    """Pack the articles into columns, page after page (a column is filled top-down)."""
    lay = Layout(columns=columns, seed=seed, radicals=radicals)
    page, bottoms = 0, [float(MARGIN)] * columns
    for art in articles:
        span = min(art.span, columns)
        col = min(range(columns - span + 1), key=lambda c: max(bottoms[c:c + span]))
        top = max(bottoms[col:col + span])
        lay.items.extend([] for _ in range(page + 1 - len(lay.items)))
        probe = Layout(columns=columns)
        height = probe.place(0, art, col, 0)
        if top + height > PAGE_H - MARGIN and top > MARGIN:
            page, bottoms = page + 1, [float(MARGIN)] * columns
            col, top = 0, float(MARGIN)
        bottom = lay.place(page, art, col, top)
        bottoms[col:col + span] = [bottom] * span
    return lay


def print_pdf(browser, layout: Layout, path: Path) -> Path:
    """Print a layout to PDF with a Playwright browser (Debian's chromium)."""
    page = browser.new_page()
    try:
        page.set_content(layout.html(), wait_until="load")
        page.pdf(path=str(path), width=f"{PAGE_W}px", height=f"{PAGE_H}px", print_background=True)
    finally:
        page.close()
    return path


# --- article pages of a news site ------------------------------------------------

SITE_NAV = "首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流"
RELATED = ["某地举办秋季农产品展销会", "某区召开安全生产工作推进会", "某县开展文明城市创建志愿服务"]


def article_html(art: Article, date: str, outlet: str, seed: int = 1) -> str:
    """One article as a news or government site prints it: navigation, an info line, share buttons, links."""
    title = html.escape(art.headline[-1] if art.headline else art.paragraphs[0][:20])
    subtitle = "".join(f"<h2>{html.escape(h)}</h2>" for h in art.headline[:-1])
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in art.paragraphs)
    related = "".join(f'<li><a href="/news/{seed}{k}.html">{html.escape(r)}</a></li>' for k, r in enumerate(RELATED))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_{html.escape(outlet)}</title>
<meta name="keywords" content="新闻,要闻"><script>var _hmt = _hmt || [];</script></head>
<body><div class="top"><a href="/">网站首页</a> 无障碍 | 长者模式 | 登录</div>
<nav class="menu">{SITE_NAV}</nav>
<div class="crumb">当前位置：首页 &gt; 新闻中心 &gt; 本地要闻</div>
<div class="article"><h1>{title}</h1>{subtitle}
<div class="info">发布时间：{date} 09:{seed % 60:02d} 来源：{html.escape(outlet)} 字号：[大 中 小] 浏览次数：{100 + seed}</div>
<div class="content" id="zoom">{paras}</div>
<div class="share">分享到：微信 微博 QQ空间 【打印本页】 【关闭窗口】</div></div>
<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>
<footer>主办单位：某市人民政府办公室 版权所有 ICP备案号：某ICP备00000000号 网站标识码：0000000000</footer>
</body></html>"""
