"""issued, appliesTo, locatedIn and subsidiaryOf on hand-made sentences."""
from __future__ import annotations

from kg.extract.relate.companies import subsidiary_of
from kg.extract.relate.discourse import State
from kg.extract.relate.issues import issued
from kg.extract.relate.places import applies_to, located_in
from sentences import article, context, mention, sent


def facts(rule, s, ctx=None):
    return {(f.subject.label, f.predicate, f.object.label) for f in rule(ctx or context(), article(s), s)}


def test_every_body_of_a_list_issues_the_policy():
    text = "市发改委、市财政局联合印发《关于支持青禾产业发展的若干措施》。"
    s = sent(text, ("市发改委", "Organization"), ("市财政局", "Organization"),
             mention(text, "《关于支持青禾产业发展的若干措施》", "Policy", name="关于支持青禾产业发展的若干措施"))
    assert facts(issued, s) == {("市发改委", "issued", "关于支持青禾产业发展的若干措施"),
                                ("市财政局", "issued", "关于支持青禾产业发展的若干措施")}


def test_no_issue_without_an_issue_verb():
    text = "市发改委学习《关于支持青禾产业发展的若干措施》。"
    s = sent(text, ("市发改委", "Organization"),
             mention(text, "《关于支持青禾产业发展的若干措施》", "Policy", name="关于支持青禾产业发展的若干措施"))
    assert facts(issued, s) == set()


def test_a_policy_applies_to_the_areas_where_it_is_piloted():
    s = sent("《青禾试点方案》提出在广阳区、安次区开展试点。", ("青禾试点方案", "Policy"),
             ("广阳区", "AdministrativeArea"), ("安次区", "AdministrativeArea"))
    assert facts(applies_to, s) == {("青禾试点方案", "appliesTo", "广阳区"), ("青禾试点方案", "appliesTo", "安次区")}


def test_a_sentence_about_the_articles_policy_uses_it():
    policy = mention("《青禾试点方案》印发。", "青禾试点方案", "Policy")
    s = sent("方案明确，在广阳区、安次区开展试点。", ("广阳区", "AdministrativeArea"), ("安次区", "AdministrativeArea"))
    assert len(facts(applies_to, s, context(State(policy=policy)))) == 2


def test_located_by_weiyu_by_de_and_by_settling():
    s = sent("位于广阳区的青禾产业园建成。", ("广阳区", "AdministrativeArea"), ("青禾产业园", "Place"))
    assert facts(located_in, s) == {("青禾产业园", "locatedIn", "广阳区")}
    s = sent("青禾科技有限公司落户青禾产业园。", ("青禾科技有限公司", "Enterprise"), ("青禾产业园", "Place"))
    assert facts(located_in, s) == {("青禾科技有限公司", "locatedIn", "青禾产业园")}


def test_subsidiaries_by_group_prefix_by_link_word_and_by_belonging():
    s = sent("北辰重工集团廊坊青禾科技有限公司投产。", ("北辰重工集团廊坊青禾科技有限公司", "Enterprise"))
    assert facts(subsidiary_of, s) == {("北辰重工集团廊坊青禾科技有限公司", "subsidiaryOf", "北辰重工集团")}
    s = sent("北辰集团旗下的青禾科技有限公司投产。", ("北辰集团", "Enterprise"), ("青禾科技有限公司", "Enterprise"))
    assert facts(subsidiary_of, s) == {("青禾科技有限公司", "subsidiaryOf", "北辰集团")}
    s = sent("青禾科技有限公司隶属于北辰集团。", ("青禾科技有限公司", "Enterprise"), ("北辰集团", "Enterprise"))
    assert facts(subsidiary_of, s) == {("青禾科技有限公司", "subsidiaryOf", "北辰集团")}


def test_every_rule_label_is_one_name_for_one_pattern():
    from kg.extract.relate import rules
    labels = rules()
    assert len({r.name for r in labels}) == len(labels)
