"""Which modules mypyc compiles (setup.py reads this list), and a guard against stale builds.

In a source checkout the compiled modules sit beside their sources (`pip install -e`), and Python
loads a compiled module before its `.py`: after an edit, the old code would run without a word.
`check_fresh` refuses that: it is called on import, and only looks when the package lives in a
checkout (a `setup.py` beside it), never in an installed wheel.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

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


def check_fresh() -> None:
    stale = stale_modules()
    if stale:
        raise ImportError(
            f"newsclean: compiled {', '.join(stale)} older than the source; run `make` to rebuild "
            f"(or `make pure` for plain Python)")


def is_compiled() -> bool:
    """True when the per-block stages run as mypyc-compiled code."""
    from . import rules

    return not (rules.__file__ or "").endswith(".py")
