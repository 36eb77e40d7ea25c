"""The command line: inputs, streams, errors and exit codes. No heuristics live here."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

import click

from . import __version__
from .console import line, make_console
from .inputs import STDIN, Input, expand, read_list
from .model import Article, InputError
from .output import OutputError, target_path, write_atomic
from .pipeline import clean
from .render import EXTENSIONS, FORMATS, render
from .settings import DEFAULTS, Settings, with_overrides


class Exit(IntEnum):
    """Exit statuses, documented in --help and the README."""

    OK = 0  # every input was cleaned
    FAILED = 1  # some inputs failed (the others were written)
    USAGE = 2  # the command line was wrong
    NO_ARTICLE = 3  # no input failed, but some held no article (nothing written for them)
    INTERRUPTED = 130  # Ctrl-C


def exit_status(failed: int, empty: int) -> Exit:
    if failed:
        return Exit.FAILED
    return Exit.NO_ARTICLE if empty else Exit.OK


EPILOG = """\b
Exit status:
  0    every input was cleaned
  1    some inputs failed (one error line each on stderr); the others were written
  2    usage error
  3    no input failed, but some held no article (reported on stderr, nothing written)
  130  interrupted (Ctrl-C)
"""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: an article, an error, or no article."""

    source: str
    article: Article | None = None
    error: str | None = None


def read_input(inp: Input, stdin: bytes | None) -> bytes:
    if inp.is_stdin:
        return stdin or b""
    try:
        with open(inp.source, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError(inp.source, "is a directory") from None
    except OSError as exc:
        raise InputError(inp.source, exc.strerror or str(exc)) from None


def clean_one(inp: Input, data: bytes, settings: Settings) -> Outcome:
    try:
        article = clean(data, source=inp.source, kind=settings.kind, settings=settings)
    except InputError as exc:
        return Outcome(inp.source, error=exc.reason)
    except RecursionError:
        return Outcome(inp.source, error="page is nested too deeply to parse")
    return Outcome(inp.source, article=article)


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


@click.command("newsclean", context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
               epilog=EPILOG)
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one file per input here, mirroring the input folders. "
                   "Without it, articles go to stdout (JSON Lines when there are several).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="Output format.")
@click.option("--kind", type=click.Choice(["auto", "html", "text"]), default="auto", show_default=True,
              help="Input kind; auto decides from the content, not the file name.")
@click.option("--files-from", metavar="FILE",
              help="Read input paths from FILE, one per line ('-' for stdin).")
@click.option("-0", "--null", is_flag=True, help="With --files-from: paths are NUL-separated (find -print0).")
@click.option("--encoding", metavar="NAME", help="Decode every input with this encoding instead of detecting.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULTS.max_bytes, show_default=True,
              help="Refuse inputs larger than this (after gunzip).")
@click.option("--explain", is_flag=True,
              help="Print every removed block with the rule that removed it (stderr); "
                   "with JSON also as a 'removed' list.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print a summary when stderr is not a terminal.")
@click.version_option(__version__, "--version", prog_name="newsclean")
@click.pass_context
def main(ctx: click.Context, inputs: tuple[str, ...], output_dir: Path | None, fmt: str, kind: str,
         files_from: str | None, null: bool, encoding: str | None, max_bytes: int, explain: bool,
         quiet: bool, verbose: bool) -> None:
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
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from None

    settings = with_overrides(DEFAULTS, kind=kind, encoding=encoding, max_bytes=max_bytes)
    console = make_console()
    errors = make_console()
    stdin = sys.stdin.buffer.read() if (STDIN in inputs or files_from == STDIN) else None
    items = list(_inputs(inputs, files_from, null, stdin))
    cleaned = failed = empty = 0
    started = time.perf_counter()
    taken: dict[Path, str] = {}

    def error(source: str, reason: str) -> None:
        line(errors, f"newsclean: error: {source}: {reason}")

    show_progress = console.is_terminal and not quiet and len(items) > 1
    progress_cm = _progress(console) if show_progress else nullcontext(None)
    try:
        with progress_cm as progress:
            task = progress.add_task("cleaning", total=len(items)) if progress else None
            for item in items:
                if progress is not None:
                    progress.advance(task)
                if isinstance(item, tuple):
                    error(*item)
                    failed += 1
                    continue
                try:
                    data = read_input(item, stdin)
                except InputError as exc:
                    error(exc.source, exc.reason)
                    failed += 1
                    continue
                outcome = clean_one(item, data, settings)
                if outcome.error is not None:
                    error(outcome.source, outcome.error)
                    failed += 1
                    continue
                article = outcome.article
                assert article is not None
                if explain:
                    for removal in article.removed:
                        line(errors, f"newsclean: explain: {item.source}: {removal.rule}: {removal.text[:100]}")
                if not article.blocks:
                    if not quiet:
                        line(errors, f"newsclean: warning: {item.source}: no article found; nothing written")
                    empty += 1
                    continue
                text = render(article, fmt, explain=explain)  # type: ignore[arg-type]
                if output_dir is None:
                    sys.stdout.write(text if text.endswith("\n") else text + "\n")
                    sys.stdout.flush()
                else:
                    try:
                        path = target_path(output_dir, item.rel, EXTENSIONS[fmt])
                        if path in taken:
                            raise OutputError(f"output {path} was already written for {taken[path]}")
                        write_atomic(path, text)
                        taken[path] = item.source
                    except (OutputError, OSError) as exc:
                        error(item.source, str(exc))
                        failed += 1
                        continue
                cleaned += 1
    except KeyboardInterrupt:
        line(errors, "newsclean: interrupted")
        ctx.exit(Exit.INTERRUPTED)
    except BrokenPipeError:
        # The reader of stdout went away (| head): stop quietly, as Unix tools do.
        sys.stderr.close()
        ctx.exit(Exit.FAILED)

    if not quiet and (verbose or console.is_terminal):
        seconds = time.perf_counter() - started
        line(errors, f"newsclean: {cleaned} cleaned, {failed} failed, {empty} without article "
                     f"in {seconds:.2f} s")
    ctx.exit(exit_status(failed, empty))


def _progress(console):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=True)
