"""Dates in news text, resolved against the publication date.

>>> import datetime as dt
>>> pub = dt.date(2021, 11, 26)
>>> find_date("11月16日至17日，张三到某地调研", pub)[0]
datetime.date(2021, 11, 16)
>>> find_date("日前，某局印发方案", pub)
(None, '日前')
>>> find_date("去年3月5日，某市出台办法", pub)[0]
datetime.date(2020, 3, 5)
>>> find_date("上周五晚，某某暗访夜市", pub)[0]
datetime.date(2021, 11, 19)
>>> find_date("本月18日至19日，某某赴外地考察", pub)[0], find_date("16日，某某到某镇调研", pub)[0]
(datetime.date(2021, 11, 18), datetime.date(2021, 11, 16))
"""
from __future__ import annotations

import datetime as dt
import re

CN_NUM = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
DATE_RE = re.compile(
    rf"(?P<rel>去年|今年|明年)?(?:(?P<y>\d{{4}})年)?(?:(?P<m>{NUM})月|(?P<this>本月|当月))(?P<d>{NUM})日"
    rf"(?:(?:至|到|—|－|-|~|～)(?:{NUM}月)?{NUM}日)?"
    r"|(?P<vague>近日|日前|近期|前不久|不久前)"
    r"|(?P<day>昨日|昨天|前天|今天|今日)"
    r"|(?P<week>上周|本周|这周)(?P<wd>[一二三四五六日天])"
    r"|(?<![\d月年号])(?P<donly>\d{1,2})日(?![\d内以之后前])")
WEEKDAYS = "一二三四五六日"


def cn_int(s: str) -> int:
    """'11' or '十一' -> 11."""
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_NUM.get(tens, 1) if tens else 1) * 10 + (CN_NUM.get(ones, 0) if ones else 0)
    return CN_NUM.get(s, 0)


def resolve(match: re.Match, pub: dt.date | None) -> dt.date | None:
    """The date a DATE_RE match denotes; None when vague or the year is unknown."""
    if match["vague"]:
        return None
    if match["week"]:
        if pub is None:
            return None
        wd = WEEKDAYS.index(match["wd"]) if match["wd"] in WEEKDAYS else 6
        monday = pub - dt.timedelta(days=pub.weekday())
        if match["week"] == "上周":
            monday -= dt.timedelta(days=7)
        return monday + dt.timedelta(days=wd)
    if match["day"]:
        if pub is None:
            return None
        back = {"昨日": 1, "昨天": 1, "前天": 2}.get(match["day"], 0)
        return pub - dt.timedelta(days=back)
    if match["donly"]:   # 16日: a day of the publication month, or of the month before
        if pub is None:
            return None
        day = int(match["donly"])
        month_start = pub.replace(day=1) if day <= pub.day else (pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        try:
            return month_start.replace(day=day)
        except ValueError:
            return None
    if match["this"]:
        if pub is None:
            return None
        try:
            return pub.replace(day=cn_int(match["d"]))
        except ValueError:
            return None
    month, day = cn_int(match["m"]), cn_int(match["d"])
    if match["y"]:
        year = int(match["y"])
    elif pub is None:
        return None
    else:
        year = pub.year + {"去年": -1, "明年": 1}.get(match["rel"] or "", 0)
        if not match["rel"] and month > pub.month + 1:
            year -= 1  # "12月28日" in a January paper is last December
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, pub: dt.date | None, window: int | None = None) -> tuple[dt.date | None, str | None]:
    """First date expression in `text` (or its first `window` chars): (date, surface)."""
    m = DATE_RE.search(text if window is None else text[:window])
    if not m:
        return None, None
    return resolve(m, pub), m[0]
