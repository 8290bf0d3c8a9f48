"""The grid force layout (kg.view.layout) of big components: every node placed, deterministic, and
neighbours near each other."""
from __future__ import annotations

import math
import random

import networkx as nx

from kg.view.layout import grid_force_layout


def test_every_node_gets_a_finite_position_and_the_same_seed_the_same_layout():
    g = nx.barabasi_albert_graph(1200, 2, seed=3)
    pos = grid_force_layout(g, seed=5)
    assert set(pos) == set(g)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert pos == grid_force_layout(g, seed=5) and pos != grid_force_layout(g, seed=6)


def test_neighbours_end_near_each_other_and_nodes_do_not_pile_up():
    g = nx.convert_node_labels_to_integers(nx.grid_2d_graph(30, 30))
    pos = grid_force_layout(g, seed=1)

    def dist(a, b):
        return math.dist(pos[a], pos[b])
    edge = sorted(dist(a, b) for a, b in g.edges())[len(g.edges()) // 2]
    rng = random.Random(0)
    pairs = sorted(dist(rng.randrange(900), rng.randrange(900)) for _ in range(2000))[1000]
    assert edge < pairs / 5                          # the grid's neighbours stay neighbours
    nearest = sorted(min(dist(n, m) for m in rng.sample(list(g), 200) if m != n) for n in rng.sample(list(g), 100))
    assert nearest[50] > 0.05 * edge                 # and no heap of nodes on one point


def test_an_edgeless_graph_is_spread_out():
    pos = grid_force_layout(nx.empty_graph(400), seed=2)
    xs = [x for x, _ in pos.values()]
    assert max(xs) - min(xs) > 5
