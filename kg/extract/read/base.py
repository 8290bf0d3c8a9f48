"""What every reader shares: the error they raise and the bytes they read."""
from __future__ import annotations

import errno
import os
import stat
import sys


class ReadError(Exception):
    """An input that cannot be read; str() is a one-line message naming it."""


def warn(message: str) -> None:
    """One ``kg: warning:`` line on stderr: the input was read, but not as it stands."""
    sys.stderr.write(f"kg: warning: {message}\n")


def load_bytes(path: str) -> tuple[bytes, str]:
    """(bytes, name) of a file, or of standard input for '-'; ReadError if unreadable or empty."""
    name = "<stdin>" if path == "-" else path
    if path != "-":
        _check_regular(path)
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


def stat_path(path: str) -> os.stat_result:
    """os.stat(path), or ReadError naming why not: no such file, a symlink loop, no permission.

    >>> stat_path("/no/such/file.txt")
    Traceback (most recent call last):
    kg.extract.read.base.ReadError: /no/such/file.txt: no such file or directory
    """
    try:
        return os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError(f"{path}: symlink loop") from None
        if exc.errno == errno.ENOENT:
            raise ReadError(f"{path}: no such file or directory") from None
        raise ReadError(f"{path}: cannot read: {exc.strerror}") from None


def _check_regular(path: str) -> None:
    """ReadError unless `path` is a regular file (a FIFO or a device would block or never end)."""
    mode = stat_path(path).st_mode
    if stat.S_ISDIR(mode):
        raise ReadError(f"{path}: is a directory")
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
        raise ReadError(f"{path}: {kind}, not a file: give a file, a folder, or '-' to read standard input")
