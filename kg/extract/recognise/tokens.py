"""Word segmentation: jieba's dictionary and algorithm, cut by rjieba, with our vocabulary added.

Word boundaries decide where a name may start; the POS tags of jieba's own
dictionary (looked up, not computed: tagging is several times slower than
cutting) tell a preposition or verb from a name part.

Cutting is done by rjieba (jieba-rs: the same dictionary, the same
algorithm, compiled), which loads in a tenth of jieba's time. Its cuts are
made to equal ``jieba.lcut``'s:

- our words (titles, body stems, suffixes, visit verbs) get the frequencies
  ``jieba.add_word`` would give them, and a balance word that no text can
  contain brings the dictionary's total to jieba's (jieba adds a re-added
  word's frequency to the total without taking the old one off);
- a run of letters, digits and ``-._`` that is no dictionary word is split as
  jieba's HMM fallback splits it (``2024-03-05`` -> ``2024 - 03 - 05``).

The frequencies, the dictionary words whose tag a cut does not show, and the
nt/ns words of the dictionary are read from jieba's ``dict.txt`` once and
kept in the table cache (:mod:`kg.extract.cache`); ``jieba`` itself is never
imported.
"""
from __future__ import annotations

import functools
import importlib.util
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from kg.extract import lexicon
from kg.extract.cache import persistent

# the tags of proper names (places, people, other proper nouns, bodies); None: a word jieba does not know
PROPER_TAGS = frozenset({"ns", "nr", "nz", "nt", "nrt", "nrfg", None})
SHORT_TEXT = 16          # the length up to which cuts are cached: name cores, body stems
BALANCE_WORD = "\U000f0000"    # a private-use character: never in a text jieba cuts (not Han, not ASCII)
GLUE_CHARS = "从在由经将把与和及到对给让被于赴为向了"   # prepositions, conjunctions (and 了 after a verb) jieba may glue to a name
# jieba's HMM fallback splits a non-dictionary run of these at every character that is not a letter or digit
ASCII_RUN = re.compile(r"[A-Za-z0-9+#&._%\-]*[+#&._%\-][A-Za-z0-9+#&._%\-]*")
JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
TAG_MEMO = 1 << 18       # tag lookups remembered before the memo starts afresh


@dataclass(frozen=True)
class Vocabulary:
    """What the tokenizer needs beyond rjieba's own dictionary (built once, kept in the cache)."""
    words: tuple[tuple[str, int], ...]      # our words with jieba's add_word frequencies, in order
    balance: int                            # the balance word's frequency
    odd_tags: dict[str, str]                # dictionary words whose own cut does not show their tag
    nt_ns: dict[str, str]                   # dictionary words of two or more characters tagged nt or ns
    glued: frozenset[str]                   # two-character words or prefixes that begin with GLUE_CHARS


def vocabulary_words() -> list[str]:
    """The words added to the dictionary, in the order they are added."""
    words = [*lexicon.TITLES, *lexicon.BODY_STEMS, *lexicon.ORG_SUFFIXES,
             *lexicon.ENTERPRISE_SUFFIXES, *lexicon.PLACE_SUFFIXES, *lexicon.VISIT_VERBS,
             *(name for names in lexicon.USER_NAMES.values() for name in names)]
    return [w for w in words if len(w) >= 2]


def jieba_dictionary() -> Path:
    """jieba's dict.txt, found without importing jieba (its import loads the HMM tables)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed: its dictionary is the segmenter's")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


@functools.lru_cache(maxsize=1)
def tokenizer():
    """rjieba's Jieba with our vocabulary, cutting as ``jieba.lcut`` does."""
    import rjieba

    vocab = vocabulary()
    for word, freq in vocab.words:
        rjieba.add_word(word, freq, None)
    rjieba.add_word(BALANCE_WORD, vocab.balance, None)
    return rjieba


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return _vocabulary(str(jieba_dictionary()))


@persistent("vocabulary")
def _vocabulary(dictionary: str) -> Vocabulary:
    """Read dict.txt; give our words jieba's frequencies; find the tags a cut does not show."""
    import rjieba

    freq, tag, total = {}, {}, 0
    with open(dictionary, encoding="utf-8") as fh:
        for line in fh:
            word, f, t = line.split(" ")
            freq[word] = int(f)
            tag[word] = t.rstrip("\n")
            total += int(f)
    for word in list(freq):
        _add_prefixes(freq, word)
    rj = rjieba.Jieba()
    rs_total, words = total, []
    for word in vocabulary_words():
        f = _suggest_freq(rj, freq, total, word)      # jieba.add_word(word, freq=None)
        rs_total += f - (freq.get(word) or 0) if rj.has_word(word) else f
        rj.add_word(word, f, None)
        freq[word], total = f, total + f
        _add_prefixes(freq, word)
        rj.add_word(BALANCE_WORD, total - rs_total, None)   # rjieba's total follows jieba's
        words.append((word, f))
    odd = {w: t for w, t in tag.items() if rj.tag(w, False) != [(w, t)]}
    nt_ns = {w: t for w, t in tag.items() if t in ("nt", "ns") and len(w) >= 2}
    glued = frozenset(w for w in freq if len(w) == 2 and w[0] in GLUE_CHARS)
    return Vocabulary(tuple(words), total - rs_total, odd, nt_ns, glued)


def _add_prefixes(freq: dict[str, int], word: str) -> None:
    """jieba's prefix entries: each start of a word is in FREQ (0 if no word), so a cut may go on."""
    for i in range(1, len(word)):
        freq.setdefault(word[:i], 0)


def _suggest_freq(rj, freq: dict[str, int], total: int, word: str) -> int:
    """jieba's ``suggest_freq(word, tune=False)``, float for float."""
    p = 1.0
    for seg in rj.cut(word, False):
        p *= freq.get(seg, 1) / float(total)
    return max(int(p * total) + 1, freq.get(word, 1))


class Tags:
    """jieba's dictionary tag of a word, or None for a word the dictionary does not have.

    >>> tags().get("市长"), tags().get("调研"), tags().get("青禾区长")
    ('n', 'vn', None)
    """

    def __init__(self, jieba, odd_tags: dict[str, str]):
        self._jieba, self._odd = jieba, odd_tags
        self._memo: dict[str, str | None] = {}

    def get(self, word: str, default: str | None = None) -> str | None:
        try:
            found = self._memo[word]
        except KeyError:
            found = self._look_up(word)
            if len(self._memo) >= TAG_MEMO:
                self._memo.clear()
            self._memo[word] = found
        return default if found is None else found

    def _look_up(self, word: str) -> str | None:
        if word in self._odd:
            return self._odd[word]
        if not word or not self._jieba.has_word(word):
            return None
        (_, tag), = self._jieba.tag(word, False)
        return tag or None                       # our own words have no tag, as in jieba


@functools.lru_cache(maxsize=1)
def tags() -> Tags:
    """jieba's dictionary POS tag of each word it knows (``tags().get(word)``)."""
    return Tags(tokenizer(), vocabulary().odd_tags)


def dictionary_nt_ns() -> dict[str, str]:
    """Words of two or more characters jieba's dictionary tags nt (organisations) or ns (places)."""
    return vocabulary().nt_ns


def glued_prefix(pair: str) -> bool:
    """Is this two-character string, beginning with a preposition, a word or the start of one?"""
    return pair in vocabulary().glued


def cut(text: str) -> list[str]:
    """jieba.lcut with our vocabulary (short texts, the stems and names rules ask about, from a cache).

    >>> cut("副市长到会")[:1]
    ['副市长']
    >>> cut("于2024-03-05发布")
    ['于', '2024', '-', '03', '-', '05', '发布']
    """
    if len(text) <= SHORT_TEXT:
        return list(_cut_short(text))
    return _cut(text)


@functools.lru_cache(maxsize=1 << 16)
def _cut_short(text: str) -> tuple[str, ...]:
    return tuple(_cut(text))


def _cut(text: str) -> list[str]:
    tokens = tokenizer().cut(text)
    if ASCII_RUN.search(text) is None:
        return tokens
    return [piece for tok in tokens for piece in _jieba_split(tok)]


def _jieba_split(tok: str) -> list[str]:
    """jieba's split of a token rjieba keeps whole: a run of letters, digits and ``-._`` no word."""
    if not ASCII_RUN.fullmatch(tok) or tokenizer().has_word(tok):
        return [tok]
    return [x for x in JIEBA_SKIP.split(tok) if x]


def token_starts(tokens: list[str]) -> list[int]:
    """Where each token starts in the text they cut.

    >>> token_starts(["副市长", "到", "会"])
    [0, 3, 4]
    """
    return list(itertools.accumulate(map(len, tokens[:-1]), initial=0)) if tokens else []

