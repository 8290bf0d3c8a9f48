"""Stage 1, read: files, folders, stdin, encodings, bad inputs, big files.

In-process tests of kg.extract.read, plus the 50 MB run of `kg extract` (slow).
"""
from __future__ import annotations

import datetime as dt

import pytest

from cli_helpers import EXAMPLE_PAGES, ROOT
from kg.extract.read import (ReadError, date_from_name, decode, iter_paths, page_from_name, read_page,
                     read_pages, split_text)
from kg.extract.read.paths import page_label

TEXT = "本报讯（记者柯南山）3月2日，市委书记闻远舟到某区调研。\n"


# --- decoding -------------------------------------------------------------

def test_utf8_without_and_with_bom_decode_to_the_same_text():
    assert decode(TEXT.encode("utf-8"), "x") == (TEXT, "utf-8")
    text, enc = decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "x")
    assert text == TEXT and not text.startswith("\ufeff") and enc == "utf-8-sig"


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_chinese_legacy_encodings_are_detected_from_the_bytes(codec):
    text, enc = decode(TEXT.encode(codec), "x")
    assert text == TEXT and enc == "gb18030"


def test_gb18030_only_characters_survive():
    s = "𠀀堃镕" + TEXT  # a CJK Ext-B character only GB18030 (4-byte) can encode
    assert decode(s.encode("gb18030"), "x")[0] == s


def test_bom_followed_by_non_utf8_is_an_error_naming_the_file():
    with pytest.raises(ReadError, match=r"^bad\.txt: .*BOM"):
        decode(b"\xef\xbb\xbf" + TEXT.encode("gb18030"), "bad.txt")


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    (bytes(range(1, 9)) * 100, "binary"),
    (bytes(range(128, 256)) * 10, "encoding"),
])
def test_binary_and_undecodable_bytes_are_refused(data, what):
    with pytest.raises(ReadError) as info:
        decode(data, "in/file.bin")
    msg = str(info.value)
    assert msg.startswith("in/file.bin: ") and "\n" not in msg and what in msg


def test_a_character_cut_off_at_the_end_is_replaced_with_a_warning_naming_the_byte(capsys):
    data = (TEXT * 20).rstrip("\n").encode("utf-8")[:-1]     # last character cut in half
    text, enc = decode(data, "cut.txt")
    assert enc == "utf-8" and text == (TEXT * 20).rstrip("\n")[:-1] + "\ufffd"
    assert capsys.readouterr().err == f"kg: warning: cut.txt: the last character is cut off (byte {len(data) - 2}); " \
        "read as U+FFFD\n"


def test_a_cut_in_the_middle_is_still_refused_with_the_offset_of_the_bad_byte():
    data = TEXT.encode("utf-8")
    broken = data[:10] + data[11:]
    with pytest.raises(ReadError, match=r"^cut\.txt: .*offset 9"):
        decode(broken * 3, "cut.txt")


def test_a_few_nul_bytes_are_read_as_spaces_with_a_warning(capsys):
    data = TEXT.encode("utf-8")
    text, _ = decode(data[:6] + b"\x00\x00" + data[6:], "nul.txt")
    assert text == TEXT[:2] + "  " + TEXT[2:] and "nul.txt: 2 NUL bytes (the first at byte 6)" in capsys.readouterr().err


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_or_without_a_bom_is_read(enc):
    text, got = decode((TEXT * 3).encode(enc), "u16.txt")
    assert text == TEXT * 3 and got.startswith("utf-16")


# --- files, folders, stdin -------------------------------------------------

def test_empty_and_blank_files_are_clear_errors(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\n\t\n")):
        f = tmp_path / name
        f.write_bytes(data)
        with pytest.raises(ReadError, match=rf"^{f}: empty file$"):
            read_page(str(f))


def test_missing_file_and_directory_are_errors_naming_them(tmp_path):
    with pytest.raises(ReadError, match=rf"^{tmp_path}/nope.txt: no such file or directory"):
        read_page(str(tmp_path / "nope.txt"))
    with pytest.raises(ReadError, match=rf"^{tmp_path}: is a directory"):
        read_page(str(tmp_path))


def test_folders_are_walked_recursively_sorted_with_a_pattern(tmp_path):
    for rel in ("b/2.txt", "a/1.txt", "a/deep/3.txt", "a/skip.md", "c.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(TEXT, encoding="utf-8")
    got = [str(p).removeprefix(str(tmp_path) + "/") for p in iter_paths([str(tmp_path)])]
    assert got == ["a/1.txt", "a/deep/3.txt", "b/2.txt", "c.txt"]
    got = [str(p).removeprefix(str(tmp_path) + "/") for p in iter_paths([str(tmp_path)], "*.md")]
    assert got == ["a/skip.md"]
    # files and '-' are passed through as given, in order
    assert list(iter_paths([str(tmp_path / "c.txt"), "-"])) == [str(tmp_path / "c.txt"), "-"]


def test_read_page_keeps_source_sha_and_name_metadata(tmp_path):
    f = tmp_path / "2021-11-26-p03.txt"
    data = b"\xef\xbb\xbf" + TEXT.encode("utf-8")
    f.write_bytes(data)
    page = read_page(str(f))
    import hashlib
    assert page.text == TEXT and page.sha256 == hashlib.sha256(data).hexdigest()
    assert page.date == dt.date(2021, 11, 26) and page.page_no == 3 and page.source == str(f)
    # --date wins over the file name
    assert read_page(str(f), date=dt.date(2020, 1, 2)).date == dt.date(2020, 1, 2)


@pytest.mark.parametrize("name,date", [
    ("2021-11-26.txt", dt.date(2021, 11, 26)),
    ("cz_20211126_p01.txt", dt.date(2021, 11, 26)),
    ("2021.11.26-A02.txt", dt.date(2021, 11, 26)),
    ("dir-2020-01-01/page.txt", dt.date(2020, 1, 1)),     # a folder gives the date the name does not
    ("2019-05-06/2020-01-01.txt", dt.date(2020, 1, 1)),   # the file name first
    ("arch/2024/11/21/A01.pdf", dt.date(2024, 11, 21)),   # year/month/day folders
    ("arch/2024-11-21/03.html", dt.date(2024, 11, 21)),
    ("20241121_01.txt", dt.date(2024, 11, 21)),
    ("2021-13-45.txt", None),                 # not a date
    ("page12345678.txt", None),
    ("page.txt", None),
])
def test_date_from_name(name, date):
    assert date_from_name(name) == date


@pytest.mark.parametrize("name,page", [
    ("2021-11-26-p03.txt", 3), ("cz-20211126-page12.txt", 12), ("第8版.txt", 8), ("2021-11-26.txt", None),
    ("2024/11/21/A01.pdf", 1), ("2024-11-21/03.html", 3), ("20241121_01.txt", 1), ("第十二版.txt", 12),
])
def test_page_from_name(name, page):
    assert page_from_name(name) == page


@pytest.mark.parametrize("name,label", [
    ("2024/11/21/A01.pdf", (1, "A01")), ("20241121-B12.txt", (12, "B12")), ("2021-11-26-p03.txt", (3, None)),
    ("report.txt", (None, None)),
])
def test_page_label_keeps_the_edition(name, label):
    assert page_label(name) == label


def test_archive_layout_dates_every_file(tmp_path):
    """arch/2024-11-21/A01.txt: the folder's date and the edition reach the article record."""
    f = tmp_path / "arch" / "2024-11-21" / "A01.txt"
    f.parent.mkdir(parents=True)
    f.write_text("本报讯 昨日，市长王大明到青禾科技有限公司调研。\n", encoding="utf-8")
    from kg.extract.pipeline import extract_file

    recs = extract_file(str(f), home="保定市").records
    art = next(r for r in recs if r["kind"] == "article")
    assert (art["date"], art["page"], art["edition"]) == ("2024-11-21", 1, "A01")
    assert any(r["kind"] == "triple" and r["predicate"] == "visited" and r["date"] == "2024-11-20" for r in recs)


# --- big files: chunks keep file offsets ---------------------------------------

def test_split_text_pieces_tile_the_text_and_respect_the_limit():
    paras = [f"第{i}段正文，内容若干。" * (i % 7 + 1) for i in range(200)]
    text = "\n\n".join(paras) + "\f" + "另一版\n" * 50
    pieces = list(split_text(text, limit=300))
    assert len(pieces) > 5
    pos = 0
    for off, part in pieces:
        assert text[pos:off].strip() == ""          # only blank stretches are skipped
        assert text[off:off + len(part)] == part
        assert len(part) <= 300
        pos = off + len(part)
    assert text[pos:].strip() == ""
    # cuts fall on blank lines or form feeds when there are any
    for off, _ in pieces[1:]:
        assert text[off - 2:off] == "\n\n" or text[off - 1] == "\f"


def test_split_text_prefers_separator_lines_then_article_breaks():
    body = "本报讯 某某区召开会议，部署工作。\n\n会议强调，要抓好落实\n\n工作。\n\n"
    text = body * 30 + "=== 7 ===\n\n" + body * 30
    cuts = [off for off, _ in split_text(text, limit=len(body) * 40)]
    assert cuts[1] == text.index("=== 7 ===")      # the separator line starts the next piece
    # without separator lines: between two articles, never at the blank line inside a sentence
    text = body * 100
    for off, part in list(split_text(text, limit=1000))[1:]:
        assert part.startswith("本报讯"), part[:20]


@pytest.mark.parametrize("joiner", ["\n\n", "\n\n=== {n} ===\n\n"])
@pytest.mark.parametrize("limit", [15013, 33331])
def test_chunks_cut_no_article_in_two(joiner, limit):
    """Pages joined into one long text: its pieces hold as many articles as the whole text.

    With page separator lines the count is exact. With bare blank lines a cut
    between two articles may still part an article from a headline block
    printed after the next one (interleaved columns): at most one extra
    article per cut.
    """
    from kg.model import Page
    from kg.extract.segment import segment_page

    pages = [p.read_text(encoding="utf-8") for p in EXAMPLE_PAGES]
    parts = []
    for n in range(8 * len(pages)):
        parts.append(joiner.format(n=n) if n else "")
        parts.append(pages[n % len(pages)])
    text = "".join(parts)
    whole = len(segment_page(Page("x", text, "utf-8", "0" * 64)))
    pieces = list(split_text(text, limit=limit))
    assert len(pieces) > 3
    chunked = sum(len(segment_page(Page("x", piece, "utf-8", "0" * 64, base=off))) for off, piece in pieces)
    if "===" in joiner:
        assert chunked == whole
    else:
        assert whole <= chunked <= whole + len(pieces) - 1


def test_read_pages_splits_at_form_feeds_with_file_offsets(tmp_path):
    parts = ["本报讯 第一版正文。\n", "本报讯 第二版正文。\n", "本报讯 第三版正文。\n"]
    f = tmp_path / "book.txt"
    f.write_bytes(b"\xef\xbb\xbf" + "\f".join(parts).encode("utf-8"))
    whole = read_page(str(f))
    pages = list(read_pages(str(f), home="潍坊市"))
    assert len(pages) == 3
    for page, part in zip(pages, parts):
        assert whole.text[page.base:page.base + len(page.text)] == page.text
        assert page.text.startswith(part.rstrip("\n"))
        assert page.sha256 == whole.sha256 and page.home == "潍坊市"


# --- a big file through the CLI ------------------------------------------------

def test_a_big_file_through_kg_extract(tmp_path):
    """A 3 MB file of the example pages (several 1M-character chunks cut at blank lines):
    every span inside the file, every triple's evidence at its span, every article found.
    The 50 MB timing is scripts/bench_big_file.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_big_file", ROOT / "scripts" / "bench_big_file.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    r = bench.run(3, tmp_path)
    assert r["mb"] > 3 and r["articles"] == r["expected_articles"] > 0
