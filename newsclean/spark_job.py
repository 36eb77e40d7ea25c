"""newsclean on Apache Spark: clean a list of WARC/WET files, one task per file.

Learn the site templates per file, merge the counts (a tree reduce), broadcast the models, clean
each file with them, and write the articles as JSON Lines or Parquet. The articles equal those of
`newsclean FILES...` on one machine, byte for byte.

    spark-submit --master yarn "$(python -c 'import newsclean.spark_job as m; print(m.__file__)')" \\
        --output s3a://bucket/clean/ s3a://bucket/crawl/*.warc.gz

Every executor needs newsclean installed (or the package shipped with --py-files); the paths
must be readable where the executors run (a shared file system, or an object store mounted or
read through the paths Spark gives).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .crawl import FileResult, clean_records, host_models, learn_file, merge_counts
from .settings import DEFAULTS, Settings

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext

# The columns of a result row: the crawl file, the record's place in it, its source, the article
# (a JSON line or a Markdown document; None: no article) and the reason it failed (None: it did not).
COLUMNS = ("path", "position", "source", "article", "error")


def clean_crawls(sc: SparkContext, paths: list[str], settings: Settings = DEFAULTS, fmt: str = "json",
                 templates: bool = True) -> RDD[tuple[Any, ...]]:
    """One row (COLUMNS) per page record of `paths`: learn per file → merge → broadcast → clean."""
    files = sc.parallelize(paths, max(1, len(paths)))
    models = {}
    if templates and paths:
        counts = files.map(lambda path: learn_file(path, settings)).treeReduce(merge_counts)
        models = host_models(counts)
    shared = sc.broadcast(models)

    def clean(path: str) -> Iterator[tuple[Any, ...]]:  # rows as they come: a task holds one record
        read = FileResult(path)
        n = -1
        for n, c in enumerate(clean_records(path, read, shared.value, settings, fmt)):
            yield (path, n, c.source, c.text, c.error)
        if read.damage is not None:
            yield (path, n + 1, path, None, read.damage)

    return files.flatMap(clean)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsclean.spark_job", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="WARC or WET files (paths every executor can read)")
    parser.add_argument("--output", required=True, help="folder to write the articles to")
    parser.add_argument("--as", dest="form", choices=("jsonl", "parquet"), default="jsonl",
                        help="JSON Lines (one article per line, in path and record order) or Parquet (COLUMNS)")
    parser.add_argument("--master", help="Spark master (default: what spark-submit says)")
    parser.add_argument("--no-site-templates", dest="templates", action="store_false")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("newsclean")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        rows = clean_crawls(spark.sparkContext, args.paths, templates=args.templates)
        if args.form == "parquet":
            spark.createDataFrame(rows, "path string, position long, source string, article string, "
                                        "error string").write.mode("overwrite").parquet(args.output)
        else:
            articles = rows.filter(lambda r: r[3] is not None).sortBy(lambda r: (r[0], r[1]))
            articles.map(lambda r: r[3].rstrip("\n")).saveAsTextFile(args.output)
        failed = rows.filter(lambda r: r[4] is not None).collect()
    finally:
        spark.stop()
    for _path, _, source, _, error in sorted(failed, key=lambda r: (r[0], r[1])):
        print(f"newsclean: error: {source}: {error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
