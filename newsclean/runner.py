"""Cleaning many inputs: in worker processes, results back in input order, each input under a time
limit. The same inputs give the same results whatever the number of workers."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from .formats import render
from .model import Article, InputError, Prepared
from .settings import Settings, with_overrides
from .templates import Signature, SiteModel, digest, signature, signature_of

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from .report import Summary

T = TypeVar("T")

# A failure after the process's peak memory passed this share of --max-memory is put down to it.
NEAR_CEILING = 0.8
# Inputs sent to a worker at a time: enough to amortise the hand-over, few enough to stay responsive.
BATCH = 8


@dataclass(frozen=True, slots=True)
class Task:
    """What a worker needs for one input: where to read it (or its bytes, for stdin), and how to render."""

    source: str
    data: bytes | None
    settings: Settings
    fmt: str
    explain: bool
    timeout: float
    site_model: SiteModel | None = None
    max_memory: int = 0  # megabytes the process may hold while cleaning it (0: no limit)
    report: bool = False  # also build its HTML report (report.py)
    truth: str | None = None  # the article a benchmark gives for it (--truth), to score the report
    # What a crawl's record says of its page (warc.Record): its kind, HTTP charset, address, host
    # (what site templates group by) and capture time.
    kind: str | None = None
    charset: str | None = None
    url: str | None = None
    host: str | None = None
    captured: dt.datetime | None = None
    keep: bool = False  # learn_task keeps the page read into blocks for run_task (same process)


@dataclass(frozen=True, slots=True)
class Result:
    """One input's outcome: rendered text, or an error reason, or neither (no article)."""

    source: str
    text: str | None = None
    error: str | None = None
    removed: tuple[tuple[str, str, str], ...] = ()  # (rule, text, detail) for --explain
    report: str | None = None  # the HTML report (--report)
    summary: Summary | None = None  # its line in the report's index


class TimeLimit(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise TimeLimit


def read_bytes(source: str) -> bytes:
    try:
        with open(source, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimit in this (main) thread after `seconds` (0: no limit)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    # An alarm that fell where Python could not raise it (inside a destructor, say) was lost:
    # the clock still says whether the limit passed.
    if time.monotonic() - started > seconds:
        raise TimeLimit


@contextlib.contextmanager
def memory_limit(megabytes: int) -> Iterator[None]:
    """Let this process's heap grow to `megabytes` at most (0: no limit): past it, an allocation
    raises MemoryError, which ends the input in hand, not the run. The limit is the data segment's
    (RLIMIT_DATA: the heap and private mappings, where a page's tree and text live), set while one
    input is cleaned and lifted after."""
    if megabytes <= 0 or not hasattr(resource, "RLIMIT_DATA"):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    ceiling = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def run_task(task: Task) -> Result:
    """Read, clean and render one input; every failure becomes a one-line reason."""
    try:
        with time_limit(task.timeout), memory_limit(task.max_memory):
            from .pipeline import clean

            settings = task.settings
            if (task.explain or task.report) and not settings.candidates:  # they list the candidates that lost
                settings = with_overrides(settings, candidates=True)
            prepared = _kept.pop(_kept_key(task), None) if _kept else None
            data = (b"" if prepared is not None else task.data if task.data is not None
                    else read_bytes(task.source))
            article = clean(data, source=task.source, kind=task.kind or task.settings.kind, settings=settings,
                            site_model=task.site_model, charset=task.charset, fetched_from=task.url,
                            captured=task.captured, prepared=prepared)
            if not article.blocks and prepared is not None:  # read again: clean() has ways to retry a page
                article = clean(read_bytes(task.source), source=task.source, kind=task.kind or task.settings.kind,
                                settings=settings, site_model=task.site_model, charset=task.charset,
                                fetched_from=task.url, captured=task.captured)
            removed = (tuple((r.rule, r.text, r.detail) for r in article.removed)
                       + tuple((f"{field} candidate", f"{value} (from {source})", "")
                               for field, value, source in article.metadata.candidates)
                       if task.explain else ())
            report, line = _report(article, task) if task.report else (None, None)
            if not article.blocks:
                return Result(task.source, removed=removed, report=report, summary=line)
            text = render(article, task.fmt, explain=task.explain,  # type: ignore[arg-type]
                          links=task.settings.keep_links, images=task.settings.keep_images)
            return Result(task.source, text=text, removed=removed, report=report, summary=line)
    except InputError as exc:
        return Result(task.source, error=exc.reason)
    except TimeLimit:
        return Result(task.source, error=f"took longer than {task.timeout:g} s (--timeout)")
    except RecursionError:
        return Result(task.source, error="page is nested too deeply to parse")
    except MemoryError:
        return Result(task.source, error=_out_of_memory(task))
    except Exception as exc:  # a bug must not stop a cron run: report the input, go on
        if _near_ceiling(task.max_memory):  # the parser's own words for a failed allocation
            return Result(task.source, error=_out_of_memory(task))
        return Result(task.source, error=f"internal error, please report it: {type(exc).__name__}: {exc}")


def _report(article: Article, task: Task) -> tuple[str, Summary]:
    """The input's HTML report and its line in the index (--report; report.py loaded only then)."""
    from .report import page_report, summary

    return page_report(article, task.truth), summary(article, "", task.truth)


def _out_of_memory(task: Task) -> str:
    return f"needed more than {task.max_memory} MB of memory (--max-memory)" if task.max_memory else "out of memory"


def _near_ceiling(megabytes: int) -> bool:
    """Whether this process's peak memory came near a ceiling of `megabytes` (the HTML parser reports
    a failed allocation as an error of its own, not as MemoryError)."""
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return megabytes > 0 and peak_kib > NEAR_CEILING * megabytes * 1024


# The pages the learning pass read into blocks, kept for the cleaning pass in the same process, so
# that each page is decoded and parsed once: the first pages of a run, up to this many characters of
# block text (about twice as many bytes of memory), each taken out again when it is cleaned.
KEEP_CHARS = 16_000_000
_kept: dict[tuple[str, Settings, str | None, str | None], Prepared] = {}
_kept_chars = 0


def _kept_key(task: Task) -> tuple[str, Settings, str | None, str | None]:
    return (task.source, task.settings, task.kind, task.charset)


def forget_kept() -> None:
    """Drop the pages kept from a learning pass (before the next one)."""
    global _kept_chars
    _kept.clear()
    _kept_chars = 0


def learn_task(task: Task) -> Signature | None:
    """What site-template learning needs from one input (None when it cannot be read: the
    cleaning pass reports why). With `task.keep`, the page read into blocks is kept (up to
    KEEP_CHARS) for run_task in this process."""
    global _kept_chars
    try:
        with time_limit(task.timeout), memory_limit(task.max_memory):
            data = task.data if task.data is not None else read_bytes(task.source)
            settings = task.settings if task.kind is None else replace(task.settings, kind=task.kind)
            if not task.keep or _kept_chars >= KEEP_CHARS:
                return signature(data, task.source, settings, task.charset, task.host)
            from .pipeline import prepare

            try:
                prepared = prepare(data, task.source, settings.kind, settings, task.charset)
            except InputError:
                return None
            _kept[_kept_key(task)] = prepared
            _kept_chars += sum(len(block.text) for block in prepared.blocks) + 1000
            return signature_of(prepared.blocks, prepared.declared, task.source, digest(data), task.host)
    except Exception:  # the cleaning pass reports it
        return None


def _run_batch(work: Callable[[Task], T], tasks: list[Task]) -> list[T]:
    return [work(task) for task in tasks]


def _worker_init() -> None:
    # Ctrl-C and SIGTERM are the parent's to handle: it finishes the current files and stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # A parent killed outright (SIGKILL) cannot stop its workers: they notice and leave.
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Workers:
    """Worker processes kept for a whole run, one pool of one process each: batch i of every pass
    goes to process i % jobs, so the process that read a page to learn from it cleans it too, from
    what it kept (learn_task). Results come back in input order whatever the number of processes."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pools: list[ProcessPoolExecutor] = []

    def pools(self) -> list[ProcessPoolExecutor]:
        if not self._pools:
            # (imported here: a run of one input in this process never starts a worker)
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            self._pools = [ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_worker_init)
                           for _ in range(self.jobs)]
        return self._pools

    def close(self) -> None:
        for pool in self._pools:
            pool.shutdown(wait=True, cancel_futures=True)
        self._pools = []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def run_all(tasks: Iterable[Task], jobs: int, work: Callable[[Task], T] = run_task,  # type: ignore[assignment]
            workers: Workers | None = None) -> Iterator[T]:
    """work(task) for each task, in the order of `tasks`. With jobs > 1, batches run in worker
    processes (`workers`, or processes for this call alone), with a bounded number in flight so
    memory stays flat however many inputs there are."""
    if jobs <= 1:
        for task in tasks:
            yield work(task)
        return
    own = workers is None
    workers = workers if workers is not None else Workers(jobs)
    pools = workers.pools()
    window: deque[Future[list[T]]] = deque()
    batch: list[Task] = []
    sent = 0
    try:
        for task in tasks:
            batch.append(task)
            if len(batch) == BATCH:
                window.append(pools[sent % len(pools)].submit(_run_batch, work, batch))
                sent += 1
                batch = []
                if len(window) >= 4 * len(pools):
                    yield from window.popleft().result()
        if batch:
            window.append(pools[sent % len(pools)].submit(_run_batch, work, batch))
        while window:
            yield from window.popleft().result()
    finally:
        for future in window:
            future.cancel()
        if own:
            workers.close()
