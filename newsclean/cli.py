"""The command line: inputs, streams, state, errors and exit codes. No heuristics live here."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .formats import FORMATS
from .inputs import CRAWL_SUFFIXES, STDIN, SUFFIXES, Input, expand, is_crawl, is_pipe, read_list
from .settings import DEFAULTS, with_overrides

if TYPE_CHECKING:

    pass

# What a run needs (rich, the state store, the workers, the cleaning stages, site templates) is
# imported inside the command, once it knows it will run: `--version`, `--help` and a usage
# error start without them.

# Megabytes one input's cleaning may take its process to (--max-memory): a 30 MB page needs under 500.
DEFAULT_MAX_MEMORY = 1024


class Exit(IntEnum):
    """Exit statuses, documented in --help and the README."""

    OK = 0  # every input was cleaned (or was unchanged since the last run)
    FAILED = 1  # some inputs failed (the others were written)
    USAGE = 2  # the command line was wrong
    NO_ARTICLE = 3  # no input failed, but some held no article (nothing written for them)
    LOCKED = 4  # another run holds the output folder
    INTERRUPTED = 130  # Ctrl-C or SIGTERM: the files in hand were finished, the state saved
    CLOSED_PIPE = 141  # the reader of stdout went away (| head): what a tool killed by SIGPIPE reports

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
@click.option("--report", type=click.Path(path_type=Path), metavar="PATH",
              help="Write an HTML report of what was kept and removed, and by which rule: to PATH for one input "
                   "(a name ending in .html), else one per input into the folder PATH, with an index.html.")
@click.option("--truth", type=click.Path(dir_okay=False, exists=True, path_type=Path), metavar="FILE",
              help="With --report: score each page against this benchmark truth (JSON: page id -> "
                   "{articleBody}, the id being the file name up to its first dot).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print a summary when stderr is not a terminal.")
@click.version_option(__version__, "--version", prog_name="newsclean")
@click.pass_context
def main(ctx: click.Context, inputs: tuple[str, ...], output_dir: Path | None, fmt: str, links: bool, images: bool,
         kind: str,
         files_from: str | None, null: bool, encoding: str | None, jobs: int | None, max_bytes: int,
         timeout: float, max_memory: int, force: bool, prune: bool, wait: bool, site_templates: bool, site: str | None,
         templates_in: Path | None,
         templates_out: Path | None, refresh: bool, explain: bool, report: Path | None, truth: Path | None,
         quiet: bool, verbose: bool) -> None:
    """Clean scraped news pages (HTML or whole-page text dumps) into articles.

    An INPUT is a file, a folder (searched recursively for *.html, *.htm, *.xhtml and *.txt, each
    also gzipped) or '-' for standard input. Standard input is read only when asked for, with '-'
    or '--files-from -'.

    A crawl file (*.warc, *.warc.gz, WET: *.warc.wet.gz; also found in folders) is read record by
    record: each HTML response or WET text is an input; with -o its articles go to one NAME.jsonl.
    """
    import sqlite3

    from . import console as consoles
    from .batch import Run, StdoutError, Stop, Tally
    from .console import line, skipped_text, summary_table
    from .decode import text_codec
    from .output import empty_scratch
    from .plan import run_batch
    from .runner import default_jobs
    from .state import STATE_DIR, LockedError, StateError, StateStore, config_key, locked
    from .templates import Group, import_groups, site_host

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
    console = consoles.make_console()
    stdin = sys.stdin.buffer.read() if (STDIN in inputs or files_from == STDIN) else None
    items = [_read_once(item, stdin) for item in _inputs(inputs, files_from, null, stdin)]
    truths = None
    if truth is not None:
        if report is None:
            raise click.UsageError("--truth goes with --report")
        try:
            truths = {key: (value.get("articleBody") or "") if isinstance(value, dict) else str(value)
                      for key, value in json.loads(truth.read_bytes()).items()}
        except (OSError, ValueError, AttributeError) as exc:
            raise click.BadParameter(f"{truth}: {exc}", param_hint="--truth") from None
    if (report or templates_in or templates_out) and any(isinstance(i, Input) and is_crawl(i.source) for i in items):
        raise click.UsageError("--report, --templates and --save-templates go with page files, not crawl files "
                               "(WARC, WET)")
    if report is not None and report.suffix == ".html" and len(items) != 1:
        raise click.UsageError("--report FILE.html goes with one input; name a folder for several")
    if not items and not quiet:  # a folder without pages (a typo, an empty drop folder): say so, still exit 0
        line(console, "newsclean: warning: no page to clean (folders are searched for "
                      f"{', '.join('*' + s for s in (*SUFFIXES, *CRAWL_SUFFIXES))}, each also gzipped)")
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
            run = Run(output_dir=output_dir, store=store, config=config, settings=settings, fmt=fmt,
                      explain=explain, timeout=timeout, force=force, prune=prune, jobs=jobs or default_jobs(),
                      quiet=quiet, console=console, tally=tally, stop=stop, templates=site_templates, known=known,
                      known_digest=known_digest, templates_out=templates_out, site=host, scratch=scratch,
                      max_memory=max_memory, report=report, truth=truths)
            try:
                run_batch(items, run)
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

    counts = [("cleaned", tally.cleaned), ("unchanged", tally.unchanged), ("failed", tally.failed),
              ("without article", tally.empty + tally.records_empty)] + ([("pruned", tally.pruned)] if prune else [])
    seconds = time.perf_counter() - tally.started
    if not quiet and console.is_terminal:
        summary_table(console, counts, seconds)
    elif not quiet and verbose:
        line(console, "newsclean: " + ", ".join(f"{n} {name}" for name, n in counts) + f" in {seconds:.2f} s")
    if not quiet and (verbose or console.is_terminal) and tally.skipped:
        line(console, f"newsclean: crawl records that are no page, skipped: {skipped_text(tally.skipped)}")
    if stop.requested:
        line(console, "newsclean: interrupted; finished files are written and recorded")
        ctx.exit(Exit.INTERRUPTED)
    ctx.exit(exit_status(tally.failed, tally.empty))
