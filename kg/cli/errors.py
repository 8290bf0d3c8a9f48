"""One error policy for every command.

- exit 0: everything asked for was done;
- exit 1: an input, an output or a server failed; each failure is one line on
  stderr, ``kg: error: <what>: <why>``, naming the file, record or server;
  no traceback, nothing half-written;
- exit 2: the command line itself is wrong (click's usage errors).

``kg validate`` also exits 1 when the data has SHACL violations. When the
reader of standard output goes away (``kg extract … | head -1``) the command
stops silently with status 141, as a program killed by SIGPIPE does.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys

import click

PREFIX = "kg: error: "


class KgError(click.ClickException):
    """A failure the user can act on; shown as one ``kg: error:`` line, exit 1."""
    exit_code = 1

    def show(self, file=None) -> None:
        report(self.format_message())


def note(message: str) -> None:
    """One ``kg: note:`` line: something the user should know that is no failure (exit status unchanged)."""
    click.echo("kg: note: " + " ".join(str(message).split()), err=True)


def report(message: str) -> None:
    """Print one failure line (the run may go on with other inputs)."""
    click.echo(PREFIX + " ".join(str(message).split()), err=True)


def fail(message: str):
    """Stop the command with one failure line and exit 1."""
    raise KgError(message)


@contextlib.contextmanager
def failures(*types: type[BaseException], where: str = ""):
    """Turn the given exception types into :func:`fail` (prefixed with `where`)."""
    try:
        yield
    except types as exc:
        fail(f"{where}: {exc}" if where else str(exc))


def pipe_closed() -> None:
    """Stop silently because the reader of standard output closed the pipe (exit 128 + SIGPIPE)."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())   # the interpreter's last flush must not fail again
    sys.exit(128 + signal.SIGPIPE)
