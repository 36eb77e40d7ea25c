"""What a person sees on stderr: plain single lines in scripts, rich progress and tables on a terminal."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console


def make_console(file: TextIO | None = None) -> Console:
    """A rich Console on stderr (or `file`); rich decides whether it is a terminal, and honours
    NO_COLOR, FORCE_COLOR and TERM=dumb."""
    if file is not None:
        return Console(file=file, highlight=False, soft_wrap=True)
    return Console(stderr=True, highlight=False, soft_wrap=True)


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(32), 127)} | {10: "\\n", 13: "\\r", 9: "\\t"}


def shown(name: str) -> str:
    """A file name as one printable line: control characters escaped ('\\n'), and bytes that are
    not UTF-8 (kept by the file system as surrogates) as '\\xe9'."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text.translate(_CONTROL) if not text.isprintable() else text


def line(console: Console, text: str) -> None:
    """One plain line of scraped or user text: never read as rich markup, never highlighted."""
    console.print(text, markup=False, highlight=False, emoji=False, soft_wrap=True)
