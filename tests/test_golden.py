"""Golden pages: each case in tests/golden gives exactly its expected Markdown and metadata
(`python -m tests.make_case --update` writes them anew after a deliberate change)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .make_case import GOLDEN, expected

CASES = sorted(p for p in GOLDEN.iterdir() if p.is_dir())


def test_there_are_golden_html_pages() -> None:
    assert sum(1 for case in CASES if (case / "source.html").exists()) >= 4


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_page(case: Path) -> None:
    markdown, metadata = expected(case)
    assert metadata == (case / "expected-metadata.json").read_text("utf-8")
    assert markdown == (case / "expected.md").read_text("utf-8")
