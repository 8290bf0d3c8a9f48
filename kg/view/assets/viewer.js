/* kg viewer: filters, search, neighbourhood highlight and tooltips over vis-network.
 * Every string from the text is put into the page with textContent (never innerHTML),
 * and vis-network gets no `title` strings (it would render those as HTML). */
(function () {
  "use strict";

  function readJson(id) { return JSON.parse(document.getElementById(id).textContent); }
  var nodeList = readJson("kg-nodes");
  var edgeList = readJson("kg-edges");
  var options = readJson("kg-options");
  var meta = readJson("kg-meta");

  // 0 on large graphs: edge labels then appear only around the selected node
  var edgeFontSize = options.edges.font.size;
  var DIM_NODE = "rgba(200,200,200,0.35)", DIM_EDGE = "rgba(200,200,200,0.25)";
  var DIM_FONT = "rgba(150,150,150,0.3)", FONT_COLOR = "#343434", EDGE_FONT = "#444444", MARK_RING = "#e8590c";
  var typeInfo = {}, predInfo = {}, nodeById = {}, incident = {};
  meta.types.forEach(function (t) { typeInfo[t.id] = t; });
  meta.predicates.forEach(function (p) { predInfo[p.id] = p; });
  nodeList.forEach(function (n) { nodeById[n.id] = n; incident[n.id] = []; });
  edgeList.forEach(function (e) { incident[e.from].push(e); if (e.to !== e.from) incident[e.to].push(e); });

  var state = {
    types: new Set(meta.types.map(function (t) { return t.id; })),
    preds: new Set(meta.predicates.map(function (p) { return p.id; })),
    from: "", to: "", undated: true, selected: null
  };

  function nodeVisible(n) { return state.types.has(n.type); }
  function edgeVisible(e) {
    if (!state.preds.has(e.predicate)) return false;
    if (!nodeVisible(nodeById[e.from]) || !nodeVisible(nodeById[e.to])) return false;
    if (!e.date) return state.undated;
    if (state.from && e.date < state.from) return false;
    if (state.to && e.date > state.to) return false;
    return true;
  }

  var nodes = new vis.DataSet(nodeList);
  var edges = new vis.DataSet(edgeList);
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  var api = window.kgView = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    meta: meta, nodeCount: nodeList.length, edgeCount: edgeList.length,
    firstDrawAt: null, search: search, applyFilters: applyFilters
  };
  network.once("afterDrawing", function () { api.firstDrawAt = performance.now(); });

  /* ---- small DOM helpers (text only) ---- */
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function row(label, value) {
    var p = el("p", null, "meta-row");
    p.appendChild(el("b", label));
    p.appendChild(document.createTextNode(value));
    return p;
  }
  function shapeIcon(shape, color) {
    var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "14"); svg.setAttribute("height", "14"); svg.setAttribute("viewBox", "0 0 14 14");
    var pts = {
      triangle: "7,1 13,13 1,13", triangleDown: "1,1 13,1 7,13", diamond: "7,0 14,7 7,14 0,7",
      hexagon: "3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7",
      star: "7,0 8.8,4.9 14,5 9.9,8.2 11.3,13.3 7,10.3 2.7,13.3 4.1,8.2 0,5 5.2,4.9"
    };
    var s;
    if (shape === "square") { s = document.createElementNS(ns, "rect"); s.setAttribute("x", "1.5"); s.setAttribute("y", "1.5"); s.setAttribute("width", "11"); s.setAttribute("height", "11"); }
    else if (pts[shape]) { s = document.createElementNS(ns, "polygon"); s.setAttribute("points", pts[shape]); }
    else { s = document.createElementNS(ns, "circle"); s.setAttribute("cx", "7"); s.setAttribute("cy", "7"); s.setAttribute("r", "6"); }
    s.setAttribute("fill", color);
    svg.appendChild(s);
    return svg;
  }
  function typeName(t) { var i = typeInfo[t]; return i ? i.label + "（" + t + "）" : t; }
  function predName(p) { var i = predInfo[p]; return i ? i.label : String(p); }
  function source(e) {
    var a = meta.articles[e.article];
    if (!a) return "";
    return "《" + (a.headline || "无标题") + "》" + (a.date ? " " + a.date : "");
  }

  /* ---- node and edge cards (tooltip and details panel) ---- */
  function edgeLine(e) {
    var div = el("div", null, "evidence");
    var rel = nodeById[e.from].name + " —" + predName(e.predicate) + "→ " + nodeById[e.to].name;
    if (e.title_) rel += "（" + e.title_ + "）";
    if (e.date) rel += "  " + e.date;
    if (e.curated && e.curated.length) rel += "  [人工校订]";
    div.appendChild(el("div", rel, "rel"));
    if (e.evidence) div.appendChild(el("div", e.evidence));
    var src = source(e);
    if (src) div.appendChild(el("div", "— " + src, "src"));
    return div;
  }
  function nodeCard(id, maxEvidence) {
    var n = nodeById[id], box = el("div");
    box.appendChild(el("h3", n.name));
    box.appendChild(row("类型", typeName(n.type)));
    if (n.aliases && n.aliases.length) box.appendChild(row("别名", n.aliases.join("、")));
    if (n.code) box.appendChild(row("GB/T 2260", n.code));
    if (n.titles && n.titles.length) box.appendChild(row("职务", n.titles.join("、")));
    box.appendChild(row("关系数", n.degree));
    if (n.curated && n.curated.length) box.appendChild(row("人工校订", n.curated.join("；")));
    var list = incident[id].slice().sort(function (a, b) { return String(b.date || "").localeCompare(String(a.date || "")); });
    list.slice(0, maxEvidence).forEach(function (e) { box.appendChild(edgeLine(e)); });
    if (list.length > maxEvidence) box.appendChild(el("p", "…另有 " + (list.length - maxEvidence) + " 条关系", "hint"));
    return box;
  }
  function edgeCard(id) {
    var e = edges.get(id), box = el("div");
    box.appendChild(el("h3", nodeById[e.from].name + " —" + predName(e.predicate) + "→ " + nodeById[e.to].name));
    if (e.date) box.appendChild(row("日期", e.date));
    if (e.title_) box.appendChild(row("职务", e.title_));
    if (e.curated && e.curated.length) box.appendChild(row("人工校订", e.curated.join("；")));
    if (e.evidence) box.appendChild(el("div", e.evidence, "evidence"));
    var src = source(e);
    if (src) box.appendChild(el("div", "— " + src, "src"));
    return box;
  }

  /* ---- tooltip ---- */
  var tip = document.getElementById("tooltip");
  function showTip(content, pointer) {
    tip.replaceChildren(content);
    tip.hidden = false;
    var r = container.getBoundingClientRect();
    var x = r.left + pointer.DOM.x + 14, y = r.top + pointer.DOM.y + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth) x = Math.max(0, x - w - 28);
    if (y + h > window.innerHeight) y = Math.max(0, window.innerHeight - h - 4);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(nodeCard(p.node, 4), p.pointer); });
  network.on("hoverEdge", function (p) { showTip(edgeCard(p.edge), p.pointer); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  /* ---- neighbourhood highlight ---- */
  var details = document.getElementById("details");
  // Dimming the rest updates every node and edge, and vis then re-measures every label: past
  // meta.dim_limit nodes (an archive's page) the neighbourhood is drawn over the graph instead.
  var dimAll = nodeList.length <= meta.dim_limit, marked = [];
  function highlight(id, redraw) {
    state.selected = id;
    details.replaceChildren(nodeCard(id, 50));
    if (!dimAll) {
      marked = [id].concat(network.getConnectedNodes(id));
      if (redraw !== false) network.redraw();
      return;
    }
    var keep = new Set([id].concat(network.getConnectedNodes(id)));
    nodes.update(nodeList.map(function (n) {
      return keep.has(n.id) ? { id: n.id, color: n.color, font: { color: FONT_COLOR, strokeWidth: 3 } }
                            : { id: n.id, color: DIM_NODE, font: { color: DIM_FONT, strokeWidth: 0 } };
    }));
    edges.update(edgeList.map(function (e) {
      var on = e.from === id || e.to === id;
      return { id: e.id, color: on ? e.color : DIM_EDGE,
               font: on ? { color: EDGE_FONT, size: meta.edge_font_size } : { color: "rgba(0,0,0,0)", size: edgeFontSize } };
    }));
  }
  api.marked = function () { return marked.slice(); };
  network.on("afterDrawing", function (ctx) {    // the marked neighbourhood: a ring and a dark label each
    if (!marked.length) return;
    var at = network.getPositions(marked);
    ctx.save();
    ctx.font = "bold 15px " + options.nodes.font.face;
    ctx.textAlign = "center";
    marked.forEach(function (id, i) {
      var p = at[id], n = nodeById[id];
      if (!p || !n) return;
      ctx.beginPath(); ctx.arc(p.x, p.y, i === 0 ? 18 : 13, 0, 2 * Math.PI);
      ctx.lineWidth = i === 0 ? 4 : 3; ctx.strokeStyle = MARK_RING; ctx.stroke();
      ctx.lineWidth = 4; ctx.strokeStyle = "#ffffff"; ctx.strokeText(String(n.name), p.x, p.y - 20);
      ctx.fillStyle = FONT_COLOR; ctx.fillText(String(n.name), p.x, p.y - 20);
    });
    ctx.restore();
  });
  function clearHighlight() {
    if (state.selected === null) return;
    state.selected = null;
    if (dimAll) {
      nodes.update(nodeList.map(function (n) { return { id: n.id, color: n.color, font: { color: FONT_COLOR, strokeWidth: 3 } }; }));
      edges.update(edgeList.map(function (e) { return { id: e.id, color: e.color, font: { color: EDGE_FONT, size: edgeFontSize } }; }));
    } else {
      marked = [];
      network.redraw();
    }
    details.replaceChildren(el("p", "点击节点查看其邻域与证据。", "hint"));
  }
  network.on("click", function (p) {
    if (p.nodes.length) highlight(p.nodes[0]);
    else if (p.edges.length) { clearHighlight(); details.replaceChildren(edgeCard(p.edges[0])); }
    else clearHighlight();
  });

  /* ---- search ---- */
  var status = document.getElementById("search-status");
  function search(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) { status.textContent = ""; return null; }
    var tiers = [[], [], [], []];
    nodeList.forEach(function (n) {
      var name = String(n.name).toLowerCase(), aliases = (n.aliases || []).map(function (a) { return String(a).toLowerCase(); });
      if (name === q) tiers[0].push(n);
      else if (aliases.indexOf(q) >= 0) tiers[1].push(n);
      else if (name.indexOf(q) >= 0) tiers[2].push(n);
      else if (aliases.some(function (a) { return a.indexOf(q) >= 0; })) tiers[3].push(n);
    });
    var hits = tiers.filter(function (t) { return t.length; })[0];
    if (!hits) { status.textContent = "未找到：" + query; return null; }
    hits.sort(function (a, b) { return b.degree - a.degree; });
    var n = hits[0];
    if (!state.types.has(n.type)) {  // the user asked for it by name: show its type again
      state.types.add(n.type);
      var box = document.querySelector('#type-filter input[value="' + CSS.escape(n.type) + '"]');
      if (box) box.checked = true;
      applyFilters();
    }
    network.selectNodes([n.id]);
    highlight(n.id, false);
    // an animated focus redraws the whole graph each frame: on an archive's page it jumps (one redraw)
    network.focus(n.id, { scale: Math.max(network.getScale(), 1.2),
                          animation: dimAll ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
    status.textContent = "找到 " + n.name + "（" + typeName(n.type) + "）" + (hits.length > 1 ? "，另有 " + (hits.length - 1) + " 个匹配" : "");
    return n.id;
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("search").value);
  });
  var names = document.getElementById("search-names");
  nodeList.slice().sort(function (a, b) { return b.degree - a.degree; }).forEach(function (n) {
    var o = document.createElement("option"); o.value = n.name; names.appendChild(o);
  });

  /* ---- filters ---- */
  function applyFilters() {
    // Keep the highlight if its node stays visible: re-colouring every node is the slow part.
    if (state.selected !== null && !nodeVisible(nodeById[state.selected])) {
      clearHighlight();
      network.unselectAll();
    }
    nodeView.refresh();
    edgeView.refresh();
    if (state.selected !== null) network.selectNodes([state.selected]);
  }
  function filterList(listId, items, set, icon) {
    var ul = document.getElementById(listId);
    items.forEach(function (it) {
      var li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox"; box.value = it.id; box.checked = true;
      box.addEventListener("change", function () {
        if (box.checked) set.add(it.id); else set.delete(it.id);
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(icon(it));
      label.appendChild(el("span", it.label + " " + it.id));
      label.appendChild(el("span", it.count, "count"));
      li.appendChild(label);
      ul.appendChild(li);
    });
  }
  filterList("type-filter", meta.types, state.types, function (t) { return shapeIcon(t.shape, t.color); });
  filterList("predicate-filter", meta.predicates, state.preds, function (p) {
    var s = el("span"); s.style.cssText = "display:inline-block;width:14px;height:3px;background:" + p.color; return s;
  });
  document.querySelectorAll("button.all").forEach(function (b) {
    b.addEventListener("click", function () {
      var boxes = document.querySelectorAll("#" + b.dataset.for + " input");
      var on = Array.prototype.some.call(boxes, function (x) { return !x.checked; });
      boxes.forEach(function (x) { if (x.checked !== on) { x.checked = on; x.dispatchEvent(new Event("change")); } });
    });
  });
  ["date-from", "date-to", "date-undated"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", function () {
      state.from = document.getElementById("date-from").value;
      state.to = document.getElementById("date-to").value;
      state.undated = document.getElementById("date-undated").checked;
      applyFilters();
    });
  });

  /* ---- note of what is shown and what was cut ---- */
  var nt = meta.note, note = document.getElementById("note");
  var text = "显示 " + nt.shown_nodes + " 个实体、" + nt.shown_edges + " 条关系";
  if (nt.dropped_nodes || nt.dropped_edges) {
    var why = [];
    if (nt.types) why.push("类型限于 " + nt.types.join(", "));
    if (nt.min_degree) why.push("度 ≥ " + nt.min_degree);
    if (nt.max_nodes !== null && nt.max_nodes !== undefined) why.push("只保留度最高的 " + nt.max_nodes + " 个");
    text += "；共 " + nt.total_nodes + " 个实体、" + nt.total_edges + " 条关系，省略 " +
      nt.dropped_nodes + " 个实体、" + nt.dropped_edges + " 条关系（" + why.join("；") + "）";
    note.className = "cut";
  }
  note.textContent = text;
})();
