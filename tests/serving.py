"""A real `kg serve` started for a test, and plain HTTP to it (tests/store/test_sparql*, tests/explore)."""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

from real_parts import ROOT


class Endpoint:
    """A running `kg serve`; .url is the /sparql address."""

    def __init__(self, source, *args: str):
        cmd = [sys.executable, "-m", "kg", "serve", str(source), "--port", "0",
               "--quiet", *args]
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
        self.log: list[str] = []
        deadline = time.monotonic() + 60
        self.url = None
        while time.monotonic() < deadline and self.url is None:
            if self.proc.poll() is not None:
                raise RuntimeError("kg serve exited: " + "".join(self.log) + self.proc.stderr.read())
            ready, _, _ = select.select([self.proc.stderr], [], [], 0.5)
            if ready:
                line = self.proc.stderr.readline()
                self.log.append(line)
                if line.startswith("SPARQL endpoint: "):
                    self.url = line.split()[2]
        if self.url is None:
            self.proc.kill()
            raise RuntimeError("kg serve did not start: " + "".join(self.log))
        self.base = self.url[: -len("/sparql")]

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return -9
        return self.proc.returncode


def http(method: str, url: str, body: bytes | None = None, headers: dict | None = None,
         timeout: float = 60):
    """(status, headers, body bytes) of one request; HTTP errors are returned, not raised."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()
