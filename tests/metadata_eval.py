"""Per-field accuracy of newsclean's metadata on hand-checked benchmark pages.

tests/data/metadata-truth.json holds, for 45 pages of ../shared/bench/scrapinghub/html, the values
a person found by reading each page (its visible headline, byline and dateline, with the page's
meta tags as evidence) - never newsclean's or another tool's output. Dates compare as days; names
and titles ignore case and white space; URLs ignore the scheme and a trailing slash.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

import newsclean

TRUTH = Path(__file__).resolve().parent / "data" / "metadata-truth.json"
FIELDS = ("title", "date", "authors", "site_name", "language", "url")


def _norm(value: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", value or "").casefold().split())


def _same(field: str, want: object, got: object) -> bool:
    if field == "authors":
        return sorted(map(_norm, want)) == sorted(map(_norm, got))  # type: ignore[arg-type]
    if field == "url":
        return str(want or "").rstrip("/").split("://")[-1] == str(got or "").rstrip("/").split("://")[-1]
    if field == "date":
        return (want or None) == ((got or "")[:10] or None)  # type: ignore[index]
    return _norm(want) == _norm(got)  # type: ignore[arg-type]


def evaluate(shared: Path) -> tuple[dict[str, float], list[str]]:
    """Accuracy per field, and one line per miss."""
    truth = json.loads(TRUTH.read_text("utf-8"))
    hits = dict.fromkeys(FIELDS, 0)
    misses = []
    for page_id, want in truth.items():
        data = gzip.decompress((shared / "bench" / "scrapinghub" / "html" / f"{page_id}.html.gz").read_bytes())
        meta = newsclean.clean(data, source=page_id).metadata
        got = {"title": meta.title, "date": meta.date, "authors": list(meta.authors), "site_name": meta.site_name,
               "language": meta.language, "url": meta.url}
        for field in FIELDS:
            if _same(field, want[field], got[field]):
                hits[field] += 1
            else:
                misses.append(f"{page_id[:10]} {field}: want {want[field]!r}, got {got[field]!r}")
    return {field: hits[field] / len(truth) for field in FIELDS}, misses
