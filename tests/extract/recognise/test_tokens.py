"""kg.extract.recognise.tokens: rjieba cuts and tags exactly as jieba does with our vocabulary.

jieba itself is the reference here (it is installed: its dict.txt is the
dictionary). The texts are invented sentences and the bundled example pages.
"""
from __future__ import annotations

import logging

import pytest
from real_parts import ROOT

from kg.extract.recognise import tokens

SENTENCES = [
    "3月5日，市委书记王某某到青禾新材料科技有限公司调研，副市长李某陪同。",
    "会议审议通过了《关于加快推进乡村振兴的实施意见》（以下简称《意见》）。",
    "区长张某一行先后来到某某镇东湖村、西岭社区，实地察看步道建设情况。",
    "详见www.example.gov.cn/2024-03-05/info_123.html或拨打0311-12345678，增长3.5%。",
    "从市发展和改革委员会获悉，于2024-2025年实施A级景区提升计划。",
    "本报讯（记者 赵某 通讯员 钱某）近日，县人大常委会主任孙某主持召开座谈会。",
]


@pytest.fixture(scope="module")
def jieba_dt():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    dt = jieba.Tokenizer()
    dt.initialize()
    for w in tokens.vocabulary_words():
        dt.add_word(w, freq=None)
    return dt


def texts() -> list[str]:
    lines = list(SENTENCES)
    for page in sorted((ROOT / "examples" / "pages").glob("*.txt")):
        lines += page.read_text(encoding="utf-8").splitlines()
    return [t for t in lines if t.strip()]


def test_cuts_equal_jieba_lcut(jieba_dt):
    differ = [(t, jieba_dt.lcut(t), tokens.cut(t)) for t in texts() if jieba_dt.lcut(t) != tokens.cut(t)]
    assert differ == []


def test_short_cuts_come_from_the_cache_and_equal_the_long_path():
    t = "副市长到会"
    assert tokens.cut(t) == tokens._cut(t) == ["副市长", "到", "会"]
    assert tokens._cut_short.cache_info().currsize >= 1


def test_tags_equal_jiebas_dictionary_tags(jieba_dt):
    import jieba.posseg

    table = jieba.posseg.POSTokenizer(jieba_dt).word_tag_tab
    words = {w for t in texts() for w in jieba_dt.lcut(t)} | {w[:2] for w in tokens.vocabulary_words()}
    words |= {"副市长", "调研", "青禾", "", "有限公司", tokens.BALANCE_WORD}
    assert {w: tokens.tags().get(w) for w in words} == {w: table.get(w) for w in words}


def test_glued_prefixes_are_jiebas_words_and_prefixes(jieba_dt):
    expected = {w for w in jieba_dt.FREQ if len(w) == 2 and w[0] in tokens.GLUE_CHARS}
    assert tokens.vocabulary().glued == expected
    assert tokens.glued_prefix("在于") and not tokens.glued_prefix("到华")


def test_nt_ns_words_are_those_of_the_dictionary(jieba_dt):
    import jieba.posseg

    table = jieba.posseg.POSTokenizer(jieba_dt).word_tag_tab
    expected = {w: t for w, t in table.items() if t in ("nt", "ns") and len(w) >= 2}
    assert tokens.dictionary_nt_ns() == expected


def test_jieba_is_not_imported_to_cut():
    import subprocess
    import sys

    code = "import sys; from kg.extract.recognise.tokens import cut, tags; cut('市长到会'); tags().get('市长'); " \
           "print('jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "False"
