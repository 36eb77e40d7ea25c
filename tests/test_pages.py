"""Whole pages: the seed, and dumps of real pages in several dumpers' styles (lynx, w3m, html2text).

Each folder in tests/pages holds `source.txt` and `expected.json` with the title, strings the
article must contain and strings it must not (scrapinghub benchmark pages, MIT licensed).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import newsclean
from newsclean.context import CONTEXT_WHY

from .conftest import PAGES, SEED

FOLDERS = sorted(p for p in PAGES.iterdir() if (p / "expected.json").exists())


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_page(folder: Path) -> None:
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    article = newsclean.clean((folder / "source.txt").read_bytes(), source=folder.name)
    assert article.metadata.title == expected["title"]
    body = _flat(article.text)
    for phrase in expected["must_contain"]:
        assert _flat(phrase) in body
    for phrase in expected["must_not_contain"]:
        assert phrase not in article.text


@pytest.mark.parametrize("folder", [p for p in FOLDERS if p.name.startswith("lynx-")],
                         ids=lambda p: p.name)
def test_lynx_markers_and_references_are_gone(folder: Path) -> None:
    article = newsclean.clean((folder / "source.txt").read_bytes())
    assert not re.search(r"\[\d+\]", article.text)
    assert "file://" not in article.text and "References" not in article.text


@pytest.mark.parametrize("folder", [p for p in FOLDERS if "72" in p.name or p.name.startswith(("lynx", "w3m"))],
                         ids=lambda p: p.name)
def test_wrapped_paragraphs_are_rejoined(folder: Path) -> None:
    article = newsclean.clean((folder / "source.txt").read_bytes())
    # Each must_contain sentence sits inside a single paragraph, not across a line break.
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    paragraphs = [_flat(b.text) for b in article.blocks]
    for phrase in expected["must_contain"]:
        assert any(_flat(phrase) in p for p in paragraphs), phrase


SEED_FIRST = "A U.S. delegation will meet with Russian President Vladimir Putin in Moscow on Tuesday"
SEED_LAST = "an apparent reference to continuous Ukrainian drone strikes on oil refineries."
SEED_BOILERPLATE = [
    "No Result", "View All Result", "Home News", "in News", "December 2, 2025",
    "appeared first on", "Unjammable drones", "Read more", "Fiber-optic FPV drones",
    "State lawmakers targeted a Santa Barbara development", "Why Trump Won’t Establish Democracy",
    "Franklin the Turtle", "Melania Trump was once", "DNYUZ © 2025", "DNYUZ",
]


@pytest.fixture(scope="module")
def seed() -> newsclean.Article:
    return newsclean.clean(SEED.read_bytes(), source="seed")


def test_seed_metadata(seed: newsclean.Article) -> None:
    meta = seed.metadata
    assert meta.title == "Putin to meet with U.S. delegation in latest bid to end Ukraine war"
    assert meta.date == "2025-12-02"
    assert meta.site_name == "DNYUZ"
    assert meta.section == "News"
    assert meta.original_source == "Washington Post"
    assert meta.language == "en"
    assert dict(meta.provenance)["date"] == "dateline"


def test_seed_body_is_the_whole_article(seed: newsclean.Article) -> None:
    text = seed.text
    assert text.startswith(SEED_FIRST)
    body = SEED.read_text("utf-8")
    start, end = body.index(SEED_FIRST), body.index(SEED_LAST) + len(SEED_LAST)
    # Every paragraph of the article, the short quotes included, in order.
    article_paragraphs = [p.strip() for p in body[start:end].split("\n") if p.strip()]
    assert [b.text for b in seed.blocks][: len(article_paragraphs)] == article_paragraphs
    assert "“This is delicate. It’s complicated,” Rubio told reporters" in text
    # At most the closing credit follows the last paragraph.
    tail = text[text.index(SEED_LAST) + len(SEED_LAST):].strip()
    assert tail in ("", "Aaron Wiener, Catherine Belton and Natalia Abbakumova contributed to this report.")


def test_seed_boilerplate_is_gone(seed: newsclean.Article) -> None:
    for phrase in SEED_BOILERPLATE:
        assert phrase not in seed.text, phrase
    # The headline is metadata, not body (it is printed twice on the page).
    assert "Putin to meet with U.S. delegation in latest bid" not in seed.text


def test_seed_removals_are_explained(seed: newsclean.Article) -> None:
    rules = {r.rule for r in seed.removed}
    assert {"repeated-line", "syndication", "copyright-footer", "date-line", "read-more-teaser"} <= rules
    assert rules & set(CONTEXT_WHY)
    by_text = {r.text: r.rule for r in seed.removed}
    assert by_text["DNYUZ © 2025"] == "copyright-footer"
    assert by_text["Read more"] == "read-more-teaser"
    assert by_text["December 2, 2025"] == "date-line"
