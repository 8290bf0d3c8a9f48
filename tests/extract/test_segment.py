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
from kg.extract.segment import parse_byline, parse_credit, segment_page, split_sentences
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


# --- bylines and credits as web pages and e-papers print them (all names invented) ---------

@pytest.mark.parametrize("raw,pairs", [
    ("记者 柯南山", [("记者", "柯南山")]),
    ("记者：柯南山", [("记者", "柯南山")]),
    ("记者 柯南山 钱望川", [("记者", "柯南山"), ("记者", "钱望川")]),
    ("本报记者 柯南山 通讯员 钱望川 孙晓岚", [("记者", "柯南山"), ("通讯员", "钱望川"), ("通讯员", "孙晓岚")]),
    ("(记者 柯南山)", [("记者", "柯南山")]),
    ("（记者 柯南山 通讯员 钱望川）", [("记者", "柯南山"), ("通讯员", "钱望川")]),
    ("（记者柯南山通讯员钱望川）", [("记者", "柯南山"), ("通讯员", "钱望川")]),
    ("（某某日报全媒体记者 柯南山 实习生 钱望川）", [("记者", "柯南山"), ("实习生", "钱望川")]),
    ("（记者 柯南山 见习记者 钱望川 通迅员 孙晓岚）",
     [("记者", "柯南山"), ("记者", "钱望川"), ("通讯员", "孙晓岚")]),
    ("（记者 柯南山 通讯员 钱望川 文/供图）", [("记者", "柯南山"), ("通讯员", "钱望川")]),
    ("作者：柯南山", [("作者", "柯南山")]),
    ("文/图 柯南山", [("文/图", "柯南山")]),
    ("文\\图：柯南山", [("文/图", "柯南山")]),
    ("文 / 柯南山", [("文", "柯南山")]),
    ("图 / 柯南山", [("图", "柯南山")]),
    ("摄影：柯南山", [("摄影", "柯南山")]),
    ("柯南山 摄", [("摄", "柯南山")]),
    ("记者 孙 岚 摄", [("摄", "孙岚")]),
    ("通讯员 柯南山", [("通讯员", "柯南山")]),
    ("文/某某晚报全媒体记者 柯南山通讯员 钱望川", [("记者", "柯南山"), ("通讯员", "钱望川")]),
    ("2024-03-05 某某县融媒体中心 通讯员 柯南山 记者 钱望川 孙 岚",
     [("通讯员", "柯南山"), ("记者", "钱望川"), ("记者", "孙岚")]),
    # spaced role words and names, separators | ： : /
    ("记 者 | 柯南山 孙 岚", [("记者", "柯南山"), ("记者", "孙岚")]),
    ("视 觉 | 庞 川", [("视觉", "庞川")]),
    ("编 辑 : 柯南山", [("编辑", "柯南山")]),
    # editors are journalists too
    ("编辑：柯南山", [("编辑", "柯南山")]),
    ("责任编辑: 柯南山", [("责任编辑", "柯南山")]),
    ("责编 | 柯南山", [("责编", "柯南山")]),
    ("校对：柯南山", [("校对", "柯南山")]),
    ("栏目主编：柯南山", [("栏目主编", "柯南山")]),
    ("文字编辑：柯南山", [("文字编辑", "柯南山")]),
    ("编辑：柯南山   审核：钱望川", [("编辑", "柯南山"), ("审核", "钱望川")]),
    ("作者：柯南山 来源：某某市政协", [("作者", "柯南山")]),
    # an outlet is no journalist; an author written after its name is
    ("来源：某某日报", []),
    ("来源: 某某网", []),
    ("来源 | 某某晚报·某某派", []),
    ("来源：某某日报柯南山", [("作者", "柯南山")]),
    # names without a role word, in brackets at the end of a paragraph
    ("（柯南山 钱望川）", [("作者", "柯南山"), ("作者", "钱望川")]),
])
def test_parse_byline_real_forms(raw, pairs):
    assert parse_byline(raw) == pairs


@pytest.mark.parametrize("text", [
    "记者从某某局获悉", "鼓掌 柯南山 摄", "（试行）", "（完）", "（本报综合报道）",
    "全媒体记者 融媒体", "来源：某某日报", "编辑部主任柯南山", "会议现场",
])
def test_what_is_not_wholly_a_byline(text):
    # kinds of reporter (全媒体, 本报, 见习) and common words are no names
    assert parse_credit(text) == []


WEB_PAGE = """某某县召开项目推进会
2024-03-05 09:30 来源：某某县融媒体中心
2024-03-05 某某融媒体中心 通讯员 柯南山 记者 钱望川 孙 岚

3月4日，某某县召开项目推进会。县长闻远舟出席会议并讲话。
会议现场 宫立言 摄
闻远舟在施工一线 宫立言 摄
闻远舟要求，要抓好项目建设。 (记者 白若川 实习生 欧阳晓明)

记 者 | 柯小满 伍 齐
视 觉 | 庞 川
编辑：孔令溪   审核：宫立言
来源：某某日报
"""


@pytest.fixture(scope="module")
def web_articles():
    return segment_page(Page("web.txt", WEB_PAGE, "utf-8", "3" * 64))


def test_a_web_page_is_one_article_under_its_title(web_articles):
    [art] = web_articles
    assert art.headline == "某某县召开项目推进会"
    assert art.start == 0 and art.end == len(WEB_PAGE.rstrip("\n"))


def test_bylines_before_inside_and_after_the_body_all_go_to_the_article(web_articles):
    [art] = web_articles
    assert art.byline == [
        ("通讯员", "柯南山"), ("记者", "钱望川"), ("记者", "孙岚"),
        ("摄", "宫立言"), ("摄", "宫立言"), ("记者", "白若川"), ("实习生", "欧阳晓明"),
        ("记者", "柯小满"), ("记者", "伍齐"), ("视觉", "庞川"), ("编辑", "孔令溪"), ("审核", "宫立言")]
    for a, b in art.byline_spans:
        assert WEB_PAGE[a:b].strip() and "\n" not in WEB_PAGE[a:b].strip()


def test_bylines_stay_out_of_the_sentences_and_captions_do_not_end_the_body(web_articles):
    [art] = web_articles
    assert [s.text for s in art.sentences] == [
        "3月4日，某某县召开项目推进会。", "县长闻远舟出席会议并讲话。",
        "会议现场", "闻远舟在施工一线",          # a caption is a sentence of its own
        "闻远舟要求，要抓好项目建设。"]
    text = "".join(s.text for s in art.all_sentences)
    for _role, name in art.byline:
        assert name not in text
    assert "来源" not in text and "某某日报" not in text


def test_a_byline_without_brackets_after_the_dateline():
    page = "本报讯 记者 柯南山 钱望川 3月2日，某某区召开秸秆综合利用现场会。\n"
    [art] = segment_page(Page("p.txt", page, "utf-8", "4" * 64))
    assert art.dateline == "本报讯"
    assert art.byline == [("记者", "柯南山"), ("记者", "钱望川")]
    assert [s.text for s in art.sentences] == ["3月2日，某某区召开秸秆综合利用现场会。"]


def test_an_outlets_own_dateline_and_a_typo_in_a_role_word():
    page = "某某新闻网3月2日讯（记者 柯南山 通迅员 钱望川）3月2日，某某区召开现场会。\n"
    [art] = segment_page(Page("p.txt", page, "utf-8", "5" * 64))
    assert art.dateline == "某某新闻网3月2日讯"
    assert art.byline == [("记者", "柯南山"), ("通讯员", "钱望川")]
    assert [s.text for s in art.sentences] == ["3月2日，某某区召开现场会。"]


def test_a_caption_line_ending_in_a_credit_is_split_and_a_caption_word_is_no_name():
    page = ("本报讯 3月2日，某某区召开现场会。\n鼓掌 柯南山 摄\n"
            "会议要求，抓好落实。\n")
    [art] = segment_page(Page("p.txt", page, "utf-8", "6" * 64))
    assert art.byline == [("摄", "柯南山")]
    assert [s.text for s in art.sentences] == ["3月2日，某某区召开现场会。", "鼓掌", "会议要求，抓好落实。"]


def test_a_paragraph_broken_inside_its_lead_byline_is_not_cut_at_the_broken_line():
    page = "本报讯（记者柯南山\n通讯员钱望川 孙晓岚\n）3月2日，某某区召开现场会。\n"
    [art] = segment_page(Page("p.txt", page, "utf-8", "7" * 64))
    assert art.byline == [("记者", "柯南山"), ("通讯员", "钱望川"), ("通讯员", "孙晓岚")]
    assert [s.text for s in art.sentences] == ["3月2日，某某区召开现场会。"]


def test_a_byline_in_brackets_closes_its_item_and_names_without_roles_count():
    page = ("3月2日，某某区召开安全生产现场会，部署冬季安全生产各项工作任务，确保全区安全形势稳定。（记者 柯南山）\n"
            "3月3日，某某镇开展消防演练，检验基层应急救援队伍的实战能力，提升群众的自救互救能力。\n（钱望川 孙晓岚）\n")
    first, second = segment_page(Page("p.txt", page, "utf-8", "8" * 64))
    assert first.byline == [("记者", "柯南山")]
    assert second.byline == [("作者", "钱望川"), ("作者", "孙晓岚")]
    assert [s.text for s in first.sentences] == ["3月2日，某某区召开安全生产现场会，部署冬季安全生产各项工作任务，确保全区安全形势稳定。"]
    assert [s.text for s in second.sentences] == ["3月3日，某某镇开展消防演练，检验基层应急救援队伍的实战能力，提升群众的自救互救能力。"]


def test_a_sentences_offset_map_keeps_only_its_own_runs_and_maps_as_the_articles_does():
    text = "第一行文字。\n第二行\n文字。第三句。\n"
    lines = clean_lines(text)
    body, omap = join_lines([line for line in lines if line.kind != "blank"])
    sentences = split_sentences(body, omap)
    assert [s.text for s in sentences] == ["第一行文字。", "第二行文字。", "第三句。"]
    start = 0
    for s in sentences:
        # every offset of the sentence, its end included, maps as the article's map maps it
        assert [s.offsets.source(i) for i in range(len(s.text) + 1)] == \
            [omap.source(start + i) for i in range(len(s.text) + 1)]
        assert all(c <= len(s.text) for c, _, _ in s.offsets.gaps())      # no run of a later sentence
        start += len(s.text)


@pytest.mark.parametrize("furniture", [
    "时间：2024-03-05 10:07:36\n来源：某某日报\n",          # a stamp line, then the outlet
    "\n发布时间：\n\n2024-03-05\n\n",                    # the label and the stamp on lines of their own
    "发布时间：2024-03-05人气：651所属分类：企业动态\n",      # the fields run together
])
def test_a_web_copys_stamp_and_counters_are_no_text_and_end_its_title_line(furniture):
    page = "柯南山当选某某区区长\n" + furniture + "昨天，某某区人民代表大会闭幕。\n"
    [art] = segment_page(Page("p.txt", page, "utf-8", "9" * 64))
    assert art.headline == "柯南山当选某某区区长"
    assert [s.text for s in art.sentences] == ["昨天，某某区人民代表大会闭幕。"]


def test_a_notices_time_line_stays_text():
    page = "本报讯 某某区将举办招聘会。\n时间：3月5日上午9时\n地点：某某广场。\n"
    [art] = segment_page(Page("p.txt", page, "utf-8", "a" * 64))
    assert "".join(s.text for s in art.sentences) == "某某区将举办招聘会。时间：3月5日上午9时地点：某某广场。"


def test_a_notices_title_under_a_source_line_and_over_its_number_is_its_headline():
    page = ("来源：某某县人民政府办公室\n\n某某县人民政府关于公布“某某\n示范村”名单的通知\n\n某政函〔2024〕25号\n\n"
            "各乡镇人民政府：\n\n经评选，青禾村列入示范村名单。\n")
    [art] = segment_page(Page("p.txt", page, "utf-8", "b" * 64))
    assert art.headline == "某某县人民政府关于公布“某某示范村”名单的通知"
    assert art.sentences[0].text.startswith("各乡镇人民政府：")


def test_a_title_line_over_a_dateline_body_that_shares_its_words_is_its_headline():
    page = "某某区人大常委会召开第十一次会议\n\n本报讯 5月30日，某某区人大常委会召开第十一次会议，审议有关事项。\n"
    [art] = segment_page(Page("p.txt", page, "utf-8", "c" * 64))
    assert art.headline == "某某区人大常委会召开第十一次会议"
    assert art.dateline == "本报讯"
