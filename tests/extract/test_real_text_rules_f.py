"""More error classes of real news text, first met in blind set F (docs/quality.md), one test a
class, on invented sentences (invented people, firms and sites, real GB/T areas); the earlier
ones are in test_real_text_rules.py and test_real_text_rules_more.py."""
from __future__ import annotations

import datetime as dt

from rule_pages import extract

from kg.extract.dates import find_date


# 21. a name before a deputy's title (某某副主席一行): 副 starts the title

def test_a_name_ends_before_fu_of_the_title_after_it():
    ents, triples = extract("本报讯 4月2日，市政协副主席闻军赴固安县调研。闻军副主席一行先后来到青禾化工有限公司、"
                            "望川建材有限公司。闻军副主席充分肯定了县里的工作。")
    assert "闻军副" not in ents and "充分" not in ents
    assert ("闻军", "visited", "青禾化工有限公司") in triples
    assert ("闻军", "visited", "望川建材有限公司") in triples


# 22. long visit lists: ten firms with full legal names, items no finder names whole

def test_a_long_list_is_read_to_its_end():
    # the villages at the end of a list of 150 characters are named by the list alone
    firms = [f"青禾{w}电子科技有限公司" for w in ("甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸")]
    _, triples = extract("本报讯 4月2日，市委书记柯南山先后深入" + "、".join(firms) + "、岚溪村、望川村走访调研。")
    assert all(("柯南山", "visited", f) in triples for f in firms)
    assert ("柯南山", "visited", "岚溪村") in triples and ("柯南山", "visited", "望川村") in triples


def test_a_list_goes_on_after_an_item_no_finder_names():
    # 青禾星光农业示范项目: a project whose head word gives no type; the firms after it are still visited
    _, triples = extract("本报讯 4月2日，市委书记柯南山先后深入固安县青禾星光农业示范项目、望川建材有限公司、"
                         "岚山化工有限公司进行走访调研。")
    assert ("柯南山", "visited", "望川建材有限公司") in triples
    assert ("柯南山", "visited", "岚山化工有限公司") in triples


def test_the_works_of_a_named_site_are_a_place():
    ents, triples = extract("本报讯 4月2日，市委书记柯南山先后深入固安县青禾生猪养殖场建设项目、"
                            "望川鞋材交易中心项目、岚山化工有限公司进行走访调研。")
    site = next(e for e in ents.values() if "青禾生猪养殖场建设项目" in e["name"])
    assert site["type"] == "Place"
    assert ents["望川鞋材交易中心项目"]["type"] == "Place"
    assert ("柯南山", "visited", site["name"]) in triples
    assert ("柯南山", "visited", "望川鞋材交易中心项目") in triples


# 23. dates of web copies: a month run into its day (the 月 lost), a period's first day

def test_a_month_run_into_its_day_is_read_as_both():
    published = dt.date(2023, 5, 26)
    assert find_date("525日，某某到固安县考察", published)[0] == dt.date(2023, 5, 25)
    assert find_date("1231日，某某到固安县考察", published)[0] == dt.date(2022, 12, 31)
    assert find_date("第365日", published) == (None, None)
    assert find_date("共计1200日", published) == (None, None)


def test_the_day_a_period_starts_does_not_date_the_same_day_after_it():
    _, triples = extract("本报讯 3月12日，区政协主席柯南山来到青禾产业园走访。"
                         "这项调研自今年3月1日起，为期一个月。"
                         "当天，柯南山一行先后来到望川建材有限公司、岚山化工有限公司。")
    assert triples[("柯南山", "visited", "望川建材有限公司")]["date"] == "2024-03-12"


# 24. inspections written 对甲、乙等重点企业…进行检查: the firms after 对 are visited

def test_the_firms_listed_after_dui_are_inspected():
    ents, triples = extract("本报讯 9月30日，区委书记柯南山带队对青禾、望川建材有限公司、岚山客运等重点企业"
                            "安全生产工作进行认真检查，强调要压实责任。")
    assert ents["青禾"]["type"] == "Enterprise" and ents["岚山客运"]["type"] == "Enterprise"
    for firm in ("青禾", "望川建材有限公司", "岚山客运"):
        assert ("柯南山", "visited", firm) in triples


# 25. companies' own reports: an executive's 一行, the group's party committee

def test_an_executives_party_visits_are_not_the_officials():
    # 柯南山 holds only company offices (a Person): the visit is no official's, least of all the mayor's
    _, triples = extract("本报讯 4月15日，青禾投资集团党委书记、董事长柯南山赴漳州，拜会漳州市委副书记、市长钱望川。"
                         "钱望川对柯南山一行的到来表示欢迎。在漳州期间，柯南山董事长一行还走访了岚湾新区管委会。", home="漳州市")
    assert not any(p == "visited" for _, p, _ in triples)


def test_a_member_of_the_groups_party_committee_after_an_officials_chain():
    _, triples = extract("本报讯 4月15日，青禾投资集团党委书记、董事长柯南山赴漳州拜会市长钱望川。"
                         "漳州市委常委、常务副市长岳川，集团党委委员、副总经理齐明远参加会谈。", home="漳州市")
    assert triples[("齐明远", "holdsPosition", "青禾投资集团党委")]["title"] == "委员"
    assert ("齐明远", "holdsPosition", "青禾投资集团") in triples
    assert ("齐明远", "holdsPosition", "漳州市委") not in triples


# 26. a development zone's bodies named bare (党工委书记甲、管委会主任乙) after the zone

def test_bare_zone_bodies_are_the_zones_named_before():
    _, triples = extract("本报讯 4月15日，市长钱望川来到青禾经济开发区调研，党工委书记林望、管委会主任苏远陪同。")
    assert triples[("林望", "holdsPosition", "青禾经济开发区党工委")]["title"] == "书记"
    assert triples[("苏远", "holdsPosition", "青禾经济开发区管委会")]["title"] == "主任"


# 27. what follows a title but names no one: a verb or adverb of the dictionary, 全部; a count before a body

def test_a_verb_after_a_title_is_no_name():
    ents, _ = extract("本报讯 5月29日，副市长柯振国到固安县督查。柯市长强调，要加快进度。"
                      "各位庭长、副庭长全部作了表态发言，副主席充分肯定了成绩。")
    assert "强调" not in ents and "全部" not in ents and "充分" not in ents
    assert ents["柯振国"]["type"] == "Official"


def test_a_count_before_a_body_is_not_part_of_its_name():
    ents, _ = extract("本报讯 会上，6位区人民法院庭长作了表态发言。")
    assert not any(name.startswith("位") for name in ents)


# 28. a web copy's share widget beside its byline

def test_share_widgets_are_no_authors():
    from kg.extract.bylines import read_byline
    assert read_byline("作者：柯南山 分享 打印") == ([("作者", "柯南山")], True)


# 29. visit lists of a city's own firms

def test_some_of_the_home_areas_firms_is_no_visit_of_the_area():
    _, triples = extract("本报讯 2月7日，市委书记柯青，市委副书记、市长岳海带队走访我市部分重点企业、重点项目，"
                         "了解复工情况。")
    assert ("柯青", "visited", "廊坊市") not in triples and ("岳海", "visited", "廊坊市") not in triples


def test_a_firm_named_from_a_word_inside_it_is_named_whole_in_a_list():
    # jieba reads 有 of 河北有望… as a verb, and the suffix finder starts the firm after it
    ents, triples = extract("本报讯 2月7日，市委书记柯青先后深入青禾机电有限公司、河北有望泵阀有限公司、"
                            "岚山机械有限公司等地走访调研。")
    assert ents["河北有望泵阀有限公司"]["type"] == "Enterprise"
    assert ("柯青", "visited", "河北有望泵阀有限公司") in triples
    assert ("柯青", "visited", "河北省") not in triples


# 30. a chain of a party committee's offices (市委副秘书长、政研室主任、改革办副主任)

def test_bare_departments_after_a_department_belong_to_its_owner():
    _, triples = extract("本报讯 5月25日，保定市委副秘书长、政研室主任、改革办副主任柯海家率考察组到固安县考察。"
                         "市委政研室主任、改革办副主任岳川陪同。")
    assert triples[("柯海家", "holdsPosition", "保定市委")]["title"] == "副秘书长"
    assert triples[("柯海家", "holdsPosition", "保定市委政研室")]["title"] == "主任"
    assert triples[("柯海家", "holdsPosition", "保定市委改革办")]["title"] == "副主任"
    assert triples[("岳川", "holdsPosition", "廊坊市委改革办")]["title"] == "副主任"
