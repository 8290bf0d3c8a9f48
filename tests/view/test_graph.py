"""kg.view.graph: records -> networkx, the viewer's cuts and layout."""

import networkx as nx
import pytest

from kg.view.graph import UNKNOWN_TYPE, cut_graph, layout_positions, to_networkx, total_degrees
from kg.records import read_records
from real_parts import DATA

SAMPLE = DATA / "view-sample.jsonl"


@pytest.fixture(scope="module")
def records():
    return list(read_records(SAMPLE))


def test_one_node_per_entity_one_edge_per_triple(records):
    g = to_networkx(records)
    entities = [r for r in records if r["kind"] == "entity"]
    triples = [r for r in records if r["kind"] == "triple"]
    assert sorted(g.nodes) == sorted(e["id"] for e in entities)
    assert sorted(k for _, _, k in g.edges(keys=True)) == sorted(t["id"] for t in triples)


def test_node_and_edge_attributes(records):
    g = to_networkx(records)
    area = next(r for r in records if r["kind"] == "entity" and r.get("code"))
    attrs = g.nodes[area["id"]]
    assert (attrs["type"], attrs["name"], attrs["aliases"], attrs["code"]) == (
        area["type"], area["name"], area["aliases"], area["code"])
    t = next(r for r in records if r["kind"] == "triple" and r["predicate"] == "holdsPosition")
    e = g.edges[t["subject_id"], t["object_id"], t["id"]]
    assert (e["predicate"], e["date"], e["title"], e["evidence"], e["article"]) == (
        "holdsPosition", t["date"], t["title"], t["evidence"], t["article"])
    assert g.graph["articles"][t["article"]]["headline"]


def test_triple_naming_an_unknown_entity_still_gets_a_node():
    g = to_networkx([{"kind": "triple", "id": "t-1", "subject": "甲", "subject_id": "e-x",
                      "predicate": "visited", "object": "乙", "object_id": "e-y"}])
    assert g.nodes["e-x"]["type"] == UNKNOWN_TYPE and g.nodes["e-y"]["name"] == "乙"


def test_record_without_id_is_a_clear_error():
    with pytest.raises(ValueError, match="record 2: entity record without an 'id'"):
        to_networkx([{"kind": "article", "id": "a-1"}, {"kind": "entity", "name": "甲"}])


def test_degree_counts_every_triple(records):
    g = to_networkx(records)
    deg = total_degrees(g)
    for node in g:
        n = sum(1 for r in records if r["kind"] == "triple"
                and node in (r["subject_id"], r["object_id"]))
        assert deg[node] == n


def test_cut_by_type_degree_and_max_nodes(records):
    g = to_networkx(records)
    h, note = cut_graph(g, types=["Official", "AdministrativeArea"])
    assert {d for _, d in h.nodes(data="type")} == {"Official", "AdministrativeArea"}
    assert note["dropped_nodes"] == g.number_of_nodes() - h.number_of_nodes() > 0
    deg = dict(g.degree())
    h, _ = cut_graph(g, min_degree=3)
    assert set(h) == {n for n in g if deg[n] >= 3} and h.number_of_nodes() > 0
    h, note = cut_graph(g, max_nodes=3)
    assert h.number_of_nodes() == 3
    assert max(deg[n] for n in h) == max(deg.values())           # the biggest hub stays
    assert all(h.degree(n) > 0 for n in h)                        # with its neighbours: no isolated dot
    assert note["dropped_edges"] == g.number_of_edges() - h.number_of_edges()
    assert note["max_nodes"] == 3 and note["total_nodes"] == g.number_of_nodes()


def test_layout_places_every_node_deterministically_and_apart():
    g = nx.disjoint_union_all([nx.barabasi_albert_graph(400, 2, seed=1), nx.path_graph(4),
                               nx.empty_graph(3)])
    pos = layout_positions(g)
    assert set(pos) == set(g) and pos == layout_positions(g)
    points = set(pos.values())
    assert len(points) == len(g)  # no two nodes on the same spot


def test_a_cut_keeps_the_graphs_order_whatever_the_hashing():
    """Fewer than half the nodes kept: the copy must not follow a set's (hash-seeded) order."""
    import subprocess
    import sys

    code = ("import networkx as nx; from kg.view.graph import cut_graph\n"
            "g = nx.MultiDiGraph()\n"
            "for i in range(60): g.add_node(f'n{i}', type='Place', name=f'地{i}')\n"
            "for i in range(1, 60): g.add_edge('n0', f'n{i}', key=0)\n"
            "for i in range(1, 20): g.add_edge(f'n{i}', f'n{i + 1}', key=0)\n"
            "h, _ = cut_graph(g, max_nodes=12)\n"
            "print(list(h), list(h.edges(keys=True)))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60,
                           env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in (1, 2, 3, 4)}
    assert len(outs) == 1
    nodes = eval(outs.pop().split("] [")[0] + "]")     # noqa: S307 (our own printout)
    assert nodes == sorted(nodes, key=lambda n: int(n[1:]))      # g's order


def test_neighbour_order_is_the_same_whatever_the_hashing():
    """The layout sums forces in neighbour order: it must come from the graph, not from a set."""
    import os
    import subprocess
    import sys

    code = ("import networkx as nx; from kg.view.graph import simple_graph\n"
            "g = nx.MultiDiGraph()\n"
            "for i in range(40): g.add_edge(f'p{i}', f'q{i % 7}', key=0); g.add_edge(f'q{i % 5}', f'p{i}', key=1)\n"
            "s = simple_graph(g)\n"
            "print([list(s[n]) for n in s])")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3, 4)}
    assert len(outs) == 1 and "p0" in outs.pop()


def test_a_cut_of_hubs_that_share_no_edge_keeps_them_with_their_neighbours():
    """Officials who visited different places: the top nodes by degree alone would be dots without edges."""
    g = nx.MultiDiGraph()
    for i in range(30):
        g.add_node(f"o{i}", type="Official", name=f"官员{i}")
        for j in range(5):
            g.add_node(f"p{i}-{j}", type="Place", name=f"地点{i}-{j}")
            g.add_edge(f"o{i}", f"p{i}-{j}", key=f"t{i}-{j}")
    h, note = cut_graph(g, max_nodes=30)
    assert h.number_of_nodes() == 30 and all(h.degree(n) > 0 for n in h)
    assert note["shown_edges"] == 25                              # five hubs, each with its five places
    officials, _ = cut_graph(g, types=["Official"], max_nodes=10)
    assert officials.number_of_edges() == 0 and officials.number_of_nodes() == 10   # nothing to keep among them
