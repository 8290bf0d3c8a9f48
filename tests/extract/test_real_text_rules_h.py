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
