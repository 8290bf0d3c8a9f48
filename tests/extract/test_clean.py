"""Stage 2, clean: doubled headlines, continuation marks, photo credits, rejoined lines.

All text is invented ("某某" stands for any name).
"""
from __future__ import annotations

import pytest

from kg.extract.clean import clean_line, clean_lines, join_lines, undouble, undouble_line


def undoubled(s: str) -> str | None:
    kept = undouble_line(s)
    return None if kept is None else "".join(s[a:b] for a, b in kept)


@pytest.mark.parametrize("doubled,clean", [
    ("某某在某区调研某某在某区调研", "某某在某区调研"),
    ("（（20212021--20252025年年）》）》", "（2021-2025年）》"),
    ("““创新驱动创新驱动””", "“创新驱动”"),
    ("““李某某李某某””", "“李某某”"),
    ("市政府印发市政府印发《《某某实施方案某某实施方案》》", "市政府印发《某某实施方案》"),
    # chunks separated by spaces are undoubled one by one
    ("强创新强创新 提质量提质量", "强创新提质量"),
    ("————访某某区区长某某访某某区区长某某", "——访某某区区长某某"),
])
def test_doubled_headline_runs_are_undoubled(doubled, clean):
    assert undoubled(doubled) == clean
    line = clean_line(doubled, 100)
    assert line.kind == "headline" and line.text == clean


@pytest.mark.parametrize("word", ["哈哈", "一一", "常常", "谢谢", "看看", "天天向上"])
def test_legitimate_repeats_are_not_undoubled(word):
    assert undouble(word) is None
    for body in (f"他{word}说起这件事", f"{word}，大家都笑了。", f"群众{word}"):
        line = clean_line(body, 0)
        assert line.kind == "body" and line.text == body


def test_a_body_line_of_short_repeated_chunks_stays_as_is():
    for body in ("哈哈 哈哈", "谢谢 谢谢 大家", "一一对应 看看再说", "哈哈哈哈"):
        line = clean_line(body, 0)
        assert line.kind == "body" and line.text == body.replace(" ", "")


def test_undoubled_offsets_map_into_the_raw_line():
    raw = "某某在某区调研某某在某区调研"
    line = clean_line(raw, 500)
    for i, ch in enumerate(line.text):
        src = line.offsets.source(i) - 500
        assert raw[src] == ch


@pytest.mark.parametrize("raw,text", [
    ("（下转第八版）", ""),
    ("（上接第一版）", ""),
    ("( 下转第 2 版 )", ""),
    ("规范高效的市场主体准入和退出机 （下转第八版）", "规范高效的市场主体准入和退出机"),
    ("（上接第一版）要牢牢守住安全底线", "要牢牢守住安全底线"),
])
def test_continuation_marks_are_dropped(raw, text):
    line = clean_line(raw, 0)
    assert line.text == text
    assert line.kind == ("blank" if not text else "body")
    if text:
        assert raw[line.offsets.source(0)] == text[0]
        assert raw[line.offsets.source(len(text) - 1)] == text[-1]


@pytest.mark.parametrize("raw", ["某某 某某 摄", "柯南山 摄", "欧阳晓明 摄", "本报记者 柯南山 摄", "记者柯南山 摄",
                                 "柯南山 闻远舟 钱望川 摄影"])
def test_photo_credits_are_recognised(raw):
    assert clean_line(raw, 0).kind == "credit"


@pytest.mark.parametrize("raw", ["市委书记闻远舟到某区调研", "摄影爱好者在公园拍摄", "某某 某某 摄制的纪录片正在热映"])
def test_sentences_are_not_photo_credits(raw):
    assert clean_line(raw, 0).kind != "credit"


def test_a_sentence_broken_across_lines_and_a_blank_line_is_rejoined():
    page = "本报讯 11月\n25日，市委书记\n闻远舟到某区\n\n调研。会议要求，\n抓好落实。\n"
    lines = clean_lines(page)
    assert [l.kind for l in lines] == ["body", "body", "body", "blank", "body", "body"]
    text, omap = join_lines(lines)
    assert text == "本报讯11月25日，市委书记闻远舟到某区调研。会议要求，抓好落实。"
    for i, ch in enumerate(text):
        assert page[omap.source(i)] == ch, (i, ch)


def test_ascii_words_keep_one_space_when_rejoined():
    lines = clean_lines("建设5G\nbase station 与 AI\n平台\n")
    text, omap = join_lines(lines)
    assert "base station" in text and "5G base" in text
    assert "与AI平台" in text  # spaces between CJK and ASCII are layout


def test_spaces_inside_cjk_lines_are_layout():
    line = clean_line("本报讯（记者柯南山） 11月 25", 0)
    assert line.text == "本报讯（记者柯南山）11月25"


def test_clean_lines_offsets_cover_crlf_lines():
    page = "标题标题\r\n正文第一行\r\n\r\n某某 某某 摄\r\n"
    lines = clean_lines(page)
    assert [l.kind for l in lines] == ["headline", "body", "blank", "credit"]
    body = lines[1]
    assert page[body.start:body.end] == "正文第一行"
    assert page[body.offsets.source(0)] == "正"
