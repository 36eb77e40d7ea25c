"""Where the headline sits: the anchor the body follows, and the title of the article.

A page states its headline several times: in the window title (the first line of most dumps,
"Headline - Site"), as the h1 above the body, in a syndication credit. The body starts shortly
after the headline copy that precedes it, which is what keeps a long comment thread or a feed of
other articles from being taken for the article.
"""

from __future__ import annotations

import re
from typing import Final

from .model import Block, Features, Found, Label, Page, Verdict, window_title
from .rules import HEADLINE_CAPITALS, HEADLINE_MIN_WORDS, SYNDICATION
from .settings import Settings
from .text import RUN_START, normalize, title_case_ratio

TITLE_SEPARATORS: Final = re.compile(RUN_START + r"\s++[|\-–—:·•»]\s+")


# A block is a copy of the title when most of its words are the title's and it covers much of it.
_OWN_SHARE, _COVER_SHARE = 0.8, 0.5
# A site's name in a window title ('Headline - Site') has this many words at most.
SITE_MAX_WORDS: Final = 5
# A window title split into more parts than this is no 'Headline - Site' pair (nor worth the runs
# of parts, which grow with the square of their number).
_MAX_TITLE_PARTS: Final = 12
# A block this long that ends as a sentence is a paragraph of prose: the headline stands above it.
_PROSE_WORDS: Final = 25
# A heading is a page's headline when this many paragraphs of prose follow within this many blocks.
_HEADING_PROSE, _HEADING_REACH = 3, 20


def split_title(line: str, printed: dict[str, int] | None = None) -> tuple[str, str | None]:
    """'Headline - Site' -> ('Headline', 'Site'). The headline is the run of parts the page prints
    again as a line of its own ('Biden wins' in 'Biden wins | The Washington Post'; 'Réforme : le
    gouvernement recule' in 'Réforme : le gouvernement recule - Le Journal'), the one printed
    fewest times when several are (a site's name recurs in the masthead and the footer); without
    such a copy (`printed`: normalized lines of the page -> copies), the longest part."""
    pieces = TITLE_SEPARATORS.split(line)
    seps = [m.group() for m in TITLE_SEPARATORS.finditer(line)]
    parts = [p.strip() for p in pieces]
    if sum(1 for p in parts if p) < 2 or len(parts) > _MAX_TITLE_PARTS:
        return line.strip(), None
    runs = [(i, j) for i in range(len(parts)) for j in range(i, len(parts))
            if (i, j) != (0, len(parts) - 1) and parts[i] and parts[j]]
    text = {(i, j): "".join(parts[k] + (seps[k] if k < j else "") for k in range(i, j + 1)) for i, j in runs}
    copies = {run: printed.get(normalize(text[run]), 0) for run in runs} if printed else {}
    shown = [run for run in runs if copies.get(run)]
    # A later part printed alone is most often the site's name in the masthead ('Headline | City
    # Paper' over a 'City Paper' link): alone, only the first part decides (the usual order).
    if len(shown) == 1 and shown[0][0] == shown[0][1] > 0:
        shown = []
    if shown:
        i, j = min(shown, key=lambda run: (copies[run], -len(text[run]), run))
    else:
        i = j = max((k for k in range(len(parts)) if parts[k]), key=lambda k: (len(parts[k]), -k))
    rest = [p for k, p in enumerate(parts) if p and not i <= k <= j]
    site = (rest[-1] if j < len(parts) - 1 else rest[0]) if rest else ""
    return text[(i, j)] if (i, j) in text else parts[i], site if site and len(site.split()) <= SITE_MAX_WORDS else None


def printed_lines(feats: tuple[Features, ...]) -> dict[str, int]:
    """The short lines (normalized) printed above the page's first paragraph of prose, where a
    headline stands, after the window title -> how many times each is printed."""
    counts: dict[str, int] = {}
    for feat in feats[1:]:
        if feat.words >= _PROSE_WORDS and feat.sentence_end:
            break
        if feat.key:
            counts[feat.key] = counts.get(feat.key, 0) + 1
    return counts


def syndicated_title(blocks: tuple[Block, ...], classified: tuple[Verdict, ...]) -> str | None:
    """The headline quoted in a 'The post X appeared first on Y.' credit (a block the
    `syndication` rule already picked out)."""
    for block, verdict in zip(reversed(blocks), reversed(classified), strict=True):
        if verdict.rule == "syndication":
            match = SYNDICATION.match(block.text)
            return match.group("title").strip() if match and match.group("title") else None
    return None


def _is_copy(words: list[str], title: frozenset[str], title_len: int) -> bool:
    if len(words) < 2:
        return False
    own = sum(1 for w in words if w in title) / len(words)
    return own >= _OWN_SHARE and len(set(words) & title) >= _COVER_SHARE * title_len


def dump_heading(blocks: tuple[Block, ...], classified: tuple[Verdict, ...]) -> str:
    """The headline of a page without a window title: its first top-level heading (a text browser
    prints its headings at the margin, blocks.dump_headings) that no rule removes and that
    paragraphs of prose follow (a heading over a comment form or a poll is not the article's), or ""."""
    for i, block in enumerate(blocks):
        if block.tag == "h1" and classified[i].label is not Label.BAD and sum(
                1 for v in classified[i + 1:i + 1 + _HEADING_REACH] if v.label is Label.GOOD) >= _HEADING_PROSE:
            return block.text
    return ""


def stated_title(blocks: tuple[Block, ...], feats: tuple[Features, ...]) -> str:
    """The headline of a dump without a window title that prints the title itself, 'Headline | Site',
    as a heading above its first paragraph of prose, with the headline printed again as a line of
    its own below it, or ""."""
    for i, (block, feat) in enumerate(zip(blocks, feats, strict=True)):
        if feat.words >= _PROSE_WORDS and feat.sentence_end:
            break
        if block.tag != "h1" or not TITLE_SEPARATORS.search(block.text):
            continue
        headline, site = split_title(block.text, printed_lines(feats[i:]))
        if site is not None and any(f.key == normalize(headline) for f in feats[i + 1:]):
            return headline
    return ""


def headline_indices(blocks: tuple[Block, ...], feats: tuple[Features, ...], classified: tuple[Verdict, ...],
                     ) -> tuple[int, ...]:
    """Indices of blocks (after the window title) that repeat the page's title or syndicated headline."""
    if len(blocks) < 2:
        return ()
    quoted = syndicated_title(blocks, classified)
    window = window_title(blocks)
    title_text = quoted if quoted else split_title(window)[0] if window else (
        stated_title(blocks, feats) or dump_heading(blocks, classified))
    title_words = normalize(title_text).split()
    if len(title_words) < 2:
        return ()
    title = frozenset(title_words)
    longest = 2 * len(title_words) + 2
    return tuple(
        i for i, f in enumerate(feats[1:] if window else feats, 1 if window else 0)
        if f.key and f.words <= longest and not title.isdisjoint(f.tokens)
        and _is_copy(f.key.split(), title, len(title))
    )


# Context-free rules whose blocks may be the headline (everything else is furniture or prose).
_TITLE_RULES: Final = frozenset({"short", "headline-like", "sentence", "run-on"})
# A headline's length in words (in characters for a script without spaces, which counts few words).
TITLE_MIN_WORDS, TITLE_MAX_WORDS, TITLE_MIN_CJK_CHARS = 3, 30, 4
# What each sign of a headline weighs in title_score: right above a byline or dateline (within
# TITLE_HEADER_REACH blocks), of a headline's length, an <h1> or <h2>/<h3>, in Title Case, ending
# as a sentence does; and every TITLE_BLOCKS_PER_POINT blocks between it and the body cost a point.
TITLE_SIGNS: Final[dict[str, float]] = {"before_header": 3.0, "long": 1.0, "h1": 10.0, "h2": 4.0, "capitals": 2.0,
                                        "sentence": -3.0}
TITLE_HEADER_REACH: Final = 3
TITLE_BLOCKS_PER_POINT: Final = 10


def title_score(block: Block, feat: Features, distance: int, before_header: bool) -> float:
    """How much a block before the body looks like the headline: a heading, in Title Case, of a
    headline's length, right above the byline or dateline, near the body."""
    score = TITLE_SIGNS["before_header"] if before_header else 0.0
    if feat.words >= HEADLINE_MIN_WORDS:
        score += TITLE_SIGNS["long"]
    if block.tag == "h1":
        score += TITLE_SIGNS["h1"]
    elif block.tag in ("h2", "h3"):
        score += TITLE_SIGNS["h2"]
    if title_case_ratio(block.text) >= HEADLINE_CAPITALS:
        score += TITLE_SIGNS["capitals"]
    if feat.sentence_end and not block.text.endswith(("?", "!", "\u201d", '"')):
        score += TITLE_SIGNS["sentence"]
    return score - distance / TITLE_BLOCKS_PER_POINT


def find_title(page: Page, start: int, settings: Settings, window: str) -> Found | None:
    """The headline: the copy nearest before the body, the syndicated or window title (`window`,
    its headline part), else the most headline-like block shortly before the body."""
    blocks, feats = page.blocks, page.feats
    before = [i for i in page.anchors if i < start]
    if before:
        return Found(blocks[before[-1]].text, "headline-line", before[-1])
    quoted = syndicated_title(blocks, page.classified)
    if quoted:
        return Found(quoted, "syndication-line")
    if window and feats[0].words >= TITLE_MIN_WORDS and TITLE_SEPARATORS.search(window_title(blocks)):
        return Found(window, "window-title", 0)
    header = [i for i in range(len(blocks)) if page.classified[i].rule in ("byline", "date-line")]
    candidates = [
        (title_score(blocks[i], feats[i], start - i, any(0 < h - i <= TITLE_HEADER_REACH for h in header)), i)
        for i in range(max(0, start - settings.header_window), start)
        if page.classified[i].rule in _TITLE_RULES and TITLE_MIN_WORDS <= feats[i].words <= TITLE_MAX_WORDS
    ]
    if candidates:
        _, index = max(candidates, key=lambda c: (c[0], c[1]))
        return Found(blocks[index].text, "headline-line", index)
    return None


def declared_title(values: list[Found], outlets: frozenset[str]) -> Found | None:
    """A declared headline without a ' | Site' suffix (only a part that names the site goes)."""
    for found in values:
        parts = [p for p in TITLE_SEPARATORS.split(found.value) if p.strip()]
        kept = [p for p in parts if normalize(p).replace(" ", "") not in outlets]
        if kept and len(kept) < len(parts):
            return Found(" - ".join(kept).strip(), found.source)
        return found
    return None


def page_heading(page: Page, start: int, outlets: frozenset[str], titles: list[str],
                 settings: Settings) -> Found | None:
    """The headline as the page shows it: the first <h1> above the body that is not the site's
    name or a one-word label, and shares a word with the declared or window title if there is one."""
    known = {w for t in titles for w in normalize(t).split() if len(w) > 2 or not w.isascii()}
    for i in range(max(0, start - settings.header_window), min(start + 1, len(page.blocks))):
        block = page.blocks[i]
        if block.tag != "h1":
            continue
        if normalize(block.text).replace(" ", "") in outlets:
            continue
        if known and known.isdisjoint(normalize(block.text).split()):
            continue
        if page.feats[i].words >= TITLE_MIN_WORDS or (
                not block.text.isascii() and len(block.text) >= TITLE_MIN_CJK_CHARS):
            return Found(without_kicker(block.text.replace(SOFT_HYPHEN, ""), titles), "h1", i)
    return None


SOFT_HYPHEN: Final = "\xad"  # a hyphenation point, unseen unless the word breaks there
# Where a declared or window title parts a kicker from the headline ('Klimaschutz: Bohren, bis es heiß
# wird', 'Daten gehackt - Interne Unterlagen im Netz').
_KICKER_SEPARATOR: Final = re.compile(RUN_START + r"(?:\s*+:\s+|\s++[|\-–—·•»]\s+)")
# A kicker printed before the headline in its element has this many words at most.
KICKER_WORDS: Final = 6
# A title, or a part of one, is found at a heading's end when it has this many words at least.
KICKER_HEADLINE_MIN_WORDS: Final = 2
_KICKER_END: Final = re.compile(r"[:|\-–—·•»]\s*$")


def without_kicker(heading: str, titles: list[str]) -> str:
    """A heading printed as a kicker line and the headline in one element ('Interne Unterlagen im
    Netz Daten von Rheinmetall gehackt', 'KlimaschutzBohren, bis es heiß wird'): the headline, where
    a declared or window title is the heading's end and a few words come before it; or where a part
    of such a title is, the heading printing its other parts before it without a separator (a
    heading 'Storm: What we know' that a title repeats is the headline whole)."""
    heads = {" ".join(t.replace(SOFT_HYPHEN, "").split()) for t in titles}
    if heading in heads:
        return heading
    for title in heads:
        parts = [p.strip() for p in _KICKER_SEPARATOR.split(title)]
        for part in (title, *parts):
            if (len(part.split()) < KICKER_HEADLINE_MIN_WORDS or len(part) >= len(heading)
                    or not heading.endswith(part)):
                continue
            before = heading[: -len(part)]
            kicker = before.strip(" :|-–—·•»")
            if not kicker or len(kicker.split()) > KICKER_WORDS or not any(c.isalpha() for c in kicker):
                continue
            # Of a part, the title's other parts are the kicker: 'Klimaschutz: Bohren, ...'.
            others = {w for p in parts if p != part for w in normalize(p).split()}
            if part == title or (not _KICKER_END.search(before) and others <= set(normalize(kicker).split())):
                return part
    return heading
