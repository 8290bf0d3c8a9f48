"""`kg serve`: a read-only SPARQL 1.1 endpoint over an Oxigraph store.

The SPARQL Protocol itself (query forms, parsing, evaluation, content
negotiation, serialisers) is the Oxigraph server, run as a supervised child
process on a private loopback port (:mod:`kg.store.sparql_engine`). This
module is the front every request meets; it adds what Oxigraph lacks:

- one public address (127.0.0.1 unless told otherwise) with `/sparql`, a
  query page at `/` (with a Content-Security-Policy), its own service
  description (Turtle, naming only the public address) and the explorer at
  `/explore` (:mod:`kg.explore.web`, over its SQLite index, not the engine);
- checks before the engine (:mod:`kg.store.sparql_guard`): query size and
  nesting depth (400), SERVICE refused unless ``--allow-service`` (400), the
  public address as base IRI;
- a hard per-query deadline (503), a result-size limit (the answer is
  buffered, so no client gets a cut-off 200 document: 413), an engine that
  died or grew past its memory limit started again (503 with Retry-After);
- writes refused with 403 (SPARQL Update, Graph Store PUT/POST/DELETE);
- HTTP hygiene: one Content-Length only, no chunked request bodies, read
  timeouts, a connection limit, a listen backlog, no traceback for a client
  that goes away; CORS only for the origins given; a clean stop on SIGTERM.

>>> config = ServeConfig(store="/tmp/none", port=0)
>>> config.host, config.allow_service
('127.0.0.1', False)
"""
from __future__ import annotations

import contextlib
import http.client
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from kg.explore.web import CSP as EXPLORE_CSP
from kg.explore.web import PREFIX as EXPLORE_PREFIX
from kg.explore.web import Explorer
from kg.resources import queries, sparql_parameters
from kg.store import sparql_guard as guard
from kg.store.sparql_engine import BackendError, Engine, stop_backend  # noqa: F401 - re-exported
from kg.store.sparql_page import content_security_policy, render_query_page

MAX_REQUEST_BYTES = 1 << 20
CANCELLED_MARK = b"The SPARQL operation has been cancelled"   # what Oxigraph appends on timeout
UPDATE_TYPES = ("application/sparql-update",)
FORWARDED_HEADERS = ("Accept", "Content-Type")
# without an Accept header (or with */*): JSON results, Turtle graphs (not Oxigraph's N-Quads)
DEFAULT_ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"
RETRY_AFTER = "2"
BACKLOG = 128

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
    max_query_bytes: int = 64 << 10             # longest query passed on (400 above)
    max_depth: int = 64                         # deepest nesting of { ( [ passed on (400 above)
    allow_service: bool = False                 # SERVICE (federation): outbound requests
    max_memory: int = 2 << 30                   # engine restarted above this resident size (0: no limit)
    read_timeout: float = 15.0                  # seconds a client may take to send its request
    max_connections: int = 64                   # open client connections (503 above)
    explore_index: str | None = None            # the explorer's SQLite index (kg.explore.index)
    explore_meta: dict | None = None            # its counts


class FrontServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = BACKLOG

    def __init__(self, config: ServeConfig, engine: Engine, page: bytes):
        self.config = config
        self.engine = engine
        self.page = page
        self.explorer = Explorer(config.explore_index, config.explore_meta)
        self.csp = content_security_policy()
        self.local = threading.local()          # one keep-alive engine connection per thread
        self.slots = threading.BoundedSemaphore(config.max_connections)
        super().__init__((config.host, config.port), FrontHandler)
        host, port = self.server_address[:2]
        self.public_url = f"http://{host}:{port}/sparql"

    def process_request(self, request, client_address):
        if not self.slots.acquire(blocking=False):      # too many connections: say so and hang up
            with contextlib.suppress(OSError):
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: " + RETRY_AFTER.encode()
                                + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request, client_address):
        """A client that goes away or stalls is no error of ours: one line at most, never a traceback."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError, socket.timeout)):
            return
        if not self.config.quiet:
            sys.stderr.write(f"kg serve: request from {client_address[0]} failed: {type(exc).__name__}: {exc}\n")


class FrontHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FrontServer
    server_version = "kg-sparql"

    def setup(self):
        self.timeout = self.server.config.read_timeout     # StreamRequestHandler sets it on the socket
        super().setup()
        # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's
        # algorithm and the client's delayed ACK add ~40 ms to every answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    # ---- routing -------------------------------------------------------
    def do_GET(self):
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            return self.reply(200, self.server.page, "text/html; charset=utf-8", csp=self.server.csp)
        if path == EXPLORE_PREFIX or path.startswith(EXPLORE_PREFIX + "/"):
            status, body, ctype = self.server.explorer.answer(path, urlsplit(self.path).query)
            return self.reply(status, body, ctype, csp=EXPLORE_CSP if ctype.startswith("text/html") else None)
        if path in ("/sparql", "/query"):
            return self.query(b"")
        if path in ("/update", "/store"):
            return self.refuse_write()
        self.reply_text(404, f"no such resource: {path}; the endpoint is /sparql")

    def do_POST(self):
        path = urlsplit(self.path).path
        body = self.read_body()
        if body is None:
            return
        if path in ("/sparql", "/query"):
            ctype = self.content_type()
            if ctype in UPDATE_TYPES:
                return self.refuse_write()
            if ctype not in (guard.FORM, guard.DIRECT):     # a form with update= is refused by the guard
                return self.reply_text(415, f"a query is POSTed as {guard.FORM} or {guard.DIRECT}, "
                                            f"not {ctype or 'without a Content-Type'}")
            return self.query(body)
        if path in ("/update", "/store"):
            return self.refuse_write()
        self.reply_text(404, f"no such resource: {path}; the endpoint is /sparql")

    def do_PUT(self):
        if self.read_body() is not None:
            self.refuse_write()

    do_DELETE = do_PATCH = do_PUT

    def do_OPTIONS(self):
        self.reply(204, b"", None, preflight=True)

    # ---- helpers -------------------------------------------------------
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def read_body(self) -> bytes | None:
        """The request body (at most MAX_REQUEST_BYTES, one Content-Length, no Transfer-Encoding), else None."""
        lengths = self.headers.get_all("Content-Length") or []
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            self.reply_text(501, "Transfer-Encoding in a request is not supported: send a Content-Length")
            return None
        if len(lengths) > 1:
            self.close_connection = True
            self.reply_text(400, "more than one Content-Length header")
            return None
        try:
            length = int(lengths[0]) if lengths else 0
        except ValueError:
            length = -1
        if length < 0 or length > MAX_REQUEST_BYTES:
            self.close_connection = True
            self.reply_text(413, f"request body must be 0..{MAX_REQUEST_BYTES} bytes")
            return None
        return self.rfile.read(length) if length else b""

    def refuse_write(self):
        self.reply_text(403, "this endpoint is read-only: SPARQL Update and Graph Store writes are refused")

    def reply_text(self, status: int, message: str, retry: bool = False):
        self.reply(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", retry=retry)

    def reply(self, status: int, body: bytes, ctype: str | None, preflight: bool = False, csp: str | None = None,
              retry: bool = False):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept, Origin")
        if csp:
            self.send_header("Content-Security-Policy", csp)
            self.send_header("X-Frame-Options", "DENY")
        if retry:
            self.send_header("Retry-After", RETRY_AFTER)
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

    # ---- the query -----------------------------------------------------
    def query(self, body: bytes):
        """Check the query, give it the public base IRI, and pass it to the engine."""
        cfg, url = self.server.config, urlsplit(self.path)
        try:
            text = guard.request_query(self.command, url.query, self.content_type(), body)
            if text is None:
                return self.service_description()
            guard.check_query(text, max_bytes=cfg.max_query_bytes, max_depth=cfg.max_depth,
                              allow_service=cfg.allow_service)
        except guard.Refused as exc:
            return self.refuse_write() if exc.status == 403 else self.reply_text(exc.status, str(exc))
        url_query, body = guard.rewrite(self.command, url.query, self.content_type(), body,
                                        guard.with_base(text, self.server.public_url))
        self.proxy("/query" + ("?" + url_query if url_query else ""), body)

    def service_description(self):
        from kg.store.sparql_describe import service_description

        self.reply(200, service_description(self.server.public_url, self.server.config.allow_service),
                   "text/turtle; charset=utf-8")

    # ---- the proxy -----------------------------------------------------
    def backend(self, port: int, generation: int, fresh: bool = False) -> http.client.HTTPConnection:
        local = self.server.local
        if fresh or getattr(local, "conn", None) is None or local.generation != generation:
            self.drop_backend()
            local.conn = http.client.HTTPConnection("127.0.0.1", port)
            local.generation = generation
        return local.conn

    def drop_backend(self):
        conn = getattr(self.server.local, "conn", None)
        if conn is not None:
            conn.close()
        self.server.local.conn = None

    def proxy(self, path: str, body: bytes):
        """Forward the query to Oxigraph; answer with its response, within time and size limits."""
        cfg = self.server.config
        deadline = time.monotonic() + cfg.timeout
        headers = {h: self.headers[h] for h in FORWARDED_HEADERS if self.headers.get(h)}
        if headers.get("Accept", "*/*").strip() in ("*/*", ""):
            headers["Accept"] = DEFAULT_ACCEPT
        if body or self.command == "POST":
            headers["Content-Length"] = str(len(body))
        with self.server.engine.use() as (port, generation):
            self.forward(path, body, headers, deadline, port, generation)

    def forward(self, path, body, headers, deadline, port, generation):
        cfg = self.server.config
        try:
            resp = self.send_to_backend(path, body, headers, deadline, port, generation)
            chunks, size = [], 0
            while True:
                self.set_backend_timeout(deadline)
                chunk = resp.read(65536)     # read(), not read1(): it marks the response done at its end
                if not chunk:
                    break
                size += len(chunk)
                if size > cfg.max_result_bytes:
                    self.drop_backend()
                    return self.reply_text(413, f"result larger than the limit of {cfg.max_result_bytes} "
                                                "bytes: add a LIMIT or narrow the query")
                chunks.append(chunk)
        except TimeoutError:
            self.drop_backend()
            return self.reply_text(503, f"query timed out after {cfg.timeout:g} s")
        except (OSError, http.client.HTTPException) as exc:
            self.drop_backend()
            engine = self.server.engine
            if generation != engine.generation or not engine.alive():
                if engine.generation == generation:
                    threading.Thread(target=engine.restart, args=("died",), kwargs={"only_if_dead": True},
                                     daemon=True).start()
                return self.reply_text(503, "the SPARQL engine stopped and is being restarted: retry shortly",
                                       retry=True)
            return self.reply_text(502, f"SPARQL engine failed: {exc}")
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

    def send_to_backend(self, path, body, headers, deadline, port, generation):
        # A kept-alive connection may have been closed by the backend: retry once on a fresh one.
        for attempt in (0, 1):
            conn = self.backend(port, generation, fresh=attempt == 1)
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
    """[{"name": "visits-of-official", "query": "...", "params": ["officialName"]}] from a folder of
    *.rq files, or the shipped ones (params: the ``# Params:`` line, kg.resources.sparql_parameters)."""
    if queries_dir is not None and not Path(queries_dir).is_dir():
        return []
    return [{"name": name, "query": text, "params": sparql_parameters(text)}
            for name, text in queries(".rq", queries_dir)]


def make_server(config: ServeConfig) -> tuple[FrontServer, Engine]:
    """Start the engine and bind the front (not yet serving)."""
    engine = Engine(config.store, config.timeout, config.max_memory)
    try:
        page = render_query_page(example_queries(config.queries_dir))
        server = FrontServer(config, engine, page)
    except BaseException:
        engine.stop()
        raise
    return server, engine


def serve(config: ServeConfig, ready=None) -> None:
    """Serve until SIGTERM/SIGINT; then stop the engine. `ready(url)` is called once listening."""
    import signal

    server, engine = make_server(config)

    def stop(signum, frame):
        # shutdown() waits for serve_forever(), which runs in this thread: do it from another.
        threading.Thread(target=server.shutdown, daemon=True).start()

    old = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        if ready:
            ready(server.public_url)
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        engine.stop()
        for s, h in old.items():
            signal.signal(s, h)
