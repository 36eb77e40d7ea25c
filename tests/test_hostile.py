"""Hostile pages (issue 18): clean() gives an article, no article or an InputError, whatever the
bytes, in time and memory that grow with the input, not faster.

Each 10 MB shape runs in a process of its own, so its peak memory is its own. The bounds are
generous (a quadratic step on 10 MB takes minutes or gigabytes; these take a second or two): they
catch a super-linear step, they are not a timing target (`make bench` prints the scaling table).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap

import pytest

import newsclean

from .conftest import SEED

SIZE = 10_000_000
MAX_SECONDS = 60.0
MAX_MEGABYTES = 1000

# Each shape is built by the child from this code (bytes of about SIZE), so no 10 MB crosses a pipe.
SHAPES = {
    "random-unicode": """
        rng = random.Random(7)
        ranges = [(0x41, 0x7A), (0x300, 0x36F), (0x590, 0x5FF), (0x600, 0x6FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3),
                  (0x1F300, 0x1F6FF), (0x200B, 0x200F), (0x202A, 0x202E), (0x0E00, 0x0E7F)]
        chars = [chr(rng.randint(*rng.choice(ranges))) if rng.random() > 0.05 else rng.choice(" \\n.")
                 for _ in range(SIZE // 3)]
        data = "".join(chars).encode("utf-8", "replace")
    """,
    "short-lines": 'data = b"\\n".join(b"line %d of many" % i for i in range(SIZE // 16))',
    "many-br": 'data = b"<html><body><p>" + b"short line<br>" * (SIZE // 14) + b"</p></body></html>"',
    "only-br": 'data = b"<html><body><p>" + b"<br>" * (SIZE // 4) + b"</p></body></html>"',
    "table": """
        row = b"<tr><td>cell %d</td><td>12.5</td><td>more text in a cell</td></tr>"
        data = b"<html><body><table>" + b"".join(row % i for i in range(SIZE // 70)) + b"</table></body></html>"
    """,
    "one-line-of-words": 'data = b"word " * (SIZE // 5)',
    "one-line-one-letter": 'data = b"a" * SIZE',
    "one-line-of-sentences": 'data = b"A sentence of a few words, and then a full stop. " * (SIZE // 50)',
    "interleaved-pages": """
        page = SEED.read_bytes()
        other = page[::-1]
        pair = b"".join(a + b for a, b in zip(page.splitlines(True), other.splitlines(True)))
        data = pair * (SIZE // len(pair))
    """,
    "deep-nesting": 'data = b"<html><body>" + b"<div><span>" * (SIZE // 11) + b"<p>words</p></body></html>"',
}

CHILD = """
import json, random, resource, sys, time
from pathlib import Path
import newsclean
SIZE, SEED = {size}, Path({seed!r})
{build}
started = time.perf_counter()
try:
    article = newsclean.clean(data, source="shape")
    outcome = "article" if article.blocks else "no article"
except newsclean.InputError as exc:
    outcome = "InputError: " + exc.reason
print(json.dumps({{"outcome": outcome, "seconds": time.perf_counter() - started, "bytes": len(data),
                  "megabytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run_shape(build: str, size: int = SIZE) -> dict:
    code = CHILD.format(size=size, seed=str(SEED), build=textwrap.dedent(build))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=10 * MAX_SECONDS, check=False)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return json.loads(proc.stdout)


@pytest.mark.timeout(10 * MAX_SECONDS)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_ten_megabyte_page_of_any_shape_is_cleaned_in_bounded_time_and_memory(shape: str) -> None:
    result = run_shape(SHAPES[shape])
    assert result["bytes"] > SIZE * 0.6
    assert result["outcome"] in ("article", "no article") or result["outcome"].startswith("InputError: ")
    assert result["seconds"] < MAX_SECONDS, result
    assert result["megabytes"] < MAX_MEGABYTES, result


NOT_TEXT_CODECS = ["rot13", "base64", "hex", "zlib", "uu", "quopri", "undefined", "punycode", "bz2", "idna",
                   "unicode_escape", "x-no-such-codec"]


@pytest.mark.parametrize("codec", NOT_TEXT_CODECS)
def test_a_page_declaring_a_codec_that_is_no_text_encoding_is_read_all_the_same(codec: str) -> None:
    prose = "The council met on Tuesday and voted to extend the tram line to the airport by 2027. " * 4
    for declaration in (f'<meta charset="{codec}">', f'<meta http-equiv="Content-Type" content="text/html; '
                        f'charset={codec}">', f'<?xml version="1.0" encoding="{codec}"?>'):
        page = f"{declaration}<html><body><h1>Tram line</h1><p>{prose}</p></body></html>".encode()
        article = newsclean.clean(page)
        assert "voted to extend the tram line" in article.text
        assert article.encoding == "utf-8"
        provenance = dict(article.metadata.provenance)
        assert provenance["encoding"] == f"read as utf-8: the declared charset '{codec}' is no text encoding"


# Inputs the mutation fuzzer (tests/fuzz.py) found escaping clean() before: each must now give an
# article, no article or an InputError. Small ones, rebuilt here by the same mutations.
@pytest.mark.parametrize("seed", range(40))
def test_truncated_spliced_and_flipped_pages_never_raise_anything_else(seed: int) -> None:
    rng = random.Random(seed)
    page = SEED.read_bytes()
    html = (b"<html><head><title>T</title></head><body><article><h1>Head</h1>" + page[:3000].replace(b"\n", b"<p>")
            + b"</article></body></html>")
    kind = seed % 4
    if kind == 0:
        data = html[:rng.randrange(len(html))]
    elif kind == 1:
        data = html[:rng.randrange(len(html))] + html[rng.randrange(len(html)):]
    elif kind == 2:
        flipped = bytearray(html)
        for _ in range(50):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        data = bytes(flipped)
    else:
        data = html.replace(b"</", b"<", rng.randint(1, 50)) + b"<html><body></html>" * rng.randint(1, 3)
    try:
        newsclean.clean(data)
    except newsclean.InputError as exc:
        assert exc.reason and "\n" not in exc.reason


def test_a_parser_error_is_an_input_error_naming_the_page() -> None:
    # The parser made to refuse the page, in a process where the stages run from their sources (a
    # compiled stage would call the real parser directly, past the stand-in).
    code = """
import sys
from newsclean._compiled import SourceFirst
sys.meta_path.insert(0, SourceFirst())
from selectolax.lexbor import SelectolaxError
import newsclean, newsclean.html

def refuse(html, max_tags):
    raise SelectolaxError("Decomposing the root node is not allowed.")

newsclean.html.parse = refuse
try:
    newsclean.clean(b"<html><body><p>A page.</p></body></html>", source="page.html")
except newsclean.InputError as exc:
    print(exc.source, exc.reason, sep="|")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "page.html|the HTML parser gave up: Decomposing the root node is not allowed."
