/* kg explorer: search, entity pages with timelines, full text, and a neighbourhood graph (vis-network).
 * Every view is a URL (#/e/<id>?from=…&to=…&types=…&preds=…&x=…): bookmarkable, and the back button works.
 * Every string from the data goes into the page with textContent (never innerHTML), and vis-network is
 * given no `title` (it would render that as HTML). Requests go to this origin only (the CSP says so too). */
(function () {
  "use strict";
  var API = "/explore/api/";
  var view = document.getElementById("view");
  var q = document.getElementById("q");
  var list = document.getElementById("suggestions");
  var meta = { types: [], predicates: [] }, typeInfo = {}, predInfo = {};
  var api = window.kgExplore = { rendered: 0, graph: null, route: null };   // what the browser tests watch

  /* ---- helpers ---- */
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function link(text, hash) { var a = el("a", text); a.href = hash; return a; }
  function typeBadge(type) {
    var info = typeInfo[type] || { label: type, colour: "#888" };
    var b = el("span", info.label, "type"); b.style.background = info.colour; return b;
  }
  function get(path, params) {
    var qs = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) { if (params[k] !== "" && params[k] != null) qs.set(k, params[k]); });
    return fetch(API + path + (qs.toString() ? "?" + qs : "")).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
        return data;
      });
    });
  }
  function fail(err) { view.textContent = ""; view.appendChild(el("p", String(err.message || err), "error")); done(); }
  function done() { api.rendered += 1; }

  /* ---- routes: #/, #/search?q=, #/text?q=, #/e/<id>?…, #/source/<fact id> ---- */
  function parseHash() {
    var h = location.hash.replace(/^#\/?/, "");
    var qi = h.indexOf("?");
    var path = qi < 0 ? h : h.slice(0, qi);
    var params = Object.fromEntries(new URLSearchParams(qi < 0 ? "" : h.slice(qi + 1)));
    var parts = path.split("/").map(decodeURIComponent);
    return { name: parts[0] || "", arg: parts[1] || "", params: params };
  }
  function hashFor(name, arg, params) {
    var qs = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) { if (params[k]) qs.set(k, params[k]); });
    return "#/" + name + (arg ? "/" + encodeURIComponent(arg) : "") + (qs.toString() ? "?" + qs : "");
  }
  function go(name, arg, params) { location.hash = hashFor(name, arg, params); }
  function route() {
    var r = api.route = parseHash();
    hideSuggestions();
    if (r.name !== "e") document.getElementById("graph-pane").hidden = true;
    if (r.name === "e" && r.arg) return KG.showEntity(r.arg, r.params);
    if (r.name === "search") return showSearch(r.params.q || "");
    if (r.name === "text") return showText(r.params.q || "", r.params);
    if (r.name === "source" && r.arg) return showSource(r.arg);
    return showHome();
  }

  /* ---- type-ahead ---- */
  var pending = 0, active = -1, shown = [];
  function hideSuggestions() { list.hidden = true; q.setAttribute("aria-expanded", "false"); active = -1; }
  function entityRow(e) {
    var li = el("li");
    li.appendChild(typeBadge(e.type));
    li.appendChild(el("span", e.name));
    if (e.matched && e.matched !== e.name) li.appendChild(el("span", "(" + e.matched + ")", "muted"));
    li.appendChild(el("span", e.facts + " 条", "muted"));
    return li;
  }
  q.addEventListener("input", function () {
    var text = q.value.trim(), ticket = ++pending;
    if (!text) { hideSuggestions(); return; }
    get("suggest", { q: text }).then(function (data) {
      if (ticket !== pending) return;       // a later keystroke has its own answer coming
      shown = data.entities; list.textContent = ""; active = -1;
      shown.forEach(function (e, i) {
        var li = entityRow(e);
        li.setAttribute("role", "option"); li.dataset.id = e.id;
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); go("e", e.id); });
        list.appendChild(li);
      });
      list.hidden = shown.length === 0; q.setAttribute("aria-expanded", String(!list.hidden));
    }).catch(function () { hideSuggestions(); });
  });
  q.addEventListener("keydown", function (ev) {
    if (list.hidden || !shown.length) return;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
      Array.prototype.forEach.call(list.children, function (li, i) { li.setAttribute("aria-selected", String(i === active)); });
    } else if (ev.key === "Escape") hideSuggestions();
  });
  q.addEventListener("blur", function () { setTimeout(hideSuggestions, 150); });
  document.getElementById("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (!list.hidden && active >= 0) return go("e", shown[active].id);
    if (q.value.trim()) go("search", "", { q: q.value.trim() });
  });
  document.getElementById("find-text").addEventListener("click", function () {
    if (q.value.trim()) go("text", "", { q: q.value.trim() });
  });

  /* ---- home and search results ---- */
  function showHome() {
    view.textContent = "";
    view.appendChild(el("h1", "kg explorer"));
    var c = meta.counts || {};
    view.appendChild(el("p", (c.entities || 0) + " 个实体 · " + (c.facts || 0) + " 条关系 · " + (c.articles || 0)
      + " 篇文章" + (meta.first ? " · " + meta.first + " – " + meta.last : "")));
    view.appendChild(el("p", "输入名称、别名或区划代码查找实体；按“全文”检索证据句和标题。", "muted"));
    done();
  }
  function showSearch(text) {
    q.value = text;
    get("suggest", { q: text, limit: 50 }).then(function (data) {
      view.textContent = "";
      view.appendChild(el("h1", "名称：" + text));
      if (!data.entities.length) view.appendChild(el("p", "没有找到。试试全文检索。", "muted"));
      data.entities.forEach(function (e) {
        var row = el("div", null, "hit"); row.appendChild(typeBadge(e.type)); row.appendChild(document.createTextNode(" "));
        row.appendChild(link(e.name, hashFor("e", e.id)));
        row.appendChild(el("span", " " + e.facts + " 条关系" + (e.code ? " · " + e.code : ""), "muted"));
        view.appendChild(row);
      });
      done();
    }).catch(fail);
  }

  /* ---- full text ---- */
  function marked(text, query) {
    var span = el("span"), words = query.split(/\s+/).filter(Boolean), at = 0;
    var lower = text.toLowerCase();
    while (at < text.length) {
      var best = -1, len = 0;
      words.forEach(function (w) { var i = lower.indexOf(w.toLowerCase(), at); if (i >= 0 && (best < 0 || i < best)) { best = i; len = w.length; } });
      if (best < 0) { span.appendChild(document.createTextNode(text.slice(at))); break; }
      span.appendChild(document.createTextNode(text.slice(at, best)));
      span.appendChild(el("mark", text.slice(best, best + len)));
      at = best + len;
    }
    return span;
  }
  function showText(text, params) {
    q.value = text;
    get("text", { q: text, before: params.before }).then(function (data) {
      view.textContent = "";
      view.appendChild(el("h1", "全文：" + text));
      if (!data.texts.length) view.appendChild(el("p", "没有找到。", "muted"));
      data.texts.forEach(function (t) {
        var hit = el("div", null, "hit");
        hit.appendChild(el("div", t.kind === "h" ? "标题" : "证据", "muted"));
        var ev = el("div", null, "evidence"); ev.appendChild(marked(t.body, text)); hit.appendChild(ev);
        hit.appendChild(where(t.headline, t.date, t.page, t.edition));
        t.facts.forEach(function (f) { hit.appendChild(factLine(f)); });
        if (t.kind === "e") hit.appendChild(link("原文位置", hashFor("source", String(t.n))));
        view.appendChild(hit);
      });
      if (data.next) view.appendChild(link("更早的结果", hashFor("text", "", { q: text, before: String(data.next) })));
      done();
    }).catch(fail);
  }
  function where(headline, date, page, edition) {
    var w = el("div", null, "where");
    w.appendChild(el("span", "《" + (headline || "（无标题）") + "》"));
    w.appendChild(document.createTextNode(" " + (date || "日期不详") + (page ? " · 第" + page + "版" : "")
      + (edition ? " · " + edition : "")));
    return w;
  }
  function factLine(f) {
    var line = el("div", null, "line");
    line.appendChild(link(f.subject, hashFor("e", f.subject_id)));
    var p = predInfo[f.predicate] || { label: f.predicate };
    line.appendChild(document.createTextNode(" —" + p.label + (f.title ? "（" + f.title + "）" : "") + "→ "));
    line.appendChild(link(f.object, hashFor("e", f.object_id)));
    return line;
  }

  /* ---- the source position ---- */
  function showSource(id) {
    get("source/" + encodeURIComponent(id)).then(function (s) {
      view.textContent = "";
      view.appendChild(el("h1", "原文"));
      view.appendChild(where(s.headline, s.date, s.page));
      view.appendChild(el("p", (s.source || "") + " · 字符 " + s.start + "–" + s.end, "muted"));
      if (s.missing) { view.appendChild(el("p", s.missing, "error")); view.appendChild(el("div", s.body, "passage")); }
      else {
        var p = el("div", null, "passage");
        p.appendChild(document.createTextNode(s.before)); p.appendChild(el("mark", s.match));
        p.appendChild(document.createTextNode(s.after)); view.appendChild(p);
      }
      var back = el("button", "返回"); back.type = "button";
      back.addEventListener("click", function () { history.back(); });
      view.appendChild(back);
      done();
    }).catch(fail);
  }

  // shared with entity.js and graph.js (loaded after this file; they add showEntity and the graph)
  var KG = window.KG = { api: api, el: el, link: link, get: get, go: go, hashFor: hashFor, typeBadge: typeBadge,
                         factLine: factLine, where: where, fail: fail, done: done, view: view,
                         typeInfo: typeInfo, predInfo: predInfo, meta: function () { return meta; } };
  window.addEventListener("hashchange", route);
  document.addEventListener("DOMContentLoaded", function () {
    get("meta").then(function (m) {
      meta = m;
      m.types.forEach(function (t) { typeInfo[t.id] = t; });
      m.predicates.forEach(function (p) { predInfo[p.id] = p; });
      route();
    }).catch(fail);
  });
})();
