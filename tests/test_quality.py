"""Accuracy floors on the public benchmark (../shared/bench): a change that costs F1 fails here.

The floors sit just under the scores measured when they were set (tests/bench_floor.json, shared
with `make bench`); raise them when the extractor improves, never lower them to let a change in.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

import newsclean
from newsclean.metadata import detect_language

FLOORS = json.loads((Path(__file__).resolve().parent / "bench_floor.json").read_text())


def _score(shared: Path, kind: str) -> tuple[dict, dict, dict]:
    spec = importlib.util.spec_from_file_location("score", shared / "bench" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    root = shared / "bench" / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    predictions = {}
    for page_id in truth:
        if kind == "text":
            data = (root / "text" / f"{page_id}.txt").read_bytes()
        else:
            data = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        predictions[page_id] = newsclean.clean(data, source=page_id).text
    other = {k: v for k, v in truth.items() if detect_language(v["articleBody"]) != "en"}
    return scorer.score(truth, predictions), scorer.score(other, predictions), truth


@pytest.mark.parametrize("kind", ["text", "html"])
def test_scrapinghub_f1_floor(shared: Path, kind: str) -> None:
    result, other, _ = _score(shared, kind)
    assert result["f1"] >= FLOORS[f"sh-{kind}"], f"F1 {result['f1']:.4f}"
    # Pages in other languages must not collapse.
    assert other["pages"] >= 15 and other["f1"] >= 0.8, f"non-English F1 {other['f1']:.4f}"


# F1 a site may lose with templates where its truth keeps template lines (see below).
LEAKED_TEMPLATE = 0.001


def test_multisite_dumps_with_site_templates(shared: Path) -> None:
    """The multi-site set as one flat folder: learned templates lift F1 above the floor, and no
    site scores lower with them than without (issue 6), but for what the truth's own template lines
    cost: the set's README finds template lines inside latimes/2005's truth ("If you want other
    stories on this topic, search the Archives"), which a template remover must cut (0.0004)."""
    from newsclean.settings import DEFAULTS
    from newsclean.templates import group_pages, models, signature

    spec = importlib.util.spec_from_file_location("score", shared / "bench" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    root = shared / "bench" / "multisite"
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    pages = {page_id: (root / "text" / f"{page_id}.txt").read_bytes() for page_id in truth}
    learned = models(group_pages(s for s in (signature(data, page_id, DEFAULTS) for page_id, data in pages.items())
                                 if s is not None))
    with_models = {k: newsclean.clean(data, source=k, site_model=learned.get(k)).text for k, data in pages.items()}
    without = {k: newsclean.clean(data, source=k).text for k, data in pages.items()}
    result = scorer.score(truth, with_models)
    assert result["f1"] >= FLOORS["ms-text-templates"], f"F1 {result['f1']:.4f}"
    assert result["f1"] > scorer.score(truth, without)["f1"]
    for site in sorted({v["site"] for v in truth.values()}):
        part = {k: v for k, v in truth.items() if v["site"] == site}
        assert scorer.score(part, with_models)["f1"] >= scorer.score(part, without)["f1"] - LEAKED_TEMPLATE, site
