"""The error classes of real news text (issue: real-text quality), one test a class, on
invented sentences: invented people and companies, real GB/T areas. Each test runs the
whole pipeline on a one-article page and reads the records it emits."""
from __future__ import annotations

import datetime as dt

from kg.extract.pipeline import extract_page
from kg.model import Page

PUBLISHED = dt.date(2024, 5, 20)


def extract(text: str, home: str | None = "廊坊市"):
    page = Page(source="t.txt", text=text, encoding="utf-8", sha256="0" * 64, date=PUBLISHED, home=home)
    recs = extract_page(page)
    ents = {r["name"]: r for r in recs if r["kind"] == "entity"}
    triples = {(r["subject"], r["predicate"], r["object"]): r for r in recs if r["kind"] == "triple"}
    return ents, triples


# 1. lists of officials after a shared title; labels that are no office

def test_every_name_of_a_list_after_a_title_holds_it():
    ents, triples = extract("本报讯 5月18日，市人大常委会副主任钱望舒、孔令溪、白若川出席会议。")
    for name in ("钱望舒", "孔令溪", "白若川"):
        assert ents[name]["type"] == "Official"
        assert triples[(name, "holdsPosition", "廊坊市人大常委会")]["title"] == "副主任"


def test_names_after_a_label_are_officials_without_an_office():
    ents, triples = extract("本报讯 5月18日，市长韩立言到固安县调研。市领导秦望川、宋鸣陪同。"
                            "柯南山、易清和等市领导出席。")
    for name in ("秦望川", "宋鸣", "柯南山", "易清和"):
        assert ents[name]["type"] == "Official"
        assert not any(s == name and p == "holdsPosition" for s, p, _ in triples)


def test_a_name_ends_before_the_word_after_it():
    ents, _ = extract("本报讯 市长韩立言先后来到固安县、大厂回族自治县。副市长宋鸣一行到广阳区调研。"
                      "会议由副市长秦望川主持，办公室主任由柯南山兼任。")
    assert {"韩立言", "宋鸣", "秦望川", "柯南山"} <= set(ents)
    assert not {"韩立言先", "宋鸣一", "由柯南"} & set(ents)


# 2. home areas below the city (tests/extract/test_home.py has the rest)

def test_a_district_outlets_session_numbered_congress_is_the_districts():
    ents, triples = extract("本报讯 5月18日，区第十六届人大常委会召开会议，区人大常委会主任钱望舒主持会议。", "广阳区")
    assert "广阳区人大常委会" in ents
    assert ("钱望舒", "holdsPosition", "广阳区人大常委会") in triples


# 3. name boundaries: bodies named by their words; spaces of list layouts part words

def test_bodies_not_in_the_lexicon_are_named_by_their_words():
    ents, triples = extract("本报讯 市规划资源局局长宋鸣、市绿化市容局副局长秦望川参加。")
    assert triples[("宋鸣", "holdsPosition", "廊坊市规划资源局")]["title"] == "局长"
    assert ("秦望川", "holdsPosition", "廊坊市绿化市容局") in triples


def test_a_roster_of_a_leading_group_one_person_a_line():
    page = ("廊坊市人民政府办公室关于成立廊坊市青禾产业推进协调领导小组的通知\n"
            "经研究，决定成立廊坊市青禾产业推进协调领导小组。组成人员如下：\n"
            "组 长：韩 立 市长\n"
            "副组长：宋 鸣 副市长\n"
            "秦望川 市政府副秘书长\n"
            "成 员：柯南山 市财政局局长\n"
            "刘宏伟 市发展改革委主任\n"
            "领导小组办公室设在市财政局。\n")
    ents, triples = extract(page)
    group = "廊坊市青禾产业推进协调领导小组"
    assert triples[("韩立", "holdsPosition", group)]["title"] == "组长"
    assert triples[("秦望川", "holdsPosition", group)]["title"] == "副组长"      # the role goes on
    assert triples[("刘宏伟", "holdsPosition", group)]["title"] == "成员"
    assert triples[("柯南山", "holdsPosition", "廊坊市财政局")]["title"] == "局长"
    assert ("秦望川", "holdsPosition", "廊坊市政府") in triples
    assert "宏伟区" not in ents            # a district's name inside a person's name, before a space


def test_acting_titles_and_a_citys_own_committee_written_twice():
    _, triples = extract("本报讯 区检察院代理检察长秦望川、区法院院长宋鸣列席。长治市市委书记柯南山出席。", "广阳区")
    assert ("秦望川", "holdsPosition", "广阳区检察院") in triples
    assert ("宋鸣", "holdsPosition", "广阳区法院") in triples
    assert ("柯南山", "holdsPosition", "长治市委") in triples


def test_an_autonomous_prefecture_is_named_as_the_page_writes_it():
    ents, triples = extract("本报讯 恩施州人大常委会主任秦望川主持会议。州长宋鸣出席。", "恩施州")
    assert ("秦望川", "holdsPosition", "恩施州人大常委会") in triples
    assert ("宋鸣", "holdsPosition", "恩施州政府") in triples
