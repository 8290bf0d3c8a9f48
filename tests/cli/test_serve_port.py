"""`kg serve` on a port already taken says so at once, before loading the graph."""
from __future__ import annotations

import socket

from cli_helpers import error_lines, run_kg


def test_a_busy_port_is_named_before_anything_loads(seed_build):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = run_kg("serve", seed_build, "--port", port, timeout=120)
    assert res.returncode == 1
    (line,) = error_lines(res)            # no "loaded … into a temporary store" before it
    assert f"127.0.0.1:{port}" in line and "--port" in line and "in use" in line


def test_an_unknown_host_is_one_line(seed_build):
    res = run_kg("serve", seed_build, "--host", "no-such-host.invalid", "--port", "7999", timeout=120)
    assert res.returncode == 1
    (line,) = error_lines(res)
    assert "no-such-host.invalid" in line and "unknown host" in line
