"""appliesTo as documents write their scope (kg.extract.relate.scopes) and locatedIn from a
name's area prefix (kg.extract.relate.places), on invented sentences (real GB/T areas,
invented sites, firms and documents)."""
from __future__ import annotations

from sentences import article, context, mention, sent

from kg.extract.relate.discourse import State
from kg.extract.relate.places import located_by_prefix
from kg.extract.relate.scopes import (
    scope_clause,
    scope_decision,
    scope_defined,
    scope_in_title,
)

OWN = mention("特制定青禾县禁放补充规定。", "青禾县禁放补充规定", "Policy", rule="policy.unquoted")
CITED = mention("根据《青禾保护条例》。", "青禾保护条例", "Policy", rule="policy.quoted")


def facts(rule, s, ctx=None):
    return {(f.subject.label, f.predicate, f.object.label) for f in rule(ctx or context(), article(s), s)}


def area(text, surface, nth=0, code=None):
    return mention(text, surface, "AdministrativeArea", attrs={"code": code} if code else {}, nth=nth)


def named(text, surface, etype, *inner):
    """A mention with the areas (and bodies) inside its name."""
    return mention(text, surface, etype, attrs={"inner": list(inner)})


# --- appliesTo ---------------------------------------------------------------------

def test_the_areas_of_a_scope_clause_belong_to_the_articles_own_document():
    text = "第二条禁放区域：柳泉镇、牛驼镇、东湾等3个乡镇全部禁放。"
    s = sent(text, area(text, "柳泉镇"), area(text, "牛驼镇"), area(text, "东湾"))
    got = facts(scope_clause, s, context(State(policy=OWN, document=OWN)))
    assert got == {("青禾县禁放补充规定", "appliesTo", a) for a in ("柳泉镇", "牛驼镇", "东湾")}
    assert facts(scope_clause, s, context(State(policy=CITED))) == set()     # a cited basis is not the document
    text = "第二条禁放区域：全县10个乡镇。"
    assert facts(scope_clause, sent(text), context(State(policy=OWN, document=OWN))) == set()   # a number names no area


def test_a_cited_document_applies_to_the_areas_it_defines():
    text = "在《青禾禁放规定》划定的禁放区柳泉镇、牛驼镇全部禁放。"
    s = sent(text, ("青禾禁放规定", "Policy"), area(text, "柳泉镇"), area(text, "牛驼镇"))
    assert facts(scope_defined, s) == {("青禾禁放规定", "appliesTo", "柳泉镇"), ("青禾禁放规定", "appliesTo", "牛驼镇")}
    text = "《青禾禁放规定》印发后，柳泉镇、牛驼镇开展宣传。"
    s = sent(text, ("青禾禁放规定", "Policy"), area(text, "柳泉镇"), area(text, "牛驼镇"))
    assert facts(scope_defined, s) == set()


def test_the_areas_a_decision_names():
    ctx = context(State(policy=OWN, document=OWN))
    text = "省政府决定命名广阳区、安次区为“青禾示范区”。"
    s = sent(text, area(text, "广阳区"), area(text, "安次区"))
    assert facts(scope_decision, s, ctx) == {("青禾县禁放补充规定", "appliesTo", "广阳区"),
                                             ("青禾县禁放补充规定", "appliesTo", "安次区")}
    text = "同意固安县撤销东湾乡、彭村乡，设立东湾镇。"
    s = sent(text, area(text, "固安县"), area(text, "东湾乡"), area(text, "彭村乡"), area(text, "东湾镇"))
    assert {o for _s, _p, o in facts(scope_decision, s, ctx)} == {"东湾乡", "彭村乡", "东湾镇"}
    text = "对固安县青禾养殖区进行部分调整。"
    assert facts(scope_decision, sent(text, area(text, "固安县")), ctx) == {("青禾县禁放补充规定", "appliesTo", "固安县")}
    text = "决定命名固安县县城、柳泉镇为“青禾美丽县城”；本规定适用于广阳区、安次区。"
    s = sent(text, area(text, "固安县"), area(text, "柳泉镇"), area(text, "广阳区"), area(text, "安次区"))
    assert {o for _s, _p, o in facts(scope_decision, s, ctx)} == {"固安县", "柳泉镇", "广阳区", "安次区"}
    text = "广阳区、安次区开展青禾宣传活动。"
    s = sent(text, area(text, "广阳区"), area(text, "安次区"))
    assert facts(scope_decision, s, ctx) == set()


def test_a_decision_takes_the_document_named_before_it_in_the_sentence():
    text = "《青禾命名通知》命名广阳区、安次区为“青禾示范区”。"
    s = sent(text, ("青禾命名通知", "Policy"), area(text, "广阳区"), area(text, "安次区"))
    assert facts(scope_decision, s) == {("青禾命名通知", "appliesTo", "广阳区"), ("青禾命名通知", "appliesTo", "安次区")}


def test_the_areas_right_after_about_in_a_title():
    text = "廊坊市人民政府关于调整固安县青禾保护区的决定"
    pol = named(text, text, "Policy", mention(text, "廊坊市人民政府", "Organization"), area(text, "廊坊市"),
                area(text, "固安县"))
    assert facts(scope_in_title, sent(text, pol)) == {(text, "appliesTo", "固安县")}
    text = "河北省人民政府关于固安县东湾乡和彭村乡撤乡设镇的批复"
    pol = named(text, text, "Policy", area(text, "河北省"), area(text, "固安县"), area(text, "东湾乡"),
                area(text, "彭村乡"))
    assert facts(scope_in_title, sent(text, pol)) == {(text, "appliesTo", "东湾乡"), (text, "appliesTo", "彭村乡")}


def test_no_scope_from_an_area_inside_a_body_named_in_a_title():
    text = "关于成立廊坊市青禾推进领导小组的通知"
    pol = named(text, text, "Policy", mention(text, "廊坊市青禾推进领导小组", "Organization"), area(text, "廊坊市"))
    assert facts(scope_in_title, sent(text, pol)) == set()
    text = "关于固安县第十届人民代表大会代表选举的决定"
    pol = named(text, text, "Policy", area(text, "固安县"))
    assert facts(scope_in_title, sent(text, pol)) == set()


# --- locatedIn from a name ---------------------------------------------------------

def test_a_site_or_trade_name_after_an_area_is_in_that_area():
    text = "他来到柳泉镇燃气调压站和固安县青禾加工厂。"
    s = sent(text, named(text, "柳泉镇燃气调压站", "Place", area(text, "柳泉镇")),
             named(text, "固安县青禾加工厂", "Enterprise", area(text, "固安县", code="131022")))
    assert facts(located_by_prefix, s) == {("柳泉镇燃气调压站", "locatedIn", "柳泉镇"),
                                           ("固安县青禾加工厂", "locatedIn", "固安县")}


def test_an_area_in_an_official_name_locates_nothing():
    text = "固安县青禾食品有限公司、固安县人民政府和固安县博物馆。"
    s = sent(text, named(text, "固安县青禾食品有限公司", "Enterprise", area(text, "固安县")),
             named(text, "固安县人民政府", "Organization", area(text, "固安县", nth=1)),
             named(text, "固安县博物馆", "Place", area(text, "固安县", nth=2)))
    assert facts(located_by_prefix, s) == set()


def test_a_villages_committee_and_a_site_body_are_in_the_area_before_them():
    text = "柳泉镇东张村委会和固安县行政中心。"
    s = sent(text, named(text, "柳泉镇东张村委会", "Organization", area(text, "柳泉镇")),
             named(text, "固安县行政中心", "Organization", area(text, "固安县")))
    assert facts(located_by_prefix, s) == {("柳泉镇东张村委会", "locatedIn", "柳泉镇"),
                                           ("固安县行政中心", "locatedIn", "固安县")}


def test_the_nearest_area_of_a_chain_and_the_site_a_second_site_lies_in():
    text = "广阳区新开路街道青禾小区和青禾生态园白鹭湿地公园。"
    s = sent(text, named(text, "广阳区新开路街道青禾小区", "Place", area(text, "广阳区"), area(text, "新开路街道")),
             named(text, "青禾生态园白鹭湿地公园", "Place"))
    assert facts(located_by_prefix, s) == {("广阳区新开路街道青禾小区", "locatedIn", "新开路街道"),
                                           ("青禾生态园白鹭湿地公园", "locatedIn", "青禾生态园")}


def test_a_village_group_and_an_area_written_before_a_separate_name():
    text = "东张八组现代农业示范园、青禾工业园双禾工贸和东湾乡境内的青禾沟。"
    s = sent(text, named(text, "东张八组现代农业示范园", "Place"), ("青禾工业园", "Place"), ("双禾工贸", "Enterprise"),
             area(text, "东湾乡"), ("青禾沟", "Place"))
    assert facts(located_by_prefix, s) == {("东张八组现代农业示范园", "locatedIn", "东张八组"),
                                           ("双禾工贸", "locatedIn", "青禾工业园"), ("青禾沟", "locatedIn", "东湾乡")}


def test_no_location_from_a_short_form_a_province_a_title_in_quotes_or_a_longer_name():
    text = "廊坊软件园、河北省青禾小镇、“固安县特色小镇”和固安县青禾羽绒生产项目。"
    s = sent(text, named(text, "廊坊软件园", "Place", mention(text, "廊坊", "AdministrativeArea", name="廊坊市")),
             named(text, "河北省青禾小镇", "Place", area(text, "河北省", code="130000")),
             named(text, "固安县特色小镇", "Place", area(text, "固安县")),
             area(text, "固安县", nth=1), ("青禾羽绒", "Enterprise"))
    assert facts(located_by_prefix, s) == set()


def test_a_location_the_sentence_states_wins_over_the_name():
    text = "位于柳泉镇的固安县青禾产业园。"
    s = sent(text, area(text, "柳泉镇"), named(text, "固安县青禾产业园", "Place", area(text, "固安县")))
    assert facts(located_by_prefix, s) == set()
