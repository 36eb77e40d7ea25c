"""Site templates: lines a site repeats across its pages are learned within a run and removed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import newsclean
from newsclean.settings import DEFAULTS
from newsclean.templates import group_pages, models, signature

STORIES = [
    ("Harbour ferry returns after winter repairs", "ferry", "harbour"),
    ("Library extends its opening hours on weekends", "library", "reading room"),
    ("New bicycle lanes open along the river road", "bicycle lane", "river road"),
    ("School board approves a larger music budget", "music budget", "school board"),
    ("Farmers market moves to the old station square", "market", "station square"),
]
BOX = "Get the morning briefing from our newsroom delivered to you every weekday"


def dump(title: str, thing: str, place: str, site: str = "Riverton Gazette") -> str:
    paragraphs = [
        f"The {thing} was the talk of the town on Monday, as residents gathered near the {place} to see it.",
        f"Officials said the plans for the {thing} had been debated for years before the final vote came.",
        f"Several shop owners near the {place} said they expected more visitors over the coming months.",
        f"The council will publish a full report on the {thing} and its costs before the end of the year.",
    ]
    return "\n".join([
        f"{title} | {site}", site, "Home", "Local", "Sport", "Opinion", title,
        paragraphs[0], paragraphs[1], BOX, paragraphs[2], paragraphs[3],
        f"© 2024 {site}", "Privacy Policy",
    ])


def test_a_line_on_every_page_of_a_site_is_removed() -> None:
    pages = {f"p{i}.txt": dump(*story).encode() for i, story in enumerate(STORIES)}
    learned = models(group_pages(signature(data, name, DEFAULTS) for name, data in pages.items()))
    assert {model.pages for model in learned.values()} == {5}
    article = newsclean.clean(pages["p0.txt"], site_model=learned["p0.txt"])
    assert BOX not in article.text
    removal = next(r for r in article.removed if r.text == BOX)
    assert removal.rule == "site-template" and removal.detail == "on 5 of 5 pages of a site"
    # Without the model the box sits inside the article and stays.
    assert BOX in newsclean.clean(pages["p0.txt"]).text


def test_prose_that_recurs_on_some_pages_stays() -> None:
    credit = "The reporting for this story was supported by a grant from the regional press fund."
    pages = {f"p{i}.txt": dump(*story).replace(BOX, credit if i < 3 else BOX).encode()
             for i, story in enumerate(STORIES)}
    learned = models(group_pages(signature(data, name, DEFAULTS) for name, data in pages.items()))
    assert credit in newsclean.clean(pages["p0.txt"], site_model=learned["p0.txt"]).text


def test_pages_group_by_site() -> None:
    pages = {f"a{i}.txt": dump(*story).encode() for i, story in enumerate(STORIES)}
    other = [("Mountain pass reopens after the spring storms", "mountain pass", "valley"),
             ("Museum shows a collection of old railway maps", "map collection", "museum"),
             ("Hospital adds a new wing for children", "children's wing", "hospital"),
             ("Choir wins the national amateur contest", "choir", "concert hall"),
             ("Bridge inspection finds only minor cracks", "bridge", "old town")]
    pages |= {f"b{i}.txt": dump(*story, site="Hillside Herald").replace("Local", "Region").replace(
        "Opinion", "Letters").replace(BOX, "Sign up for the Herald weekend edition and our puzzles").encode()
        for i, story in enumerate(other)}
    groups = group_pages(signature(data, name, DEFAULTS) for name, data in pages.items())
    assert sorted(sorted(g.pages) for g in groups) == [[f"a{i}.txt" for i in range(5)],
                                                       [f"b{i}.txt" for i in range(5)]]


def _run(folder: Path, out: Path, *args: str) -> dict[str, bytes]:
    proc = subprocess.run([sys.executable, "-m", "newsclean", str(folder), "-o", str(out), "-j", "1", *args],
                          capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


def test_cli_learns_across_the_run_whatever_the_order(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, story in enumerate(STORIES):
        (folder / f"p{i}.txt").write_text(dump(*story))
    first = _run(folder, tmp_path / "one")
    assert all(BOX.encode() not in data for data in first.values())
    listing = "\n".join(str(folder / f"p{i}.txt") for i in reversed(range(5)))
    (tmp_path / "list.txt").write_text(listing)
    proc = subprocess.run([sys.executable, "-m", "newsclean", "--files-from", str(tmp_path / "list.txt"),
                           "-o", str(tmp_path / "two"), "-j", "2"], capture_output=True, check=False)
    assert proc.returncode == 0
    assert {p.name: p.read_bytes() for p in sorted((tmp_path / "two").glob("*.json"))} == first
    without = _run(folder, tmp_path / "off", "--no-site-templates")
    assert all(BOX.encode() in data for data in without.values())


def test_two_pages_teach_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, story in enumerate(STORIES[:2]):
        (folder / f"p{i}.txt").write_text(dump(*story))
    assert _run(folder, tmp_path / "on") == _run(folder, tmp_path / "off", "--no-site-templates")
