"""Cleaning crawls as plain functions: what the command runs for a WARC or WET file, and what a
distributed engine (Spark, Dask: spark_job.py, dask_job.py) calls, one task per file.

    counts = merge_counts(*(learn_file(p) for p in paths))   # per shard, then merged
    models = host_models(counts)                             # broadcast to the cleaning tasks
    lines  = [c for p in paths for c in clean_file(p, models).cleaned]

Every function here is pure given its arguments (no global state) and picklable, so the same
files give the same bytes on one machine or many.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .runner import Task, learn_task, run_task
from .settings import DEFAULTS, Settings
from .templates import HostCounts, SiteModel, count_hosts, host_models, merge_counts
from .warc import CrawlError, Record, records

__all__ = ["Cleaned", "FileResult", "HostCounts", "clean_file", "clean_records", "host_models", "learn_file",
           "merge_counts", "record_task"]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """One record's outcome: its rendered article (a JSON line, or a Markdown document), or the
    reason it failed, or neither (no article)."""

    source: str
    record_id: str
    text: str | None = None
    error: str | None = None


@dataclass(slots=True)
class FileResult:
    """What cleaning one crawl file gave: its records' outcomes in file order, the records that
    were no page (by reason), and the damage that stopped the reading, if any."""

    path: str
    cleaned: list[Cleaned] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    damage: str | None = None


def record_task(record: Record, settings: Settings = DEFAULTS, fmt: str = "json", *, explain: bool = False,
                timeout: float = 0.0, site_model: SiteModel | None = None, max_memory: int = 0,
                host: str | None = None) -> Task:
    """The cleaning (or learning) task of one record; `host` overrides the record's own (--site)."""
    return Task(record.source, record.data, settings, fmt, explain, timeout, site_model, max_memory,
                kind=record.kind, charset=record.charset, url=record.url, host=host or record.host,
                captured=record.captured)


def read_records(path: str, into: FileResult) -> Iterator[Record]:
    """The file's page records; skips and damage go into `into` (the reading ends at the damage)."""
    try:
        yield from records(path, into.skipped)
    except CrawlError as exc:
        into.damage = exc.reason
    except Exception as exc:  # a bug must not stop a run: the file is reported, the others go on
        into.damage = f"internal error reading it, please report it: {type(exc).__name__}: {exc}"


def learn_file(path: str, settings: Settings = DEFAULTS) -> dict[str, HostCounts]:
    """The site-template counts of one crawl file, per host: learn each shard, then merge_counts()."""
    sigs = (learn_task(record_task(r, settings)) for r in read_records(path, FileResult(path)))
    return count_hosts(s for s in sigs if s is not None)


def clean_file(path: str, models: Mapping[str, SiteModel] | None = None, settings: Settings = DEFAULTS,
               fmt: str = "json", timeout: float = 0.0) -> FileResult:
    """Clean every page record of one crawl file with the site models learned (host -> model)."""
    out = FileResult(path)
    out.cleaned = list(clean_records(path, out, models, settings, fmt, timeout))
    return out


def clean_records(path: str, into: FileResult, models: Mapping[str, SiteModel] | None = None,
                  settings: Settings = DEFAULTS, fmt: str = "json", timeout: float = 0.0) -> Iterator[Cleaned]:
    """clean_file() one record at a time (memory holds one record, not the file's articles); skips and
    damage go into `into`."""
    models = models or {}
    for record in read_records(path, into):
        task = record_task(record, settings, fmt, timeout=timeout, site_model=models.get(record.host or ""))
        result = run_task(task)
        yield Cleaned(record.source, record.record_id, result.text, result.error)
