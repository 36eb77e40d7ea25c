"""Shared fixtures: where the public benchmarks live (../shared beside the repo, as in CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "pages"
SEED = REPO / "seeds" / "000_0283c32584861ab3.txt"


def output_files(folder: Path) -> dict[str, bytes]:
    """The output files below `folder` (its state folder aside), by path relative to it."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".newsclean" not in p.parts}


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSCLEAN_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    assert (path / "bench" / "scrapinghub" / "ground-truth.json").exists(), (
        f"the public benchmarks are expected in {path} (set NEWSCLEAN_SHARED to move them)"
    )
    return path
