"""One run over many inputs, in order: which inputs are new or changed (the folder's state), the
page files (batch.py: learn site templates, clean in workers, write, record), the crawl files
(crawl_batch.py), the report's index, and pruning. The command line (cli.py) builds a Run and maps
what happened to messages and exit codes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .batch import Run, clean_pages, workers_for, write_report
from .crawl_batch import run_crawls
from .inputs import Input, is_crawl
from .runner import Workers, forget_kept
from .state import Record, Stamp, stamp_of
from .warc import is_warc_data


def is_unchanged(record: Record | None, stamp: Stamp | None, config: str, output_dir: Path) -> bool:
    """Whether an input needs no cleaning: the state's record of it has its size and time, the same
    version and options, and the output it names is still there."""
    return (record is not None and stamp is not None and record.stamp == stamp and record.config == config
            and (record.output is None or os.path.exists(os.path.join(output_dir, record.output))))


def gone_inputs(records: dict[str, tuple[str, Record]], present: set[str],
                exists: Callable[[str], bool]) -> list[str]:
    """The inputs the state knows that this run was not given and that no longer exist (--prune)."""
    return [key for key in records if key not in present and not exists(key)]


def prunable(key: str, record: Record, owners: dict[str, str], root: Path) -> Path | None:
    """The output file of a gone input that --prune deletes: none when another input has taken the
    name over since (the same name from another file), or when it is no file inside the folder."""
    if record.output is None or owners.get(record.output) != key:
        return None
    path = root / record.output
    return path if path.is_file() and path.resolve().is_relative_to(root) else None


def run_batch(items: list[Input | tuple[str, str]], run: Run) -> None:
    """Skip what the state says is unchanged, clean the rest (in workers), write, record, prune."""
    store, output_dir, tally = run.store, run.output_dir, run.tally
    if store is not None:
        run.records = {os.path.abspath(key): (key, record) for key, record in sorted(store.records().items())}
        run.owners = {record.output: key for key, (_, record) in run.records.items() if record.output}
    stamps: dict[str, Stamp | None] = {}
    todo: list[Input] = []
    for item in items:
        if isinstance(item, tuple):
            run.error(*item)
            tally.failed += 1
            continue
        if item.data is not None and is_warc_data(item.data):
            run.error(item.source, "a WARC file: crawls are read from files (name it as a file)")
            tally.failed += 1
            continue
        if store is not None and output_dir is not None and item.data is None:  # a file, not stdin or a pipe
            stamps[item.source] = stamp = stamp_of(item.source)
            found = run.records.get(item.key)
            if not run.force and is_unchanged(found[1] if found else None, stamp, run.config, output_dir):
                tally.unchanged += 1
                continue
        todo.append(item)

    crawls = [item for item in todo if is_crawl(item.source) and item.data is None]
    if crawls:
        todo = [item for item in todo if not (is_crawl(item.source) and item.data is None)]
    if todo:
        with Workers(workers_for(len(todo), run.jobs)) as workers:
            try:
                clean_pages(todo, stamps, run, workers)
            finally:
                forget_kept()
    if crawls and not run.stop.requested:
        run_crawls(crawls, stamps, run)
    if run.report is not None and run.report.suffix != ".html":
        from .report import index_report

        write_report(run.report / "index.html", index_report(run.summaries), run)
    if run.prune and store is not None and output_dir is not None and not run.stop.requested:
        present = {i.key for i in items if isinstance(i, Input)}
        gone = gone_inputs(run.records, present, lambda key: stamp_of(key) is not None)
        root = output_dir.resolve()
        for key in gone:
            path = prunable(key, run.records[key][1], run.owners, root)
            if path is not None:
                path.unlink()
            tally.pruned += 1
        store.forget([run.records[key][0] for key in gone])
