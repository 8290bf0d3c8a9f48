"""Reading PDF e-papers: layouts printed by Debian's chromium (tests/epaper.py), bad PDFs, the CLI.

The example pages laid out in 3 to 5 columns, their elements written in a
shuffled order and their headlines overprinted, must score within
:data:`SAME_AS_TEXT` F1 of the same pages as text; an article continued from
page 1 to page 2 is one article whose facts carry both pages.
"""
from __future__ import annotations

import json

import pytest

from cli_helpers import EXAMPLE_PAGES, ROOT, error_lines, extracted_file, gold_of, records_of, run_kg, score_py
from epaper import Article, Layout, articles_from_src, lay_out, print_pdf
from real_parts import chromium

pytestmark = pytest.mark.browser

SAME_AS_TEXT = 0.03
COLUMNS = (3, 4, 5, 4, 3)     # one layout per example page
CITY = "保定市"
LEAD = ("本报讯（记者 方知远）3月5日，市长王大明到青禾科技有限公司调研，详细了解企业生产经营情况。"
        "他强调，要坚持创新驱动，加快推进重点项目建设，推动产业转型升级，为全市高质量发展")
REST = ("作出更大贡献。随后，王大明来到远山新材料有限公司，察看新生产线建设进度，"
        "要求各级各部门靠前服务，帮助企业解决实际困难。副市长李清和陪同调研。")


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def example_pdfs(browser, tmp_path_factory):
    """Every example page as a PDF e-paper (same file name stem, so the same date)."""
    out = tmp_path_factory.mktemp("pdf")
    pdfs = []
    for k, page in enumerate(EXAMPLE_PAGES):
        src = ROOT / "examples" / "src" / (page.stem + ".src")
        layout = lay_out(articles_from_src(src.read_text(encoding="utf-8")), columns=COLUMNS[k % 5], seed=k + 1)
        pdfs.append(print_pdf(browser, layout, out / (page.stem + ".pdf")))
    return pdfs


def _micro(results: list[dict], part: str) -> float:
    tp, fp, fn = (sum(r[part][k] for r in results) for k in ("tp", "fp", "fn"))
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def test_example_pages_as_pdf_score_within_003_of_their_text(example_pdfs):
    as_text, as_pdf = [], []
    for page, pdf in zip(EXAMPLE_PAGES, example_pdfs):
        gold, city = ROOT / "examples" / "gold" / (page.stem + ".json"), gold_of(page)["city"]
        as_text.append(score_py(gold, extracted_file(page, city)))
        as_pdf.append(score_py(gold, extracted_file(pdf, city)))
    for part in ("entity", "triple"):
        text_f1, pdf_f1 = _micro(as_text, part), _micro(as_pdf, part)
        assert pdf_f1 >= text_f1 - SAME_AS_TEXT, f"{part} F1: PDF {pdf_f1:.3f}, text {text_f1:.3f}"


def test_overprinted_headlines_come_out_once_and_pages_and_boxes_are_given(example_pdfs):
    from kg.extract.clean import undouble

    pdf = example_pdfs[1]
    recs = [json.loads(line) for line in extracted_file(pdf, gold_of(EXAMPLE_PAGES[1])["city"]).read_text(
        encoding="utf-8").splitlines()]
    src = ROOT / "examples" / "src" / (EXAMPLE_PAGES[1].stem + ".src")
    printed = {"".join(line.split()) for art in articles_from_src(src.read_text(encoding="utf-8"))
               for line in art.headline}
    headlines = [r["headline"] for r in recs if r["kind"] == "article" and r["headline"]]
    assert headlines and all(undouble(h) is None for h in headlines)      # no doubled runs left
    assert sum(h in printed for h in headlines) >= len(headlines) // 2
    triples = [r for r in recs if r["kind"] == "triple"]
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(str(pdf)))
    assert triples and all(1 <= r["page"] <= pages and len(r["bbox"]) == 4 for r in triples)
    x0, top, x1, bottom = triples[0]["bbox"]
    assert 0 <= x0 < x1 <= 825 and 0 <= top < bottom <= 1170      # points on a 1100 x 1560 px page


def _issue(browser, tmp_path, continued: bool = True):
    """Two pages: an article from page 1 goes on at the top of page 2, beside a second article."""
    first = Article(headline=["王大明到青禾科技有限公司调研"], span=2,
                    paragraphs=[LEAD + ("（下转第二版）" if continued else "")])
    rest = Article(paragraphs=[("（上接第一版）" if continued else "") + REST], span=1)
    other = Article(headline=["我市召开春季植树工作会议"], span=1,
                    paragraphs=["本报讯 3月4日，我市召开春季植树工作会议。副市长赵明川出席会议并讲话。"])
    lay = Layout(columns=4, seed=7)
    lay.items = [[], []]
    lay.place(0, first, 0, 40)
    lay.place(1, rest, 0, 40)
    lay.place(1, other, 2, 40)
    return print_pdf(browser, lay, tmp_path / "2024-03-06.pdf")


def test_an_article_continued_on_page_2_is_one_article_with_facts_on_both_pages(browser, tmp_path):
    pdf = _issue(browser, tmp_path)
    res = run_kg("extract", pdf, "--city", CITY)
    assert res.returncode == 0, res.stderr.decode()
    recs = records_of(res.stdout)
    arts = [r for r in recs if r["kind"] == "article" and "王大明" in (r["headline"] or "")]
    assert len(arts) == 1 and arts[0]["pages"] == [1, 2]
    visits = {r["object"]: r for r in recs if r["kind"] == "triple" and r["predicate"] == "visited"}
    assert visits["青禾科技有限公司"]["page"] == 1 and visits["远山新材料有限公司"]["page"] == 2
    assert visits["远山新材料有限公司"]["article"] == arts[0]["id"]
    # the sentence cut by the page break is read whole
    from kg.extract.read import read_pages
    from kg.extract.segment import segment_page

    sentences = [s.text for page in read_pages(str(pdf)) for a in segment_page(page) for s in a.sentences]
    assert any("为全市高质量发展作出更大贡献。" in s for s in sentences)


def test_radical_code_points_of_a_pdf_font_are_folded(browser, tmp_path):
    from kg.extract.read import read_page
    from kg.extract.read.pdf import read_pdf

    art = Article(headline=["市长到企业调研"], span=2,
                  paragraphs=["本报讯 3月5日，市长王大明到青禾科技有限公司调研，查看新能源车生产线，听取民生工作意见。"])
    lay = lay_out([art], columns=4, seed=3, radicals=True)
    pdf = print_pdf(browser, lay, tmp_path / "radicals.pdf")
    raw_text, _ = read_pdf(pdf.read_bytes(), str(pdf))
    page = read_page(str(pdf))
    assert any(0x2E80 <= ord(ch) <= 0x2FDF for ch in raw_text)    # the font did map them to radicals
    assert len(page.text) == len(raw_text)
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in page.text)
    assert "市长王大明" in page.text and "新能源车" in page.text and "民生" in page.text


def test_a_pdf_without_a_text_layer_is_refused_as_a_scan(browser, tmp_path):
    page = browser.new_page()
    page.set_content('<div style="width:400px;height:600px;background:#ccc"></div>')
    scan = tmp_path / "scan.pdf"
    page.pdf(path=str(scan))
    page.close()
    out = tmp_path / "out.jsonl"
    res = run_kg("extract", scan, "--city", CITY, "-o", out)
    lines = error_lines(res)
    assert res.returncode != 0 and lines[0].startswith(f"kg: error: {scan}: PDF without a text layer")
    assert "OCR" in lines[0] and not out.exists()


def test_a_pdf_named_txt_is_read_as_a_pdf_and_a_folder_of_pdfs_builds(browser, tmp_path):
    pdf = _issue(browser, tmp_path, continued=False)
    named = tmp_path / "in" / "2024-03-06_A01.txt"
    named.parent.mkdir()
    named.write_bytes(pdf.read_bytes())
    res = run_kg("build", named.parent, "--city", CITY, "--out", tmp_path / "g", "--no-html")
    assert res.returncode == 0, res.stderr.decode()
    recs = [json.loads(x) for x in (tmp_path / "g" / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    arts = [r for r in recs if r["kind"] == "article"]
    assert arts and all(a["date"] == "2024-03-06" and a["edition"] == "A01" for a in arts)
    assert any(r["kind"] == "triple" and r["object"] == "青禾科技有限公司" for r in recs)


def test_both_glyph_sources_read_the_same_characters(example_pdfs):
    """PDFium and pdfminer (pdfplumber) agree once radicals are folded; pdfminer gives many radicals."""
    from kg.extract.read.glyphs import fold_glyphs
    from kg.extract.read.pdf import layout_text, load_pages

    data = example_pdfs[1].read_bytes()
    texts = {src: layout_text(load_pages(data, "x.pdf", src))[0] for src in ("pdfium", "pdfplumber")}
    assert any(0x2F00 <= ord(ch) <= 0x2FDF for ch in texts["pdfplumber"])
    same = {src: "".join(fold_glyphs(t).split()) for src, t in texts.items()}
    assert same["pdfium"] == same["pdfplumber"] and len(same["pdfium"]) > 2000


def test_kg_inspect_lists_the_blocks_in_reading_order_and_draws_them(example_pdfs, tmp_path):
    png = tmp_path / "page.png"
    res = run_kg("inspect", example_pdfs[0], "--png", png)
    assert res.returncode == 0, res.stderr.decode()
    rows = res.stdout.decode("utf-8").splitlines()
    assert rows[0].startswith("p1 #1 ") and len(rows) > 10 and any(" headline " in r for r in rows)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = run_kg("inspect", EXAMPLE_PAGES[0], "--png", tmp_path / "x.png")
    assert bad.returncode == 1 and "not a PDF" in error_lines(bad)[0] and not (tmp_path / "x.png").exists()
    assert run_kg("inspect", example_pdfs[0], "--page", "9", "--png", png).returncode == 1
