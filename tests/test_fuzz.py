"""Fuzzing the cleaner, the decoder and the extractor with Hypothesis.

Arbitrary Unicode, broken encodings, huge lines, empty articles and random
headline doubling: nothing crashes, every span stays inside the source text,
every record is JSON-serialisable. Example counts are modest so the suite
stays fast.
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.extract.clean import clean_lines, undouble

WIDENED = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
from kg.model import Page
from kg.extract.pipeline import extract_page
from kg.extract.read import ReadError, decode

FUZZ = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(deadline=None, max_examples=12, suppress_health_check=[HealthCheck.too_slow])

# Pieces of newspaper text with invented names; Hypothesis strings them together.
PIECES = ["本报讯（记者 ", "通讯员", "）", "（下转第三版）", "（上接第一版）", "\n", "\n\n", " ", "\f",
          "市委书记", "市长", "副市长", "调研", "到", "来到", "陪同", "。", "，", "、", "《", "》",
          "青岚市", "东禾区", "云溪县", "甲乙", "丙丁", "戊己庚", "青禾科技有限公司", "澄川集团",
          "印发", "行动方案", "（以下简称《方案》）", "“", "”", "5月1日", "2023年", "摄", "旗下", "位于",
          "市政府办公室", "——", "\r\n", "\u3000", "ＡＢＣ", "abc", "123"]
newsish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=80).map("".join)


def doubled(s: str) -> str:
    return "".join(ch * 2 for ch in s)


@st.composite
def headline_pages(draw) -> str:
    """Pages whose headlines are doubled at random (whole runs or char by char), some with no body."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        head = draw(st.lists(st.sampled_from(PIECES[9:40]), min_size=1, max_size=6).map("".join)).strip()
        how = draw(st.sampled_from(["run", "char", "plain"]))
        lines.append(head * 2 if how == "run" else doubled(head) if how == "char" else head)
        if draw(st.booleans()):
            lines.append(draw(newsish))
        lines.append("")
    return "\n".join(lines)


def check_spans(records: list[dict], page: Page) -> None:
    lo, hi = page.base, page.base + len(page.text)
    for rec in records:
        json.dumps(rec, ensure_ascii=False, allow_nan=False)
        if "span" in rec:
            start, end = rec["span"]
            assert lo <= start <= end <= hi, (rec["kind"], rec["span"], hi)


# ---------------------------------------------------------------- cleaner

def check_lines(text: str) -> None:
    for line in clean_lines(text):
        assert 0 <= line.start <= line.end <= len(text)
        for i, ch in enumerate(line.text):
            src = line.offsets.source(i)
            assert 0 <= src < len(text)
            # every kept character maps to itself, a space between ASCII words to a
            # space, and half-width punctuation the cleaner widened to its half form
            assert (text[src] == ch or (ch == " " and text[src].isspace())
                    or WIDENED.get(text[src]) == ch), (i, ch, src)


@FUZZ
@given(st.text())
@example("标题标题\r\n正文\u2028第二行\x85\n")
def test_clean_lines_arbitrary_unicode(text):
    check_lines(text)


@FUZZ
@given(newsish)
def test_clean_lines_newspaper_like(text):
    check_lines(text)


@FUZZ
@given(headline_pages())
def test_clean_lines_doubled_headlines(text):
    check_lines(text)


def test_undoubled_digits_are_not_spaced_out():
    # found by fuzzing: digits doubled one by one (22002233) were joined as "2 0 2 3"
    text = "22002233年年市市委委书书记记市市委委书书记记\n"
    (line,) = clean_lines(text)
    assert line.text.startswith("2023")
    for i, ch in enumerate(line.text):
        assert text[line.offsets.source(i)] == ch


@FUZZ
@given(st.text())
def test_undouble_keeps_a_chain_of_doubled_runs(s):
    ranges = undouble(s)
    if ranges is not None:
        assert all(0 <= a < b <= len(s) for a, b in ranges)
        assert "".join(s[a:b] * 2 for a, b in ranges) == s


@FUZZ
@given(st.lists(st.text(alphabet="甲乙丙丁市长调研（）《》0123", min_size=1, max_size=5), min_size=1, max_size=8))
def test_undouble_recovers_random_doubling(runs):
    s = "".join(r * 2 for r in runs)
    ranges = undouble(s)
    cjk = any("\u4e00" <= c <= "\u9fff" for c in s)
    if len(s) <= 200 and cjk and any(len(set(r)) >= 2 for r in runs):
        assert ranges is not None, s      # a doubled headline is recognised
    if ranges is not None:
        assert "".join(s[a:b] * 2 for a, b in ranges) == s


# ---------------------------------------------------------------- decoder

@FUZZ
@given(st.binary(max_size=2000))
def test_decode_arbitrary_bytes(data):
    try:
        text, enc = decode(data, "fuzz.txt")
    except ReadError as exc:
        msg = str(exc)
        assert msg.startswith("fuzz.txt:") and "\n" not in msg
        return
    assert isinstance(text, str) and enc


@FUZZ
@given(newsish, st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]), st.integers(0, 5), st.binary(max_size=4))
def test_decode_broken_encodings(text, enc, cut, junk):
    data = text.encode(enc)
    broken = data[: max(0, len(data) - cut)] + junk     # truncated mid-character, stray bytes
    try:
        got, _ = decode(broken, "x.txt")
    except ReadError as exc:
        assert str(exc).startswith("x.txt:")
        return
    assert isinstance(got, str)
    if not cut and not junk and enc == "utf-8" and "\x00" not in text and text:
        assert got == text or got == text.lstrip("\ufeff")


# ---------------------------------------------------------------- extractor

def run(text: str, base: int = 0, city: str | None = None) -> None:
    page = Page(source="fuzz.txt", text=text, encoding="utf-8", sha256="f" * 64, home=city, base=base)
    check_spans(extract_page(page), page)


@FUZZ
@given(newsish, st.integers(0, 10_000), st.sampled_from([None, "青岚市", "兰州市"]))
def test_extract_page_newspaper_like(text, base, city):
    run(text, base, city)


@FUZZ
@given(st.text(max_size=400))
@example("")
@example("本报讯（记者 甲乙）")
@example("\n\n\n")
def test_extract_page_arbitrary_unicode(text):
    run(text)


@FUZZ
@given(headline_pages())
def test_extract_page_doubled_headlines_and_empty_articles(text):
    run(text)


@FEW
@given(st.sampled_from(PIECES[9:40]), st.integers(2_000, 30_000), st.booleans())
def test_extract_page_huge_lines(piece, n, breaks):
    line = (piece * (n // max(1, len(piece))))[:n]
    text = "本报讯（记者 甲乙）" + (line if not breaks else line.replace("。", "。\n"))
    run(text)
