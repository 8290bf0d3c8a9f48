"""The full-text tokens: a query found by FTS5 is exactly a substring of the text (invented sentences)."""
from __future__ import annotations

import sqlite3

import pytest

from kg.explore.tokens import index_tokens, match_expression

TEXTS = [
    "市长李青山到涞水县调研农业生产。",
    "副市长吴海陪同调研。",
    "青山镇5G基站建设推进会召开",
    "李青到山区走访。",
    "调研组深入青山村，察看ＡＩ产业园。",
]


@pytest.fixture(scope="module")
def fts():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(tokens, content='', columnsize=0)")
    con.executemany("INSERT INTO t(rowid, tokens) VALUES (?, ?)",
                    [(i, index_tokens(text)) for i, text in enumerate(TEXTS)])
    return con


def found(con, query):
    return {r[0] for r in con.execute("SELECT rowid FROM t WHERE t MATCH ?", (match_expression(query),))}


@pytest.mark.parametrize("query", ["调研", "青山", "李青山", "李青", "山", "市长", "副市长吴海", "5g", "5G基站", "AI产业", "ai"])
def test_a_match_is_a_substring_and_every_substring_matches(fts, query):
    folded = query.lower()
    expected = {i for i, text in enumerate(TEXTS)
                if folded in text.lower().replace("ａｉ", "ai").replace("ｉ", "i")}
    assert found(fts, query) == expected


def test_bigrams_of_a_run_keep_its_order_so_a_split_name_is_not_a_match(fts):
    # 李青 and 山 both occur in TEXTS[3], but not as 李青山
    assert 3 not in found(fts, "李青山")


def test_punctuation_separates_runs_that_must_all_occur(fts):
    assert found(fts, "市长，调研") == {0, 1}
    assert match_expression("！？。") is None
