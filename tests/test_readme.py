"""The README's usage block is the command's real --help output.

Regenerate it with `python -m tests.test_readme --write` after changing an option.
"""

from __future__ import annotations

import re
import sys

from click.testing import CliRunner

from newsclean.cli import main

from .conftest import REPO

README = REPO / "README.md"
USAGE = re.compile(r"(<!-- usage:.*?-->\n```text\n)(.*?)(\n```)", re.S)


def current_help() -> str:
    result = CliRunner(env={"COLUMNS": "100"}).invoke(main, ["--help"], terminal_width=100)
    assert result.exit_code == 0
    return result.stdout.rstrip("\n")


def test_readme_usage_matches_help() -> None:
    match = USAGE.search(README.read_text("utf-8"))
    assert match, "README.md lost its usage block"
    assert match.group(2) == current_help(), "run: python -m tests.test_readme --write"


def test_readme_starts_with_make_run_and_make_test() -> None:
    first_block = README.read_text("utf-8").split("```sh", 1)[1].split("```", 1)[0]
    lines = first_block.strip().splitlines()
    assert lines[0].startswith("make run") and lines[1].startswith("make test")


if __name__ == "__main__" and "--write" in sys.argv:
    text = README.read_text("utf-8")
    README.write_text(USAGE.sub(lambda m: m.group(1) + current_help() + m.group(3), text), "utf-8")
