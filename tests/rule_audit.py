"""What each rule is worth on each development set: the rule switched off, the sets scored again.

    python -m tests.rule_audit [--shared ../shared] [--sets a,b] [--sample N] [--rules a,b] [--jobs N]
                               [--json FILE]

For every rule that can be switched off (Settings.disabled_rules), prints one markdown row: on
each set, the change of the set's primary figure (tests/accuracy.py's PRIMARY) with that rule off
against all rules on, and in brackets the pages where the rule fires (it names a block's verdict
in the context-free pass or the final one, or a box the HTML stage removed). Then the sum of the
changes, the pages whose text changed, and a reading under issue 12's ship rule: `drop` when the
pages do better without the rule (the sum gains, no set loses more than TOLERANCE), `mixed` when it
helps one set and hurts another (a form that holds everywhere is wanted), `inert` when no page
changes. A positive change means the rule costs that set.

`--sample N` scores N pages per set (their ids sorted, every k-th), so a sweep of every rule fits
on a shared machine; `--sample 0` scores every page. Confirm a decision on the full sets with
`python -m tests.accuracy --disable RULE`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from multiprocessing import Pool
from pathlib import Path
from typing import TYPE_CHECKING

from tests.accuracy import HERE, PRIMARY, SETS, TOLERANCE, score

# Names in catalog.RULE_NAMES that are no rule to switch off: the catch-all that ends RULES, the
# verdicts of lying outside the chosen body (the body selection itself), the bound on runaway input,
# and site templates (learned across a run's pages; these runs clean page by page).
NOT_AUDITED = frozenset({"short", "menu-run", "outside-body", "over-limit", "site-template"})

if TYPE_CHECKING:
    from multiprocessing.pool import Pool as PoolType

    from newsclean.settings import Settings

Job = tuple[str, frozenset[str], bool]  # page path, rules off, whether to name the rules that fire


def sample_ids(ids: list[str], size: int) -> list[str]:
    """`size` ids spread evenly over the sorted ids (every k-th); all of them when size is 0 or more."""
    ordered = sorted(ids)
    if size <= 0 or size >= len(ordered):
        return ordered
    return ordered[::len(ordered) // size][:size]


def fired(raw: bytes, path: str, settings: Settings) -> list[str]:
    """The rules that decide something on the page: the chrome rules that removed a box, the
    context-free rule of each block, and the final verdicts with the rule each replaced ('was X')."""
    from newsclean.classify import measure
    from newsclean.pipeline import prepare
    from newsclean.revise import revise
    from newsclean.titles import headline_indices

    prepared = prepare(raw, path, settings=settings)
    names = {removal.rule for removal in prepared.chrome}
    feats, classified = measure(prepared.blocks, settings)
    final = revise(prepared.blocks, feats, classified, headline_indices(prepared.blocks, feats, classified),
                   settings)
    names.update(v.rule for v in classified)
    for verdict in final:
        names.add(verdict.rule)
        if verdict.detail.startswith("was "):
            names.add(verdict.detail[4:])
    return sorted(names)


def run_page(job: Job) -> dict:
    import newsclean
    from newsclean.settings import with_overrides

    path, disabled, name_rules = job
    raw = Path(path).read_bytes()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    settings = with_overrides(newsclean.DEFAULTS, disabled_rules=disabled)
    try:
        article = newsclean.clean(raw, source=path, settings=settings)
    except newsclean.InputError as error:
        return {"text": "", "error": error.reason, "fired": []}
    meta = article.metadata
    out = {"text": article.text, "title": meta.title, "authors": list(meta.authors), "date": meta.date}
    if name_rules:
        out["fired"] = sorted(set(fired(raw, path, settings)) | {r.rule for r in article.removed})
    return out


def load_sets(shared: Path, names: list[str], size: int) -> dict[str, tuple[dict, list[str]]]:
    """Each set's truth (the sampled pages only) and the paths of those pages."""
    found = {}
    for name in names:
        folder, truth_file, pattern, _ = SETS[name]
        root = shared / "bench" / folder
        truth = json.loads((root / truth_file).read_text("utf-8"))
        ids = sample_ids(list(truth), size)
        found[name] = ({i: truth[i] for i in ids}, [str(root / pattern.format(id=i)) for i in ids])
    return found


def sweep(pool: PoolType, sets: dict[str, tuple[dict, list[str]]], disabled: frozenset[str], name_rules: bool,
          ) -> dict[str, dict]:
    """Predictions of every set's pages with `disabled` off: set -> page id -> prediction."""
    jobs = [(path, disabled, name_rules) for _, paths in sets.values() for path in paths]
    results = iter(pool.map(run_page, jobs, chunksize=4))
    return {name: {page_id: next(results) for page_id in truth} for name, (truth, _) in sets.items()}


def reading(deltas: dict[str, float], changed: int) -> str:
    if not changed:
        return "inert"
    total = sum(deltas.values())
    if total > 0 and all(d >= -TOLERANCE for d in deltas.values()):
        return "drop"
    if any(d < -TOLERANCE for d in deltas.values()) and any(d > TOLERANCE for d in deltas.values()):
        return "mixed"
    return "keep"


def audited_rules() -> list[str]:
    from newsclean.catalog import RULE_NAMES

    return [name for name in RULE_NAMES if name not in NOT_AUDITED]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--sample", type=int, default=120, help="pages per set (0: all)")
    parser.add_argument("--rules", default="", help="only these rules (default: every rule that can be off)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    from newsclean.catalog import check_rule_names

    names = args.sets.split(",")
    try:
        rules = sorted(check_rule_names(args.rules.split(","))) if args.rules else audited_rules()
    except ValueError as error:
        parser.error(str(error))
    sets = load_sets(args.shared, names, args.sample)
    with Pool(args.jobs) as pool:
        base = sweep(pool, sets, frozenset(), True)
        base_rows = {name: score(args.shared, name, sets[name][0], base[name]) for name in names}
        fires = {rule: {name: sum(rule in p["fired"] for p in base[name].values()) for name in names}
                 for rule in rules}
        figures: dict[str, dict] = {}
        for rule in rules:
            preds = sweep(pool, sets, frozenset({rule}), False)
            deltas = {name: score(args.shared, name, sets[name][0], preds[name])[PRIMARY[name]]
                      - base_rows[name][PRIMARY[name]] for name in names}
            changed = sum(preds[name][i]["text"] != base[name][i]["text"] for name in names for i in preds[name])
            figures[rule] = {"deltas": deltas, "fires": fires[rule], "changed": changed,
                             "reading": reading(deltas, changed)}
            print(f"{rule}: {sum(deltas.values()):+.4f} ({changed} pages changed)", file=sys.stderr)
    pages = {name: len(truth) for name, (truth, _) in sets.items()}
    lines = [f"All rules on, {'every page' if args.sample <= 0 else f'a sample of {args.sample} pages a set'}: "
             + ", ".join(f"{name} {base_rows[name][PRIMARY[name]]:.4f} ({pages[name]})" for name in names),
             "",
             "| rule | " + " | ".join(names) + " | Σ Δ | pages changed | reading |",
             "|---|" + "---:|" * (len(names) + 2) + "---|"]
    for rule in sorted(rules, key=lambda r: -sum(figures[r]["deltas"].values())):
        row = figures[rule]
        cells = [f"{row['deltas'][name]:+.4f} ({row['fires'][name]})" for name in names]
        lines.append(f"| {rule} | " + " | ".join(cells)
                     + f" | {sum(row['deltas'].values()):+.4f} | {row['changed']} | {row['reading']} |")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({"sample": args.sample, "base": base_rows, "rules": figures}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
