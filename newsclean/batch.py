"""A run's data (Run, Tally, Stop) and its page files: learning site templates, cleaning in worker
processes, writing each output atomically, flushing and recording it in the folder's state.
plan.py decides which inputs a run takes; crawl_batch.py writes crawl files with the same steps."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .console import line, progress_bar
from .filenames import shown
from .formats import EXTENSIONS
from .inputs import Input
from .output import OutputError, sync_files, target_path, write_atomic
from .runner import BATCH, Result, Task, Workers, forget_kept, learn_task, run_all
from .settings import Settings
from .state import Record, Stamp, StateStore, stamp_of
from .templates import (
    MIN_PAGES,
    Group,
    Signature,
    SiteModel,
    export_groups,
    forget_stale,
    group_pages,
    models,
)

if TYPE_CHECKING:
    from rich.console import Console

    from .console import PlainConsole
    from .report import Summary


class StdoutError(Exception):
    """Standard output cannot be written (other than a closed pipe)."""


@dataclass(slots=True)
class Tally:
    cleaned: int = 0
    unchanged: int = 0
    failed: int = 0
    empty: int = 0
    pruned: int = 0
    records_empty: int = 0  # crawl records without an article (counted, not warned about one by one)
    skipped: Counter[str] = field(default_factory=Counter)  # crawl records that are no page, by reason
    started: float = field(default_factory=time.perf_counter)


class Stop:
    """Set by SIGINT/SIGTERM: the run finishes the files in hand, saves its state and exits 130."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.requested:  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        self.requested = True


@dataclass(slots=True)
class Run:
    """Everything one invocation decided: where outputs go, how inputs are cleaned, what was done."""

    output_dir: Path | None
    store: StateStore | None
    config: str
    settings: Settings
    fmt: str
    explain: bool
    timeout: float
    force: bool
    prune: bool
    jobs: int
    quiet: bool
    console: Console | PlainConsole
    tally: Tally
    stop: Stop
    templates: bool
    known: list[Group]  # site models given with --templates
    known_digest: str | None  # the --templates file's SHA-256: merged into a folder's state once
    templates_out: Path | None
    site: str | None  # --site: every input's host when learning templates
    # The state's records by input key (absolute path), with the key they are stored under (an older
    # state stored the path as given), and which input each recorded output file belongs to.
    records: dict[str, tuple[str, Record]] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    scratch: Path | None = None  # where outputs are written before they are renamed into place
    max_memory: int = 0  # megabytes a process may hold while cleaning one input (0: no limit)
    # --report: a folder of one HTML report per input and an index, or (one input) the report's file.
    report: Path | None = None
    summaries: list[Summary] = field(default_factory=list)
    truth: dict[str, str] | None = None  # --truth: page id (file name to its first dot) -> article text
    # Outputs written but not yet flushed to disk, nor recorded: (path, input key, output name, record).
    unsynced: list[tuple[Path, str, str, Record | None]] = field(default_factory=list)

    def error(self, source: str, reason: str) -> None:
        line(self.console, f"newsclean: error: {shown(source)}: {reason}")


# Outputs flushed to disk together (then recorded): enough to share the journal's commits, few
# enough that an interrupted run has little to redo.
SYNC_BATCH = 64


def workers_for(count: int, jobs: int) -> int:
    """Worker processes for `count` inputs: no more than there are batches to hand out (one page
    alone is cleaned in this process, without starting a pool), at most `jobs`."""
    return max(1, min(jobs, -(-count // BATCH)))


def clean_pages(todo: list[Input], stamps: dict[str, Stamp | None], run: Run, workers: Workers) -> None:
    """Learn site templates from the pages, then clean them in the same worker processes (a page
    read to learn from is kept there for its cleaning), write and record each."""
    by_source = {item.source: item for item in todo}
    taken: dict[Path, str] = {}
    forget_kept()  # (what an interrupted run in this process kept)
    site_models = learn_sites(todo, run, workers) if run.templates else {}
    if run.stop.requested:
        return
    tasks = (Task(i.source, i.data, run.settings, run.fmt, run.explain, run.timeout,
                  site_models.get(i.source), run.max_memory, run.report is not None, truth_of(i, run.truth))
             for i in todo)
    # A bar on the terminal while articles go to files or down a pipe; articles printed on the same
    # terminal need none.
    show_progress = (run.console.is_terminal and not run.quiet and len(todo) > 1
                     and (run.output_dir is not None or not sys.stdout.isatty()))
    with progress_bar(run.console) if show_progress else nullcontext(None) as progress:
        task_id = progress.add_task("cleaning", total=len(todo)) if progress else None
        results: Iterator[Result] = run_all(tasks, workers.jobs, workers=workers)
        try:
            for result in results:
                if progress is not None and task_id is not None:
                    progress.advance(task_id)
                handle(result, by_source[result.source], stamps.get(result.source), taken, run)
                if run.stop.requested:
                    break
        finally:
            results.close()  # type: ignore[attr-defined]
            settle(run)


def learn_sites(todo: list[Input], run: Run, workers: Workers | None = None) -> dict[str, SiteModel]:
    """Site-template models for the inputs of this run: every new page is read once to learn from,
    before any is cleaned, on top of what earlier runs into the same output folder learned (and
    --templates gave), so the result depends on the pages seen, not their order. The updated
    models are saved for the next run."""
    store = run.store
    # An output folder merges a --templates file once; a cron job that names it every hour adds it no more.
    merged = store is not None and run.known_digest in store.imported()
    known = [*([] if merged else run.known), *(store.load_groups() if store is not None else [])]
    counted_keys = {os.path.abspath(key) for key in store.counted()} if store is not None else set()
    counted = {i.source for i in todo if i.key in counted_keys}
    keys = {i.source: i.key for i in todo if i.data is None}  # stdin and pipes are never the same twice
    # A page or two alone teach nothing, but a folder's state or a models file keeps them for later:
    # a folder that grows by one page an hour learns as one that grows by a hundred.
    keeps = store is not None or run.templates_out is not None
    if not todo or (len(todo) < MIN_PAGES and not known and not keeps):
        return {}
    tasks = (Task(i.source, i.data, run.settings, run.fmt, False, run.timeout, max_memory=run.max_memory,
                  keep=workers is not None) for i in todo)
    learned: list[Signature] = []
    jobs = workers.jobs if workers is not None else workers_for(len(todo), run.jobs)
    signatures: Iterator[Signature | None] = run_all(tasks, jobs, learn_task, workers)
    try:
        for sig in signatures:
            if run.stop.requested:  # SIGTERM while learning: nothing is cleaned, nothing learned is kept
                return {}
            if sig is not None:
                learned.append(sig)
    finally:
        signatures.close()  # type: ignore[attr-defined]
    groups = group_pages(learned, known, counted, run.site)
    for group in groups:
        forget_stale(group)
    payload = json.dumps(export_groups(groups)) if run.templates_out is not None else ""
    if store is not None:
        # A models file this folder writes holds what it learned: named with --templates next time (the
        # same file both ways), it is merged already.
        written = hashlib.sha256(payload.encode()).hexdigest() if payload else None
        store.save_groups(groups, [keys[s.source] for s in learned if s.source in keys],
                          *(d for d in (run.known_digest, written) if d))
    if run.templates_out is not None:
        try:
            write_atomic(run.templates_out.resolve(), payload)
        except OSError as exc:  # the run goes on: the models are in the folder's state too
            where = f": {exc.filename}" if exc.filename and str(exc.filename) != str(run.templates_out) else ""
            run.error(f"--save-templates {run.templates_out}", f"{exc.strerror or exc}{where}")
            run.tally.failed += 1
    return models(groups)


def handle(result: Result, item: Input, stamp: Stamp | None, taken: dict[Path, str], run: Run) -> None:
    """Report, write and record one result."""
    tally, store = run.tally, run.store
    if run.report is not None:
        add_report(result, item, run)
    if result.error is not None:
        run.error(result.source, result.error)
        tally.failed += 1
        return
    explain(result, run)
    if result.text is None:
        if not run.quiet:
            line(run.console, f"newsclean: warning: {shown(result.source)}: no article found; nothing written")
        tally.empty += 1
        if store is not None and stamp is not None:
            record(store, run, item.key, None, Record(stamp, run.config, None, "no-article"))
        return
    if run.output_dir is None:
        write_stdout(result.text, run)
        tally.cleaned += 1
        return
    try:
        path = target_path(run.output_dir, item.rel, EXTENSIONS[run.fmt])
        if path in taken:
            raise OutputError(f"output {path} was already written for {taken[path]}")
        output = path.relative_to(run.output_dir.resolve()).as_posix()
        owner = run.owners.get(output)
        if owner is not None and owner != item.key and stamp_of(owner) is not None:
            raise OutputError(f"output {path} belongs to {shown(owner)}, cleaned by an earlier run")
        write_atomic(path, result.text, run.scratch, durable=False)
        taken[path] = result.source
    except (OutputError, OSError) as exc:
        run.error(result.source, str(exc))
        tally.failed += 1
        return
    tally.cleaned += 1
    run.unsynced.append((path, item.key, output, Record(stamp, run.config, output, "written") if stamp else None))
    if len(run.unsynced) >= SYNC_BATCH:
        settle(run)


def settle(run: Run) -> None:
    """Flush the outputs written since the last time to disk, then record them: a record never
    names a file that a power cut could still take back."""
    pending, run.unsynced = run.unsynced, []
    if not pending:
        return
    sync_files([path for path, *_ in pending])
    if run.store is not None:
        for _, key, output, done in pending:
            if done is not None:
                record(run.store, run, key, output, done)


def explain(result: Result, run: Run) -> None:
    """--explain: every block the input lost, with its rule, one line each on stderr."""
    if not run.explain:
        return
    for rule, text, detail in result.removed:
        why = f"{rule} ({detail})" if detail else rule
        line(run.console, f"newsclean: explain: {shown(result.source)}: {why}: {text[:100]}")


def write_stdout(text: str, run: Run) -> None:
    """One article on standard output. Markdown documents one after another: a blank line before
    each next front matter, which would otherwise turn the last line of the one before into a heading."""
    gap = "\n" if run.fmt == "markdown" and run.tally.cleaned else ""
    try:
        sys.stdout.write(gap + (text if text.endswith("\n") else text + "\n"))
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:  # a full disk behind a redirection, /dev/full
        raise StdoutError(exc.strerror or str(exc)) from None


def record(store: StateStore, run: Run, key: str, output: str | None, record: Record) -> None:
    """Record an input's outcome under its key; the output file, if any, is its own from now on (a
    record of a vanished input that named the same file, or of this input under an older key, goes)."""
    stale = []
    previous = run.records.get(key)
    if previous is not None and previous[0] != key:
        stale.append(previous[0])
    owner = run.owners.get(output) if output is not None else None
    if owner is not None and owner != key:
        stale.append(run.records[owner][0])
        del run.records[owner]
    store.record(key, record.stamp, record.config, output, record.outcome)
    if stale:
        store.forget(stale)
    if output is not None:
        run.owners[output] = key
    run.records[key] = (key, record)




def add_report(result: Result, item: Input, run: Run) -> None:
    """Write the input's HTML report (--report) and keep its line for the index: into the report
    folder under the input's output name, or as the one file named (a run of one input)."""
    assert run.report is not None
    if run.report.suffix == ".html":
        if result.report is not None:
            write_report(run.report, result.report, run)
        return
    name = "stdin" if item.is_stdin else item.rel.as_posix()
    from .report import Summary

    line_of = result.summary or Summary(result.source, "", result.error or "no article")
    if result.report is not None:
        write_report(target_path(run.report, PurePosixPath(name), ".html"), result.report, run)
        line_of = replace(line_of, report=f"{name}.html")
    run.summaries.append(line_of)


def write_report(path: Path, html: str, run: Run) -> None:
    try:
        write_atomic(path, html)
    except (OutputError, OSError) as exc:
        run.error(f"--report {path}", str(exc))
        run.tally.failed += 1


def truth_of(item: Input, truth: dict[str, str] | None) -> str | None:
    """The benchmark's article for the input (by its file name up to the first dot), if any."""
    if truth is None:
        return None
    return truth.get(PurePosixPath(item.source).name.split(".", 1)[0])
