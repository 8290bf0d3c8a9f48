"""The gazetteer of a home: the forms it knows and the area each picks (kg.extract.recognise.gazetteer)."""
from __future__ import annotations

import pytest

from kg.extract.recognise.areas import by_code, load_areas
from kg.extract.recognise.gazetteer import Gazetteer


def _a_county_with_townships():
    """The first county of the table with townships under it, and one of them."""
    areas = load_areas()
    townships = {a.parent: a for a in areas if a.level == 3 and a.parent}
    county = next(a for a in areas if a.level == 2 and a.code in townships)
    return county, townships[county.code]


def _homes():
    county, _ = _a_county_with_townships()
    return [None, county, by_code()[county.parent], by_code()[county.province]]


@pytest.mark.parametrize("home", _homes(), ids=["no home", "county", "city", "province"])
def test_each_form_looked_up_picks_the_area_the_full_walk_gives_it(home):
    gaz = Gazetteer(home)
    forms = gaz.forms
    assert len(forms) > 3_000          # provinces, cities, counties and their forms
    fresh = Gazetteer(home)           # lookups first, before any walk over the forms
    assert all(fresh.lookup(form) == area for form, area in forms.items())


def test_a_township_is_known_at_home_and_not_in_a_gazetteer_without_a_home():
    county, township = _a_county_with_townships()
    assert Gazetteer(county).lookup(township.name) == township
    assert Gazetteer(None).lookup(township.name) != township


def test_a_form_no_area_has_is_not_found():
    county, _ = _a_county_with_townships()
    assert Gazetteer(county).lookup("甲乙丙丁戊") is None


def test_gazetteers_of_two_homes_do_not_share_their_picks():
    county, township = _a_county_with_townships()
    far = next(a for a in load_areas() if a.level == 2 and a.province != county.province)
    near, other = Gazetteer.of(county), Gazetteer.of(far)
    assert near.lookup(township.name) == township
    assert other.lookup(township.name) != township
    assert Gazetteer.of(county).lookup(township.name) == township
