"""Site templates: the lines a site prints on page after page (menus, footers, newsletter boxes,
"most read" lists), learned across the pages of one run and removed by the rule `site-template`.

Pages are grouped by site: the host of their URL when the page states one, else by the template
lines they share, so a flat folder of mixed sites sorts itself out. A group's model counts, for
each line (its normalized text), how many of the group's pages carry it. Learning looks at all
pages before any is cleaned, in a fixed order, so results never depend on file order or workers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from hashlib import blake2b
from urllib.parse import urlsplit

from .blocks import to_blocks
from .decode import decode
from .model import Block, Features, InputError, Label, Verdict
from .rules import URL, normalize
from .settings import Settings

# Lines longer than this are prose, never template candidates (and cost nothing to skip).
MAX_TEMPLATE_WORDS = 25
# A page joins a group when this share of its candidate lines are already the group's.
JOIN_SHARE = 0.3
# A group learns nothing until it has this many pages: one or two pages teach nothing.
MIN_PAGES = 3
# A line on at least this share of a group's pages (and on MIN_PAGES of them) is template.
TEMPLATE_SHARE = 0.5
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Signature:
    """What learning needs from one page: its site (if stated) and its candidate lines."""

    source: str
    host: str | None
    lines: frozenset[int]  # line_id() of each candidate line


@dataclass(slots=True)
class Group:
    """One site (or one template of a site): its pages and how many of them carry each line."""

    name: str
    number: int
    pages: list[str] = field(default_factory=list)
    counts: Counter[int] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class SiteModel:
    """What cleaning one page needs: the group's name and size, and its template lines."""

    site: str
    pages: int
    lines: dict[int, int]  # line_id() of a template line -> pages of the group that carry it

    def share(self, text: str) -> int:
        """How many of the group's pages carry a block with this text (0: not template)."""
        return self.lines.get(line_id(text), 0)


def line_id(text: str) -> int:
    """A line's identity across pages and runs: a stable 64-bit digest of its normalized words
    (figures replaced, so dates and counters match). Digests keep 10,000 pages' lines small."""
    key = _DIGITS.sub("0", normalize(text))
    return int.from_bytes(blake2b(key.encode(), digest_size=8).digest(), "big") if key else 0


def candidate_lines(blocks: Iterable[Block]) -> frozenset[int]:
    """The short lines of a page, as line_id()s."""
    out = set()
    for block in blocks:
        text = block.text
        if len(text) <= 300 and len(text.split()) <= MAX_TEMPLATE_WORDS:
            ident = line_id(text)
            if ident:
                out.add(ident)
    return frozenset(out)


def host_of(blocks: tuple[Block, ...], declared_urls: list[str]) -> str | None:
    for url in declared_urls:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    for block in blocks[:200]:
        if block.text.startswith(("http://", "https://")):
            match = URL.match(block.text)
            host = urlsplit(match.group()).hostname if match else None
            if host:
                return host.removeprefix("www.")
    return None


def signature(data: bytes, source: str, settings: Settings) -> Signature | None:
    """The learning view of one input, or None when it cannot be read as a page."""
    try:
        doc = decode(data, source, settings)
    except InputError:
        return None
    blocks, declared = to_blocks(doc)
    urls = [f.value for f in declared.get("url", ())]
    return Signature(source, host_of(blocks, urls), candidate_lines(blocks))


def group_pages(signatures: Iterable[Signature]) -> list[Group]:
    """Groups of pages sharing a template, built in order of source path: a page joins the group
    holding most of its lines (at least JOIN_SHARE of them), never one of another host; a site's
    redesign shows as a second group of the same host."""
    groups: list[Group] = []
    hosts: dict[int, str | None] = {}
    # line -> groups carrying it, to score a page against groups without comparing to each one
    index: dict[int, set[int]] = {}
    for sig in sorted(signatures, key=lambda s: s.source):
        overlap: Counter[int] = Counter()
        for line in sig.lines:
            overlap.update(index.get(line, ()))
        fits = [g for g in overlap if sig.host is None or hosts[g] in (None, sig.host)]
        best = min(fits, key=lambda g: (-overlap[g], g)) if fits else None
        if best is not None and overlap[best] >= JOIN_SHARE * max(1, len(sig.lines)):
            group = groups[best]
        else:
            group = Group(sig.host or "a site", len(groups))
            groups.append(group)
            hosts[group.number] = None
        if sig.host and hosts[group.number] is None:
            hosts[group.number] = sig.host
            group.name = sig.host
        group.pages.append(sig.source)
        group.counts.update(sig.lines)
        for line in sig.lines:
            index.setdefault(line, set()).add(group.number)
    return groups


def models(groups: Iterable[Group]) -> dict[str, SiteModel]:
    """source -> the model of its group; pages of groups too small to learn from get none."""
    out: dict[str, SiteModel] = {}
    for group in groups:
        size = len(group.pages)
        if size < MIN_PAGES:
            continue
        needed = max(MIN_PAGES, TEMPLATE_SHARE * size)
        lines = {line: n for line, n in group.counts.items() if n >= needed}
        model = SiteModel(group.name, size, lines)
        for source in group.pages:
            out[source] = model
    return out


def mark_template(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                  model: SiteModel | None, settings: Settings) -> tuple[Verdict, ...]:
    """Blocks the site prints on many of its pages are template. Prose that merely recurs (a
    credit line, a standing disclaimer) must be on nearly every page to go."""
    if model is None or not model.lines:
        return verdicts
    out = list(verdicts)
    for i, (block, feat, verdict) in enumerate(zip(blocks, feats, verdicts, strict=True)):
        if verdict.label is Label.BAD or feat.words > MAX_TEMPLATE_WORDS:
            continue
        count = model.share(block.text)
        if not count:
            continue
        if verdict.label is Label.GOOD and count < settings.template_prose_share * model.pages:
            continue
        out[i] = Verdict(i, Label.BAD, "site-template", f"on {count} of {model.pages} pages of {model.site}")
    return tuple(out)
