"""Shared fixtures: where the public benchmarks live (../shared beside the repo, as in CI)."""

from __future__ import annotations

import os
import subprocess
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
    """NEWSCLEAN_SHARED, else `shared/` beside the checkout (as CI lays it out), else beside the
    local repository this checkout was cloned from (a scratch clone in a temporary folder)."""
    if "NEWSCLEAN_SHARED" in os.environ:
        return Path(os.environ["NEWSCLEAN_SHARED"])
    beside = REPO.parent / "shared"
    if beside.exists():
        return beside
    origin = subprocess.run(["git", "-C", str(REPO), "config", "--get", "remote.origin.url"],
                            capture_output=True, text=True, check=False).stdout.strip()
    if origin and Path(origin).is_dir():
        return Path(origin).resolve().parent / "shared"
    return beside


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    assert (path / "bench" / "scrapinghub" / "ground-truth.json").exists(), (
        f"the public benchmarks are expected in {path} (set NEWSCLEAN_SHARED to move them)"
    )
    return path
