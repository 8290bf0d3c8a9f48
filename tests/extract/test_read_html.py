"""Reading article pages saved from news and government sites (hand-written in their style)."""
from __future__ import annotations

import json

import pytest

from cli_helpers import EXAMPLE_PAGES, ROOT, error_lines, extracted_file, gold_of, records_of, run_kg, score_py
from epaper import RELATED, SITE_NAV, Article, article_html, articles_from_src

SAME_AS_TEXT = 0.03
CITY = "保定市"
ARTICLE = Article(headline=["王大明到青禾科技有限公司调研"], paragraphs=[
    "本报讯（记者 方知远）3月5日，市长王大明到青禾科技有限公司调研，详细了解企业生产经营情况。",
    "王大明强调，要坚持创新驱动，加快推进重点项目建设。副市长李清和陪同调研。"])


def _page(tmp_path, name="a.html", **kw) -> str:
    f = tmp_path / name
    f.write_text(article_html(ARTICLE, kw.pop("date", "2024-03-06"), kw.pop("outlet", "保定日报"), 3), encoding="utf-8")
    return f


def test_the_main_text_without_navigation_footer_or_links(tmp_path):
    from kg.extract.read import read_page

    page = read_page(str(_page(tmp_path)))
    assert page.reader == "html" and page.text.splitlines()[0] == "王大明到青禾科技有限公司调研"
    assert ARTICLE.paragraphs[1] in page.text
    for noise in (SITE_NAV, RELATED[0], "主办单位", "分享到", "当前位置", "浏览次数"):
        assert noise not in page.text
    assert page.date.isoformat() == "2024-03-06" and page.meta["outlet"] == "保定日报"


def test_the_date_comes_from_the_page_unless_given_and_the_outlet_reaches_the_article(tmp_path):
    f = _page(tmp_path)
    res = run_kg("extract", f, "--city", CITY)
    assert res.returncode == 0, res.stderr.decode()
    recs = records_of(res.stdout)
    art = next(r for r in recs if r["kind"] == "article")
    assert (art["headline"], art["date"], art["outlet"]) == ("王大明到青禾科技有限公司调研", "2024-03-06", "保定日报")
    visit = next(r for r in recs if r["kind"] == "triple" and r["predicate"] == "visited")
    assert visit["object"] == "青禾科技有限公司" and visit["date"] == "2024-03-05"
    given = records_of(run_kg("extract", f, "--city", CITY, "--date", "2025-03-06").stdout)
    assert next(r for r in given if r["kind"] == "article")["date"] == "2025-03-06"


def test_a_gb2312_page_is_decoded_by_its_meta_charset(tmp_path):
    from kg.extract.read import read_page

    f = tmp_path / "gb.htm"
    f.write_bytes(article_html(ARTICLE, "2024-03-06", "保定日报").replace("utf-8", "gb2312").encode("gb18030"))
    assert ARTICLE.paragraphs[0] in read_page(str(f)).text


def test_a_page_without_an_article_is_refused(tmp_path):
    f = tmp_path / "index.html"
    f.write_text("<!DOCTYPE html><html><head><title>首页</title></head><body><nav>首页</nav></body></html>",
                 encoding="utf-8")
    res = run_kg("extract", f, "--city", CITY)
    assert res.returncode == 1 and error_lines(res)[0].startswith(f"kg: error: {f}: HTML page without an article")


def test_a_mixed_folder_is_read_by_content(tmp_path):
    folder = tmp_path / "2024-03-06"
    folder.mkdir()
    _page(folder, "01.html")
    _page(folder, "02.txt", outlet="某某网")              # HTML saved under a .txt name
    (folder / "03.txt").write_text("本报讯 昨日，副市长赵明川到远山新材料有限公司调研。\n", encoding="utf-8")
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))   # not readable: not picked up
    res = run_kg("build", folder, "--city", CITY, "--out", tmp_path / "g", "--no-html")
    assert res.returncode == 0, res.stderr.decode()
    recs = [json.loads(x) for x in (tmp_path / "g" / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    arts = [r for r in recs if r["kind"] == "article"]
    assert {a["source"].rsplit("/", 1)[1] for a in arts} == {"01.html", "02.txt", "03.txt"}
    assert all(a["date"] == "2024-03-06" for a in arts)
    assert {r["object"] for r in recs if r["kind"] == "triple" and r["predicate"] == "visited"} >= {
        "青禾科技有限公司", "远山新材料有限公司"}


@pytest.mark.slow
def test_example_pages_as_article_pages_score_within_003_of_their_text(tmp_path):
    """Every article of every example page as a site's page, without --date: the page gives it."""
    from test_read_pdf import _micro

    as_text, as_html = [], []
    for page in EXAMPLE_PAGES:
        gold = gold_of(page)
        folder = tmp_path / page.stem
        folder.mkdir()
        src = ROOT / "examples" / "src" / (page.stem + ".src")
        for k, art in enumerate(articles_from_src(src.read_text(encoding="utf-8"))):
            (folder / f"{k:02d}.html").write_text(article_html(art, gold["published"], "某某日报", k),
                                                  encoding="utf-8")
        out = tmp_path / f"{page.stem}.jsonl"
        res = run_kg("extract", folder, "--city", gold["city"], "-o", out)
        assert res.returncode == 0, res.stderr.decode()
        gold_file = ROOT / "examples" / "gold" / (page.stem + ".json")
        as_text.append(score_py(gold_file, extracted_file(page, gold["city"])))
        as_html.append(score_py(gold_file, out))
    for part in ("entity", "triple"):
        text_f1, html_f1 = _micro(as_text, part), _micro(as_html, part)
        assert html_f1 >= text_f1 - SAME_AS_TEXT, f"{part} F1: HTML {html_f1:.3f}, text {text_f1:.3f}"
