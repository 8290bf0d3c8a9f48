"""The finders of kg.extract.recognise, one at a time and together, on invented sentences
(areas are real ones of the home city; names and companies are invented)."""
from __future__ import annotations

from kg.extract.recognise import Recogniser, settle
from kg.extract.recognise.areas import find_home
from kg.extract.recognise.gazetteer import Gazetteer
from kg.extract.recognise.suffixes import has_proper_token, is_weak, proper
from kg.model import Mention, OffsetMap, Sentence

HOME = "廊坊市"


def found(text: str, city: str = HOME) -> dict[str, tuple[str, str]]:
    s = Sentence(text=text, offsets=OffsetMap())
    return {m.text: (m.type, m.rule) for m in Recogniser(find_home(city)).sentence(s, text)}


def test_gazetteer_areas_need_word_edges_unless_written_in_full():
    got = found("广阳区和固安县的干部到会。")
    assert got["广阳区"][0] == "AdministrativeArea" and got["固安县"][0] == "AdministrativeArea"


def test_a_company_name_starts_after_the_verb_before_it():
    got = found("市长韩立言到青禾精密机械有限公司调研。")
    assert got["青禾精密机械有限公司"] == ("Enterprise", "suffix.enterprise")


def test_generic_names_are_no_entities():
    got = found("该公司与多家企业签约，城乡社区服务提升。")
    assert not any(t == "Enterprise" for t, _ in got.values())
    assert not proper("该", "该公司", Gazetteer.for_home(HOME))


def test_a_body_of_the_home_city_and_of_a_named_area():
    got = found("市人大常委会和固安县委召开会议。")
    assert got["市人大常委会"] == ("Organization", "body") and got["固安县委"] == ("Organization", "body")


def test_a_township_after_its_county_is_an_area():
    got = found("他来到固安县青禾镇调研。")
    assert got.get("青禾镇") == ("AdministrativeArea", "suffix.village")


def test_people_after_titles_and_appointments():
    got = found("会议任命周立言为市教育局局长，市长韩立言讲话。")
    assert got["周立言"][0] == "Person" and got["韩立言"] == ("Person", "person.title")


def test_policies_in_book_marks_and_named_campaigns():
    got = found("市政府印发《关于推进青禾产业发展的实施意见》，开展“清风”专项行动。")
    assert got["关于推进青禾产业发展的实施意见"] == ("Policy", "policy.quoted")
    assert got["清风专项行动"] == ("Campaign", "campaign.quoted")


def test_weak_suffixes_need_a_proper_word():
    assert is_weak("Enterprise", "公司") and not is_weak("Enterprise", "有限公司")
    assert is_weak("Place", "产业园") and not is_weak("Organization", "人民医院")
    assert has_proper_token("固安", Gazetteer.for_home(HOME)) and not has_proper_token("实训", Gazetteer.for_home(HOME))


def test_settle_keeps_the_longest_and_records_areas_inside():
    a = Mention(0, 3, "固安县", "AdministrativeArea", "gazetteer")
    b = Mention(0, 8, "固安县消防救援大队", "Organization", "body")
    kept = settle([a, b])
    assert [m.text for m in kept] == ["固安县消防救援大队"] and kept[0].attrs["inner"] == [a]


def test_an_area_before_the_area_inside_a_name_stays_in_the_name():
    from kg.extract.recognise.edges import cut_to_anchor
    from kg.model import Mention
    district = Mention(0, 2, "甲区", "AdministrativeArea", "gazetteer")
    zone = Mention(2, 7, "经济开发区", "AdministrativeArea", "gazetteer")
    assert cut_to_anchor("甲区经济开发区", 0, 7, [district, zone]) == 0       # 某区|经济开发区: one zone's name
    assert cut_to_anchor("运往经济开发区", 0, 7, [zone]) == 2                  # a verb before the area: cut
