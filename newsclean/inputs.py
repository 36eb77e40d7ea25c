"""Which files a run reads, in which order, and where each one's output goes."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Files picked up when a folder is given (each also as .gz).
SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
# Crawl files, read record by record (warc.py); a WET file is `*.warc.wet.gz`. Each also as .gz.
CRAWL_SUFFIXES = (".warc", ".wet")
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Input:
    """One input: `source` is the path as given (or '-'), `rel` its output name stem, relative to
    the output folder (`a/b` for `pages/a/b.html.gz` given as `pages/`)."""

    source: str
    rel: PurePosixPath
    data: bytes | None = None  # the bytes, read once, of stdin or a pipe (they cannot be read twice)

    @property
    def is_stdin(self) -> bool:
        return self.source == STDIN

    @property
    def key(self) -> str:
        """The input's identity in an output folder's state: its absolute path, so a run started
        from another folder, or naming the input another way, knows it."""
        return self.source if self.is_stdin else os.path.abspath(self.source)


def is_page(name: str) -> bool:
    """A page file or a crawl file: what a folder is searched for."""
    lower = name.lower().removesuffix(".gz")
    return lower.endswith(SUFFIXES) or lower.endswith(CRAWL_SUFFIXES)


def is_crawl(name: str) -> bool:
    """A WARC or WET file (by its name), read record by record."""
    return name.lower().removesuffix(".gz").endswith(CRAWL_SUFFIXES)


def output_stem(name: str) -> str:
    """Drop `.gz`, then the last extension: `b.html.gz` -> `b`, `notes.v2.txt` -> `notes.v2`. A crawl
    file keeps its name less `.gz` (`x.warc.gz` -> `x.warc`, `x.warc.wet.gz` -> `x.warc.wet`): a
    crawl's WARC and WET files sit side by side."""
    if is_crawl(name):
        return name[:-3] if name.lower().endswith(".gz") else name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def _walk(folder: str) -> list[tuple[tuple[str, ...], bool]]:
    """Page files below `folder` as (their path's parts inside it, whether each is a regular file),
    sorted by those parts; hidden files and folders and symlinked folders are not entered. Plain
    strings and one scandir per folder: a folder of 10,000 pages is listed in a few milliseconds."""
    found: list[tuple[tuple[str, ...], bool]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(folder, ())]
    while pending:
        path, parts = pending.pop()
        try:
            entries = list(os.scandir(path))
        except OSError:  # as os.walk: a folder that cannot be listed is passed over
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir():
                if not entry.is_symlink():
                    pending.append((entry.path, (*parts, name)))
            elif is_page(name):
                found.append(((*parts, name), entry.is_file()))
    found.sort(key=lambda item: item[0])
    return found


def is_pipe(path: str) -> bool:
    """A named pipe, a device or a process substitution (/dev/fd/63): what can be read only once."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _given(sources: Iterable[str]) -> Iterator[Input | tuple[str, str]]:
    for source in sources:
        if source == STDIN:
            yield Input(STDIN, PurePosixPath("stdin"))
            continue
        path = Path(source)
        if path.is_dir():
            prefix = str(path)  # as pathlib spells it ('pages/' and './pages' give 'pages/x.txt')
            for parts, regular in _walk(prefix):
                file = os.path.join(prefix, *parts)
                if not regular and is_pipe(file):  # found in a folder: reading it could wait for ever
                    yield (file, "not a regular file (a pipe or a device); name it alone to read it")
                    continue
                yield Input(file, PurePosixPath(*parts[:-1], output_stem(parts[-1])))
        elif path.exists():
            yield Input(source, PurePosixPath(output_stem(path.name)))
        else:
            yield (source, "no such file or directory")


def expand(sources: Iterable[str]) -> Iterator[Input | tuple[str, str]]:
    """Inputs in order: a folder becomes its page files (recursively, sorted by path); a file or '-'
    stays as given. A source that cannot be read yields (source, reason) instead. An input met
    again (a folder and a folder inside it, a file named twice) counts once, where it came first."""
    seen: set[str] = set()
    for item in _given(sources):
        if isinstance(item, Input):
            if item.key in seen:
                continue
            seen.add(item.key)
        yield item


def read_list(data: bytes, null: bool) -> list[str]:
    """Paths from --files-from content: one per line, or NUL-separated with -0."""
    sep = b"\0" if null else b"\n"
    items = [item.rstrip(b"\r") if not null else item for item in data.split(sep)]
    return [os.fsdecode(item) for item in items if item.strip()]
