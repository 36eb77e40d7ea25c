"""newsclean as cron and pipelines run it: real subprocesses, incremental folders, locks, kills."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import PAGES, SEED, output_files

CMD = [sys.executable, "-m", "newsclean"]


def newsclean(*args: str | Path, input: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*CMD, *map(str, args)], input=input, capture_output=True, timeout=timeout,
                          check=False)


def make_pages(folder: Path, count: int) -> Path:
    """`count` inputs: the seed and the fixture dumps, with small edits so each one differs."""
    sources = [SEED.read_text("utf-8")] + [(p / "source.txt").read_text("utf-8") for p in sorted(PAGES.iterdir())
                                             if (p / "source.txt").exists()]
    for i in range(count):
        text = sources[i % len(sources)].replace("the ", f"the{'' if i % 2 else ' '}", 1 + i % 3)
        sub = folder / f"d{i % 4}"
        sub.mkdir(parents=True, exist_ok=True)
        name = sub / f"page-{i:04d}.txt"
        if i % 5 == 0:
            name.with_suffix(".txt.gz").write_bytes(gzip.compress(text.encode()))
        else:
            name.write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pages(tmp_path_factory.mktemp("corpus"), 60)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pages(tmp_path_factory.mktemp("big"), 400)


@pytest.fixture(scope="module")
def big_reference(big_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("big-reference")
    assert newsclean(big_corpus, "-o", out, "-j", "2").returncode == 0
    return output_files(out)


def _wait_foroutput_files(folder: Path, count: int, proc: subprocess.Popen, since: int = 0) -> None:
    """Until `count` outputs were put in place (at or after `since`, in ns), or the run ended."""
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if sum(1 for path in folder.rglob("*.json") if _placed_at(path) >= since) >= count:
            return
        time.sleep(0.005)


def _placed_at(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:  # renamed over while listed
        return 0


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("reference")
    proc = newsclean(corpus, "-o", out, "-j", "1")
    assert proc.returncode == 0, proc.stderr
    return output_files(out)


def test_pipe_to_jq_like_consumer() -> None:
    proc = subprocess.run(f"cat {SEED} | {sys.executable} -m newsclean - | {sys.executable} -c "
                          "'import json,sys; print(json.load(sys.stdin)[\"title\"])'",
                          shell=True, capture_output=True, check=False)
    assert proc.stdout.decode().strip() == "Putin to meet with U.S. delegation in latest bid to end Ukraine war"


def test_find_print0_into_files_from(corpus: Path, tmp_path: Path, reference: dict[str, bytes]) -> None:
    proc = subprocess.run(f"cd {corpus} && find . -name '*.txt*' -print0 | "
                          f"{sys.executable} -m newsclean --files-from - -0 -o {tmp_path}/o",
                          shell=True, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert len(output_files(tmp_path / "o")) == len(reference)


def test_workers_do_not_change_a_byte(corpus: Path, tmp_path: Path, reference: dict[str, bytes]) -> None:
    proc = newsclean(corpus, "-o", tmp_path, "-j", "2")
    assert proc.returncode == 0
    assert output_files(tmp_path) == reference


def test_rerun_with_nothing_new_cleans_nothing(corpus: Path, tmp_path: Path) -> None:
    assert newsclean(corpus, "-o", tmp_path).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.json")}
    proc = newsclean(corpus, "-o", tmp_path, "-v")
    assert proc.returncode == 0
    assert "0 cleaned, 60 unchanged" in proc.stderr.decode()
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.json")} == before


def test_changed_input_option_or_force_reprocess(corpus: Path, tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "pages", 6)
    out = tmp_path / "out"
    assert newsclean(pages, "-o", out).returncode == 0
    target = next(pages.rglob("page-0001.txt"))
    target.write_text(target.read_text() + "\nOne more closing paragraph of the article, long enough to count.\n")
    assert "1 cleaned, 5 unchanged" in newsclean(pages, "-o", out, "-v").stderr.decode()
    assert "6 cleaned, 0 unchanged" in newsclean(pages, "-o", out, "-v", "--explain").stderr.decode()
    assert "6 cleaned, 0 unchanged" in newsclean(pages, "-o", out, "-v", "--force", "--explain").stderr.decode()


def test_prune_only_when_asked(tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "pages", 3)
    out = tmp_path / "out"
    newsclean(pages, "-o", out)
    victim = next(pages.rglob("page-0001.txt"))
    victim.unlink()
    newsclean(pages, "-o", out)
    assert (out / "d1" / "page-0001.json").exists()
    proc = newsclean(pages, "-o", out, "--prune", "-v")
    assert "1 pruned" in proc.stderr.decode()
    assert not (out / "d1" / "page-0001.json").exists() and (out / "d2" / "page-0002.json").exists()


def test_second_run_on_a_locked_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".newsclean").mkdir(parents=True)
    with open(out / ".newsclean" / "lock", "a+") as handle:
        fcntl.lockf(handle, fcntl.LOCK_EX)
        proc = newsclean(SEED, "-o", out)
        assert proc.returncode == 4
        assert proc.stderr.decode().startswith("newsclean: error: another newsclean run is writing to")
        waiting = subprocess.Popen([*CMD, str(SEED), "-o", str(out), "--wait"], stderr=subprocess.PIPE)
        _wait_for_a_blocked_lock(out / ".newsclean" / "lock", waiting)
        assert waiting.poll() is None and not (out / "000_0283c32584861ab3.json").exists()
        fcntl.lockf(handle, fcntl.LOCK_UN)
        _, err = waiting.communicate(timeout=60)
        assert waiting.returncode == 0, err
    assert (out / "000_0283c32584861ab3.json").exists()


def _wait_for_a_blocked_lock(path: Path, proc: subprocess.Popen) -> None:
    """Until the kernel lists a process blocked on the lock of `path` (a '->' line of /proc/locks)."""
    inode = f":{path.stat().st_ino} "
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if any("->" in row and inode in row for row in Path("/proc/locks").read_text().splitlines()):
            return
        time.sleep(0.01)
    raise AssertionError("the second run never waited for the lock")


def test_sigkill_at_random_moments_never_leaves_a_bad_file(big_corpus: Path, tmp_path: Path,
                                                           big_reference: dict[str, bytes]) -> None:
    out = tmp_path / "out"
    reference = big_reference
    # Killed after the 1st, 10th, ... file of the run is in place: whatever it was doing then (writing
    # the next files, recording them), every file in place is whole and right.
    for count in (1, 10, 40, 90, 160, 250):
        # --force: every run rewrites every output, so each kill lands amid writes.
        started = time.time_ns()
        proc = subprocess.Popen([*CMD, str(big_corpus), "-o", str(out), "-j", "2", "--force"],
                                stderr=subprocess.DEVNULL)
        _wait_foroutput_files(out, count, proc, since=started)
        assert proc.poll() is None, "the run ended before it was killed; make the corpus larger"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for path, data in output_files(out).items():  # a half-written file sits in the state folder only
            assert data == reference[path], path
    final = newsclean(big_corpus, "-o", out)
    assert final.returncode == 0
    assert output_files(out) == reference
    assert not list((out / ".newsclean" / "tmp").iterdir())  # what the kills left, the next run removed


def test_sigterm_finishes_current_file_and_saves_state(big_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen([*CMD, str(big_corpus), "-o", str(out), "-j", "1"], stderr=subprocess.PIPE)
    _wait_foroutput_files(out, 5, proc)
    assert proc.poll() is None, "the run ended before SIGTERM; make the corpus larger"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"interrupted" in err
    done = len(output_files(out))
    assert 5 <= done < 400
    rerun = newsclean(big_corpus, "-o", out, "-v")
    assert f"{400 - done} cleaned, {done} unchanged" in rerun.stderr.decode()


@pytest.mark.parametrize("depth", ["parent", "grandparent"])
def test_output_never_escapes_through_a_symlink(tmp_path: Path, depth: str) -> None:
    pages = tmp_path / "pages"
    inner = pages / "a" / "b" if depth == "grandparent" else pages / "a"
    inner.mkdir(parents=True)
    (inner / "x.txt").write_bytes(SEED.read_bytes())
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(outside, out / "a")  # with a grandparent link, out/a/b does not exist yet
    proc = newsclean(pages, "-o", out)
    assert proc.returncode == 1 and b"leads outside" in proc.stderr
    assert not list(outside.iterdir())


def test_time_limit_per_input(tmp_path: Path) -> None:
    # A 100,000-row table takes seconds; the seed page tens of milliseconds.
    big = tmp_path / "big.html"
    row = b"<tr><td>cell %d</td><td>12.5</td><td>more text in a cell</td></tr>"
    big.write_bytes(b"<html><body><table>" + b"".join(row % i for i in range(100_000)) + b"</table></body></html>")
    proc = newsclean(big, SEED, "--timeout", "0.4", "-j", "1")
    assert proc.returncode == 1
    assert f"newsclean: error: {big}: took longer than 0.4 s (--timeout)" in proc.stderr.decode()
    assert json.loads(proc.stdout)["site_name"] == "DNYUZ"


def test_a_new_version_reprocesses_everything(tmp_path: Path) -> None:
    import sqlite3

    pages = make_pages(tmp_path / "pages", 4)
    out = tmp_path / "out"
    assert newsclean(pages, "-o", out).returncode == 0
    # What an upgrade looks like to the state: every record made under another version's config.
    with sqlite3.connect(out / ".newsclean" / "state.sqlite") as db:
        db.execute("UPDATE outputs SET config = 'made-by-an-older-version'")
    assert "4 cleaned, 0 unchanged" in newsclean(pages, "-o", out, "-v").stderr.decode()


@pytest.mark.parametrize("damage", ["garbage", "foreign-table"])
def test_an_unreadable_state_is_set_aside_and_the_run_goes_on(tmp_path: Path, damage: str) -> None:
    import sqlite3

    pages = make_pages(tmp_path / "pages", 4)
    out = tmp_path / "out"
    assert newsclean(pages, "-o", out).returncode == 0
    state = out / ".newsclean" / "state.sqlite"
    if damage == "garbage":  # a file damaged on disk
        for extra in state.parent.glob("state.sqlite-*"):
            extra.unlink()
        state.write_bytes(b"\x93 not a database " * 100)
    else:  # a database, but not one this version reads
        with sqlite3.connect(state) as db:
            db.execute("DROP TABLE outputs")
            db.execute("CREATE TABLE outputs (x)")
    before = state.read_bytes()
    proc = newsclean(pages, "-o", out, "-v")
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr.decode()
    assert f"newsclean: warning: {state}: unreadable state (" in err and "4 cleaned, 0 unchanged" in err
    (aside,) = state.parent.glob("state.sqlite.unreadable-*[0-9]")
    if damage == "garbage":
        assert aside.read_bytes() == before  # kept, not deleted
    else:
        with sqlite3.connect(aside) as db:
            assert db.execute("SELECT count(*) FROM outputs").fetchone() == (0,)
    assert "0 cleaned, 4 unchanged" in newsclean(pages, "-o", out, "-v").stderr.decode()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_outputs_get_the_permissions_of_any_new_file(tmp_path: Path, umask: int, mode: int) -> None:
    pages = make_pages(tmp_path / "pages", 2)
    out = tmp_path / "out"
    proc = subprocess.run([*CMD, str(pages), "-o", str(out), "--save-templates", str(tmp_path / "models.json")],
                          capture_output=True, umask=umask, check=False)
    assert proc.returncode == 0, proc.stderr
    written = [*out.rglob("*.json"), tmp_path / "models.json"]
    assert len(written) == 3 and {p.stat().st_mode & 0o777 for p in written} == {mode}


def test_models_that_cannot_be_saved_fail_the_run_but_not_the_pages(tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "pages", 3)
    (tmp_path / "a-file").write_text("in the way")
    target = tmp_path / "a-file" / "models.json"
    proc = newsclean(pages, "-o", tmp_path / "out", "--save-templates", target)
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith(f"newsclean: error: --save-templates {target}: ")
    assert len(list((tmp_path / "out").rglob("*.json"))) == 3


def test_an_output_name_taken_in_an_earlier_run_stays_its_inputs(tmp_path: Path) -> None:
    pages, out = tmp_path / "pages", tmp_path / "out"
    pages.mkdir()
    (pages / "a.txt").write_bytes(SEED.read_bytes())
    assert newsclean(pages, "-o", out).returncode == 0
    # Later a.html arrives: its output would be a.json too, which a.txt's run wrote.
    (pages / "a.html").write_bytes((PAGES / "w3m-space-europa-plumes" / "source.txt").read_bytes())
    for _ in range(2):  # refused every run, not only the first
        proc = newsclean(pages, "-o", out)
        assert proc.returncode == 1 and b"belongs to " in proc.stderr
        assert json.loads((out / "a.json").read_text())["source"].endswith("a.txt")
    # Once a.txt is gone, a.html may have the name; pruning a.txt's record leaves a.html's file.
    (pages / "a.txt").unlink()
    assert newsclean(pages, "-o", out).returncode == 0
    proc = newsclean(pages, "-o", out, "--prune", "-v")
    assert proc.returncode == 0 and b"0 cleaned, 1 unchanged" in proc.stderr
    assert json.loads((out / "a.json").read_text())["source"].endswith("a.html")


def test_a_run_from_another_folder_knows_the_inputs(tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "pages", 4)
    (tmp_path / "elsewhere").mkdir()
    first = subprocess.run([*CMD, "pages", "-o", "out"], cwd=tmp_path, capture_output=True, check=False)
    assert first.returncode == 0
    before = output_files(tmp_path / "out")
    again = subprocess.run([*CMD, str(pages), "-o", str(tmp_path / "out"), "--prune", "-v"],
                           cwd=tmp_path / "elsewhere", capture_output=True, check=False)
    assert again.returncode == 0 and b"0 cleaned, 4 unchanged, 0 failed, 0 without article, 0 pruned" in again.stderr
    assert output_files(tmp_path / "out") == before


def test_a_file_name_that_is_not_utf8_is_cleaned_recorded_and_shown(tmp_path: Path) -> None:
    pages, out = tmp_path / "pages", tmp_path / "out"
    make_pages(pages, 3)
    latin1 = os.fsencode(pages) + b"/caf\xe9.txt"  # a name from an old Latin-1 file system
    with open(latin1, "wb") as handle:
        handle.write(SEED.read_bytes())
    proc = newsclean(pages, "-o", out, "-v")
    assert proc.returncode == 0, proc.stderr
    written = json.loads(Path(os.fsdecode(os.fsencode(out) + b"/caf\xe9.json")).read_bytes().decode("utf-8"))
    assert written["source"].endswith("/caf\\xe9.txt")  # valid UTF-8 JSON, the byte written out
    assert b"0 cleaned, 4 unchanged" in newsclean(pages, "-o", out, "-v").stderr
    alone = newsclean(os.fsdecode(latin1))
    assert json.loads(alone.stdout.decode("utf-8"))["site_name"] == "DNYUZ"


def test_pipes_are_read_once_and_fifos_in_folders_skipped(tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "pages", 3)
    os.mkfifo(pages / "d0" / "waiting.txt")  # nobody writes to it: reading it would block the run
    proc = newsclean(pages, "-o", tmp_path / "out", "--timeout", "5")
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        f"newsclean: error: {pages / 'd0' / 'waiting.txt'}: not a regular file (a pipe or a device); "
        "name it alone to read it"]
    # Process substitution, as `newsclean <(zcat a.gz) <(zcat b.gz)`: each pipe read once, both cleaned.
    shell = f"{sys.executable} -m newsclean <(cat {SEED}) <(cat {SEED}) -o {tmp_path / 'subst'} -v"
    proc = subprocess.run(["bash", "-c", shell], capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert b"2 cleaned" in proc.stderr and len(list((tmp_path / "subst").glob("*.json"))) == 2


def test_a_busy_state_is_an_error_not_a_damaged_file(tmp_path: Path) -> None:
    import sqlite3

    pages = make_pages(tmp_path / "pages", 2)
    out = tmp_path / "out"
    assert newsclean(pages, "-o", out).returncode == 0
    holder = sqlite3.connect(out / ".newsclean" / "state.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # a backup or an sqlite3 shell holds it
    try:
        proc = newsclean(pages, "-o", out, "--force")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode in (1, 2) and b"database is locked" in proc.stderr and b"Traceback" not in proc.stderr
    assert not list((out / ".newsclean").glob("*unreadable*"))  # a healthy state stays where it is


def test_a_state_that_cannot_be_opened_for_now_is_never_moved_aside(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    import newsclean.state as state

    pages = make_pages(tmp_path / "pages", 2)
    out = tmp_path / "out"
    assert newsclean(pages, "-o", out).returncode == 0
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]

    def locked_now(path: Path) -> sqlite3.Connection:
        raise busy

    monkeypatch.setattr(state, "_open", locked_now)
    with pytest.raises(state.StateError, match="cannot be opened: database is locked"):
        state.StateStore(out)
    assert (out / ".newsclean" / "state.sqlite").exists()
    assert not list((out / ".newsclean").glob("*unreadable*"))


def test_an_input_needing_more_memory_than_allowed_is_an_error_and_the_run_goes_on(tmp_path: Path) -> None:
    # 3 MB of text in one paragraph: its cleaning needs far more than 40 MB over the process's own.
    big = tmp_path / "big.txt"
    big.write_text(" ".join(f"word{i}" for i in range(500_000)) + ".\n")
    for jobs in ("1", "2"):
        proc = newsclean(big, SEED, "--max-memory", "40", "-j", jobs)
        assert proc.returncode == 1, proc.stderr
        assert f"newsclean: error: {big}: needed more than 40 MB of memory (--max-memory)" in proc.stderr.decode()
        assert json.loads(proc.stdout)["site_name"] == "DNYUZ"


def test_the_memory_limit_is_lifted_after_each_input() -> None:
    import resource

    from newsclean.runner import memory_limit

    before = resource.getrlimit(resource.RLIMIT_DATA)
    with pytest.raises(MemoryError), memory_limit(50):
        bytearray(200 * 1024 * 1024)
    assert resource.getrlimit(resource.RLIMIT_DATA) == before
    assert len(bytearray(200 * 1024 * 1024)) == 200 * 1024 * 1024


def test_outputs_are_flushed_and_recorded_in_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outputs are flushed to disk in groups (one syncfs on Linux), each file in place before its flush."""
    from click.testing import CliRunner

    import newsclean.batch as batch
    import newsclean.output as output
    from newsclean.cli import main

    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(5):
        (pages / f"{n}.txt").write_bytes(SEED.read_bytes().replace(b"Putin", b"Putin" + b" " * n, 1))
    flushed: list[list[Path]] = []
    real = output.sync_files

    def spy(paths: list[Path]) -> None:
        assert all(p.exists() for p in paths)  # in place before the flush ...
        real(paths)
        flushed.append(list(paths))

    monkeypatch.setattr(batch, "sync_files", spy)
    monkeypatch.setattr(batch, "SYNC_BATCH", 2)
    result = CliRunner().invoke(main, [str(pages), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0
    assert [len(group) for group in flushed] == [2, 2, 1]
    assert output._syncfs([tmp_path]) == sys.platform.startswith("linux")
