"""Stage 3, segment: a page cut into articles with headlines, bylines and sentences.

The page below is invented and laid out like a PDF text layer: a banner,
a body whose byline and sentences are broken across lines (and across a
blank line at a column break), a continuation mark, a photo credit, doubled
headline blocks printed *after* their body, a 据新华社…电 article, and a
headline block printed *before* its body.
"""
from __future__ import annotations

import pytest

from kg.model import Page
from kg.extract.segment import parse_byline, segment_page, split_sentences
from kg.extract.clean import clean_lines, join_lines

PAGE = """ 奋进新征程 建功新时代

本报讯（记者柯南
山 通讯员钱望川 孙
晓岚） 3月2日，市委书
记闻远舟到某某区调研
城市更新工作。闻远舟强调，要

抓好安全生产，确保各项任务
圆满完成。 （下转第二版）

柯小满 伍思齐 摄

闻远舟在某某区调研闻远舟在某某区调研

要抓好安全生产要抓好安全生产

据新华社北京3月1日电 国务院
办公厅日前印发《关于某某工作的
意见》，部署开展试点。

国务院办公厅印发某某意见国务院办公厅印发某某意见

某某街道开展消防演练某某街道开展消防演练

本报讯（实习生欧阳晓明 记者
宫立言） 日前，某某街道开展消
防演练。演练结束后，街道负责人
进行了点评。
"""


@pytest.fixture(scope="module")
def articles():
    return segment_page(Page("page.txt", PAGE, "utf-8", "0" * 64))


def test_articles_in_page_order_with_their_headlines(articles):
    assert [a.headline for a in articles] == [
        "奋进新征程建功新时代", "闻远舟在某某区调研", "国务院办公厅印发某某意见", "某某街道开展消防演练"]
    assert articles[1].subheadlines == ["要抓好安全生产"]
    starts = [a.start for a in articles]
    assert starts == sorted(starts)
    # no two articles overlap
    for a, b in zip(articles, articles[1:]):
        assert a.end <= b.start


def test_datelines(articles):
    assert [a.dateline for a in articles] == ["", "本报讯", "据新华社北京3月1日电", "本报讯"]


def test_bylines_with_roles_spaces_and_a_name_broken_across_lines(articles):
    assert articles[1].byline == [("记者", "柯南山"), ("通讯员", "钱望川"), ("通讯员", "孙晓岚"),
                                  ("摄", "柯小满"), ("摄", "伍思齐")]
    assert articles[3].byline == [("实习生", "欧阳晓明"), ("记者", "宫立言")]
    assert articles[2].byline == [] and articles[0].byline == []


def test_sentences_are_rejoined_across_lines_blank_lines_and_continuation_marks(articles):
    assert [s.text for s in articles[1].sentences] == [
        "3月2日，市委书记闻远舟到某某区调研城市更新工作。",
        "闻远舟强调，要抓好安全生产，确保各项任务圆满完成。"]
    assert [s.text for s in articles[2].sentences] == ["国务院办公厅日前印发《关于某某工作的意见》，部署开展试点。"]
    assert [s.text for s in articles[3].sentences] == ["日前，某某街道开展消防演练。", "演练结束后，街道负责人进行了点评。"]


def test_every_sentence_maps_back_into_its_article(articles):
    for art in articles:
        for sent in art.all_sentences:
            a, b = sent.source_span()
            assert art.start <= a < b <= art.end
            assert PAGE[a] == sent.text[0] and PAGE[b - 1] == sent.text[-1]
            for i, ch in enumerate(sent.text):
                assert PAGE[sent.offsets.source(i)] == ch


def test_article_spans_cover_headline_blocks_printed_after_the_body(articles):
    art = articles[1]
    assert PAGE[art.start:].startswith("本报讯")
    assert PAGE[:art.end].endswith("要抓好安全生产要抓好安全生产")


def test_event_date_of_the_lead_not_the_dateline(articles):
    import datetime as dt
    page = Page("page.txt", PAGE, "utf-8", "0" * 64, date=dt.date(2024, 3, 3))
    arts = segment_page(page)
    assert arts[1].date == dt.date(2024, 3, 2)
    assert (arts[2].date, arts[2].date_text) == (None, "日前")   # 3月1日 of the dateline is not an event date


def test_two_bodies_before_their_two_headline_blocks_are_paired_by_content():
    page = ("本报讯 3月2日，某某区召开秸秆综合利用现场会，推广秸秆还田。\n\n"
            "本报讯 3月2日，某某县举办冬季长跑比赛，千余名选手参赛。\n\n"
            "某某县举办冬季长跑比赛某某县举办冬季长跑比赛\n\n"
            "某某区召开秸秆综合利用现场会某某区召开秸秆综合利用现场会\n")
    arts = segment_page(Page("p.txt", page, "utf-8", "1" * 64))
    assert [a.headline for a in arts] == ["某某区召开秸秆综合利用现场会", "某某县举办冬季长跑比赛"]


def test_a_headline_block_before_its_body():
    page = "某某区召开秸秆综合利用现场会某某区召开秸秆综合利用现场会\n\n本报讯 3月2日，某某区召开秸秆综合利用现场会。\n"
    arts = segment_page(Page("p.txt", page, "utf-8", "2" * 64))
    assert len(arts) == 1 and arts[0].headline == "某某区召开秸秆综合利用现场会" and arts[0].start == 0


def test_article_ids_are_stable_and_distinct():
    a = segment_page(Page("page.txt", PAGE, "utf-8", "0" * 64))
    b = segment_page(Page("other-name.txt", PAGE, "utf-8", "0" * 64))
    assert [x.id for x in a] == [x.id for x in b]
    assert len({x.id for x in a}) == len(a)


@pytest.mark.parametrize("raw,pairs", [
    ("（记者柯南山）", [("记者", "柯南山")]),
    ("（本报记者柯南山 钱望川）", [("记者", "柯南山"), ("记者", "钱望川")]),
    ("（记者 柯南山 钱望川 通讯员 孙晓岚）", [("记者", "柯南山"), ("记者", "钱望川"), ("通讯员", "孙晓岚")]),
    ("（记者柯\n南山 实习生欧阳\n晓明）", [("记者", "柯南山"), ("实习生", "欧阳晓明")]),
    ("（记者柯南山、钱望川）", [("记者", "柯南山"), ("记者", "钱望川")]),
    # line breaks: inside a name, inside a role word, between two names
    ("（通讯员柯南山 钱望川 孙\n晓岚 记者宫立言）",
     [("通讯员", "柯南山"), ("通讯员", "钱望川"), ("通讯员", "孙晓岚"), ("记者", "宫立言")]),
    ("（记者 柯南山\n钱望川）", [("记者", "柯南山"), ("记者", "钱望川")]),
    ("（记者 柯南山\r\n 钱望川）", [("记者", "柯南山"), ("记者", "钱望川")]),
    ("（记者 孙 \n晓岚）", [("记者", "孙晓岚")]),
    ("（记者柯南山 通讯\n员钱望川）", [("记者", "柯南山"), ("通讯员", "钱望川")]),
    ("（本报记\n者柯南山）", [("记者", "柯南山")]),
    ("（记者 柯南山 钱望川\n 通讯员 孙晓岚）", [("记者", "柯南山"), ("记者", "钱望川"), ("通讯员", "孙晓岚")]),
    ("柯小满 伍思齐 摄", [("摄", "柯小满"), ("摄", "伍思齐")]),
    ("柯小满摄", [("摄", "柯小满")]),
])
def test_parse_byline(raw, pairs):
    assert parse_byline(raw) == pairs


def test_split_sentences_keeps_closing_quotes_and_cuts_long_runs():
    text = "他说：“要抓落实。”会议要求，狠抓落实！" + "甲乙丙丁，" * 100 + "完。"
    lines = clean_lines(text + "\n")
    joined, omap = join_lines(lines)
    sents = split_sentences(joined, omap)
    assert sents[0].text == "他说：“要抓落实。”"
    assert sents[1].text == "会议要求，狠抓落实！"
    assert all(len(s.text) <= 300 for s in sents)
    assert "".join(s.text for s in sents) == joined
