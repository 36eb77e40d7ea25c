"""Accuracy of newsclean on every development set at once, against a stored baseline.

    python -m tests.accuracy [--shared ../shared] [--sets a,b] [--out DIR] [--save-baseline] [--holdout SET]
                             [--set FIELD=VALUE ...] [--disable RULE,RULE]

Runs `newsclean.clean` (page by page, no site templates) over each set's pages on every core,
scores the bodies with the set's own scorer (`score.py` word shingles where the truth has whole
bodies, `score_snippets.py` where it has snippets) and the metadata with `score_meta.py`, and
prints one table with the change against `tests/accuracy_baseline.json`. A change ships only if
it gains on the sum and loses more than `TOLERANCE` on no set (issue 12); `--holdout SET` names
the set kept out of this round of tuning, so the table marks it. Predictions are written to
`--out` (one JSON per set: id -> {text, title, authors, date}) for `--per-page` reading with the
scorers, and for diffs between two versions of the code.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import sys
from multiprocessing import Pool
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "accuracy_baseline.json"
TOLERANCE = 0.002

# set name -> (folder below bench/, truth file, page pattern, scores)
SETS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "sh-html": ("scrapinghub", "ground-truth.json", "html/{id}.html.gz", ("body",)),
    "sh-text": ("scrapinghub", "ground-truth.json", "text/{id}.txt", ("body",)),
    "sh-lynx": ("scrapinghub", "ground-truth.json", "lynx/{id}.txt", ("body",)),
    "sh-w3m": ("scrapinghub", "ground-truth.json", "w3m/{id}.txt", ("body",)),
    "ms-html": ("multisite", "ground-truth.json", "html/{id}.html.gz", ("body",)),
    "ms-text": ("multisite", "ground-truth.json", "text/{id}.txt", ("body",)),
    "ms-lynx": ("multisite", "ground-truth.json", "lynx/{id}.txt", ("body",)),
    "wcxb": ("wcxb-dev", "ground-truth.json", "html/{id}.html.gz", ("body", "snippets", "meta")),
    "traf": ("trafilatura-eval", "truth.json", "html/{id}.html.gz", ("snippets", "meta")),
}
# The one figure per set that the ship rule compares.
PRIMARY = {name: ("snippets_f1" if scores[0] == "snippets" else "f1") for name, (_, _, _, scores) in SETS.items()}


def load(shared: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, shared / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _clean(job: tuple[str, dict]) -> dict:
    import newsclean
    from newsclean.settings import with_overrides

    path, overrides = job
    raw = Path(path).read_bytes()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    try:
        article = newsclean.clean(raw, source=path, settings=with_overrides(newsclean.DEFAULTS, **overrides))
    except newsclean.InputError as error:
        return {"text": "", "error": error.reason}
    meta = article.metadata
    return {"text": article.text, "title": meta.title, "authors": list(meta.authors), "date": meta.date}


def predict(shared: Path, name: str, jobs: int, overrides: dict | None = None) -> tuple[dict, dict]:
    folder, truth_file, pattern, _ = SETS[name]
    root = shared / "bench" / folder
    truth = json.loads((root / truth_file).read_text("utf-8"))
    paths = [(str(root / pattern.format(id=page_id)), overrides or {}) for page_id in truth]
    with Pool(jobs) as pool:
        results = pool.map(_clean, paths, chunksize=8)
    return truth, dict(zip(truth, results, strict=True))


def snippet_scores(scorer: ModuleType, truth: dict, preds: dict) -> dict:
    """score_snippets.py's counts, as numbers (it prints only)."""
    tp = fn = fp = 0
    for page_id, item in truth.items():
        text = scorer.flat(preds.get(page_id, {}).get("text", ""))
        found = [scorer.flat(s) in text for s in item.get("with", []) if scorer.flat(s)]
        leaked = [scorer.flat(s) in text for s in item.get("without", []) if scorer.flat(s)]
        tp, fn, fp = tp + sum(found), fn + len(found) - sum(found), fp + sum(leaked)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"snippets_f1": 2 * p * r / (p + r) if p + r else 0.0, "snippets_p": p, "snippets_r": r}


def score(shared: Path, name: str, truth: dict, preds: dict) -> dict:
    scores = SETS[name][3]
    row: dict[str, float] = {"pages": len(truth),
                             "no_article": sum(1 for p in preds.values() if not p["text"].strip())}
    if "body" in scores:
        body = load(shared, "score").score(truth, {k: v["text"] for k, v in preds.items()})
        row.update(f1=body["f1"], precision=body["precision"], recall=body["recall"])
    if "snippets" in scores:
        row.update(snippet_scores(load(shared, "score_snippets"), truth, preds))
    if "meta" in scores:
        summary = load(shared, "score_meta").score(truth, preds)["summary"]
        row.update({k: v for k, (v, _) in summary.items()
                    if k in ("title_f1", "title_exact", "date", "authors_f1") and v is not None})
    return row


COLUMNS = ("f1", "precision", "recall", "snippets_f1", "snippets_p", "snippets_r", "title_f1", "date", "authors_f1")


def table(rows: dict[str, dict], baseline: dict[str, dict], holdout: str | None) -> list[str]:
    out = [f"{'set':8} {'pages':>5} {'none':>4} " + " ".join(f"{c[:10]:>10}" for c in COLUMNS) + "   Δ primary"]
    for name, row in rows.items():
        cells = []
        for column in COLUMNS:
            cells.append(f"{row[column]:10.4f}" if column in row else f"{'':10}")
        base = baseline.get(name, {}).get(PRIMARY[name])
        delta = f"{row[PRIMARY[name]] - base:+.4f}" if base is not None else "new"
        mark = "  (held out)" if name == holdout else ""
        out.append(f"{name:8} {row['pages']:5d} {row['no_article']:4d} " + " ".join(cells) + f"   {delta}{mark}")
    return out


def verdict(rows: dict[str, dict], baseline: dict[str, dict]) -> tuple[float, list[str]]:
    """The summed change of the primary figures, and the sets that lose more than TOLERANCE."""
    total, losers = 0.0, []
    for name, row in rows.items():
        base = baseline.get(name, {}).get(PRIMARY[name])
        if base is None:
            continue
        delta = row[PRIMARY[name]] - base
        total += delta
        if delta < -TOLERANCE:
            losers.append(f"{name} {delta:+.4f}")
    return total, losers


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--out", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "newsclean-accuracy")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--holdout", choices=sorted(SETS))
    parser.add_argument("--save-baseline", action="store_true", help="store these figures as the baseline")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        help="run with this Settings field changed (a number), to try a weight")
    parser.add_argument("--disable", default="", metavar="RULE,RULE",
                        help="run with these rules switched off (Settings.disabled_rules), to measure them")
    args = parser.parse_args(argv)
    from newsclean import DEFAULTS
    from newsclean.catalog import check_rule_names

    overrides: dict = {field: type(getattr(DEFAULTS, field))(float(value))
                       for field, value in (item.split("=", 1) for item in args.set)}
    if args.disable:
        try:
            overrides["disabled_rules"] = check_rule_names(args.disable.split(","))
        except ValueError as error:
            parser.error(str(error))
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    args.out.mkdir(parents=True, exist_ok=True)
    rows = {}
    for name in args.sets.split(","):
        truth, preds = predict(args.shared, name, args.jobs, overrides)
        (args.out / f"{name}.json").write_text(json.dumps(preds, ensure_ascii=False, indent=0))
        rows[name] = score(args.shared, name, truth, preds)
    print("\n".join(table(rows, baseline, args.holdout)))
    total, losers = verdict(rows, baseline)
    print(f"sum of primary changes {total:+.4f}; " + (f"losing: {', '.join(losers)}" if losers else "no set loses"))
    if args.save_baseline:
        BASELINE.write_text(json.dumps({**baseline, **rows}, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
