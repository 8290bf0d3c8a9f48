"""visited and inspected on hand-made sentences."""
from __future__ import annotations

import datetime as dt

from kg.extract.relate.discourse import State
from kg.extract.relate.visits import visited
from sentences import article, context, mention, sent


def visits(s, ctx=None, **kw):
    return {(f.subject.text, f.predicate, f.object.label, f.date) for f in visited(ctx or context(), article(s, **kw), s)}


def test_an_official_visits_every_place_of_the_list_on_the_sentences_date():
    s = sent("5月18日，市长韩立言到广阳区、安次区调研。", ("韩立言", "Official", {"title": "市长"}),
             ("广阳区", "AdministrativeArea"), ("安次区", "AdministrativeArea"))
    day = dt.date(2024, 5, 18)
    assert visits(s) == {("韩立言", "visited", "广阳区", day), ("韩立言", "visited", "安次区", day)}


def test_a_companion_is_no_visitor():
    s = sent("在县长宋鸣陪同下，来到青禾科技有限公司。", ("宋鸣", "Official", {"title": "县长"}),
             ("青禾科技有限公司", "Enterprise"))
    assert visits(s) == set()


def test_a_pronoun_carries_the_articles_official():
    lead = mention("市长韩立言到广阳区调研。", "韩立言", "Official", {"title": "市长"})
    s = sent("随后，他来到青禾科技有限公司。", ("青禾科技有限公司", "Enterprise"))
    assert {v[:3] for v in visits(s, context(State(lead=lead)))} == {("韩立言", "visited", "青禾科技有限公司")}
    assert visits(s) == set()          # no lead, no visit


def test_a_place_frame_gives_the_target():
    lead = mention("市长韩立言到广阳区调研。", "韩立言", "Official", {"title": "市长"})
    s = sent("在青禾科技有限公司，韩立言察看生产线。", ("青禾科技有限公司", "Enterprise"), ("韩立言", "Official"))
    assert {v[:3] for v in visits(s, context(State(lead=lead)))} == {("韩立言", "visited", "青禾科技有限公司")}


def test_a_campaign_after_the_verb_is_inspected():
    s = sent("市长韩立言督导“百日攻坚”专项行动。", ("韩立言", "Official", {"title": "市长"}),
             ("“百日攻坚”专项行动", "Campaign"))
    assert {v[:3] for v in visits(s)} == {("韩立言", "inspected", "“百日攻坚”专项行动")}


def test_vague_dates_give_none():
    s = sent("近日，市长韩立言到广阳区调研。", ("韩立言", "Official", {"title": "市长"}), ("广阳区", "AdministrativeArea"))
    assert visits(s) == {("韩立言", "visited", "广阳区", None)}


LEAD = mention("市长韩立言到广阳区调研。", "韩立言", "Official", {"title": "市长"})


def targets(s, lead=None):
    return {v[2] for v in visits(s, context(State(lead=lead)) if lead else None)}


def test_one_who_takes_part_is_no_visitor_nor_one_led_by_the_visitor():
    s = sent("市长韩立言到广阳区调研，副市长周立行参加调研。", ("韩立言", "Official", {"title": "市长"}),
             ("广阳区", "AdministrativeArea"), ("周立行", "Official", {"title": "副市长"}))
    assert {v[0] for v in visits(s)} == {"韩立言"}
    s = sent("区委书记韩立言带领副区长周立行深入青禾科技有限公司。", ("韩立言", "Official", {"title": "区委书记"}),
             ("周立行", "Official", {"title": "副区长"}), ("青禾科技有限公司", "Enterprise"))
    assert {v[:3] for v in visits(s)} == {("韩立言", "visited", "青禾科技有限公司")}


def test_the_official_before_an_accompanied_frame_visits():
    s = sent("市长韩立言在县长宋鸣陪同下，先后深入青禾科技有限公司、北杏村。", ("韩立言", "Official", {"title": "市长"}),
             ("宋鸣", "Official", {"title": "县长"}), ("青禾科技有限公司", "Enterprise"), ("北杏村", "AdministrativeArea"))
    assert {v[:3] for v in visits(s)} == {("韩立言", "visited", "青禾科技有限公司"), ("韩立言", "visited", "北杏村")}


def test_a_body_in_a_companions_title_chain_is_no_target():
    s = sent("市长韩立言到青禾产业园调研，县人大常委会副主任宋鸣陪同。", ("韩立言", "Official", {"title": "市长"}),
             ("青禾产业园", "Place"), ("县人大常委会", "Organization"), ("宋鸣", "Official", {"title": "副主任"}))
    assert targets(s) == {"青禾产业园"}


def test_the_officials_own_body_is_no_target():
    s = sent("县委书记韩立言到县委调研。", ("县委", "Organization"), ("韩立言", "Official", {"title": "书记"}),
             mention("县委书记韩立言到县委调研。", "县委", "Organization", nth=1))
    assert visits(s) == set()


def test_a_verb_of_someone_named_by_a_title_in_a_later_clause_is_no_visit():
    s = sent("市长韩立言到广阳区调研，强调要贯彻省委书记视察河北时的重要讲话精神。",
             ("韩立言", "Official", {"title": "市长"}), ("广阳区", "AdministrativeArea"), ("河北", "AdministrativeArea"))
    assert targets(s) == {"广阳区"}


def test_dao_of_another_verb_and_a_noun_are_no_visits():
    s = sent("韩立言指出，项目建设关系到广阳区发展大局。", ("韩立言", "Official"), ("广阳区", "AdministrativeArea"))
    assert visits(s) == set()
    s = sent("韩立言表示，将以此次调研为契机，服务青禾科技有限公司。", ("韩立言", "Official"), ("青禾科技有限公司", "Enterprise"))
    assert visits(s) == set()


def test_a_place_after_dui_before_jinxing_is_visited():
    s = sent("由县委书记韩立言带队的考察团对固安县进行了考察调研。", ("韩立言", "Official", {"title": "书记"}),
             ("固安县", "AdministrativeArea"))
    assert targets(s) == {"固安县"}
    s = sent("市长韩立言带领检查组对广阳区进行了执法检查。", ("韩立言", "Official", {"title": "市长"}),
             ("广阳区", "AdministrativeArea"))
    assert targets(s) == {"广阳区"}


def test_an_area_that_only_sets_the_scene_is_not_visited():
    s = sent("在安次区期间，他还看望了驻村干部。", ("安次区", "AdministrativeArea"))
    assert targets(s, LEAD) == set()
    s = sent("在青禾镇、柳河镇调研时，韩立言一行听取了汇报。", ("青禾镇", "AdministrativeArea"),
             ("柳河镇", "AdministrativeArea"), ("韩立言", "Official"))
    assert targets(s, LEAD) == {"青禾镇", "柳河镇"}


def test_groups_and_bare_connectives_carry_the_lead():
    s = sent("督查组先后深入青禾科技有限公司、北杏村。", ("青禾科技有限公司", "Enterprise"), ("北杏村", "AdministrativeArea"))
    assert targets(s, LEAD) == {"青禾科技有限公司", "北杏村"}
    s = sent("随后，来到瑞丰工贸。", ("瑞丰工贸", "Enterprise"))
    assert targets(s, LEAD) == {"瑞丰工贸"}
    s = sent("市人大常委会考察团还访问了青禾科技有限公司。", ("市人大常委会", "Organization"), ("青禾科技有限公司", "Enterprise"))
    assert targets(s, LEAD) == {"青禾科技有限公司"}


def test_xianhou_lai_opens_a_list_of_villages():
    s = sent("韩立言一行先后来南柳村、北杏村。", ("韩立言", "Official"), ("南柳村", "AdministrativeArea"),
             ("北杏村", "AdministrativeArea"))
    assert targets(s) == {"南柳村", "北杏村"}


def test_the_home_citys_first_character_after_dao_or_fu_is_the_city():
    s = sent("市长韩立言率队赴廊考察。", ("韩立言", "Official", {"title": "市长"}))
    assert targets(s) == {"廊坊市"}
