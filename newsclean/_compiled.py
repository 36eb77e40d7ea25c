"""Which modules mypyc compiles (setup.py reads this list), and a guard against stale builds.

In a source checkout the compiled modules sit beside their sources (`pip install -e`), and Python
loads a compiled module before its `.py`: after an edit, the old code would run without a word.
`check_fresh`, called on import, then loads every compiled module from its source instead and
says so in one line: a developer edits a rule and reruns its test at once, and `make` rebuilds
when it is time. All of them or none: compiled modules call each other's code directly. It only
looks when the package lives in a checkout (a `setup.py` beside it), never in an installed wheel.
"""

from __future__ import annotations

import importlib.util
import sys
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType

COMPILED = ("blocks", "classify", "dates", "decode", "headline", "html", "htmlmeta", "metadata", "model",
            "pipeline", "revise", "rules", "settings")
PACKAGE = Path(__file__).resolve().parent


def stale_modules(package: Path = PACKAGE) -> list[str]:
    """Compiled modules older than their source, in a source checkout."""
    if not (package.parent / "setup.py").exists():
        return []
    stale = []
    for name in COMPILED:
        source = package / f"{name}.py"
        for suffix in EXTENSION_SUFFIXES:
            built = package / f"{name}{suffix}"
            if built.exists() and source.exists() and built.stat().st_mtime < source.stat().st_mtime:
                stale.append(name)
    return stale


class SourceFirst(MetaPathFinder):
    """Finds the compiled modules' sources before their (stale) builds."""

    def __init__(self, package: Path = PACKAGE) -> None:
        self.package = package

    def find_spec(self, fullname: str, path: object = None, target: ModuleType | None = None) -> ModuleSpec | None:
        parent, _, name = fullname.rpartition(".")
        if parent != __package__ or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, self.package / f"{name}.py")


def check_fresh() -> None:
    stale = stale_modules()
    if stale and not any(isinstance(finder, SourceFirst) for finder in sys.meta_path):
        sys.meta_path.insert(0, SourceFirst())
        print(f"newsclean: warning: compiled {', '.join(stale)} older than the source; running the plain-Python "
              "modules (`make` rebuilds)", file=sys.stderr)


def is_compiled() -> bool:
    """True when the per-block stages run as mypyc-compiled code."""
    from . import rules

    return not (rules.__file__ or "").endswith(".py")
