"""Shared helpers of the input-side and CLI tests: run the installed `kg`, find the pages.

The CLI is run as a real subprocess (the venv's console script), with the
locale forced to C so that nothing depends on the machine's locale.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_PAGE = SHARED / "corpus" / "seed-page.txt"
SEED_GOLD = SHARED / "gold" / "seed-page.json"
SCORE_PY = SHARED / "eval" / "score.py"
EXAMPLE_PAGES = sorted((ROOT / "examples" / "pages").glob("*.txt"))
GBK_PAGE = ROOT / "examples" / "pages-gbk" / "2023-12-05-changde-01.txt"


def kg_exe() -> str:
    venv = ROOT / ".venv" / "bin" / "kg"
    if venv.exists():
        return str(venv)
    found = shutil.which("kg")
    if not found:
        raise RuntimeError("no kg executable: run .venv/bin/pip install -e . -q")
    return found


def c_locale_env(**extra: str) -> dict:
    """The environment with LANG=C / LC_ALL=C: encodings must come from the bytes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIOENCODING"))}
    env.update(LANG="C", LC_ALL="C")
    env.update(extra)
    return env


def run_kg(*args, input: bytes | None = None, cwd=None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `kg ARGS` under the C locale; stdout/stderr as bytes."""
    return subprocess.run([kg_exe(), *map(str, args)], input=input, capture_output=True,
                          env=c_locale_env(), cwd=cwd, timeout=timeout)


def error_lines(res) -> list[str]:
    """The non-empty lines a run wrote to standard error."""
    return [line for line in res.stderr.decode("utf-8").splitlines() if line.strip()]


def records_of(stdout: bytes) -> list[dict]:
    """Parse JSONL output; every non-empty line must be a JSON object with a kind."""
    out = []
    for line in stdout.decode("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            assert isinstance(rec, dict) and rec.get("kind") in ("article", "entity", "triple"), line
            out.append(rec)
    return out


def gold_of(page: Path) -> dict:
    """The gold annotation beside an example page (same stem in examples/gold/)."""
    return json.loads((ROOT / "examples" / "gold" / (page.stem + ".json")).read_text(encoding="utf-8"))


def example_params() -> list[tuple[Path, str, str | None]]:
    """(page, city, date) for the seed page and every example page."""
    out = [(SEED_PAGE, "沧州市", "2021-11-26")] if SEED_PAGE.exists() else []
    for p in EXAMPLE_PAGES:
        out.append((p, gold_of(p)["city"], None))
    return out


def score_py(gold: Path, pred: Path) -> dict:
    """The shared scorer's --json result."""
    res = subprocess.run([sys.executable, str(SCORE_PY), str(gold), str(pred), "--json"],
                         capture_output=True, check=True)
    return json.loads(res.stdout)


CONTINUATION = re.compile(r"[（(]\s*(?:下转|上接|转|接)\s*第?\s*[一二三四五六七八九十百\d]+\s*版\s*[)）]")


def strip_artefacts(s: str) -> str:
    """A source slice without what cleaning removes: white space and continuation marks."""
    return re.sub(r"\s+", "", CONTINUATION.sub("", s))


def is_subsequence(needle: str, hay: str) -> bool:
    """True when the characters of `needle` occur in `hay` in order (gaps allowed)."""
    it = iter(hay)
    return all(ch in it for ch in needle)


_extracted: dict = {}
_tmp: dict = {}


def extracted_file(page: Path, city: str, date: str | None = None) -> Path:
    """`kg extract PAGE --city CITY [--date DATE] --format jsonl -o OUT`, run once per session.

    The test modules of offsets, evaluation and quality share these runs.
    """
    import atexit
    import tempfile

    key = (str(page), city, date)
    if key not in _extracted:
        if "dir" not in _tmp:
            _tmp["dir"] = Path(tempfile.mkdtemp(prefix="kg-test-"))
            atexit.register(shutil.rmtree, _tmp["dir"], True)
        out = _tmp["dir"] / f"{len(_extracted)}-{page.stem}.jsonl"
        args = ["extract", page, "--city", city, "--format", "jsonl", "-o", out]
        if date:
            args += ["--date", date]
        res = run_kg(*args)
        assert res.returncode == 0, res.stderr.decode()
        _extracted[key] = out
    return _extracted[key]
