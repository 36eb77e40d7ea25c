"""Whatever bytes come in, clean() gives an article or a one-line InputError, never a traceback."""

from __future__ import annotations

import gzip
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean

from .conftest import SEED

SEED_BYTES = SEED.read_bytes()


def _clean_or_reason(data: bytes) -> None:
    try:
        article = newsclean.clean(data, source="fuzz")
    except newsclean.InputError as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    assert isinstance(article.text, str)
    newsclean.render(article, "json")
    newsclean.render(article, "markdown")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    _clean_or_reason(data)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=len(gzip.compress(SEED_BYTES))))
def test_truncated_gzip(cut: int) -> None:
    _clean_or_reason(gzip.compress(SEED_BYTES)[:cut])


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED_BYTES) - 1), st.binary(min_size=1, max_size=8))
def test_invalid_utf8_spliced_into_a_real_page(at: int, junk: bytes) -> None:
    _clean_or_reason(SEED_BYTES[:at] + b"\xff\xfe" + junk + SEED_BYTES[at:])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "<ul><li>", "<a href=x>",
                                 "</a>", "<!--", "-->", "<script>", "</script>", "text words here. ", "<br>",
                                 "<h1>", "</h1>", "&amp;", "&#x0;", "<svg><g>", "<![CDATA[", "]]>"]),
                max_size=300),
       st.integers(min_value=0, max_value=3000))
def test_markup_soup_and_deep_nesting(parts: list[str], depth: int) -> None:
    html = "<html><body>" + "<div>" * depth + "".join(parts) + "</div>" * depth + "</body></html>"
    _clean_or_reason(html.encode())


@pytest.mark.timeout(60)
def test_very_deep_nesting_finishes_quickly() -> None:
    depth = 100_000
    paragraph = "A paragraph deep inside the page, long enough to be read as the article's prose. " * 3
    html = "<html><body>" + "<div>" * depth + f"<p>{paragraph}</p>" + "</div>" * depth + "</body></html>"
    article = newsclean.clean(html.encode())
    assert article.text.strip() == paragraph.strip()


@pytest.mark.timeout(120)
def test_a_twenty_megabyte_page_gives_its_article() -> None:
    paragraph = "<p>Paragraph {} of a very long page, which goes on and on with more words in it.</p>"
    html = ("<html><head><title>A very long page</title></head><body><h1>A very long page</h1>"
            + "".join(paragraph.format(i) for i in range(230_000)) + "</body></html>").encode()
    assert len(html) > 20_000_000
    article = newsclean.clean(html)
    assert article.text.startswith("Paragraph 0 of a very long page")
    # Read up to the block limit; the rest is named, not silently dropped.
    limit = newsclean.DEFAULTS.max_blocks
    assert f"Paragraph {limit - 3} of a very long page" in article.text
    assert f"Paragraph {limit + 10} of" not in article.text
    # Past the block limit, and past the tag limit further on (two tags a paragraph).
    blocks, tags = [r for r in article.removed if r.rule == "over-limit"]
    assert blocks.text.startswith(f"Paragraph {limit - 2} of a very long page")
    assert f"past the first {limit:,} blocks" in blocks.detail
    assert f"past the first {newsclean.DEFAULTS.max_tags:,} tags" in tags.detail


def test_the_block_limit_is_a_setting() -> None:
    lines = "\n\n".join(f"Line {i} of a dump that goes on for a long time, one paragraph a line." for i in range(60))
    full = newsclean.clean(lines.encode(), kind="text")
    cut = newsclean.clean(lines.encode(), kind="text", settings=newsclean.Settings(max_blocks=30))
    assert not [r for r in full.removed if r.rule == "over-limit"]
    [over] = [r for r in cut.removed if r.rule == "over-limit"]
    assert over.text.startswith("Line 30 of a dump")
    assert "Line 29 of" in cut.text and "Line 30 of" not in cut.text


def test_a_page_of_millions_of_tags_is_read_up_to_the_tag_limit() -> None:
    html = ("<html><body><h1>Runaway page</h1><p>" + "The opening paragraph of the article, long enough to count "
            "as prose in any reading of it. " * 3 + "</p>" + "<br>" * 1_000_000 + "<p>Never read.</p></body></html>")
    article = newsclean.clean(html.encode())
    assert article.text.startswith("The opening paragraph")
    assert "Never read" not in article.text
    [over] = [r for r in article.removed if r.rule == "over-limit"]
    assert f"past the first {newsclean.DEFAULTS.max_tags:,} tags" in over.detail


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <p>\n\t\u00a0\u2003\u200b|*#-[]1.")), max_size=300),
       st.sampled_from(["text", "html"]))
def test_blocks_are_whitespace_normalized(text: str, kind: str) -> None:
    """rules.features counts words as spaces plus one: every block's text has single spaces."""
    from newsclean.blocks import to_blocks
    from newsclean.decode import decode

    data = ("<html><body>" + text + "</body></html>" if kind == "html" else text).encode()
    try:
        doc = decode(data, "fuzz")
    except newsclean.InputError:
        return
    blocks, _, _ = to_blocks(doc)
    for block in blocks:
        assert block.text == " ".join(block.text.split()), repr(block.text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_lower_words_is_the_word_pattern(text: str) -> None:
    """The ASCII fast path of rules.lower_words gives exactly what the word pattern finds."""
    from newsclean.text import WORD, lower_words

    assert lower_words(text) == WORD.findall(text.lower())


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    """rules.squeeze() relies on it: a printable line holds no whitespace but plain spaces."""
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " " and c.isprintable()] == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_squeeze_is_split_and_join(text: str) -> None:
    from newsclean.text import squeeze

    assert squeeze(text) == " ".join(text.split())
