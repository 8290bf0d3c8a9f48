"""The query page of `kg serve`: a form, the example queries, a results table.

Self-contained (no CDN: the machine may be offline). Results are put into
the page with textContent only, and the examples are embedded as JSON
escaped for a <script> element, so nothing from the data becomes markup.

>>> b"visits" in render_query_page([{"name": "visits", "query": "ASK {}"}])
True
"""
from __future__ import annotations

import base64
import hashlib
import re

from kg.records import script_json

PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>kg SPARQL</title>
<style>
 body { font-family: sans-serif; margin: 1.5em; max-width: 80em; }
 textarea { width: 100%; height: 18em; font-family: monospace; font-size: 13px; }
 table { border-collapse: collapse; margin-top: 1em; font-size: 14px; }
 td, th { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }
 th { background: #eee; }
 #status { margin-left: 1em; color: #555; }
 pre { background: #f6f6f6; padding: .5em; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>kg SPARQL endpoint</h1>
<p>Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol, read-only). Browse the graph in the
<a href="explore">explorer</a>.
Example: <select id="examples"><option value="">(choose an example query)</option></select></p>
<form id="form">
<div id="params"></div>
<textarea id="query" name="query" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<p><button type="submit" id="run">Run</button>
Format: <select id="accept">
<option value="application/sparql-results+json, text/turtle;q=0.9">table</option>
<option value="text/csv">CSV</option>
<option value="text/turtle">Turtle (CONSTRUCT/DESCRIBE)</option>
<option value="application/ld+json">JSON-LD (CONSTRUCT/DESCRIBE)</option>
</select><span id="status"></span></p>
</form>
<div id="results"></div>
<script id="example-data" type="application/json">__EXAMPLES__</script>
<script>
"use strict";
const examples = JSON.parse(document.getElementById("example-data").textContent);
const select = document.getElementById("examples");
const textarea = document.getElementById("query");
examples.forEach((ex, i) => {
  const opt = document.createElement("option");
  opt.value = String(i); opt.textContent = ex.name; select.appendChild(opt);
});
const paramBox = document.getElementById("params");
// A saved query's parameters (its "# Params:" line) as fields; a filled one is bound by a trailing
// VALUES clause, its value written as a SPARQL literal (JSON's escapes are SPARQL's), never pasted raw.
function showParams(names) {
  paramBox.textContent = "";
  (names || []).forEach(name => {
    const label = document.createElement("label");
    label.textContent = "?" + name + " ";
    const input = document.createElement("input");
    input.dataset.param = name; input.size = 24; input.placeholder = "(any)";
    label.appendChild(input); paramBox.appendChild(label); paramBox.appendChild(document.createTextNode(" "));
  });
}
function literal(value) {
  if (/^<[^<>"{}|^`\\\\\\s\\x00-\\x20]*>$/.test(value)) return value;     // an IRI
  if (/^\\d{4}-\\d{2}-\\d{2}$/.test(value)) return JSON.stringify(value) + "^^<http://www.w3.org/2001/XMLSchema#date>";
  return JSON.stringify(value) + (/[\\u3400-\\u9fff]/.test(value) ? "@zh" : "");   // names in the graph are @zh
}
function boundQuery() {
  const filled = Array.from(paramBox.querySelectorAll("input")).filter(i => i.value !== "");
  if (!filled.length) return textarea.value;
  const vars = filled.map(i => "?" + i.dataset.param).join(" ");
  const row = filled.map(i => literal(i.value)).join(" ");
  // the values bind first, as initial bindings: a FILTER on a parameter (a date) then sees them
  const values = "VALUES (" + vars + ") { (" + row + ") }";
  const where = /WHERE\\s*\\{/i;
  return where.test(textarea.value) ? textarea.value.replace(where, m => m + " " + values + " ")
                                    : textarea.value + "\\n" + values + "\\n";
}
select.addEventListener("change", () => {
  if (select.value === "") { showParams([]); return; }
  textarea.value = examples[Number(select.value)].query;
  showParams(examples[Number(select.value)].params);
});
function cell(term) {
  const td = document.createElement("td");
  if (term === undefined) return td;
  td.textContent = term.value;
  if (term.type === "uri") td.title = "IRI";
  if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
  return td;
}
function showJson(out, data) {
  if (data.boolean !== undefined) { out.textContent = "ASK: " + data.boolean; return; }
  const vars = data.head.vars, table = document.createElement("table");
  const head = table.insertRow();
  vars.forEach(v => { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
  data.results.bindings.forEach(b => { const tr = table.insertRow(); vars.forEach(v => tr.appendChild(cell(b[v]))); });
  out.appendChild(table);
}
document.getElementById("form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const out = document.getElementById("results"), status = document.getElementById("status");
  out.textContent = ""; status.textContent = "running…";
  const t0 = performance.now();
  try {
    const resp = await fetch("sparql", {method: "POST",
      headers: {"Content-Type": "application/sparql-query",
                "Accept": document.getElementById("accept").value},
      body: boundQuery()});
    const ctype = resp.headers.get("Content-Type") || "";
    const text = await resp.text();
    status.textContent = resp.status + " · " + Math.round(performance.now() - t0) + " ms";
    if (resp.ok && ctype.startsWith("application/sparql-results+json")) {
      const data = JSON.parse(text);
      showJson(out, data);
      if (data.results) status.textContent += " · " + data.results.bindings.length + " rows";
    } else {
      const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre);
    }
  } catch (e) { status.textContent = "failed: " + e; }
});
</script>
</body>
</html>
"""


def render_query_page(examples: list[dict]) -> bytes:
    """The HTML page with `examples` ([{"name", "query", "params"}]) preloaded in the menu."""
    return PAGE.replace("__EXAMPLES__", script_json(examples)).encode("utf-8")


def _source_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy() -> str:
    """The page's Content-Security-Policy: its own inline style and script (by hash), requests to itself only.

    >>> "default-src 'none'" in content_security_policy() and "connect-src 'self'" in content_security_policy()
    True
    """
    style = re.search(r"<style>(.*?)</style>", PAGE, re.S)[1]
    script = re.search(r"<script>(.*?)</script>", PAGE, re.S)[1]     # the one that runs (no type attribute)
    return (f"default-src 'none'; script-src {_source_hash(script)}; style-src {_source_hash(style)}; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
