"""The user's proper names (:data:`kg.extract.lexicon.USER_NAMES`): found wherever they are written.

One Aho-Corasick automaton over the names of the user's lexicons
(kg.extract.user_lexicon), built once a process. A name of fewer than
:data:`ANYWHERE` characters must fill whole words (the names are words of
the segmenter's vocabulary too); a longer one is found inside words. A span
a rule found stays the rule's (its mention carries what the rule read: a
person's title chain); a longer user name wins over a shorter rule mention
in :func:`kg.extract.recognise.settle`, and the people finder takes a user's
person name whole (王大明|来到, not 王大|明来到).
"""
from __future__ import annotations

import functools

from kg.extract import lexicon as L
from kg.extract.recognise.matcher import Matcher
from kg.model import Mention

RULE = "lexicon"
ANYWHERE = 4


@functools.lru_cache(maxsize=1)
def _automaton():
    if not L.USER_NAMES:
        return None
    return Matcher({name: (etype, name) for etype, names in L.USER_NAMES.items() for name in names})


def user_names(scan) -> list[Mention]:
    """Every user name in the sentence that respects word edges (or is long enough not to need them)."""
    automaton = _automaton()
    if automaton is None:
        return []
    out = []
    found = {(m.start, m.end) for m in scan.found}
    for end, (etype, name) in automaton.iter(scan.text):
        start = end + 1 - len(name)
        if (start, end + 1) in found:
            continue          # a rule found it, with what it read (a person's title chain): theirs stands
        if len(name) < ANYWHERE and not (start in scan.bounds and end + 1 in scan.bounds):
            continue
        out.append(Mention(start, end + 1, name, etype, RULE, name=name))
    return out
