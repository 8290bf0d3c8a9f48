"""holdsPosition on hand-made sentences: title chains and the bodies offices belong to."""
from __future__ import annotations

from kg.extract.relate.discourse import State
from kg.extract.relate.positions import holds_position, is_official, title_chain
from kg.model import ImpliedEntity
from sentences import article, context, mention, sent


def facts_of(s, ctx=None):
    return {(f.subject.text, f.object.label, f.title) for f in holds_position(ctx or context(), article(s), s)}


def test_a_chain_of_titles_shares_the_body_before_it():
    s = sent("市委常委、秘书长周立言主持会议。", ("市委", "Organization"), ("周立言", "Official", {"title": "秘书长"}))
    assert facts_of(s) == {("周立言", "市委", "常委"), ("周立言", "市委", "秘书长")}


def test_a_title_that_names_its_body_goes_to_the_home_government():
    s = sent("副市长韩立言出席。", ("韩立言", "Official", {"title": "副市长"}))
    assert facts_of(s) == {("韩立言", "廊坊市政府", "副市长")}


def test_a_county_head_belongs_to_that_countys_government():
    s = sent("固安县县长宋鸣陪同。", ("固安县", "AdministrativeArea"), ("宋鸣", "Official", {"title": "县长"}))
    assert facts_of(s) == {("宋鸣", "固安县政府", "县长")}


def test_a_congress_chair_after_its_party_group_belongs_to_the_congress():
    s = sent("区人大常委会党组书记、主任魏澜出席。", ("区人大常委会党组", "Organization"),
             ("魏澜", "Official", {"title": "主任"}))
    got = facts_of(s)
    assert ("魏澜", "区人大常委会党组", "党组书记") in got or ("魏澜", "区人大常委会党组", "书记") in got
    assert ("魏澜", "区人大常委会", "主任") in got


def test_a_company_chair_takes_the_company_named_before_or_the_articles_company():
    here = sent("青禾科技有限公司董事长吴放介绍情况。", ("青禾科技有限公司", "Enterprise"),
                ("吴放", "Person", {"title": "董事长"}))
    assert facts_of(here) == {("吴放", "青禾科技有限公司", "董事长")}
    earlier = mention("青禾科技有限公司来了。", "青禾科技有限公司", "Enterprise")
    later = sent("公司董事长吴放介绍情况。", ("吴放", "Person", {"title": "董事长"}))
    assert facts_of(later, context(State(enterprise=earlier))) == {("吴放", "青禾科技有限公司", "董事长")}


def test_business_titles_make_a_person_and_party_titles_an_official():
    s = sent("青禾科技有限公司董事长吴放。", ("青禾科技有限公司", "Enterprise"), ("吴放", "Person", {"title": "董事长"}))
    assert not is_official(title_chain(s, s.mentions[1]))
    s = sent("区委书记魏澜。", ("区委", "Organization"), ("魏澜", "Person", {"title": "书记"}))
    assert is_official(title_chain(s, s.mentions[1]))


def test_a_bare_department_after_a_party_committee_is_that_committees():
    s = sent("省委常委、宣传部部长沈一舟出席。", ("省委", "Organization"), ("沈一舟", "Official", {"title": "部长"}))
    chain = title_chain(s, s.mentions[1])
    assert chain[-1] == (ImpliedEntity("Organization", "省委宣传部"), "部长")


def test_an_appointment_starts_an_office_and_a_removal_or_resignation_ends_it():
    from kg.api import extract

    def changes(text):
        return [(t["subject"], t["title"], t.get("change")) for t in extract(text, date="2024-03-02", home="保定市")
                if t["kind"] == "triple" and t["predicate"] == "holdsPosition"]
    assert changes("本报讯 保定市人大常委会决定任命韩某某为保定市副市长。") == [("韩某某", "副市长", "start")]
    assert changes("本报讯 韩某某当选为保定市市长。") == [("韩某某", "市长", "start")]
    assert changes("本报讯 保定市人大常委会决定免去韩某某的保定市副市长职务。") == [("韩某某", "副市长", "end")]
    assert changes("本报讯 会议接受韩某某辞去保定市市长职务的请求。") == [("韩某某", "市长", "end")]
    assert changes("本报讯 副市长韩某某到东岚村调研。") == [("韩某某", "副市长", None)]
