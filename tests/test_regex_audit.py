"""Every pattern of the package on worst-case lines of 10 KB, 100 KB and 1 MB (issue 18).

A pattern with nested quantifiers or overlapping alternatives backtracks: its cost on a long line
grows with the square of the line (or worse), and one scraped page can hold a line of megabytes.
Each pattern is run over every position of lines made of the pieces such patterns feed on (letters,
digits, spaces, punctuation, names, dates, addresses, repeated), the way the pipeline runs them
(search from every position is the worst). Linear patterns take milliseconds on 1 MB; a
quadratic one takes minutes. The bounds are generous: they catch growth, not speed.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import newsclean

# The vocabulary modules first: a pattern is named after the first module that holds it.
# Every module of the package (a new module's patterns are audited without a word here), the one
# that holds most patterns first, so that a pattern imported elsewhere is named where it is defined.
MODULES = ("rules", *sorted(m.name for m in pkgutil.iter_modules(newsclean.__path__)
                            if not m.name.startswith("_") and m.name != "rules"))
# Pieces a line is made of, repeated to the size.
PIECES = ("a", " ", "1", ".", "-", "|", "\t", "a ", "ab", "1.", "1 ", "12.12.", "A. ", "Jane Doe ", "By Jane, ",
          "word, ", "Word Word ", "http://x.y/", "© 2024 ", "[1]", "\u00a0", "*_", "« ", "...", "a-b ", "#", "   a",
          "Mon, 3 Dec 2025 ", "von ", "&amp;", "The ", " _a", "![a", "[a")
SIZES = (10_000, 100_000, 1_000_000)
# Seconds one pattern may take over every position of one 1 MB line (linear ones take ~0.05 s).
MAX_SECONDS = 3.0


def patterns() -> dict[str, re.Pattern[str]]:
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for module in MODULES:
        for name, value in sorted(vars(importlib.import_module(f"newsclean.{module}")).items()):
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(id(value), (f"{module}.{name}", value))
    return dict(found.values())


PATTERNS = patterns()


def test_the_audit_sees_the_packages_patterns() -> None:
    assert len(PATTERNS) > 80
    assert "rules.COPYRIGHT" in PATTERNS and "bylines._NAMES_END" in PATTERNS and "warc._CHARSET" in PATTERNS


def scan(pattern: re.Pattern[str], line: str, tries: int = 1) -> float:
    """Seconds to find every match in the line (the best of `tries`: a busy machine adds, never takes)."""
    best = float("inf")
    for _ in range(tries):
        started = time.perf_counter()
        for _ in pattern.finditer(line):
            pass
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_pattern_runs_in_linear_time_on_long_lines(name: str) -> None:
    pattern = PATTERNS[name]
    small, middle, large = SIZES
    # Every piece at 10 KB and 100 KB; the piece that cost the most there again at 1 MB.
    times = {piece: (scan(pattern, piece * (small // len(piece))), scan(pattern, piece * (middle // len(piece))))
             for piece in PIECES}
    worst = max(times, key=lambda piece: times[piece][1])
    at_large = scan(pattern, worst * (large // len(worst)), 2)
    # Linear: 10x the line, about 10x the time (a floor absorbs the noise of tiny times).
    grew = [f"{piece!r}: {a:.4f}s at 10 KB, {b:.4f}s at 100 KB" for piece, (a, b) in times.items()
            if b > 40 * max(a, 0.005) and scan(pattern, piece * (middle // len(piece)), 3) > 40 * max(a, 0.005)]
    assert not grew, f"{name} ({pattern.pattern[:80]}) is super-linear on: {'; '.join(grew)}"
    assert at_large < MAX_SECONDS, f"{name} took {at_large:.2f} s on 1 MB of {worst!r}"
