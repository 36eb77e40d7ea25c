"""Shared fixtures: where the public benchmarks live (../shared beside the repo, as in CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "pages"
SEED = REPO / "seeds" / "000_0283c32584861ab3.txt"


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSCLEAN_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    assert (path / "bench" / "scrapinghub" / "ground-truth.json").exists(), (
        f"the public benchmarks are expected in {path} (set NEWSCLEAN_SHARED to move them)"
    )
    return path
