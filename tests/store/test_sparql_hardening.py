"""Attacks and faults on the SPARQL endpoint, each reproduced over real HTTP (issue: hardening).

The front runs in this process on a real Oxigraph engine (make_server), so
a test can kill the engine, shrink the limits or watch a port that SERVICE
must not reach.
"""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

import pytest

from kg.store.rdf_store import load_into_store
from kg.store.sparql_engine import Engine
from kg.store.sparql_server import ServeConfig, make_server
from test_sparql_support import FIXTURE, Endpoint, get_query, post_direct
from test_sparql_support import http as request

DEEP = "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o " + "} " * 5000


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "s"
    load_into_store([str(FIXTURE)], str(path))
    return str(path)


@pytest.fixture
def front(store):
    running = []

    def start(**kw):
        server, engine = make_server(ServeConfig(store=store, port=0, quiet=True, **kw))
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        running.append((server, engine))
        return server

    yield start
    for server, engine in running:
        server.shutdown()
        server.server_close()
        engine.stop()


def ask(url):
    return get_query(url, "ASK { ?s ?p ?o }")


def test_a_deeply_nested_query_is_refused_before_the_engine_and_the_engine_lives(front):
    server = front()
    status, _, body = post_direct(server.public_url, DEEP)
    assert status == 400 and b"nested 5000 deep" in body
    assert server.engine.alive() and ask(server.public_url)[0] == 200
    status, _, body = post_direct(server.public_url, "SELECT * WHERE { ?s ?p '" + "x" * 70000 + "' }")
    assert status == 400 and b"at most 65536" in body


def test_a_dead_engine_is_restarted_and_answers_503_with_retry_after_meanwhile(front):
    server = front()
    engine = server.engine
    before = engine.generation
    os.kill(engine.proc.pid, signal.SIGKILL)
    engine.proc.wait()
    status, headers, body = ask(server.public_url)
    assert status in (200, 503)
    if status == 503:
        assert headers["Retry-After"] and b"restarted" in body
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (engine.generation > before and ask(server.public_url)[0] == 200):
        time.sleep(0.2)
    assert engine.generation > before and ask(server.public_url)[0] == 200


def test_an_engine_above_its_memory_limit_is_restarted(store):
    logged = []
    engine = Engine(store, 5, max_memory=1 << 20, log=logged.append)     # 1 MiB: always above
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and engine.restarts == 0:
            time.sleep(0.1)
        assert engine.restarts >= 1 and any("above the limit of 1 MiB" in m for m in logged)
    finally:
        engine.stop()
    assert not engine.alive()


def test_service_is_refused_and_nothing_is_contacted(front):
    server = front()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.0)
    port = listener.getsockname()[1]
    query = f"SELECT ?x WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?x ?p ?o }} }}"
    status, _, body = post_direct(server.public_url, query)
    assert status == 400 and b"SERVICE" in body
    with pytest.raises(socket.timeout):
        listener.accept()
    listener.close()
    # a literal that mentions SERVICE is no federation
    assert post_direct(server.public_url, "ASK { ?s ?p 'SERVICE <http://x/>' }")[0] == 200


def test_ask_then_other_queries_on_one_kept_alive_connection(front):
    server = front()
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    for q in ["ASK { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"] * 10:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": q}),
                     headers={"Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        assert resp.status == 200, resp.read()
        json.loads(resp.read())
    conn.close()


def raw(server, data: bytes, wait: float = 5.0) -> bytes:
    """Send raw bytes on a fresh connection; return everything the server answers before closing."""
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=wait) as s:
        s.sendall(data)
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
        except socket.timeout:
            pass
    return out


def test_smuggling_headers_are_refused(front):
    server = front()
    body = b"ASK {}"
    dup = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
           b"Content-Length: 6\r\nContent-Length: 40\r\n\r\n" + body)
    assert raw(server, dup).startswith(b"HTTP/1.1 400")
    chunked = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\nGET /update HTTP/1.1\r\nHost: x\r\n\r\n")
    answer = raw(server, chunked)
    assert answer.startswith(b"HTTP/1.1 501") and answer.count(b"HTTP/1.1 ") == 1   # no second request read


def test_a_stalled_client_is_dropped_and_connections_are_limited(front):
    server = front(read_timeout=1.0, max_connections=2)
    host, port = server.server_address[:2]
    stalled = [socket.create_connection((host, port)) for _ in range(2)]
    for s in stalled:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nASK")   # never finishes
    time.sleep(0.3)
    assert raw(server, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").startswith(b"HTTP/1.1 503")   # both slots held
    time.sleep(1.5)                                           # the read timeout frees them
    for s in stalled:
        s.settimeout(2)
        assert s.recv(100) == b""                           # closed by the server
        s.close()
    assert ask(server.public_url)[0] == 200


def test_the_query_page_has_a_content_security_policy(front):
    server = front()
    status, headers, _ = request("GET", server.public_url[: -len("/sparql")] + "/")
    csp = headers["Content-Security-Policy"]
    assert status == 200 and "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert "unsafe-inline" not in csp and headers["X-Frame-Options"] == "DENY"


def test_only_the_public_address_ever_appears(front):
    server = front()
    status, headers, body = request("GET", server.public_url)          # the service description
    text = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert f"<{server.public_url}>" in text and f":{server.engine.port}" not in text
    assert "BasicFederatedQuery" not in text
    status, _, body = get_query(server.public_url, 'SELECT (IRI("x") AS ?i) {}')
    iri = json.loads(body)["results"]["bindings"][0]["i"]["value"]
    assert status == 200 and iri.startswith(server.public_url[: -len("sparql")]) and f":{server.engine.port}" not in iri


@pytest.mark.parametrize("accept", [None, "*/*"])
def test_construct_without_accept_is_turtle(front, accept):
    server = front()
    headers = {"Content-Type": "application/sparql-query"} | ({"Accept": accept} if accept else {})
    for q in ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3", "DESCRIBE ?s WHERE { ?s ?p ?o } LIMIT 1"):
        status, h, _ = request("POST", server.public_url, q.encode(), headers)
        assert status == 200 and h["Content-Type"].startswith("text/turtle")
    status, h, _ = request("POST", server.public_url, b"ASK {}", headers)
    assert status == 200 and "sparql-results" in h["Content-Type"]


def test_a_client_that_drops_its_connection_prints_no_traceback():
    ep = Endpoint(FIXTURE)
    try:
        host, port = urllib.parse.urlsplit(ep.url).netloc.split(":")
        for _ in range(5):
            s = socket.create_connection((host, int(port)))
            s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                      b"Content-Length: 30\r\n\r\nSELECT")
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")   # RST
            s.close()
        assert get_query(ep.url, "ASK {}")[0] == 200
    finally:
        assert ep.stop() == 0
    err = ep.proc.stderr.read()
    assert "Traceback" not in err and "Error" not in err


def test_the_cli_has_the_switches(tmp_path):
    out = subprocess.run([sys.executable, "-m", "kg", "serve", "--help"], capture_output=True, text=True)
    assert "--allow-service" in out.stdout and "--max-memory-mb" in out.stdout


def test_the_engine_is_replaced_without_dropping_a_query(front, monkeypatch):
    """Above MAX_THREADS (here 5) the engine is replaced while 8 clients keep querying: no query fails."""
    from kg.store import sparql_engine

    monkeypatch.setattr(sparql_engine, "MAX_THREADS", 5)
    server = front(timeout=5)
    failures, done = [], []
    until = time.monotonic() + 3

    def client():
        while time.monotonic() < until:
            status, _, body = ask(server.public_url)
            (done if status == 200 else failures).append((status, body[:80]))

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert server.engine.restarts >= 1 and len(done) > 50 and failures == []
