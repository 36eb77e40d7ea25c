"""What a person sees on stderr: plain single lines in scripts, rich progress and tables on a terminal."""

from __future__ import annotations

import os
import sys
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

# What rich drops from printed text (bell, backspace, vertical tab, form feed, carriage return; it
# expands tabs to stops of 8): a plain line does the same, so a script reads the same bytes either way.
_DROPPED = dict.fromkeys((7, 8, 11, 12, 13))


class PlainConsole:
    """Standard error when it is no terminal (a script, cron, a pipe): plain lines, and rich is not
    even imported, which a shell loop running newsclean once per file pays for every time."""

    is_terminal = False

    def __init__(self, file: TextIO) -> None:
        self.file = file

    def print(self, text: Any, *_: Any, **__: Any) -> None:
        self.file.write(str(text).translate(_DROPPED).expandtabs(8) + "\n")
        self.file.flush()


def _is_terminal(file: TextIO) -> bool:
    """What rich would decide: a terminal, or told to act as one (FORCE_COLOR, TTY_COMPATIBLE)."""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE"):
        return True
    isatty = getattr(file, "isatty", None)
    return bool(isatty and isatty())


def make_console(file: TextIO | None = None) -> Console | PlainConsole:
    """A rich Console on stderr (or `file`) when it is a terminal (rich honours NO_COLOR,
    FORCE_COLOR and TERM=dumb), else a PlainConsole."""
    target = file if file is not None else sys.stderr
    if not _is_terminal(target):
        return PlainConsole(target)
    from rich.console import Console

    if file is not None:
        return Console(file=file, highlight=False, soft_wrap=True)
    return Console(stderr=True, highlight=False, soft_wrap=True)


def line(console: Console | PlainConsole, text: str) -> None:
    """One plain line of scraped or user text: never read as rich markup, never highlighted."""
    console.print(text, markup=False, highlight=False, emoji=False, soft_wrap=True)


def progress_bar(console: Console | PlainConsole) -> Progress:
    """A transient bar of inputs done, on the console (a terminal)."""
    assert not isinstance(console, PlainConsole), "a bar goes on a terminal"
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # redirect_stdout off: rich would otherwise send what is written to stdout (the articles) to its
    # console, stderr, while the bar shows.
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=True, redirect_stdout=False, redirect_stderr=False)


def skipped_text(skipped: Counter[str]) -> str:
    """'3 request records, 1 responses other than 200 OK…', most first, then by name."""
    return ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))


def summary_table(console: Console | PlainConsole, counts: list[tuple[str, int]], seconds: float) -> None:
    """A run's outcome as one small table (on a terminal only): each count, then the seconds."""
    from rich.table import Table

    table = Table(title="newsclean", title_justify="left", show_header=True, header_style="bold")
    for name, _ in counts:
        table.add_column(name, justify="right")
    table.add_column("seconds", justify="right")
    table.add_row(*(str(n) for _, n in counts), f"{seconds:.2f}")
    console.print(table)
