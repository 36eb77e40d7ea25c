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
from pathlib import PurePath
from typing import Final
from urllib.parse import urlsplit

from .filenames import shown
from .model import Block, Features, Found, InputError, Label, Verdict
from .settings import Settings

# The rule that removes a line of a site's template (catalog.py lists it with the other context rules).
SITE_TEMPLATE: Final = "site-template"

# The text rules and the reading stages are imported where a page is read or its lines counted:
# a run with nothing new to clean (cron, most hours) loads none of them.

# Lines longer than this are prose, never template candidates (and cost nothing to skip).
MAX_TEMPLATE_WORDS = 25
# A page joins a group when this share of its candidate lines are already the group's.
JOIN_SHARE = 0.3
# A group learns nothing until it has this many pages: one or two pages teach nothing.
MIN_PAGES = 3
# A line on at least this share of a group's pages (and on MIN_PAGES of them) is template.
TEMPLATE_SHARE = 0.5
# A line not met in this many of its group's latest pages (and in fewer pages than that overall)
# is forgotten.
STALE_PAGES = 200
# A group remembers the fingerprints of this many of its latest pages, so a page it learned from,
# met again (a copy, the same page from a models file), is not counted twice.
PRINTS_KEPT = 5000
# A dump states its page's address in a URL line at its top (as scrapers print it); URL lines further
# down are links to other sites (ads, embeds) and say nothing of the page's own.
URL_LINE_BLOCKS = 3
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Signature:
    """What learning needs from one page: its site (if stated) and its candidate lines."""

    source: str
    host: str | None
    lines: frozenset[int]  # line_id() of each candidate line
    fingerprint: int = 0  # digest() of the input's bytes


@dataclass(slots=True)
class Group:
    """One site (or one template of a site): how many pages it was learned from (`earlier` in
    past runs, `pages` in this one) and how many of them carry each line; `seen` is the group's
    size when a line was last met, so lines a site stopped printing can age out."""

    name: str
    number: int
    host: str | None = None
    earlier: int = 0
    pages: list[str] = field(default_factory=list)
    counts: Counter[int] = field(default_factory=Counter)
    seen: dict[int, int] = field(default_factory=dict)
    revisits: list[str] = field(default_factory=list)  # pages counted in an earlier run, cleaned again
    prints: list[int] = field(default_factory=list)  # fingerprints of its latest counted pages, oldest first

    @property
    def size(self) -> int:
        return self.earlier + len(self.pages)


@dataclass(frozen=True, slots=True)
class SiteModel:
    """What cleaning one page needs: the group's name and size, and its template lines."""

    site: str
    pages: int
    lines: dict[int, int]  # line_id() of a template line -> pages of the group that carry it

    def share(self, text: str) -> int:
        """How many of the group's pages carry a block with this text (0: not template)."""
        return self.lines.get(line_id(text), 0)


def digest(data: bytes) -> int:
    """A stable 64-bit digest."""
    return int.from_bytes(blake2b(data, digest_size=8).digest(), "big")


def line_id(text: str) -> int:
    """A line's identity across pages and runs: a stable 64-bit digest of its normalized words
    (figures replaced, so dates and counters match). Digests keep 10,000 pages' lines small."""
    from .text import normalize

    key = _DIGITS.sub("0", normalize(text))
    return digest(key.encode()) if key else 0


def candidate_lines(blocks: Iterable[Block]) -> frozenset[int]:
    """The short lines of a page, as line_id()s. An HTML block too is known by its text alone: a
    coarse position (inside the article container or not, which third or half of the page) split a
    line's count whenever the container or the article's length moved it, and lost more template
    than it spared (F1 0.9614 -> 0.9603 to 0.9613 on the multi-site HTML)."""
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
    for block in blocks[:URL_LINE_BLOCKS]:
        if block.text.startswith(("http://", "https://")):
            from .rules import URL

            match = URL.match(block.text)
            host = urlsplit(match.group()).hostname if match else None
            if host:
                return host.removeprefix("www.")
    return None


def site_host(name: str) -> str:
    """The host a --site NAME stands for: 'https://www.Example.com/news' and 'example.com' alike
    ('' for an address without a host)."""
    name = name.strip()
    try:
        host = urlsplit(name if "://" in name else f"//{name}").hostname or ""
    except ValueError:  # 'http://[::1' and the like
        return ""
    return host.removeprefix("www.")


def signature(data: bytes, source: str, settings: Settings, charset: str | None = None,
              host: str | None = None) -> Signature | None:
    """The learning view of one input, or None when it cannot be read as a page. A crawl's record
    comes with its `charset` and the `host` it was fetched from."""
    from .blocks import to_blocks
    from .decode import decode

    try:
        doc = decode(data, source, settings, charset)
    except InputError:
        return None
    blocks, declared, _ = to_blocks(doc, urls_only=True)
    return signature_of(blocks, declared, source, digest(data), host)


def signature_of(blocks: tuple[Block, ...], declared: dict[str, list[Found]], source: str, fingerprint: int,
                 host: str | None = None) -> Signature:
    """The learning view of a page already read into blocks (pipeline.prepare)."""
    if host is None:
        host = host_of(blocks, [f.value for f in declared.get("url", ())])
    return Signature(source, host, candidate_lines(blocks), fingerprint)


def group_pages(signatures: Iterable[Signature], known: Iterable[Group] = (),
                counted: frozenset[str] | set[str] = frozenset(), site: str | None = None) -> list[Group]:
    """Groups of pages sharing a template, built in order of source path on top of the groups
    learned in earlier runs: a page joins the group holding most of its lines (at least JOIN_SHARE
    of them), never one of another host; a site's redesign shows as a second group of the host.
    `site` (--site) is every page's host, whatever address the page states."""
    groups: list[Group] = []
    # line -> groups carrying it, to score a page against groups without comparing to each one
    index: dict[int, set[int]] = {}
    counted_prints: dict[int, int] = {}  # fingerprint of a page counted -> its group
    for group in known:
        group.number = len(groups)
        groups.append(group)
        for line in group.counts:
            index.setdefault(line, set()).add(group.number)
        counted_prints.update(dict.fromkeys(group.prints, group.number))
    for sig in sorted(signatures, key=lambda s: s.source):
        if sig.fingerprint in counted_prints:  # the same bytes, counted already (a copy, a models file's page)
            groups[counted_prints[sig.fingerprint]].revisits.append(sig.source)
            continue
        host = site or sig.host
        overlap: Counter[int] = Counter()
        for line in sig.lines:
            overlap.update(index.get(line, ()))
        fits = [g for g in overlap if host is None or groups[g].host in (None, host)]
        best = min(fits, key=lambda g: (-overlap[g], g)) if fits else None
        if best is not None and overlap[best] >= JOIN_SHARE * max(1, len(sig.lines)):
            group = groups[best]
        else:
            group = Group(host or f"the site of {shown(PurePath(sig.source).name)}", len(groups))
            groups.append(group)
        if host and group.host is None:
            group.host = group.name = host
        if sig.source in counted:
            group.revisits.append(sig.source)  # its lines are in the counts already
            continue
        group.pages.append(sig.source)
        group.prints.append(sig.fingerprint)
        counted_prints[sig.fingerprint] = group.number
        group.counts.update(sig.lines)
        size = group.size
        for line in sig.lines:
            group.seen[line] = size
            index.setdefault(line, set()).add(group.number)
    return groups


def forget_stale(group: Group) -> None:
    """Keep a group's model bounded: a line met on one page long ago will not become template,
    and a line the site stopped printing long ago is no longer its template."""
    size = group.size
    stale = [line for line, n in group.counts.items()
             if size - group.seen.get(line, 0) > max(STALE_PAGES, n if n > 1 else 0)]
    for line in stale:
        del group.counts[line]
        group.seen.pop(line, None)
    del group.prints[:-PRINTS_KEPT]


def template_lines(counts: Counter[int], pages: int) -> dict[int, int]:
    """The lines of a site learned from `pages` pages that are its template (none below MIN_PAGES)."""
    if pages < MIN_PAGES:
        return {}
    needed = max(MIN_PAGES, TEMPLATE_SHARE * pages)
    return {line: n for line, n in counts.items() if n >= needed}


def models(groups: Iterable[Group]) -> dict[str, SiteModel]:
    """source -> the model of its group; pages of groups too small to learn from get none."""
    out: dict[str, SiteModel] = {}
    for group in groups:
        size = group.size
        if size < MIN_PAGES:
            continue
        model = SiteModel(group.name, size, template_lines(group.counts, size))
        for source in (*group.pages, *group.revisits):
            out[source] = model
    return out


@dataclass(slots=True)
class HostCounts:
    """What a crawl teaches of one host: how many of its pages were read, and how many carry each
    line. Counts add up, so shards of a crawl learn apart and merge (merge_counts) to what one pass
    over all of them learns."""

    pages: int = 0
    lines: Counter[int] = field(default_factory=Counter)


def count_hosts(signatures: Iterable[Signature]) -> dict[str, HostCounts]:
    """Per host, the counts of a crawl's pages (a crawl groups pages by the host each was fetched
    from; a page without one teaches nothing)."""
    out: dict[str, HostCounts] = {}
    for sig in signatures:
        count_page(out, sig)
    return out


def count_page(counts: dict[str, HostCounts], sig: Signature) -> None:
    """Add one page to a crawl's counts (a page without a host teaches nothing)."""
    if sig.host:
        host = counts.setdefault(sig.host, HostCounts())
        host.pages += 1
        host.lines.update(sig.lines)


def merge_counts(*parts: dict[str, HostCounts]) -> dict[str, HostCounts]:
    """The counts of several shards as one (a new value; the parts are left as they were)."""
    out: dict[str, HostCounts] = {}
    for part in parts:
        for host, counts in part.items():
            into = out.setdefault(host, HostCounts())
            into.pages += counts.pages
            into.lines.update(counts.lines)
    return out


def host_models(counts: dict[str, HostCounts]) -> dict[str, SiteModel]:
    """host -> its model, for the hosts with enough pages to learn from (in host order)."""
    out = {}
    for host in sorted(counts):
        pages = counts[host].pages
        if pages >= MIN_PAGES:
            out[host] = SiteModel(host, pages, template_lines(counts[host].lines, pages))
    return out


def mark_template(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                  model: SiteModel | None, settings: Settings) -> tuple[Verdict, ...]:
    """Blocks the site prints on many of its pages are template. Prose that merely recurs (a
    credit line, a standing disclaimer) must be on nearly every page to go."""
    if model is None or not model.lines or SITE_TEMPLATE in settings.disabled_rules:
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
        out[i] = Verdict(i, Label.BAD, SITE_TEMPLATE, f"on {count} of {model.pages} pages of {model.site}")
    return tuple(out)


def export_groups(groups: Iterable[Group]) -> dict:
    """Models as JSON-ready data (for --templates FILE): line digests in hex, counts, ages."""
    return {"version": 1, "groups": [
        {"name": g.name, "host": g.host, "pages": g.size,
         "lines": {f"{line:016x}": [n, g.seen.get(line, g.size)] for line, n in sorted(g.counts.items())},
         "prints": [f"{p:016x}" for p in g.prints]}
        for g in groups if g.size]}


def import_groups(data: dict) -> list[Group]:
    """Groups from export_groups() data; raises ValueError when it is not such data."""
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("groups"), list):
        raise ValueError("not a newsclean templates file (version 1)")
    groups = []
    for number, item in enumerate(data["groups"]):
        lines = {int(key, 16): (int(n), int(seen)) for key, (n, seen) in item["lines"].items()}
        groups.append(Group(str(item["name"]), number, item.get("host"), int(item["pages"]), [],
                            Counter({k: v[0] for k, v in lines.items()}), {k: v[1] for k, v in lines.items()},
                            prints=[int(p, 16) for p in item.get("prints", ())]))
    return groups
