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
