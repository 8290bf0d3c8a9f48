"""The statistical tagger as evidence: LAC's spans typed by their last word, names it backs."""
from __future__ import annotations

import datetime as dt

from kg.extract.pipeline import extract_page
from kg.extract.recognise.tagged import typed
from kg.extract.recognise.tagger import tag_texts
from kg.model import Page


def test_the_model_ships_in_its_wheel_and_finds_names():
    (spans,) = tag_texts(["市长韩立言到廊坊市调研。"])
    assert any(s.label == "PER" for s in spans) and any(s.label == "LOC" for s in spans)


def test_spans_are_typed_by_their_last_word():
    assert typed("南坪村", "LOC") == ("AdministrativeArea", "tagger.village")
    assert typed("青禾科技", "ORG") == ("Enterprise", "tagger.enterprise")
    assert typed("区工信局", "ORG") == ("Organization", "tagger.organization")
    assert typed("乡镇政府", "ORG") is None and typed("宣传部", "ORG") is None and typed("中心镇", "LOC") is None


def test_a_list_of_names_no_rule_finds_with_the_tagger_only():
    text = "本报讯 5月18日，区人大常委会召开会议。会上，秦望川、宋立鸣、柯南山分别发言。"
    page = Page(source="t.txt", text=text, encoding="utf-8", sha256="0" * 64, date=dt.date(2024, 5, 20),
                home="广阳区")
    with_tagger = {r["name"] for r in extract_page(page, statistical=True) if r["kind"] == "entity"}
    page.home = "广阳区"
    rules_only = {r["name"] for r in extract_page(page, statistical=False) if r["kind"] == "entity"}
    assert {"秦望川", "宋立鸣", "柯南山"} <= with_tagger
    assert not {"秦望川", "宋立鸣", "柯南山"} & rules_only
