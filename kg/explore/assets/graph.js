/* kg explorer: the neighbourhood graph of an entity page, drawn with vis-network (shipped, same origin).
 * A click expands a node (its strongest neighbours, at most the server's cap, under the page's filters);
 * "显示更多" fetches the next ones; a double click opens the node's page. The expanded nodes are kept in
 * the URL (x=…), so a shared link redraws the same graph. Labels are canvas text; no `title` is given. */
(function () {
  "use strict";
  var KG = window.KG;
  var pane = document.getElementById("graph-pane"), status = document.getElementById("graph-status");
  var moreButton = document.getElementById("show-more");
  var g = KG.api.graph = { network: null, nodes: null, edges: null, centre: null, key: "", expanded: {}, last: null,
                           expansions: 0, settled: -1 };   // settled: the expansions the layout has come to rest after

  function nodeOf(e, centre) {
    var info = KG.typeInfo[e.type] || { colour: "#888" };
    return { id: e.id, label: e.name, type: e.type, value: Math.max(1, e.facts || 1),
             color: { background: info.colour, border: centre ? "#e8590c" : info.colour },
             borderWidth: centre ? 4 : 1, font: { color: "#1a1a1a", size: centre ? 18 : 14,
             strokeWidth: 3, strokeColor: "#ffffff" } };
  }
  function edgeOf(from, e) {
    var p = KG.predInfo[e.predicate] || { label: e.predicate, colour: "#999" };
    var a = e.dir === "out" ? from : e.other, b = e.dir === "out" ? e.other : from;
    return { id: a + "|" + e.predicate + "|" + b, from: a, to: b, label: p.label, predicate: e.predicate,
             width: Math.min(8, 1 + Math.log2(e.count)), color: { color: p.colour },
             arrows: "to", font: { size: 11, color: "#444", strokeWidth: 3, strokeColor: "#fff" } };
  }

  function setUp() {
    if (g.network) return;
    g.nodes = new vis.DataSet(); g.edges = new vis.DataSet();
    g.network = new vis.Network(document.getElementById("graph"), { nodes: g.nodes, edges: g.edges }, {
      nodes: { shape: "dot", scaling: { min: 8, max: 40, label: { enabled: false } } },
      edges: { smooth: false },
      physics: { solver: "barnesHut", stabilization: { iterations: 150 },
                 barnesHut: { gravitationalConstant: -6000, springLength: 140 } },
      interaction: { hover: true, tooltipDelay: 3600000 }
    });
    g.network.on("stabilized", function () { g.network.fit({ animation: false }); g.settled = g.expansions; });
    g.network.on("click", function (ev) { if (ev.nodes.length) expand(ev.nodes[0], 0, true); });
    g.network.on("doubleClick", function (ev) { if (ev.nodes.length) KG.go("e", ev.nodes[0]); });
    moreButton.addEventListener("click", function () {
      if (g.last && g.expanded[g.last] != null) expand(g.last, g.expanded[g.last], true);
    });
    document.getElementById("reset-graph").addEventListener("click", function () {
      var r = KG.api.route; KG.go("e", r.arg, Object.assign({}, r.params, { x: "" }));
    });
  }

  function showGraph(entity, params) {
    pane.hidden = false;
    setUp();
    var key = JSON.stringify([entity.id, KG.filterParams(params)]);
    var wanted = (params.x || "").split(",").filter(Boolean);
    if (key === g.key && wanted.every(function (id) { return id in g.expanded; })) return;   // same graph
    g.key = key; g.centre = entity.id; g.expanded = {}; g.last = null;
    g.nodes.clear(); g.edges.clear();
    g.nodes.add(nodeOf(entity, true));
    var chain = expand(entity.id, 0, false);
    wanted.forEach(function (id) { chain = chain.then(function () { return expand(id, 0, false); }); });
  }

  function expand(id, offset, remember) {
    if (offset === 0 && id in g.expanded) { g.last = id; showMore(); return Promise.resolve(); }
    var params = KG.filterParams(KG.api.route.params);
    return KG.get("neighbours/" + encodeURIComponent(id), Object.assign(params, { offset: offset }))
      .then(function (data) {
        data.nodes.forEach(function (n) { if (!g.nodes.get(n.id)) g.nodes.add(nodeOf(n, false)); });
        g.edges.update(data.edges.map(function (e) { return edgeOf(id, e); }));
        g.expanded[id] = data.more ? offset + data.nodes.length : null;
        g.last = id; g.expansions += 1;
        if (remember && id !== g.centre) keepInUrl(id);
        showMore();
        KG.done();
      }).catch(function (err) { status.textContent = String(err.message || err); });
  }

  function keepInUrl(id) {
    var r = KG.api.route, x = (r.params.x || "").split(",").filter(Boolean);
    if (x.indexOf(id) >= 0) return;
    x.push(id); r.params.x = x.join(",");
    g.key = JSON.stringify([g.centre, KG.filterParams(r.params)]);
    history.replaceState(null, "", KG.hashFor("e", r.arg, r.params));     // no new history entry per click
  }

  function showMore() {
    moreButton.hidden = !(g.last && g.expanded[g.last] != null);
    var node = g.last && g.nodes.get(g.last);
    moreButton.textContent = node ? "显示更多：" + node.label : "显示更多";
    status.textContent = g.nodes.length + " 个节点 · " + g.edges.length + " 条边";
  }

  KG.showGraph = showGraph;
})();
