"""kg.extract.recognise.matcher: every occurrence, overlapping, by end and longest first; pickles."""
from __future__ import annotations

import pickle

from kg.extract.recognise.matcher import Matcher


def test_every_occurrence_overlapping_by_end_then_longest_first():
    m = Matcher({"青禾": "a", "青禾县": "b", "禾县": "c", "县长": "d"})
    assert m.iter("青禾县长青禾") == [(1, "a"), (2, "b"), (2, "c"), (3, "d"), (5, "a")]


def test_offsets_are_code_points_beyond_the_basic_plane():
    m = Matcher({"某区": 1})
    assert m.iter("𠀀𠀁某区") == [(3, 1)]


def test_the_last_value_of_a_word_stands_and_an_empty_table_finds_nothing():
    assert Matcher({"甲": 1} | {"甲": 2}).iter("甲") == [(0, 2)]
    assert Matcher({}).iter("任何文字") == [] and len(Matcher({})) == 0


def test_a_pickled_matcher_finds_what_it_found():
    m = Matcher({"某某公司": ("Enterprise", "某某公司"), "公司": ("x", "y")})
    again = pickle.loads(pickle.dumps(m))
    assert again.iter("在某某公司工作") == m.iter("在某某公司工作") == [(4, ("Enterprise", "某某公司")), (4, ("x", "y"))]
