"""Canonical names, short forms and the Official/Person decision."""
from __future__ import annotations

from kg.extract.recognise.gazetteer import Gazetteer
from kg.extract.resolve.entities import Resolver
from kg.extract.resolve.short_forms import enterprise_short_forms, policy_key
from kg.model import Mention

GAZ = Gazetteer.for_home("廊坊市")


def body(text, prefix, stem, relative, area=None):
    return Mention(0, len(text), text, "Organization", "body",
                   attrs={"prefix": prefix, "stem": stem, "relative": relative, "area_name": area})


def test_a_home_city_body_is_named_with_the_city():
    r = Resolver(GAZ)
    assert r.canonical(body("市人大常委会", "市", "人大常委会", True)) == ("廊坊市人大常委会", None)
    assert r.canonical(body("县委", "县", "委", True)) is None     # 县 of a city paper: whose?


def test_a_body_of_a_named_area_keeps_its_name():
    assert Resolver(GAZ).canonical(body("固安县委", "固安县", "委", False, "固安县")) == ("固安县委", None)


def test_a_site_after_its_county_is_named_without_it():
    area = Mention(0, 3, "固安县", "AdministrativeArea", "gazetteer", name="固安县",
                   attrs={"code": GAZ.lookup("固安县").code})
    site = Mention(0, 7, "固安县青禾湿地", "Place", "suffix.place", attrs={"inner": [area]})
    assert Resolver(GAZ).canonical(site) == ("青禾湿地", None)


def test_short_forms_of_a_registered_company_name():
    forms = enterprise_short_forms("廊坊青禾精密机械有限公司", GAZ)
    assert "青禾精密机械" in forms and "青禾" not in forms


def test_policy_titles_compare_without_guan_yu_de_and_years():
    assert policy_key("关于推进青禾产业发展的实施意见") == policy_key("推进青禾产业发展实施意见")
    assert policy_key("青禾产业发展规划（2024—2026年）") == policy_key("青禾产业发展规划")
