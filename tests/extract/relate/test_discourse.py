"""The article state rules read: the acting official, the company, the policy."""
from __future__ import annotations

from kg.extract.relate.discourse import State, advance, article_state
from kg.model import Article, Page
from kg.extract.relate.visits import visit_subjects
from sentences import mention, sent


def test_the_official_of_a_visit_becomes_the_lead():
    s = sent("市长韩立言到广阳区调研。", ("韩立言", "Official", {"title": "市长"}), ("广阳区", "AdministrativeArea"))
    assert advance(State(), s).lead.text == "韩立言"


def test_a_companion_does_not_become_the_lead():
    lead = mention("市长韩立言到广阳区调研。", "韩立言", "Official", {"title": "市长"})
    s = sent("县长宋鸣陪同调研。", ("宋鸣", "Official", {"title": "县长"}))
    assert advance(State(lead=lead), s).lead is lead


def test_the_company_a_sentence_is_about_is_not_its_parent():
    s = sent("北辰集团旗下的青禾科技有限公司投产。", ("北辰集团", "Enterprise"), ("青禾科技有限公司", "Enterprise"))
    after = advance(State(), s)
    assert after.enterprise.text == "青禾科技有限公司" and after.group.text == "北辰集团"


def test_the_last_policy_named_is_kept():
    s = sent("《甲方案》和《乙办法》印发。", ("甲方案", "Policy"), ("乙办法", "Policy"))
    assert advance(State(), s).policy.text == "乙办法"


def test_visit_subjects_fall_back_on_the_lead_only_through_a_pronoun_or_group():
    lead = mention("市长韩立言到广阳区调研。", "韩立言", "Official", {"title": "市长"})
    assert visit_subjects(lead, sent("调研组来到青禾产业园。"))[0][1] == [lead]
    assert visit_subjects(lead, sent("工人来到青禾产业园。")) == []


def test_the_articles_own_document_is_the_first_it_makes_not_one_it_cites():
    s = sent("根据《甲条例》，特制定乙办法。", ("甲条例", "Policy", {}, "policy.quoted"), ("乙办法", "Policy", {}, "policy.unquoted"))
    after = advance(State(), s)
    assert after.document.text == "乙办法" and after.policy.text == "乙办法"
    later = sent("丙方案同时印发。", ("丙方案", "Policy", {}, "policy.unquoted"))
    assert advance(after, later).document.text == "乙办法"
    cited = sent("依据《甲条例》。", ("甲条例", "Policy", {}, "policy.quoted"))
    assert advance(State(), cited).document is None


def test_a_leading_group_and_a_companys_group_are_kept_apart():
    s = sent("北辰集团成立安全生产领导小组。", ("北辰集团", "Enterprise"), ("安全生产领导小组", "Organization"))
    after = advance(State(), s)
    assert after.group.text == "北辰集团" and after.task_group.text == "安全生产领导小组"


def _article(*sentences):
    return Article("a-1", Page("t.txt", "", "utf-8", "0"), 0, 0, sentences=list(sentences))


def test_an_article_starts_from_the_group_and_the_cppcc_it_names_anywhere():
    first = sent("集团公司党委书记柯南山讲话。")
    later = sent("柯南山感谢县政协对青禾集团的支持。", ("县政协", "Organization"), ("青禾集团", "Enterprise"))
    start = article_state(_article(first, later))
    assert start.group.text == "青禾集团" and start.cppcc.text == "县政协"
    congress = sent("县人大常委会召开会议。", ("县人大常委会", "Organization"))
    assert article_state(_article(first, later, congress)).cppcc is None   # whose 委员? not said
