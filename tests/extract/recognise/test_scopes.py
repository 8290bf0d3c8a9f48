"""Townships and villages a scope lists (kg.extract.recognise.scopes), on invented sentences:
the townships are real ones of 固安县 (GB/T), the villages and documents are invented."""
from __future__ import annotations

from kg.extract.recognise import Recogniser
from kg.extract.recognise.areas import find_home
from kg.model import OffsetMap, Sentence


def found(text: str, home: str = "固安县", doc_text: str | None = None) -> dict[str, tuple[str, str, str]]:
    s = Sentence(text=text, offsets=OffsetMap())
    return {m.text: (m.type, m.rule, m.label) for m in Recogniser(find_home(home)).sentence(s, doc_text or text)}


def test_short_forms_of_the_home_countys_townships_closed_by_a_count_are_areas_as_written():
    got = found("柳泉、牛驼、马庄、东湾等四个乡镇政府所在地禁止燃放烟花爆竹。")
    for form in ("柳泉", "牛驼", "马庄", "东湾"):
        assert got[form] == ("AdministrativeArea", "scope.township", form)


def test_a_short_form_takes_the_full_name_the_page_gives():
    text = "东湾、彭村两个乡政府所在地禁放。"
    got = found(text, doc_text="东湾乡全域禁放。" + text)
    assert got["东湾"][2] == "东湾乡" and got["彭村"][2] == "彭村"


def test_short_forms_without_a_count_of_townships_are_no_areas():
    assert "柳泉" not in found("柳泉、牛驼参加了会议。")
    assert "马庄" not in found("王伟、马庄、东湾等三人参加了会议。")


def test_an_unknown_township_among_known_ones_counts():
    got = found("禁放区柳泉镇、牛驼镇、青禾乡等3个乡镇全部区域禁放。")
    assert got["青禾乡"] == ("AdministrativeArea", "scope.township", "青禾乡")


def test_townships_of_a_county_the_sentence_names_even_with_their_former_suffix():
    got = found("同意固安县撤销柳泉乡、牛驼乡，设立柳泉镇、牛驼镇。", home="河北省")
    for form in ("柳泉乡", "牛驼乡", "柳泉镇", "牛驼镇"):
        assert got[form][0] == "AdministrativeArea"
    got = found("关于固安县东湾乡和彭村乡撤乡设镇的请示已收悉。", home="河北省")
    assert got["彭村乡"] == ("AdministrativeArea", "scope.township", "彭村乡")


def test_villages_listed_after_a_village_of_a_township():
    got = found("调研组走访了柳泉镇东张村、西张村和南张村。")
    assert got["西张村"] == ("AdministrativeArea", "scope.village", "西张村")
    assert got["南张村"][0] == "AdministrativeArea"
    got = found("调研组深入柳泉镇东张村、西张村等村进行走访。")
    assert "西张村" in got and "西张村等村" not in got
