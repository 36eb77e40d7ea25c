"""The command over crawl files (WARC, WET): every page record is an input, learned from (site
templates, grouped by the host each record was fetched from) before any is cleaned, then cleaned
in workers. Its articles go to standard output as JSON Lines, or with -o to one JSON Lines file per
crawl file (`OUT/<name>.jsonl`, records in file order, written whole or not at all), or with
-f markdown to one document per record in a folder per crawl file."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .batch import Run, explain, record, write_stdout
from .crawl import FileResult, read_records, record_task
from .inputs import Input
from .output import OutputError, open_temp, target_path, write_atomic
from .runner import Result, Task, learn_task, run_all
from .state import Record, Stamp, stamp_of
from .templates import HostCounts, Signature, SiteModel, count_page, host_models, merge_counts

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def run_crawls(items: list[Input], stamps: dict[str, Stamp | None], run: Run) -> None:
    """Learn from every page record of the crawl files, then clean them file by file."""
    models = learn_crawls(items, run) if run.templates else {}
    for item in items:
        if run.stop.requested:
            return
        clean_crawl(item, models, stamps.get(item.source), run)


def learn_crawls(items: list[Input], run: Run) -> dict[str, SiteModel]:
    """host -> its site model, learned from the page records of these crawl files and of those an
    earlier run into the same output folder learned from (still there, unchanged: their counts are
    kept in its state), so a folder of crawl files that grows file by file learns as one run over
    all of them. Damage is reported when the file is cleaned."""
    def tasks() -> Iterator[Task]:
        for item in items:
            for rec in read_records(item.source, FileResult(item.source)):
                yield record_task(rec, run.settings, timeout=run.timeout, max_memory=run.max_memory, host=run.site)

    signatures: Iterator[Signature | None] = run_all(tasks(), run.jobs, learn_task)
    learned: dict[str, dict[str, HostCounts]] = {item.source: {} for item in items}
    try:
        for sig in signatures:  # counted as they come: memory holds lines, not pages
            if run.stop.requested:
                return {}
            if sig is not None:
                count_page(learned[sig.source.rpartition("#")[0]], sig)
    finally:
        signatures.close()  # type: ignore[attr-defined]
    fresh = {item.key: learned[item.source] for item in items}
    earlier = {}
    if run.store is not None:
        earlier = {key: counts for key, counts in run.store.crawl_counts().items()
                   if key not in fresh and stamp_of(key) is not None}
        run.store.save_crawl_counts(fresh)
    return host_models(merge_counts(*(earlier[key] for key in sorted(earlier)), *fresh.values()))


def clean_crawl(item: Input, models: dict[str, SiteModel], stamp: Stamp | None, run: Run) -> None:
    """Clean one crawl file's page records and write their articles; record the file in the state."""
    read = FileResult(item.source)
    tasks = (record_task(rec, run.settings, run.fmt, explain=run.explain, timeout=run.timeout,
                         site_model=models.get(run.site or rec.host or ""), max_memory=run.max_memory, host=run.site)
             for rec in read_records(item.source, read))
    try:
        sink = Sink(item, run)
    except (OutputError, OSError) as exc:
        run.error(item.source, str(exc))
        run.tally.failed += 1
        return
    results: Iterator[Result] = run_all(tasks, run.jobs)
    try:
        for result in results:
            if result.error is not None:
                run.error(result.source, result.error)
                run.tally.failed += 1
                continue
            explain(result, run)
            if result.text is None:
                run.tally.records_empty += 1
                continue
            sink.add(result)
            run.tally.cleaned += 1
            if run.stop.requested:
                break
    except BaseException:
        sink.abandon()
        raise
    finally:
        results.close()  # type: ignore[attr-defined]
    run.tally.skipped.update(read.skipped)
    if run.stop.requested and read.damage is None:  # the file was not read to its end: nothing is kept
        sink.abandon()
        return
    try:
        output = sink.finish()
    except (OutputError, OSError) as exc:
        run.error(item.source, str(exc))
        run.tally.failed += 1
        return
    if read.damage is not None:  # its records up to the damage are written; the file is tried again next run
        run.error(item.source, read.damage)
        run.tally.failed += 1
        return
    if run.store is not None and stamp is not None:
        record(run.store, run, item.key, output, Record(stamp, run.config, output, "written"))


class Sink:
    """Where one crawl file's articles go: standard output, one JSON Lines file (written to the
    scratch folder, then renamed into place whole), or a folder of Markdown documents."""

    def __init__(self, item: Input, run: Run) -> None:
        self.run = run
        self.path: Path | None = None
        self.handle: TextIO | None = None
        self.tmp: str | None = None
        self.names: set[str] = set()
        if run.output_dir is None:
            return
        if run.fmt == "json":
            self.path = target_path(run.output_dir, item.rel, ".jsonl")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = open_temp(run.scratch or self.path.parent, self.path.name)
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        else:
            self.path = target_path(run.output_dir, item.rel, "")

    def add(self, result: Result) -> None:
        text = result.text or ""
        if self.path is None:
            write_stdout(text, self.run)
        elif self.handle is not None:
            self.handle.write(text if text.endswith("\n") else text + "\n")
        else:
            name = _record_name(result.source, self.names)
            write_atomic(self.path / f"{name}.md", text, self.run.scratch)

    def finish(self) -> str | None:
        """Put the output in place; its name relative to the output folder."""
        if self.path is None or self.run.output_dir is None:
            return None
        if self.handle is not None and self.tmp is not None:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            self.handle = None
            os.replace(self.tmp, self.path)
        else:
            self.path.mkdir(parents=True, exist_ok=True)  # a crawl without articles: an empty folder
        return self.path.relative_to(self.run.output_dir.resolve()).as_posix()

    def abandon(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        if self.tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.tmp)


def _record_name(source: str, taken: set[str]) -> str:
    """A file name for a record's document: its record id without the 'urn:uuid:' and brackets."""
    record_id = source.rpartition("#")[2].strip("<>")
    name = _UNSAFE.sub("_", record_id.rpartition(":")[2] or record_id)[:100] or "record"
    unique, n = name, 1
    while unique in taken:
        n += 1
        unique = f"{name}-{n}"
    taken.add(unique)
    return unique
