"""The SPARQL engine behind `kg serve`: an `oxigraph serve-read-only` child process, supervised.

:class:`Engine` starts the Oxigraph server on a private loopback port and
watches it: when it dies (a query that overflowed its stack, a panic) or
grows past the memory limit (timed-out heavy queries leave it larger), it
is started again on a fresh port and the event is logged. While it is
down the front answers 503 with ``Retry-After``.

>>> Engine.rss_bytes(-1) is None
True
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import threading
import time
from pathlib import Path

START_SECONDS = 30
WATCH_SECONDS = 0.5
MAX_THREADS = 4000        # the engine is replaced above this many threads


class BackendError(RuntimeError):
    """The Oxigraph server could not be started."""


def oxigraph_binary() -> str:
    """Path of the `oxigraph` executable installed with the `oxigraph` package.

    Looked up where pip put it (the package's own file list), beside this
    interpreter, then on PATH.
    """
    from importlib import metadata

    candidates = [Path(sys.executable).parent / "oxigraph", Path(sysconfig.get_path("scripts")) / "oxigraph"]
    try:
        dist = metadata.distribution("oxigraph")
        candidates += [Path(dist.locate_file(f)) for f in dist.files or () if f.name == "oxigraph"]
    except metadata.PackageNotFoundError:
        pass
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return str(c.resolve())
    found = shutil.which("oxigraph")
    if not found:
        raise BackendError("the `oxigraph` server binary is missing: pip install oxigraph")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def start_backend(store: str, timeout: float) -> tuple[subprocess.Popen, int]:
    """Start `oxigraph serve-read-only` on a free loopback port; wait until it answers."""
    port = free_port()
    cmd = [oxigraph_binary(), "serve-read-only", "--location", str(store),
           "--bind", f"127.0.0.1:{port}", "--timeout-s", str(max(1, int(timeout + 0.999)))]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace").strip().splitlines()
            raise BackendError(f"{store}: oxigraph server exited: {err[-1] if err else proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise BackendError(f"{store}: oxigraph server did not start within {START_SECONDS} s")


def stop_backend(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Engine:
    """The supervised Oxigraph server; `port` and `generation` change when it is replaced.

    Replacing is done without dropping a query: a new engine is started,
    new queries go to it (:meth:`use`), and the old one is stopped once the
    queries it is answering are done (or after the query deadline). Reasons
    to replace it: it died (then at once), its resident memory passed
    `max_memory`, or it holds more than :data:`MAX_THREADS` threads (the
    Oxigraph server keeps a sleeping thread per query for its timeout, so a
    long run of fast queries would exhaust the threads a process may have).
    """

    def __init__(self, store: str, timeout: float, max_memory: int, log=None):
        self.store, self.timeout, self.max_memory = store, timeout, max_memory
        self.log = log or (lambda msg: sys.stderr.write(f"kg serve: {msg}\n"))
        self.lock = threading.Lock()
        self.generation = 0
        self.restarts = 0
        self.in_flight: dict[int, int] = {0: 0}
        self.proc, self.port = start_backend(store, timeout)
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="kg-engine-watch", daemon=True)
        self._watcher.start()

    @staticmethod
    def proc_status(pid: int, field: str) -> int | None:
        """A number of /proc/PID/status (Linux): VmRSS in bytes, Threads as a count; None if unknown."""
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith(field + ":"):
                        value = int(line.split()[1])
                        return value * 1024 if line.rstrip().endswith("kB") else value
        except (OSError, ValueError):
            return None
        return None

    @classmethod
    def rss_bytes(cls, pid: int) -> int | None:
        return cls.proc_status(pid, "VmRSS")

    def alive(self) -> bool:
        return self.proc.poll() is None

    @contextlib.contextmanager
    def use(self):
        """(port, generation) of the engine a query goes to, counted as in flight until it is answered."""
        with self.lock:
            gen, port = self.generation, self.port
            self.in_flight[gen] = self.in_flight.get(gen, 0) + 1
        try:
            yield port, gen
        finally:
            with self.lock:
                self.in_flight[gen] -= 1

    def restart(self, why: str, only_if_dead: bool = False) -> None:
        """Replace the engine; `only_if_dead`: unless it runs (another thread replaced it already)."""
        with self.lock:
            if only_if_dead and self.proc.poll() is None:
                return
            old, old_gen = self.proc, self.generation
            self.log(f"SPARQL engine {why}; starting a new one")
            try:
                self.proc, self.port = start_backend(self.store, self.timeout)
            except BackendError as exc:
                self.log(f"SPARQL engine could not be started again: {exc}")
                return
            self.generation += 1
            self.in_flight[self.generation] = 0
            self.restarts += 1
        threading.Thread(target=self._retire, args=(old, old_gen), daemon=True).start()

    def _retire(self, proc: subprocess.Popen, gen: int) -> None:
        """Stop an engine that was replaced, once its queries are answered (at most the deadline later)."""
        deadline = time.monotonic() + self.timeout + 5
        while proc.poll() is None and time.monotonic() < deadline and self.in_flight.get(gen, 0) > 0:
            time.sleep(0.05)
        stop_backend(proc)
        with self.lock:
            self.in_flight.pop(gen, None)

    def _watch(self) -> None:
        while not self._stop.wait(WATCH_SECONDS):
            pid = self.proc.pid
            if self.proc.poll() is not None:
                self.restart(f"died (exit status {self.proc.returncode})", only_if_dead=True)
            elif self.max_memory and (rss := self.rss_bytes(pid) or 0) > self.max_memory:
                self.restart(f"used {rss >> 20} MiB, above the limit of {self.max_memory >> 20} MiB")
            elif (threads := self.proc_status(pid, "Threads") or 0) > MAX_THREADS:
                self.restart(f"holds {threads} threads (one per recent query)")

    def stop(self) -> None:
        self._stop.set()
        self._watcher.join(timeout=2)
        with self.lock:
            stop_backend(self.proc)
