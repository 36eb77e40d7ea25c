"""The command line, through CliRunner (streams separated) and real subprocesses for pipes."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean.cli import Exit, main

from .conftest import PAGES, SEED, output_files

ANSI = "\x1b["


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _outputs(folder: Path) -> list[str]:
    return sorted(output_files(folder))


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "a").mkdir(parents=True)
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "a" / "w3m.txt.gz").write_bytes(
        gzip.compress((PAGES / "w3m-space-europa-plumes" / "source.txt").read_bytes()))
    (folder / "a" / "notes.md").write_text("not a page")  # not picked up from a folder
    return folder


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_documents_exit_codes(flag: str) -> None:
    code, out, _ = run(flag)
    assert code == 0
    for status in Exit:
        assert f"  {status.value} " in out


def test_single_input_prints_one_json_object() -> None:
    code, out, err = run(str(SEED))
    assert code == Exit.OK and err == ""
    data = json.loads(out)
    assert data["title"] == "Putin to meet with U.S. delegation in latest bid to end Ukraine war"
    assert data["source"] == str(SEED) and data["kind"] == "text"
    assert set(data) == {"source", "kind", "title", "date", "authors", "site_name", "url", "original_source",
                         "section", "language", "text", "provenance"}


def test_stdin_with_dash() -> None:
    code, out, _ = run("-", input=SEED.read_bytes())
    data = json.loads(out)
    assert code == 0 and data["source"] == "-" and data["date"] == "2025-12-02"


def test_several_inputs_give_json_lines_in_input_order(pages: Path) -> None:
    code, out, _ = run(str(pages))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    sources = [json.loads(line)["source"] for line in lines]
    assert sources == [str(pages / "a" / "w3m.txt.gz"), str(pages / "seed.txt")]


def test_output_dir_mirrors_input_folders(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean"
    code, stdout, _ = run(str(pages), "-o", str(out))
    assert code == 0 and stdout == ""
    assert _outputs(out) == ["a/w3m.json", "seed.json"]
    assert json.loads((out / "seed.json").read_text())["site_name"] == "DNYUZ"


def test_markdown_output(tmp_path: Path) -> None:
    code, _, _ = run(str(SEED), "-o", str(tmp_path), "-f", "markdown")
    text = (tmp_path / "000_0283c32584861ab3.md").read_text()
    assert code == 0
    assert text.startswith("---\ntitle: \"Putin to meet")
    assert "\n# Putin to meet with U.S. delegation" in text
    assert 'original_source: "Washington Post"' in text


def test_bad_file_among_good_ones(pages: Path, tmp_path: Path) -> None:
    (pages / "broken.html.gz").write_bytes(gzip.compress(b"<html>" * 1000)[:40])
    (pages / "empty.txt").write_bytes(b"")
    out = tmp_path / "clean"
    code, _, err = run(str(pages), "-o", str(out))
    assert code == Exit.FAILED
    assert f"newsclean: error: {pages / 'broken.html.gz'}: truncated gzip data" in err.splitlines()
    assert f"newsclean: error: {pages / 'empty.txt'}: empty input" in err.splitlines()
    assert (out / "seed.json").exists() and (out / "a" / "w3m.json").exists()
    assert not list(out.rglob("*.tmp"))


def test_missing_input_is_an_error_line(tmp_path: Path) -> None:
    code, out, err = run(str(SEED), str(tmp_path / "nope.html"))
    assert code == Exit.FAILED
    assert json.loads(out)["title"].startswith("Putin")
    assert err == f"newsclean: error: {tmp_path / 'nope.html'}: no such file or directory\n"


def test_files_from_nul_separated_stdin(pages: Path, tmp_path: Path) -> None:
    listing = b"\0".join(os.fsencode(p) for p in sorted(pages.rglob("*.t*")))
    code, _, _ = run("--files-from", "-", "-0", "-o", str(tmp_path / "o"), input=listing)
    assert code == 0
    assert _outputs(tmp_path / "o") == ["seed.json", "w3m.json"]


def test_files_from_a_list_file(pages: Path, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{pages / 'seed.txt'}\n\n")
    code, out, _ = run("--files-from", str(listing))
    assert code == 0 and json.loads(out)["site_name"] == "DNYUZ"


@pytest.mark.parametrize("args", [[], ["-0", str(SEED)], ["-", "--files-from", "-"], ["-f", "xml", str(SEED)]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, out, err = run(*args)
    assert code == Exit.USAGE and out == "" and "Usage:" in err


def test_no_article_has_its_own_outcome(tmp_path: Path) -> None:
    menu = tmp_path / "index.txt"
    menu.write_text("Home\nNews\nSport\nWeather\nContact us\nPrivacy Policy\n")
    code, out, err = run(str(menu), "-o", str(tmp_path / "o"))
    assert code == Exit.NO_ARTICLE and out == ""
    assert err == f"newsclean: warning: {menu}: no article found; nothing written\n"
    assert not (tmp_path / "o" / "index.json").exists()


def test_explain_lists_rules_on_stderr_and_in_json() -> None:
    code, out, err = run(str(SEED), "--explain")
    assert code == 0
    assert f"newsclean: explain: {SEED}: copyright-footer: DNYUZ © 2025" in err.splitlines()
    removed = json.loads(out)["removed"]
    assert {"rule": "syndication", "text": removed[[r["rule"] for r in removed].index("syndication")]["text"]} \
        in removed


def test_explain_shows_metadata_candidates() -> None:
    code, out, err = run(str(SEED), "--explain")
    assert code == 0
    assert f"newsclean: explain: {SEED}: date candidate: 2025-12-02 (from dateline)" in err.splitlines()
    assert {"field": "site_name", "value": "DNYUZ", "source": "copyright-line"} in json.loads(out)["candidates"]


def test_quiet_silences_warnings_but_not_errors(tmp_path: Path) -> None:
    menu = tmp_path / "index.txt"
    menu.write_text("Home\nNews\n")
    code, _, err = run(str(menu), str(tmp_path / "missing.txt"), "-q")
    assert code == Exit.FAILED and err.count("\n") == 1 and "error" in err


def test_output_is_byte_identical_whatever_the_input_order(pages: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in pages.rglob("*.t*"))
    run(*files, "-o", str(tmp_path / "one"))
    run(*reversed(files), "-o", str(tmp_path / "two"))
    for name in ("seed.json", "w3m.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_same_output_name_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "x.html").write_bytes(SEED.read_bytes())
    code, _, err = run(str(tmp_path / "x.html"), str(tmp_path / "x.txt"), "-o", str(tmp_path / "o"))
    assert code == Exit.FAILED and "already written" in err


def test_pipeline_in_a_real_shell_has_no_ansi_codes(tmp_path: Path) -> None:
    env = {**os.environ, "TERM": "xterm-256color"}
    proc = subprocess.run([sys.executable, "-m", "newsclean", "-", "-v"], input=SEED.read_bytes(),
                          capture_output=True, env=env, check=False)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["title"].startswith("Putin")
    assert ANSI not in proc.stderr.decode() and "1 cleaned, 0 unchanged, 0 failed" in proc.stderr.decode()


def test_stdin_is_not_read_unless_asked(tmp_path: Path) -> None:
    # Under cron there is no terminal; an open, silent stdin must not make the command wait.
    proc = subprocess.Popen([sys.executable, "-m", "newsclean", str(SEED)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and json.loads(out)["site_name"] == "DNYUZ"


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_bytes(SEED.read_bytes())
    proc = subprocess.run(f"{sys.executable} -m newsclean {tmp_path} | head -c 10; exit ${{PIPESTATUS[0]}}",
                          shell=True, executable="bash", capture_output=True, check=False)
    assert proc.stderr == b""  # no traceback, no 'Exception ignored' at exit
    assert proc.returncode == Exit.CLOSED_PIPE


def test_terminal_gets_a_summary_table(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    import newsclean.console as consoles

    buffer = io.StringIO()
    monkeypatch.setattr(consoles, "make_console", lambda: Console(file=buffer, force_terminal=True, width=100,
                                                             color_system=None))
    code, out, _ = run(str(SEED))
    assert code == 0 and json.loads(out)["site_name"] == "DNYUZ"
    table = buffer.getvalue()
    assert "cleaned" in table and "unchanged" in table and "without article" in table
    assert "│" in table or "┃" in table


def test_an_internal_error_is_one_line_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    import newsclean.pipeline as pipeline

    real = pipeline.clean

    def flaky(data: bytes, **kwargs: object) -> object:
        if kwargs.get("source", "").endswith("bad.txt"):  # type: ignore[union-attr]
            raise KeyError("boom")
        return real(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "clean", flaky)
    (tmp_path / "bad.txt").write_bytes(SEED.read_bytes())
    code, out, err = run(str(tmp_path / "bad.txt"), str(SEED), "-j", "1")
    assert code == Exit.FAILED
    assert err == f"newsclean: error: {tmp_path / 'bad.txt'}: internal error, please report it: KeyError: 'boom'\n"
    assert json.loads(out)["site_name"] == "DNYUZ"


def test_articles_reach_a_pipe_while_the_progress_bar_shows_on_a_terminal(pages: Path) -> None:
    import pty
    import threading

    primary, secondary = pty.openpty()  # stderr is a terminal (the bar shows), stdout a pipe (| jq)
    shown = bytearray()

    def drain() -> None:  # read the terminal's side, as a terminal would, so the bar never blocks
        with contextlib.suppress(OSError):
            while chunk := os.read(primary, 4096):
                shown.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        proc = subprocess.run([sys.executable, "-m", "newsclean", str(pages)], stdout=subprocess.PIPE,
                              stderr=secondary, env={**os.environ, "TERM": "xterm"}, timeout=60, check=False)
    finally:
        os.close(secondary)
    reader.join(timeout=5)
    os.close(primary)
    assert proc.returncode == 0
    assert [json.loads(line)["kind"] for line in proc.stdout.splitlines()] == ["text", "text"]
    assert b'"kind"' not in shown and b"cleaned" in shown  # the summary table, no article, on the terminal


def test_a_file_name_prints_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "two\nlines.txt").write_bytes(b"")
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"")  # not UTF-8: a Latin-1 name
    code, _, err = run(str(tmp_path / "two\nlines.txt"), os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.txt"))
    assert code == Exit.FAILED
    assert err.splitlines() == [f"newsclean: error: {tmp_path}/two\\nlines.txt: empty input",
                                f"newsclean: error: {tmp_path}/caf\\xe9.txt: empty input"]


@pytest.mark.parametrize(("args", "message"), [
    (["--encoding", "rot13"], "unknown text encoding 'rot13'"),
    (["--site", "http://[::1"], "give a site's host"),
])
def test_values_that_cannot_work_are_usage_errors(args: list[str], message: str) -> None:
    code, _, err = run(str(SEED), *args)
    assert code == Exit.USAGE and message in err


def test_a_full_standard_output_is_one_error_line() -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "newsclean", str(SEED)], stdout=full, stderr=subprocess.PIPE,
                              check=False)
    assert proc.returncode == Exit.FAILED
    assert proc.stderr.decode() == "newsclean: error: standard output: No space left on device\n"


def test_an_output_folder_that_cannot_hold_state_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".newsclean").write_text("a file where the state folder goes")
    code, _, err = run(str(SEED), "-o", str(tmp_path / "out"))
    assert code == Exit.USAGE
    assert err.startswith(f"newsclean: error: {tmp_path / 'out'}: cannot keep the run's state in ")
    assert len(err.splitlines()) == 1


def test_markdown_documents_on_stdout_stay_apart(pages: Path) -> None:
    code, out, _ = run(str(pages), "-f", "markdown")
    assert code == 0
    second = out.index("\n---\ntitle:", 1)
    assert out[second - 1] == "\n"  # a blank line: the line before is no setext heading


def test_a_folder_and_a_folder_inside_it_name_each_input_once(pages: Path, tmp_path: Path) -> None:
    code, _, err = run(str(pages), str(pages / "a"), str(pages / "seed.txt"), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert _outputs(tmp_path / "out") == ["a/w3m.json", "seed.json"]


def test_sigterm_while_learning_templates_stops_before_cleaning(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    import signal

    import newsclean.batch as batch

    real, seen = batch.learn_task, []

    def learn_then_stop(task: object) -> object:
        seen.append(task)
        if len(seen) == 2:  # the supervisor sends SIGTERM during the learning pass
            os.kill(os.getpid(), signal.SIGTERM)
        return real(task)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "learn_task", learn_then_stop)
    for i in range(4):
        (tmp_path / f"p{i}.txt").write_bytes(SEED.read_bytes())
    result = CliRunner().invoke(main, [str(tmp_path), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == Exit.INTERRUPTED
    assert len(seen) == 2 and not list((tmp_path / "out").glob("*.json"))
    assert "interrupted" in result.stderr


def test_a_folder_without_pages_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not a page")
    code, out, err = run(str(tmp_path))
    assert (code, out) == (0, "")
    assert err == "newsclean: warning: no page to clean (folders are searched for *.html, *.htm, *.xhtml, *.txt, " \
                  "*.warc, *.wet, each also gzipped)\n"
    assert run(str(tmp_path), "-q")[2] == ""


@pytest.mark.parametrize(("count", "jobs", "workers"), [(1, 4, 1), (8, 4, 1), (9, 4, 2), (100, 4, 4), (100, 1, 1)])
def test_no_more_workers_than_batches_of_inputs(count: int, jobs: int, workers: int) -> None:
    from newsclean.batch import workers_for

    assert workers_for(count, jobs) == workers


@pytest.mark.parametrize("text", ["a\tb\tc", "x\ry\x07z\x0bw\x0c\x08", "ünï € 中文", "[bold]x[/bold] :smile:",
                                  "e\x1b[31mred", "a" * 300])
def test_plain_lines_in_scripts_are_the_bytes_rich_would_print(text: str) -> None:
    import io

    from rich.console import Console

    from newsclean.console import PlainConsole, line

    rich_out, plain_out = io.StringIO(), io.StringIO()
    line(Console(file=rich_out, highlight=False, soft_wrap=True), text)
    line(PlainConsole(plain_out), text)
    assert plain_out.getvalue() == rich_out.getvalue()


def test_version_is_answered_before_the_command_line_is_imported() -> None:
    fast = subprocess.run([sys.executable, "-X", "importtime", "-m", "newsclean", "--version"],
                          capture_output=True, text=True, check=True)
    assert fast.stdout == CliRunner().invoke(main, ["--version"]).stdout == "newsclean, version 0.1.0\n"
    imported = fast.stderr
    assert "click" not in imported and "newsclean.cli" not in imported and "rich" not in imported


def test_a_script_does_not_import_rich(tmp_path: Path) -> None:
    code = ("import sys, newsclean.cli\nsys.argv = ['newsclean', sys.argv[1]]\n"
            "try:\n    newsclean.cli.main()\nexcept SystemExit:\n    pass\n"
            "print('rich' in sys.modules, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout)["title"]
    assert proc.stderr.strip().endswith("False")


def test_a_run_with_nothing_new_loads_no_cleaning_stage(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(str(SEED), "-o", str(out))[0] == Exit.OK
    code = ("import sys, newsclean.cli\nsys.argv = ['newsclean', sys.argv[1], '-o', sys.argv[2], '-v']\n"
            "try:\n    newsclean.cli.main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m in ('newsclean.rules', 'newsclean.pipeline', "
            "'newsclean.html', 'newsclean.metadata')), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, str(SEED), str(out)], capture_output=True, text=True,
                          check=True)
    assert "0 cleaned, 1 unchanged" in proc.stderr
    assert proc.stderr.strip().endswith("[]")
