"""Every character offset of `kg extract` output points back into the source file.

For each page (the seed page and every example page, plus the GB18030 copy)
`kg extract` runs as a subprocess; then, with `text` the decoded file:
- every span lies inside the file;
- a triple's span starts on the evidence's first character and ends on its
  last, and the evidence is a subsequence of the slice once white space and
  continuation marks are removed (doubled headline runs leave it a
  subsequence too);
- a triple's span lies inside its article's span; an article's headline and
  byline names can be found in the article's slice.
"""
from __future__ import annotations

import pytest

from cli_helpers import (GBK_PAGE, example_params, extracted_file, is_subsequence, records_of, run_kg,
                         strip_artefacts)

PARAMS = example_params() + [(GBK_PAGE, "常德市", None)]


def extracted(page, city, date):
    return records_of(extracted_file(page, city, date).read_bytes())


def decoded(page) -> str:
    data = page.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


ids = [f"{p.parent.name}/{p.name}" for p, _, _ in PARAMS]


@pytest.mark.parametrize("page,city,date", PARAMS, ids=ids)
def test_triple_spans_point_at_their_evidence(page, city, date):
    text = decoded(page)
    triples = [r for r in extracted(page, city, date) if r["kind"] == "triple"]
    assert triples, "no triples extracted"
    for t in triples:
        a, b = t["span"]
        ev = t["evidence"]
        assert 0 <= a < b <= len(text), t
        assert text[a] == ev[0] and text[b - 1] == ev[-1], (t["id"], text[a:b], ev)
        assert is_subsequence("".join(ev.split()), strip_artefacts(text[a:b])), (t["id"], text[a:b], ev)
        assert t["source"] == str(page)


@pytest.mark.parametrize("page,city,date", PARAMS, ids=ids)
def test_article_spans_hold_headline_byline_and_triples(page, city, date):
    text = decoded(page)
    recs = extracted(page, city, date)
    articles = {r["id"]: r for r in recs if r["kind"] == "article"}
    assert articles
    for art in articles.values():
        a, b = art["span"]
        assert 0 <= a < b <= len(text), art
        piece = strip_artefacts(text[a:b])
        assert is_subsequence("".join(art["headline"].split()), piece), (art["headline"], text[a:b])
        for sub in art["subheadlines"]:
            assert is_subsequence("".join(sub.split()), piece), sub
        for by in art["byline"]:
            assert by["name"] in piece, (by, text[a:b][:80])
    for t in (r for r in recs if r["kind"] == "triple"):
        art = articles[t["article"]]
        assert art["span"][0] <= t["span"][0] and t["span"][1] <= art["span"][1], (t["id"], art["id"])


def test_gb18030_copy_gives_the_same_spans_as_the_utf8_page():
    utf8 = next(p for p, _, _ in PARAMS if p.name == GBK_PAGE.name and p != GBK_PAGE)
    key = lambda recs: sorted((t["subject"], t["predicate"], t["object"], tuple(t["span"]))  # noqa: E731
                              for t in recs if t["kind"] == "triple")
    assert key(extracted(GBK_PAGE, "常德市", None)) == key(extracted(utf8, "常德市", None))


def _check_triples(text: str, recs: list[dict]) -> int:
    n = 0
    for t in (r for r in recs if r["kind"] == "triple"):
        a, b = t["span"]
        assert 0 <= a < b <= len(text)
        assert text[a] == t["evidence"][0] and text[b - 1] == t["evidence"][-1], t["id"]
        assert is_subsequence("".join(t["evidence"].split()), strip_artefacts(text[a:b])), t["id"]
        n += 1
    return n


def test_offsets_in_a_bom_crlf_file_and_in_form_feed_pages(tmp_path):
    """CRLF line ends and a BOM shift nothing but what they are; form-feed pages keep file offsets."""
    pages = [p for p, _, _ in PARAMS if p.parent.name == "pages"][:3]
    texts = [p.read_text(encoding="utf-8") for p in pages]
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbf" + texts[0].replace("\n", "\r\n").encode("utf-8"))
    book = tmp_path / "book.txt"
    book.write_text("\f".join(texts), encoding="utf-8")
    res = run_kg("extract", crlf, book, "--date", "2023-06-15")
    assert res.returncode == 0, res.stderr.decode()
    recs = records_of(res.stdout)
    by_source = {str(crlf): [], str(book): []}
    for r in recs:
        if r["kind"] in ("article", "triple"):
            by_source[r["source"]].append(r)
    assert _check_triples(texts[0].replace("\n", "\r\n"), by_source[str(crlf)]) > 10
    whole = "\f".join(texts)
    assert _check_triples(whole, by_source[str(book)]) > 30
    # every page of the book has its articles, each inside that page
    bounds, pos = [], 0
    for t in texts:
        bounds.append((pos, pos + len(t)))
        pos += len(t) + 1
    for art in (r for r in by_source[str(book)] if r["kind"] == "article"):
        assert any(a <= art["span"][0] and art["span"][1] <= b for a, b in bounds), art["span"]
    singles = {}   # articles of each page extracted alone (runs shared with the tests above)
    for p, city, date in PARAMS:
        if p in pages:
            singles[p] = sum(1 for r in records_of(extracted_file(p, city, date).read_bytes()) if r["kind"] == "article")
    assert sum(1 for r in by_source[str(book)] if r["kind"] == "article") == sum(singles.values())
