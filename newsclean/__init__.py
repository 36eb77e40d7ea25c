"""newsclean: turn scraped news pages (HTML or whole-page text dumps) into clean articles."""

from ._compiled import check_fresh

check_fresh()

# ruff: noqa: E402 (the freshness check runs before any compiled module is imported)
from .model import Article, Block, InputError, Label, Metadata, Removal, Verdict
from .pipeline import clean
from .render import render
from .settings import DEFAULTS, Settings

__version__ = "0.1.0"
__all__ = [
    "DEFAULTS",
    "Article",
    "Block",
    "InputError",
    "Label",
    "Metadata",
    "Removal",
    "Settings",
    "Verdict",
    "__version__",
    "clean",
    "render",
]
