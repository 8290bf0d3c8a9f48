"""More error classes of real news text, first met in blind sets H, I and J (docs/quality.md), one test
a class, on invented sentences (invented people, firms and sites, real GB/T areas); the earlier
ones are in test_real_text_rules.py, test_real_text_rules_more.py, test_real_text_rules_f.py and
test_real_text_rules_g.py."""
from __future__ import annotations

import pytest

from rule_pages import extract


# 49. names whose parts a middle dot joins (Uyghur, Kazakh and foreign names)

def test_a_dotted_name_after_a_title_is_one_name():
    ents, triples = extract("本报讯 6月3日，县委副书记、县长阿布都·热合曼，副县长柯南山一行到乡镇检查春播备耕。"
                            "阿布都·热合曼指出，要抓好农时。", home="固安县")
    assert ents["阿布都·热合曼"]["type"] == "Official"
    assert ("阿布都·热合曼", "holdsPosition", "固安县政府") in triples
    assert not any(name.startswith("阿布都") and name != "阿布都·热合曼" for name in ents)


# 50. 市级领导, 副县级领导: labels of officials named without an office

def test_level_labels_name_officials():
    ents, _ = extract("本报讯 9月2日，县委常委、副县长柯东，副县级领导柯南、柯北参加座谈。"
                      "柯西山、柯中等市级领导出席开幕式。", home="固安县")
    for name in ("柯南", "柯北", "柯西山", "柯中"):
        assert ents[name]["type"] == "Official"


def test_a_label_before_a_verb_names_nobody():
    ents, _ = extract("本报讯 全县推行区级领导包联重点项目机制。", home="固安县")
    assert not any(name.startswith("包联") for name in ents)


# 51. a three-character name before 出席 whose last two characters make a verb (某永高|出席)

def test_a_word_that_follows_names_ends_the_longer_name():
    ents, triples = extract("本报讯 9月2日，县长柯东主持会议。县商务局调研员柯永高出席。", home="固安县")
    assert "柯永高" in ents and "柯永" not in ents


# 52. 各: every body of a kind is no body, and its members are nobody in particular

def test_every_committee_is_no_body_and_names_no_member():
    ents, triples = extract("本报讯 宣誓仪式上，市人大各专门委员会组成人员向宪法宣誓，市人大常委会主任柯东和市政协主席柯南监誓。")
    assert "专门委员会" not in ents
    assert "向宪法" not in ents
    # 和 before the next body ends the name before it
    assert ("柯东", "holdsPosition", "廊坊市人大常委会") in triples and "柯东和" not in ents


# 53. a title after a word that is no known body does not take the body of the title before it

def test_a_title_after_an_unknown_body_does_not_carry_the_body_before():
    _, triples = extract("本报讯 9月2日，县政协副主席柯西、县武装保障部政委柯中出席开幕式。", home="固安县")
    assert ("柯西", "holdsPosition", "固安县政协") in triples
    assert not any(s == "柯中" and o == "固安县政协" for s, _p, o in triples)


# 54. a department named bare before its head's title (发改委主任某某) is the home's; 发改局, 人武部

def test_a_bare_department_before_a_title_is_the_homes():
    ents, triples = extract("本报讯 9月2日，副县长柯西在发改委主任柯北的陪同下察看了城区供水管网改造。"
                            "县人武部政委柯中、县发改局局长柯南参加。", home="固安县")
    assert ("柯北", "holdsPosition", "固安县发改委") in triples
    assert ("柯中", "holdsPosition", "固安县人武部") in triples
    assert ("柯南", "holdsPosition", "固安县发改局") in triples



# 56. a county-level city's short name in its own paper is the city, not the prefecture it shares it with

def test_the_short_name_of_a_county_level_home_is_the_home():
    ents, _ = extract("本报讯 7月8日，来自各地的两百多名客商来到大理，洽谈文旅合作。大理市委书记柯东致辞。", home="大理市")
    assert "大理" in ents["大理市"]["aliases"]
    assert "大理白族自治州" not in ents


# 57. a firm written after a bare 县 is the home's, and the same legal name without it is one firm

def test_a_firm_after_a_bare_level_word_is_the_homes_and_one_entity():
    ents, _ = extract("本报讯 7月8日，县青禾农业发展有限公司新建的冷库投入使用，副县长柯东到场察看。"
                      "青禾农业发展有限公司负责人介绍了冷库的储运能力。", home="固安县")
    firm = ents["固安县青禾农业发展有限公司"]
    assert firm["type"] == "Enterprise" and "青禾农业发展有限公司" in firm["aliases"]
    assert "青禾农业发展有限公司" not in ents and "县青禾农业发展有限公司" not in ents


# 58. a credit in brackets at the end: the outlet, then its reporter (（某某融媒 某某某）)

def test_a_bracketed_credit_with_the_outlet_first_names_the_reporter():
    ents, _ = extract("本报讯 9月2日，县长柯东到青禾公司察看复工情况。\n柯东要求守牢安全底线。(固安融媒 柯南山)",
                      home="固安县")
    assert ents["柯南山"]["type"] == "Journalist"


# 59. 赴 after a name is a verb (柯某|赴某市开展招商), and a generic 相关负责人 is no link of a title chain

def test_fu_ends_a_name_and_a_generic_head_is_no_link_of_the_chain():
    ents, triples = extract("本报讯 4月5日，县委书记柯东赴廊坊洽谈物流合作。参加会谈的有青禾物流有限公司董事长柯南，"
                            "副总经理柯北及公司相关负责人，政府副县长柯西。", home="固安县")
    assert "柯东" in ents and "柯东赴" not in ents
    assert ents["柯西"]["type"] == "Official"
    assert ("柯西", "holdsPosition", "固安县政府") in triples
    assert not any(s == "柯西" and o == "青禾物流有限公司" for s, _p, o in triples)




# 62. a 工作站 is a body (某镇服务工作站), not a place

def test_a_work_station_is_an_organization():
    ents, triples = extract("本报讯 3月2日，副县长柯东在固安镇便民服务工作站检查窗口服务。", home="固安县")
    assert ents["固安镇便民服务工作站"]["type"] == "Organization"
    assert ("柯东", "visited", "固安镇便民服务工作站") in triples


# 63. 成立某某领导小组，甲任组长，乙任副组长: roles in the group; its name without the party committee is it

def test_roles_taken_in_a_group_just_set_up():
    ents, triples = extract("本报讯 县委办印发通知，决定成立中共固安县委数字乡村工作领导小组，柯东任组长，柯南山任副组长。"
                            "柯东要求，数字乡村工作领导小组要定期研究工作。", home="固安县")
    group = "中共固安县委数字乡村工作领导小组"
    assert triples[("柯东", "holdsPosition", group)]["title"] == "组长"
    assert triples[("柯南山", "holdsPosition", group)]["title"] == "副组长"
    assert "数字乡村工作领导小组" in ents[group]["aliases"] and "数字乡村工作领导小组" not in ents


# 64. 制度 heads a document's title (《某某会议制度》《某某工作细则》: both)

def test_a_system_of_rules_is_a_document():
    ents, _ = extract("本报讯 常务会议审议了《固安县数字乡村工作会议制度》《固安县数字乡村工作细则》。", home="固安县")
    assert ents["固安县数字乡村工作会议制度"]["type"] == "Policy"
    assert ents["固安县数字乡村工作细则"]["type"] == "Policy"


# 65. a verb of meeting is no part of a body's name (某县组织召开|某某工作领导小组会议)

def test_a_meeting_verb_is_no_part_of_a_group_name():
    ents, _ = extract("本报讯 3月9日下午，固安县组织召开数字乡村工作领导小组第二次会议。", home="固安县")
    assert not any("召开" in name for name in ents)


# 66. a league (盟) is a level of its own: 盟委, 副盟长 of the 盟行署, 盟政协党组

def test_the_bodies_of_a_league():
    ents, triples = extract("本报讯 2月1日，盟委委员、副盟长柯东，盟政协党组书记柯南到牧区检查冬春防火。",
                            home="锡林郭勒盟")
    assert triples[("柯东", "holdsPosition", "锡林郭勒盟委")]["title"] == "委员"
    assert triples[("柯东", "holdsPosition", "锡林郭勒盟行署")]["title"] == "副盟长"
    assert ("柯南", "holdsPosition", "锡林郭勒盟政协党组") in triples


# 67. a bare 自治区 is the home's region; 住房城乡建设厅/局 are bodies; 副科长 of a bureau's section

def test_a_bare_autonomous_region_and_a_housing_bureau_section():
    _, triples = extract("本网消息 日前，自治区住房城乡建设厅副厅长柯东带队检查保障房建设。陪同检查的有：市住房城乡建设局"
                         "城建科副科长柯南，以及县住房城乡建设局局长柯北和县工业园区管委会负责人。", home="察雅县")
    assert ("柯东", "holdsPosition", "西藏自治区住房城乡建设厅") in triples
    assert any(s == "柯南" and o.startswith("市住房城乡建设局") for s, _p, o in triples)
    # 和县 (jieba's word for a county's name) after a name: 和 joins, 县 starts the next body
    assert ("柯北", "holdsPosition", "察雅县住房城乡建设局") in triples


# 68. a bracketed word inside a firm's legal name (某某造船(集团)有限公司), its short forms, its 党委 and 纪委

def test_a_bracketed_group_word_inside_a_firms_name():
    ents, triples = extract("本报讯 1月18日，青禾船舶集团旗下望川华造船(集团)有限公司和天津岚山(集团)有限公司合资组建的"
                            "新公司开业。望川华党委书记、董事长柯东，岚山集团董事长柯南致辞。望川华纪委书记柯西、"
                            "总会计师柯中及岚山集团的两位副总经理到场。", home="天津市")
    assert ents["望川华造船（集团）有限公司"]["type"] == "Enterprise"
    assert ("望川华造船（集团）有限公司", "subsidiaryOf", "青禾船舶集团") in triples
    assert "岚山集团" in ents["天津岚山（集团）有限公司"]["aliases"] and "岚山集团" not in ents
    assert ("柯东", "holdsPosition", "望川华党委") in triples
    assert ("柯西", "holdsPosition", "望川华纪委") in triples
    assert ("柯中", "holdsPosition", "望川华造船（集团）有限公司") in triples
    assert not any("天津岚山（集团" == o for _s, p, o in triples if p == "subsidiaryOf")


# 69. a sentence that opens on a place named whole, then the official acting there (no visit verb)

def test_a_place_frame_then_the_official_is_a_visit():
    _, triples = extract("本报讯 1月18日，副市长柯东带队检查节前市场供应。在青禾粮油经销有限公司，柯东详细了解了"
                         "储备情况。在岚山便民工作站，柯东首先询问了值守安排。在县政府常务会议上，柯东强调，"
                         "要保障供应。", home="固安县")
    assert ("柯东", "visited", "青禾粮油经销有限公司") in triples
    assert ("柯东", "visited", "岚山便民工作站") in triples
    assert ("柯东", "visited", "固安县政府") not in triples


# 70. a web copy's field labels are no journalists (作者： 发布时间：…), nor is a body after its outlet word

def test_field_labels_and_bodies_are_no_journalists():
    ents, _ = extract("来源: 作者: 发布时间:2023-05-08\n本报讯 县长柯东到青禾公司调研。\n"
                      "2023-05-08 10:20 来源:固安县网信办 点击:12", home="固安县")
    assert "发布时间" not in ents and "信办" not in ents


# 71. a province's firm named by its trade alone (省能源公司), and its 总经理助理

def test_a_firm_named_by_its_provinces_level_word_and_its_trade():
    _, triples = extract("本报讯 3月6日，市长柯东主持召开重点工程调度会，副市长柯西，省能源公司副总经理柯南，"
                         "总经理助理柯北参加。", home="芜湖市")
    assert ("柯南", "holdsPosition", "安徽省能源公司") in triples
    assert triples[("柯北", "holdsPosition", "安徽省能源公司")]["title"] == "总经理助理"


# 72. a quoted site name (“某某模式”展示馆) and a bracketed area inside a listed site do not end a visit list

def test_quoted_and_bracketed_sites_in_a_visit_list():
    _, triples = extract("本报讯 5月20日，大城县委书记柯东带领考察团来我县交流。柯东一行先后到“固安模式”展示馆、"
                         "青禾智慧农业小镇、廊坊(固安)基金小镇和岚山新能源汽车固安生产基地参观。",
                         home="固安县")
    for site in ("固安模式展示馆", "青禾智慧农业小镇", "廊坊（固安）基金小镇", "岚山新能源汽车固安生产基地"):
        assert ("柯东", "visited", site) in triples


# 73. 及 glued by jieba to the name after it (柯振华|及岚桥|集团) starts no name

def test_ji_glued_to_a_firm_starts_no_name():
    ents, triples = extract("本报讯 签约由青禾公司总经理柯东主持，总会计师柯振华及岚桥集团的两位副总经理见证。",
                            home="固安县")
    assert "柯振华" in ents and not any(name.startswith(("振华", "及")) for name in ents)
    assert "岚桥集团" in ents



# 75. roads and lines in a visit list (某某联络线, 某某大道), and a firm's workshop (某某科技生产车间)

def test_roads_and_a_firms_workshop_in_visit_lists():
    ents, triples = extract("本报讯 5月8日，县委书记柯东先后来到青西联络线和柳泉镇望川村特大桥施工现场，察看工程进度。"
                            "随后，柯东一行走访了青禾工业股份有限公司、望川瓷电科技生产车间。", home="固安县")
    assert ("柯东", "visited", "青西联络线") in triples
    assert ("柯东", "visited", "望川瓷电科技") in triples and ents["望川瓷电科技"]["type"] == "Enterprise"


# 76. a park written after a bare 区 (区商贸园区) is the home's site, not a short name of the firm that runs it

def test_a_park_after_a_bare_level_word_is_the_homes_site():
    ents, triples = extract("本报讯 5月8日，区长柯东在区商贸园区调研时强调，要培育新兴产业。区商贸园区公司要做好企业"
                            "服务。", home="广阳区")
    assert ents["广阳区商贸园区"]["type"] == "Place"
    assert ("柯东", "visited", "广阳区商贸园区") in triples



# 78. a short form of a firm named by its province's level word (省能源) is that firm

def test_the_short_form_of_a_level_word_firm_is_that_firm():
    ents, _ = extract("本报讯 3月6日，市长柯东召开调度会，省能源公司副总经理柯南参加。柯东感谢省能源公司长期以来的"
                      "支持，希望省能源扩大在芜投资。", home="芜湖市")
    assert "省能源公司" not in ents and "安徽省能源公司" in ents


# 79. 主席由甲、乙、丙担任: every name of the list before 担任 holds the office

def test_a_list_of_names_between_you_and_danren():
    ents, _ = extract("本报讯 三天的会期里，执行主席由柯东、柯南山、柯北、柯西担任。")
    for name in ("柯东", "柯南山", "柯北", "柯西"):
        assert ents[name]["type"] == "Official"


# 80. 某某同志 (the form of address of a party member) names an official; 全体同志 names nobody

def test_a_name_before_tongzhi_is_an_official():
    ents, _ = extract("本报讯 会议审议了关于接受柯东山同志辞去职务的议案，并传达了柯南同志的讲话要点。"
                      "全体同志要认真学习。广大同志积极参与。")
    assert ents["柯东山"]["type"] == "Official" and ents["柯南"]["type"] == "Official"
    assert "全体" not in ents and "广大" not in ents


# 81. firms listed before 等N家企业 with no visit verb (甲、乙、丙等15家企业分别签约); industries are no firms

def test_firms_a_kind_closes_without_a_visit_verb():
    ents, _ = extract("本报讯 开业仪式上，青禾科技、望川科技、岚山新材料等12家企业与园区签订入驻协议。今后，"
                      "园区将吸引金融、科技服务、商贸物流等企业入驻。", home="固安县")
    for firm in ("青禾科技", "望川科技", "岚山新材料"):
        assert ents[firm]["type"] == "Enterprise"
    assert "商贸物流" not in ents and "科技服务" not in ents


# 82. a media centre's dateline (某区融媒体中心讯（记者 甲 乙）): its reporters are journalists

def test_a_media_centres_dateline_names_its_reporters():
    ents, _ = extract("广阳区融媒体中心讯(记者 柯东 柯南山 柯北)3月5日，区文联召开年度工作会议。", home="广阳区")
    for name in ("柯东", "柯南山", "柯北"):
        assert ents[name]["type"] == "Journalist"


# 83. 选举甲为政协某市某区第九届委员会副主席，乙为秘书长，丙、丁、释某某为常务委员

def test_an_election_to_a_cppcc_named_with_its_city_and_district():
    ents, triples = extract("本报讯 大会选举柯四为政协廊坊市广阳区第九届委员会副主席，柯五为秘书长，"
                            "柯六、柯七、释某安为常务委员。", home="广阳区")
    assert triples[("柯四", "holdsPosition", "广阳区政协")]["title"] == "副主席"
    assert triples[("柯五", "holdsPosition", "广阳区政协")]["title"] == "秘书长" and "柯五为" not in ents
    for name in ("柯六", "柯七", "释某安"):
        assert triples[(name, "holdsPosition", "广阳区政协")]["title"] == "常务委员"


# 84. 大会的执行主席是：甲、乙、丙

def test_names_after_a_title_and_shi():
    ents, _ = extract("本报讯 大会执行主席是:柯一、柯二山、柯三。", home="广阳区")
    for name in ("柯一", "柯二山", "柯三"):
        assert ents[name]["type"] == "Official"


# 85. 某某同志任某省委书记 (an appointment), 某某同志不再担任… (the name without its form of address)

def test_tongzhi_ren_appoints_and_buzai_danren_ends():
    ents, triples = extract("本报讯 省委召开领导干部会议，宣布：柯东山同志任山西省委委员、常委、副书记，柯南同志不再担任"
                            "山西省委常委、委员职务。")
    assert ("柯东山", "holdsPosition", "山西省委") in triples
    assert ("柯南", "holdsPosition", "山西省委") in triples and "柯南同志" not in ents


# 86. quoted brands before the kind they share (对“甲”“乙”两处煤矿和“丙”煤矿进行检查)

def test_quoted_brands_before_their_kind():
    ents, _ = extract("本报讯 3月5日，区应急管理局对“青禾”“岚山”两处煤矿和“望川”煤矿开展复工前检查。",
                      home="固安县")
    for mine in ("青禾煤矿", "岚山煤矿", "望川煤矿"):
        assert ents[mine]["type"] == "Enterprise"
    ents, _ = extract("打好改革“组合拳”公司治理再上台阶", home="固安县")
    assert "组合拳公司" not in ents        # a slogan before a bare 公司


# 87. the longer suffix types a name: a 展示中心 is a site, not a body (中心); a bare 展厅 names none

def test_the_longer_suffix_types_a_name():
    ents, triples = extract("本报讯 11月3日，张掖市委副书记、市长柯东一行到岚山产业基地考察，先后前往岚山产业基地展示中心。"
                            "展示中心一楼设有产品展厅和洽谈室。", home="石嘴山市")
    assert ents["岚山产业基地展示中心"]["type"] == "Place"
    assert ("柯东", "visited", "岚山产业基地展示中心") in triples
    assert "产品展厅" not in ents


# 88. a party department named bare before its head's title (在组织部副部长某某带领下) is the home's 县委's

def test_a_bare_party_department_before_a_title_is_the_homes():
    _, triples = extract("本报讯 3月8日上午，在组织部副部长柯东带领下，新任村干部到青禾村参观学习。"
                         "县委常委、宣传部部长柯南参加。", home="固安县")
    assert ("柯东", "holdsPosition", "固安县委组织部") in triples
    assert ("柯南", "holdsPosition", "固安县委宣传部") in triples
    _, triples = extract("本报讯 省委常委、宣传部部长柯西到固安调研。", home="固安县")
    assert not any(s == "柯西" and o == "固安县委宣传部" for s, _p, o in triples)   # the 省委's, in a chain



# 90. 市上领导, 县上领导: labels of officials named without an office

def test_shang_labels_name_officials():
    ents, _ = extract("本报讯 座谈会上，柯东、柯南山、柯北等县上领导听取了意见。", home="固安县")
    for name in ("柯东", "柯南山", "柯北"):
        assert ents[name]["type"] == "Official"


# Classes whose test is one sentence and the one fact it must give:
# 55. the chair of a congress written bare (人大副主任某某) is its standing committee's;
# 60. a group written right before a firm named from its area (某某集团|河北某某有限公司) owns it;
# 61. a project no finder named opens a visit list (来到某某加工项目、某镇镇政府检查): the list goes on;
# 74. a visit verb that opens the sentence, its places, then the official after the comma;
# 77. a year opens the title of a document issued without book marks (发布2024年某某工作通告);
# 89. an item no finder named in the middle of a visit list (甲、乙扩能项目和丙) does not end the list.
ONE_FACT = {
    "55-bare-congress-chair": ("本报讯 9月2日，县委副书记、县长柯东，人大副主任柯南山察看了县城防洪堤。",
                               ("柯南山", "holdsPosition", "固安县人大常委会")),
    "60-group-before-firm": ("本报讯 4月5日，县委书记柯东会见了青禾集团河北望川铝业有限公司负责人。",
                             ("河北望川铝业有限公司", "subsidiaryOf", "青禾集团")),
    "61-unnamed-first-item": ("本报讯 12月20日，市委书记柯东来到青禾秸秆加工项目、固安镇镇政府检查冬季供暖工作。",
                              ("柯东", "visited", "固安镇政府")),
    "74-verb-opens-sentence": ("本报讯 近日，县委书记柯东到柳泉镇调研。走进柳泉镇岚山村村委会，柯东翻看了村务公开台账。",
                               ("柯东", "visited", "柳泉镇岚山村村委会")),
    "77-year-opens-title": ("本报讯 近日，固安县政府发布2024年森林防火工作通告，明确了禁火期。",
                            ("固安县政府", "issued", "2024年森林防火工作通告")),
    "89-unnamed-middle-item": ("本报讯 4月7日，县长柯东一行先后来到青禾置业有限公司、望川建材、钛白粉扩能项目和岚山二厂展厅"
                               "等地察看。", ("柯东", "visited", "岚山二厂展厅")),
}


@pytest.mark.parametrize("case", sorted(ONE_FACT))
def test_one_sentence_gives_its_fact(case):
    text, fact = ONE_FACT[case]
    _, triples = extract(text, home="固安县")
    assert fact in triples
