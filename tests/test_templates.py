"""Site templates: lines a site repeats across its pages are learned within a run and removed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import newsclean
from newsclean.settings import DEFAULTS
from newsclean.templates import Group, forget_stale, group_pages, models, signature

from .conftest import PAGES, output_files

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
    assert removal.rule == "site-template" and removal.detail == "on 5 of 5 pages of the site of p0.txt"
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


def write_pages(folder: Path, stories: list[tuple[str, str, str]]) -> Path:
    """A folder of dumps of the one test site, one a story."""
    folder.mkdir(exist_ok=True)
    for i, story in enumerate(stories):
        (folder / f"p{i}.txt").write_text(dump(*story))
    return folder


def _run(folder: Path, out: Path, *args: str) -> dict[str, bytes]:
    proc = subprocess.run([sys.executable, "-m", "newsclean", str(folder), "-o", str(out), "-j", "1", *args],
                          capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


def test_cli_learns_across_the_run_whatever_the_order(tmp_path: Path) -> None:
    folder = write_pages(tmp_path / "pages", STORIES)
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
    folder = write_pages(tmp_path / "pages", STORIES[:2])
    assert _run(folder, tmp_path / "on") == _run(folder, tmp_path / "off", "--no-site-templates")


def test_site_option_groups_pages_whatever_address_they_state(tmp_path: Path) -> None:
    # One site served from two hosts (desktop and mobile): two pages each teach nothing per host.
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, story in enumerate(STORIES[:4]):
        host = "www.riverton.example" if i % 2 else "m.riverton.example"
        (folder / f"p{i}.txt").write_text(f"https://{host}/news/{i}\n" + dump(*story))
    by_host = _run(folder, tmp_path / "hosts")
    assert all(BOX.encode() in data for data in by_host.values())
    proc = subprocess.run([sys.executable, "-m", "newsclean", str(folder), "-o", str(tmp_path / "site"), "-j", "1",
                           "--site", "https://www.Riverton.example/", "--explain"], capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert f"site-template (on 4 of 4 pages of riverton.example): {BOX}".encode() in proc.stderr
    assert all(BOX not in json.loads(p.read_text())["text"] for p in (tmp_path / "site").glob("*.json"))
    refused = subprocess.run([sys.executable, "-m", "newsclean", str(folder), "--site", "x.example",
                              "--no-site-templates"], capture_output=True, check=False)
    assert refused.returncode == 2 and b"--site" in refused.stderr


def test_models_carry_over_to_later_runs(tmp_path: Path) -> None:
    folder = write_pages(tmp_path / "pages", STORIES[:4])
    out = tmp_path / "out"
    _run(folder, out, "--explain")
    # The hourly run brings one new page: alone it teaches nothing, but the folder's model knows.
    (folder / "p4.txt").write_text(dump(*STORIES[4]))
    proc = subprocess.run([sys.executable, "-m", "newsclean", str(folder), "-o", str(out), "-v", "--explain"],
                          capture_output=True, check=False)
    assert b"1 cleaned, 4 unchanged" in proc.stderr
    assert BOX not in json.loads((out / "p4.json").read_text())["text"]
    assert f"site-template (on 5 of 5 pages of the site of p0.txt): {BOX}".encode() in proc.stderr
    assert (out / ".newsclean" / "state.sqlite").stat().st_size < 200_000


def test_a_folder_growing_by_one_page_a_run_learns(tmp_path: Path) -> None:
    folder, out = tmp_path / "pages", tmp_path / "out"
    folder.mkdir()
    for i, story in enumerate(STORIES):
        (folder / f"p{i}.txt").write_text(dump(*story))
        _run(folder, out)
    texts = [json.loads((out / f"p{i}.json").read_text())["text"] for i in range(5)]
    # The first pages came alone (nothing to learn from yet); the third found two before it.
    assert [BOX in text for text in texts] == [True, True, False, False, False]


def test_models_export_and_import(tmp_path: Path) -> None:
    folder = write_pages(tmp_path / "pages", STORIES[:4])
    saved = tmp_path / "models.json"
    _run(folder, tmp_path / "out", "--save-templates", str(saved))
    page = dump(*STORIES[4]).encode()
    alone = subprocess.run([sys.executable, "-m", "newsclean", "-"], input=page, capture_output=True, check=False)
    taught = subprocess.run([sys.executable, "-m", "newsclean", "-", "--templates", str(saved)], input=page,
                            capture_output=True, check=False)
    assert BOX in json.loads(alone.stdout)["text"]
    assert BOX not in json.loads(taught.stdout)["text"]


def test_an_imported_model_is_merged_into_a_folder_once(tmp_path: Path) -> None:
    folder = write_pages(tmp_path / "pages", STORIES[:3])
    saved = tmp_path / "models.json"
    _run(folder, tmp_path / "first", "--save-templates", str(saved))
    # A cron job names the same file every hour while new pages arrive in another folder.
    later, out = tmp_path / "later", tmp_path / "out"
    later.mkdir()
    sizes = []
    for i, story in enumerate(STORIES[3:]):
        (later / f"q{i}.txt").write_text(dump(*story))
        _run(later, out, "--templates", str(saved), "--save-templates", str(tmp_path / "now.json"))
        sizes.append([g["pages"] for g in json.loads((tmp_path / "now.json").read_text())["groups"]])
    assert sizes == [[4], [5]]
    # The same file named both ways (a cron line that reads its models and writes them back).
    both, out2 = tmp_path / "both.json", tmp_path / "out2"
    _run(folder, tmp_path / "third", "--save-templates", str(both))
    sizes = []
    for i, story in enumerate(STORIES[3:]):
        (later / f"r{i}.txt").write_text(dump(*story))
        _run(later, out2, "--templates", str(both), "--save-templates", str(both))
        sizes.append([g["pages"] for g in json.loads(both.read_text())["groups"]])
    assert sizes == [[5], [5]]  # r0 and r1 are copies of q0 and q1: counted once; the file merged once


def test_a_page_a_models_file_learned_from_is_not_counted_again(tmp_path: Path) -> None:
    folder = write_pages(tmp_path / "pages", STORIES[:2])  # two pages: nothing to learn yet
    saved = tmp_path / "models.json"
    _run(folder, tmp_path / "out", "--save-templates", str(saved))
    page = (folder / "p0.txt").read_bytes()
    again = subprocess.run([sys.executable, "-m", "newsclean", "-", "--templates", str(saved)], input=page,
                           capture_output=True, check=False)
    # Counted a second time it would make a third page of the site, and its box a template line.
    assert BOX in json.loads(again.stdout)["text"]


def test_stale_lines_are_forgotten() -> None:
    group = Group("example.com", 0, "example.com", earlier=500,
                  counts=Counter({1: 1, 2: 1, 3: 400, 4: 60}), seen={1: 450, 2: 100, 3: 480, 4: 200})
    forget_stale(group)
    # seen once recently: kept; seen once long ago: gone; frequent: kept; frequent but long gone: gone
    assert set(group.counts) == {1, 3}


def test_each_page_is_read_and_parsed_once_and_the_output_is_the_same(monkeypatch: pytest.MonkeyPatch,
                                                                       tmp_path: Path) -> None:
    from click.testing import CliRunner

    import newsclean.runner as runner
    from newsclean.cli import main

    folder = tmp_path / "pages"
    folder.mkdir()
    for n, name in enumerate(sorted(p.name for p in PAGES.iterdir() if p.is_dir())[:6]):
        source = next((PAGES / name).glob("source.*"))
        (folder / f"{n}{source.suffix}").write_bytes(source.read_bytes())
    reads: Counter[str] = Counter()
    real = runner.read_bytes
    monkeypatch.setattr(runner, "read_bytes", lambda source: (reads.update([source]), real(source))[1])
    result = CliRunner().invoke(main, [str(folder), "-o", str(tmp_path / "once"), "-j", "1"])
    assert result.exit_code in (0, 3), result.stderr
    assert len(reads) == 6 and set(reads.values()) == {1}  # learned from, then cleaned, from one read
    monkeypatch.setattr(runner, "KEEP_CHARS", 0)  # nothing kept: read and parsed again to clean
    CliRunner().invoke(main, [str(folder), "-o", str(tmp_path / "twice"), "-j", "1"])
    assert set(reads.values()) == {3}
    assert output_files(tmp_path / "once") == output_files(tmp_path / "twice")
