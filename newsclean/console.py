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


def line(console: Console, text: str) -> None:
    """One plain line of scraped or user text: never read as rich markup, never highlighted."""
    console.print(text, markup=False, highlight=False, emoji=False, soft_wrap=True)
