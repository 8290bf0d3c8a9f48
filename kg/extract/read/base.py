"""What every reader shares: the error they raise and the bytes they read."""
from __future__ import annotations

import sys


class ReadError(Exception):
    """An input that cannot be read; str() is a one-line message naming it."""


def load_bytes(path: str) -> tuple[bytes, str]:
    """(bytes, name) of a file, or of standard input for '-'; ReadError if unreadable or empty."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except IsADirectoryError:
        raise ReadError(f"{name}: is a directory") from None
    except OSError as exc:
        raise ReadError(f"{name}: cannot read: {exc.strerror}") from None
    if not data.strip():
        raise ReadError(f"{name}: empty file")
    return data, name
