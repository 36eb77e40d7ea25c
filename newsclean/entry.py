"""The `newsclean` command's entry point. `newsclean --version` is answered here, before the
command line's machinery is imported: a shell loop or a health check that asks it pays for
Python's start-up alone. Anything else goes to cli.main, which prints the same version line."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"newsclean, version {__version__}\n")
        return
    from .cli import main as command

    command()
