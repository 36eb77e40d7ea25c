"""Mutation fuzzing of clean() on the bench pages: every input must give an article, "no article"
or an InputError, in bounded time and memory (issue 18).

    python -m tests.fuzz [--shared ../shared] [--minutes 10] [--inputs N] [--seed 0] [--jobs N]

Each input is a bench page (HTML or a text dump) changed by one mutation kind (byte flips,
truncation, two pages spliced or interleaved, control characters, tag soup, unclosed tags, deep
nesting, long lines, many <br>, huge tables, random Unicode, invalid UTF-8, a declared charset that
is no text encoding). Workers clean them under a time limit and print, at the end, the counts per
outcome and per kind, the slowest input and the peak memory of a worker. Anything other than an
article, no article or InputError is listed with the exception and the way to rebuild the input
(kind, page, seed), and the command exits 1. The run is bounded by --minutes or --inputs, whichever
comes first; the same seed gives the same inputs.
"""

from __future__ import annotations

import argparse
import gzip
import random
import resource
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path

# Sources of pages: (folder below bench/, glob).
PAGES = (("scrapinghub", "html/*.html.gz"), ("scrapinghub", "text/*.txt"), ("scrapinghub", "lynx/*.txt"),
         ("wcxb-dev", "html/*.html.gz"), ("trafilatura-eval", "html/*.html.gz"))
# Seconds one input may take before it counts as a hang.
HANG_SECONDS = 60.0
_SCRIPTS = [(0x41, 0x7A), (0x300, 0x36F), (0x590, 0x5FF), (0x600, 0x6FF), (0x400, 0x4FF), (0x4E00, 0x9FFF),
            (0xAC00, 0xD7A3), (0x1F300, 0x1F6FF), (0x200B, 0x200F), (0x202A, 0x202E), (0x0E00, 0x0E7F)]
_SOUP = [b"<div>", b"</div>", b"<p>", b"</p>", b"<table><tr><td>", b"</td></tr></table>", b"<ul><li>",
         b"<a href='x'>", b"</a>", b"<!--", b"-->", b"<script>", b"</script>", b"<style>", b"<br>", b"<h1>",
         b"</h1>", b"&amp;", b"&#0;", b"&#x110000;", b"<svg><g>", b"<![CDATA[", b"]]>", b"<template>",
         b"<noscript>", b"<iframe>", b"<select><option>", b"<math>", b"<frameset>", b"</html>", b"<body>",
         b"Some words of text here. "]
_CODECS = ["rot13", "base64", "hex", "zlib", "uu", "quopri", "undefined", "punycode", "idna", "utf-7", "utf-32",
           "bz2", "x-unknown", "utf-16", "cp037", "unicode_escape", "raw_unicode_escape"]


def _random_unicode(rng: random.Random, n: int) -> bytes:
    out = []
    for _ in range(n):
        lo, hi = rng.choice(_SCRIPTS)
        out.append(chr(rng.randint(lo, hi)))
        if rng.random() < 0.05:
            out.append(rng.choice(" \n. "))
    return "".join(out).encode("utf-8", "replace")


def _flip(rng: random.Random, page: bytes, other: bytes) -> bytes:
    data = bytearray(page)
    for _ in range(rng.randint(1, 50)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _truncate(rng: random.Random, page: bytes, other: bytes) -> bytes:
    return page[:rng.randrange(len(page) + 1)]


def _splice(rng: random.Random, page: bytes, other: bytes) -> bytes:
    return page[:rng.randrange(len(page) + 1)] + other[rng.randrange(len(other) + 1):]


def _interleave(rng: random.Random, page: bytes, other: bytes) -> bytes:
    a, b = page.splitlines(keepends=True), other.splitlines(keepends=True)
    out = [line for pair in zip(a, b, strict=False) for line in pair]
    return b"".join(out * rng.randint(1, 6))


def _controls(rng: random.Random, page: bytes, other: bytes) -> bytes:
    data = bytearray(page)
    for _ in range(rng.randint(1, 200)):
        data.insert(rng.randrange(len(data) + 1), rng.choice(b"\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\xa0"))
    return bytes(data)


def _soup(rng: random.Random, page: bytes, other: bytes) -> bytes:
    parts = [rng.choice(_SOUP) for _ in range(rng.randint(10, 5000))]
    at = rng.randrange(len(page) + 1)
    return page[:at] + b"".join(parts) + page[at:]


def _unclosed(rng: random.Random, page: bytes, other: bytes) -> bytes:
    return page.replace(b"</", b"<", rng.randint(1, 10_000))


def _deep(rng: random.Random, page: bytes, other: bytes) -> bytes:
    depth = rng.choice([1000, 10_000, 100_000, 300_000])
    tag = rng.choice([b"div", b"span", b"b", b"table", b"li", b"a", b"p"])
    return b"<html><body>" + (b"<" + tag + b">") * depth + page[:20000] + b"</body></html>"


def _long_line(rng: random.Random, page: bytes, other: bytes) -> bytes:
    size = rng.choice([100_000, 1_000_000, 4_000_000])
    unit = rng.choice([b"word ", b"a", b"<b>x</b>", b"&nbsp;", b"- ", b"1.2.3.", b"\xc3\xa9", b"http://x.y/" * 3])
    return page[:5000] + unit * (size // len(unit)) + page[5000:]


def _many_br(rng: random.Random, page: bytes, other: bytes) -> bytes:
    n = rng.choice([1000, 10_000, 100_000])
    body = b"".join(b"short line %d<br>" % i if rng.random() < 0.5 else b"<br>" for i in range(n))
    return b"<html><body><p>" + body + b"</p>" + page[:20000] + b"</body></html>"


def _short_lines(rng: random.Random, page: bytes, other: bytes) -> bytes:
    n = rng.choice([1000, 10_000, 100_000])
    return b"\n".join(b"line %d of many" % i for i in range(n)) + b"\n" + page


def _table(rng: random.Random, page: bytes, other: bytes) -> bytes:
    rows = rng.choice([1000, 10_000, 50_000])
    row = b"<tr><td>cell %d</td><td>12.5</td><td>more text in a cell</td></tr>"
    return page[:20000] + b"<table>" + b"".join(row % i for i in range(rows)) + b"</table>" + page[20000:]


def _unicode(rng: random.Random, page: bytes, other: bytes) -> bytes:
    text = _random_unicode(rng, rng.choice([1000, 100_000, 400_000]))
    return text if rng.random() < 0.5 else b"<html><body><p>" + text + b"</p></body></html>"


def _bad_utf8(rng: random.Random, page: bytes, other: bytes) -> bytes:
    data = bytearray(page)
    for _ in range(rng.randint(1, 500)):
        at = rng.randrange(len(data) + 1)
        data[at:at] = rng.choice([b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf"])
    return bytes(data)


def _charset(rng: random.Random, page: bytes, other: bytes) -> bytes:
    codec = rng.choice(_CODECS).encode()
    decl = rng.choice([b'<meta charset="%s">', b'<meta http-equiv="Content-Type" content="text/html; charset=%s">',
                       b'<?xml version="1.0" encoding="%s"?>']) % codec
    return decl + page


MUTATIONS: dict[str, Callable[[random.Random, bytes, bytes], bytes]] = {
    "flip": _flip, "truncate": _truncate, "splice": _splice, "interleave": _interleave, "controls": _controls,
    "soup": _soup, "unclosed": _unclosed, "deep": _deep, "long-line": _long_line, "many-br": _many_br,
    "short-lines": _short_lines, "table": _table, "unicode": _unicode, "bad-utf8": _bad_utf8, "charset": _charset,
}


def page_paths(shared: Path) -> list[Path]:
    paths: list[Path] = []
    for folder, pattern in PAGES:
        paths.extend(sorted((shared / "bench" / folder).glob(pattern)))
    return paths


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def make_input(paths: list[Path], seed: int, n: int) -> tuple[str, str, bytes]:
    """Input number `n` of the run with `seed`: (kind, page name, bytes); the same arguments give
    the same bytes."""
    rng = random.Random(seed * 1_000_003 + n)
    kind = sorted(MUTATIONS)[n % len(MUTATIONS)]
    page, other = rng.choice(paths), rng.choice(paths)
    return kind, page.name, MUTATIONS[kind](rng, _read(page), _read(other))


class _Hang(Exception):
    pass


def _hang(signum: int, frame: object) -> None:
    raise _Hang


_PATHS: list[Path] = []


def _init(paths: list[Path]) -> None:
    _PATHS[:] = paths
    signal.signal(signal.SIGALRM, _hang)


def fuzz_one(job: tuple[int, int]) -> tuple[int, str, str, str, float, int, str]:
    """(n, kind, page, outcome, seconds, peak KiB of this worker, detail) for input n."""
    import newsclean

    seed, n = job
    kind, page, data = make_input(_PATHS, seed, n)
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    detail = ""
    try:
        article = newsclean.clean(data, source=f"{kind}:{page}")
        outcome = "article" if article.blocks else "no article"
        newsclean.render(article, "json")
        newsclean.render(article, "markdown")
    except newsclean.InputError as exc:
        outcome = "InputError"
        if not exc.reason or "\n" in exc.reason:
            outcome, detail = "bad reason", repr(exc.reason)
    except _Hang:
        outcome, detail = "hang", f"over {HANG_SECONDS:g} s"
    except Exception as exc:  # the very thing this command looks for
        outcome, detail = "other", f"{type(exc).__name__}: {exc}"[:300]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    seconds = time.perf_counter() - started
    return n, kind, page, outcome, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, detail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    paths = page_paths(args.shared)
    if not paths:
        print(f"no bench pages under {args.shared / 'bench'}", file=sys.stderr)
        return 2
    deadline = time.monotonic() + 60 * args.minutes
    outcomes: Counter[str] = Counter()
    per_kind: dict[str, Counter[str]] = {kind: Counter() for kind in MUTATIONS}
    slowest: tuple[float, str] = (0.0, "")
    peak: tuple[int, str] = (0, "")
    failures: list[str] = []
    started = time.monotonic()
    # A worker is replaced after a few inputs, so one huge input's memory does not stay counted.
    with Pool(args.jobs, initializer=_init, initargs=(paths,), maxtasksperchild=200) as pool:
        jobs = ((args.seed, n) for n in range(args.inputs))
        for n, kind, page, outcome, seconds, rss, detail in pool.imap_unordered(fuzz_one, jobs, chunksize=4):
            outcomes[outcome] += 1
            per_kind[kind][outcome] += 1
            if rss > peak[0]:  # a worker's peak so far, first reached on this input
                peak = (rss, f"input {n} ({kind} of {page})")
            if seconds > slowest[0]:
                slowest = (seconds, f"input {n} ({kind} of {page})")
            if outcome not in ("article", "no article", "InputError"):
                failures.append(f"input {n} ({kind} of {page}, --seed {args.seed}): {outcome} {detail}")
            if time.monotonic() > deadline:
                pool.terminate()
                break
    total = sum(outcomes.values())
    print(f"{total} inputs in {time.monotonic() - started:.0f} s: " +
          ", ".join(f"{outcomes[name]} {name}" for name in ("article", "no article", "InputError")) +
          f", {total - outcomes['article'] - outcomes['no article'] - outcomes['InputError']} anything else")
    print(f"slowest input: {slowest[0]:.2f} s, {slowest[1]}; peak memory of a worker: "
          f"{peak[0] / 1024:.0f} MiB, reached on {peak[1]}")
    for kind in sorted(per_kind):
        counts = per_kind[kind]
        print(f"  {kind:12} " + "  ".join(f"{name} {count}" for name, count in sorted(counts.items())))
    for line in failures[:50]:
        print(line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
