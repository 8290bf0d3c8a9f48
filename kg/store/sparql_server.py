"""`kg serve`: a read-only SPARQL 1.1 endpoint over an Oxigraph store.

The SPARQL Protocol itself (GET/POST query forms, query parsing and errors,
evaluation, content negotiation, result and RDF serialisers, the service
description) is the Oxigraph server (`oxigraph serve-read-only`, shipped as
a binary by the `oxigraph` PyPI package), run as a child process on a
private loopback port.  This module is a thin front in front of it that adds
what the Oxigraph server lacks:

- one public address (127.0.0.1 unless told otherwise) with `/sparql`,
  a query page at `/` with the queries/*.rq examples preloaded;
- a hard per-query deadline (Oxigraph's own `--timeout-s` is also set but
  only checked now and then, and once results stream it can only append an
  error to a 200 body): past the deadline the client gets 503;
- a result-size limit (the answer is buffered up to it, so a client never
  gets a cut-off document): larger answers get 413;
- writes refused with 403 here already (SPARQL Update, Graph Store
  PUT/POST/DELETE), on top of the read-only backend;
- CORS for the origins given, and a clean stop on SIGTERM.

>>> config = ServeConfig(store="/tmp/none", port=0)
>>> config.host
'127.0.0.1'
"""
from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.resources import queries
from kg.store.sparql_page import render_query_page

MAX_REQUEST_BYTES = 1 << 20
CANCELLED_MARK = b"The SPARQL operation has been cancelled"   # what Oxigraph appends on timeout
UPDATE_TYPES = ("application/sparql-update",)
FORWARDED_HEADERS = ("Accept", "Content-Type")


@dataclass
class ServeConfig:
    store: str
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0                       # seconds per query
    max_result_bytes: int = 64 << 20            # largest answer sent
    cors_origins: tuple[str, ...] = ()          # ("*",) for any origin
    queries_dir: str | None = None              # example queries for the page (None: the shipped ones)
    quiet: bool = False


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
    deadline = time.monotonic() + 30
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
    raise BackendError(f"{store}: oxigraph server did not start within 30 s")


def stop_backend(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class FrontServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, config: ServeConfig, backend_port: int, page: bytes):
        self.config = config
        self.backend_port = backend_port
        self.page = page
        self.local = threading.local()          # one keep-alive backend connection per thread
        super().__init__((config.host, config.port), FrontHandler)


class FrontHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FrontServer
    server_version = "kg-sparql"

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's
        # algorithm and the client's delayed ACK add ~40 ms to every answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    # ---- routing -------------------------------------------------------
    def do_GET(self):
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            return self.reply(200, self.server.page, "text/html; charset=utf-8")
        if path in ("/sparql", "/query"):
            return self.proxy(b"")
        if path in ("/update", "/store"):
            return self.refuse_write()
        self.reply_text(404, f"no such resource: {path}; the endpoint is /sparql")

    def do_POST(self):
        path = urlsplit(self.path).path
        body = self.read_body()
        if body is None:
            return
        if path in ("/sparql", "/query"):
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype in UPDATE_TYPES:
                return self.refuse_write()
            if ctype == "application/x-www-form-urlencoded":
                form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                if "update" in form:
                    return self.refuse_write()
            return self.proxy(body)
        if path in ("/update", "/store"):
            return self.refuse_write()
        self.reply_text(404, f"no such resource: {path}; the endpoint is /sparql")

    def do_PUT(self):
        self.read_body()
        self.refuse_write()

    do_DELETE = do_PATCH = do_PUT

    def do_OPTIONS(self):
        self.reply(204, b"", None, preflight=True)

    # ---- helpers -------------------------------------------------------
    def read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_REQUEST_BYTES:
            self.close_connection = True
            self.reply_text(413, f"request body must be 0..{MAX_REQUEST_BYTES} bytes")
            return None
        return self.rfile.read(length) if length else b""

    def refuse_write(self):
        self.reply_text(403, "this endpoint is read-only: SPARQL Update and Graph Store writes are refused")

    def reply_text(self, status: int, message: str):
        self.reply(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def reply(self, status: int, body: bytes, ctype: str | None, preflight: bool = False):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept, Origin")
        self.cors_headers(preflight)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def cors_headers(self, preflight: bool):
        origins = self.server.config.cors_origins
        origin = self.headers.get("Origin")
        if not origins or not origin:
            return
        if "*" in origins:
            self.send_header("Access-Control-Allow-Origin", "*")
        elif origin in origins:
            self.send_header("Access-Control-Allow-Origin", origin)
        else:
            return
        if preflight:
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Max-Age", "600")

    def log_message(self, fmt, *args):
        if not self.server.config.quiet:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    # ---- the proxy -----------------------------------------------------
    def backend(self, fresh: bool = False) -> http.client.HTTPConnection:
        local = self.server.local
        if fresh or getattr(local, "conn", None) is None:
            local.conn = http.client.HTTPConnection("127.0.0.1", self.server.backend_port)
        return local.conn

    def drop_backend(self):
        conn = getattr(self.server.local, "conn", None)
        if conn is not None:
            conn.close()
        self.server.local.conn = None

    def proxy(self, body: bytes):
        """Forward the query to Oxigraph; answer with its response, within time and size limits."""
        cfg = self.server.config
        deadline = time.monotonic() + cfg.timeout
        path = "/query" + (("?" + urlsplit(self.path).query) if urlsplit(self.path).query else "")
        headers = {h: self.headers[h] for h in FORWARDED_HEADERS if self.headers.get(h)}
        if body or self.command == "POST":
            headers["Content-Length"] = str(len(body))
        try:
            resp = self.send_to_backend(path, body, headers, deadline)
            chunks, size = [], 0
            while True:
                self.set_backend_timeout(deadline)
                chunk = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > cfg.max_result_bytes:
                    self.drop_backend()
                    return self.reply_text(413, f"result larger than the limit of {cfg.max_result_bytes} "
                                                "bytes: add a LIMIT or narrow the query")
                chunks.append(chunk)
        except (TimeoutError, socket.timeout):
            self.drop_backend()
            return self.reply_text(503, f"query timed out after {cfg.timeout:g} s")
        except (OSError, http.client.HTTPException) as exc:
            self.drop_backend()
            return self.reply_text(502, f"SPARQL backend failed: {exc}")
        data = b"".join(chunks)
        if resp.status == 200 and data.rstrip().endswith(CANCELLED_MARK):
            return self.reply_text(503, f"query timed out after {cfg.timeout:g} s")
        self.reply(resp.status, data, resp.getheader("Content-Type"))

    def set_backend_timeout(self, deadline: float):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        sock = self.server.local.conn.sock
        if sock is not None:
            sock.settimeout(remaining)

    def send_to_backend(self, path, body, headers, deadline):
        # A kept-alive connection may have been closed by the backend: retry once on a fresh one.
        for attempt in (0, 1):
            conn = self.backend(fresh=attempt == 1)
            try:
                if conn.sock is None:
                    conn.timeout = max(0.01, deadline - time.monotonic())
                    conn.connect()
                    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.set_backend_timeout(deadline)
                conn.request(self.command, path, body=body or None, headers=headers)
                return conn.getresponse()
            except (ConnectionError, http.client.RemoteDisconnected, http.client.CannotSendRequest):
                self.drop_backend()
                if attempt:
                    raise


def example_queries(queries_dir: str | None) -> list[dict]:
    """[{"name": "visits-of-official", "query": "..."}] from a folder of *.rq files, or the shipped ones."""
    if queries_dir is not None and not Path(queries_dir).is_dir():
        return []
    return [{"name": name, "query": text} for name, text in queries(".rq", queries_dir)]


def make_server(config: ServeConfig) -> tuple[FrontServer, subprocess.Popen]:
    """Start the backend and bind the front (not yet serving)."""
    proc, backend_port = start_backend(config.store, config.timeout)
    try:
        page = render_query_page(example_queries(config.queries_dir))
        server = FrontServer(config, backend_port, page)
    except BaseException:
        stop_backend(proc)
        raise
    return server, proc


def serve(config: ServeConfig, ready=None) -> None:
    """Serve until SIGTERM/SIGINT; then stop the backend. `ready(url)` is called once listening."""
    import signal

    server, proc = make_server(config)

    def stop(signum, frame):
        # shutdown() waits for serve_forever(), which runs in this thread: do it from another.
        threading.Thread(target=server.shutdown, daemon=True).start()

    old = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        host, port = server.server_address[:2]
        if ready:
            ready(f"http://{host}:{port}/sparql")
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        stop_backend(proc)
        for s, h in old.items():
            signal.signal(s, h)

