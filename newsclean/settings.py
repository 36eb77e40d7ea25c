"""Every threshold in one frozen value, each with its default and the reason for it."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Settings:
    # --- input limits ---
    # Larger inputs are refused: no news article needs more, and a runaway file must not stall a run.
    max_bytes: int = 32 * 1024 * 1024
    # An explicit encoding (e.g. from --encoding); None means: detect.
    encoding: str | None = None
    # "auto" sniffs the content; "html" or "text" forces the kind.
    kind: str = "auto"

    # --- block classification (word counts; CJK characters count as half a word) ---
    # A block this long reads as prose on its own.
    good_words: int = 12
    # A block this long that ends like a sentence is probably prose.
    neargood_words: int = 6
    # Boilerplate phrase rules only fire on blocks at most this long, so an article sentence that
    # happens to mention "read more" or "subscribe" survives.
    phrase_max_words: int = 14
    # Share of a block's characters that are link text above which it is navigation.
    max_link_density: float = 0.5
    # A short line repeated this many times in one page is template (menus printed twice).
    repeat_min_count: int = 2

    # --- region selection (max-sum run of block scores) ---
    # Score of a short block inside a candidate region: slightly negative, so runs of short lines
    # (menus, related lists) break a region, while a subheading between paragraphs does not.
    short_penalty: float = 3.0
    # Score of a boilerplate block: strongly negative.
    bad_penalty: float = 8.0
    # A second prose run is joined to the main one when the gap between them costs less than this
    # share of the smaller run's score.
    join_ratio: float = 0.5

    # --- metadata ---
    # How many blocks before the body are searched for the headline, dateline and byline.
    header_window: int = 25


DEFAULTS = Settings()


def with_overrides(settings: Settings, **changes: object) -> Settings:
    """A copy of `settings` with the given fields replaced; unknown names raise TypeError."""
    return replace(settings, **changes)
