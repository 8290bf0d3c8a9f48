"""Dates: resolved against the publication date (--date, else the file name), else kept as text.

Unit tests of kg.extract.dates, then `kg extract` on an invented page (real district
names of 潍坊市, invented people) to check the dates on the triples.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli_helpers import records_of, run_kg
from kg.extract.dates import DATE_FORMS, DATE_RE, cn_int, cn_year, date_in_context, find_date

PUB = dt.date(2021, 11, 26)


@pytest.mark.parametrize("text,date,surface", [
    ("11月25日，某某到某区调研", dt.date(2021, 11, 25), "11月25日"),
    ("11月16日至17日，某某到某区调研", dt.date(2021, 11, 16), "11月16日至17日"),
    ("11月16日—17日", dt.date(2021, 11, 16), "11月16日—17日"),
    ("10月28日至11月1日，检查组", dt.date(2021, 10, 28), "10月28日至11月1日"),
    ("近日，某局印发方案", None, "近日"),
    ("日前，某局印发方案", None, "日前"),
    ("去年12月30日，市政府印发", dt.date(2020, 12, 30), "去年12月30日"),
    ("今年3月5日，市政府印发", dt.date(2021, 3, 5), "今年3月5日"),
    ("2019年5月4日，某某", dt.date(2019, 5, 4), "2019年5月4日"),
    ("十一月二十五日上午", dt.date(2021, 11, 25), "十一月二十五日"),
    ("昨日，某某到某区", dt.date(2021, 11, 25), "昨日"),
    ("2月30日", None, "2月30日"),          # no such day
    ("会议要求，抓好落实", None, None),
    # a range gives its first day, whatever joins it
    ("7月3日至4日，某某到某县调研", dt.date(2021, 7, 3), "7月3日至4日"),
    ("3月20日-21日，某某到某县调研", dt.date(2021, 3, 20), "3月20日-21日"),
    ("3月20日—21日，某某到某县调研", dt.date(2021, 3, 20), "3月20日—21日"),
    ("11月30日至12月2日，某某到某县考察", dt.date(2021, 11, 30), "11月30日至12月2日"),
    ("11月16-17日，某某到某县调研", dt.date(2021, 11, 16), "11月16-17日"),
    ("16日至17日，某某到某县调研", dt.date(2021, 11, 16), "16日至17日"),
    # 号 is written for 日
    ("2月20号，某某到某县调研", dt.date(2021, 2, 20), "2月20号"),
    ("2月20号至21号，某某到某县调研", dt.date(2021, 2, 20), "2月20号至21号"),
    ("20号，某某到某县调研", dt.date(2021, 11, 20), "20号"),
    ("某某于20号上午到某县调研", dt.date(2021, 11, 20), "20号"),
    ("本月20号，某某到某县调研", dt.date(2021, 11, 20), "本月20号"),
    # a part of the day after a date leaves the date as it is
    ("3月5日上午，某某到某县调研", dt.date(2021, 3, 5), "3月5日"),
    ("5日下午，某某到某县调研", dt.date(2021, 11, 5), "5日"),
    ("上周五晚，某某暗访夜市", dt.date(2021, 11, 19), "上周五"),
    # full dates with a year, in figures or in characters (a signed notice)
    ("2024年3月5日，某某到某县调研", dt.date(2024, 3, 5), "2024年3月5日"),
    ("二〇二〇年九月二十二日", dt.date(2020, 9, 22), "二〇二〇年九月二十二日"),
    # relative to an event, or vague: no date, and not the article's either
    ("会前，某某察看了会场", None, "会前"),
    ("会后，与会人员参观了某园区", None, "会后"),
    ("活动期间，某某到某村走访", None, "活动期间"),
    ("近期，某局出台办法", None, "近期"),
    # the day of an earlier sentence: only date_in_context resolves it
    ("当天上午，某某到某村", None, "当天"),
    ("当日，某某到某村", None, "当日"),
    ("下午，某某到某村", None, "下午"),
])
def test_find_date_with_a_publication_date(text, date, surface):
    assert find_date(text, PUB) == (date, surface)


@pytest.mark.parametrize("text", [
    "某某路63号小区",               # an address
    "某政发〔2021〕1号文件",        # a document number
    "3号楼、5号线",
    "一号文件",
    "五日内完成整改，三日以来",
    "将会前往某地",                 # 会前 inside 会前往
    "某某上午到某村",               # 上午 not opening a clause
    "某某工会前，某某",              # 工会 + 前
])
def test_what_is_not_a_date(text):
    assert find_date(text, PUB) == (None, None)


def test_a_date_cut_by_the_window_still_counts():
    lead = "为做好冬季农业生产工作，市某局牵头开展专项督导，各县市区同步推进落实，11月19日，某某到某县督导"
    start = lead.index("11月19日")
    assert start < 40 < start + len("11月19日")
    assert find_date(lead, PUB, window=40) == (dt.date(2021, 11, 19), "11月19日")


def test_a_signature_is_not_the_lead_date():
    body = "某某到某县调研。某某来到某公司。某市人民政府办公室2021年11月22日"
    assert find_date(body, PUB, window=40) == (None, None)            # the lead has no date
    assert find_date("11月20日，" + body, PUB, window=40)[0] == dt.date(2021, 11, 20)
    assert find_date(body, PUB) == (dt.date(2021, 11, 22), "2021年11月22日")   # still a date


LEAD = (dt.date(2021, 11, 16), "11月16日")


@pytest.mark.parametrize("text,before,lead,expected", [
    # its own date first
    ("18日，某某到乙县", ["11月16日，某某到甲县"], LEAD, (dt.date(2021, 11, 18), "18日")),
    # 当天 / 下午，: the nearest earlier sentence with a date
    ("当天下午，某某到丙县", ["11月16日，某某到甲县", "18日，某某到乙县", "某某指出，要抓好落实"], LEAD,
     (dt.date(2021, 11, 18), "18日")),
    ("下午，某某到丙县", ["11月16日上午，某某到甲县"], LEAD, LEAD),
    ("当天，某某到丙县", ["当天上午，某某到乙县", "17日，某某到甲县"], LEAD, (dt.date(2021, 11, 17), "17日")),
    # 当天 with no dated sentence before it: the article's event date, not None
    ("当天，某某到丙县", [], LEAD, LEAD),
    ("当天，某某到丙县", ["某某指出，要抓好落实"], LEAD, LEAD),
    # 当天 after 近日 is as vague as 近日
    ("当天，某某到丙县", ["近日，某某到甲县"], (None, "近日"), (None, "近日")),
    # no date at all: the lead's; or, the lead having none, the nearest earlier dated sentence
    ("某某来到丁厂", ["18日，某某到乙县"], LEAD, LEAD),
    ("某某来到丁厂", ["标题 时间 来源", "为落实精神，11月19日，某某到乙县"], (None, None),
     (dt.date(2021, 11, 19), "11月19日")),
    ("某某来到丁厂", [], (None, None), (None, None)),
    ("某某来到丁厂", ["11月19日，某某到乙县"], (None, "当天"), (dt.date(2021, 11, 19), "11月19日")),
    # 会前 / 活动期间: no date, not the lead's
    ("会前，某某到丙县视察", ["11月16日，某会召开"], LEAD, (None, "会前")),
    ("活动期间，某某到丙县", ["11月16日，某会召开"], LEAD, (None, "活动期间")),
])
def test_date_in_context(text, before, lead, expected):
    assert date_in_context(text, PUB, before, lead) == expected


def test_december_dates_in_a_january_paper_are_last_year():
    assert find_date("12月28日，某某", dt.date(2022, 1, 3))[0] == dt.date(2021, 12, 28)
    assert find_date("1月2日，某某", dt.date(2022, 1, 3))[0] == dt.date(2022, 1, 2)


def test_without_a_publication_date_the_year_stays_unknown():
    assert find_date("11月16日至17日，某某", None) == (None, "11月16日至17日")
    assert find_date("去年12月30日", None) == (None, "去年12月30日")
    assert find_date("昨日", None) == (None, "昨日")
    assert find_date("2019年5月4日", None) == (dt.date(2019, 5, 4), "2019年5月4日")  # the year is stated


def test_window_limits_the_search():
    assert find_date("会议要求抓好落实。" * 10 + "3月5日", PUB, window=40) == (None, None)


@pytest.mark.parametrize("s,n", [("11", 11), ("十", 10), ("十一", 11), ("二十", 20), ("二十五", 25), ("三十一", 31), ("五", 5)])
def test_cn_int(s, n):
    assert cn_int(s) == n


def test_cn_year():
    assert (cn_year("二〇二一"), cn_year("二零二一"), cn_year("2021")) == (2021, 2021, 2021)


PAGE = """本报讯（记者柯南山）11月16日至17日，市委书记闻远舟到潍城区、寒亭区调研。

本报讯 近日，市委副书记、市长钱望川到坊子区调研。

本报讯 日前，副市长宫立言到奎文区调研。

本报讯 去年12月30日，副市长孙晓岚到昌邑市调研。

本报讯 今年3月5日，副市长欧阳明到青州市调研。

本报讯 11月25日，副市长柯晓岩到诸城市调研。

本报讯 市政府今年3月5日印发《潍坊市数字乡村建设实施方案》。

本报讯 去年12月30日，市政府印发《潍坊市智慧农业发展实施方案》。
"""


def triples_of(path, *args, input=None):
    res = run_kg("extract", path, "--city", "潍坊市", *args, input=input)
    assert res.returncode == 0, res.stderr.decode()
    recs = records_of(res.stdout)
    return recs, {(t["subject"], t["predicate"], t["object"]): t for t in recs if t["kind"] == "triple"}


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    f = tmp_path_factory.mktemp("dates") / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    return triples_of(f, "--date", "2021-11-26")


def test_visit_dates_resolve_against_date_option(dated):
    recs, t = dated
    assert all(a["date"] == "2021-11-26" for a in recs if a["kind"] == "article")
    assert t[("闻远舟", "visited", "潍城区")]["date"] == "2021-11-16"   # first day of a range
    assert t[("闻远舟", "visited", "寒亭区")]["date"] == "2021-11-16"
    assert t[("柯晓岩", "visited", "诸城市")]["date"] == "2021-11-25"   # year from --date
    assert t[("钱望川", "visited", "坊子区")]["date"] is None            # 近日
    assert t[("宫立言", "visited", "奎文区")]["date"] is None            # 日前
    assert t[("孙晓岚", "visited", "昌邑市")]["date"] == "2020-12-30"   # 去年
    assert t[("欧阳明", "visited", "青州市")]["date"] == "2021-03-05"   # 今年
    assert t[("潍坊市政府", "issued", "潍坊市数字乡村建设实施方案")]["date"] == "2021-03-05"


def test_issue_date_written_before_the_issuer(dated):
    """去年12月30日，市政府印发《…》: the date precedes the issuer (as on the 洛阳 example page)."""
    _, t = dated
    assert t[("潍坊市政府", "issued", "潍坊市智慧农业发展实施方案")]["date"] == "2020-12-30"


def test_year_from_an_iso_date_in_the_file_name(tmp_path):
    f = tmp_path / "wf-2021-11-26-p02.txt"
    f.write_text(PAGE, encoding="utf-8")
    recs, t = triples_of(f)
    arts = [a for a in recs if a["kind"] == "article"]
    assert arts and all(a["date"] == "2021-11-26" and a["page"] == 2 for a in arts)
    assert t[("柯晓岩", "visited", "诸城市")]["date"] == "2021-11-25"
    assert t[("孙晓岚", "visited", "昌邑市")]["date"] == "2020-12-30"
    # --date wins over the file name
    _, t = triples_of(f, "--date", "2023-11-26")
    assert t[("柯晓岩", "visited", "诸城市")]["date"] == "2023-11-25"


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_without_any_date_the_year_stays_unknown(tmp_path, how):
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    if how == "file":
        recs, t = triples_of(f)
    else:
        recs, t = triples_of("-", input=PAGE.encode("utf-8"))
    assert all(a["date"] is None for a in recs if a["kind"] == "article")
    visit = t[("柯晓岩", "visited", "诸城市")]
    assert visit["date"] is None and visit["date_text"] == "11月25日"
    visit = t[("闻远舟", "visited", "潍城区")]
    assert visit["date"] is None and visit["date_text"] == "11月16日至17日"
    visit = t[("孙晓岚", "visited", "昌邑市")]
    assert visit["date"] is None and "12月30日" in visit["date_text"]


# Dates as news writes them, through `kg extract` (invented people, real 潍坊 areas).
WINDOW_CUT_LEAD = "为做好冬季农业生产工作，市农业农村局牵头开展专项督导，各县市区同步推进落实，11月19日，副市长柯望野到高密市督导。"
LONG_LEAD = ("为做好秋冬季安全生产工作，市应急管理局牵头开展专项检查，各县市区应急部门同步推进各项措施落实落细，"
             "11月21日，副市长庞书远到寿光市检查。")
NEWS_PAGE = f"""本报讯 7月3日至4日，副市长岳临川到潍城区调研。

本报讯 3月20日-21日，副市长纪听澜到寒亭区调研。

本报讯 3月20日—21日，副市长单秋野到坊子区调研。

本报讯 2月20号至21号，副市长韩叙白到奎文区调研。

本报讯 11月30日至12月2日，副市长沈砚秋到昌邑市考察。

本报讯 20号，副市长罗映雪到青州市调研。

本报讯 2021年3月5日上午，副市长方鹤年到诸城市调研。

本报讯 11月16日上午，市委副书记周望舒到寿光市调研。当天下午，周望舒到安丘市调研。

本报讯 11月16日，副市长顾清和到高密市调研。18日，顾清和到临朐县调研。当天，顾清和到昌乐县调研。

本报讯 11月22日，副市长陆星河到潍城区调研。11月23日上午，在潍坊恒川机械有限公司，他察看了生产线。

本报讯 11月24日，市政协召开常委会议。会前，市政协主席谭远山到寒亭区视察。活动期间，谭远山到坊子区调研。

本报讯 {WINDOW_CUT_LEAD}柯望野来到潍坊丰禾种植专业合作社。

本报讯 {LONG_LEAD}庞书远来到潍坊安澜化工有限公司。

本报讯 副市长温若谷到昌乐县调研。温若谷来到潍坊恒川机械有限公司。
潍坊市人民政府办公室
2021年10月8日

本报讯 11月25日，副市长林听松到奎文区调研。林听松来到潍坊丰禾种植专业合作社。
潍坊市人民政府办公室
2021年10月9日
"""


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    f = tmp_path_factory.mktemp("news-dates") / "page.txt"
    f.write_text(NEWS_PAGE, encoding="utf-8")
    recs, t = triples_of(f, "--date", "2021-11-26")
    return recs, {(s, o): v["date"] for (s, p, o), v in t.items() if p == "visited"}


@pytest.mark.parametrize("official,area,date", [
    ("岳临川", "潍城区", "2021-07-03"),       # 7月3日至4日
    ("纪听澜", "寒亭区", "2021-03-20"),       # 3月20日-21日
    ("单秋野", "坊子区", "2021-03-20"),       # 3月20日—21日
    ("韩叙白", "奎文区", "2021-02-20"),       # 2月20号至21号
    ("沈砚秋", "昌邑市", "2021-11-30"),       # 11月30日至12月2日
    ("罗映雪", "青州市", "2021-11-20"),       # 20号
    ("方鹤年", "诸城市", "2021-03-05"),       # 2021年3月5日上午
])
def test_a_visit_takes_the_first_day_and_号_is_日(news, official, area, date):
    assert news[1][(official, area)] == date


def test_当天_is_the_day_of_the_sentence_before(news):
    _, visits = news
    assert visits[("周望舒", "寿光市")] == visits[("周望舒", "安丘市")] == "2021-11-16"
    assert visits[("顾清和", "高密市")] == "2021-11-16"
    assert visits[("顾清和", "临朐县")] == visits[("顾清和", "昌乐县")] == "2021-11-18"   # 18日，… 当天，…


def test_a_part_of_the_day_keeps_the_place_frame(news):
    """11月23日上午，在某公司，他察看…: the frame is read after a date with 上午."""
    assert news[1][("陆星河", "潍坊恒川机械有限公司")] == "2021-11-23"


def test_visits_dated_by_an_event_have_no_date(news):
    _, visits = news
    assert visits[("谭远山", "寒亭区")] is None       # 会前
    assert visits[("谭远山", "坊子区")] is None       # 活动期间


def test_a_lead_date_past_the_lead_window(news):
    _, visits = news
    start = WINDOW_CUT_LEAD.index("11月19日")
    assert start < 40 < start + len("11月19日")       # cut by segment's window, still the lead's
    assert visits[("柯望野", "高密市")] == visits[("柯望野", "潍坊丰禾种植专业合作社")] == "2021-11-19"
    assert LONG_LEAD.index("11月21日") > 40           # beyond it: the later sentence looks back
    assert visits[("庞书远", "寿光市")] == visits[("庞书远", "潍坊安澜化工有限公司")] == "2021-11-21"


def test_a_signature_date_dates_no_visit(news):
    recs, visits = news
    assert visits[("温若谷", "昌乐县")] is None and visits[("温若谷", "潍坊恒川机械有限公司")] is None
    assert visits[("林听松", "奎文区")] == visits[("林听松", "潍坊丰禾种植专业合作社")] == "2021-11-25"
    events = {a["event_date"] for a in recs if a["kind"] == "article"}
    assert "2021-10-08" not in events and "2021-10-09" not in events and "2021-11-25" in events


# pieces of every date form and of what stands around them, put together at random
DATE_PIECES = ("去年", "今年", "明年", "2024年", "二〇二〇年", "3月", "十二月", "本月", "当月", "5日", "16号", "二十日",
               "至", "到", "-", "近日", "日前", "近期", "前不久", "不久前", "活动期间", "会议期间", "会前", "会后",
               "当天", "当日", "当晚", "上午", "下午", "中午", "晚上", "昨日", "昨天", "前天", "今天", "今日",
               "上周", "本周", "这周", "一", "五", "日", "天", "，", "。", "于", "在", "街63", "号楼", "内", "以来",
               "某某", "调研", " ", "社", "第")


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=8).map("".join))
def test_the_guarded_date_pattern_finds_what_the_forms_find(text):
    plain = re.compile(DATE_FORMS)
    a, b = plain.search(text), DATE_RE.search(text)
    assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
