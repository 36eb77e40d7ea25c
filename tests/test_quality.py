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
