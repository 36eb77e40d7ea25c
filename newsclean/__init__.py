"""newsclean: turn scraped news pages (HTML or whole-page text dumps) into clean articles.

The public names are loaded when first used (PEP 562): `newsclean --version` and the other
commands that clean nothing start without the cleaning stages.
"""

from __future__ import annotations

from importlib import import_module

from ._compiled import check_fresh

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing: `--version` starts faster)

check_fresh()  # before any compiled module is imported

if TYPE_CHECKING:
    from .formats import render
    from .model import Article, Block, InputError, Label, Metadata, Removal, Verdict
    from .pipeline import clean
    from .settings import DEFAULTS, Settings

__version__ = "0.1.0"
# Each public name, and the module that defines it.
_PUBLIC = {
    "Article": "model", "Block": "model", "InputError": "model", "Label": "model", "Metadata": "model",
    "Removal": "model", "Verdict": "model", "clean": "pipeline", "render": "formats", "DEFAULTS": "settings",
    "Settings": "settings",
}
__all__ = ["DEFAULTS", "Article", "Block", "InputError", "Label", "Metadata", "Removal", "Settings", "Verdict",
           "__version__", "clean", "render"]


def __getattr__(name: str) -> object:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'newsclean' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
