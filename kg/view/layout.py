"""A force layout whose cost grows with the graph, not its square: Fruchterman-Reingold on a grid.

Nodes push each other apart only within a radius (the cells of a grid
around each node, as igraph's ``layout_grid_fr`` does); edges pull their
ends together. Every step is a handful of numpy operations over the node
pairs of neighbouring cells: about 36 pairs a node, whatever the graph's
size, so 20,000 nodes lay out in seconds where the all-pairs version needs
n*n work per iteration.

>>> import networkx as nx
>>> pos = grid_force_layout(nx.path_graph(500), seed=1)
>>> len(pos), pos == grid_force_layout(nx.path_graph(500), seed=1)
(500, True)
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

ITERATIONS = 60
REACH = 2.0           # repulsion radius, in units of the ideal edge length
COARSE_NODES = 6      # the far field's cells hold about this many nodes a side (36 at an even spread)
# the 3x3 block of cells around a node's own
NEIGHBOUR_CELLS = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]


def grid_force_layout(g: nx.Graph, seed: int = 7, iterations: int = ITERATIONS) -> dict:
    """Positions (x, y) for every node of `g` (ideal edge length 1), deterministic for a `seed`."""
    nodes = list(g)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in g.edges() if a != b], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)                       # one node per unit of area: the density the forces keep
    pos = rng.random((n, 2)) * side
    temperature, cooling = side / 10, side / 10 / (iterations + 1)
    for _ in range(iterations):
        disp = _repulsion(pos) + _far_repulsion(pos) + _attraction(pos, edges)
        length = np.sqrt((disp * disp).sum(axis=1))
        np.maximum(length, 1e-9, out=length)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for i, node in enumerate(nodes)}


def _repulsion(pos: np.ndarray) -> np.ndarray:
    """k*k/d pushes between the nodes closer than REACH, found through a grid of REACH-sized cells."""
    n = len(pos)
    cell = np.floor((pos - pos.min(axis=0)) / REACH).astype(np.int64)
    height = int(cell[:, 1].max()) + 3                      # a margin row so every neighbour id is valid
    cell += 1
    ids = cell[:, 0] * height + cell[:, 1]
    size = int(ids.max()) + height + 2
    order = np.argsort(ids, kind="stable")
    count = np.bincount(ids, minlength=size)
    start = np.concatenate(([0], np.cumsum(count)[:-1]))
    disp = np.zeros((n, 2))
    for dx, dy in NEIGHBOUR_CELLS:
        target = ids + dx * height + dy
        m = count[target]
        total = int(m.sum())
        if not total:
            continue
        i = np.repeat(np.arange(n), m)
        j = order[np.repeat(start[target], m) + np.arange(total) - np.repeat(np.cumsum(m) - m, m)]
        d = pos[i] - pos[j]
        dist2 = (d * d).sum(axis=1)
        force = np.where((i != j) & (dist2 < REACH * REACH), 1.0 / np.maximum(dist2, 1e-9), 0.0)
        disp[:, 0] += np.bincount(i, weights=d[:, 0] * force, minlength=n)
        disp[:, 1] += np.bincount(i, weights=d[:, 1] * force, minlength=n)
    return disp


def _far_repulsion(pos: np.ndarray) -> np.ndarray:
    """The push of the whole graph, from the centres of mass of a coarse grid's cells (Barnes-Hut's idea
    on one level): it keeps the graph from folding in on itself where the near pushes cannot reach."""
    n = len(pos)
    side = max(1, int(math.sqrt(n) / COARSE_NODES))
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    cell = np.minimum(((pos - lo) / np.maximum(hi - lo, 1e-9) * side).astype(np.int64), side - 1)
    ids = cell[:, 0] * side + cell[:, 1]
    mass = np.bincount(ids, minlength=side * side).astype(float)
    full = mass > 0
    centre = np.stack([np.bincount(ids, weights=pos[:, a], minlength=side * side) for a in (0, 1)], axis=1)
    centre[full] /= mass[full, None]
    c, m = centre[full], mass[full]
    d = c[:, None, :] - c[None, :, :]
    dist2 = (d * d).sum(axis=2)
    np.fill_diagonal(dist2, np.inf)
    push = (d * (m[None, :] / np.maximum(dist2, REACH * REACH))[..., None]).sum(axis=1)
    per_cell = np.zeros((side * side, 2))
    per_cell[full] = push
    return per_cell[ids]


def _attraction(pos: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """d*d/k pulls along every edge."""
    disp = np.zeros_like(pos)
    if not len(edges):
        return disp
    d = pos[edges[:, 0]] - pos[edges[:, 1]]
    pull = d * np.sqrt((d * d).sum(axis=1))[:, None]
    for axis in (0, 1):
        disp[:, axis] -= np.bincount(edges[:, 0], weights=pull[:, axis], minlength=len(pos))
        disp[:, axis] += np.bincount(edges[:, 1], weights=pull[:, axis], minlength=len(pos))
    return disp
