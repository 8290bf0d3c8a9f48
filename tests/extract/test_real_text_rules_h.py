"""More error classes of real news text, first met in blind set H (docs/quality.md), one test a
class, on invented sentences (invented people, firms and sites, real GB/T areas); the earlier
ones are in test_real_text_rules.py, test_real_text_rules_more.py, test_real_text_rules_f.py and
test_real_text_rules_g.py."""
from __future__ import annotations

from rule_pages import extract


# 49. names whose parts a middle dot joins (Uyghur, Kazakh and foreign names)

def test_a_dotted_name_after_a_title_is_one_name():
    ents, triples = extract("本报讯 5月6日，县委副书记、县长阿布都·热合曼，副县长柯南山一行调研农村公路建设。"
                            "阿布都·热合曼指出，要加快建设进度。", home="固安县")
    assert ents["阿布都·热合曼"]["type"] == "Official"
    assert ("阿布都·热合曼", "holdsPosition", "固安县政府") in triples
    assert not any(name.startswith("阿布都") and name != "阿布都·热合曼" for name in ents)


# 50. 市级领导, 副县级领导: labels of officials named without an office

def test_level_labels_name_officials():
    ents, _ = extract("本报讯 5月6日，县委常委、副县长柯东，副县级领导柯南、柯北列席会议。"
                      "柯西山、柯中等市级领导参加。", home="固安县")
    for name in ("柯南", "柯北", "柯西山", "柯中"):
        assert ents[name]["type"] == "Official"


def test_a_label_before_a_verb_names_nobody():
    ents, _ = extract("本报讯 我县建立区级领导包联重点企业制度。", home="固安县")
    assert not any(name.startswith("包联") for name in ents)


# 51. a three-character name before 出席 whose last two characters make a verb (某世高|出席)

def test_a_word_that_follows_names_ends_the_longer_name():
    ents, triples = extract("本报讯 5月6日，县委书记柯东出席并讲话。市工信局调研员柯世高出席。", home="固安县")
    assert "柯世高" in ents and "柯世" not in ents


# 52. 各: every body of a kind is no body, and its members are nobody in particular

def test_every_committee_is_no_body_and_names_no_member():
    ents, triples = extract("本报讯 新当选的市人大常委会主任柯东和市人大各专门委员会组成人员向宪法宣誓。")
    assert "专门委员会" not in ents
    assert "向宪法" not in ents
    # 和 before the next body ends the name before it
    assert ("柯东", "holdsPosition", "廊坊市人大常委会") in triples and "柯东和" not in ents


# 53. a title after a word that is no known body does not take the body of the title before it

def test_a_title_after_an_unknown_body_does_not_carry_the_body_before():
    _, triples = extract("本报讯 5月6日，县政协副主席柯西、县武装保障部政委柯中列席会议。", home="固安县")
    assert ("柯西", "holdsPosition", "固安县政协") in triples
    assert not any(s == "柯中" and o == "固安县政协" for s, _p, o in triples)


# 54. a department named bare before its head's title (发改委主任某某) is the home's; 发改局, 人武部

def test_a_bare_department_before_a_title_is_the_homes():
    ents, triples = extract("本报讯 5月6日，副县长柯西一行在发改委主任柯北的陪同下调研农村公路建设。"
                            "县人武部政委柯中、县发改局局长柯南列席会议。", home="固安县")
    assert ("柯北", "holdsPosition", "固安县发改委") in triples
    assert ("柯中", "holdsPosition", "固安县人武部") in triples
    assert ("柯南", "holdsPosition", "固安县发改局") in triples


# 55. the chair of a congress written bare (人大副主任某某) is its standing committee's

def test_the_chair_of_a_bare_congress_is_its_standing_committees():
    _, triples = extract("本报讯 5月6日，县委副书记、县长柯东，人大副主任柯南山一行调研农村公路建设。", home="固安县")
    assert ("柯南山", "holdsPosition", "固安县人大常委会") in triples


# 56. a county-level city's short name in its own paper is the city, not the prefecture it shares it with

def test_the_short_name_of_a_county_level_home_is_the_home():
    ents, _ = extract("本报讯 7月8日，三百余家企业齐聚大理，共商合作。大理市委书记柯东出席。", home="大理市")
    assert "大理" in ents["大理市"]["aliases"]
    assert "大理白族自治州" not in ents


# 57. a firm written after a bare 县 is the home's, and the same legal name without it is one firm

def test_a_firm_after_a_bare_level_word_is_the_homes_and_one_entity():
    ents, _ = extract("本报讯 7月8日，市委副书记柯东来到我县调研。在县青禾农业发展有限公司，柯东了解了企业"
                      "生产情况。柯东指出，青禾农业发展有限公司要做大做强。", home="固安县")
    firm = ents["固安县青禾农业发展有限公司"]
    assert firm["type"] == "Enterprise" and "青禾农业发展有限公司" in firm["aliases"]
    assert "青禾农业发展有限公司" not in ents and "县青禾农业发展有限公司" not in ents


# 58. a credit in brackets at the end: the outlet, then its reporter (（某某融媒 某某某）)

def test_a_bracketed_credit_with_the_outlet_first_names_the_reporter():
    ents, _ = extract("本报讯 5月6日，县委书记柯东到青禾公司调研。\n柯东指出，要加快发展。(固安融媒 柯南山)",
                      home="固安县")
    assert ents["柯南山"]["type"] == "Journalist"


# 59. 赴 after a name is a verb (柯某|赴某市开展招商), and a generic 相关负责人 is no link of a title chain

def test_fu_ends_a_name_and_a_generic_head_is_no_link_of_the_chain():
    ents, triples = extract("本报讯 4月5日，县委书记柯东赴廊坊开展招商引资。青禾铝业有限公司董事长柯南，"
                            "副总经理柯北及企业相关负责人，政府副县长柯西参加洽谈会。", home="固安县")
    assert "柯东" in ents and "柯东赴" not in ents
    assert ents["柯西"]["type"] == "Official"
    assert ("柯西", "holdsPosition", "固安县政府") in triples
    assert not any(s == "柯西" and o == "青禾铝业有限公司" for s, _p, o in triples)


# 60. a group written right before a firm named from its area (某某集团|河北某某有限公司) owns it

def test_a_group_right_before_a_firm_owns_it():
    _, triples = extract("本报讯 4月5日，县委书记柯东与青禾集团河北望川铝业有限公司对接洽谈。", home="固安县")
    assert ("河北望川铝业有限公司", "subsidiaryOf", "青禾集团") in triples


# 61. a project no finder named opens a visit list (来到某某固废处理项目、某镇镇政府调研): the list goes on

def test_an_unnamed_project_first_in_a_list_does_not_end_the_list():
    ents, triples = extract("本报讯 12月30日，市委书记柯东来到青禾固废处理项目、固安镇镇政府调研。", home="固安县")
    assert ("柯东", "visited", "固安镇政府") in triples


# 62. a 工作站 is a body (某镇扶贫工作站), not a place

def test_a_work_station_is_an_organization():
    ents, triples = extract("本报讯 12月30日，市委书记柯东在固安镇扶贫工作站调研。", home="固安县")
    assert ents["固安镇扶贫工作站"]["type"] == "Organization"
    assert ("柯东", "visited", "固安镇扶贫工作站") in triples


# 63. 成立某某领导小组，甲任组长，乙任副组长: roles in the group; its name without the party committee is it

def test_roles_taken_in_a_group_just_set_up():
    ents, triples = extract("本报讯 会议宣布成立中共固安县委网络安全工作领导小组，柯东任组长，柯南山任副组长。"
                            "柯东强调，网络安全工作领导小组要发挥作用。", home="固安县")
    group = "中共固安县委网络安全工作领导小组"
    assert triples[("柯东", "holdsPosition", group)]["title"] == "组长"
    assert triples[("柯南山", "holdsPosition", group)]["title"] == "副组长"
    assert "网络安全工作领导小组" in ents[group]["aliases"] and "网络安全工作领导小组" not in ents


# 64. 制度 heads a document's title (《某某会议制度》《某某工作细则》: both)

def test_a_system_of_rules_is_a_document():
    ents, _ = extract("本报讯 会议还通过了《固安县网络安全工作会议制度》《固安县网络安全工作细则》。", home="固安县")
    assert ents["固安县网络安全工作会议制度"]["type"] == "Policy"
    assert ents["固安县网络安全工作细则"]["type"] == "Policy"


# 65. a verb of meeting is no part of a body's name (某县组织召开|某某工作领导小组会议)

def test_a_meeting_verb_is_no_part_of_a_group_name():
    ents, _ = extract("本报讯 12月9日，固安县组织召开招商引资工作领导小组会议。", home="固安县")
    assert not any("召开" in name for name in ents)


# 66. a league (盟) is a level of its own: 盟委, 副盟长 of the 盟行署, 盟政协党组

def test_the_bodies_of_a_league():
    ents, triples = extract("本报讯 1月18日，盟委委员、常务副盟长、盟政协党组书记柯东检查节前安全生产工作。", home="兴安盟")
    assert triples[("柯东", "holdsPosition", "兴安盟委")]["title"] == "委员"
    assert triples[("柯东", "holdsPosition", "兴安盟行署")]["title"] == "常务副盟长"
    assert ("柯东", "holdsPosition", "兴安盟政协党组") in triples


# 67. a bare 自治区 is the home's region; 住房城乡建设厅/局 are bodies; 副科长 of a bureau's section

def test_a_bare_autonomous_region_and_a_housing_bureau_section():
    _, triples = extract("本网消息 近日，自治区住房城乡建设厅副厅长柯东一行到园区调研。市住房城乡建设局城建科副科长"
                         "柯南、县住房城乡建设局局长柯北和县产业园区管委会负责人陪同。", home="八宿县")
    assert ("柯东", "holdsPosition", "西藏自治区住房城乡建设厅") in triples
    assert any(s == "柯南" and o.startswith("市住房城乡建设局") for s, _p, o in triples)
    # 和县 (jieba's word for a county's name) after a name: 和 joins, 县 starts the next body
    assert ("柯北", "holdsPosition", "八宿县住房城乡建设局") in triples


# 68. a bracketed word inside a firm's legal name (某某造船(集团)有限公司), its short forms, its 党委 and 纪委

def test_a_bracketed_group_word_inside_a_firms_name():
    ents, triples = extract("本报讯 1月18日，青禾船舶集团旗下望川华造船(集团)有限公司与上海岚山(集团)有限公司共同出资"
                            "成立的新公司揭牌。望川华党委书记、董事长柯东，岚山集团董事长柯南出席。望川华纪委书记柯西、"
                            "总会计师柯中及岚山集团相关领导参加。", home="上海市")
    assert ents["望川华造船（集团）有限公司"]["type"] == "Enterprise"
    assert ("望川华造船（集团）有限公司", "subsidiaryOf", "青禾船舶集团") in triples
    assert "岚山集团" in ents["上海岚山（集团）有限公司"]["aliases"] and "岚山集团" not in ents
    assert ("柯东", "holdsPosition", "望川华党委") in triples
    assert ("柯西", "holdsPosition", "望川华纪委") in triples
    assert ("柯中", "holdsPosition", "望川华造船（集团）有限公司") in triples
    assert not any("上海岚山（集团" == o for _s, p, o in triples if p == "subsidiaryOf")


# 69. a sentence that opens on a place named whole, then the official acting there (no visit verb)

def test_a_place_frame_then_the_official_is_a_visit():
    _, triples = extract("本报讯 1月18日，副市长柯东检查节前安全生产工作。在青禾花炮经销有限公司，柯东详细了解了"
                         "企业销售情况。在岚山警务工作站，柯东首先询问了人员构成情况。在县政府常务会议上，柯东指出，"
                         "要抓好安全生产。", home="固安县")
    assert ("柯东", "visited", "青禾花炮经销有限公司") in triples
    assert ("柯东", "visited", "岚山警务工作站") in triples
    assert ("柯东", "visited", "固安县政府") not in triples


# 70. a web copy's field labels are no journalists (作者： 发布时间：…), nor is a body after its outlet word

def test_field_labels_and_bodies_are_no_journalists():
    ents, _ = extract("来源: 作者: 发布时间:2021-01-29\n本报讯 县长柯东到青禾公司调研。\n"
                      "2016-03-21 09:38 来源:固安县网信办 点击:0", home="固安县")
    assert "发布时间" not in ents and "信办" not in ents


# 71. a province's firm named by its trade alone (省高速公司), and its 总经理助理

def test_a_firm_named_by_its_provinces_level_word_and_its_trade():
    _, triples = extract("本报讯 2月6日，市长柯东召开专题协调会，副市长柯西，省高速公司副总经理柯南，"
                         "总经理助理柯北出席会议。", home="安庆市")
    assert ("柯南", "holdsPosition", "安徽省高速公司") in triples
    assert triples[("柯北", "holdsPosition", "安徽省高速公司")]["title"] == "总经理助理"


# 72. a quoted site name (“某某经验”专题展馆) and a bracketed area inside a listed site do not end a visit list

def test_quoted_and_bracketed_sites_in_a_visit_list():
    _, triples = extract("本报讯 5月20日，大城县委书记柯东率考察团到我市考察学习。柯东一行先后到“固安经验”专题展馆、"
                         "青禾智慧农业小镇、廊坊(固安)基金小镇、岚山新能源汽车固安生产基地进行实地考察学习。",
                         home="固安县")
    for site in ("固安经验专题展馆", "青禾智慧农业小镇", "廊坊（固安）基金小镇", "岚山新能源汽车固安生产基地"):
        assert ("柯东", "visited", site) in triples


# 73. 及 glued by jieba to the name after it (柯振华|及岚桥|集团) starts no name

def test_ji_glued_to_a_firm_starts_no_name():
    ents, triples = extract("本报讯 1月18日，青禾公司总经理柯东主持仪式，总会计师柯振华及岚桥集团相关领导参加。",
                            home="固安县")
    assert "柯振华" in ents and not any(name.startswith(("振华", "及")) for name in ents)
    assert "岚桥集团" in ents


# 74. a visit verb that opens the sentence, its places, then the official after the comma

def test_a_sentence_opened_by_a_visit_verb_names_its_official_after_the_comma():
    _, triples = extract("本报讯 近日，县委书记柯东深入固安镇调研。走进固安镇青禾村、柳泉镇岚山村村委会，柯东详细了解了"
                         "村干部队伍配置情况。", home="固安县")
    assert ("柯东", "visited", "柳泉镇岚山村村委会") in triples


# 75. roads and lines in a visit list (某某联络线, 某某大道), and a firm's workshop (某某科技生产车间)

def test_roads_and_a_firms_workshop_in_visit_lists():
    ents, triples = extract("本报讯 5月8日，县委书记柯东先后深入青西联络线和柳泉镇望川村特大桥施工现场，详细查看了项目建设"
                            "推进情况。随后，柯东一行走访青禾工业股份有限公司、望川瓷电科技生产车间。", home="固安县")
    assert ("柯东", "visited", "青西联络线") in triples
    assert ("柯东", "visited", "望川瓷电科技") in triples and ents["望川瓷电科技"]["type"] == "Enterprise"


# 76. a park written after a bare 区 (区经济园区) is the home's site, not a short name of the firm that runs it

def test_a_park_after_a_bare_level_word_is_the_homes_site():
    ents, triples = extract("本报讯 5月8日，区长柯东在区经济园区调研时强调，要推动高质量发展。区经济园区公司要引导企业"
                            "加大研发投入。", home="广阳区")
    assert ents["广阳区经济园区"]["type"] == "Place"
    assert ("柯东", "visited", "广阳区经济园区") in triples


# 77. a year opens the title of a document issued without book marks (发布2021年某某工作通告)

def test_a_year_opens_an_unquoted_title():
    _, triples = extract("本报讯 日前，固安县政府发布2021年烟花爆竹管控工作通告，划定县城为禁放区域。", home="固安县")
    assert ("固安县政府", "issued", "2021年烟花爆竹管控工作通告") in triples


# 78. a short form of a firm named by its province's level word (省高速) is that firm

def test_the_short_form_of_a_level_word_firm_is_that_firm():
    ents, _ = extract("本报讯 2月6日，市长柯东召开协调会，省高速公司副总经理柯南出席会议。柯东对省高速公司的支持"
                      "表示感谢，希望省高速在宜扩大投资。", home="安庆市")
    assert "省高速公司" not in ents and "安徽省高速公司" in ents


# 79. 主席由甲、乙、丙担任: every name of the list before 担任 holds the office

def test_a_list_of_names_between_you_and_danren():
    ents, _ = extract("本报讯 大会执行主席由柯东、柯南山、柯北、柯西担任。")
    for name in ("柯东", "柯南山", "柯北", "柯西"):
        assert ents[name]["type"] == "Official"


# 80. 某某同志 (the form of address of a party member) names an official; 全体同志 names nobody

def test_a_name_before_tongzhi_is_an_official():
    ents, _ = extract("本报讯 会议审议了关于接受柯东山同志辞去职务的议案，书面学习了柯南同志的讲话精神。"
                      "全体同志和广大同志参加。")
    assert ents["柯东山"]["type"] == "Official" and ents["柯南"]["type"] == "Official"
    assert "全体" not in ents and "广大" not in ents


# 81. firms listed before 等N家企业 with no visit verb (甲、乙、丙等15家企业分别签约); industries are no firms

def test_firms_a_kind_closes_without_a_visit_verb():
    ents, _ = extract("本报讯 在签约仪式上，中电汇、青禾科技、望川科技、岚山新材料等15家企业，分别与固安县投促中心"
                      "等单位签约。措施出台后，将吸引金融、科技服务、商贸物流等企业集聚。", home="固安县")
    for firm in ("青禾科技", "望川科技", "岚山新材料"):
        assert ents[firm]["type"] == "Enterprise"
    assert "商贸物流" not in ents and "科技服务" not in ents


# 82. a media centre's dateline (某区融媒体中心讯（记者 甲 乙）): its reporters are journalists

def test_a_media_centres_dateline_names_its_reporters():
    ents, _ = extract("广阳区融媒体中心讯(记者 柯东 柯南山 柯北)2月7日上午，区政协召开会议。", home="广阳区")
    for name in ("柯东", "柯南山", "柯北"):
        assert ents[name]["type"] == "Journalist"


# 83. 选举甲为政协某市某区第八届委员会副主席，乙为秘书长，丙、丁、释某某为常务委员

def test_an_election_to_a_cppcc_named_with_its_city_and_district():
    ents, triples = extract("本报讯 会议以无记名投票的方式选举柯四为政协廊坊市广阳区第八届委员会副主席，柯五为秘书长，"
                            "柯六、柯七、释某东为常务委员。", home="广阳区")
    assert triples[("柯四", "holdsPosition", "广阳区政协")]["title"] == "副主席"
    assert triples[("柯五", "holdsPosition", "广阳区政协")]["title"] == "秘书长" and "柯五为" not in ents
    for name in ("柯六", "柯七", "释某东"):
        assert triples[(name, "holdsPosition", "广阳区政协")]["title"] == "常务委员"


# 84. 大会的执行主席是：甲、乙、丙

def test_names_after_a_title_and_shi():
    ents, _ = extract("本报讯 本次大会的执行主席是:柯一、柯二山、柯三。", home="广阳区")
    for name in ("柯一", "柯二山", "柯三"):
        assert ents[name]["type"] == "Official"


# 85. 某某同志任某省委书记 (an appointment), 某某同志不再担任… (the name without its form of address)

def test_tongzhi_ren_appoints_and_buzai_danren_ends():
    ents, triples = extract("本报讯 中央决定：柯东山同志任河北省委委员、常委、书记，柯南同志不再担任河北省委书记、常委、"
                            "委员职务。")
    assert ("柯东山", "holdsPosition", "河北省委") in triples
    assert ("柯南", "holdsPosition", "河北省委") in triples and "柯南同志" not in ents


# 86. quoted brands before the kind they share (对“甲”“乙”两处煤矿和“丙”煤矿进行检查)

def test_quoted_brands_before_their_kind():
    ents, _ = extract("本报讯 1月17日，区委书记柯东分别对“青禾”“岚山”两处煤矿旧址和“望川”煤矿进行安全检查。",
                      home="固安县")
    for mine in ("青禾煤矿", "岚山煤矿", "望川煤矿"):
        assert ents[mine]["type"] == "Enterprise"
    ents, _ = extract("下好高质量发展“先手棋”公司与青禾集团组建合资公司", home="固安县")
    assert "先手棋公司" not in ents        # a slogan before a bare 公司


# 87. the longer suffix types a name: a 展示中心 is a site, not a body (中心); a bare 展厅 names none

def test_the_longer_suffix_types_a_name():
    ents, triples = extract("本报讯 11月3日，白银市委副书记、市长柯东一行到宁西基地调研。调研团先后前往宁西基地展示中心，"
                            "参观了企业文化展厅。", home="银川市")
    assert ents["宁西基地展示中心"]["type"] == "Place"
    assert ("柯东", "visited", "宁西基地展示中心") in triples
    assert "企业文化展厅" not in ents


# 88. a party department named bare before its head's title (在组织部副部长某某带领下) is the home's 县委's

def test_a_bare_party_department_before_a_title_is_the_homes():
    _, triples = extract("本报讯 10月23日上午，全县三十个行政村党支部书记在组织部副部长柯东同志带领下到青禾村观摩。"
                         "县委常委、宣传部部长柯南出席。", home="固安县")
    assert ("柯东", "holdsPosition", "固安县委组织部") in triples
    assert ("柯南", "holdsPosition", "固安县委宣传部") in triples
    _, triples = extract("本报讯 省委常委、宣传部部长柯西到固安调研。", home="固安县")
    assert not any(s == "柯西" and o == "固安县委宣传部" for s, _p, o in triples)   # the 省委's, in a chain


# 89. an item no finder named in the middle of a visit list (甲、乙合金项目和丙) does not end the list

def test_an_unnamed_item_inside_a_visit_list():
    _, triples = extract("本报讯 4月7日，县长柯东一行先后来到青禾置业有限公司、望川建材、硼铁合金项目和岚山二厂展厅"
                         "等地进行实地查看。", home="固安县")
    assert ("柯东", "visited", "岚山二厂展厅") in triples


# 90. 市上领导, 县上领导: labels of officials named without an office

def test_shang_labels_name_officials():
    ents, _ = extract("本报讯 柯东、柯南山、柯北等市上领导分别参加调研或汇报会。", home="固安县")
    for name in ("柯东", "柯南山", "柯北"):
        assert ents[name]["type"] == "Official"
