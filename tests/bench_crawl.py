"""`make bench`, crawls (issue 15): the scrapinghub pages as WARC files (HTML `response` records with
their HTTP heads) and WET files (their text dumps as `conversion` records), built by tests/warcs.py.

- accuracy: F1 of `newsclean WARC/WET files -o OUT` against the folder runs of the same pages;
- speed: one WARC of all the pages against the folder of the same pages (the same command, -o);
  reading alone, FastWARC (newsclean.warc) against warcio, records per second;
- engines: Spark local[2] and a Dask LocalCluster(2) over 8 WARC files against `newsclean -j 2`
  on the same files, wall time, and whether the articles match.

    python -m tests.bench_crawl [--shared ../shared] [--no-engines]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests import warcs  # noqa: E402
from tests.accuracy import load  # noqa: E402
from tests.bench import timed_run  # noqa: E402

ENGINE_SCRIPT = """
import json, os, sys, time
paths = sys.argv[2:]
started = time.perf_counter()
if sys.argv[1] == "spark":
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    from newsclean.spark_job import clean_crawls
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    ready = time.perf_counter()
    rows = clean_crawls(spark.sparkContext, paths).collect()
    spark.stop()
    texts = {p: "".join(r[3] + "\\n" for r in sorted(rows, key=lambda r: r[1]) if r[0] == p and r[3]) for p in paths}
else:
    from distributed import Client, LocalCluster
    from newsclean.dask_job import clean_crawls
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \\
            Client(cluster) as client:
        ready = time.perf_counter()
        results = clean_crawls(client, paths)
    texts = {r.path: "".join(c.text + "\\n" for c in r.cleaned if c.text) for r in results}
print(json.dumps({"start": ready - started, "texts": texts}))
"""


def texts_of(out: Path, which: dict[str, str]) -> dict[str, str]:
    """page id -> article text, from a run's output folder (JSON Lines of crawls, or one JSON per page)."""
    found = {}
    for path in sorted(out.glob("*.json*")):
        lines = path.read_text().splitlines() if path.suffix == ".jsonl" else [path.read_text()]
        for line in lines:
            article = json.loads(line)
            record_id = article["source"].rpartition("#")[2]
            found[which.get(record_id, path.stem)] = article["text"]
    return found


def crawl_bench(shared: Path, engines: bool = True, files: int = 8) -> None:
    root = Path(tempfile.mkdtemp(prefix="newsclean-crawl-"))
    exe = str(Path(sys.executable).with_name("newsclean"))
    try:
        built = root / "crawl"
        which = warcs.build_bench(shared, built, files)
        html = warcs.bench_pages(shared, "html", "{id}.html.gz")
        text = warcs.bench_pages(shared, "text", "{id}.txt")
        for name, pages, suffix in (("pages", html, ".html"), ("dumps", text, ".txt")):
            (root / name).mkdir()
            for page_id, page in pages.items():
                (root / name / f"{page_id}{suffix}").write_bytes(page.data)
        warcs.write(root / "all.warc.gz", warcs.crawl_records(list(html.values())))
        truth = json.loads((shared / "bench" / "scrapinghub" / "ground-truth.json").read_text())
        scorer = load(shared, "score")
        warc_files = sorted(str(p) for p in built.glob("*.warc.gz"))
        wet_files = sorted(str(p) for p in built.glob("*.warc.wet.gz"))

        print(f"\ncrawls: the {len(html)} scrapinghub pages as {files} WARC and {files} WET files (tests/warcs.py)")
        print(f"{'input':34} {'F1':>6} {'same pages as files':>20}")
        for name, crawl, folder in (("WARC (HTML responses)", warc_files, "pages"),
                                    ("WET (text dumps)", wet_files, "dumps")):
            subprocess.run([exe, *crawl, "-o", str(root / f"out-{folder}-crawl"), "-q"], check=False)
            subprocess.run([exe, str(root / folder), "-o", str(root / f"out-{folder}"), "-q"], check=False)
            f1_crawl = scorer.score(truth, texts_of(root / f"out-{folder}-crawl", which))["f1"]
            f1_files = scorer.score(truth, texts_of(root / f"out-{folder}", which))["f1"]
            print(f"{name:34} {f1_crawl:6.4f} {f1_files:20.4f}")

        print(f"\nspeed: {len(html)} pages, the whole command with -o, best of 3, runs taking turns")
        runs = {"newsclean all.warc.gz -o": [exe, str(root / "all.warc.gz"), "-o", "{out}", "-q"],
                "newsclean pages/ -o (same pages)": [exe, str(root / "pages"), "-o", "{out}", "-q"]}
        best = {name: float("inf") for name in runs}
        for n in range(3):
            for name, args in runs.items():
                out = str(root / f"speed-{n}-{len(name)}")
                seconds, _, _ = timed_run([a.replace("{out}", out) for a in args])
                best[name] = min(best[name], seconds)
        for name, seconds in best.items():
            print(f"{name:34} {seconds:6.2f} s {len(html) / seconds:8.0f} records/s")
        warc, folder = best.values()
        print(f"WARC against the folder: {100 * (warc - folder) / folder:+.1f} % time (target: within 10 %)")
        reading(root / "all.warc.gz", 20)
        if engines:
            engine_runs(exe, warc_files, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def reading(path: Path, copies: int) -> None:
    """Reading alone (every record's payload), FastWARC and warcio, on a WARC of `copies` times the
    file, in MB/s. newsclean's own reading gives the page records only, their HTTP heads parsed."""
    big = path.with_name("big.warc.gz")
    big.write_bytes(path.read_bytes() * copies)
    from collections import Counter

    from newsclean.warc import records

    def with_newsclean() -> int:
        return sum(1 for _ in records(str(big), Counter()))

    def with_fastwarc() -> int:
        from fastwarc.warc import ArchiveIterator

        return sum(len(r.reader.read()) >= 0 for r in ArchiveIterator(str(big), parse_http=True, fsspec_args=False))

    def with_warcio() -> int:
        try:
            from warcio.archiveiterator import ArchiveIterator
        except ImportError:
            return -1
        with open(big, "rb") as handle:
            return sum(len(r.content_stream().read()) >= 0 for r in ArchiveIterator(handle))

    size = big.stat().st_size / 1e6
    print(f"\nreading alone: {size:.0f} MB WARC ({copies} copies of the pages), every record's payload, best of 3")
    for name, read in (("FastWARC (ArchiveIterator)", with_fastwarc), ("warcio (ArchiveIterator)", with_warcio),
                       ("newsclean.warc.records (FastWARC)", with_newsclean)):
        times = []
        count = 0
        for _ in range(3):
            started = time.perf_counter()
            count = read()
            times.append(time.perf_counter() - started)
        if count < 0:
            print(f"{name:34} not installed")
            continue
        print(f"{name:34} {min(times):6.2f} s {count:6d} records {size / min(times):7.0f} MB/s")


def engine_runs(exe: str, paths: list[str], root: Path) -> None:
    """Spark local[2] and Dask LocalCluster(2) against newsclean -j 2 on the same WARC files."""
    out = root / "out-j2"
    seconds, _, _ = timed_run([exe, *paths, "-o", str(out), "-j", "2", "-q"])
    expected = {p: (out / f"{Path(p).name.removesuffix('.gz')}.jsonl").read_text() for p in paths}
    print(f"\nengines over {len(paths)} WARC files (2 cores), wall time including start-up:")
    print(f"{'newsclean FILES -o OUT -j 2':34} {seconds:6.2f} s")
    for engine in ("spark", "dask"):
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", ENGINE_SCRIPT, engine, *paths], capture_output=True, text=True,
                              check=False, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        wall = time.perf_counter() - started
        if proc.returncode != 0:
            print(f"{engine:34} failed: {proc.stderr.strip().splitlines()[-1:] or proc.returncode}")
            continue
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        same = result["texts"] == expected
        print(f"{engine + ' (local, 2 workers)':34} {wall:6.2f} s (of which start-up {result['start']:.1f} s); "
              f"articles {'equal' if same else 'DIFFER'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--no-engines", dest="engines", action="store_false")
    args = parser.parse_args()
    crawl_bench(args.shared, args.engines)


if __name__ == "__main__":
    main()
