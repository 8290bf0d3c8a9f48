"""The error classes of real news text (issue: real-text quality), one test a class, on
invented sentences: invented people and companies, real GB/T areas. Each test runs the
whole pipeline on a one-article page and reads the records it emits."""
from __future__ import annotations

from rule_pages import extract


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
    ents, triples = extract("本报讯 5月18日，区第九届人大常委会召开会议，区人大常委会主任钱望舒主持会议。", "广阳区")
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
    _, triples = extract("本报讯 区检察院代理检察长秦望川、区法院院长宋鸣列席。台州市市委书记柯南山出席。", "广阳区")
    assert ("秦望川", "holdsPosition", "广阳区检察院") in triples
    assert ("宋鸣", "holdsPosition", "广阳区法院") in triples
    assert ("柯南山", "holdsPosition", "台州市委") in triples


def test_an_autonomous_prefecture_is_named_as_the_page_writes_it():
    ents, triples = extract("本报讯 恩施州人大常委会主任秦望川主持会议。州长宋鸣出席。", "恩施州")
    assert ("秦望川", "holdsPosition", "恩施州人大常委会") in triples
    assert ("宋鸣", "holdsPosition", "恩施州政府") in triples


def test_a_company_name_does_not_run_back_over_the_title_and_the_visitor():
    # jieba cuts 到华胜 as one word: the name starts after 到, and no name crosses 市委书记
    for company in ("华胜科技有限公司", "华胜公司"):
        ents, triples = extract(f"3月5日，市委书记张建国到{company}调研。", home="襄阳市")
        assert ents[company]["type"] == "Enterprise"
        assert ents["张建国"]["type"] == "Official"
        assert triples[("张建国", "visited", company)]["date"] == "2024-03-05"
        assert triples[("张建国", "holdsPosition", "襄阳市委")]["title"] == "书记"


def test_a_conjunction_before_a_bare_county_is_no_far_county():
    # 和县 is a county of 安徽; in 代表和县妇联 of a 湖北 county outlet it is 和 + 县妇联
    ents, triples = extract("3月5日，与会代表和县妇联负责人李朝阳参加会议。", home="南漳县")
    assert "和县" not in ents
    assert triples[("李朝阳", "holdsPosition", "南漳县妇联")]["title"] == "负责人"
    ents, _ = extract("3月5日，市长李朝阳到和县调研。", home="马鞍山市")
    assert ents["和县"]["type"] == "AdministrativeArea"


# appointments, elections and resignations; the outlet's own bodies without their area

def test_elections_appointments_and_resignations_give_the_office():
    _, triples = extract("本报讯 大会补选秦望川为广阳区区长，宋鸣为广阳区法院院长。柯南山、易清和2人当选广阳区人大常委会委员。"
                         "会议决定接受刘宏伟同志辞去广阳区人民政府副区长职务的请求。", "廊坊市")
    assert ("秦望川", "holdsPosition", "广阳区政府") in triples
    assert ("宋鸣", "holdsPosition", "广阳区法院") in triples
    assert triples[("柯南山", "holdsPosition", "广阳区人大常委会")]["title"] == "委员"
    assert ("易清和", "holdsPosition", "广阳区人大常委会") in triples
    assert ("刘宏伟", "holdsPosition", "广阳区政府") in triples


def test_a_county_outlets_bodies_without_their_area_and_its_secretary():
    _, triples = extract("本报讯 5月18日，政府县长秦望川到固安县工业园区调研。人大常委会副主任宋鸣、柯南山陪同。"
                         "易清和书记强调，要抓好落实。", "固安县")
    assert ("秦望川", "holdsPosition", "固安县政府") in triples
    assert ("宋鸣", "holdsPosition", "固安县人大常委会") in triples and ("柯南山", "holdsPosition", "固安县人大常委会") in triples
    assert ("易清和", "holdsPosition", "固安县委") in triples


def test_half_width_punctuation_reads_as_full_width():
    _, triples = extract("本报讯(记者 甄若水)5月18日,市人大常委会主任钱望舒,副主任孔令溪、白若川出席会议。")
    assert ("孔令溪", "holdsPosition", "廊坊市人大常委会") in triples and ("白若川", "holdsPosition", "廊坊市人大常委会") in triples


def test_a_renamed_county_as_the_page_writes_it_and_a_government_by_its_short_name():
    ents, triples = extract("本报讯 县人大常委会主任秦望川主持会议。县人民政府副县长宋鸣列席。", "孟津县")
    assert ("秦望川", "holdsPosition", "孟津县人大常委会") in triples
    assert ("宋鸣", "holdsPosition", "孟津县政府") in triples
    assert "县人民政府" in ents["孟津县政府"]["aliases"]


def test_a_zone_of_the_home_a_party_group_and_units_of_a_body():
    _, triples = extract("本报讯 市委副书记、高新区党工委书记秦望川出席。市发改委党组成员、副主任宋鸣，"
                         "市贸促会贸易投资促进部副部长柯南山陪同。")
    assert ("秦望川", "holdsPosition", "廊坊高新区党工委") in triples
    assert triples[("宋鸣", "holdsPosition", "廊坊市发改委党组")]["title"] == "成员"
    assert ("宋鸣", "holdsPosition", "廊坊市发改委") in triples
    assert ("柯南山", "holdsPosition", "廊坊市贸促会贸易投资促进部") in triples


# classes first met in further real articles (studied after their blind score)

def test_a_cppcc_named_with_its_term_and_a_list_elected_to_it():
    ents, triples = extract("本报讯 政协固安县第九届委员会第一次会议闭幕。经投票选举，于望川、秦鸣、阿古图、"
                            "白若川当选为政协固安县第九届委员会副主席；孔令溪当选为政协固安县第九届委员会常务委员。",
                            "固安县")
    for name in ("于望川", "秦鸣", "阿古图", "白若川"):
        assert triples[(name, "holdsPosition", "固安县政协")]["title"] == "副主席"
    assert triples[("孔令溪", "holdsPosition", "固安县政协")]["title"] == "常务委员"
    assert "固安县委员会" not in ents


def test_a_department_heads_short_title_and_a_name_spelled_from_another_language():
    _, triples = extract("本报讯 县委常委、统战部长敖其尔木格，县委常委、组织部长秦望川出席会议。", "固安县")
    assert ("敖其尔木格", "holdsPosition", "固安县委统战部") in triples
    assert ("敖其尔木格", "holdsPosition", "固安县委") in triples
    assert ("秦望川", "holdsPosition", "固安县委组织部") in triples


def test_a_name_that_recurs_only_before_the_same_word_is_cut_there():
    ents, _ = extract("本报讯 市委常委、秘书长韩立先后到固安县、广阳区调研。韩立先后察看了两个项目。韩立强调……")
    assert "韩立" in ents and "韩立先" not in ents


def test_a_zone_is_named_as_the_page_writes_it():
    _, triples = extract("本报讯 市长韩立言到廊坊高新区调研。")
    assert ("韩立言", "visited", "廊坊高新区") in triples


def test_a_governments_units_keep_their_written_name_but_its_office():
    ents, _ = extract("本报讯 固安县人民政府森林防火指挥部发布通告。固安县人民政府办公室印发通知。", "固安县")
    assert "固安县人民政府森林防火指挥部" in ents and "固安县政府办公室" in ents


def test_a_head_written_after_the_short_name_of_the_area():
    _, triples = extract("本报讯 5月18日，固安县长秦望川到柳泉镇调研。", "廊坊市")
    assert ("秦望川", "holdsPosition", "固安县政府") in triples


def test_a_name_before_its_title_and_what_they_do():
    ents, triples = extract("本报讯 5月18日上午，秦望川区长主持召开区政府常务会议。", "广阳区")
    assert ("秦望川", "holdsPosition", "广阳区政府") in triples and "秦望川区" not in ents


def test_bodies_listed_after_one_share_its_area_and_a_clause_of_names_attends():
    ents, _ = extract("本报讯 县政府办、督查局、应急管理局、消防大队等单位负责同志参加。"
                      "宋鸣、柯南山、易清和列席。工作要紧跟县委、服务大局。", "固安县")
    for name in ("固安县督查局", "固安县应急管理局", "固安县消防大队"):
        assert ents[name]["type"] == "Organization"
    for name in ("宋鸣", "柯南山", "易清和"):
        assert ents[name]["type"] == "Official"
    assert not any(n.endswith("大局") for n in ents)


def test_rare_surnames_a_name_that_starts_with_a_city_and_no_name_from_a_verb():
    ents, triples = extract("本报讯 市人大常委会副主任钱望舒、武威川出席。县委书记禤望舒、副市长丘望川参加。"
                            "县长督导柳泉镇安全生产。县领导班子要支持。")
    assert ("武威川", "holdsPosition", "廊坊市人大常委会") in triples
    assert ents["禤望舒"]["type"] == ents["丘望川"]["type"] == "Official"
    assert not any(n.startswith(("督导", "班子")) for n in ents)


def test_a_reporter_named_in_brackets_after_an_outlets_dateline():
    ents, _ = extract("某某在线某地消息（柯南山）7月16日，县长宋鸣到柳泉镇调研。", "固安县")
    assert ents["柯南山"]["type"] == "Journalist"


def test_a_county_outlets_bare_zone_is_the_countys_own():
    _, triples = extract("本报讯 5月18日，县委书记秦望川到经开区调研。", "固安县")
    assert ("秦望川", "visited", "固安经开区") in triples


def test_a_school_visited_as_a_building_site_is_a_place():
    ents, triples = extract("本报讯 县长宋鸣察看了柳泉镇明德小学主体工程建设、文化广场地下停车场建设。", "固安县")
    assert ents["柳泉镇明德小学"]["type"] == "Place" and ents["文化广场地下停车场"]["type"] == "Place"
    assert ("宋鸣", "visited", "文化广场地下停车场") in triples


def test_words_that_look_like_bodies_names_or_far_areas_are_none():
    ents, triples = extract("本报讯 要落实省、市工作部署。县直部门负责人应邀列席。市长韩立言在高新北区调研。"
                            "县政协副主席钱望舒、孔令溪、大会秘书长白若川就座。")
    assert not any(n.endswith("工作部署") or n == "应邀" for n in ents)
    assert "新北区" not in ents                       # a district of another province inside 高新北区
    assert not any(s == "白若川" and p == "holdsPosition" for s, p, _ in triples)


def test_a_township_ends_a_word_and_a_part_of_a_list_is_no_name():
    ents, _ = extract("本报讯 县长宋鸣到固安县调研乡村振兴工作。部分企业养殖基地参加。", "廊坊市")
    assert not any(n.endswith("调研乡") for n in ents)
    assert not any(n.startswith("部分") for n in ents)


def test_a_notice_applies_to_the_villages_its_numbered_scope_lists():
    text = ("固安县森林防火指挥部关于冬季禁止野外用火的通告\n\n"
            "为保障森林资源安全，现通告如下：\n"
            "一、禁止用火区域：柳泉镇东庄、西沟、南坪等村，牛驼镇北营、后屯等村。\n"
            "二、村民要自觉遵守。\n")
    ents, triples = extract(text, "固安县")
    doc = "固安县森林防火指挥部关于冬季禁止野外用火的通告"
    for village in ("东庄", "西沟", "南坪", "北营", "后屯"):
        assert ents[village]["type"] == "AdministrativeArea"
        assert (doc, "appliesTo", village) in triples
    assert ("固安县森林防火指挥部", "issued", doc) in triples
    assert not any(p == "issued" and s != "固安县森林防火指挥部" for s, p, _ in triples)


# 11. appointments, resignations and elections as congress reports write them (blind set D)

def test_an_appointment_to_a_body_after_glued_wei_names_the_body_not_the_clause():
    ents, triples = extract("本报讯 会议决定任命钱望舒为市监察委员会副主任。")
    assert triples[("钱望舒", "holdsPosition", "廊坊市监察委员会")]["title"] == "副主任"
    assert not any(name.startswith("任命") for name in ents)


def test_each_resignation_of_a_list_ends_its_own_office():
    _, triples = extract("本报讯 会议决定接受孔令溪辞去市人民政府副市长职务、白若川辞去市监察委员会主任职务的请求。")
    assert triples[("孔令溪", "holdsPosition", "廊坊市政府")]["title"] == "副市长"
    assert triples[("白若川", "holdsPosition", "廊坊市监察委员会")]["title"] == "主任"


def test_a_counted_list_of_people_elected_to_one_office():
    ents, triples = extract("本报讯 会议补选钱望舒、孔令溪、白若川3名同志为省人民代表大会代表。"
                            "会议选举宋鸣、易清和为市政协副主席。")
    for name in ("钱望舒", "孔令溪", "白若川"):
        assert ents[name]["type"] == "Official"       # deputies are officials (guideline)
    for name in ("宋鸣", "易清和"):
        assert triples[(name, "holdsPosition", "廊坊市政协")]["title"] == "副主席"


def test_a_body_after_a_preposition_jieba_glued_to_its_area():
    ents, _ = extract("本报讯 会议要求按程序向省人大常委会代表资格审查委员会报告。")
    assert ents["省人大常委会代表资格审查委员会"]["type"] == "Organization"
    assert not any(name.startswith("向") for name in ents)


def test_a_congress_with_its_term_is_the_congress_however_written():
    ents, _ = extract("本报讯 县十届人大三次会议开幕。县第十届人民代表大会主席团成员出席。", home="固安县")
    assert ents["固安县人民代表大会"]["type"] == "Organization"
    assert "固安县人大" not in ents


# 12. offices of a county named earlier in a city's paper; companies' offices (blind set D)

def test_bare_county_offices_after_a_named_county_are_that_countys():
    _, triples = extract("本报讯 5月18日，副市长韩立言到固安县调研。固安县委书记钱望舒，县委副书记、县长孔令溪，"
                         "常务副县长白若川陪同。")
    assert triples[("孔令溪", "holdsPosition", "固安县委")]["title"] == "副书记"
    assert ("孔令溪", "holdsPosition", "固安县政府") in triples
    assert triples[("白若川", "holdsPosition", "固安县政府")]["title"] == "常务副县长"


def test_a_brand_and_trade_word_before_a_company_office_is_the_company():
    ents, triples = extract("本报讯 5月18日，市委书记韩立言会见了青禾能源副董事长宋鸣一行。")
    assert ents["青禾能源"]["type"] == "Enterprise"
    assert triples[("宋鸣", "holdsPosition", "青禾能源")]["title"] == "副董事长"
    assert ("宋鸣", "holdsPosition", "廊坊市委") not in triples


def test_a_company_office_does_not_carry_the_committee_named_before():
    _, triples = extract("本报讯 5月18日，市委书记韩立言，总裁宋鸣出席签约仪式。")
    assert ("宋鸣", "holdsPosition", "廊坊市委") not in triples


def test_a_two_character_name_before_a_verb_of_speech():
    ents, _ = extract("本报讯 会上，市人大常委会主任钱望寄语新任干部要依法履职。")
    assert ents["钱望"]["type"] == "Official"
    assert "钱望寄" not in ents


def test_a_zone_word_after_a_county_is_that_countys_zone_not_the_homes():
    ents, triples = extract("本报讯 5月27日，市统计局局长韩立言先后来到固安工业园区，固安县经开区，柳泉产业园。")
    assert ents["固安县经开区"]["type"] == "AdministrativeArea"
    assert ("韩立言", "visited", "固安县经开区") in triples
    assert ("韩立言", "visited", "柳泉产业园") in triples
    assert not any(name.startswith("廊坊经济技术开发区") for name in ents)
    ents, _ = extract("本报讯 5月27日，市长韩立言到经开区调研。")
    assert "廊坊经济技术开发区" in ents          # the home's own zone, written bare


def test_lai_before_a_county_and_town_is_the_visit_verb_not_a_name():
    ents, triples = extract("本报讯 5月18日，副市长韩立言带领市农业农村局相关负责人来固安县柳泉镇调研乡村建设工作。")
    assert ("韩立言", "visited", "柳泉镇") in triples
    assert not any(name.startswith("来") for name in ents)
    assert "调研乡村" not in ents                  # a verb and a common word after the town, no village
