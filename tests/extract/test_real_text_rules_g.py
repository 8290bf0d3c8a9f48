"""More error classes of real news text, first met in blind set G (docs/quality.md), one test a
class, on invented sentences (invented people, firms and sites, real GB/T areas); the earlier
ones are in test_real_text_rules.py, test_real_text_rules_more.py and test_real_text_rules_f.py."""
from __future__ import annotations

import datetime as dt

from rule_pages import extract

from kg.extract.dates import find_date
from kg.extract.pipeline import extract_text


# 31. visit lists of project sites: a firm's works, a road's works, a school's joint works

def test_the_works_of_a_firm_are_a_place_and_the_firm_is_named_too():
    ents, triples = extract("本报讯 5月6日，市委书记柯南山依次察看了青禾泵业有限公司年产5万套阀门项目、"
                            "望川电器有限公司改扩建项目、岚山路南段综合管廊工程、固安县青禾小学联建工程等现场。")
    for site in ("青禾泵业有限公司年产5万套阀门项目", "望川电器有限公司改扩建项目",
                 "岚山路南段综合管廊工程", "青禾小学联建工程"):
        assert ents[site]["type"] == "Place"
        assert ("柯南山", "visited", site) in triples
    # the firm whose works the site is keeps an entity of its own
    assert ents["青禾泵业有限公司"]["type"] == "Enterprise"
    assert ents["望川电器有限公司"]["type"] == "Enterprise"


# 32. a count that closes a list (甲、乙和丙三个项目) ends its last item and says its kind

def test_a_count_after_a_list_ends_its_last_item():
    ents, triples = extract("本报讯 5月6日，市委书记柯南山检查观摩了青禾电器产业园、望川电气产业园和"
                            "岚山农机产业园三个项目。")
    assert ("柯南山", "visited", "岚山农机产业园") in triples
    assert not any("三个项目" in name for name in ents)


# 33. names before 率 (某某率队, 某某率调研组) and before 为 after 选举

def test_a_name_ends_before_lv_of_the_group_it_leads():
    ents, triples = extract("本报讯 5月6日，市长柯南率调研组到固安县检查安全生产工作。")
    assert "柯南" in ents and "柯南率" not in ents
    assert ("柯南", "visited", "固安县") in triples


def test_an_elected_name_runs_up_to_wei():
    # names whose last character makes a word with 为 (志成|为, 永广|为, 立行|为)
    _, triples = extract("大会选举柯志成为固安县人民代表大会常务委员会主任，闻永广为固安县人民政府县长，"
                         "岳立行为固安县监察委员会主任。")
    assert ("柯志成", "holdsPosition", "固安县人大常委会") in triples
    assert ("闻永广", "holdsPosition", "固安县政府") in triples
    assert ("岳立行", "holdsPosition", "固安县监察委员会") in triples


# 34. a CPPCC named with its term: 政协第九届某县委员会, 某县政协第九届委员会

def test_a_cppcc_with_its_term_is_the_areas_cppcc():
    ents, triples = extract("在政协第九届固安县委员会常务委员会会议上，闻泽当选固安县政协第九届委员会副主席。")
    assert not any(name.startswith("固安县委员会") for name in ents)
    assert ("闻泽", "holdsPosition", "固安县政协") in triples
    assert {"政协第九届固安县委员会", "固安县政协第九届委员会"} <= set(ents["固安县政协"]["aliases"])


# 35. credit lines with 丨 or | and the roles 采写, 图片

def test_credit_lines_with_a_bar_and_the_roles_caixie_and_tupian():
    text = ("固安县召开会议\n\n本报讯 昨日，固安县召开会议。县长柯南山主持会议。\n\n"
            "采写 | 县融媒体中心 闻晓明\n\n图片 | 县融媒体中心 岳小红\n\n记者丨陆远帆\n通讯员丨梁小东\n")
    recs = extract_text(text, dt.date(2024, 3, 5), "廊坊市").records
    byline = next(r for r in recs if r["kind"] == "article")["byline"]
    assert [(b["role"], b["name"]) for b in byline] == [("采写", "闻晓明"), ("图片", "岳小红"),
                                                        ("记者", "陆远帆"), ("通讯员", "梁小东")]


# 36. an owner word before a firm's name (…，旗下某某集团为…) is no part of the name

def test_an_owner_word_is_no_part_of_the_firms_name():
    ents, _ = extract("青禾投资集团与固安县有着良好合作基础，旗下明岚集团为固安县发展作出了积极贡献。")
    assert "明岚集团" in ents and "旗下明岚集团" not in ents


# 37. a long visit list of project sites: a market named by a brand and a common word (某某钢材市场)

def test_a_market_named_by_a_brand_is_an_item_and_the_list_goes_on():
    _, triples = extract("本报讯 4月10日，县委书记柯南山到重点项目督导。柯南山一行依次走访青禾文旅小镇、"
                         "望川社区、岚丰建材市场、明月苑小区、青夏光伏项目等项目现场。", "固安县")
    for site in ("岚丰建材市场", "明月苑小区", "青夏光伏项目"):
        assert ("柯南山", "visited", site) in triples


# 38. 对甲、乙、丙进行了调研: a list after 对 closed by 进行; zone words before a firm; a project in a base

def test_a_list_after_dui_closed_by_jinxing():
    ents, triples = extract("本报讯 5月23日，副市长柯南山到固安县督导。柯南山一行分别对经济开发区青禾纺织有限公司、"
                            "固安物流产业基地河北明岚冷链仓储项目、固安经济区望川集团商业综合体项目进行了实地考察。")
    assert "经济开发区青禾纺织有限公司" not in ents
    assert ("柯南山", "visited", "青禾纺织有限公司") in triples
    # the project named inside the base is a site of its own
    assert ("柯南山", "visited", "河北明岚冷链仓储项目") in triples
    assert ents["固安经济区"]["type"] == "AdministrativeArea"


# 39. web copies: a zero-padded stamp line under the headline, a month lost before its day

def test_a_zero_padded_date_line_is_the_pages_stamp_not_the_event():
    text = "副市长柯南山到固安县督导防汛\n2016年05月25日\n5月23日，副市长柯南山到固安县督导防汛工作。\n"
    recs = extract_text(text, dt.date(2016, 5, 25), "廊坊市").records
    art = next(r for r in recs if r["kind"] == "article")
    assert art["headline"] == "副市长柯南山到固安县督导防汛" and art["event_date"] == "2016-05-23"
    assert any(r["kind"] == "triple" and r["predicate"] == "visited" and r["date"] == "2016-05-23" for r in recs)


def test_a_day_after_a_bare_month_is_a_day_of_the_publication_month():
    published = dt.date(2016, 12, 7)
    assert find_date("月5日，副市长某某到固安县检查", published)[0] == dt.date(2016, 12, 5)
    assert find_date("每月5日，某某", published) == (None, None)
    assert find_date("某某于月5日到", published) == (None, None)


# 40. 文件规定，某类区域，包括甲区和乙区: the areas a report of a policy says it covers

def test_the_areas_after_baokuo_in_a_sentence_about_the_policy():
    _, triples = extract("固安县人民政府近日印发《固安县村庄规划实施方案》。文件明确，北部片区包括柳泉镇和牛驼镇，"
                         "村庄建设用地一般不超过现状规模。同时，文件提出，南部片区包括渠沟乡、礼让店乡，要优先保护耕地。")
    doc = "固安县村庄规划实施方案"
    for town in ("柳泉镇", "牛驼镇", "渠沟乡", "礼让店乡"):
        assert (doc, "appliesTo", town) in triples


# 41. 任命甲、乙、丙为某委员会组成人员: each holds 组成人员 of the committee; 各…委员会 (every one) is no body

def test_members_appointed_to_a_committee_hold_zucheng_renyuan():
    _, triples = extract("经表决，广阳区人大常委会任命柯立群、闻海波、岳晓光为区人大常委会法制委员会组成人员。",
                         "广阳区")
    body = "广阳区人大常委会法制委员会"
    for name in ("柯立群", "闻海波", "岳晓光"):
        assert (name, "holdsPosition", body) in triples
    ents, _ = extract("区政协各工作委员会组成人员调整后，岳晓光任主任。", "广阳区")
    assert not any("各工作委员会" in name for name in ents)


# 42. a zone known by its short name before its bodies (某某区党工委书记、管委会主任)

def test_a_zone_named_short_before_its_party_working_committee():
    ents, triples = extract("县委常委柯晓峰，青岚区党工委书记、管委会主任闻立，青岚区管委会副主任岳平陪同调研。",
                            "固安县")
    assert ents["青岚区"]["type"] == "AdministrativeArea"
    assert ("闻立", "holdsPosition", "青岚区党工委") in triples
    assert ("闻立", "holdsPosition", "青岚区管委会") in triples
    assert ("闻立", "holdsPosition", "固安县委") not in triples


# 43. 这次检查观摩了甲、乙: a visit of the article's official (a verb with 了, not 此次检查 the noun)

def test_this_time_with_a_verb_and_le_is_the_officials_visit():
    _, triples = extract("本报讯 5月6日，副市长柯南率观摩组到固安县督导重点项目。这次检查观摩了青禾农机产业园、"
                         "望川电气产业园两个项目。以此次执法检查为契机，各地要压实责任。")
    assert ("柯南", "visited", "青禾农机产业园") in triples
    assert ("柯南", "visited", "望川电气产业园") in triples


# 44. an area's name inside a person's name (某智利) is no area; 高管 is a company's office

def test_an_area_inside_a_persons_name_is_no_entity():
    ents, _ = extract("会议由区政协主席岳智利主持。", "广阳区")
    assert "岳智利" in ents and "智利" not in ents


def test_gaoguan_is_an_office_of_the_company():
    _, triples = extract("签约仪式上，青禾集团高管闻思远介绍了项目情况。")
    assert ("闻思远", "holdsPosition", "青禾集团") in triples


# 45. a group named by the first characters of its words (青禾投资集团有限公司 -> 青投集团)

def test_a_group_named_by_its_initials_is_the_same_group():
    ents, _ = extract("市长柯立新会见了青禾投资集团有限公司董事长闻海一行。双方表示，青投集团将加大在固安县的投资。")
    assert "青投集团" not in ents
    assert "青投集团" in ents["青禾投资集团有限公司"]["aliases"]


# 46. a firm's mine or works written after its legal name (某有限公司某煤矿): a unit of the firm

def test_a_mine_after_a_firms_legal_name_is_its_unit():
    ents, triples = extract("本报讯 副县长柯振林带队到望川矿务局有限公司岚山煤矿、青禾化工集团督导防汛工作。")
    unit = "望川矿务局有限公司岚山煤矿"
    assert ents[unit]["type"] == "Enterprise"
    assert ("柯振林", "visited", unit) in triples
    assert (unit, "subsidiaryOf", "望川矿务局有限公司") in triples


# 47. 县纪委书记、监委主任: the bare 监委 after the 纪委 is the county's supervisory commission

def test_a_bare_jianwei_after_the_jiwei_is_the_areas():
    _, triples = extract("县委常委、县纪委书记、监委主任柯明出席会议。", "固安县")
    assert ("柯明", "holdsPosition", "固安县监委") in triples
    assert ("柯明", "holdsPosition", "固安县纪委") in triples
    assert ("柯明", "holdsPosition", "固安县委") in triples


# 48. 察看了某某公司: jieba's HMM glues the 了 after a verb to an unknown brand (了某某); it starts no name

def test_le_after_a_verb_starts_no_name():
    ents, triples = extract("本报讯 市委书记柯南山察看了岚川泵业有限公司。")
    assert "了岚川泵业有限公司" not in ents
    assert ("柯南山", "visited", "岚川泵业有限公司") in triples
