"""The list finder (kg.extract.recognise.listed) on invented sentences: the places of a
visit written one after another (areas are real ones of the home city; villages, sites,
firms and people are invented)."""
from __future__ import annotations

from kg.extract.recognise import Recogniser
from kg.extract.recognise.areas import find_home
from kg.extract.recognise.listed import head_type
from kg.model import OffsetMap, Sentence

HOME = "廊坊市"


def found(text: str, city: str = HOME) -> dict[str, tuple[str, str]]:
    s = Sentence(text=text, offsets=OffsetMap())
    return {m.text: (m.type, m.rule) for m in Recogniser(find_home(city)).sentence(s, text)}


def listed(text: str) -> dict[str, str]:
    return {name: t for name, (t, rule) in found(text).items() if rule.startswith("listed")}


def test_villages_after_a_visit_verb_are_areas():
    got = found("韩立言一行先后来到南柳村、北杏村、东槐村，详细了解人居环境整治情况。")
    assert {got[v][0] for v in ("南柳村", "北杏村", "东槐村")} == {"AdministrativeArea"}


def test_trade_names_are_typed_by_their_last_word_or_by_the_word_after_deng():
    got = listed("区长韩立言先后前往瑞丰工贸、恒远石油、金穗民爆、鼎川等企业走访调研。")
    assert got == {"瑞丰工贸": "Enterprise", "恒远石油": "Enterprise", "金穗民爆": "Enterprise",
                   "鼎川": "Enterprise"}


def test_a_park_before_a_firm_stays_a_name_of_its_own():
    got = found("韩立言先后深入青禾工业园瑞丰工贸、玉泽科创园等地调研。")
    assert got["瑞丰工贸"] == ("Enterprise", "listed.item") and got["青禾工业园"][0] == "Place"


def test_a_group_prefix_is_part_of_the_firms_name():
    got = listed("在北辰集团青岭矿业、北辰集团白桦矿业调研时，韩立言一行察看了调度中心。")
    assert got == {"北辰集团青岭矿业": "Enterprise", "北辰集团白桦矿业": "Enterprise"}


def test_sites_and_projects_are_places_and_a_district_before_a_site_is_kept_in_its_name():
    got = listed("韩立言先后来到柳湾棚改项目工地、安次区杏林湾酒庄项目及广阳区第二十中学，察看建设进度。")
    assert got == {"柳湾棚改项目工地": "Place", "安次区杏林湾酒庄项目": "Place", "广阳区第二十中学": "Organization"}


def test_the_description_after_a_name_is_cut_off():
    assert listed("韩立言考察了金穗现代农业示范园区建设情况。") == {"金穗现代农业示范园区": "Place"}


def test_a_site_of_the_home_city_named_by_its_kind_gets_the_citys_name():
    s = Sentence(text="韩立言深入市工业园区重大项目施工现场调研。", offsets=OffsetMap())
    got = [m for m in Recogniser(find_home(HOME)).sentence(s, s.text) if m.rule == "listed.home"]
    assert [(m.text, m.name) for m in got] == [("市工业园区", "廊坊市工业园区")]


def test_generic_things_and_work_are_no_names():
    assert listed("韩立言深入压榨车间、包装车间等生产一线，实地察看冬季农村供水保障情况。") == {}
    assert listed("韩立言督导城区老旧小区改造项目推进情况，调研冷链物流建设。") == {}
    assert listed("韩立言深入部分嘎查养殖基地、镇村、企业调度指挥中心。") == {}
    assert listed("韩立言来到青禾机场改扩建工程现场和柳河生态治理项目。") == {}


def test_a_list_without_a_visit_verb_names_only_firms_its_kind_closes():
    assert listed("瑞丰工贸、恒远石油等企业发展迅速。") == {"瑞丰工贸": "Enterprise", "恒远石油": "Enterprise"}
    assert listed("金融、商贸物流等企业发展迅速。") == {}          # industries, no firms
    assert listed("瑞丰工贸、恒远石油等村发展迅速。") == {}        # only a list of firms is read without a verb


def test_last_words_type_items():
    assert head_type("南柳村") == "AdministrativeArea" and head_type("鼎川纸业") == "Enterprise"
    assert head_type("柳湾项目工地") == "Place" and head_type("工地") is None
