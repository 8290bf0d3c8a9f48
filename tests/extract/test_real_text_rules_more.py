"""More error classes of real news text, first met in blind set E (docs/quality.md), one test a
class, on invented sentences (invented people and companies, real GB/T areas); the first ones
are in test_real_text_rules.py."""
from __future__ import annotations

from rule_pages import extract


# 13. companies' own reports: a group's party committee, a group named before its offices

def test_a_groups_party_office_is_held_in_its_party_committee():
    ents, triples = extract("本报讯 5月18日，青禾集团党委书记、董事长柯南山，党委副书记、总经理钱望川到固安县考察。")
    assert ents["青禾集团党委"]["type"] == "Organization"
    assert triples[("柯南山", "holdsPosition", "青禾集团党委")]["title"] == "书记"
    assert triples[("柯南山", "holdsPosition", "青禾集团")]["title"] == "董事长"
    assert ("钱望川", "holdsPosition", "青禾集团") in triples


def test_a_group_whose_brand_jieba_does_not_know_is_named_before_its_offices():
    # 岚建 is no word of jieba's dictionary and looks like a verb phrase (岚|建)
    ents, triples = extract("本报讯 5月18日，岚建集团党委副书记、总经理钱望川陪同调研。")
    assert ents["岚建集团"]["type"] == "Enterprise"
    assert triples[("钱望川", "holdsPosition", "岚建集团党委")]["title"] == "副书记"
    assert ("钱望川", "holdsPosition", "岚建集团") in triples


def test_a_groups_name_for_itself_is_the_group_the_article_names():
    # 集团公司 on the group's own site; the group is named only in a later sentence
    _, triples = extract("本报讯 12月21日，集团公司党委书记、董事长柯南山在固安县考察。"
                         "集团公司党委副书记、总经理钱望川出席。柯南山感谢固安县对青禾集团的支持。")
    assert triples[("柯南山", "holdsPosition", "青禾集团党委")]["title"] == "书记"
    assert ("柯南山", "holdsPosition", "青禾集团") in triples
    assert triples[("钱望川", "holdsPosition", "青禾集团党委")]["title"] == "副书记"
    assert ("钱望川", "holdsPosition", "青禾集团") in triples


# 14. a one-character verb after a name (congress reports: 某某作…的说明)

def test_a_name_ends_before_the_verb_zuo():
    ents, triples = extract("本报讯 会议听取了市长柯望作的关于人事任免的说明，市委常委、组织部部长钱斌作关于候选人名单的说明。")
    assert {"柯望", "钱斌"} <= set(ents) and not {"柯望作", "钱斌作"} & set(ents)
    assert ("钱斌", "holdsPosition", "廊坊市委组织部") in triples


def test_a_two_character_group_prefix_names_the_parent():
    ents, triples = extract("本报讯 5月18日，市长韩立言调研了华岚集团固安板业公司。")
    assert ents["华岚集团"]["type"] == "Enterprise"
    assert ("华岚集团固安板业公司", "subsidiaryOf", "华岚集团") in triples


# 15. visit lists

def test_a_firm_of_common_words_in_a_list_of_firms_is_named_and_visited():
    # 奋进灯饰 is two words of the language (奋进 a verb); its neighbours make the list one of firms
    ents, triples = extract("本报讯 5月18日，在固安县，市长韩立言先后到固安县规划展览馆、奋进灯饰公司、柯岚服饰公司、"
                            "青禾食品公司，听取企业介绍。")
    assert ents["奋进灯饰公司"]["type"] == "Enterprise"
    for site in ("固安县规划展览馆", "奋进灯饰公司", "柯岚服饰公司", "青禾食品公司"):
        assert ("韩立言", "visited", site) in triples


def test_two_firms_joined_by_ji_that_jieba_glued_to_the_first_are_two():
    # jieba cuts 结构厂及 as 厂及, one word of none
    ents, triples = extract("本报讯 随后，市长韩立言察看了九川钢结构厂及溢华木业有限公司的生产线。")
    assert {"九川钢结构厂", "溢华木业有限公司"} <= set(ents)
    assert "九川钢结构厂及溢华木业有限公司" not in ents
    assert ("韩立言", "visited", "溢华木业有限公司") in triples


# 16. congress reports: offices that end with 不再担任, a list elected to the next office of one body

def test_names_that_no_longer_hold_an_office_held_it_until_then():
    ents, triples = extract("本报讯 宋鸣、易清和不再担任区政协副主席职务。韩立言不再担任广阳区副区长职务。",
                            home="广阳区")
    for name, body in (("宋鸣", "广阳区政协"), ("易清和", "广阳区政协"), ("韩立言", "广阳区政府")):
        assert ents[name]["type"] == "Official"
        assert triples[(name, "holdsPosition", body)]["change"] == "end"


def test_a_list_elected_to_a_bare_office_after_an_election_to_a_body():
    _, triples = extract("本报讯 柯南山当选广阳区第七届人民代表大会常务委员会主任，钱望川、孔令溪当选为副主任。",
                         home="广阳区")
    assert triples[("柯南山", "holdsPosition", "广阳区人大常委会")]["title"] == "主任"
    for name in ("钱望川", "孔令溪"):
        assert triples[(name, "holdsPosition", "广阳区人大常委会")]["title"] == "副主任"


# 17. a company named after a verb of meeting; a board's chair

def test_a_company_name_does_not_run_back_over_a_verb_of_meeting():
    ents, triples = extract("本报讯 7月20日晚上，市长柯南山在青禾山庄会见华岚控股集团有限公司董事会主席、行政总裁钱望川一行。"
                            "柯南山表示，衷心希望华岚集团继续关注廊坊发展。")
    assert {"华岚控股集团有限公司", "华岚集团"} <= set(ents)
    assert not any(name.startswith(("青禾山庄会见", "衷心希望")) for name in ents)
    assert ents["钱望川"]["type"] == "Person"
    assert triples[("钱望川", "holdsPosition", "华岚控股集团有限公司")]["title"] in ("董事会主席", "行政总裁")


def test_a_welfare_home_is_named_with_its_town_not_by_its_kind_alone():
    # jieba's dictionary tags 福利院 nt, as if it were a name
    ents, triples = extract("本报讯 3月5日，镇党委书记韩立言深入柳泉镇社会福利院、青禾石化等重点企业开展安全检查。",
                            home="固安县")
    assert ents["柳泉镇社会福利院"]["type"] == "Organization" and "福利院" not in ents
    assert ("韩立言", "visited", "柳泉镇社会福利院") in triples


def test_a_prefectures_executive_deputy_head_and_the_committee_before():
    _, triples = extract("本报讯 7月28日，州委常委、常务副州长宋望舒出席会议。", home="丹寨县")
    assert triples[("宋望舒", "holdsPosition", "黔东南苗族侗族自治州政府")]["title"] == "常务副州长"
    assert triples[("宋望舒", "holdsPosition", "黔东南苗族侗族自治州委")]["title"] == "常委"


def test_a_special_committee_of_a_cppcc_is_named_with_it():
    ents, triples = extract("本报讯 省政协提案委员会专职副主任孔望舒参加调研。", home="河北省")
    assert ents["河北省政协提案委员会"]["type"] == "Organization"
    assert triples[("孔望舒", "holdsPosition", "河北省政协提案委员会")]["title"] == "专职副主任"


def test_a_governments_office_named_bare_in_its_chain_and_an_industrial_zone():
    ents, triples = extract("本报讯 市政府副秘书长、办公厅主任白望舒陪同客人参观了固安县金川工业区。")
    assert triples[("白望舒", "holdsPosition", "廊坊市政府办公厅")]["title"] == "主任"
    assert triples[("白望舒", "holdsPosition", "廊坊市政府")]["title"] == "副秘书长"
    assert any(name.endswith("金川工业区") and e["type"] == "Place" for name, e in ents.items())


def test_sites_without_a_suffix_in_a_list_of_building_sites_are_places_visited():
    ents, triples = extract("本报讯 在某某园区，市长韩立言一行先后来到望川门、迎宾广场、望岳殿等施工现场，了解工程进展。")
    for site in ("望川门", "迎宾广场", "望岳殿"):
        assert ents[site]["type"] == "Place"
        assert ("韩立言", "visited", site) in triples


# 18. a notice's title line: its issuer, and the day it is signed

def test_a_notice_title_names_its_issuer_dated_by_its_signature():
    _, triples = extract("来源：固安县人民政府办公室\n\n固安县人民政府关于公布特色小镇名单的通知\n\n固政函〔2024〕25号\n\n"
                         "各乡镇人民政府：\n\n经评选，柳泉镇列入特色小镇名单。\n\n固安县人民政府\n\n2024年5月8日\n",
                         home="固安县")
    issued = triples[("固安县政府", "issued", "固安县人民政府关于公布特色小镇名单的通知")]
    assert issued["date"] == "2024-05-08"


# 19. a CPPCC named by its session; its members speaking

def test_a_cppcc_named_by_its_session_and_its_members():
    ents, triples = extract("本报讯 4月27日，政协固安县第九届三次会议开幕。"
                            "委员王望舒就《改善营商环境》作了发言，委员钱清和就《推进乡村振兴》作了发言。", home="固安县")
    assert ents["固安县政协"]["type"] == "Organization"
    for name in ("王望舒", "钱清和"):
        assert triples[(name, "holdsPosition", "固安县政协")]["title"] == "委员"


def test_a_member_in_a_report_that_names_a_congress_too_is_left_without_a_body():
    _, triples = extract("本报讯 县政协和县人大常委会召开联席会议。委员王望舒作了发言。", home="固安县")
    assert not any(s == "王望舒" and p == "holdsPosition" for s, p, _ in triples)


def test_an_office_of_a_government_written_as_a_short_ban_is_its_unit():
    ents, triples = extract("本报讯 省交通运输厅厅长秦望舒、省政府金融办主任易清和陪同调研。", home="河北省")
    assert ents["河北省政府金融办"]["type"] == "Organization"
    assert ("易清和", "holdsPosition", "河北省政府金融办") in triples
    assert ("易清和", "holdsPosition", "河北省交通运输厅") not in triples


# 20. a delegation from another city of the home's level

def test_bare_offices_after_a_visitor_of_another_city_are_that_citys():
    _, triples = extract("本报讯 7月22日，河北省邢台市市委书记柯南山，市委副书记、市长钱望川带领邢台市代表团来廊参观。"
                         "市委书记韩立言陪同。")
    assert ("钱望川", "holdsPosition", "邢台市委") in triples
    assert ("钱望川", "holdsPosition", "邢台市政府") in triples
    assert ("韩立言", "holdsPosition", "廊坊市委") in triples       # a host in a clause of its own


def test_bare_offices_of_a_list_of_the_homes_officials_stay_the_homes():
    _, triples = extract("本报讯 7月22日，市委书记柯南山，市委副书记、市长钱望川出席。")
    assert ("钱望川", "holdsPosition", "廊坊市政府") in triples
