"""Writing results: paths that stay inside the output folder, and files that appear whole or not at all."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import sys
from pathlib import Path, PurePosixPath


class OutputError(Exception):
    """An output that cannot be written where it should go."""


def empty_scratch(folder: Path) -> Path:
    """`folder`, made if missing and emptied of what a killed run left there."""
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.iterdir():
        with contextlib.suppress(OSError):
            leftover.unlink()
    return folder


def target_path(out_dir: Path, rel: PurePosixPath, extension: str) -> Path:
    """Where the output for `rel` goes; refuses names that would leave `out_dir`."""
    if rel.is_absolute() or any(part in ("..", "") for part in rel.parts):
        raise OutputError(f"output name {str(rel)!r} would leave the output folder")
    root = out_dir.resolve()
    path = root.joinpath(*rel.parts[:-1], rel.name + extension)
    # A symlinked folder inside the output folder must not lead out of it, nor one above it that
    # the missing folders would be made in (resolve() follows every link of the part that exists).
    parent = path.parent
    if parent != root and not parent.resolve().is_relative_to(root):  # (the root itself is resolved)
        raise OutputError(f"output folder {str(parent)!r} leads outside {str(root)!r}")
    if path.is_symlink():
        raise OutputError(f"output {str(path)!r} is a symbolic link; not overwriting it")
    return path


_TEMP_NUMBERS = itertools.count()


def open_temp(folder: Path, name: str) -> tuple[int, str]:
    """A new file in `folder` for writing, named after `name` and this process ('.NAME.PID.N.tmp'),
    created exclusively (never another's file), with the permissions any new file gets (the mode
    less the umask; mkstemp's own 0600 would hide outputs from the other users and services that
    read the folder)."""
    while True:
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{next(_TEMP_NUMBERS)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666), tmp
        except FileExistsError:  # left by a process of the same number, killed: take the next name
            continue


def write_atomic(path: Path, text: str, scratch: Path | None = None, durable: bool = True) -> None:
    """Write to a temporary file, flush it to disk, then rename it into place: beside `path`, or in
    `scratch` (a folder of the same file system that the caller empties, so a run killed mid-write
    leaves nothing behind among the outputs). With `durable` off, the flush to disk is the
    caller's (sync_files, for a group of files at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = open_temp(scratch or path.parent, path.name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if scratch is not None and isinstance(exc, OSError) and exc.errno == errno.EXDEV:
            write_atomic(path, text, durable=durable)  # `path` is on another file system (a mount inside the folder)
            return
        raise


# The data and what reading it needs (its size), not its times: half the cost of fsync on Linux.
_DATASYNC = getattr(os, "fdatasync", os.fsync)


def sync_files(paths: list[Path]) -> None:
    """Flush files written with write_atomic(durable=False) to disk, and their names (the renames).
    On Linux one syncfs() per file system does it: a group of files costs one flush, where a flush
    per file waits for the disk once each (3 to 15 times as long, measured on 512 files). Elsewhere,
    or if syncfs fails, each file and folder is flushed in turn."""
    folders = sorted({path.parent for path in paths})
    if _syncfs(folders):
        return
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            _DATASYNC(fd)
        finally:
            os.close(fd)
    for folder in folders:
        with contextlib.suppress(OSError):  # a folder cannot be opened for fsync on some systems
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _syncfs(folders: list[Path]) -> bool:
    """syncfs() on the file system of each folder (once per device); False where it is missing or fails."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return False
    done: set[int] = set()
    for folder in folders:
        fd = os.open(folder, os.O_RDONLY)
        try:
            device = os.fstat(fd).st_dev
            if device not in done:
                if syncfs(fd) != 0:
                    return False
                done.add(device)
        finally:
            os.close(fd)
    return True
