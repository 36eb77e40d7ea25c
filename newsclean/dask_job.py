"""newsclean on Dask (`dask.distributed`): clean a list of WARC/WET files, one task per file.

The same steps as on Spark (spark_job.py): learn per file, merge the counts, hand the models to
every cleaning task, clean. The articles equal those of `newsclean FILES...` on one machine.

    python -m newsclean.dask_job --scheduler tcp://scheduler:8786 --output clean/ crawl/*.warc.gz

Without --scheduler a LocalCluster of this machine's cores runs it. Every worker needs newsclean
installed and the paths readable.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .crawl import FileResult, clean_file, host_models, learn_file, merge_counts
from .settings import DEFAULTS, Settings
from .templates import HostCounts

if TYPE_CHECKING:
    from distributed import Client


def _merge_pair(a: dict[str, HostCounts], b: dict[str, HostCounts]) -> dict[str, HostCounts]:
    return merge_counts(a, b)


def clean_crawls(client: Client, paths: list[str], settings: Settings = DEFAULTS, fmt: str = "json",
                 templates: bool = True) -> list[FileResult]:
    """Each file's result, in the order of `paths`: learn per file → merge (a tree) → scatter the
    models to every worker → clean per file."""
    models = {}
    if templates and paths:
        counts = client.map(learn_file, paths, settings=settings, pure=False)
        while len(counts) > 1:  # a tree of pairwise merges, as Spark's treeReduce
            pairs = [client.submit(_merge_pair, a, b, pure=False)
                     for a, b in zip(counts[::2], counts[1::2], strict=False)]
            counts = pairs + ([counts[-1]] if len(counts) % 2 else [])
        models = host_models(counts[0].result())
    [shared] = client.scatter([models], broadcast=True)  # (a dict alone would be scattered item by item)
    futures = client.map(clean_file, paths, models=shared, settings=settings, fmt=fmt, pure=False)
    return client.gather(futures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsclean.dask_job", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="WARC or WET files (paths every worker can read)")
    parser.add_argument("--output", type=Path, required=True, help="folder for one NAME.jsonl per file")
    parser.add_argument("--scheduler", help="the scheduler's address (default: a LocalCluster here)")
    parser.add_argument("--workers", type=int, help="worker processes of the LocalCluster (default: the cores)")
    parser.add_argument("--no-site-templates", dest="templates", action="store_false")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                                       dashboard_address=None)
    failed = 0
    with Client(args.scheduler or cluster) as client:
        results = clean_crawls(client, args.paths, templates=args.templates)
    if cluster is not None:
        cluster.close()
    args.output.mkdir(parents=True, exist_ok=True)
    for result in results:
        name = Path(result.path).name.removesuffix(".gz")
        lines = "".join(c.text.rstrip("\n") + "\n" for c in result.cleaned if c.text)
        (args.output / f"{name}.jsonl").write_text(lines, encoding="utf-8")
        for c in result.cleaned:
            if c.error is not None:
                print(f"newsclean: error: {c.source}: {c.error}", file=sys.stderr)
                failed += 1
        if result.damage is not None:
            print(f"newsclean: error: {result.path}: {result.damage}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
