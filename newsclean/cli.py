"""The command line: inputs, streams, state, errors and exit codes. No heuristics live here."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from enum import IntEnum
from pathlib import Path

import click
from rich.console import Console

from . import __version__
from .console import line, make_console
from .decode import text_codec
from .inputs import STDIN, SUFFIXES, Input, expand, is_pipe, read_list, shown
from .output import OutputError, empty_scratch, target_path, write_atomic
from .render import EXTENSIONS, FORMATS
from .runner import DEFAULT_MAX_MEMORY, Result, Task, default_jobs, learn_task, run_all
from .settings import DEFAULTS, Settings, with_overrides
from .state import (
    STATE_DIR,
    LockedError,
    Record,
    Stamp,
    StateError,
    StateStore,
    config_key,
    locked,
    stamp_of,
)
from .templates import (
    MIN_PAGES,
    Group,
    Signature,
    SiteModel,
    export_groups,
    forget_stale,
    group_pages,
    import_groups,
    models,
    site_host,
)


class Exit(IntEnum):
    """Exit statuses, documented in --help and the README."""

    OK = 0  # every input was cleaned (or was unchanged since the last run)
    FAILED = 1  # some inputs failed (the others were written)
    USAGE = 2  # the command line was wrong
    NO_ARTICLE = 3  # no input failed, but some held no article (nothing written for them)
    LOCKED = 4  # another run holds the output folder
    INTERRUPTED = 130  # Ctrl-C or SIGTERM: the files in hand were finished, the state saved
    CLOSED_PIPE = 141  # the reader of stdout went away (| head): what a tool killed by SIGPIPE reports


class StdoutError(Exception):
    """Standard output cannot be written (other than a closed pipe)."""


def exit_status(failed: int, empty: int) -> Exit:
    if failed:
        return Exit.FAILED
    return Exit.NO_ARTICLE if empty else Exit.OK


EPILOG = """\b
Exit status:
  0    every input was cleaned (or unchanged since the last run into the same folder)
  1    some inputs failed (one error line each on stderr); the others were written
  2    usage error
  3    no input failed, but some held no article (reported on stderr, nothing written)
  4    another run is writing to the output folder (see --wait)
  130  interrupted (Ctrl-C, SIGTERM): files in hand were finished and the state saved
  141  the reader of standard output went away (| head), as for any tool stopped by SIGPIPE
"""


@dataclass(slots=True)
class Tally:
    cleaned: int = 0
    unchanged: int = 0
    failed: int = 0
    empty: int = 0
    pruned: int = 0
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
    console: Console
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

    def error(self, source: str, reason: str) -> None:
        line(self.console, f"newsclean: error: {shown(source)}: {reason}")


def _inputs(sources: tuple[str, ...], files_from: str | None, null: bool,
            stdin: bytes | None) -> Iterator[Input | tuple[str, str]]:
    names = list(sources)
    if files_from is not None:
        if files_from == STDIN:
            listing = stdin or b""
        else:
            try:
                listing = Path(files_from).read_bytes()
            except OSError as exc:
                raise click.UsageError(f"--files-from {files_from}: {exc.strerror or exc}") from None
        names += read_list(listing, null)
    yield from expand(names)


def _read_once(item: Input | tuple[str, str], stdin: bytes | None) -> Input | tuple[str, str]:
    """Standard input and pipes named as inputs (`<(zcat x.gz)`, a FIFO) are read here, once: the
    run reads its inputs twice (to learn site templates, then to clean) and a pipe is empty the
    second time."""
    if not isinstance(item, Input):
        return item
    if item.is_stdin:
        return replace(item, data=stdin)
    if is_pipe(item.source):
        try:
            with open(item.source, "rb") as handle:
                return replace(item, data=handle.read())
        except OSError as exc:
            return (item.source, exc.strerror or str(exc))
    return item


@click.command("newsclean", context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
               epilog=EPILOG)
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one file per input here, mirroring the input folders, and remember what was "
                   "done: a later run only cleans new or changed inputs. Without it, articles go to "
                   "stdout (JSON Lines when there are several).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="Output format.")
@click.option("--links", is_flag=True, help="Markdown: keep links, as [text](address).")
@click.option("--images", is_flag=True, help="Markdown: keep the article's images, as ![alt](address).")
@click.option("--kind", type=click.Choice(["auto", "html", "text"]), default="auto", show_default=True,
              help="Input kind; auto decides from the content, not the file name.")
@click.option("--files-from", metavar="FILE",
              help="Read input paths from FILE, one per line ('-' for stdin).")
@click.option("-0", "--null", is_flag=True, help="With --files-from: paths are NUL-separated (find -print0).")
@click.option("--encoding", metavar="NAME", help="Decode every input with this encoding instead of detecting.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores). Output does not depend on it.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULTS.max_bytes, show_default=True,
              help="Refuse inputs larger than this (after gunzip).")
@click.option("--timeout", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="Give up on an input after this many seconds (0: no limit).")
@click.option("--max-memory", type=click.IntRange(min=0), default=DEFAULT_MAX_MEMORY, show_default=True,
              metavar="MB", help="Give up on an input when cleaning it takes the process past this much "
                                 "memory (0: no limit).")
@click.option("--force", is_flag=True, help="With -o: clean every input again, changed or not.")
@click.option("--prune", is_flag=True,
              help="With -o: delete the outputs of inputs that no longer exist.")
@click.option("--wait", is_flag=True, help="With -o: wait for another run on the same folder to end.")
@click.option("--site-templates/--no-site-templates", default=True, show_default=True,
              help="Learn the lines each site repeats across its pages (menus, footers, boxes) and remove "
                   "them; needs at least 3 pages of a site. With -o the models are kept for later runs.")
@click.option("--site", metavar="NAME",
              help="Learn templates as if every input came from this site (a host such as example.com), "
                   "whatever address the pages state.")
@click.option("--templates", "templates_in", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Start from the site models in this file (written by --save-templates).")
@click.option("--save-templates", "templates_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the site models to this file after the run.")
@click.option("--refresh", is_flag=True,
              help="With -o: clean every input again with the current site models (like --force).")
@click.option("--explain", is_flag=True,
              help="Print every removed block with the rule that removed it (stderr); "
                   "with JSON also as a 'removed' list.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print a summary when stderr is not a terminal.")
@click.version_option(__version__, "--version", prog_name="newsclean")
@click.pass_context
def main(ctx: click.Context, inputs: tuple[str, ...], output_dir: Path | None, fmt: str, links: bool, images: bool,
         kind: str,
         files_from: str | None, null: bool, encoding: str | None, jobs: int | None, max_bytes: int,
         timeout: float, max_memory: int, force: bool, prune: bool, wait: bool, site_templates: bool, site: str | None,
         templates_in: Path | None,
         templates_out: Path | None, refresh: bool, explain: bool, quiet: bool, verbose: bool) -> None:
    """Clean scraped news pages (HTML or whole-page text dumps) into articles.

    An INPUT is a file, a folder (searched recursively for *.html, *.htm, *.xhtml and *.txt, each
    also gzipped) or '-' for standard input. Standard input is read only when asked for, with '-'
    or '--files-from -'.
    """
    if not inputs and files_from is None:
        raise click.UsageError("no input given (a file, a folder, '-' for stdin, or --files-from)")
    if null and files_from is None:
        raise click.UsageError("-0/--null goes with --files-from")
    if files_from == STDIN and STDIN in inputs:
        raise click.UsageError("standard input cannot be both an input and the --files-from list")
    if output_dir is None and (force or prune or wait or refresh):
        raise click.UsageError("--force, --refresh, --prune and --wait go with -o/--output-dir")
    if not site_templates and (templates_in or templates_out or site):
        raise click.UsageError("--site, --templates and --save-templates need site templates "
                               "(drop --no-site-templates)")
    host = site_host(site) if site is not None else None
    if site is not None and not host:
        raise click.BadParameter("give a site's host, such as example.com", param_hint="--site")
    known: list[Group] = []
    known_digest = None
    if templates_in is not None:
        try:
            raw = templates_in.read_bytes()
            known = import_groups(json.loads(raw.decode("utf-8")))
            known_digest = hashlib.sha256(raw).hexdigest()
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise click.BadParameter(f"{templates_in}: {exc}", param_hint="--templates") from None
    force = force or refresh
    if encoding and text_codec(encoding) is None:  # 'rot13' and 'base64' are codecs, not text encodings
        raise click.BadParameter(f"unknown text encoding {encoding!r}", param_hint="--encoding")

    if (links or images) and fmt != "markdown":
        raise click.UsageError("--links and --images go with -f markdown")
    settings = with_overrides(DEFAULTS, kind=kind, encoding=encoding, max_bytes=max_bytes, keep_links=links,
                              keep_images=images)
    config = config_key(__version__, settings=repr(settings), fmt=fmt, explain=explain, templates=site_templates,
                        **({"site": host} if host else {}))  # no key for no --site: earlier folders stay valid
    console = make_console()
    stdin = sys.stdin.buffer.read() if (STDIN in inputs or files_from == STDIN) else None
    items = [_read_once(item, stdin) for item in _inputs(inputs, files_from, null, stdin)]
    if not items and not quiet:  # a folder without pages (a typo, an empty drop folder): say so, still exit 0
        line(console, "newsclean: warning: no page to clean (folders are searched for "
                      f"{', '.join('*' + s for s in SUFFIXES)}, each also gzipped)")
    tally = Tally()
    stop = Stop()
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}

    try:
        lock = locked(output_dir, wait) if output_dir is not None else nullcontext()
        with lock:
            store = StateStore(output_dir) if output_dir is not None else None
            scratch = empty_scratch(output_dir / STATE_DIR / "tmp") if output_dir is not None else None
            if store is not None and store.recovered and not quiet:
                line(console, f"newsclean: warning: {store.recovered}")
            run = Run(output_dir, store, config, settings, fmt, explain, timeout, force, prune,
                      jobs or default_jobs(), quiet, console, tally, stop, site_templates, known, known_digest,
                      templates_out, host, scratch=scratch, max_memory=max_memory)
            try:
                _run(items, run)
            finally:
                if store is not None:
                    store.close()
    except LockedError as exc:
        line(console, f"newsclean: error: {exc}")
        ctx.exit(Exit.LOCKED)
    except StateError as exc:
        line(console, f"newsclean: error: {exc}")
        ctx.exit(Exit.USAGE)
    except sqlite3.Error as exc:  # the state failed mid-run (a full disk): the outputs written stay
        line(console, f"newsclean: error: {output_dir}: the run's state could not be saved: {exc}")
        ctx.exit(Exit.FAILED)
    except StdoutError as exc:
        line(console, f"newsclean: error: standard output: {exc}")
        ctx.exit(Exit.FAILED)
    except KeyboardInterrupt:
        line(console, "newsclean: interrupted")
        ctx.exit(Exit.INTERRUPTED)
    except BrokenPipeError:
        # The reader of stdout went away (| head): stop quietly, as Unix tools do. Python would try to
        # flush stdout once more at exit and complain: point it at /dev/null.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        ctx.exit(Exit.CLOSED_PIPE)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    if not quiet and console.is_terminal:
        summary_table(console, tally, prune)
    elif not quiet and verbose:
        seconds = time.perf_counter() - tally.started
        line(console, f"newsclean: {tally.cleaned} cleaned, {tally.unchanged} unchanged, {tally.failed} failed, "
                      f"{tally.empty} without article" + (f", {tally.pruned} pruned" if prune else "")
                      + f" in {seconds:.2f} s")
    if stop.requested:
        line(console, "newsclean: interrupted; finished files are written and recorded")
        ctx.exit(Exit.INTERRUPTED)
    ctx.exit(exit_status(tally.failed, tally.empty))


def _run(items: list[Input | tuple[str, str]], run: Run) -> None:
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
        if store is not None and output_dir is not None and item.data is None:  # a file, not stdin or a pipe
            stamps[item.source] = stamp = stamp_of(item.source)
            found = run.records.get(item.key)
            record = found[1] if found is not None else None
            if (not run.force and record is not None and stamp is not None and record.stamp == stamp
                    and record.config == run.config
                    and (record.output is None or (output_dir / record.output).exists())):
                tally.unchanged += 1
                continue
        todo.append(item)

    by_source = {item.source: item for item in todo}
    taken: dict[Path, str] = {}
    site_models = learn_sites(todo, run) if run.templates else {}
    if run.stop.requested:
        return
    tasks = (Task(i.source, i.data, run.settings, run.fmt, run.explain, run.timeout,
                  site_models.get(i.source), run.max_memory) for i in todo)
    # A bar on the terminal while articles go to files or down a pipe; articles printed on the same
    # terminal need none.
    show_progress = (run.console.is_terminal and not run.quiet and len(todo) > 1
                     and (output_dir is not None or not sys.stdout.isatty()))
    with _progress(run.console) if show_progress else nullcontext(None) as progress:
        task_id = progress.add_task("cleaning", total=len(todo)) if progress else None
        results: Iterator[Result] = run_all(tasks, run.jobs)
        try:
            for result in results:
                if progress is not None:
                    progress.advance(task_id)
                _handle(result, by_source[result.source], stamps.get(result.source), taken, run)
                if run.stop.requested:
                    break
        finally:
            results.close()  # type: ignore[attr-defined]
    if run.prune and store is not None and output_dir is not None and not run.stop.requested:
        present = {i.key for i in items if isinstance(i, Input)}
        gone = [key for key in run.records if key not in present and stamp_of(key) is None]
        root = output_dir.resolve()
        for key in gone:
            output = run.records[key][1].output
            path = root / output if output else None
            # An output another input has taken over since (the same name from another file) stays.
            if (path is not None and run.owners.get(output or "") == key and path.is_file()
                    and path.resolve().is_relative_to(root)):
                path.unlink()
            tally.pruned += 1
        store.forget([run.records[key][0] for key in gone])


def learn_sites(todo: list[Input], run: Run) -> dict[str, SiteModel]:
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
    tasks = (Task(i.source, i.data, run.settings, run.fmt, False, run.timeout, max_memory=run.max_memory)
             for i in todo)
    learned: list[Signature] = []
    signatures: Iterator[Signature | None] = run_all(tasks, run.jobs, learn_task)
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


def _handle(result: Result, item: Input, stamp: Stamp | None, taken: dict[Path, str], run: Run) -> None:
    """Report, write and record one result."""
    tally, store = run.tally, run.store
    if result.error is not None:
        run.error(result.source, result.error)
        tally.failed += 1
        return
    if run.explain:
        for rule, text, detail in result.removed:
            why = f"{rule} ({detail})" if detail else rule
            line(run.console, f"newsclean: explain: {shown(result.source)}: {why}: {text[:100]}")
    if result.text is None:
        if not run.quiet:
            line(run.console, f"newsclean: warning: {shown(result.source)}: no article found; nothing written")
        tally.empty += 1
        if store is not None and stamp is not None:
            _record(store, run, item.key, None, Record(stamp, run.config, None, "no-article"))
        return
    if run.output_dir is None:
        # Markdown documents one after another: a blank line before each next front matter, which
        # would otherwise turn the last line of the one before into a heading.
        gap = "\n" if run.fmt == "markdown" and tally.cleaned else ""
        try:
            sys.stdout.write(gap + (result.text if result.text.endswith("\n") else result.text + "\n"))
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk behind a redirection, /dev/full
            raise StdoutError(exc.strerror or str(exc)) from None
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
        write_atomic(path, result.text, run.scratch)
        taken[path] = result.source
    except (OutputError, OSError) as exc:
        run.error(result.source, str(exc))
        tally.failed += 1
        return
    tally.cleaned += 1
    if store is not None and stamp is not None:
        _record(store, run, item.key, output, Record(stamp, run.config, output, "written"))


def _record(store: StateStore, run: Run, key: str, output: str | None, record: Record) -> None:
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


def summary_table(console: Console, tally: Tally, prune: bool) -> None:
    """The run's outcome as one small table (on a terminal only)."""
    from rich.table import Table

    table = Table(title="newsclean", title_justify="left", show_header=True, header_style="bold")
    counts = [("cleaned", tally.cleaned), ("unchanged", tally.unchanged), ("failed", tally.failed),
              ("without article", tally.empty)] + ([("pruned", tally.pruned)] if prune else [])
    for name, _ in counts:
        table.add_column(name, justify="right")
    table.add_column("seconds", justify="right")
    table.add_row(*(str(n) for _, n in counts), f"{time.perf_counter() - tally.started:.2f}")
    console.print(table)


def _progress(console):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # redirect_stdout off: rich would otherwise send what is written to stdout (the articles) to its
    # console, stderr, while the bar shows.
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=True, redirect_stdout=False, redirect_stderr=False)
