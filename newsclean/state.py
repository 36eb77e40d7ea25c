"""What earlier runs did, kept in the output folder: which input state gave which output, under
which version and settings. A run skips inputs whose record still matches, and records each
output only after the file is in place, so a run killed at any moment leaves a state that at
worst makes the next run redo a few files.

The store is SQLite (standard library) in `OUT/.newsclean/state.sqlite`, beside the lock file
that keeps two runs off the same folder.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import sqlite3
import struct
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .templates import Group, HostCounts

STATE_DIR = ".newsclean"
SCHEMA = """
CREATE TABLE IF NOT EXISTS outputs (
    source TEXT PRIMARY KEY,   -- the input path as given
    size INTEGER NOT NULL,     -- the input's size and modification time when it was cleaned
    mtime_ns INTEGER NOT NULL,
    config TEXT NOT NULL,      -- version and settings that produced the output
    output TEXT,               -- the output path relative to the output folder (NULL: no article)
    outcome TEXT NOT NULL      -- 'written' or 'no-article'
);
CREATE TABLE IF NOT EXISTS site_groups (
    name TEXT NOT NULL,        -- the host, or 'a site' for a group known by its lines only
    host TEXT,
    pages INTEGER NOT NULL,    -- pages learned from
    lines BLOB NOT NULL        -- per line: digest (8 bytes), pages carrying it, group size when last met
);
CREATE TABLE IF NOT EXISTS site_pages (
    source TEXT PRIMARY KEY    -- inputs already counted in site_groups (not counted twice)
);
CREATE TABLE IF NOT EXISTS site_prints (
    rank INTEGER PRIMARY KEY,  -- the group's place among site_groups (rowid order, from 0)
    prints BLOB NOT NULL       -- fingerprints (8 bytes each) of the group's latest counted pages
);
CREATE TABLE IF NOT EXISTS crawl_counts (
    source TEXT PRIMARY KEY,   -- a crawl file (WARC, WET) learned from
    counts BLOB NOT NULL       -- zlib of its site-template counts, per host: pages, then lines as in site_groups
);
CREATE TABLE IF NOT EXISTS site_imports (
    digest TEXT PRIMARY KEY    -- --templates files already merged into site_groups (not merged twice)
);
"""
_LINE = struct.Struct("<QII")
_COUNT = struct.Struct("<QI")
_HOST = struct.Struct("<HII")  # the host's length in bytes, its pages, its lines


def _pack_counts(counts: dict[str, HostCounts]) -> bytes:
    parts = []
    for host in sorted(counts):
        name = host.encode("utf-8", "surrogateescape")[:65535]
        lines = counts[host].lines
        parts.append(_HOST.pack(len(name), counts[host].pages, len(lines)) + name
                     + b"".join(_COUNT.pack(line, n) for line, n in sorted(lines.items())))
    return zlib.compress(b"".join(parts))


def _unpack_counts(blob: bytes) -> dict[str, HostCounts]:
    data = zlib.decompress(blob)
    out: dict[str, HostCounts] = {}
    at = 0
    while at < len(data):
        size, pages, count = _HOST.unpack_from(data, at)
        at += _HOST.size
        host = data[at:at + size].decode("utf-8", "surrogateescape")
        at += size
        lines: Counter[int] = Counter(dict(_COUNT.iter_unpack(data[at:at + count * _COUNT.size])))
        at += count * _COUNT.size
        out[host] = HostCounts(pages, lines)
    return out
_PRINT = struct.Struct("<Q")


def _stored(name: str) -> str | bytes:
    """A path as SQLite keeps it: text, or its bytes when the name is not UTF-8 (the file system's
    surrogates cannot be stored as text)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name)
    return name


def _loaded(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


class LockedError(Exception):
    """Another run holds the output folder."""


class StateError(Exception):
    """The output folder cannot hold the run's state (its `.newsclean` is a file, a disk error...)."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """An input's identity for change detection: size and modification time."""

    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Record:
    stamp: Stamp
    config: str
    output: str | None
    outcome: str


def config_key(version: str, **settings: object) -> str:
    """A short, stable digest of the version and the options that change outputs."""
    text = repr((version, sorted(settings.items())))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def stamp_of(path: str) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Stamp(st.st_size, st.st_mtime_ns)


@contextlib.contextmanager
def locked(out_dir: Path, wait: bool) -> Iterator[None]:
    """Hold the output folder's lock for the duration; raise LockedError if taken and not waiting."""
    folder = out_dir / STATE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / "lock", "a+")  # noqa: SIM115 (closed below, after the lock's life)
    except OSError as exc:
        raise StateError(f"{out_dir}: cannot keep the run's state in {folder}: {exc.strerror or exc}") from None
    # POSIX record locks belong to this process alone: worker processes forked from it do not
    # inherit them, so a killed run never leaves the folder locked behind it.
    with handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise LockedError(f"another newsclean run is writing to {out_dir} (use --wait to queue)") from None
            raise
        try:
            yield
        finally:
            fcntl.lockf(handle, fcntl.LOCK_UN)


# What SQLite says of a file that is no state of this version's: not a database, damaged, or
# without the tables and columns read below. Anything else (locked, busy, a full disk) is passing.
UNREADABLE = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT", "SQLITE_ERROR"})
# One read of each table as the store reads it: a state that fails them is not this store's.
PROBES = ("SELECT source, size, mtime_ns, config, output, outcome FROM outputs LIMIT 1",
          "SELECT name, host, pages, lines FROM site_groups LIMIT 1",
          "SELECT source FROM site_pages LIMIT 1",
          "SELECT rank, prints FROM site_prints LIMIT 1",
          "SELECT digest FROM site_imports LIMIT 1",
          "SELECT source, counts FROM crawl_counts LIMIT 1")


def _open(path: Path) -> sqlite3.Connection:
    """The state database at `path`, created if missing; sqlite3.DatabaseError if unreadable."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        for probe in PROBES:
            db.execute(probe).fetchall()
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _free_name(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`... the first that does not exist."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


class StateStore:
    """The records of one output folder. Writes are batched and committed at least every second.

    A state that cannot be read (a damaged file, another program's database) is moved aside, never
    deleted, and the folder starts a new one: every input is cleaned again, and `recovered` says so."""

    def __init__(self, out_dir: Path) -> None:
        folder = out_dir / STATE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "state.sqlite"
        self.recovered: str | None = None
        try:
            self._db = _open(path)
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") not in UNREADABLE:  # busy, locked, a full disk: not ours to move
                raise StateError(f"{out_dir}: the run's state cannot be opened: {exc}") from None
            aside = _free_name(path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}"))
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{path}{suffix}").exists():
                    os.replace(f"{path}{suffix}", f"{aside}{suffix}")
            self._db = _open(path)
            self.recovered = f"{path}: unreadable state ({exc}); moved to {aside.name}, starting a new one"
        self._pending: list[tuple] = []
        self._last_commit = time.monotonic()

    def records(self) -> dict[str, Record]:
        rows = self._db.execute("SELECT source, size, mtime_ns, config, output, outcome FROM outputs")
        return {_loaded(r[0]): Record(Stamp(r[1], r[2]), r[3], None if r[4] is None else _loaded(r[4]), r[5])
                for r in rows}

    def record(self, source: str, stamp: Stamp, config: str, output: str | None, outcome: str) -> None:
        self._pending.append((_stored(source), stamp.size, stamp.mtime_ns, config,
                              None if output is None else _stored(output), outcome))
        if len(self._pending) >= 200 or time.monotonic() - self._last_commit > 1.0:
            self.flush()

    def load_groups(self) -> list[Group]:
        prints = {rank: [p for (p,) in _PRINT.iter_unpack(blob)]
                  for rank, blob in self._db.execute("SELECT rank, prints FROM site_prints")}
        groups = []
        for number, (name, host, pages, blob) in enumerate(
                self._db.execute("SELECT name, host, pages, lines FROM site_groups ORDER BY rowid")):
            counts: Counter[int] = Counter()
            seen: dict[int, int] = {}
            for line, n, last in _LINE.iter_unpack(blob):
                counts[line] = n
                seen[line] = last
            groups.append(Group(name, number, host, pages, [], counts, seen, prints=prints.get(number, [])))
        return groups

    def counted(self) -> set[str]:
        return {_loaded(row[0]) for row in self._db.execute("SELECT source FROM site_pages")}

    def imported(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT digest FROM site_imports")}

    def save_groups(self, groups: list[Group], sources: list[str], *imported: str) -> None:
        """Replace the site models with `groups`, and remember `sources` as counted and the
        templates files `imported` (their digests) as merged."""
        self.flush()
        kept = [g for g in groups if g.size]
        rows = [(g.name, g.host, g.size,
                 b"".join(_LINE.pack(line, n, g.seen.get(line, g.size)) for line, n in sorted(g.counts.items())))
                for g in kept]
        self._db.execute("BEGIN")
        self._db.execute("DELETE FROM site_groups")
        self._db.execute("DELETE FROM site_prints")
        self._db.executemany("INSERT INTO site_groups VALUES (?, ?, ?, ?)", rows)
        self._db.executemany("INSERT INTO site_prints VALUES (?, ?)",
                             [(rank, b"".join(_PRINT.pack(p) for p in g.prints)) for rank, g in enumerate(kept)])
        self._db.executemany("INSERT OR IGNORE INTO site_pages VALUES (?)", [(_stored(s),) for s in sources])
        self._db.executemany("INSERT OR IGNORE INTO site_imports VALUES (?)", [(d,) for d in imported])
        self._db.execute("COMMIT")

    def crawl_counts(self) -> dict[str, dict[str, HostCounts]]:
        """The site-template counts of each crawl file learned from in earlier runs (by input key)."""
        out = {}
        for source, blob in self._db.execute("SELECT source, counts FROM crawl_counts ORDER BY source"):
            with contextlib.suppress(zlib.error, struct.error, UnicodeError):  # damaged: as if never learned
                out[_loaded(source)] = _unpack_counts(blob)
        return out

    def save_crawl_counts(self, counts: dict[str, dict[str, HostCounts]]) -> None:
        self.flush()
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO crawl_counts VALUES (?, ?)",
                                 [(_stored(key), _pack_counts(c)) for key, c in sorted(counts.items())])

    def forget(self, sources: list[str]) -> None:
        self.flush()
        with self._db:
            self._db.executemany("DELETE FROM outputs WHERE source = ?", [(_stored(s),) for s in sources])
            self._db.executemany("DELETE FROM crawl_counts WHERE source = ?", [(_stored(s),) for s in sources])

    def flush(self) -> None:
        if self._pending:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?, ?)", self._pending)
            self._db.execute("COMMIT")
            self._pending.clear()
        self._last_commit = time.monotonic()

    def close(self) -> None:
        self.flush()
        self._db.close()
