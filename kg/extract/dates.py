"""Dates in news text, resolved against the publication date.

A range gives its first day; 号 is written for 日; 近日/日前 and dates relative
to an event (会前, 活动期间) give no date; 当天/当日 (and a bare 上午，/下午，)
mean the day of an earlier sentence, which only :func:`date_in_context` knows.

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
>>> find_date("2月20号至21号，某某到某县调研", pub)[0], find_date("20号上午，某某到某村", pub)[0]
(datetime.date(2021, 2, 20), datetime.date(2021, 11, 20))
>>> find_date("会前，某某察看了场馆", pub)
(None, '会前')
>>> find_date("当天下午，某某到某镇调研", pub)
(None, '当天')
>>> date_in_context("当天下午，某某到乙镇调研", pub, before=["24日，某某到甲镇调研"])
(datetime.date(2021, 11, 24), '24日')
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

CN_NUM = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"            # 2020年 or 二〇二〇年 (a signed notice)
DAY_MARK = "[日号]"                                          # 2月20号 is 2月20日
RANGE_SEP = "(?:至|到|—|–|－|-|~|～)"
RANGE_END = rf"{RANGE_SEP}(?:{NUM}月)?{NUM}{DAY_MARK}"      # …至21日, …-12月2日: the first day counts
# a day with its mark, or a bare first day of a range (11月16-17日)
DAY = rf"(?P<d>{NUM})(?:{DAY_MARK}(?:{RANGE_END})?|{RANGE_END})"
MONTH_DAY = rf"(?P<rel>去年|今年|明年)?(?:(?P<y>{YEAR})年)?(?:(?P<m>{NUM})月|(?P<this>本月|当月)){DAY}"
VAGUE = "近日|日前|近期|前不久|不久前"
# dated only by an event the text does not date here: no date (not the article's)
EVENT_RELATIVE = r"活动期间|会议期间|(?<![机社协学都工将])会[前后](?=[，,])"
# the day of an earlier sentence: 当天上午，… / 当日 / a sentence opening with 下午，
SAME_DAY_WORDS = ("当天", "当日", "当晚")
DAY_PARTS = ("上午", "下午", "中午", "晚上")                   # a same-day word only when it opens a clause
SAME_DAY = "|".join(SAME_DAY_WORDS) + rf"|(?<![^，,。；;\s])(?:{'|'.join(DAY_PARTS)})(?=[，,])"
# 16日 / 16日至17日: a day of the publication month (not 5日内, 3日以来, 一号文件); also after a bare 月
# that opens a clause, its number lost in a web copy (月5日，…)
DAY_ONLY = rf"(?<![\d年号〕\]第])(?<![^\s，,。；;：:（(]月)(?P<donly>\d{{1,2}})日(?![\d内以之后前])(?:{RANGE_END})?"
# 20号 alone: only where a date stands (after a comma, 于, 在...), never 街63号, 〔2021〕1号, 3号楼
DAY_ONLY_HAO = (rf"(?<![^，,。；;：:、\s于在是从自（(])(?P<honly>\d{{1,2}})号"
                rf"(?:{RANGE_END})?(?=[，,、。上下中晚早凌]|$)")
# 427日: a month and its day run together, the 月 lost in a web copy (4月27日)
RUN_TOGETHER = (rf"(?<![\d月年号〕\]第.．])(?=\d{{3,4}}日)(?P<mday>(?:1[0-2]|[1-9])(?:3[01]|[12]\d|0?[1-9]))"
                rf"日(?![\d内以之后前])")
DATE_FORMS = (
    rf"{MONTH_DAY}"
    rf"|(?P<vague>{VAGUE}|{EVENT_RELATIVE})"
    rf"|(?P<same>{SAME_DAY})"
    r"|(?P<day>昨日|昨天|前天|今天|今日)"
    r"|(?P<week>上周|本周|这周)(?P<wd>[一二三四五六日天])"
    rf"|{DAY_ONLY}|{DAY_ONLY_HAO}|{RUN_TOGETHER}")
# the first character of every form above: checked first, so the search skips other positions at once
# (8x faster; tests/extract/test_dates.py checks the guarded pattern finds what DATE_FORMS finds)
DATE_START = r"[去今明\d〇零一二三四五六七八九十本当近日前不活会上下中晚昨这]"
DATE_RE = re.compile(rf"(?={DATE_START})(?:{DATE_FORMS})")
WEEKDAYS = "一二三四五六日"
SIGNATURE_TAIL = " \t\n\u3000)）]】"                      # what may follow a signature date
SIGNATURE_REACH = 60                                      # characters from a document's end its signature is in
# a date opening a clause, its part of the day kept with it: 3月5日上午， / 当天下午， / 17日晚，
OPENING_DATE = rf"(?:{DATE_RE.pattern})(?:{'|'.join(DAY_PARTS)}|晚)?[，,]?"
PERIOD_FROM, PERIOD_MARKS = "自从", ("开始", "起", "以来")   # 自2月21日开始: a period's first day
DAYS_BACK = {"昨日": 1, "昨天": 1, "前天": 2}


def cn_int(s: str) -> int:
    """'11' or '十一' -> 11.

    >>> cn_int("二十五"), cn_int("十")
    (25, 10)
    """
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_NUM.get(tens, 1) if tens else 1) * 10 + (CN_NUM.get(ones, 0) if ones else 0)
    return CN_NUM.get(s, 0)


def cn_year(s: str) -> int:
    """'2020' or '二〇二〇' -> 2020 (a year is read digit by digit).

    >>> cn_year("二〇二〇"), cn_year("2024")
    (2020, 2024)
    """
    return int(s) if s.isdigit() else int("".join(str(CN_NUM[c]) for c in s))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None   # 2月30日


def _day_of_recent_month(day: int, pub: dt.date) -> dt.date | None:
    """16日: a day of the publication month, or of the month before when it is still to come."""
    month_start = pub.replace(day=1)
    if day > pub.day:
        month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
    return _safe_date(month_start.year, month_start.month, day)


def _run_together(digits: str, pub: dt.date) -> dt.date | None:
    """427 -> 4月27日, 1125 -> 11月25日: the reading on or before `pub` that is nearest to it.

    >>> _run_together("427", dt.date(2021, 4, 29)), _run_together("112", dt.date(2021, 11, 5))
    (datetime.date(2021, 4, 27), datetime.date(2021, 11, 2))
    """
    readings = []
    for cut in (1, 2):
        month, day = int(digits[:cut]), int(digits[cut:])
        for year in (pub.year, pub.year - 1):
            date = _safe_date(year, month, day) if len(digits) - cut <= 2 else None
            if date is not None and date <= pub:
                readings.append(date)
    return max(readings, default=None)


def _relative(match: re.Match, pub: dt.date) -> dt.date | None:
    """上周五, 昨日, 16日, 本月18日: a date counted from the publication date."""
    if match["week"]:
        wd = WEEKDAYS.index(match["wd"]) if match["wd"] in WEEKDAYS else 6
        monday = pub - dt.timedelta(days=pub.weekday())
        if match["week"] == "上周":
            monday -= dt.timedelta(days=7)
        return monday + dt.timedelta(days=wd)
    if match["day"]:
        return pub - dt.timedelta(days=DAYS_BACK.get(match["day"], 0))
    if match["mday"]:
        return _run_together(match["mday"], pub)
    if match["donly"] or match["honly"]:
        return _day_of_recent_month(int(match["donly"] or match["honly"]), pub)
    return _safe_date(pub.year, pub.month, cn_int(match["d"]))   # 本月18日


def resolve(match: re.Match, pub: dt.date | None) -> dt.date | None:
    """The date a DATE_RE match denotes; None when vague, same-day, or the year is unknown."""
    if match["vague"] or match["same"]:
        return None
    if match["m"] is None:
        return None if pub is None else _relative(match, pub)
    month, day = cn_int(match["m"]), cn_int(match["d"])
    if match["y"]:
        year = cn_year(match["y"])
    elif pub is None:
        return None
    else:
        year = pub.year + {"去年": -1, "明年": 1}.get(match["rel"] or "", 0)
        if not match["rel"] and month > pub.month + 1:
            year -= 1  # "12月28日" in a January paper is last December
    return _safe_date(year, month, day)


def is_signature(text: str, m: re.Match) -> bool:
    """A month-day date that closes a longer text: the signature of a notice (某某办公室 2020年9月22日)."""
    return m["m"] is not None and m.start() > 0 and not text[m.end():].strip(SIGNATURE_TAIL)


def signature_date(text: str, pub: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The date a document is signed with (a full date among the last SIGNATURE_REACH characters of
    its text: 某某办公室 2020年9月22日 (此件公开发布)), else the page's date: what dates a document's issue.

    >>> import datetime as dt
    >>> signature_date("……特此通知。某某县人民政府办公室2020年9月22日（此件公开发布）", dt.date(2020, 9, 25))
    (datetime.date(2020, 9, 22), '2020年9月22日')
    >>> signature_date("……特此通知。", dt.date(2020, 9, 25))
    (datetime.date(2020, 9, 25), None)
    """
    tail = text[-SIGNATURE_REACH:]
    signed = [m for m in DATE_RE.finditer(tail) if m["y"]]
    return (resolve(signed[-1], pub), signed[-1][0]) if signed else (pub, None)


def find_date(text: str, pub: dt.date | None, window: int | None = None) -> tuple[dt.date | None, str | None]:
    """First date expression in `text` (one that starts in its first `window` chars): (date, surface).

    With a window, `text` is an article body and the date wanted is its lead's:
    a date cut by the window still counts (its start is in the lead), a
    signature at the very end of a short body does not (it dates the document).

    >>> lead = "为落实某某会议精神，全力推动园区经济稳中有进，7月31日，某某到园区"
    >>> find_date(lead, None, window=24)
    (None, '7月31日')
    >>> find_date("某某到甲县调研。某某办公室2020年9月22日", None, window=40)
    (None, None)
    """
    m = next((m for m in DATE_RE.finditer(text) if not _period_start(text, m)), None)
    if not m or (window is not None and (m.start() >= window or is_signature(text, m))):
        return None, None
    return resolve(m, pub), m[0]


def _period_start(text: str, m: re.Match) -> bool:
    """自今年2月21日开始, 从3月1日起: when a period starts, not the day of an event."""
    return text[m.start() - 1:m.start()] in PERIOD_FROM and m.start() > 0 \
        and text.startswith(PERIOD_MARKS, m.end())


def is_same_day(surface: str | None) -> bool:
    """当天, 当日, 上午: a word that takes its day from an earlier sentence."""
    return surface in SAME_DAY_WORDS or surface in DAY_PARTS


def has_own_date(text: str) -> bool:
    """Does the sentence state a date of its own (not 当天, not 近日)?

    >>> has_own_date("3月5日，某某到甲村"), has_own_date("当天，某某还到乙村"), has_own_date("某某说")
    (True, False, False)
    """
    found = find_date(text, None)
    return found[1] is not None and not is_same_day(found[1])


def date_in_context(text: str, pub: dt.date | None, before: Sequence[str] = (),
                    lead: tuple[dt.date | None, str | None] = (None, None)) -> tuple[dt.date | None, str | None]:
    """The date of a sentence read after the article's sentences `before`, `lead` the article's event date.

    Its own date first. 当天/当日 take the nearest earlier sentence with a date
    expression, else the lead. A sentence with none takes the lead, or, when the
    lead has no date expression (a long preamble, a header line before it), the
    nearest earlier dated sentence. A later sentence (a signature) never dates
    an earlier one.

    >>> import datetime as dt
    >>> pub = dt.date(2024, 3, 8)
    >>> date_in_context("当天，某某还到丙村", pub, lead=(dt.date(2024, 3, 5), "3月5日"))
    (datetime.date(2024, 3, 5), '3月5日')
    >>> date_in_context("某某来到丁厂", pub, before=["标题 来源", "为落实精神，3月6日，某某到丙村"])
    (datetime.date(2024, 3, 6), '3月6日')
    """
    if is_same_day(lead[1]):
        lead = (None, None)          # a lead opening with 当天 has no day of its own
    own = find_date(text, pub)
    if own[1] is not None and not is_same_day(own[1]):
        return own
    if own[1] is None and lead[1] is not None:
        return lead
    for earlier in reversed(before):
        found = find_date(earlier, pub)
        if found[1] is not None and not is_same_day(found[1]):
            return found
    return lead if lead[1] is not None else own
