"""Dates: resolved against the publication date (--date, else the file name), else kept as text.

Unit tests of kg.extract.dates, then `kg extract` on an invented page (real district
names of 潍坊市, invented people) to check the dates on the triples.
"""
from __future__ import annotations

import datetime as dt

import pytest

from cli_helpers import records_of, run_kg
from kg.extract.dates import cn_int, find_date

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
])
def test_find_date_with_a_publication_date(text, date, surface):
    assert find_date(text, PUB) == (date, surface)


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
