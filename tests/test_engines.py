"""newsclean on real distributed engines: Spark (`local[2]`, a real JVM) and Dask (a LocalCluster
of 2 worker processes) over WARC files of the scrapinghub pages give the command's bytes."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean.cli import Exit, main

from . import warcs

FILES = 3
PAGES_PER_FILE = 5


@pytest.fixture(scope="module")
def crawl(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, str]]:
    """Three WARC files, and what `newsclean FILES -o OUT` writes for each (templates on)."""
    html = warcs.bench_pages(shared, "html", "{id}.html.gz")
    ids = sorted(html)[:FILES * PAGES_PER_FILE]
    folder = tmp_path_factory.mktemp("engines")
    paths = [str(warcs.write(folder / f"e{n}.warc.gz", warcs.crawl_records([html[i] for i in ids[n::FILES]])))
             for n in range(FILES)]
    out = folder / "out"
    result = CliRunner().invoke(main, [*paths, "-o", str(out), "-j", "2"], catch_exceptions=False)
    assert result.exit_code == Exit.OK, result.stderr
    expected = {path: (out / f"{Path(path).name.removesuffix('.gz')}.jsonl").read_text() for path in paths}
    assert all(text.count("\n") == PAGES_PER_FILE for text in expected.values())
    return paths, expected


def needs_java() -> None:
    """Spark runs on a JVM: CI installs one (.ci/run); a developer's machine without one says so."""
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("Spark needs a Java runtime: .ci/run installs one")
        pytest.skip("no Java runtime on this machine (CI installs one)")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this Python, with newsclean


def test_spark_local_gives_the_command_line_articles(crawl: tuple[list[str], dict[str, str]]) -> None:
    needs_java()
    from pyspark.sql import SparkSession

    from newsclean.spark_job import clean_crawls

    paths, expected = crawl
    spark = (SparkSession.builder.master("local[2]").appName("newsclean-test")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    try:
        spark.sparkContext.setLogLevel("ERROR")
        rows = clean_crawls(spark.sparkContext, paths).collect()
    finally:
        spark.stop()
    assert all(error is None for *_, error in rows)
    got = {path: "".join(text + "\n" for p, _, _, text, _ in sorted(rows, key=lambda r: (r[0], r[1]))
                         if p == path and text is not None) for path in paths}
    assert got == expected


def test_dask_local_cluster_gives_the_command_line_articles(crawl: tuple[list[str], dict[str, str]]) -> None:
    from distributed import Client, LocalCluster

    from newsclean.dask_job import clean_crawls

    paths, expected = crawl
    with (LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
          Client(cluster) as client):
        results = clean_crawls(client, paths)
    assert [r.path for r in results] == paths
    assert all(r.damage is None and all(c.error is None for c in r.cleaned) for r in results)
    got = {r.path: "".join(c.text + "\n" for c in r.cleaned if c.text) for r in results}
    assert got == expected


def test_dask_job_writes_one_json_lines_file_per_crawl_file(crawl: tuple[list[str], dict[str, str]],
                                                             tmp_path: Path) -> None:
    from newsclean.dask_job import main as dask_main

    paths, expected = crawl
    assert dask_main([*paths[:2], "--output", str(tmp_path), "--workers", "2"]) == 0
    for path in paths[:2]:
        assert (tmp_path / f"{Path(path).name.removesuffix('.gz')}.jsonl").read_text() == expected[path]


def test_spark_job_writes_json_lines_in_file_and_record_order(crawl: tuple[list[str], dict[str, str]],
                                                              tmp_path: Path) -> None:
    needs_java()
    from newsclean.spark_job import main as spark_main

    paths, expected = crawl
    assert spark_main([*paths, "--output", str(tmp_path / "out"), "--master", "local[2]"]) == 0
    written = "".join(p.read_text() for p in sorted((tmp_path / "out").glob("part-*")))
    assert written == "".join(expected[p] for p in sorted(paths))
