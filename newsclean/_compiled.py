"""Which modules mypyc compiles (setup.py reads this list), and a guard against stale builds.

In a source checkout the compiled modules sit beside their sources (`pip install -e`), and Python
loads a compiled module before its `.py`: after an edit, the old code would run without a word.
`check_fresh`, called on import, then loads every compiled module from its source instead and
says so in one line: a developer edits a rule and reruns its test at once, and `make` rebuilds
when it is time. All of them or none: compiled modules call each other's code directly. It only
looks when the package lives in a checkout (a `setup.py` beside it), never in an installed wheel.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from types import ModuleType

COMPILED = ("authors", "blocks", "boxes", "bylines", "chrome", "classify", "context", "dates", "decode", "html",
            "htmlbylines", "htmlmeta", "keeps", "marks", "metadata", "model", "pagedate", "pipeline", "revise", "rules",
            "settings", "text", "threads", "titles")
# (os.path and no pathlib, no importlib.abc: this runs on every start, `--version` included)
PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def stale_modules(package: str = PACKAGE) -> list[str]:
    """Compiled modules older than their source, in a source checkout."""
    if not os.path.exists(os.path.join(os.path.dirname(package), "setup.py")):
        return []
    stale = []
    for name in COMPILED:
        source = _mtime(os.path.join(package, f"{name}.py"))
        for suffix in EXTENSION_SUFFIXES:
            built = _mtime(os.path.join(package, f"{name}{suffix}"))
            if built is not None and source is not None and built < source:
                stale.append(name)
    return stale


class SourceFirst:
    """Finds the compiled modules' sources before their (stale) builds (a meta path finder)."""

    def __init__(self, package: str = PACKAGE) -> None:
        self.package = package

    def find_spec(self, fullname: str, path: object = None, target: ModuleType | None = None) -> ModuleSpec | None:
        import importlib.util

        parent, _, name = fullname.rpartition(".")
        if parent != __package__ or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, os.path.join(self.package, f"{name}.py"))


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
