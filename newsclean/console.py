"""What a person sees on stderr: plain single lines in scripts, rich progress and tables on a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console

if TYPE_CHECKING:
    from rich.progress import Progress


def make_console(file: TextIO | None = None) -> Console:
    """A rich Console on stderr (or `file`); rich decides whether it is a terminal, and honours
    NO_COLOR, FORCE_COLOR and TERM=dumb."""
    if file is not None:
        return Console(file=file, highlight=False, soft_wrap=True)
    return Console(stderr=True, highlight=False, soft_wrap=True)


def line(console: Console, text: str) -> None:
    """One plain line of scraped or user text: never read as rich markup, never highlighted."""
    console.print(text, markup=False, highlight=False, emoji=False, soft_wrap=True)


def progress_bar(console: Console) -> Progress:
    """A transient bar of inputs done, on the console (a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # redirect_stdout off: rich would otherwise send what is written to stdout (the articles) to its
    # console, stderr, while the bar shows.
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=True, redirect_stdout=False, redirect_stderr=False)
