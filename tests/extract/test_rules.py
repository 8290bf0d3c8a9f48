"""Rule-level tests of recognition and relations on invented sentences.

Each test builds a one-article page from a few sentences (no PDF artefacts)
and checks the records the pipeline emits for it. Names are invented; areas
are real ones of the home city given.
"""
from __future__ import annotations

import datetime as dt

import pytest

from rule_pages import PUBLISHED, page_records, triples_of


def records(text: str, city: str = "廊坊市", date: dt.date = PUBLISHED):
    """(entities by (type, name), triples by (subject, predicate, object)) of a one-article page."""
    recs = page_records(text, city, date)
    return {(r["type"], r["name"]): r for r in recs if r["kind"] == "entity"}, triples_of(recs)


def test_official_visits_listed_areas_with_the_lead_date():
    ents, triples = records("本报讯（记者甄若水）5月18日，市政协主席郑怀安到广阳区、安次区督导调研，并走访企业。")
    assert ("Official", "郑怀安") in ents
    assert ("Journalist", "甄若水") in ents
    assert triples[("郑怀安", "visited", "广阳区")]["date"] == "2024-05-18"
    assert ("郑怀安", "visited", "安次区") in triples
    assert triples[("郑怀安", "holdsPosition", "廊坊市政协")]["title"] == "主席"


def test_home_city_bodies_are_made_explicit_with_the_short_form_as_alias():
    ents, _ = records("本报讯 5月18日，市人大常委会副主任钱望舒带队检查。")
    body = ents[("Organization", "廊坊市人大常委会")]
    assert "市人大常委会" in body["aliases"]


def test_mayor_belongs_to_the_city_government_and_county_head_to_the_county():
    _, triples = records("本报讯 5月18日，市委副书记、市长韩立言到固安县调研。固安县委书记秦立、县长宋鸣陪同。")
    assert triples[("韩立言", "holdsPosition", "廊坊市政府")]["title"] == "市长"
    assert ("韩立言", "holdsPosition", "廊坊市委") in triples
    assert ("宋鸣", "holdsPosition", "固安县政府") in triples
    assert ("秦立", "holdsPosition", "固安县委") in triples
    # accompanying officials are not reported as visitors
    assert ("宋鸣", "visited", "固安县") not in triples


def test_frame_and_pronoun_carry_the_visitor():
    _, triples = records("本报讯 5月18日，市长韩立言到广阳区调研。在廊坊宏瑞精密机械有限公司，韩立言察看生产线。"
                         "随后，他来到廊坊北辰物流有限公司。")
    assert ("韩立言", "visited", "廊坊宏瑞精密机械有限公司") in triples
    assert ("韩立言", "visited", "廊坊北辰物流有限公司") in triples
    assert triples[("韩立言", "visited", "廊坊北辰物流有限公司")]["date"] == "2024-05-18"


def test_vague_dates_give_no_date():
    _, triples = records("本报讯 近日，市长韩立言到广阳区调研。")
    assert triples[("韩立言", "visited", "广阳区")]["date"] is None


def test_policy_issue_scope_and_short_title():
    ents, triples = records("据新华社北京5月18日电 工业和信息化部、财政部日前联合印发《关于开展某某试点工作的通知》"
                            "（以下简称《通知》），明确在河北、山西、辽宁3省开展试点。《通知》要求加快推进。")
    policy = "关于开展某某试点工作的通知"
    assert ("Policy", policy) in ents
    assert ("工业和信息化部", "issued", policy) in triples
    assert ("财政部", "issued", policy) in triples
    for province in ("河北省", "山西省", "辽宁省"):
        assert (policy, "appliesTo", province) in triples
    # the declared short title is an alias, not a second policy
    assert sum(1 for t, _ in ents if t == "Policy") == 1


def test_group_prefix_gives_subsidiary_and_short_form_is_an_alias():
    ents, triples = records("本报讯 位于广阳区的廊坊宏远集团北辰新材料有限公司投产。北辰新材料董事长卫青山介绍，"
                            "产品销往海外。")
    full = "廊坊宏远集团北辰新材料有限公司"
    assert (full, "subsidiaryOf", "廊坊宏远集团") in triples
    assert (full, "locatedIn", "广阳区") in triples
    assert "北辰新材料" in ents[("Enterprise", full)]["aliases"]
    assert triples[("卫青山", "holdsPosition", full)]["title"] == "董事长"
    assert ("Person", "卫青山") in ents


def test_generic_things_are_not_entities():
    ents, _ = records("本报讯 该公司新建稻米加工厂和职业技能实训基地，多家企业参与。")
    names = {n for _, n in ents}
    assert not names & {"稻米加工厂", "职业技能实训基地", "该公司", "多家企业"}


@pytest.mark.parametrize("text, expected", [
    ("本报讯 5月18日，市委书记韩立言来我市新区调研。", None),
])
def test_no_visit_without_a_target(text, expected):
    _, triples = records(text)
    assert not [k for k in triples if k[1] == "visited" and k[2] == "廊坊市" and expected]


def test_development_zone_short_form_resolves_to_the_home_citys_zone():
    ents, _ = records("本报讯 5月18日，市长韩立言到经开区调研。")
    zone = [r for (t, n), r in ents.items() if t == "AdministrativeArea" and "经开区" in r["aliases"]]
    assert zone and zone[0]["code"] and zone[0]["code"].startswith("1310")


def test_every_triple_span_is_a_slice_of_its_page():
    text = "本报讯（记者甄若水）5月18日，市政协主席郑怀安到广阳\n区、安次区督导调研。\n"
    for r in page_records(text):
        if r["kind"] == "triple":
            a, b = r["span"]
            assert 0 <= a < b <= len(text)
            assert text[a:b].replace("\n", "").endswith("调研。")


def test_an_internal_error_on_one_file_does_not_end_the_run(tmp_path, monkeypatch):
    import kg.extract.pipeline as P

    good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text("本报讯 5月18日，市长韩立言到广阳区调研。\n", encoding="utf-8")
    bad.write_text("本报讯 5月18日，市长韩立言到安次区调研。\n", encoding="utf-8")
    real = P.extract_page

    def flaky(page, *args):  # fault injection: the second file's page breaks a rule
        if page.source.endswith("b.txt"):
            raise ValueError("boom")
        return real(page, *args)

    monkeypatch.setattr(P, "extract_page", flaky)
    errors = []
    done = list(P.extract_paths([str(tmp_path)], home="廊坊市", on_error=lambda p, e: errors.append(str(e))))
    assert [p for p, _ in done] == [str(good)]
    assert len(errors) == 1 and "b.txt" in errors[0] and "ValueError: boom" in errors[0]


def test_a_visit_list_goes_on_after_an_item_we_cannot_name():
    _, triples = records("本报讯 5月18日，市长韩立言到广阳区调研，先后察看了抗战胜利纪念馆和廊坊宏瑞精密机械有限公司。")
    assert ("韩立言", "visited", "廊坊宏瑞精密机械有限公司") in triples
