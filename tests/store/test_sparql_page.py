"""The query page of `kg serve` in a real browser (Debian's chromium through Playwright).

Data with hostile names is served; picking an example and running it must
show the names as text, run no script and fetch nothing but the endpoint.
Without chromium the test skips, except under CI=true where it fails.
"""
from __future__ import annotations

import json

import pytest

from real_parts import chromium
from test_sparql_support import FIXTURE, Endpoint

pytestmark = pytest.mark.browser
HOSTILE = "<img src=x onerror=alert(1)>区"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    recs = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    area = next(r for r in recs if r["kind"] == "entity" and r["type"] == "AdministrativeArea"
                and r["name"] == "柳岸县")
    area["name"] = HOSTILE                       # the area an official visited
    path = tmp_path_factory.mktemp("page") / "hostile.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    ep = Endpoint(path)
    yield ep
    assert ep.stop() == 0


def test_example_query_runs_and_shows_text_not_markup(endpoint):
    with chromium() as browser:
        page = browser.new_page()
        requests, dialogs = [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(endpoint.base + "/")
        options = page.eval_on_selector_all("#examples option", "els => els.map(e => e.textContent)")
        assert "districts-ranked-by-visits" in options and "visits-of-official" in options
        page.select_option("#examples", label="districts-ranked-by-visits")
        assert "kg:AdministrativeArea" in page.input_value("#query")
        page.click("#run")
        page.wait_for_selector("#results table")
        cells = page.eval_on_selector_all("#results td", "els => els.map(e => e.textContent)")
        assert "松河区" in cells and HOSTILE in cells
        assert page.locator("#results img").count() == 0
        page.wait_for_timeout(300)
        assert dialogs == []
        assert all(u.startswith(endpoint.base) for u in requests), requests
        browser.close()


def test_a_saved_querys_parameter_is_a_field_whose_value_is_bound_not_pasted(endpoint):
    with chromium() as browser:
        page = browser.new_page()
        page.goto(endpoint.base + "/")
        page.select_option("#examples", label="visits-of-official")
        field = page.locator("#params input[data-param=officialName]")
        assert field.count() == 1
        field.fill("赵启明")
        page.click("#run")
        # locators, not wait_for_function: the page's CSP forbids the eval a string predicate needs
        page.locator("#status", has_text="rows").wait_for(timeout=60_000)
        names = page.eval_on_selector_all("#results tr td:nth-child(2)", "els => els.map(e => e.textContent)")
        assert names and set(names) == {"赵启明"}
        field.fill('赵启明"@zh) } } UNION { ?x ?y ?z } #')          # quotes and braces stay inside the literal
        page.click("#run")
        page.locator("#status", has_text="· 0 rows").wait_for(timeout=60_000)
        assert page.locator("#results td").count() == 0
        page.select_option("#examples", label="graph-overview")
        assert page.locator("#params input").count() == 0
        browser.close()
