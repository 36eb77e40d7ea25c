"""File names as text: what a file system holds (bytes that may not be UTF-8, control characters)
written so that UTF-8 output and one-line messages can hold it. Used by the CLI's files and by the
stages that name their input (the report, site templates); it reads no file."""

from __future__ import annotations

# Control characters, as the escapes a one-line message shows.
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(32), 127)} | {10: "\\n", 13: "\\r", 9: "\\t"}


def readable(name: str) -> str:
    """A file name as text that UTF-8 can hold: bytes that are not UTF-8 (kept by the file system
    as surrogates) are written '\\xe9'."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def shown(name: str) -> str:
    """A file name as one printable line: readable(), with control characters escaped ('\\n')."""
    text = readable(name)
    return text.translate(_CONTROL) if not text.isprintable() else text
