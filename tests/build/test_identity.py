"""Same or different across documents (kg.build.identity, kg.build.seats, kg.build.split), on invented records."""
from __future__ import annotations

import pytest

from kg.build.identity import resolve_people
from kg.build.sightings import Sighting, cluster
from kg.build.review import review
from kg.build.seats import Seats, agree
from kg.model import triple_id

AREAS = [{"kind": "entity", "id": f"e-{code}", "name": name, "type": "AdministrativeArea", "code": code}
         for name, code in (("甲市", "130100"), ("甲县", "130121"), ("乙县", "130122"), ("丙市", "410100"))]


def seen(article: str, seats=(), home=None, source=None) -> Sighting:
    return Sighting(article, "", frozenset(seats), frozenset([home] if home else ()), source or article)


def articles_of(groups) -> list[list[str]]:
    return [sorted(s.article for s in g) for g in groups]


@pytest.mark.parametrize("a, b, same", [
    ("130121", "130100", True),      # a county and the city around it
    ("130121", "130000", True),      # and its province
    ("130121", "130122", False),     # two counties of one city
    ("110110", "110115", False),     # district codes that end in 0 are no prefix of their neighbours
    ("某某集团", "某某集团", True), ("某某集团", "另一集团", False), ("130121", "某某集团", False),
])
def test_two_seats_agree_when_one_area_holds_the_other(a, b, same):
    assert agree(a, b) is same


def test_a_bodys_seat_is_the_area_its_name_begins_with():
    seats = Seats(AREAS)
    assert seats.seat("甲县人民政府", None) == "130121"
    assert seats.seat("甲县委", None) == "130121"
    assert seats.seat("涞水县委", None) == "130623"          # from the GB/T table: no entity needed
    assert seats.seat("某某新区管委会", None) == "某某新区"    # an area the table does not know: as written
    assert seats.seat("青禾科技有限公司", None) == "青禾科技有限公司"
    assert seats.seat("县政府", None) is None                 # a level word alone names no area
    assert seats.seat("朝阳区政府", "110000") == "110105"      # a name two areas share: the home decides
    assert seats.seat("朝阳区政府", "220100") == "220104"


def test_a_promotion_within_one_area_is_one_person_and_namesakes_in_two_counties_are_two():
    people, undecided = cluster([seen("a-1", {"130121"}), seen("a-2", {"130100"}), seen("a-3", {"130122"})])
    # the city seat agrees with both counties: it bridges nothing, it is undecided
    assert articles_of(people) == [["a-1"], ["a-3"]] and [s.article for s in undecided] == ["a-2"]
    people, undecided = cluster([seen("a-1", {"130121"}), seen("a-2", {"130100"})])
    assert articles_of(people) == [["a-1", "a-2"]] and undecided == []


def test_a_sighting_without_office_joins_by_its_home_or_the_one_person_there_is():
    people, undecided = cluster([seen("a-1", {"130121"}), seen("a-2", (), "130100"), seen("a-3")])
    assert articles_of(people) == [["a-1", "a-2", "a-3"]] and undecided == []
    people, undecided = cluster([seen("a-1", {"130121"}), seen("a-2", {"410100"}), seen("a-3", (), "410100"),
                                 seen("a-4")])
    assert articles_of(people) == [["a-1"], ["a-2", "a-3"]] and [s.article for s in undecided] == ["a-4"]
    # one source (page) is one person whatever its articles show
    people, _ = cluster([seen("a-1", {"130121"}, source="p"), seen("a-2", {"410100"}, source="p")])
    assert articles_of(people) == [["a-1", "a-2"]]


def test_two_enterprises_under_one_name_are_two_people_and_no_evidence_is_one():
    people, _ = cluster([seen("a-1", {"甲公司"}), seen("a-2", {"乙公司"})])
    assert len(people) == 2
    people, undecided = cluster([seen("a-1"), seen("a-2")])
    assert articles_of(people) == [["a-1", "a-2"]] and undecided == []


def records(*offices):
    """Articles (dated in order), one person 王某 and a holdsPosition triple in each article."""
    recs = list(AREAS)
    ids = [f"a-{i}" for i in range(1, len(offices) + 1)]
    for i, (aid, body) in enumerate(zip(ids, offices)):
        recs.append({"kind": "article", "id": aid, "date": f"202{i}-01-01", "source": f"p{i}.txt",
                     "mentions": ["e-p"]})
        span = [0, 10]
        recs.append({"kind": "triple", "id": triple_id("e-p", "holdsPosition", f"e-{body}", aid, span),
                     "predicate": "holdsPosition", "subject_id": "e-p", "subject": "王某", "object_id": f"e-{body}",
                     "object": body, "title": "县长", "article": aid, "span": span})
        recs.append({"kind": "entity", "id": f"e-{body}", "name": body, "type": "Organization"})
    recs.append({"kind": "entity", "id": "e-p", "name": "王某", "type": "Official", "articles": ids,
                 "mentions": len(ids), "titles": ["县长"]})
    return recs


def test_a_split_gives_each_person_an_entity_its_facts_and_its_mentions():
    out, found = resolve_people(records("甲县政府", "乙县政府"))
    wang = {r["id"]: r for r in out if r.get("name") == "王某"}
    assert len(wang) == 2 and "e-p" in wang                      # the one seen first keeps the id
    other = next(i for i in wang if i != "e-p")
    assert wang["e-p"]["articles"] == ["a-1"] and wang[other]["articles"] == ["a-2"]
    assert wang[other]["identity"] == {"of": "e-p", "status": "placed", "seats": ["乙县"], "homes": []}
    moved = next(r for r in out if r["kind"] == "triple" and r["article"] == "a-2")
    assert moved["subject_id"] == other
    assert moved["id"] == triple_id(other, "holdsPosition", "e-乙县政府", "a-2", [0, 10])   # the id rule
    assert next(r for r in out if r.get("id") == "a-2")["mentions"] == [other]
    assert [e["event"] for e in found.events] == ["split"] and len(found.ledger) == 2


def test_the_ledger_keeps_ids_and_logs_a_merge_that_new_pages_show():
    _, first = resolve_people(records("甲县政府", "青禾公司"))
    ids = sorted(p.id for p in first.people["e-p"])
    # the same pages again, with the ledger: the same ids, no new event
    out, again = resolve_people(records("甲县政府", "青禾公司"), first.ledger + first.events)
    assert sorted(p.id for p in again.people["e-p"]) == ids and len(again.events) == 1
    # a page where he holds both offices at once: the two were one person
    both = records("甲县政府", "青禾公司", "青禾公司")
    both.append({"kind": "triple", "id": "t-both", "predicate": "holdsPosition", "subject_id": "e-p",
                 "subject": "王某", "object_id": "e-甲县政府", "object": "甲县政府", "title": "县长",
                 "article": "a-3", "span": [20, 30]})
    out, merged = resolve_people(both, first.ledger + first.events)
    assert [e["event"] for e in merged.events] == ["split", "merge"]
    assert sorted(merged.events[-1]["ids"]) == ids
    assert len([r for r in out if r.get("name") == "王某"]) == 1


def test_an_undecided_sighting_is_an_entity_of_its_own_and_a_review_candidate():
    recs = records("甲县政府", "乙县政府")
    recs.append({"kind": "article", "id": "a-9", "date": "2030-01-01", "source": "p9.txt", "mentions": ["e-p"]})
    next(r for r in recs if r.get("id") == "e-p")["articles"].append("a-9")
    out, found = resolve_people(recs)
    assert len(found.undecided) == 1
    undecided = next(r for r in out if r.get("identity", {}).get("status") == "undecided")
    assert undecided["articles"] == ["a-9"]
    lines = [c.line for c in review(out) if c.kind == "who-is-who"]
    assert f"same-as  e-p  {undecided['id']}" in lines
    placed = sorted(r["id"] for r in out if r.get("identity", {}).get("status") == "placed")
    assert "same-as  " + "  ".join(placed) in lines          # told apart: one line to undo it


def test_an_undecided_sighting_beside_a_colleague_of_one_person_joins_that_person():
    recs = records("甲县政府", "乙县政府")
    recs.append({"kind": "entity", "id": "e-q", "name": "钱某", "type": "Official", "articles": ["a-2", "a-9"]})
    next(r for r in recs if r.get("id") == "a-2")["mentions"].append("e-q")       # 钱某 beside the 乙县 王某
    recs.append({"kind": "article", "id": "a-9", "date": "2030-01-01", "source": "p9.txt", "mentions": ["e-p", "e-q"]})
    next(r for r in recs if r.get("id") == "e-p")["articles"].append("a-9")
    out, found = resolve_people(recs)
    assert found.undecided == []
    yi = next(r for r in out if r.get("identity", {}).get("seats") == ["乙县"])
    assert yi["articles"] == ["a-2", "a-9"]


def test_an_article_placed_only_by_the_area_of_a_body_it_names_keeps_a_namesake_apart():
    recs = records("甲县政府")
    # a second article, no home, no office for 王某: it names 丙市's congress, not the area on its own
    recs.append({"kind": "article", "id": "a-9", "date": "2029-01-01", "source": "p9.txt",
                 "mentions": ["e-p", "e-congress"]})
    recs.append({"kind": "entity", "id": "e-congress", "name": "丙市人民代表大会", "type": "Organization"})
    person = next(r for r in recs if r.get("id") == "e-p")
    person["articles"] = ["a-1", "a-9"]
    out, _ = resolve_people(recs)
    wang = [r for r in out if r["kind"] == "entity" and r["name"] == "王某"]
    assert sorted(sorted(r["articles"]) for r in wang) == [["a-1"], ["a-9"]]
