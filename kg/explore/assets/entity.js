/* kg explorer: the entity page (#/e/<id>?from=&to=&types=&preds=&x=): its card, offices, filters,
 * timeline by month and facts with their evidence. Text only (textContent); see explore.js. */
(function () {
  "use strict";
  var KG = window.KG, el = KG.el, link = KG.link;

  function filterParams(params) {
    return { from: params.from || "", to: params.to || "", types: params.types || "", preds: params.preds || "" };
  }

  function showEntity(id, params) {
    KG.get("entity/" + encodeURIComponent(id)).then(function (page) {
      var view = KG.view;
      view.textContent = "";
      card(view, page);
      offices(view, page);
      view.appendChild(filters(id, params));
      view.appendChild(el("h2", "时间线"));
      view.appendChild(timeline(id, page.timeline, params));
      view.appendChild(el("h2", "事实"));
      var box = el("div"); box.id = "facts"; view.appendChild(box);
      loadFacts(id, params, box, "");
      KG.showGraph(page.entity, params);
    }).catch(KG.fail);
  }

  function card(view, page) {
    var e = page.entity, c = el("div", null, "card");
    var h = el("h1"); h.appendChild(KG.typeBadge(e.type)); h.appendChild(document.createTextNode(" " + e.name));
    h.id = "entity-name"; c.appendChild(h);
    var t = el("table");
    function row(label, value) {
      if (value === null || value === undefined || value === "" || (value.length === 0)) return;
      var tr = t.insertRow(); tr.appendChild(el("th", label)); tr.appendChild(el("td", value));
    }
    row("别名", (e.aliases || []).join("、"));
    row("区划代码", e.code);
    row("职务", (e.titles || []).join("、"));
    row("关系", e.facts + " 条，" + e.neighbours + " 个相关实体");
    row("提及", e.mentions + " 次，" + e.articles + " 篇文章");
    row("时间", e.first ? e.first + " – " + e.last : "");
    row("id", e.id);
    c.appendChild(t); view.appendChild(c);
  }

  function offices(view, page) {
    if (page.offices.length) {
      view.appendChild(el("h2", "任职"));
      var t = el("table"); t.id = "offices";
      page.offices.forEach(function (o) {
        var tr = t.insertRow();
        tr.appendChild(el("td", (o.acting ? "代" : "") + o.title));
        var body = el("td"); if (o.body_id) body.appendChild(link(o.body, KG.hashFor("e", o.body_id))); tr.appendChild(body);
        tr.appendChild(el("td", (o.first || "?") + " – " + (o.last || "?")));
        tr.appendChild(el("td", (o.appointed ? "任命 " + o.appointed : "") + (o.ended ? " 免 " + o.ended : ""), "muted"));
      });
      view.appendChild(t);
    }
    if (page.holders.length) {
      view.appendChild(el("h2", "在此任职"));
      var h = el("table"); h.id = "holders";
      page.holders.forEach(function (o) {
        var tr = h.insertRow();
        var who = el("td"); who.appendChild(link(o.person, KG.hashFor("e", o.person_id))); tr.appendChild(who);
        tr.appendChild(el("td", o.title)); tr.appendChild(el("td", (o.first || "?") + " – " + (o.last || "?")));
      });
      view.appendChild(h);
    }
  }

  function checks(name, items, chosen) {
    var fs = el("fieldset"); fs.appendChild(el("legend", name));
    var on = new Set((chosen || "").split(",").filter(Boolean));
    items.forEach(function (it) {
      var label = el("label"), box = el("input");
      box.type = "checkbox"; box.value = it.id; box.checked = on.has(it.id); box.dataset.group = name;
      label.appendChild(box); label.appendChild(document.createTextNode(it.label + " "));
      fs.appendChild(label);
    });
    return fs;
  }

  function filters(id, params) {
    var meta = KG.meta(), form = el("form"); form.id = "filters";
    form.appendChild(checks("类型", meta.types, params.types));
    form.appendChild(checks("关系", meta.predicates, params.preds));
    var dates = el("fieldset"); dates.appendChild(el("legend", "日期"));
    ["from", "to"].forEach(function (k) {
      var input = el("input"); input.type = "month"; input.name = k; input.id = "date-" + k; input.value = params[k] || "";
      dates.appendChild(document.createTextNode(k === "from" ? "从 " : " 到 ")); dates.appendChild(input);
    });
    form.appendChild(dates);
    var apply = el("button", "筛选"); apply.type = "submit"; apply.id = "apply"; form.appendChild(apply);
    var clear = el("button", "清除"); clear.type = "button"; form.appendChild(clear);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      function picked(group) {
        return Array.prototype.filter.call(form.querySelectorAll("input[data-group='" + group + "']"),
          function (b) { return b.checked; }).map(function (b) { return b.value; }).join(",");
      }
      KG.go("e", id, { from: form.elements.from.value, to: form.elements.to.value,
                       types: picked("类型"), preds: picked("关系"), x: params.x });
    });
    clear.addEventListener("click", function () { KG.go("e", id, {}); });
    return form;
  }

  function timeline(id, months, params) {
    var box = el("div", null, "timeline"); box.id = "timeline";
    var preds = new Set((params.preds || "").split(",").filter(Boolean));
    var rows = months.filter(function (m) { return m.month; }).map(function (m) {
      var n = 0;
      Object.keys(m.counts).forEach(function (k) { if (!preds.size || preds.has(k.split(":")[0])) n += m.counts[k]; });
      return { month: m.month, n: n };
    });
    rows = withEmptyMonths(rows);
    var top = Math.max.apply(null, [1].concat(rows.map(function (r) { return r.n; })));
    rows.forEach(function (r) {
      var b = el("button"); b.type = "button"; b.dataset.month = r.month;
      b.style.height = Math.max(2, Math.round(70 * r.n / top)) + "px";
      b.title = r.month + "：" + r.n + " 条";                 // a title attribute is text, not HTML
      b.appendChild(el("span", r.month.slice(2)));
      if (params.from === r.month && params.to === r.month) b.className = "on";
      b.addEventListener("click", function () {
        KG.go("e", id, Object.assign({}, params, { from: r.month, to: r.month }));
      });
      box.appendChild(b);
    });
    if (!rows.length) box.appendChild(el("span", "没有带日期的事实", "muted"));
    return box;
  }

  // the months between the first and the last with facts, so a quiet year shows as a gap (at most 40 years)
  function withEmptyMonths(rows) {
    if (rows.length < 2) return rows;
    var have = {}, out = [];
    rows.forEach(function (r) { have[r.month] = r.n; });
    var y = +rows[0].month.slice(0, 4), m = +rows[0].month.slice(5, 7), last = rows[rows.length - 1].month;
    for (var i = 0; i < 480; i++) {
      var key = y + "-" + (m < 10 ? "0" : "") + m;
      out.push({ month: key, n: have[key] || 0 });
      if (key >= last) break;
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function loadFacts(id, params, box, after) {
    KG.get("facts/" + encodeURIComponent(id), Object.assign(filterParams(params), { after: after }))
      .then(function (data) {
        var old = box.querySelector(".more"); if (old) old.remove();
        if (!data.facts.length && !after) box.appendChild(el("p", "没有符合条件的事实。", "muted"));
        data.facts.forEach(function (f) { box.appendChild(fact(f)); });
        if (data.next) {
          var more = el("button", "更多事实", "more"); more.type = "button";
          more.addEventListener("click", function () { loadFacts(id, params, box, data.next); });
          box.appendChild(more);
        }
        KG.done();
      }).catch(KG.fail);
  }

  function fact(f) {
    var d = el("div", null, "fact"); d.dataset.id = f.id;
    d.appendChild(el("span", (f.date || "日期不详") + (f.dated ? "" : "（发表日期）"), "muted"));
    d.appendChild(KG.factLine(f));
    if (f.evidence) d.appendChild(el("div", f.evidence, "evidence"));
    d.appendChild(KG.where(f.headline, f.published, f.page, f.edition));
    if (f.evidence) d.appendChild(link("原文位置", KG.hashFor("source", f.id)));
    return d;
  }

  KG.showEntity = showEntity;
  KG.filterParams = filterParams;
})();
