"""Helpers for tests that need real parts: Debian's chromium, the seed page, `kg build`.

A real part that cannot be had skips the test, except under CI=true where the
test fails: CI must never go green without the part.
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED_PAGE = ROOT.parent / "shared" / "corpus" / "seed-page.txt"
SEED_ARGS = ["--date", "2021-11-26", "--city", "沧州市"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def missing(reason: str) -> None:
    """Skip for want of a real part; fail instead under CI."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@contextlib.contextmanager
def chromium():
    """Debian's chromium launched through Playwright (its own browser download is impossible here)."""
    if not os.path.exists(CHROMIUM):
        missing(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def kg_build(out: Path, *args: str) -> Path:
    """Run the real `kg build ARGS --out OUT` and return OUT."""
    run = subprocess.run([sys.executable, "-m", "kg", "build", *args, "--out", str(out)],
                         capture_output=True, text=True, timeout=900, cwd=ROOT,
                         env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr[-2000:]
    return out


def file_size_limit(limit: int):
    """A preexec_fn: files may grow to `limit` bytes, then write() fails with EFBIG, as on a full disk."""
    import resource
    import signal

    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # write() fails instead of the process being killed
    return apply
