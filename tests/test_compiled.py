"""The per-block stages run compiled (mypyc) after `make`, and give the same bytes as plain Python."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import newsclean
from newsclean._compiled import COMPILED, is_compiled, stale_modules

from .conftest import PAGES, REPO, SEED

TODAY = dt.date(2026, 11, 25)
# Cleans each file named on the command line; prints one line of JSON per file (explain included).
CLEAN_EACH = """
import datetime, gzip, json, sys
import newsclean
assert newsclean.__file__.startswith(sys.argv[1]), newsclean.__file__
for name in sys.argv[2:]:
    data = open(name, "rb").read()
    data = gzip.decompress(data) if name.endswith(".gz") else data
    article = newsclean.clean(data, source=name, today=datetime.date(2026, 11, 25))
    print(json.dumps([newsclean.render(article, "json", explain=True), newsclean.render(article, "markdown")]))
"""


def sample_pages(shared: Path) -> list[Path]:
    bench = shared / "bench" / "scrapinghub"
    fixtures = sorted(p for p in PAGES.rglob("*") if p.is_file())
    texts = sorted((bench / "text").glob("*.txt"))[:25]
    pages = sorted((bench / "html").glob("*.html.gz"))[:25]
    return [SEED, *fixtures, *texts, *pages]


def test_the_stages_are_compiled_unless_asked_not_to_or_edited_since() -> None:
    if os.environ.get("NEWSCLEAN_PURE_PYTHON") == "1" or stale_modules():
        assert not is_compiled()
    else:
        assert is_compiled(), "run `make` (or `pip install -e .`): the modules of _compiled.py should be built"


def test_compiled_and_plain_python_give_the_same_bytes(tmp_path: Path, shared: Path) -> None:
    plain = tmp_path / "newsclean"
    shutil.copytree(REPO / "newsclean", plain, ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    pages = sample_pages(shared)
    run = subprocess.run([sys.executable, "-c", CLEAN_EACH, str(plain), *map(str, pages)],
                         capture_output=True, text=True, check=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(tmp_path)})
    expected = [json.loads(line) for line in run.stdout.splitlines()]
    got = []
    for page in pages:
        data = page.read_bytes()
        article = newsclean.clean(gzip.decompress(data) if page.name.endswith(".gz") else data,
                                  source=str(page), today=TODAY)
        got.append([newsclean.render(article, "json", explain=True), newsclean.render(article, "markdown")])
    assert len(expected) == len(pages) > 50
    assert got == expected


def test_a_stale_build_is_seen(tmp_path: Path) -> None:
    package = tmp_path / "newsclean"
    package.mkdir()
    (tmp_path / "setup.py").write_text("")
    built = package / f"{COMPILED[0]}{EXTENSION_SUFFIXES[0]}"
    source = package / f"{COMPILED[0]}.py"
    built.write_bytes(b"")
    source.write_text("")
    os.utime(built, (1_000_000, 1_000_000))
    os.utime(source, (2_000_000, 2_000_000))
    assert stale_modules(package) == [COMPILED[0]]
    os.utime(built, (3_000_000, 3_000_000))
    assert stale_modules(package) == []


def test_after_an_edit_every_compiled_module_runs_from_its_source(tmp_path: Path) -> None:
    # A copy of the package with a build (a stand-in file) older than an edited source: importing it
    # says so in one line and loads all the compiled modules from their sources, the edit included.
    copy = tmp_path / "newsclean"
    shutil.copytree(REPO / "newsclean", copy, ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    (tmp_path / "setup.py").write_text("")
    built = copy / f"rules{EXTENSION_SUFFIXES[0]}"
    built.write_bytes(b"not a library")
    os.utime(built, (1_000_000, 1_000_000))
    with open(copy / "rules.py", "a") as handle:
        handle.write("\nEDITED = True\n")
    code = "import newsclean, newsclean.rules as r; print(r.EDITED, r.__file__.endswith('.py'))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "True"]
    assert proc.stderr.startswith("newsclean: warning: compiled rules older than the source; running the plain-Python")


def test_page_values_survive_pickling_and_stay_read_only() -> None:
    """Worker processes (-j) receive and return these values pickled; compiled, they refuse writes."""
    import pickle

    from newsclean.classify import measure
    from newsclean.model import Block
    from newsclean.settings import DEFAULTS

    article = newsclean.clean(SEED.read_bytes(), source="seed")
    blocks = article.blocks
    feats, verdicts = measure(blocks, DEFAULTS)
    for values in (blocks, feats, verdicts):
        copies = pickle.loads(pickle.dumps(values))
        for value, copy in zip(values, copies, strict=True):
            assert type(copy) is type(value)
            assert pickle.dumps(copy) == pickle.dumps(value)
    assert pickle.loads(pickle.dumps(article)) == article
    assert blocks[3].renumbered(7) == Block(7, blocks[3].text, blocks[3].tag)
    if is_compiled():
        for value, name in ((blocks[0], "text"), (feats[0], "words"), (verdicts[0], "rule")):
            try:
                setattr(value, name, 1)
            except AttributeError:
                continue
            raise AssertionError(f"{type(value).__name__}.{name} could be written")
