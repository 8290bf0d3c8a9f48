"""The viewer page in a real browser: Debian's chromium driven by Playwright.

Each test runs on two graphs: the invented fixture, and the real pipeline's
output for the seed page (kg build), both with hostile entity names added.
Without chromium the tests skip, except under CI=true where they fail.
"""
import pytest

from kg.view.graph import to_networkx
from kg.records import read_records
from kg.view.html import write_html
from real_parts import ROOT, chromium
from test_view import XSS_NAMES
from test_view import with_xss as with_xss_records

pytestmark = pytest.mark.browser

SAMPLE = ROOT / "tests" / "data" / "view-sample.jsonl"
SHOTS = ROOT / "test-output"


def with_xss(records):
    """Hostile entities whose evidence would run if a tooltip used innerHTML."""
    return with_xss_records(records, evidence="<img src=y onerror=alert({i})>{name}")


@pytest.fixture(scope="module", params=["fixture", "seed"])
def graph_page(request, tmp_path_factory):
    """(name, records, path of the written page)."""
    tmp = tmp_path_factory.mktemp(request.param)
    if request.param == "seed":
        base = list(read_records(request.getfixturevalue("seed_build") / "triples.jsonl"))
    else:
        base = list(read_records(SAMPLE))
    records = with_xss(base)
    page = tmp / "graph.html"
    write_html(records, page)
    return request.param, records, page


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, graph_page):
    """The page loaded, with every request outside file:// blocked and recorded,
    and dialogs (alert) recorded and dismissed."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside, dialogs, errors = [], [], []

    def guard(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    # a fetch the page's CSP blocks never reaches the router: record those attempts too
    pg.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                       "(window.__cspViolations = window.__cspViolations || [])"
                       ".push(e.violatedDirective + ' ' + e.blockedURI))")
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: None if r.url.startswith("file://") else outside.append(r.url))
    pg.goto(graph_page[2].as_uri())
    pg.wait_for_function("window.kgView && window.kgView.firstDrawAt !== null", timeout=30000)
    pg.outside, pg.dialogs, pg.errors = outside, dialogs, errors
    yield pg
    context.close()


def entities(records, **where):
    return [r for r in records if r["kind"] == "entity"
            and all(r.get(k) == v for k, v in where.items())]


def dom_point(pg, node_id):
    """Where node_id is drawn, in page coordinates."""
    return pg.evaluate("""id => {
        const net = kgView.network, p = net.canvasToDOM(net.getPosition(id));
        const r = document.getElementById('graph').getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y};
    }""", node_id)


def test_node_count_in_page_equals_graph(page, graph_page):
    _, records, _ = graph_page
    g = to_networkx(records)
    data = page.evaluate("JSON.parse(document.getElementById('kg-nodes').textContent).length")
    drawn = page.evaluate("kgView.network.body.nodeIndices.length")
    assert data == drawn == g.number_of_nodes() > 0
    assert page.evaluate("kgView.network.body.edgeIndices.length") == g.number_of_edges()
    assert page.errors == []


def test_search_box_focuses_a_named_official(page, graph_page):
    _, records, _ = graph_page
    g = to_networkx(records)
    officials = sorted(entities(records, type="Official"), key=lambda e: -g.degree(e["id"]))
    assert officials, "the graph has no Official"
    target = officials[0]
    page.fill("#search", target["name"])
    page.press("#search", "Enter")
    page.wait_for_function("id => kgView.network.getSelectedNodes()[0] === id", arg=target["id"])
    page.wait_for_timeout(600)  # the focus animation
    view, pos = page.evaluate("id => [kgView.network.getViewPosition(), kgView.network.getPosition(id)]",
                              target["id"])
    assert abs(view["x"] - pos["x"]) < 2 and abs(view["y"] - pos["y"]) < 2
    assert target["name"] in page.text_content("#details h3")
    assert target["name"] in page.text_content("#search-status")


def test_search_finds_by_alias(page, graph_page):
    _, records, _ = graph_page
    with_alias = [e for e in entities(records) if e.get("aliases") and not e["id"].startswith("e-xss")
                  and all(a != o["name"] for a in e["aliases"] for o in entities(records))]
    if not with_alias:
        pytest.skip("no entity with an alias in this graph")
    target = with_alias[0]
    page.fill("#search", target["aliases"][0])
    page.click("#search-go")
    page.wait_for_function("id => kgView.network.getSelectedNodes()[0] === id", arg=target["id"])


def test_type_filter_hides_all_enterprises(page, graph_page):
    _, records, _ = graph_page
    enterprise_ids = {e["id"] for e in entities(records, type="Enterprise")}
    drawn = set(page.evaluate("kgView.network.body.nodeIndices"))
    assert enterprise_ids and enterprise_ids <= drawn
    page.uncheck('#type-filter input[value="Enterprise"]')
    drawn = set(page.evaluate("kgView.network.body.nodeIndices"))
    assert not enterprise_ids & drawn
    assert len(drawn) == len(to_networkx(records)) - len(enterprise_ids)
    page.check('#type-filter input[value="Enterprise"]')
    assert enterprise_ids <= set(page.evaluate("kgView.network.body.nodeIndices"))


def test_relation_and_date_filters(page, graph_page):
    _, records, _ = graph_page
    triples = [r for r in records if r["kind"] == "triple"]
    page.uncheck('#predicate-filter input[value="locatedIn"]')
    shown = set(page.evaluate("kgView.network.body.edgeIndices"))
    assert shown == {t["id"] for t in triples if t["predicate"] != "locatedIn"}
    page.check('#predicate-filter input[value="locatedIn"]')
    dated = sorted({t["date"] for t in triples if t.get("date")})
    if not dated:
        pytest.skip("no dated relation in this graph")
    day = dated[0]
    page.fill("#date-from", day)
    page.fill("#date-to", day)
    page.uncheck("#date-undated")
    shown = set(page.evaluate("kgView.network.body.edgeIndices"))
    assert shown == {t["id"] for t in triples if t.get("date") == day}


def test_click_highlights_the_neighbourhood(page, graph_page):
    _, records, _ = graph_page
    g = to_networkx(records)
    hub = max(g, key=lambda n: (g.degree(n), str(n)))
    page.evaluate("id => kgView.network.focus(id, {scale: 1.5})", hub)
    point = dom_point(page, hub)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("id => kgView.network.getSelectedNodes()[0] === id", arg=hub)
    colours = page.evaluate("kgView.nodes.get().map(n => [n.id, String(n.color)])")
    near = set(g.predecessors(hub)) | set(g.successors(hub)) | {hub}
    dimmed = {n for n, c in colours if c.startswith("rgba(200")}
    assert dimmed == set(g) - near
    assert g.nodes[hub]["name"] in page.text_content("#details h3")


def test_hostile_names_show_as_text_and_run_nothing(page, graph_page):
    name, records, _ = graph_page
    xss = entities(records, name=XSS_NAMES[0])[0]
    page.evaluate("id => kgView.network.focus(id, {scale: 2})", xss["id"])
    point = dom_point(page, xss["id"])
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#tooltip:not([hidden])")
    assert page.text_content("#tooltip h3") == XSS_NAMES[0]
    assert "<b>alias</b>" in page.text_content("#tooltip")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("id => kgView.network.getSelectedNodes()[0] === id", arg=xss["id"])
    assert page.text_content("#details h3") == XSS_NAMES[0]
    for hostile in XSS_NAMES[1:]:
        page.fill("#search", hostile)
        page.press("#search", "Enter")
        page.wait_for_function("() => document.getElementById('details').textContent.includes('alert(2)')")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"viewer-xss-{name}.png"))
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("[...document.querySelectorAll('b')].every(b => b.textContent !== 'alias')")
    assert page.dialogs == [] and page.errors == []


def test_no_request_leaves_the_file_and_screenshot(page, graph_page):
    name, records, _ = graph_page
    # exercise the page a little so lazily loaded things would show up
    page.mouse.move(700, 450)
    page.mouse.wheel(0, -300)
    page.fill("#search", entities(records, type="Official")[0]["name"])
    page.press("#search", "Enter")
    page.wait_for_timeout(800)
    SHOTS.mkdir(exist_ok=True)
    shot = SHOTS / f"viewer-{name}.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert page.outside == []
    assert page.evaluate("window.__cspViolations || []") == []
    assert page.errors == []


def hover(pg, node_id):
    pg.evaluate("id => kgView.network.focus(id, {scale: 1.5})", node_id)
    point = dom_point(pg, node_id)
    pg.mouse.move(point["x"], point["y"])
    pg.wait_for_selector("#tooltip:not([hidden])")
    return pg.text_content("#tooltip")


def test_tooltip_shows_type_aliases_code_and_cited_evidence(page, graph_page):
    _, records, _ = graph_page
    g = to_networkx(records)
    coded = [e for e in entities(records) if e.get("code") and g.degree(e["id"])]
    if not coded:
        pytest.skip("no entity with a GB/T code and a relation in this graph")
    area = coded[0]
    text = hover(page, area["id"])
    assert area["name"] in text and area["type"] in text and area["code"] in text
    for alias in area.get("aliases") or []:
        assert alias in text
    articles = {r["id"]: r for r in records if r["kind"] == "article"}
    cited = [t for t in records if t["kind"] == "triple" and area["id"] in (t["subject_id"], t["object_id"])
             and t.get("evidence") and t.get("article") in articles]
    shown = [t for t in cited if t["evidence"] in text]
    assert shown, "no evidence sentence in the tooltip"
    assert any(articles[t["article"]]["headline"] in text for t in shown)


def test_max_nodes_page_says_what_was_cut(browser, graph_page, tmp_path):
    _, records, _ = graph_page
    path = tmp_path / "cut.html"
    write_html(records, path, max_nodes=3)
    pg = browser.new_page()
    try:
        pg.goto(path.as_uri())
        pg.wait_for_function("window.kgView && window.kgView.firstDrawAt !== null")
        assert pg.evaluate("kgView.network.body.nodeIndices.length") == 3
        note = pg.text_content("#note")
        total = to_networkx(records).number_of_nodes()
        assert "省略" in note and str(total) in note and str(total - 3) in note
    finally:
        pg.close()


def test_a_curated_entity_and_its_edges_say_so_on_their_cards(browser, tmp_path):
    from kg.build.curate import apply_curation, parse_curation

    records = list(read_records(SAMPLE))
    g = to_networkx(records)
    official = max(entities(records, type="Official"), key=lambda e: g.degree(e["id"]))
    curated, notes = apply_curation(records, parse_curation(f"rename {official['id']} 校订后的名字", "fix.tsv"))
    assert not notes
    path = tmp_path / "curated.html"
    write_html(curated, path)
    pg = browser.new_page()
    pg.goto(path.as_uri())
    pg.wait_for_function("window.kgView && window.kgView.firstDrawAt !== null", timeout=30000)
    pg.fill("#search", "校订后的名字")
    pg.press("#search", "Enter")
    pg.wait_for_function("id => kgView.network.getSelectedNodes()[0] === id", arg=official["id"])
    details = pg.text_content("#details")
    assert "人工校订" in details and "fix.tsv:1 rename" in details
    assert "[人工校订]" in details                       # its relations' lines are marked too
    pg.close()


def test_on_an_archive_sized_page_a_search_marks_the_neighbourhood_without_repainting_the_rest(browser, tmp_path):
    from kg.view.html import DIM_LIMIT

    officials, per = 20, DIM_LIMIT // 20 + 10           # past the limit: (20 * 160) places and 20 officials
    records = [{"kind": "article", "id": "a-1", "date": "2030-01-01", "mentions": []}]
    for o in range(officials):
        records.append({"kind": "entity", "id": f"e-o{o}", "name": f"官员{o}号", "type": "Official"})
        for p in range(per):
            pid = f"e-p{o}-{p}"
            records.append({"kind": "entity", "id": pid, "name": f"园区{o}之{p}", "type": "Place"})
            records.append({"kind": "triple", "id": f"t-{o}-{p}", "predicate": "visited", "subject_id": f"e-o{o}",
                            "subject": f"官员{o}号", "object_id": pid, "object": f"园区{o}之{p}",
                            "article": "a-1", "date": "2030-01-01", "evidence": "调研。"})
    path = tmp_path / "archive.html"
    write_html(records, path)
    pg = browser.new_page(viewport={"width": 1400, "height": 900})
    pg.goto(path.as_uri())
    pg.wait_for_function("window.kgView && window.kgView.firstDrawAt !== null", timeout=60000)
    assert pg.evaluate("kgView.nodeCount") > DIM_LIMIT
    before = pg.evaluate("kgView.nodes.get().map(n => String(n.color))")
    pg.fill("#search", "官员3号")
    pg.press("#search", "Enter")
    pg.wait_for_function("id => kgView.network.getSelectedNodes()[0] === id", arg="e-o3")
    marked = pg.evaluate("kgView.marked()")
    assert marked[0] == "e-o3" and set(marked[1:]) == {f"e-p3-{p}" for p in range(per)}
    assert pg.evaluate("kgView.nodes.get().map(n => String(n.color))") == before       # nothing repainted
    assert "官员3号" in pg.text_content("#details h3")
    pg.fill("#search", "官员7号")              # the next search moves the marking
    pg.press("#search", "Enter")
    pg.wait_for_function("id => kgView.network.getSelectedNodes()[0] === id", arg="e-o7")
    assert set(pg.evaluate("kgView.marked()")) == {"e-o7", *(f"e-p7-{p}" for p in range(per))}
    pg.close()
